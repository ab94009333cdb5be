/**
 * The year in one report: the twelve statements, the cap month by month and
 * the quarterly reconciliation (*avstämning kvartalsvis*, SON 2019-755 §1.2).
 *
 * @module
 */
import type { YearMonth } from "../calendar/index.js";
import type { Contract } from "../contracts/schema.js";
import { describeValue, fieldError, RulesError } from "../errors.js";
import type { IndexedAmount } from "../indexation/annualAmount.js";
import { fromOre, toOre, type Decimal, type MoneyInput } from "../money/index.js";
import { checkContract, daysInForce, prepareInput, prepareYear, type BillingContext, type TermWindow } from "./context.js";
import type { ParsedInput, StatementInput } from "./input.js";
import type { Ledger } from "./ledger.js";
import type { ResolvedBillingPolicies } from "./policies.js";
import { monthStatement, monthSummary } from "./statement.js";
import { builtOnFirstRead } from "./common.js";
import { reconcile } from "./reconcile.js";
import type { CallOffSummary, Statement } from "./types.js";
import { hoursOfTicks } from "./units.js";

/**
 * The input of {@link yearReport}: a statement's input and, for the
 * reconciliation, what was paid month by month.
 *
 * @example
 * ```ts
 * const input: YearReportInput = { start: "2020-01-01", paid: { "2023-01": "380101.66", "2023-02": "380101.66" } };
 * ```
 */
export interface YearReportInput extends StatementInput {
  /** What the purchaser says it paid, by month of the year (`YYYY-MM`). */
  paid?: Record<YearMonth, MoneyInput>;
}

/**
 * One month of the yearly cap (or hour volume).
 *
 * @example
 * ```ts
 * const u: CapUsageMonth = yearReport(contracts.familjeradgivning, 2022).capUsage![0]!;
 * u.capHours.toFixed(2); //=> "2590.00"
 * ```
 */
export interface CapUsageMonth {
  /** The month. */
  month: YearMonth;
  /** Billable hours performed in the month (after the group rule; not those outside the rule or the term). */
  performedHours: Decimal;
  /** Hours within the cap in the month. */
  usedHours: Decimal;
  /** Hours beyond the cap in the month. */
  overHours: Decimal;
  /** Hours within the cap from 1 January to the month's end. */
  usedToDate: Decimal;
  /** The cap at the month's end (base + written call-offs so far). */
  capHours: Decimal;
  /** Written call-offs dated in the month. */
  callOffs: CallOffSummary[];
  /** What is left of the cap after the month. */
  remaining: Decimal;
}

/**
 * One quarter of the reconciliation: what was due (the statements' totals),
 * what the purchaser says was paid, and the difference (due − paid: above
 * zero the provider is owed, below zero it was overpaid).
 *
 * @example
 * ```ts
 * const q: QuarterReconciliation = report.reconciliation!.quarters[0]!;
 * q.difference.toFixed(2); //=> "0.00"
 * ```
 */
export interface QuarterReconciliation {
  /** 1–4. */
  quarter: 1 | 2 | 3 | 4;
  /** The quarter's months in the term. */
  months: YearMonth[];
  /** The sum of the months' statement totals. */
  due: Decimal;
  /** The sum of the payments given for those months. */
  paid: Decimal;
  /** due − paid. */
  difference: Decimal;
  /** Months of the quarter with no payment given (counted as 0). */
  unreported: YearMonth[];
}

/**
 * The quarterly reconciliation of a year.
 *
 * @example
 * ```ts
 * report.reconciliation?.clause; //=> "SON 2019-755 §1.2"
 * ```
 */
export interface Reconciliation {
  /** The reconciliation clause, or `null` when the commission has none (then shown only because `paid` was given). */
  clause: string | null;
  /** The clause's Swedish sentence, when known. */
  quote: string | null;
  /** The quarters with months in the term. */
  quarters: QuarterReconciliation[];
  /** Due in the year. */
  due: Decimal;
  /** Paid in the year. */
  paid: Decimal;
  /** due − paid for the year. */
  difference: Decimal;
}

/**
 * A year of a commission: its statements, totals, cap usage and
 * reconciliation.
 *
 * @example
 * ```ts
 * const r: YearReport = yearReport(contracts.beroendemottagningen, 2021);
 * r.total.toFixed(2); //=> "1370250.00"
 * ```
 */
export interface YearReport {
  /** The commission's id. */
  contractId: string;
  /** The year. */
  year: number;
  /** The months of the year in the term, in order. */
  months: YearMonth[];
  /**
   * One statement per month in the term, with every line explained. Built on
   * first read and then kept: the report's totals, warnings, cap usage and
   * reconciliation are summed from the same per-session figures without
   * building any line, so a report whose statements are never read costs a
   * fraction (for a million sessions about 0.5 s, against about 6 s with
   * every line built; see docs/performance.md).
   * Reading it is like reading any property (JSON, spreading and deep
   * equality see it); only Node's `console.log` shows `[Getter/Setter]`
   * until it has been read once.
   */
  statements: Statement[];
  /** The sum of the statements' totals. */
  total: Decimal;
  /** The sum of the statements' amounts not payable. */
  notPayable: Decimal;
  /** The sum of the visit fees owed to the purchaser. */
  feesOwedToPurchaser: Decimal;
  /** The cap or hour volume month by month, or `null` for a fixed annual amount or no cap. */
  capUsage: CapUsageMonth[] | null;
  /** The quarterly reconciliation, or `null` when the commission has none and no `paid` was given. */
  reconciliation: Reconciliation | null;
  /** Every warning of the year. */
  warnings: string[];
  /** The policies used. */
  policies: Readonly<ResolvedBillingPolicies>;
  /** The year's amount, rate or annual cost with its index values. */
  indexation: IndexedAmount;
}

function monthsOfYearInTerm(term: TermWindow, year: number): number[] {
  const out: number[] = [];
  for (let m = 1; m <= 12; m++) if (daysInForce(term, year, m).days > 0) out.push(m);
  return out;
}

function ymOf(year: number, month: number): YearMonth {
  return `${year.toString()}-${month.toString().padStart(2, "0")}`;
}

function parsePaid(value: unknown, year: number, inTerm: readonly YearMonth[]): Map<YearMonth, number> | null {
  if (value === undefined) return null;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw fieldError("INVALID_INPUT", "paid", 'an object from month "YYYY-MM" to the amount paid', value);
  }
  const out = new Map<YearMonth, number>();
  for (const [key, amount] of Object.entries(value)) {
    if (!inTerm.includes(key)) {
      throw fieldError("INVALID_INPUT", `paid.${key}`, `a month of ${year.toString()} in the term (${inTerm[0] ?? ""} to ${inTerm[inTerm.length - 1] ?? ""})`, key);
    }
    try {
      out.set(key, toOre(amount, `paid.${key}`));
    } catch (e) {
      if (e instanceof RulesError) throw new RulesError("INVALID_INPUT", e.message, e.issues);
      throw e;
    }
  }
  return out;
}

function capUsage(ledger: Ledger, year: number, months: readonly number[], clause: string): CapUsageMonth[] | null {
  if (ledger.cap === null) return null;
  const first = months[0] ?? 1;
  let used = 0;
  for (let m = 1; m < first; m++) used += ledger.payableByMonth[m] ?? 0;
  const lengths = [31, ledger.days === 366 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  /** monthEnd[m] is the day of year of month m's last day; monthEnd[0] = -1. */
  const monthEnd: number[] = [-1];
  for (const len of lengths) monthEnd.push((monthEnd[monthEnd.length - 1] ?? -1) + len);
  return months.map((m) => {
    const inMonth = ledger.payableByMonth[m] ?? 0;
    const performed = ledger.countedByMonth[m] ?? 0;
    used += inMonth;
    const endDoy = monthEnd[m] ?? 0;
    const startDoy = (monthEnd[m - 1] ?? -1) + 1;
    const capTicks = ledger.capAt[endDoy] ?? 0;
    return {
      month: ymOf(year, m),
      performedHours: hoursOfTicks(performed),
      usedHours: hoursOfTicks(inMonth),
      overHours: hoursOfTicks(performed - inMonth),
      usedToDate: hoursOfTicks(used),
      capHours: hoursOfTicks(capTicks),
      callOffs: ledger.callOffs
        .filter((c) => c.day - ledger.yearStart >= startDoy && c.day - ledger.yearStart <= endDoy)
        .map((c) => ({ id: c.id, date: c.date, hours: c.hours, clause })),
      remaining: hoursOfTicks(Math.max(0, capTicks - used)),
    };
  });
}

/**
 * The year in one report: the statements of every month of `year` in the
 * term, their totals, the cap used month by month, and the quarterly
 * reconciliation.
 *
 * Implements SON 2019-755 §1.2: *"Fakturering av ersättning sker via
 * autobokföring med 1/12 del per månad. Avstämning görs kvartalsvis."* —
 * per quarter, what was due (the sum of the months' statement totals), what
 * `input.paid` says was paid (a month not given counts as 0 and is listed as
 * unreported), and the difference due − paid. A commission without a
 * reconciliation clause gets the same comparison only when `paid` is given,
 * with `clause: null`. For an hourly commission the cap usage shows, month by
 * month, the hours used within the cap of SON 2021-233 §1.2 (*"Maximal
 * beställningsvolym är 2 590 timmar per år"*), the cap with the written
 * call-offs so far, and what remains. Linear: the input is validated and the
 * year's cap walked once; the months' totals and warnings are summed from
 * that, and each month's statement (its explained lines) is built from it
 * when `statements` is first read.
 *
 * @param contract - a parsed commission
 * @param year - the calendar year
 * @param input - a statement's input (see {@link StatementInput}) and `paid`
 * @returns the year's statements, totals, cap usage and reconciliation
 * @throws {@link RulesError} as {@link statement}; `OUTSIDE_TERM` when no
 *   month of `year` is in the term; `INVALID_INPUT` for a `paid` month
 *   outside the year's term or a bad amount
 * @example
 * ```ts
 * const r = yearReport(contracts.beroendemottagningen, 2021);
 * r.months;             //=> ["2021-04", …, "2021-12"]
 * r.total.toFixed(2);   //=> "1370250.00"
 * const v = yearReport(contracts.valdINaraRelation, 2020, { start: "2020-01-01", paid: { "2020-01": "351340.21" } });
 * v.reconciliation?.quarters[0]?.difference.toFixed(2); //=> "702680.42"
 * ```
 */
export function yearReport(contract: Contract, year: number, input?: YearReportInput): YearReport {
  return yearReportOf(contract, year, input, ["paid"]).report;
}

/**
 * @internal {@link yearReport}, with what it was computed from: the
 * validated input (`extraKeys` are the caller's own fields beside a
 * statement input's, copied once and not validated) and the year's billing
 * context (the ledger of billable time per session). The activity report
 * reads its figures from these, so they are the billing's own.
 */
export function yearReportOf(
  contract: Contract,
  year: number,
  input: unknown,
  extraKeys: readonly string[],
  rawKeys: readonly string[] = [],
): { report: YearReport; parsed: ParsedInput; ctx: BillingContext } {
  const c = checkContract(contract);
  if (typeof year !== "number" || !Number.isSafeInteger(year) || year < 1000 || year > 9999) {
    throw fieldError("INVALID_ARGUMENT", "year", "a year as an integer 1000–9999", year);
  }
  const { input: parsed, term } = prepareInput(c, input, extraKeys, rawKeys);
  const months = monthsOfYearInTerm(term, year);
  if (months.length === 0) {
    throw new RulesError("OUTSIDE_TERM", `year: ${year.toString()} is outside the term of ${c.id}, ${term.start} to ${term.end ?? "further notice"} (${term.clause})`, [
      { path: "year", expected: `a year from ${term.start.slice(0, 4)} to ${term.end === null ? "further notice" : term.end.slice(0, 4)}`, received: describeValue(year) },
    ]);
  }
  const yms = months.map((m) => ymOf(year, m));
  const paid = parsePaid(parsed.extra.paid, year, yms);
  const ctx = prepareYear(c, year, parsed, term, months[months.length - 1] ?? 12);
  const summaries = months.map((m) => monthSummary(ctx, m));
  let total = 0;
  let notPayable = 0;
  let fees = 0;
  const due = new Map<YearMonth, number>();
  const warnings: string[] = [];
  const seen = new Set<string>();
  for (const s of summaries) {
    due.set(s.month, s.total);
    total += s.total;
    notPayable += s.notPayable;
    fees += s.fees;
    for (const w of s.warnings) {
      if (!seen.has(w)) {
        seen.add(w);
        warnings.push(w);
      }
    }
  }
  const comp = c.compensation;
  const clause = comp.kind === "fixed-annual" ? comp.reconciliation : null;
  let reconciliation: Reconciliation | null = null;
  if (clause !== null || paid !== null) {
    if (clause === null) warnings.push(`${c.id} has no reconciliation clause; the quarterly comparison of due and paid is shown because paid was given`);
    // Due − paid month by month, by the settlement's mechanism (keyed by month: what was paid is given per month).
    const paidMonths = [...(paid ?? new Map<string, number>())];
    const paidAt = new Map(paidMonths.map(([ym], j) => [ym, j]));
    const differences = new Map<string, number>();
    const diffs = reconcile(
      { count: yms.length, ore: (i) => due.get(yms[i] ?? "") ?? 0 },
      { count: paidMonths.length, ore: (j) => paidMonths[j]?.[1] ?? 0, find: (i) => paidAt.get(yms[i] ?? "") ?? -1 },
    );
    for (const diff of diffs) differences.set(diff.item >= 0 ? (yms[diff.item] ?? "") : (paidMonths[diff.booked]?.[0] ?? ""), diff.difference);
    const quarters: QuarterReconciliation[] = [];
    let dueYear = 0;
    let paidYear = 0;
    for (const q of [1, 2, 3, 4] as const) {
      const qMonths = yms.filter((ym) => Math.ceil(Number(ym.slice(5)) / 3) === q);
      if (qMonths.length === 0) continue;
      let d = 0;
      let p = 0;
      let difference = 0;
      const unreported: YearMonth[] = [];
      for (const ym of qMonths) {
        d += due.get(ym) ?? 0;
        difference += differences.get(ym) ?? 0;
        const given = paid?.get(ym);
        if (given === undefined) unreported.push(ym);
        else p += given;
      }
      dueYear += d;
      paidYear += p;
      quarters.push({ quarter: q, months: qMonths, due: fromOre(d), paid: fromOre(p), difference: fromOre(difference), unreported });
    }
    reconciliation = {
      clause: clause?.clause ?? null,
      quote: clause?.quote ?? null,
      quarters,
      due: fromOre(dueYear),
      paid: fromOre(paidYear),
      difference: fromOre(dueYear - paidYear),
    };
  }
  const ledger = ctx.ledger;
  const report: YearReport = {
    contractId: c.id,
    year,
    months: yms,
    statements: [],
    total: fromOre(total),
    notPayable: fromOre(notPayable),
    feesOwedToPurchaser: fromOre(fees),
    capUsage: ledger === null ? null : capUsage(ledger, year, months, c.callOffs?.clause ?? ledger.cap?.clause ?? ""),
    reconciliation,
    warnings,
    policies: parsed.policies,
    indexation: ctx.indexation,
  };
  builtOnFirstRead(report, "statements", () => months.map((m) => monthStatement(ctx, m)));
  return { report, parsed, ctx };
}
