/**
 * The group rule (*klienttimmar per grupptimme*), SON 2021-233 §1.2.
 *
 * @module
 */
import { ensureContract } from "../contracts/parse.js";
import type { Contract, GroupRule } from "../contracts/schema.js";
import { contracts } from "../contracts/shipped/index.js";
import { describeValue, fieldError, RulesError } from "../errors.js";
import type { Decimal } from "../money/index.js";
import { quartersOf, ratio } from "./units.js";

/**
 * What happens to a group session the group rule does not cover (fewer
 * participants than the rule's minimum, or a length outside its range):
 * - `'actual-time'` (default): billed as ordinary client time, its started
 *   quarter hours × 1, with a warning on the line;
 * - `'not-billable'`: not billable at all (reported, not paid);
 * - `'reject'`: a {@link RulesError} `GROUP_RULE_NOT_MET`.
 *
 * @example
 * ```ts
 * const outside: GroupOutsideRule = "not-billable";
 * ```
 */
export type GroupOutsideRule = "actual-time" | "not-billable" | "reject";

/**
 * How a group session's hours are counted before the multiplication
 * (*"för varje genomförd grupptimme"*):
 * - `'quarter-rounded'` (default): the session's started quarter hours
 *   (90 min → 1.5 group hours);
 * - `'whole-hours'`: only whole completed group hours (90 min → 1 group hour).
 *
 * @example
 * ```ts
 * const counting: GroupHoursCounting = "whole-hours";
 * ```
 */
export type GroupHoursCounting = "quarter-rounded" | "whole-hours";

/**
 * Options for {@link groupClientHours}.
 *
 * @example
 * ```ts
 * const options: GroupClientHoursOptions = { outsideRule: "reject", groupHours: "whole-hours", rule: groupRuleOf(contracts.familjeradgivning) };
 * ```
 */
export interface GroupClientHoursOptions {
  /** Default `'actual-time'`. */
  outsideRule?: GroupOutsideRule;
  /** Default `'quarter-rounded'`. */
  groupHours?: GroupHoursCounting;
  /** The group rule to apply; default the shipped Familjerådgivning rule (SON 2021-233 §1.2). */
  rule?: GroupRule;
}

/**
 * The client hours of one group session, with how they were made.
 *
 * @example
 * ```ts
 * const r: GroupClientHours = groupClientHours({ minutes: 90, participants: 6 });
 * r.clientHours.toFixed(2); //=> "6.00"
 * ```
 */
export interface GroupClientHours {
  /** The client hours billed: 4 × the group hours when the rule applies, else per `outsideRule`. */
  clientHours: Decimal;
  /** True when the group rule applied. */
  ruleApplied: boolean;
  /** False only for `outsideRule: 'not-billable'` outside the rule. */
  billable: boolean;
  /** The group hours counted (per `groupHours` when the rule applied, else the started quarter hours). */
  groupHours: Decimal;
  /** The multiplier used: the rule's client hours per group hour, or 1 (or 0 when not billable). */
  factor: number;
  /** Why the rule did not apply, for a person to read; empty when it did. */
  warnings: string[];
  /** The clause of the rule. */
  clause: string;
}

/** @internal The outcome of the group rule for one session, in quarters. */
export interface GroupOutcome {
  status: "applied" | "actual-time" | "not-billable";
  /** Client quarters billed (0 when not billable). */
  clientQuarters: number;
  /** The group's counted duration in quarters (whole hours × 4 with `'whole-hours'`). */
  groupQuarters: number;
  /** The multiplier. */
  factor: number;
  /** Why the rule did not apply, or `null`. */
  reason: string | null;
}

/** @internal Why a session falls outside the rule, or `null` when inside. */
export function outsideReason(rule: GroupRule, minutes: number, participants: number): string | null {
  const reasons: string[] = [];
  if (participants < rule.minParticipants) {
    reasons.push(`${participants.toString()} participants, the rule needs at least ${rule.minParticipants.toString()}`);
  }
  if (minutes < rule.minMinutes || minutes > rule.maxMinutes) {
    reasons.push(`${minutes.toString()} minutes, the rule covers ${rule.minMinutes.toString()}–${rule.maxMinutes.toString()} minutes a session`);
  }
  return reasons.length === 0 ? null : reasons.join("; ");
}

/**
 * @internal The group rule on integers. Throws GROUP_RULE_NOT_MET (naming
 * `path`) for `'reject'` outside the rule.
 */
export function groupOutcome(
  rule: GroupRule,
  minutes: number,
  participants: number,
  outsideRule: GroupOutsideRule,
  counting: GroupHoursCounting,
  path: string,
): GroupOutcome {
  const reason = outsideReason(rule, minutes, participants);
  if (reason === null) {
    const groupQuarters = counting === "whole-hours" ? Math.floor(minutes / 60) * 4 : quartersOf(minutes);
    return { status: "applied", clientQuarters: groupQuarters * rule.clientHoursPerGroupHour, groupQuarters, factor: rule.clientHoursPerGroupHour, reason: null };
  }
  if (outsideRule === "reject") {
    throw new RulesError(
      "GROUP_RULE_NOT_MET",
      `${path}: the group session is outside the group rule (${reason}; ${rule.clause}) and outsideRule is 'reject'`,
      [{ path, expected: `a group session with at least ${rule.minParticipants.toString()} participants lasting ${rule.minMinutes.toString()}–${rule.maxMinutes.toString()} minutes`, received: `${participants.toString()} participants, ${minutes.toString()} minutes` }],
    );
  }
  const quarters = quartersOf(minutes);
  if (outsideRule === "not-billable") {
    return { status: "not-billable", clientQuarters: 0, groupQuarters: quarters, factor: 0, reason };
  }
  return { status: "actual-time", clientQuarters: quarters, groupQuarters: quarters, factor: 1, reason };
}

/** @internal The warning for a session outside the rule. */
export function outsideWarning(outcome: GroupOutcome, rule: GroupRule): string {
  const what = outcome.status === "not-billable" ? "not billable (outsideRule 'not-billable')" : "billed as ordinary time × 1 (outsideRule 'actual-time')";
  return `group rule not met (${outcome.reason ?? ""}; ${rule.clause}): ${what}`;
}

const OUTSIDE_RULES: readonly GroupOutsideRule[] = ["actual-time", "not-billable", "reject"];
const COUNTINGS: readonly GroupHoursCounting[] = ["quarter-rounded", "whole-hours"];

/** @internal Validates one option value against its allowed values. */
export function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T, path: string, code: "INVALID_ARGUMENT" | "INVALID_INPUT"): T {
  if (value === undefined) return fallback;
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
  throw fieldError(code, path, `one of ${allowed.map((a) => `'${a}'`).join(", ")}`, value);
}

/** @internal */
export const GROUP_OUTSIDE_RULES = OUTSIDE_RULES;
/** @internal */
export const GROUP_HOURS_COUNTINGS = COUNTINGS;

function positiveInt(value: unknown, path: string, min: number): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < min) {
    throw fieldError("INVALID_ARGUMENT", path, `an integer ${min.toString()} or more`, value);
  }
  return value;
}

/**
 * The group rule of a commission: how many client hours a group hour is
 * worth, for how many participants and how long a session.
 *
 * @param contract - a parsed commission
 * @returns its group rule (`compensation.groupRule`)
 * @throws {@link RulesError} `NOT_IN_CONTRACT` when the commission has no group rule
 * @example
 * ```ts
 * groupRuleOf(contracts.familjeradgivning).clientHoursPerGroupHour; //=> 4
 * groupRuleOf(contracts.beroendemottagningen); // throws RulesError NOT_IN_CONTRACT
 * ```
 */
export function groupRuleOf(contract: Contract): GroupRule {
  contract = ensureContract(contract);
  const c = contract.compensation;
  if (c.kind !== "hourly" || c.groupRule === null) {
    throw new RulesError("NOT_IN_CONTRACT", `${contract.id}: the commission has no group rule (klienttimmar per grupptimme)`);
  }
  return c.groupRule;
}

/**
 * The client hours a group session may be billed as: 4 client hours for
 * every group hour when at least 5 take part and the session lasts 1–2
 * hours; otherwise what `outsideRule` says.
 *
 * Implements SON 2021-233 §1.2: *"Grundprincipen är att Leanlink får debitera
 * fyra klienttimmar för varje genomförd grupptimme med minst 5 deltagare.
 * Principen gäller för gruppverksamhet som omfattar 1-2 timmars verksamhet
 * per grupptillfälle."* Every number (4, 5, 60 and 120 minutes) comes from
 * the rule's data, by default the shipped Familjerådgivning rule; pass
 * `options.rule` (e.g. {@link groupRuleOf}`(contract)`) for another
 * commission. Interpretations: "1-2 timmar" is 60–120 minutes inclusive; the
 * group's hours are its started quarter hours (`groupHours:
 * 'quarter-rounded'`, default, so 90 minutes are 1.5 group hours and 6
 * client hours) or, with `'whole-hours'`, only whole completed hours
 * (*genomförd grupptimme*: 90 minutes are 1 group hour, 4 client hours).
 * Outside the rule the default is `'actual-time'`: the started quarter hours
 * × 1, with a warning.
 *
 * @param session - `minutes` (a non-negative integer) and `participants` (an integer 1 or more)
 * @param options - `outsideRule`, `groupHours`, `rule`
 * @returns the client hours, whether the rule applied, and why not
 * @throws {@link RulesError} `INVALID_ARGUMENT` for a bad session or option;
 *   `GROUP_RULE_NOT_MET` outside the rule with `outsideRule: 'reject'`
 * @example
 * ```ts
 * groupClientHours({ minutes: 90, participants: 6 }).clientHours.toFixed(2);  //=> "6.00"
 * groupClientHours({ minutes: 90, participants: 6 }, { groupHours: "whole-hours" }).clientHours.toFixed(2); //=> "4.00"
 * const small = groupClientHours({ minutes: 90, participants: 4 });
 * small.clientHours.toFixed(2); //=> "1.50"
 * small.ruleApplied;            //=> false (with a warning)
 * groupClientHours({ minutes: 90, participants: 4 }, { outsideRule: "reject" }); // throws RulesError GROUP_RULE_NOT_MET
 * ```
 */
export function groupClientHours(session: { minutes: number; participants: number }, options: GroupClientHoursOptions = {}): GroupClientHours {
  if (typeof session !== "object" || (session as unknown) === null) {
    throw fieldError("INVALID_ARGUMENT", "session", "an object { minutes, participants }", session);
  }
  if (typeof options !== "object" || (options as unknown) === null || Array.isArray(options)) {
    throw fieldError("INVALID_ARGUMENT", "options", "an options object or nothing", options);
  }
  for (const key of Object.keys(options)) {
    if (key !== "outsideRule" && key !== "groupHours" && key !== "rule") {
      throw fieldError("INVALID_ARGUMENT", `options.${key}`, "no such option (outsideRule, groupHours, rule)", (options as Record<string, unknown>)[key]);
    }
  }
  const minutes = positiveInt(session.minutes, "session.minutes", 0);
  const participants = positiveInt(session.participants, "session.participants", 1);
  const outsideRule = oneOf(options.outsideRule, OUTSIDE_RULES, "actual-time", "options.outsideRule", "INVALID_ARGUMENT");
  const counting = oneOf(options.groupHours, COUNTINGS, "quarter-rounded", "options.groupHours", "INVALID_ARGUMENT");
  const rule = options.rule ?? groupRuleOf(contracts.familjeradgivning);
  checkRule(rule);
  const outcome = groupOutcome(rule, minutes, participants, outsideRule, counting, "session");
  return {
    clientHours: ratio(outcome.clientQuarters, 4),
    ruleApplied: outcome.status === "applied",
    billable: outcome.status !== "not-billable",
    groupHours: ratio(outcome.groupQuarters, 4),
    factor: outcome.factor,
    warnings: outcome.status === "applied" ? [] : [outsideWarning(outcome, rule)],
    clause: rule.clause,
  };
}

function checkRule(rule: unknown): void {
  if (typeof rule !== "object" || rule === null) {
    throw fieldError("INVALID_ARGUMENT", "options.rule", "a group rule from a contract (compensation.groupRule)", rule);
  }
  const r = rule as Record<string, unknown>;
  positiveInt(r.clientHoursPerGroupHour, "options.rule.clientHoursPerGroupHour", 1);
  positiveInt(r.minParticipants, "options.rule.minParticipants", 1);
  const min = positiveInt(r.minMinutes, "options.rule.minMinutes", 1);
  const max = positiveInt(r.maxMinutes, "options.rule.maxMinutes", 1);
  if (max < min) throw fieldError("INVALID_ARGUMENT", "options.rule.maxMinutes", `at least minMinutes (${min.toString()})`, max);
  if (typeof r.clause !== "string") throw fieldError("INVALID_ARGUMENT", "options.rule.clause", "the rule's clause reference", describeValue(r.clause));
}
