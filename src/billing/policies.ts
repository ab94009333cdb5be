/**
 * The billing policies: every choice the contract texts leave open, named,
 * with a documented default (docs/billing.md, RULES.md "Interpretations the
 * library must make explicit").
 *
 * @module
 */
import { fieldError } from "../errors.js";
import { INDEX_ROUNDINGS, type IndexRounding } from "../indexation/annualAmount.js";
import type { TwelfthsRemainder } from "../money/index.js";
import type { QuarterRounding } from "./billableHours.js";
import { GROUP_HOURS_COUNTINGS, GROUP_OUTSIDE_RULES, oneOf, type GroupHoursCounting, type GroupOutsideRule } from "./groupRule.js";

/**
 * A month the term covers only in part (a start or an end inside the month):
 * - `'days'` (default): the month's twelfth × days in force / days in the month,
 *   rounded half-up to the öre once;
 * - `'whole-month'`: the whole twelfth;
 * - `'nothing'`: nothing for that month.
 *
 * @example
 * ```ts
 * const p: PartialMonthPolicy = "whole-month";
 * ```
 */
export type PartialMonthPolicy = "days" | "whole-month" | "nothing";

/**
 * Hours beyond the yearly cap (or the year's hour volume) without a written
 * call-off:
 * - `'not-payable'` (default): reported on a line of their own, not payable;
 * - `'pay-with-warning'`: paid, with a warning on the line.
 *
 * @example
 * ```ts
 * const p: OverCapPolicy = "pay-with-warning";
 * ```
 */
export type OverCapPolicy = "not-payable" | "pay-with-warning";

/**
 * How visits are counted for the visit fee (*avgift per besök*):
 * - `'per-visit'` (default): one fee per session;
 * - `'per-participant'`: one fee per participant of a session (a session's
 *   `participants`, 1 when not given).
 *
 * @example
 * ```ts
 * const p: VisitFeePolicy = "per-participant";
 * ```
 */
export type VisitFeePolicy = "per-visit" | "per-participant";

/**
 * The hour volume of a part year (Boendestöd: *"1275 timmar under 2018"*):
 * - `'stated'` (default): the figure the text states for that year
 *   (`compensation.statedYears`), and where it states none, the pro-rata
 *   figure;
 * - `'pro-rata'`: always `hoursPerYear × months in force / 12`.
 *
 * @example
 * ```ts
 * const p: PartYearVolumePolicy = "pro-rata";
 * ```
 */
export type PartYearVolumePolicy = "stated" | "pro-rata";

/**
 * The policies a caller may set on a statement; every one is optional.
 *
 * @example
 * ```ts
 * const policies: BillingPolicies = { quarterRounding: "per-month-per-case", overCap: "pay-with-warning" };
 * ```
 */
export interface BillingPolicies {
  /** Where started quarter hours are rounded; default `'per-session'`. */
  quarterRounding?: QuarterRounding;
  /** Group sessions outside the group rule; default `'actual-time'`. */
  groupOutsideRule?: GroupOutsideRule;
  /** How a group session's hours are counted; default `'quarter-rounded'`. */
  groupHours?: GroupHoursCounting;
  /** Where the öre of twelfths that do not divide evenly go; default `'last'`. */
  twelfthsRemainder?: TwelfthsRemainder;
  /** A month only partly in the term; default `'days'`. */
  partialMonth?: PartialMonthPolicy;
  /** Hours beyond the cap; default `'not-payable'`. */
  overCap?: OverCapPolicy;
  /** Visits counted for the fee; default `'per-visit'`. */
  visitFee?: VisitFeePolicy;
  /** The hour volume of a part year; default `'stated'`. */
  partYearVolume?: PartYearVolumePolicy;
  /** How the indexed amount is rounded (see indexation); default `'yearly-ore'`. */
  indexRounding?: IndexRounding;
}

/**
 * Every policy, resolved: what a statement actually used.
 *
 * @example
 * ```ts
 * const p: ResolvedBillingPolicies = { ...DEFAULT_BILLING_POLICIES };
 * p.overCap; //=> "not-payable"
 * ```
 */
export type ResolvedBillingPolicies = Required<BillingPolicies>;

/**
 * The default of every policy, frozen.
 *
 * @example
 * ```ts
 * DEFAULT_BILLING_POLICIES.quarterRounding; //=> "per-session"
 * DEFAULT_BILLING_POLICIES.partialMonth;    //=> "days"
 * ```
 */
export const DEFAULT_BILLING_POLICIES: Readonly<ResolvedBillingPolicies> = /* @__PURE__ */ Object.freeze({
  quarterRounding: "per-session",
  groupOutsideRule: "actual-time",
  groupHours: "quarter-rounded",
  twelfthsRemainder: "last",
  partialMonth: "days",
  overCap: "not-payable",
  visitFee: "per-visit",
  partYearVolume: "stated",
  indexRounding: "yearly-ore",
});

const ALLOWED: { readonly [K in keyof ResolvedBillingPolicies]: readonly ResolvedBillingPolicies[K][] } = {
  quarterRounding: ["per-session", "per-month-per-case"],
  groupOutsideRule: GROUP_OUTSIDE_RULES,
  groupHours: GROUP_HOURS_COUNTINGS,
  twelfthsRemainder: ["last", "first"],
  partialMonth: ["days", "whole-month", "nothing"],
  overCap: ["not-payable", "pay-with-warning"],
  visitFee: ["per-visit", "per-participant"],
  partYearVolume: ["stated", "pro-rata"],
  indexRounding: INDEX_ROUNDINGS,
};

/** @internal Validates the caller's policies and fills in the defaults; the result is frozen. */
export function resolvePolicies(value: unknown, path: string): Readonly<ResolvedBillingPolicies> {
  if (value === undefined) return DEFAULT_BILLING_POLICIES;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw fieldError("INVALID_INPUT", path, "an object of policies, e.g. { overCap: 'pay-with-warning' }", value);
  }
  const given = value as Record<string, unknown>;
  for (const key of Object.keys(given)) {
    if (!Object.hasOwn(ALLOWED, key)) {
      throw fieldError("INVALID_INPUT", `${path}.${key}`, `a known policy name (${Object.keys(ALLOWED).join(", ")})`, given[key]);
    }
  }
  const pick = <K extends keyof ResolvedBillingPolicies>(key: K): ResolvedBillingPolicies[K] =>
    oneOf(given[key], ALLOWED[key], DEFAULT_BILLING_POLICIES[key], `${path}.${key}`, "INVALID_INPUT");
  return Object.freeze({
    quarterRounding: pick("quarterRounding"),
    groupOutsideRule: pick("groupOutsideRule"),
    groupHours: pick("groupHours"),
    twelfthsRemainder: pick("twelfthsRemainder"),
    partialMonth: pick("partialMonth"),
    overCap: pick("overCap"),
    visitFee: pick("visitFee"),
    partYearVolume: pick("partYearVolume"),
    indexRounding: pick("indexRounding"),
  });
}
