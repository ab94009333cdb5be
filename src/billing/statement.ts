/**
 * The monthly statement (*månadsvis i efterskott*): what the provider is paid
 * for a month, line by line, for all three kinds of compensation.
 *
 * @module
 */
import { isYearMonth, yearMonthParts, type YearMonth } from "../calendar/index.js";
import type { Contract } from "../contracts/schema.js";
import { fieldError } from "../errors.js";
import { assertMonthInTerm, checkContract, prepareInput, prepareYear, type BillingContext } from "./context.js";
import { fixedAnnualMonth } from "./fixedAnnual.js";
import type { StatementInput } from "./input.js";
import { timeBasedLineHeadsAt, timeBasedMonth, timeBasedMonthDues, timeBasedMonthSummary, type LineHead } from "./timeBased.js";
import { summarize, type MonthSummary } from "./common.js";
import { duesOf, type DueList } from "./reconcile.js";
import type { Statement } from "./types.js";

/** @internal The statement of `month` (1–12) from a prepared year. */
export function monthStatement(ctx: BillingContext, month: number): Statement {
  return ctx.contract.compensation.kind === "fixed-annual" ? fixedAnnualMonth(ctx, month) : timeBasedMonth(ctx, month);
}

/**
 * @internal The totals and warnings of `month` (1–12) without its lines:
 * what {@link monthStatement} would sum to. A fixed annual month has one
 * line, so it is built; a time-based month is summed from the sessions'
 * outcomes.
 */
export function monthSummary(ctx: BillingContext, month: number): MonthSummary {
  return ctx.contract.compensation.kind === "fixed-annual" ? summarize(fixedAnnualMonth(ctx, month)) : timeBasedMonthSummary(ctx, month);
}

/**
 * @internal What each line of `month` (1–12) due to be paid comes to, by
 * line id: exactly {@link monthStatement}'s payable lines and fee lines
 * (into `into`, cleared, when given).
 */
export function monthDues(ctx: BillingContext, month: number, into?: DueList): DueList {
  return ctx.contract.compensation.kind === "fixed-annual" ? duesOf(fixedAnnualMonth(ctx, month), into) : timeBasedMonthDues(ctx, month, into);
}

/**
 * @internal The line heads (id, kind, description, clause, order) of some
 * of `month`'s dues (positions `items` in `dues`), by position: the lines
 * built already, and the heads of the sessions' lines made for just these.
 */
export function monthLinesOf(ctx: BillingContext, month: number, dues: DueList, items: readonly number[]): Map<number, LineHead> {
  const out = new Map<number, LineHead>();
  const sessionItems: number[] = [];
  for (const i of items) {
    const line = dues.built.get(i);
    if (line !== undefined) out.set(i, line);
    else sessionItems.push(i);
  }
  if (sessionItems.length === 0) return out;
  // A session has a line within the cap, one beyond it, or both; its due line is the head of its kind.
  const heads = timeBasedLineHeadsAt(ctx, month, new Set(sessionItems.map((i) => dues.q[i] ?? 0)));
  for (const i of sessionItems) {
    const kind = dues.isOver(i) ? "over-cap" : "session";
    const head = heads.get(dues.q[i] ?? 0)?.find((h) => h.kind === kind);
    if (head !== undefined) out.set(i, head);
  }
  return out;
}

/** @internal Validates a month argument. */
export function parseMonthArgument(month: unknown, path = "month"): { year: number; month: number } {
  if (!isYearMonth(month)) throw fieldError("INVALID_ARGUMENT", path, "a month YYYY-MM", month);
  return yearMonthParts(month);
}

/**
 * What the provider is paid for `month`: one line per figure, each with its
 * clause, its policy and how it was made; the total is exactly the sum of
 * the payable lines.
 *
 * For each kind of compensation:
 * - **fixed annual** (Beroendemottagningen §3 *"För hel verksamhet utgår
 *   1 827 000 kronor i 2021 års pris"*; SON 2019-755 §1.2 *"Fakturering av
 *   ersättning sker via autobokföring med 1/12 del per månad"*): the month's
 *   twelfth of the year's indexed amount, the öre that do not divide on the
 *   last month (`twelfthsRemainder: 'last'`); a month the term covers only
 *   in part pays its days' share (`partialMonth: 'days'`). Beroendemottagningen
 *   starts 2021-04-01, so 2021 pays nine twelfths of 152 250.00 = 1 370 250.00.
 * - **hourly** (SON 2021-233 §1.2 *"605 kronor per timme"*, *"en fjärdedels
 *   timersättning för varje påbörjad kvart"*, *"Maximal beställningsvolym är
 *   2 590 timmar per år"*): a line per session of the month — its started
 *   quarter hours (or client hours under the group rule) × the year's rate.
 *   The yearly cap is counted from 1 January over the input's sessions of the
 *   year in date order (ties by id), raised by written call-offs from their
 *   dates (*"skriftligen avropa ytterligare timmar"*); hours beyond it are a
 *   line of their own, not payable (`overCap: 'not-payable'`). Visit fees
 *   (§2.3 *"200 kr per besök … tillfaller Social- och
 *   omsorgsförvaltningen"*) are owed to the purchaser: `feesOwedToPurchaser`.
 * - **hour volume** (Boendestöd 2018 *"1275 timmar under 2018 och därefter
 *   med 1700 timmar per år"*, 800 tkr a year): performed minutes × annual
 *   cost / (hours per year × 60), priced on the year's running total so that a
 *   full year pays exactly the annual cost, up to the year's
 *   volume (the stated part-year figure, or hours × months in force / 12);
 *   the rest is not payable without a call-off.
 *
 * Sessions of earlier months only count towards the cap; sessions of other
 * years and later months are validated and otherwise ignored. A line id is
 * deterministic (`familjeradgivning:2022-03:session:S17`,
 * `…:S17:over-cap`, `beroendemottagningen:2021-04:twelfth`), and the input's
 * order never matters. The input is never changed.
 *
 * @param contract - a parsed commission
 * @param month - the month, `YYYY-MM`
 * @param input - sessions, call-offs, index series, policies, start (see {@link StatementInput})
 * @returns the statement (see {@link Statement})
 * @throws {@link RulesError} `INVALID_ARGUMENT` for a bad month or contract;
 *   `INVALID_INPUT` naming the bad field (`sessions.3.minutes`), its value
 *   and what was expected, also for an unknown policy; `DUPLICATE_ID`;
 *   `CALL_OFF_NOT_WRITTEN` for an oral call-off; `NOT_IN_CONTRACT` for a
 *   call-off the contract cannot price; `GROUP_RULE_NOT_MET` under
 *   `groupOutsideRule: 'reject'`; `OUTSIDE_TERM`; `UNKNOWN_START` when the
 *   text gives no start and `input.start` is missing; `MISSING_INDEX`
 * @example
 * ```ts
 * const s = statement(contracts.familjeradgivning, "2022-03", {
 *   sessions: [
 *     { id: "S1", date: "2022-03-02", minutes: 50, kind: "individual" },
 *     { id: "S2", date: "2022-03-09", minutes: 61, kind: "individual" },
 *     { id: "G1", date: "2022-03-10", minutes: 90, kind: "group", participants: 6 },
 *   ],
 * });
 * s.lines.map((l) => l.amount.toFixed(2)); //=> ["605.00", "756.25", "3630.00"]
 * s.total.toFixed(2);                      //=> "4991.25"
 * s.feesOwedToPurchaser.toFixed(2);        //=> "600.00"
 * statement(contracts.beroendemottagningen, "2021-04").total.toFixed(2); //=> "152250.00"
 * ```
 */
export function statement(contract: Contract, month: YearMonth, input?: StatementInput): Statement {
  const c = checkContract(contract);
  const m = parseMonthArgument(month);
  const { input: parsed, term } = prepareInput(c, input);
  assertMonthInTerm(c, term, m.year, m.month);
  return monthStatement(prepareYear(c, m.year, parsed, term, m.month), m.month);
}
