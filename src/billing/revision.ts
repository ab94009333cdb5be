/**
 * Index revision (*retroaktiv justering*): what months already paid under
 * one index series come to under another — a preliminary OPI replaced by the
 * final one, or a corrected uplift figure.
 *
 * @module
 */
import { isYearMonth, yearMonthParts, type YearMonth } from "../calendar/index.js";
import type { Contract } from "../contracts/schema.js";
import { plainCopy } from "../callerData.js";
import { fieldError, RulesError } from "../errors.js";
import { clauses } from "./common.js";
import { checkContract, daysInForce, prepareInput } from "./context.js";
import type { StatementInput } from "./input.js";
import { monthDues, monthStatement } from "./statement.js";
import { BookedLines, BookedMonth, DueList } from "./reconcile.js";
import { settleMonths, Years, ymOf, type BookedView } from "./settlement.js";
import { fromOre, toOre, type Decimal } from "../money/index.js";
import type { IndexedAmount, IndexStep } from "../indexation/annualAmount.js";
import type { IndexSeries } from "../indexation/series.js";

/**
 * The options of {@link indexRevision}.
 *
 * @example
 * ```ts
 * const options: IndexRevisionOptions = {
 *   from: { name: "OPI", values: { 2023: { percent: "3.5", status: "preliminary", source: "SKR, December 2022" } } },
 *   to: { name: "OPI", values: { 2023: { percent: "4.6", status: "final", source: "SKR, 19 April 2023" } } },
 *   paidThrough: "2023-04",
 * };
 * ```
 */
export interface IndexRevisionOptions {
  /** The series the months were paid under. */
  from: IndexSeries;
  /** The series they should have been paid under. */
  to: IndexSeries;
  /** The last month already paid under `from`. */
  paidThrough: YearMonth;
  /** The statements' input (sessions, call-offs, policies, start); its `index` must be left out. */
  input?: StatementInput;
}

/**
 * One side of a revision: the series and what it made of the year's figure.
 *
 * @example
 * ```ts
 * revision.from.steps.at(-1); //=> { year: 2023, percent: "3.5", status: "preliminary", … }
 * ```
 */
export interface IndexRevisionSide {
  /** The series' name. */
  series: string | null;
  /** The year's amount, rate or annual cost under this series, with every index value used. */
  indexation: IndexedAmount;
  /** The index values (percent, status, source) used, year by year. */
  steps: IndexStep[];
}

/**
 * One month of a revision.
 *
 * @example
 * ```ts
 * const m: IndexRevisionMonth = revision.months[0]!;
 * m.difference.toFixed(2); //=> "1706.57"
 * ```
 */
export interface IndexRevisionMonth {
  /** The month. */
  month: YearMonth;
  /** The statement total under `from` (what was paid). */
  paid: Decimal;
  /** The statement total under `to` (what is due). */
  revised: Decimal;
  /** revised − paid: above zero owed to the provider, below zero reclaimed. */
  difference: Decimal;
  /** Visit fees owed to the purchaser under `from` and `to`, and their difference. */
  feesPaid: Decimal;
  /** Visit fees under `to`. */
  feesRevised: Decimal;
  /** feesRevised − feesPaid. */
  feesDifference: Decimal;
}

/**
 * A revision of months already paid, from one index series to another.
 *
 * @example
 * ```ts
 * revision.difference.toFixed(2); //=> "6826.28"
 * revision.direction;             //=> "owed-to-provider"
 * ```
 */
export interface IndexRevision {
  /** The commission's id. */
  contractId: string;
  /** The year revised. */
  year: number;
  /** The last month paid under `from`. */
  paidThrough: YearMonth;
  /** The clauses: the compensation and the indexation clause. */
  clause: string;
  /** The old series and its figure. */
  from: IndexRevisionSide;
  /** The new series and its figure. */
  to: IndexRevisionSide;
  /** Each month of `year` in the term up to `paidThrough`. */
  months: IndexRevisionMonth[];
  /** The sum of what was paid. */
  paid: Decimal;
  /** The sum of what is due. */
  revised: Decimal;
  /** revised − paid, exactly the sum of the months' differences. */
  difference: Decimal;
  /** The visit fees' difference (owed to the purchaser when above zero). */
  feesDifference: Decimal;
  /** Who owes whom. */
  direction: "owed-to-provider" | "reclaimed-from-provider" | "none";
}

/** What the months come to under `from`, as a settlement reads what was booked. */
function bookedUnder(c: Contract, years: Years, year: number, months: readonly number[]): BookedView {
  const byMonth = new Map<number, BookedMonth>();
  const all = new BookedLines(0);
  const dues = new DueList();
  for (const m of months) {
    const prefix = `${c.id}:${year.toString()}-${m.toString().padStart(2, "0")}:`;
    const lines = new BookedMonth(all, prefix.length);
    monthDues(years.of(year), m, dues);
    for (let i = 0; i < dues.count; i++) lines.add(all.add(prefix + dues.key(i), dues.ore[i] ?? 0, dues.isFee(i), -1, "", ""), dues.hash[i] ?? 0);
    byMonth.set(year * 12 + m - 1, lines);
  }
  return {
    byMonth,
    entryIds: new Set(),
    // A line under `from` that is not due under `to` (an index does not change which lines there are, so only in theory): described from its statement.
    describe: (p) => {
      const lineId = all.lineIds[p] ?? "";
      const ym = lineId.slice(c.id.length + 1, c.id.length + 8);
      const s = monthStatement(years.of(year), yearMonthParts(ym).month);
      const line = [...s.lines, ...s.feeLines].find((l) => l.id === lineId);
      return { description: line?.description ?? lineId, clause: line?.clause ?? "" };
    },
    conflict: (lineId) => new RulesError("INVALID_ARGUMENT", `${lineId}: a line of another kind under options.from`),
  };
}

function side(indexation: IndexedAmount): IndexRevisionSide {
  return { series: indexation.series, indexation, steps: indexation.steps };
}

/**
 * What months already paid under one index series come to under another:
 * for each month of `year` in the term up to `paidThrough`, the statement
 * total under `from` and under `to`, and the difference — exact to the öre,
 * with both series' values (percent, status, source) cited.
 *
 * Implements the yearly adjustment clauses (Beroendemottagningen §3 *"Från 1
 * januari 2022 justeras ersättningen årsvis med omsorgsprisindex (OPI) som
 * publiceras av Sveriges Kommuner och Regioner (SKR)"*, SON 2019-755 §1.2,
 * SON 2021-233 §1.2 *"Uppräkning av ersättningen sker enligt kommunens
 * uppräkningsmodell"*) when an index value changes after months were paid:
 * SKR's preliminary OPI for 2023 (3.5 %) was replaced by the final 4.6 % in
 * April 2023. One mechanism: the month's {@link statement} is computed under
 * both series with the same input and policies, and the totals compared. The
 * texts say nothing about back pay; the difference is reported, not dated.
 *
 * @param contract - a parsed commission
 * @param year - the year whose months are revised
 * @param options - `from`, `to`, `paidThrough`, and the statements' `input` (without `index`)
 * @returns the months, both figures and the total owed (above zero) or reclaimed (below zero)
 * @throws {@link RulesError} `INVALID_ARGUMENT` for a bad year, month or
 *   options, or an `input.index`; `OUTSIDE_TERM` when no month of `year` is
 *   in the term; otherwise as {@link statement}
 * @example
 * ```ts
 * const r = indexRevision(contracts.beroendemottagningen, 2023, {
 *   from: { name: "OPI", values: { 2023: { percent: "3.5", status: "preliminary", source: "SKR, December 2022" } } },
 *   to: { name: "OPI", values: { 2023: { percent: "4.6", status: "final", source: "SKR, 19 April 2023" } } },
 *   paidThrough: "2023-04",
 * });
 * r.months[0]?.paid.toFixed(2);    //=> "160572.74"
 * r.months[0]?.revised.toFixed(2); //=> "162279.31"
 * r.difference.toFixed(2);          //=> "6826.28"
 * ```
 */
export function indexRevision(contract: Contract, year: number, options: IndexRevisionOptions): IndexRevision {
  const c = checkContract(contract);
  if (typeof year !== "number" || !Number.isSafeInteger(year) || year < 1000 || year > 9999) {
    throw fieldError("INVALID_ARGUMENT", "year", "a year as an integer 1000–9999", year);
  }
  if (typeof options !== "object" || (options as unknown) === null || Array.isArray(options)) {
    throw fieldError("INVALID_ARGUMENT", "options", "{ from, to, paidThrough, input? }", options);
  }
  for (const key of Object.keys(options)) {
    if (!["from", "to", "paidThrough", "input"].includes(key)) {
      throw fieldError("INVALID_ARGUMENT", `options.${key}`, "no such option (from, to, paidThrough, input)", (options as unknown as Record<string, unknown>)[key]);
    }
  }
  if (typeof options.from !== "object" || (options.from as unknown) === null) throw fieldError("INVALID_ARGUMENT", "options.from", "an index series { name, percent } or { name, values }", options.from);
  if (typeof options.to !== "object" || (options.to as unknown) === null) throw fieldError("INVALID_ARGUMENT", "options.to", "an index series { name, percent } or { name, values }", options.to);
  if (!isYearMonth(options.paidThrough)) throw fieldError("INVALID_ARGUMENT", "options.paidThrough", "a month YYYY-MM", options.paidThrough);
  const input: StatementInput = options.input ?? {};
  if (typeof input !== "object" || (input as unknown) === null) throw fieldError("INVALID_ARGUMENT", "options.input", "a statement input or nothing", input);
  if (input.index !== undefined) {
    throw fieldError("INVALID_ARGUMENT", "options.input.index", "nothing: the series are options.from and options.to", input.index);
  }
  const through = yearMonthParts(options.paidThrough);
  const last = through.year > year ? 12 : through.year < year ? 0 : through.month;
  // The caller's input is read once; the two sides differ only in their series.
  const { input: parsed, term } = prepareInput(c, input);
  const inTerm: number[] = [];
  for (let m = 1; m <= 12; m++) if (daysInForce(term, year, m).days > 0) inTerm.push(m);
  if (inTerm.length === 0) {
    throw fieldError("OUTSIDE_TERM", "year", `a year with months in the term of ${c.id}, ${term.start} to ${term.end ?? "further notice"} (${term.clause})`, year);
  }
  const months = inTerm.filter((m) => m <= last);
  const lastIndex = year * 12 + Math.max(last, 1) - 1;
  const yearsFrom = new Years(c, { ...parsed, index: plainCopy(options.from, "options.from") as IndexSeries }, term, lastIndex);
  const yearsTo = new Years(c, { ...parsed, index: plainCopy(options.to, "options.to") as IndexSeries }, term, lastIndex);
  const ctxFrom = yearsFrom.of(year);
  const ctxTo = yearsTo.of(year);
  let paid = 0;
  let revised = 0;
  let fees = 0;
  let rows: IndexRevisionMonth[] = [];
  const first = months[0];
  if (first !== undefined) {
    // One mechanism: the months as booked under `from`, settled under `to`.
    const settled = settleMonths(c, ymOf(lastIndex), yearsTo, year * 12 + first - 1, bookedUnder(c, yearsFrom, year, months), []);
    rows = settled.months
      .filter((m) => m.inTerm)
      .map((m) => {
        paid += toOre(m.paid, "paid");
        revised += toOre(m.due, "due");
        fees += toOre(m.feesDifference, "feesDifference");
        return { month: m.month, paid: m.paid, revised: m.due, difference: m.difference, feesPaid: m.feesPaid, feesRevised: m.feesDue, feesDifference: m.feesDifference };
      });
  }
  const difference = revised - paid;
  return {
    contractId: c.id,
    year,
    paidThrough: options.paidThrough,
    clause: clauses(ctxTo.indexation.clause),
    from: side(ctxFrom.indexation),
    to: side(ctxTo.indexation),
    months: rows,
    paid: fromOre(paid),
    revised: fromOre(revised),
    difference: fromOre(difference),
    feesDifference: fromOre(fees),
    direction: difference > 0 ? "owed-to-provider" : difference < 0 ? "reclaimed-from-provider" : "none",
  };
}
