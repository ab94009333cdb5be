/**
 * Reporting deadlines (*verksamhetsberättelse*, *lex Sarah-sammanställning*),
 * due each year for the previous calendar year.
 *
 * @module
 */
import { ensureContract } from "../contracts/parse.js";
import { addDays, isWorkday, makeDate, yearOf, type LocalDate } from "../calendar/index.js";
import type { Contract } from "../contracts/schema.js";
import { fieldError } from "../errors.js";
import { checkYear, optionsObject, overlaps, parseRoll, resolveStart, roll, type RollRule } from "./internal.js";

/**
 * {@link roll}, or `null` when the next workday would fall after 9999-12-31,
 * where the calendar ends: a 31 December 9999 deadline (nyårsafton is no
 * workday) rolled forward is not due in 9999, nor in any year that can be asked for.
 */
function rollInCalendar(date: LocalDate, rule: RollRule): LocalDate | null {
  if (rule === "next-workday" && yearOf(date) === 9999) {
    for (let d = date; !isWorkday(d); d = addDays(d, 1)) if (d === "9999-12-31") return null;
  }
  return roll(date, rule);
}

/**
 * The kinds of yearly report the commissions require: the activity report
 * (*verksamhetsberättelse*) and the summary of lex Sarah reports
 * (*sammanställning över samtliga lex Sarah-rapporter och -anmälningar*).
 *
 * @example
 * ```ts
 * const kind: ReportKind = "lex-sarah-summary";
 * ```
 */
export type ReportKind = "activity-report" | "lex-sarah-summary";

/**
 * One reporting deadline: when it is due, what it reports on, and the clause.
 *
 * @example
 * ```ts
 * const d: Deadline = deadlines(contracts.familjeradgivning, 2024)[0]!;
 * //=> { due: "2024-03-31", kind: "activity-report", covers: 2023, clause: "SON 2021-233 §4.1", workday: false,
 * //     nominal: "2024-03-31", rolled: false, title: "Verksamhetsberättelse 2023", contractId: "familjeradgivning", quote: "…" }
 * ```
 */
export interface Deadline {
  /** The day the report is due (after any roll). */
  due: LocalDate;
  /** Which report. */
  kind: ReportKind;
  /** The calendar year it reports on. */
  covers: number;
  /** The clause, e.g. `"SON 2021-233 §4.1"`. */
  clause: string;
  /** Whether `due` is a workday. */
  workday: boolean;
  /** The contract's date (`dueMonth`/`dueDay` in the due year), before any roll. */
  nominal: LocalDate;
  /** True when `due` was moved from `nominal` to the next workday. */
  rolled: boolean;
  /** A Swedish title, e.g. `"Verksamhetsberättelse 2023"`. */
  title: string;
  /** The commission's id. */
  contractId: string;
  /** The clause's Swedish sentence, when the contract data carries it. */
  quote?: string;
}

/**
 * Options for {@link deadlines}.
 *
 * @example
 * ```ts
 * const options: DeadlineOptions = { roll: "next-workday", start: "2020-01-01" };
 * ```
 */
export interface DeadlineOptions {
  /** `'none'` (default) keeps the contract's date; `'next-workday'` moves it as lag (1930:173) §2. */
  roll?: RollRule;
  /**
   * The commission's start where the text gives none (SON 2019-755:
   * *"Verksamhetsuppdraget gäller tills vidare."*). Needed to know which
   * years it was in force; not allowed to contradict a start the text gives.
   */
  start?: LocalDate;
}

const REPORT_TITLES: Readonly<Record<ReportKind, string>> = /* @__PURE__ */ Object.freeze({
  "activity-report": "Verksamhetsberättelse",
  "lex-sarah-summary": "Lex Sarah-sammanställning",
});

/**
 * The Swedish title of a report for a year, e.g. `"Verksamhetsberättelse 2023"`.
 *
 * @param kind - the report
 * @param covers - the year it reports on
 * @returns the title
 * @example
 * ```ts
 * reportTitle("lex-sarah-summary", 2023); //=> "Lex Sarah-sammanställning 2023"
 * ```
 */
export function reportTitle(kind: ReportKind, covers: number): string {
  const k: unknown = kind;
  if (typeof k !== "string" || !Object.hasOwn(REPORT_TITLES, k)) {
    throw fieldError("INVALID_ARGUMENT", "kind", `one of ${Object.keys(REPORT_TITLES).join(", ")}`, k);
  }
  if (!Number.isSafeInteger(covers) || covers < 1000 || covers > 9999) throw fieldError("INVALID_ARGUMENT", "covers", "a year as an integer 1000–9999", covers);
  return `${REPORT_TITLES[kind]} ${covers.toString()}`;
}

/**
 * The reporting deadlines of a commission that fall in `year`.
 *
 * Implements each reporting obligation of the contract data, e.g. SON
 * 2021-233 §4.1 *"ska varje verksamhet en gång per år, senast 31 mars, …
 * redovisa en kortfattad verksamhetsberättelse"* and §4.2 *"En sammanställning
 * över samtliga lex Sarah- rapporter och -anmälningar … avseende föregående
 * kalenderår ska lämnas … senast den 31 mars varje år"*. Each report is due
 * on its `dueMonth`/`dueDay` and covers the previous calendar year; it is
 * listed only if the commission was in force on at least one day of that
 * year (Beroendemottagningen, from 2021-04-01: nothing due in 2021, the 2021
 * report due in 2022). A term with a fixed end still owes the report for its
 * last year, the following spring. Where the text gives no start (SON
 * 2019-755) the caller must pass `options.start`: the library does not
 * guess which years a commission was in force.
 *
 * With the default `roll: 'none'` the date stays as the contract writes it
 * and `workday` says whether it is one (31 March 2024 is påskdagen: `false`).
 * `roll: 'next-workday'` moves a deadline on a Saturday, Sunday or holiday to
 * the next workday, as lag (1930:173) om beräkning av lagstadgad tid §2 does:
 * 2024-03-31 → 2024-04-02, 2029-03-31 → 2029-04-03. A deadline belongs to
 * the year its (rolled) due date falls in, so every result lies in `year`.
 *
 * @param contract - a parsed commission
 * @param year - the year the deadlines fall in
 * @param options - `roll` (default `'none'`) and `start` (for an unknown start)
 * @returns the deadlines, by due date then in the contract's order; empty
 *   when the contract has no reporting clause
 * @throws {@link RulesError} `UNKNOWN_START` when the start is unknown and
 *   `options.start` is not given; `INVALID_ARGUMENT` for a bad year or
 *   options; `INVALID_DATE` for a bad `options.start`
 * @example
 * ```ts
 * deadlines(contracts.beroendemottagningen, 2021); //=> []
 * deadlines(contracts.familjeradgivning, 2024, { roll: "next-workday" }).map((d) => [d.due, d.kind, d.covers]);
 * //=> [["2024-04-02", "activity-report", 2023], ["2024-04-02", "lex-sarah-summary", 2023]]
 * deadlines(contracts.valdINaraRelation, 2024); // throws RulesError UNKNOWN_START
 * ```
 */
export function deadlines(contract: Contract, year: number, options?: DeadlineOptions): Deadline[] {
  contract = ensureContract(contract);
  checkYear(year);
  const opts = optionsObject(options, "options");
  const rule = parseRoll(opts.roll, "options.roll");
  if (contract.reporting.length === 0) return [];
  const start = resolveStart(contract, opts.start, "options.start");
  const end = contract.term.end;
  // A date rolled forward can leave its year (a 31 December deadline): look
  // at last year's dates too, and keep what lands in `year`.
  const nominalYears = rule === "none" ? [year] : [year - 1, year];
  const result: Deadline[] = [];
  for (const nominalYear of nominalYears) {
    const covers = nominalYear - 1;
    if (covers < 1000) continue;
    if (!overlaps(start, end, makeDate(covers, 1, 1), makeDate(covers, 12, 31))) continue;
    for (const report of contract.reporting) {
      const nominal = makeDate(nominalYear, report.dueMonth, report.dueDay);
      const due = rollInCalendar(nominal, rule);
      if (due === null || yearOf(due) !== year) continue;
      const deadline: Deadline = {
        due,
        kind: report.kind,
        covers,
        clause: report.clause,
        workday: isWorkday(due),
        nominal,
        rolled: due !== nominal,
        title: reportTitle(report.kind, covers),
        contractId: contract.id,
      };
      if (report.quote !== undefined) deadline.quote = report.quote;
      result.push(deadline);
    }
  }
  // Stable sort: equal dates keep the contract's order.
  return result.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
}
