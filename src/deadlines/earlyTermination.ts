/**
 * Early termination for breach (*förtida uppsägning*), SON 2019-755 §5.3.
 *
 * @module
 */
import { ensureContract } from "../contracts/parse.js";
import { addDays, addMonths, compareDates, isWorkday, parseLocalDate, type LocalDate } from "../calendar/index.js";
import type { Contract } from "../contracts/schema.js";
import { fieldError, RulesError } from "../errors.js";
import { optionsObject, parseRoll, roll, type RollRule } from "./internal.js";

/**
 * Options for {@link earlyTermination}.
 *
 * @example
 * ```ts
 * const options: EarlyTerminationOptions = { rollCureDeadline: "next-workday" };
 * ```
 */
export interface EarlyTerminationOptions {
  /**
   * `'none'` (default): the cure deadline is the 30th calendar day whatever
   * the weekday; `'next-workday'`: a deadline on a Saturday, Sunday or
   * holiday moves to the next workday, as lag (1930:173) §2 does.
   */
  rollCureDeadline?: RollRule;
}

/**
 * The dates of an early termination for breach, with the clause and the
 * figures that produced them.
 *
 * @example
 * ```ts
 * const t: EarlyTermination = earlyTermination(contracts.valdINaraRelation, "2024-01-15");
 * t.earliestEnd; //=> "2024-05-15"
 * ```
 */
export interface EarlyTermination {
  /** The commission's id. */
  contractId: string;
  /** The day the purchaser's written notice of breach reached the provider. */
  breachNoticeOn: LocalDate;
  /** The days the provider has to show the defects remedied (30). */
  cureDays: number;
  /** The last day to show the defects remedied (after any roll). */
  cureDeadline: LocalDate;
  /** `breachNoticeOn` + `cureDays` calendar days, before any roll. */
  nominalCureDeadline: LocalDate;
  /** True when the cure deadline was moved to a workday. */
  rolled: boolean;
  /** Whether `cureDeadline` is a workday. */
  workday: boolean;
  /** The first day the purchaser may give notice of termination: the day after the cure deadline. */
  earliestTerminationNotice: LocalDate;
  /** The notice period in months (3). */
  noticeMonths: number;
  /** The earliest last day in force: `earliestTerminationNotice` + `noticeMonths`, same date, clamped. */
  earliestEnd: LocalDate;
  /** Who may terminate (`'purchaser'` in SON 2019-755). */
  by: "purchaser" | "provider" | "either";
  /** The clause, `"SON 2019-755 §5.3"`. */
  clause: string;
  /** The clause's Swedish sentence, when the contract data carries it. */
  quote?: string;
}

/**
 * When a commission can end early after a breach (*förtida uppsägning*).
 *
 * Implements SON 2019-755 §5.3: *"Om utföraren bryter mot uppdraget, och
 * efter beställarens skriftliga meddelande härom inte inom trettio (30) dagar
 * kan visa att påpekade brister har åtgärdats, har beställaren rätt att säga
 * upp uppdraget med beaktande av en uppsägningstid om tre (3) månader."* The
 * cure deadline is `breachNoticeOn` + `cureDays` calendar days (the text says
 * *"dagar"*, not workdays); by default it is not moved off weekends. The
 * purchaser may give notice of termination from the day after it, and the
 * commission ends at the earliest `noticeMonths` after that notice, on the
 * same calendar date, clamped to the month's last day (as
 * {@link noticeEnd}). Both numbers come from the contract's
 * `earlyTermination` clause.
 *
 * @param contract - a parsed commission with an early-termination clause
 * @param breachNoticeOn - the day the written notice of breach reached the provider
 * @param options - `rollCureDeadline`: `'none'` (default) or `'next-workday'`
 * @returns the cure deadline, the earliest termination notice and the earliest end, with the clause
 * @throws {@link RulesError} `NOT_IN_CONTRACT` when the commission has no
 *   such clause; `INVALID_DATE` for a bad date; `OUTSIDE_TERM` when the
 *   notice of breach falls before the term's start or after its end;
 *   `INVALID_ARGUMENT` for bad options
 * @example
 * ```ts
 * earlyTermination(contracts.valdINaraRelation, "2024-01-15");
 * //=> { cureDeadline: "2024-02-14", earliestTerminationNotice: "2024-02-15", earliestEnd: "2024-05-15",
 * //     cureDays: 30, noticeMonths: 3, rolled: false, clause: "SON 2019-755 §5.3", … }
 * earlyTermination(contracts.valdINaraRelation, "2024-02-02", { rollCureDeadline: "next-workday" }).cureDeadline;
 * //=> "2024-03-04" (the 30th day, 2024-03-03, is a Sunday)
 * ```
 */
export function earlyTermination(contract: Contract, breachNoticeOn: LocalDate, options?: EarlyTerminationOptions): EarlyTermination {
  contract = ensureContract(contract);
  const clause = contract.earlyTermination;
  if (clause === null) {
    throw new RulesError("NOT_IN_CONTRACT", `${contract.id}: the commission has no early-termination clause (förtida uppsägning)`);
  }
  const rule = parseRoll(optionsObject(options, "options").rollCureDeadline, "options.rollCureDeadline");
  const noticeOn = parseLocalDate(breachNoticeOn, "breachNoticeOn");
  const { term } = contract;
  if (term.start !== "unknown" && compareDates(noticeOn, term.start) < 0) {
    throw fieldError("OUTSIDE_TERM", "breachNoticeOn", `a date on or after the start ${term.start} (${term.clause})`, breachNoticeOn);
  }
  if (term.end !== null && compareDates(noticeOn, term.end) > 0) {
    throw fieldError("OUTSIDE_TERM", "breachNoticeOn", `a date on or before the end ${term.end} (${term.clause})`, breachNoticeOn);
  }
  const nominalCureDeadline = addDays(noticeOn, clause.cureDays);
  const cureDeadline = roll(nominalCureDeadline, rule);
  const earliestTerminationNotice = addDays(cureDeadline, 1);
  const result: EarlyTermination = {
    contractId: contract.id,
    breachNoticeOn: noticeOn,
    cureDays: clause.cureDays,
    cureDeadline,
    nominalCureDeadline,
    rolled: cureDeadline !== nominalCureDeadline,
    workday: isWorkday(cureDeadline),
    earliestTerminationNotice,
    noticeMonths: clause.noticeMonths,
    earliestEnd: addMonths(earliestTerminationNotice, clause.noticeMonths),
    by: clause.by,
    clause: clause.clause,
  };
  if (clause.quote !== undefined) result.quote = clause.quote;
  return result;
}
