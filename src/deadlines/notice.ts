/**
 * Notice (*uppsägning*): when a written notice ends an open-ended commission,
 * and the commission as it stands once notice has been given.
 *
 * The four texts say, for example (SON 2021-233 §1.1): *"Uppsägningstiden är
 * 12 månader från vardera parten om parterna inte kommer överens om annat.
 * Uppsägning ska vara skriftlig."* None says from which day the period runs
 * or how a month is counted. This module reads them by analogy with lag
 * (1930:173) om beräkning av lagstadgad tid §1: the period runs from the day
 * the written notice reached the other party and ends on the day with the
 * same number `months` later, or that month's last day when it has no such
 * day.
 *
 * @module
 */
import { ensureContract, parseContract } from "../contracts/parse.js";
import { addMonths, compareDates, lastDayOfMonth, monthOf, parseLocalDate, type LocalDate } from "../calendar/index.js";
import type { Contract, NoticeClause } from "../contracts/schema.js";
import { fieldError, RulesError } from "../errors.js";
import { integerIn, oneOf, optionsObject } from "./internal.js";

/**
 * How the end of a notice period is counted:
 * - `'same-date'` (default): the same calendar date `months` after the
 *   notice was received, clamped to the month's last day (lag (1930:173) §1
 *   by analogy): 2024-02-29 + 12 months → 2025-02-28;
 * - `'end-of-month'`: the last day of that month (2024-03-15 + 12 months →
 *   2025-03-31), as many commercial contracts count it.
 *
 * @example
 * ```ts
 * const rule: NoticeRule = "same-date";
 * ```
 */
export type NoticeRule = "same-date" | "end-of-month";

/**
 * A notice of termination (*uppsägning*) as it was given.
 *
 * @example
 * ```ts
 * const notice: NoticeInput = { receivedOn: "2024-02-29", form: "written", givenBy: "purchaser" };
 * ```
 */
export interface NoticeInput {
  /** The day the notice reached the other party (not the day it was written or sent). */
  receivedOn: LocalDate;
  /** The notice's form; the texts require `'written'` (*"Uppsägning ska vara skriftlig"*). */
  form: "written" | "oral";
  /**
   * A notice period the parties agreed instead of the contract's (*"om
   * parterna inte kommer överens om annat"*), in whole months (0 or more).
   * Absent: the contract's own period.
   */
  months?: number;
  /** Who gave notice, when known; checked against the clause's `givenBy`. */
  givenBy?: "purchaser" | "provider";
}

/**
 * Options for {@link noticeEnd}, {@link noticePeriod} and {@link applyNotice}.
 *
 * @example
 * ```ts
 * const options: NoticeOptions = { rule: "end-of-month" };
 * ```
 */
export interface NoticeOptions {
  /** How the end is counted; default `'same-date'`. */
  rule?: NoticeRule;
}

/**
 * A notice period worked out, with what produced it: the input, the months
 * and where they came from, the counting rule and the clause.
 *
 * @example
 * ```ts
 * const p: NoticePeriod = noticePeriod(contracts.familjeradgivning, { receivedOn: "2024-02-29", form: "written" });
 * p.end;     //=> "2025-02-28"
 * p.clamped; //=> true
 * ```
 */
export interface NoticePeriod {
  /** The commission's id. */
  contractId: string;
  /** The day the written notice reached the other party. */
  receivedOn: LocalDate;
  /** The last day the commission is in force. */
  end: LocalDate;
  /** The notice period in months. */
  months: number;
  /** `'contract'` when the months are the clause's, `'agreed'` when the parties agreed otherwise. */
  monthsFrom: "contract" | "agreed";
  /** The counting rule used. */
  rule: NoticeRule;
  /** True when the same date does not exist `months` later and the month's last day was taken (same-date rule). */
  clamped: boolean;
  /** Who gave notice, when the caller said. */
  givenBy: "purchaser" | "provider" | null;
  /** The notice clause, e.g. `"SON 2021-233 §1.1"`. */
  clause: string;
  /** The clause's Swedish sentence, when the contract data carries it. */
  quote?: string;
}


function noticeClause(contract: Contract): NoticeClause {
  if (contract.notice === null) {
    throw new RulesError(
      "NOT_IN_CONTRACT",
      `${contract.id}: the commission has no notice clause (uppsägning); its term is ${contract.term.start} to ${contract.term.end ?? "further notice"} (${contract.term.clause})`,
    );
  }
  return contract.notice;
}

/**
 * Works out a notice period with its explanation: the rule behind
 * {@link noticeEnd}.
 *
 * Implements the notice clause of each commission, e.g. SON 2021-233 §1.1
 * *"Uppsägningstiden är 12 månader från vardera parten om parterna inte
 * kommer överens om annat. Uppsägning ska vara skriftlig."* The period runs
 * from the day the written notice reached the other party; with the default
 * rule `'same-date'` it ends on the day with the same number `months` later,
 * or that month's last day when the month is shorter (lag (1930:173) om
 * beräkning av lagstadgad tid §1, by analogy; no roll to a workday: the
 * commission simply ends that day). `notice.months`, when given, is what the
 * parties agreed instead (*"om parterna inte kommer överens om annat"*); a
 * clause with `unlessAgreedOtherwise: false` does not allow it. A
 * `notice.givenBy` is checked against the clause's `givenBy` (SON 2021-233:
 * *"från vardera parten"*, either party).
 *
 * @param contract - a parsed commission with a notice clause
 * @param notice - when the notice was received, its form, and optionally agreed months and who gave it
 * @param options - `rule`: `'same-date'` (default) or `'end-of-month'`
 * @returns the period: `end`, `months`, `rule`, `clause`, whether the date was clamped, …
 * @throws {@link RulesError} `NOT_IN_CONTRACT` when the commission has no
 *   notice clause (Boendestöd) or the clause does not let `givenBy` give
 *   notice; `NOTICE_NOT_WRITTEN` for an oral notice; `INVALID_DATE` for a bad
 *   `receivedOn`; `INVALID_ARGUMENT` for bad months, form or options, or
 *   agreed months the clause does not allow
 * @example
 * ```ts
 * noticePeriod(contracts.familjeradgivning, { receivedOn: "2024-02-29", form: "written" });
 * //=> { contractId: "familjeradgivning", receivedOn: "2024-02-29", end: "2025-02-28", months: 12,
 * //     monthsFrom: "contract", rule: "same-date", clamped: true, givenBy: null,
 * //     clause: "SON 2021-233 §1.1", quote: "Uppsägningstiden är 12 månader …" }
 * ```
 */
export function noticePeriod(contract: Contract, notice: NoticeInput, options?: NoticeOptions): NoticePeriod {
  contract = ensureContract(contract);
  const clause = noticeClause(contract);
  const raw: unknown = notice;
  if (typeof raw !== "object" || raw === null) {
    throw fieldError("INVALID_ARGUMENT", "notice", "an object { receivedOn, form, months? }", raw);
  }
  const rule = oneOf<NoticeRule>(optionsObject(options, "options").rule, ["same-date", "end-of-month"], "options.rule", "same-date");
  const receivedOn = parseLocalDate(notice.receivedOn, "notice.receivedOn");
  if (notice.form === "oral") {
    throw new RulesError(
      "NOTICE_NOT_WRITTEN",
      `notice.form: the notice must be written (${clause.clause}: "Uppsägning ska vara skriftlig"), received "oral"`,
      [{ path: "notice.form", expected: '"written"', received: '"oral"' }],
    );
  }
  oneOf(notice.form, ["written"], "notice.form");
  let givenBy: NoticePeriod["givenBy"] = null;
  if (notice.givenBy !== undefined) {
    const by = oneOf(notice.givenBy, ["purchaser", "provider"], "notice.givenBy");
    if (clause.givenBy !== "either" && clause.givenBy !== by) {
      throw new RulesError(
        "NOT_IN_CONTRACT",
        `notice.givenBy: ${clause.clause} lets only the ${clause.givenBy} give notice, received "${by}"`,
        [{ path: "notice.givenBy", expected: `"${clause.givenBy}"`, received: `"${by}"` }],
      );
    }
    givenBy = by;
  }
  let months = clause.months;
  let monthsFrom: NoticePeriod["monthsFrom"] = "contract";
  if (notice.months !== undefined) {
    months = integerIn(notice.months, 0, 1200, "notice.months");
    if (!clause.unlessAgreedOtherwise && months !== clause.months) {
      throw fieldError(
        "INVALID_ARGUMENT",
        "notice.months",
        `${clause.months.toString()} months: ${clause.clause} does not let the parties agree another period`,
        notice.months,
      );
    }
    monthsFrom = months === clause.months ? "contract" : "agreed";
  }
  const sameDate = addMonths(receivedOn, months);
  const end = rule === "end-of-month" ? lastDayOfMonth(monthOf(sameDate)) : sameDate;
  const clamped = rule === "same-date" && sameDate.slice(8) !== receivedOn.slice(8);
  const period: NoticePeriod = {
    contractId: contract.id,
    receivedOn,
    end,
    months,
    monthsFrom,
    rule,
    clamped,
    givenBy,
    clause: clause.clause,
  };
  if (clause.quote !== undefined) period.quote = clause.quote;
  return period;
}

/**
 * The last day a commission is in force after a written notice
 * (*uppsägning*): the date of {@link noticePeriod}.
 *
 * Implements e.g. SON 2021-233 §1.1 *"Uppsägningstiden är 12 månader från
 * vardera parten om parterna inte kommer överens om annat. Uppsägning ska
 * vara skriftlig."*: the same calendar date `months` after the notice
 * reached the other party, clamped to the month's last day (lag (1930:173)
 * §1 by analogy; `options.rule: 'end-of-month'` takes the month's last day
 * instead). `notice.months` overrides the contract's period when the parties
 * agreed otherwise.
 *
 * @param contract - a parsed commission with a notice clause
 * @param notice - `{ receivedOn, form, months?, givenBy? }`
 * @param options - `rule`: `'same-date'` (default) or `'end-of-month'`
 * @returns the last day in force, `YYYY-MM-DD`
 * @throws {@link RulesError} `NOTICE_NOT_WRITTEN` for an oral notice;
 *   `NOT_IN_CONTRACT` when the commission has no notice clause; see
 *   {@link noticePeriod} for the rest
 * @example
 * ```ts
 * noticeEnd(contracts.familjeradgivning, { receivedOn: "2024-02-29", form: "written" });          //=> "2025-02-28"
 * noticeEnd(contracts.familjeradgivning, { receivedOn: "2024-01-31", form: "written", months: 1 }); //=> "2024-02-29"
 * noticeEnd(contracts.familjeradgivning, { receivedOn: "2024-03-15", form: "written" }, { rule: "end-of-month" }); //=> "2025-03-31"
 * noticeEnd(contracts.familjeradgivning, { receivedOn: "2024-03-15", form: "oral" }); // throws RulesError NOTICE_NOT_WRITTEN
 * ```
 */
export function noticeEnd(contract: Contract, notice: NoticeInput, options?: NoticeOptions): LocalDate {
  return noticePeriod(contract, notice, options).end;
}

/**
 * The commission as it stands once a written notice has been given: a new,
 * frozen {@link Contract} whose `term.end` is the notice's end, so that
 * everything computed from the term (statements, reporting deadlines,
 * obligations) stops there. The input is never changed.
 *
 * Implements the notice clause (e.g. SON 2021-233 §1.1 *"Båda parter kan när
 * som helst säga upp överenskommelsen för villkorsändring eller
 * upphörande."*) on top of {@link noticePeriod}. The end day is the last day
 * in force (term ends are inclusive), so a statement for the end month pays
 * that month's days' share. If the term already has an earlier fixed end,
 * that end stays. A term shortened by notice loses any extension option
 * (`term.extensions` becomes `null`): a commission under notice is not
 * extended. A note saying when and how the notice was given is appended to
 * `notes`.
 *
 * @param contract - a parsed commission with a notice clause
 * @param notice - `{ receivedOn, form, months?, givenBy? }`
 * @param options - `rule`: `'same-date'` (default) or `'end-of-month'`
 * @returns a new frozen commission with `term.end` set
 * @throws {@link RulesError} `OUTSIDE_TERM` when the notice was received
 *   after the term's fixed end, or would end the commission before its
 *   start; see {@link noticePeriod} for the rest
 * @example
 * ```ts
 * const ended = applyNotice(contracts.beroendemottagningen, { receivedOn: "2024-06-15", form: "written" });
 * ended.term.end; //=> "2025-06-15"
 * contracts.beroendemottagningen.term.end; //=> null (unchanged)
 * ```
 */
export function applyNotice(contract: Contract, notice: NoticeInput, options?: NoticeOptions): Contract {
  contract = ensureContract(contract);
  const period = noticePeriod(contract, notice, options);
  const { term } = contract;
  if (term.end !== null && compareDates(period.receivedOn, term.end) > 0) {
    throw fieldError("OUTSIDE_TERM", "notice.receivedOn", `a date on or before the term's end ${term.end} (${term.clause})`, period.receivedOn);
  }
  if (term.start !== "unknown" && compareDates(period.end, term.start) < 0) {
    throw fieldError(
      "OUTSIDE_TERM",
      "notice.receivedOn",
      `a notice whose end (${period.end}) is not before the start ${term.start} (${term.clause})`,
      period.receivedOn,
    );
  }
  const fixedEnd = term.end;
  const shortens = fixedEnd === null || compareDates(period.end, fixedEnd) < 0;
  const end = fixedEnd === null || shortens ? period.end : fixedEnd;
  const months = `${period.months.toString()} ${period.months === 1 ? "månad" : "månader"}`;
  const note =
    `Uppsagt: skriftlig uppsägning mottagen ${period.receivedOn}${period.givenBy === null ? "" : ` (från ${period.givenBy === "purchaser" ? "beställaren" : "utföraren"})`}, ` +
    `uppsägningstid ${months}${period.monthsFrom === "agreed" ? " enligt parternas överenskommelse" : ""}; ` +
    (shortens ? `uppdraget gäller till och med ${period.end}` : `uppdragstiden slutar ändå ${end}`) +
    ` (${period.clause}).`;
  // Validated again and frozen, so a changed contract is as trustworthy as a parsed one.
  return parseContract({
    ...contract,
    term: Object.freeze({ ...term, end, extensions: shortens ? null : term.extensions }),
    notes: [...contract.notes, note],
  });
}
