/**
 * Waiting times to a first personal meeting, against the commission's goal
 * and its duty to report long waits (SON 2021-233 §2.3).
 *
 * @module
 */
import { ensureContract } from "../contracts/parse.js";
import { addMonthsToYearMonth, compareDates, daysBetween, monthOf, parseLocalDate, type LocalDate, type YearMonth } from "../calendar/index.js";
import type { Contract } from "../contracts/schema.js";
import { normalizeId, ownElements, ownFields } from "../callerData.js";
import { fieldError, RulesError } from "../errors.js";
import { percentText } from "../money/money.js";
import { integerIn, optionsObject } from "./internal.js";

/**
 * One case in the intake queue: when the person first made contact and when
 * the first personal meeting took (or will take) place.
 *
 * @example
 * ```ts
 * const intake: Intake = { id: "2024-017", firstContact: "2024-01-08", firstMeeting: "2024-01-19" };
 * ```
 */
export interface Intake {
  /** Unique case id. */
  id: string;
  /** The day of first contact. */
  firstContact: LocalDate;
  /** The day of the first personal meeting, or `null` while still waiting. */
  firstMeeting: LocalDate | null;
}

/**
 * Options for {@link waitingTimes}.
 *
 * @example
 * ```ts
 * const options: WaitingTimesOptions = { asOf: "2024-03-31", persistMonths: 3 };
 * ```
 */
export interface WaitingTimesOptions {
  /**
   * The day the queue is looked at. Cases without a meeting, or with a
   * meeting after it, count as still waiting, with their wait so far.
   * Required when any case has no meeting.
   */
  asOf?: LocalDate;
  /**
   * How many consecutive months with a wait over the reporting limit make
   * waits "under en längre tid" (for a longer time): default 2, this
   * library's reading of an expression the text leaves open.
   */
  persistMonths?: number;
}

/**
 * One case's wait.
 *
 * @example
 * ```ts
 * const w: CaseWait = { id: "a", firstContact: "2024-01-08", firstMeeting: "2024-01-19", month: "2024-01",
 *   waitDays: 11, status: "met", overReportLimit: false };
 * ```
 */
export interface CaseWait {
  /** The case id. */
  id: string;
  /** The day of first contact. */
  firstContact: LocalDate;
  /** The day of the first meeting, `null` when still waiting at `asOf`. */
  firstMeeting: LocalDate | null;
  /** The month of first contact, which the case is counted in. */
  month: YearMonth;
  /** Days from first contact to the meeting, or to `asOf` while still waiting. */
  waitDays: number;
  /**
   * `'met'`: met within the goal; `'missed'`: met later, or still waiting
   * beyond it; `'pending'`: still waiting, not yet beyond it.
   */
  status: "met" | "missed" | "pending";
  /** True when the wait is over the reporting limit (14 days). */
  overReportLimit: boolean;
}

/**
 * An exact share: `numerator / denominator`, with the percentage rounded
 * half-up to two decimals as a string.
 *
 * @example
 * ```ts
 * const s: Share = { numerator: 6, denominator: 7, percent: "85.71" };
 * ```
 */
export interface Share {
  /** Cases within the goal. */
  numerator: number;
  /** Cases decided (met or missed). */
  denominator: number;
  /** 100 × numerator / denominator, two decimals, half-up. */
  percent: string;
}

/**
 * The waits of one month of first contact.
 *
 * @example
 * ```ts
 * const m: MonthWaits = { month: "2024-01", cases: 3, met: 2, missed: 1, pending: 0,
 *   withinGoal: { numerator: 2, denominator: 3, percent: "66.67" }, longestWaitDays: 20, longestWaitId: "c",
 *   overReportLimit: true };
 * ```
 */
export interface MonthWaits {
  /** The month of first contact. */
  month: YearMonth;
  /** Cases with first contact in the month. */
  cases: number;
  /** Met within the goal. */
  met: number;
  /** Met later, or still waiting beyond the goal. */
  missed: number;
  /** Still waiting, not yet beyond the goal. */
  pending: number;
  /** The share met within the goal among the decided cases; `null` when none is decided. */
  withinGoal: Share | null;
  /** The longest wait (a wait still running counts with its days so far); `null` for a month without cases. */
  longestWaitDays: number | null;
  /** The case with the longest wait (the first listed on a tie). */
  longestWaitId: string | null;
  /** True when some wait is over the reporting limit. */
  overReportLimit: boolean;
}

/**
 * A run of consecutive months with waits over the reporting limit.
 *
 * @example
 * ```ts
 * const run: PersistentRun = { from: "2024-02", to: "2024-04", months: 3 };
 * ```
 */
export interface PersistentRun {
  /** The first month of the run. */
  from: YearMonth;
  /** The last month of the run. */
  to: YearMonth;
  /** Its length in months. */
  months: number;
}

/**
 * The waiting-time follow-up of a commission.
 *
 * @example
 * ```ts
 * const w: WaitingTimes = waitingTimes(contracts.familjeradgivning, [], {});
 * w.goalDays; //=> 14
 * ```
 */
export interface WaitingTimes {
  /** The commission's id. */
  contractId: string;
  /** The goal for a first meeting, in days (14). */
  goalDays: number;
  /** The goal's clause. */
  goalClause: string;
  /** Waits over this many days are to be reported when they persist (14); `null` when the contract has no such duty. */
  reportOverDays: number | null;
  /** That duty's clause, or `null`. */
  reportClause: string | null;
  /** The day the queue was looked at, or `null`. */
  asOf: LocalDate | null;
  /** The consecutive months that make waits persistent. */
  persistMonths: number;
  /** Each case, in the order given. */
  cases: CaseWait[];
  /** Every month from the first to the last month of first contact, months without cases included. */
  months: MonthWaits[];
  /** The runs of at least `persistMonths` consecutive months with waits over the limit. */
  persistent: PersistentRun[];
  /** True when there is such a run (the administration is to be informed); `null` when the contract has no reporting duty. */
  informPurchaser: boolean | null;
}

/** The most intakes one call takes: far more than a year of any commission's queue. */
const MAX_INTAKES = 1_000_000;
const INTAKE_KEYS = ["id", "firstContact", "firstMeeting"] as const;

/**
 * Follows up waiting times to a first personal meeting: per case, per month
 * of first contact, and whether long waits persist.
 *
 * Implements SON 2021-233 §2.3 *"Målsättningen är att den enskilde ska kunna
 * erbjudas ett personligt samtal inom två veckor."* and *"Om väntetider över
 * 14 dagar uppstår under en längre tid ska Social- och
 * omsorgsförvaltningen informeras om detta."*, with both day counts from the
 * contract's `serviceLevels`. A wait is the calendar days from first contact
 * to the first meeting (contact on 1 March, meeting on 15 March: 14 days,
 * within the goal). A case with no meeting by `options.asOf` counts with its
 * wait so far: beyond the goal it is already missed, otherwise pending.
 * Cases are counted in the month of first contact (every case has one, and
 * a waiting case belongs to the queue it joined); the share within the goal
 * is met ÷ (met + missed), exact, with the percentage rounded half-up to two
 * decimals; pending cases are left out of it. A month has long waits when
 * some case's wait is over the reporting limit; *"under en längre tid"* is
 * read as at least `persistMonths` (default 2) consecutive calendar months
 * with long waits, and `informPurchaser` says whether such a run exists.
 *
 * @param contract - a parsed commission with a first-meeting goal
 * @param intakes - the cases: `{ id, firstContact, firstMeeting }`
 * @param options - `asOf`, `persistMonths` (default 2)
 * @returns cases, months, persistent runs and whether to inform the administration
 * @throws {@link RulesError} `NOT_IN_CONTRACT` when the commission has no
 *   first-meeting goal; `INVALID_DATE` naming the field for a bad date
 *   (`intakes.3.firstMeeting`); `INVALID_INPUT` for a meeting before the
 *   contact, a contact after `asOf`, a missing `asOf` or a bad case;
 *   `DUPLICATE_ID` for a repeated id; `INVALID_ARGUMENT` for bad options
 * @example
 * ```ts
 * const w = waitingTimes(contracts.familjeradgivning, [
 *   { id: "a", firstContact: "2024-01-08", firstMeeting: "2024-01-19" },
 *   { id: "b", firstContact: "2024-01-10", firstMeeting: "2024-01-30" },
 *   { id: "c", firstContact: "2024-02-05", firstMeeting: null },
 * ], { asOf: "2024-02-29" });
 * w.months[0];
 * //=> { month: "2024-01", cases: 2, met: 1, missed: 1, pending: 0,
 * //     withinGoal: { numerator: 1, denominator: 2, percent: "50.00" },
 * //     longestWaitDays: 20, longestWaitId: "b", overReportLimit: true }
 * w.persistent;      //=> [{ from: "2024-01", to: "2024-02", months: 2 }]
 * w.informPurchaser; //=> true
 * ```
 */
export function waitingTimes(contract: Contract, intakes: readonly Intake[], options?: WaitingTimesOptions): WaitingTimes {
  contract = ensureContract(contract);
  const goal = contract.serviceLevels.firstMeetingWithinDays;
  if (goal === null) {
    throw new RulesError("NOT_IN_CONTRACT", `${contract.id}: the commission states no goal for a first meeting`);
  }
  const report = contract.serviceLevels.reportWaitsOverDays;
  const opts = optionsObject(options, "options");
  const asOf = opts.asOf === undefined ? null : parseLocalDate(opts.asOf, "options.asOf");
  const persistMonths = integerIn(opts.persistMonths ?? 2, 1, 1200, "options.persistMonths");
  const list = ownElements(intakes, "intakes", "an array of { id, firstContact, firstMeeting }", MAX_INTAKES);

  const seen = new Map<string, number>();
  const cases: CaseWait[] = list.map((raw: unknown, i) => {
    const path = `intakes.${i.toString()}`;
    if (typeof raw !== "object" || raw === null) throw fieldError("INVALID_INPUT", path, "an object { id, firstContact, firstMeeting }", raw);
    const intake = ownFields(raw, INTAKE_KEYS, path);
    const id = typeof intake.id === "string" ? normalizeId(intake.id) : intake.id;
    if (typeof id !== "string" || id === "") throw fieldError("INVALID_INPUT", `${path}.id`, "a non-empty string", intake.id);
    const earlier = seen.get(id);
    if (earlier !== undefined) throw fieldError("DUPLICATE_ID", `${path}.id`, `an id not already used (intakes.${earlier.toString()}.id)`, id);
    seen.set(id, i);
    const firstContact = parseLocalDate(intake.firstContact, `${path}.firstContact`);
    const meetingRaw = intake.firstMeeting;
    const meeting = meetingRaw === null ? null : parseLocalDate(meetingRaw, `${path}.firstMeeting`);
    if (meeting !== null && compareDates(meeting, firstContact) < 0) {
      throw fieldError("INVALID_INPUT", `${path}.firstMeeting`, `a date on or after firstContact (${firstContact})`, meeting);
    }
    if (asOf !== null && compareDates(firstContact, asOf) > 0) {
      throw fieldError("INVALID_INPUT", `${path}.firstContact`, `a date on or before options.asOf (${asOf})`, firstContact);
    }
    const held = meeting !== null && (asOf === null || compareDates(meeting, asOf) <= 0) ? meeting : null;
    let waitDays: number;
    if (held !== null) {
      waitDays = daysBetween(firstContact, held);
    } else if (asOf !== null) {
      waitDays = daysBetween(firstContact, asOf);
    } else {
      throw fieldError("INVALID_INPUT", "options.asOf", `a date YYYY-MM-DD: ${path} is still waiting, and its wait so far needs a day to count to`, undefined);
    }
    const beyond = waitDays > goal.days;
    return {
      id,
      firstContact,
      firstMeeting: held,
      month: monthOf(firstContact),
      waitDays,
      status: held !== null ? (beyond ? "missed" : "met") : beyond ? "missed" : "pending",
      overReportLimit: report !== null && waitDays > report.days,
    };
  });

  const months: MonthWaits[] = [];
  if (cases.length > 0) {
    const sorted = cases.map((c) => c.month).sort();
    const firstMonth = sorted[0] ?? "";
    const lastMonth = sorted[sorted.length - 1] ?? "";
    const byMonth = new Map<YearMonth, CaseWait[]>();
    for (const c of cases) {
      const list = byMonth.get(c.month);
      if (list === undefined) byMonth.set(c.month, [c]);
      else list.push(c);
    }
    for (let month = firstMonth; month <= lastMonth; month = addMonthsToYearMonth(month, 1)) {
      const inMonth = byMonth.get(month) ?? [];
      const met = inMonth.filter((c) => c.status === "met").length;
      const missed = inMonth.filter((c) => c.status === "missed").length;
      let longest: CaseWait | null = null;
      for (const c of inMonth) if (longest === null || c.waitDays > longest.waitDays) longest = c;
      months.push({
        month,
        cases: inMonth.length,
        met,
        missed,
        pending: inMonth.length - met - missed,
        withinGoal: met + missed === 0 ? null : { numerator: met, denominator: met + missed, percent: percentText(met, met + missed) },
        longestWaitDays: longest === null ? null : longest.waitDays,
        longestWaitId: longest === null ? null : longest.id,
        overReportLimit: inMonth.some((c) => c.overReportLimit),
      });
    }
  }

  const persistent: PersistentRun[] = [];
  if (report !== null) {
    let runStart = -1;
    months.forEach((m, i) => {
      if (m.overReportLimit && runStart < 0) runStart = i;
      const runEnds = runStart >= 0 && (!m.overReportLimit || i === months.length - 1);
      if (runEnds) {
        const endIndex = m.overReportLimit ? i : i - 1;
        const length = endIndex - runStart + 1;
        if (length >= persistMonths) {
          persistent.push({ from: months[runStart]?.month ?? "", to: months[endIndex]?.month ?? "", months: length });
        }
        runStart = -1;
      }
    });
  }

  return {
    contractId: contract.id,
    goalDays: goal.days,
    goalClause: goal.clause,
    reportOverDays: report === null ? null : report.days,
    reportClause: report === null ? null : report.clause,
    asOf,
    persistMonths,
    cases,
    months,
    persistent,
    informPurchaser: report === null ? null : persistent.length > 0,
  };
}
