/**
 * Fixed terms and their extensions (*avtalstid*, *förlängning*), and the
 * months a term is in force.
 *
 * @module
 */
import { ensureContract, parseContract } from "./parse.js";
import { addDays, addMonths, compareDates, makeDate, monthOf, monthsBetween, parseLocalDate, type LocalDate } from "../calendar/index.js";
import type { Contract, TermExtension } from "./schema.js";
import { fieldError, optionsOf as optionsObject, RulesError } from "../errors.js";
import { checkYear, earlier, integerIn, later, oneOf, resolveStart } from "./arguments.js";

/**
 * Options for {@link termEnd}.
 *
 * @example
 * ```ts
 * const options: TermEndOptions = { extensionsUsed: 1 };
 * ```
 */
export interface TermEndOptions {
  /** How many of the contract's extensions have been used; default 0. */
  extensionsUsed?: number;
}

/**
 * Options for {@link monthsInForce} and {@link termMonths}.
 *
 * @example
 * ```ts
 * const options: MonthsInForceOptions = { extensionsUsed: 1, partMonths: "count", start: "2020-01-01" };
 * ```
 */
export interface MonthsInForceOptions extends TermEndOptions {
  /**
   * A month the term covers only in part: `'count'` (default) counts it as
   * a month in force (the text's "9 månader 2018" for a term from
   * 2018-04-01); `'skip'` counts only whole months.
   */
  partMonths?: "count" | "skip";
  /** The start, where the text gives none (SON 2019-755). */
  start?: LocalDate;
  /** For an open-ended term: count up to this date (required for {@link termMonths}). */
  until?: LocalDate;
}

/**
 * The months a term is in force in one calendar year.
 *
 * @example
 * ```ts
 * const y: MonthsOfYear = { year: 2018, months: 9 };
 * ```
 */
export interface MonthsOfYear {
  /** The calendar year. */
  year: number;
  /** Its months in force, 0–12. */
  months: number;
}

/**
 * A term's months in force, in all and by year.
 *
 * @example
 * ```ts
 * const m: TermMonths = termMonths(contracts.boendestod);
 * m.months; //=> 21
 * ```
 */
export interface TermMonths {
  /** The commission's id. */
  contractId: string;
  /** The first day in force. */
  start: LocalDate;
  /** The last day counted: the term's end (with the extensions used), or `until`. */
  end: LocalDate;
  /** Months in force in all. */
  months: number;
  /** Months in force per calendar year, in year order. */
  byYear: MonthsOfYear[];
  /** How part months were counted. */
  partMonths: "count" | "skip";
  /** The term's clause, and the extension's when one was used. */
  clause: string;
}

function extensionClause(contract: Contract, wanted: number): TermExtension {
  const { term } = contract;
  if (term.end === null) {
    throw new RulesError(
      "EXTENSION_NOT_ALLOWED",
      `${contract.id}: the commission runs until further notice (tills vidare, ${term.clause}); it has no fixed end to extend`,
      [{ path: "extensionsUsed", expected: "0: an open-ended commission has no extension", received: wanted.toString() }],
    );
  }
  const ext = term.extensions;
  if (ext === null || wanted > ext.count) {
    const allowed = ext === null ? 0 : ext.count;
    throw new RulesError(
      "EXTENSION_NOT_ALLOWED",
      `${contract.id}: the term ${term.start} to ${term.end} allows ${allowed.toString()} extension${allowed === 1 ? "" : "s"}` +
        `${ext === null ? "" : ` (${ext.clause})`}, asked for ${wanted.toString()}`,
      [{ path: "extensionsUsed", expected: `at most ${allowed.toString()}`, received: wanted.toString() }],
    );
  }
  return ext;
}

/** The end after `n` extensions of `months` each, each running from the day after the previous end. */
function extendedEnd(end: LocalDate, months: number, n: number): LocalDate {
  return addDays(addMonths(addDays(end, 1), months * n), -1);
}

/**
 * The last day of a fixed term, after the extensions used (*förlängning*).
 *
 * Implements a term with an extension option, e.g. Boendestöd 2018 Bakgrund
 * *"Avtalen gäller 2018-01-01 till 2019-12-31 med möjlighet till förlängning
 * om 2 år vid ett tillfälle."* Each extension runs from the day after the
 * current end for `extensions.months` whole months and ends the day before
 * the same date that many months later (2020-01-01 + 24 months − 1 day =
 * 2021-12-31), so a term that ends on a month's last day still does after
 * extension. An open-ended term (*tills vidare*) has no end: `null`.
 *
 * @param contract - a parsed commission
 * @param options - `extensionsUsed` (default 0)
 * @returns the last day in force, or `null` for an open-ended term
 * @throws {@link RulesError} `EXTENSION_NOT_ALLOWED` when more extensions are
 *   asked for than the contract allows, or any for an open-ended term;
 *   `INVALID_ARGUMENT` for a negative or non-integer count
 * @example
 * ```ts
 * termEnd(contracts.boendestod);                         //=> "2019-12-31"
 * termEnd(contracts.boendestod, { extensionsUsed: 1 });  //=> "2021-12-31"
 * termEnd(contracts.boendestod, { extensionsUsed: 2 });  // throws RulesError EXTENSION_NOT_ALLOWED
 * termEnd(contracts.familjeradgivning);                  //=> null
 * ```
 */
export function termEnd(contract: Contract, options?: TermEndOptions): LocalDate | null {
  contract = ensureContract(contract);
  const used = integerIn(optionsObject(options, "options").extensionsUsed ?? 0, 0, 99, "options.extensionsUsed");
  if (used === 0) return contract.term.end;
  const ext = extensionClause(contract, used);
  return extendedEnd(contract.term.end as LocalDate, ext.months, used);
}

/**
 * The commission with its fixed term extended: a new, frozen
 * {@link Contract} whose `term.end` is moved by `n` extensions and whose
 * `term.extensions.count` is what remains, so that a second call cannot use
 * an extension twice. The input is never changed.
 *
 * Implements e.g. Boendestöd 2018 Ärende *"en avtalstid på 2 år med
 * möjlighet till förlängning med ytterligare 2 år"*, recorded as one
 * extension of 24 months; the new end is counted as in {@link termEnd}. A
 * note saying which extension was used is appended to `notes`.
 *
 * @param contract - a parsed commission with a fixed term
 * @param n - extensions to use now, default 1
 * @returns a new frozen commission
 * @throws {@link RulesError} `EXTENSION_NOT_ALLOWED` when the contract has no
 *   (or not enough) extensions left, or is open-ended; `INVALID_ARGUMENT` for
 *   `n` not an integer 1 or more
 * @example
 * ```ts
 * const extended = extendTerm(contracts.boendestod);
 * extended.term.end;               //=> "2021-12-31"
 * extended.term.extensions?.count; //=> 0
 * extendTerm(extended);            // throws RulesError EXTENSION_NOT_ALLOWED
 * ```
 */
export function extendTerm(contract: Contract, n = 1): Contract {
  contract = ensureContract(contract);
  const count = integerIn(n, 1, 99, "n");
  const ext = extensionClause(contract, count);
  const { term } = contract;
  const end = extendedEnd(term.end as LocalDate, ext.months, count);
  const note = `Förlängd: ${count.toString()} × ${ext.months.toString()} månader, uppdragstiden gäller till och med ${end} (${ext.clause}).`;
  // Validated again and frozen, so a changed contract is as trustworthy as a parsed one.
  return parseContract({
    ...contract,
    term: Object.freeze({ ...term, end, extensions: Object.freeze({ ...ext, count: ext.count - count }) }),
    notes: [...contract.notes, note],
  });
}

function countMonths(start: LocalDate, end: LocalDate, partMonths: "count" | "skip"): number {
  if (compareDates(end, start) < 0) return 0;
  let months = monthsBetween(monthOf(start), monthOf(end)) + 1;
  if (partMonths === "skip") {
    if (start.slice(8) !== "01") months -= 1;
    if (addDays(end, 1).slice(8) !== "01") months -= 1;
  }
  return Math.max(months, 0);
}

function termWindow(contract: Contract, options: MonthsInForceOptions | undefined, needEnd: boolean) {
  const opts = optionsObject(options, "options");
  const partMonths = oneOf(opts.partMonths, ["count", "skip"] as const, "options.partMonths", "count");
  const start = resolveStart(contract, opts.start, "options.start");
  const end = termEnd(contract, { extensionsUsed: opts.extensionsUsed ?? 0 });
  let last = end;
  if (opts.until !== undefined) {
    const until = parseLocalDate(opts.until, "options.until");
    last = end === null ? until : earlier(end, until);
  }
  if (needEnd && last === null) {
    throw fieldError("INVALID_ARGUMENT", "options.until", `a date YYYY-MM-DD: the term runs until further notice (${contract.term.clause})`, undefined);
  }
  const used = opts.extensionsUsed ?? 0;
  const clause = used > 0 && contract.term.extensions !== null ? `${contract.term.clause}; ${contract.term.extensions.clause}` : contract.term.clause;
  return { start, last, partMonths, clause };
}

/**
 * How many months of a calendar year a commission's term is in force.
 *
 * Implements the counting of Boendestöd 2018 Förslag *"Optionerna och
 * verksamhetsuppdraget föreslås för 21 månader fördelat på 9 månader 2018 och
 * 12 månader 2019"*: a month counts when the term covers at least one of its
 * days (`partMonths: 'count'`, the default), or only when it covers all of
 * them (`'skip'`). Extensions used move the end as {@link termEnd} does; an
 * open-ended term counts every month from its start.
 *
 * @param contract - a parsed commission
 * @param year - the calendar year
 * @param options - `extensionsUsed`, `partMonths`, `start` (for an unknown start), `until`
 * @returns 0–12
 * @throws {@link RulesError} `UNKNOWN_START` when the start is unknown and
 *   `options.start` is not given; `EXTENSION_NOT_ALLOWED` as {@link termEnd};
 *   `INVALID_ARGUMENT` for a bad year or options
 * @example
 * ```ts
 * monthsInForce(contracts.boendestod, 2018); //=> 9
 * monthsInForce(contracts.boendestod, 2019); //=> 12
 * monthsInForce(contracts.boendestod, 2020); //=> 0
 * monthsInForce(contracts.boendestod, 2020, { extensionsUsed: 1 }); //=> 12
 * ```
 */
export function monthsInForce(contract: Contract, year: number, options?: MonthsInForceOptions): number {
  contract = ensureContract(contract);
  checkYear(year);
  const { start, last, partMonths } = termWindow(contract, options, false);
  const from = later(start, makeDate(year, 1, 1));
  const to = last === null ? makeDate(year, 12, 31) : earlier(last, makeDate(year, 12, 31));
  return countMonths(from, to, partMonths);
}

/**
 * The months a term is in force in all and per year: the option period of a
 * fixed term (Boendestöd: 21 months, 9 of 2018 and 12 of 2019).
 *
 * Implements Boendestöd 2018 Förslag *"Optionerna och verksamhetsuppdraget
 * föreslås för 21 månader fördelat på 9 månader 2018 och 12 månader 2019"*,
 * counted as {@link monthsInForce} counts each year. An open-ended term needs
 * `options.until`.
 *
 * @param contract - a parsed commission
 * @param options - `extensionsUsed`, `partMonths`, `start` (for an unknown start), `until`
 * @returns the months in all and by year, with the clause
 * @throws {@link RulesError} `INVALID_ARGUMENT` for an open-ended term
 *   without `options.until`; otherwise as {@link monthsInForce}
 * @example
 * ```ts
 * termMonths(contracts.boendestod);
 * //=> { contractId: "boendestod", start: "2018-04-01", end: "2019-12-31", months: 21,
 * //     byYear: [{ year: 2018, months: 9 }, { year: 2019, months: 12 }], partMonths: "count",
 * //     clause: "Boendestöd 2018, Förslag till beslut" }
 * termMonths(contracts.boendestod, { extensionsUsed: 1 }).months; //=> 45
 * ```
 */
export function termMonths(contract: Contract, options?: MonthsInForceOptions): TermMonths {
  contract = ensureContract(contract);
  const { start, last, partMonths, clause } = termWindow(contract, options, true);
  const end = last as LocalDate;
  const byYear: MonthsOfYear[] = [];
  const firstYear = Number(start.slice(0, 4));
  const lastYear = Number(end.slice(0, 4));
  let months = 0;
  for (let year = firstYear; year <= lastYear; year++) {
    const from = later(start, makeDate(year, 1, 1));
    const to = earlier(end, makeDate(year, 12, 31));
    const m = countMonths(from, to, partMonths);
    byYear.push({ year, months: m });
    months += m;
  }
  return { contractId: contract.id, start, end, months, byYear, partMonths, clause };
}
