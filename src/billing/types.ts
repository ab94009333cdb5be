/**
 * The shapes a statement returns.
 *
 * @module
 */
import type { LocalDate, YearMonth } from "../calendar/index.js";
import type { IndexedAmount } from "../indexation/annualAmount.js";
import type { Decimal } from "../money/index.js";
import type { ResolvedBillingPolicies } from "./policies.js";

/**
 * How a line's figure was made, as plain data an auditor can read: the rule,
 * its inputs, the policies that mattered, and every intermediate figure as a
 * string (money with two decimals).
 *
 * @example
 * ```ts
 * const e: LineExplanation = {
 *   rule: "started-quarter-hour",
 *   inputs: { sessionId: "S17", date: "2022-03-04", minutes: 61, kind: "individual" },
 *   policy: { quarterRounding: "per-session" },
 *   figures: { quarters: "5", hours: "1.25", rate: "605.00", amount: "756.25" },
 * };
 * ```
 */
export interface LineExplanation {
  /**
   * The rule that made the figure: `'started-quarter-hour'`, `'group-rule'`,
   * `'group-rule-not-met'`, `'yearly-cap'`, `'outside-term'`, `'twelfth'`,
   * `'hour-volume'`, `'visit-fee'`.
   */
  rule: string;
  /** The facts the rule used. */
  inputs: Record<string, string | number | boolean | null>;
  /** The policies that decided the figure. */
  policy: Record<string, string>;
  /** Intermediate and final figures, as strings. */
  figures: Record<string, string>;
}

/**
 * Why a line is what it is, in one word:
 * - `'session'`: a session's hours within the cap;
 * - `'over-cap'`: the part of a session beyond the yearly cap or volume;
 * - `'group-rule-not-met'`: a group session outside the rule under `'not-billable'`;
 * - `'outside-term'`: a session on a day the commission was not in force;
 * - `'twelfth'`: a fixed annual amount's monthly twelfth;
 * - `'visit-fee'`: visit fees collected for the purchaser.
 *
 * @example
 * ```ts
 * const k: LineKind = "over-cap";
 * ```
 */
export type LineKind = "session" | "over-cap" | "group-rule-not-met" | "outside-term" | "twelfth" | "visit-fee";

/**
 * One line of a statement.
 *
 * @example
 * ```ts
 * const line: StatementLine = statement(contracts.familjeradgivning, "2022-03", {
 *   sessions: [{ id: "S17", date: "2022-03-04", minutes: 61, kind: "individual" }],
 * }).lines[0]!;
 * line.id;               //=> "familjeradgivning:2022-03:session:S17"
 * line.amount.toFixed(2); //=> "756.25"
 * ```
 */
export interface StatementLine {
  /**
   * Deterministic and readable, e.g. `familjeradgivning:2022-03:session:S17`:
   * the same input always gives the same id, so a re-run can be matched
   * against what was already paid.
   */
  id: string;
  /** What the line is. */
  kind: LineKind;
  /** Short, Swedish / English. */
  description: string;
  /** How many units. */
  quantity: Decimal;
  /** `'hour'`, `'month'` or `'visit'`. */
  unit: "hour" | "month" | "visit";
  /** The price of one unit, in kronor (rounded to the öre where the exact price is not a whole öre; see `explanation`). */
  unitPrice: Decimal;
  /** The amount in kronor, exact to the öre, rounded once from exact integers. */
  amount: Decimal;
  /** Whether the amount is paid to the provider. */
  payable: boolean;
  /** The clause(s) the line applies. */
  clause: string;
  /** Anything an economist should look at. */
  warnings: string[];
  /** How the figure was made. */
  explanation: LineExplanation;
  /** The session the line is about, if any. */
  sessionId?: string;
  /** The session's date, if any. */
  date?: LocalDate;
}

/**
 * A written call-off, as it counted.
 *
 * @example
 * ```ts
 * const c: CallOffSummary = { id: "A1", date: "2022-11-15", hours: "100", clause: "SON 2021-233 §1.2" };
 * ```
 */
export interface CallOffSummary {
  /** The call-off's id. */
  id: string;
  /** From when it raises the cap. */
  date: LocalDate;
  /** Hours called off. */
  hours: string;
  /** The call-off clause. */
  clause: string;
}

/**
 * Where a statement's month stands against the year's cap (hourly) or
 * volume (hour volume). Hours are Decimals.
 *
 * @example
 * ```ts
 * const cap: CapStatus = statement(contracts.familjeradgivning, "2022-03").cap!;
 * cap.capHours.toFixed(2); //=> "2590.00"
 * ```
 */
export interface CapStatus {
  /** `'yearly-cap'` (*maximal beställningsvolym*) or `'hour-volume'`. */
  kind: "yearly-cap" | "hour-volume";
  /** The clause of the cap or volume. */
  clause: string;
  /** The year's cap or volume before call-offs. */
  baseHours: Decimal;
  /** How the base was found (e.g. `"stated for 2018"`, `"1700 × 9 / 12"`, `"2590"`). */
  basis: string;
  /** Written call-offs of the year dated up to the month's end. */
  callOffs: CallOffSummary[];
  /** The cap at the month's end: base + those call-offs. */
  capHours: Decimal;
  /** Hours within the cap before the month. */
  usedBefore: Decimal;
  /** Hours within the cap in the month. */
  usedInMonth: Decimal;
  /** Hours beyond the cap in the month. */
  overInMonth: Decimal;
  /** What is left of the cap after the month (0 or more). */
  remaining: Decimal;
}

/**
 * The term as the statement used it.
 *
 * @example
 * ```ts
 * const t: StatementTerm = { start: "2021-04-01", startSource: "contract", end: null, clause: "Beroendemottagningen tillägg 2021 §2", daysInForce: 30, daysInMonth: 30 };
 * ```
 */
export interface StatementTerm {
  /** The first day in force. */
  start: LocalDate;
  /** `'contract'`, or `'input'` when the text gives no start and the caller supplied one. */
  startSource: "contract" | "input";
  /** The last day in force, or `null` (*tills vidare*). */
  end: LocalDate | null;
  /** The term's clause. */
  clause: string;
  /** Days of the month in force. */
  daysInForce: number;
  /** Days in the month. */
  daysInMonth: number;
}

/**
 * What the provider is paid for one month, line by line, with every figure
 * explained.
 *
 * @example
 * ```ts
 * const s: Statement = statement(contracts.beroendemottagningen, "2021-04");
 * s.total.toFixed(2); //=> "152250.00"
 * ```
 */
export interface Statement {
  /** The commission's id. */
  contractId: string;
  /** The month, `YYYY-MM`. */
  month: YearMonth;
  /** The kind of compensation. */
  compensationKind: "fixed-annual" | "hourly" | "hour-volume";
  /** The lines: twelfth, or one (or two, when split at the cap) per session of the month, in date and id order. */
  lines: StatementLine[];
  /** Payable to the provider: exactly the sum of the payable lines. */
  total: Decimal;
  /** Exactly the sum of the lines not payable (over the cap, outside the rule or the term). */
  notPayable: Decimal;
  /** Visit fees the provider collected for the purchaser: exactly the sum of `feeLines`. */
  feesOwedToPurchaser: Decimal;
  /** The visit-fee lines (kept apart from `lines`: they are owed the other way). */
  feeLines: StatementLine[];
  /** Every warning of the statement, the lines' included. */
  warnings: string[];
  /** Every policy as resolved: the conventions this statement used. */
  policies: Readonly<ResolvedBillingPolicies>;
  /** The year's amount, rate or annual cost, with the index values (percent, status, source) that made it. */
  indexation: IndexedAmount;
  /** The year's visit fee with its index values, or `null` when the commission has none. */
  visitFeeIndexation: IndexedAmount | null;
  /** The month against the cap or volume, or `null` for a fixed annual amount or no cap. */
  cap: CapStatus | null;
  /** The term as used. */
  term: StatementTerm;
  /** The payment clause (*månadsvis i efterskott*), or the compensation clause when the text has none. */
  clause: string;
}
