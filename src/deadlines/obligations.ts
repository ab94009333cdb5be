/**
 * Every dated obligation of a commission in a date range, as data with its
 * clause: the material for a deadline calendar (see {@link toICalendar}).
 *
 * @module
 */
import { ensureContract } from "../contracts/parse.js";
import {
  addMonthsToYearMonth,
  compareDates,
  firstDayOfMonth,
  isWorkday,
  lastDayOfMonth,
  monthOf,
  parseLocalDate,
  yearMonthParts,
  yearOf,
  type LocalDate,
  type YearMonth,
} from "../calendar/index.js";
import type { Contract } from "../contracts/schema.js";
import { fieldError } from "../errors.js";
import { deadlines } from "./deadlines.js";
import { earlyTermination } from "./earlyTermination.js";
import { oneOf, optionsObject, parseRoll, resolveStart, type RollRule } from "./internal.js";
import { applyNotice, noticePeriod, type NoticeInput, type NoticeRule } from "./notice.js";

/**
 * What an {@link Obligation} is:
 * - `'activity-report'`, `'lex-sarah-summary'`: the yearly reports (see {@link deadlines});
 * - `'payment'`: the monthly payment to the provider (*ersättning … månadsvis i efterskott*);
 * - `'reconciliation'`: the quarterly reconciliation (*avstämning görs kvartalsvis*);
 * - `'notice-end'`: the last day in force after a written notice;
 * - `'cure-deadline'`: the last day to show a breach remedied (SON 2019-755 §5.3).
 *
 * @example
 * ```ts
 * const kind: ObligationKind = "payment";
 * ```
 */
export type ObligationKind = "activity-report" | "lex-sarah-summary" | "payment" | "reconciliation" | "notice-end" | "cure-deadline";

/**
 * One dated obligation, ready for a calendar: a stable id (the same input
 * always gives the same id), the date, a Swedish title and description, and
 * the clause it comes from.
 *
 * @example
 * ```ts
 * const o: Obligation = {
 *   id: "familjeradgivning.activity-report.2023", contractId: "familjeradgivning", date: "2024-03-31",
 *   kind: "activity-report", title: "Verksamhetsberättelse 2023", description: "…", clause: "SON 2021-233 §4.1", workday: false,
 * };
 * ```
 */
export interface Obligation {
  /** Stable and unique per commission: `<contractId>.<kind>.<key>`, e.g. `"familjeradgivning.payment.2024-01"`. */
  id: string;
  /** The commission's id. */
  contractId: string;
  /** The day (an all-day event). */
  date: LocalDate;
  /** What it is. */
  kind: ObligationKind;
  /** Swedish title, e.g. `"Verksamhetsberättelse 2023"`. */
  title: string;
  /** Swedish description, with how the date was found. */
  description: string;
  /** The clause, e.g. `"SON 2021-233 §4.1"`. */
  clause: string;
  /** Whether `date` is a workday. */
  workday: boolean;
  /** The clause's Swedish sentence, when the contract data carries it. */
  quote?: string;
  /** The date before a roll to the next workday, when it was rolled. */
  nominal?: LocalDate;
  /** A note on an interpretation, e.g. that the contract names no day. */
  note?: string;
}

/**
 * Where an obligation whose text names no day is placed (the monthly payment
 * in arrears, the quarterly reconciliation): `'first-of-next-month'`
 * (default: the first day it can fall due, the 1st of the month after the
 * period) or `'last-of-next-month'` (the last day of that month).
 *
 * @example
 * ```ts
 * const rule: UndatedRule = "first-of-next-month";
 * ```
 */
export type UndatedRule = "first-of-next-month" | "last-of-next-month";

/**
 * Options for {@link obligations}.
 *
 * @example
 * ```ts
 * const options: ObligationsOptions = {
 *   roll: "next-workday",
 *   notice: { receivedOn: "2024-06-15", form: "written" },
 *   breachNoticeOn: "2024-01-15",
 * };
 * ```
 */
export interface ObligationsOptions {
  /** Reporting deadlines: `'none'` (default) or `'next-workday'`, as in {@link deadlines}. */
  roll?: RollRule;
  /** The start, where the text gives none (SON 2019-755). */
  start?: LocalDate;
  /** A written notice given: adds its end, and nothing after it is listed (see {@link applyNotice}). */
  notice?: NoticeInput;
  /** How the notice's end is counted, as in {@link noticeEnd}. */
  noticeRule?: NoticeRule;
  /** The day a written notice of breach reached the provider: adds the cure deadline (see {@link earlyTermination}). */
  breachNoticeOn?: LocalDate;
  /** Cure deadline: `'none'` (default) or `'next-workday'`. */
  rollCureDeadline?: RollRule;
  /** Where undated obligations fall; default `'first-of-next-month'`. */
  undated?: UndatedRule;
}

const MONTH_NAMES = [
  "januari",
  "februari",
  "mars",
  "april",
  "maj",
  "juni",
  "juli",
  "augusti",
  "september",
  "oktober",
  "november",
  "december",
] as const;

const KIND_ORDER: readonly ObligationKind[] = ["cure-deadline", "notice-end", "activity-report", "lex-sarah-summary", "reconciliation", "payment"];

const ROLL_NOTE = "flyttad till närmast följande vardag (lag (1930:173) om beräkning av lagstadgad tid, 2 §)";

function monthName(ym: YearMonth): string {
  const { year, month } = yearMonthParts(ym);
  return `${MONTH_NAMES[month - 1] ?? ""} ${year.toString()}`;
}

function weekdayNote(date: LocalDate, nominal: LocalDate): string {
  if (nominal !== date) return ` Uppdragets datum ${nominal} är ingen vardag; ${ROLL_NOTE}.`;
  return isWorkday(date) ? "" : ` Obs: ${date} är ingen vardag (lördag, söndag eller helgdag); datumet står kvar som i uppdraget.`;
}

/** The day in the month after `periodLast` an undated obligation falls on; `null` after 9999-12, which the calendar does not reach. */
function undatedDate(periodLast: YearMonth, rule: UndatedRule): LocalDate | null {
  const next = monthAfter(periodLast);
  if (next === null) return null;
  return rule === "first-of-next-month" ? firstDayOfMonth(next) : lastDayOfMonth(next);
}

function undatedNote(rule: UndatedRule, afterPeriod: boolean): string {
  const day = rule === "first-of-next-month" ? "första" : "sista";
  return `Uppdraget anger ingen dag; datumet är den ${day} dagen i ${afterPeriod ? "månaden efter perioden" : "månaden"}.`;
}

function withQuote<T extends Obligation>(obligation: T, quote: string | undefined): T {
  if (quote !== undefined) obligation.quote = quote;
  return obligation;
}

/**
 * Every dated obligation of a commission from `from` to `to` (both
 * included), as data with its clause, sorted by date.
 *
 * Collects:
 * - the yearly reports, as {@link deadlines} finds them (e.g. SON 2021-233
 *   §4.1 *"senast 31 mars"*), with `options.roll`;
 * - the monthly payments, where the contract has a payment clause (e.g. SON
 *   2019-755 §1.2 *"Ersättning utbetalas månadsvis i efterskott"*): the
 *   payment for month M falls due in month M + 1 (in arrears; in M itself
 *   for a clause that is not in arrears), one per month the term covers. The
 *   texts name no day: the obligation is dated the first day of that month
 *   by default (`options.undated: 'last-of-next-month'` takes its last day)
 *   and says so in `note`;
 * - the quarterly reconciliations, where a fixed annual compensation has one
 *   (SON 2019-755 §1.2 *"Avstämning görs kvartalsvis."*): read as calendar
 *   quarters, one per quarter the term covers, dated like a payment in the
 *   month after the quarter;
 * - with `options.notice`, the notice's end ({@link noticeEnd}); nothing
 *   after it is listed, since the commission ends there ({@link applyNotice});
 * - with `options.breachNoticeOn`, the cure deadline of
 *   {@link earlyTermination}, its description giving the earliest
 *   termination notice and end.
 *
 * Payments and reconciliations are not rolled (their day is a convention of
 * this library, not the contract's); reports follow `options.roll` and the
 * cure deadline `options.rollCureDeadline`. Each `id` is
 * `<contractId>.<kind>.<key>` (the covered year, the month, the quarter or the
 * date), so the same input always gives the same ids.
 *
 * @param contract - a parsed commission
 * @param from - the first day of the range
 * @param to - the last day of the range
 * @param options - `roll`, `start`, `notice`, `noticeRule`, `breachNoticeOn`, `rollCureDeadline`, `undated`
 * @returns the obligations, by date (then cure deadline, notice end, reports, reconciliation, payment)
 * @throws {@link RulesError} `INVALID_DATE` for a bad date; `INVALID_ARGUMENT`
 *   when `to` is before `from` or for bad options; `UNKNOWN_START` when the
 *   start is unknown and `options.start` is not given; and what
 *   {@link noticePeriod} and {@link earlyTermination} throw for their options
 * @example
 * ```ts
 * obligations(contracts.familjeradgivning, "2024-03-01", "2024-04-30").map((o) => [o.date, o.title]);
 * //=> [["2024-03-01", "Ersättning för februari 2024"],
 * //    ["2024-03-31", "Verksamhetsberättelse 2023"],
 * //    ["2024-03-31", "Lex Sarah-sammanställning 2023"],
 * //    ["2024-04-01", "Ersättning för mars 2024"]]
 * ```
 */
export function obligations(contract: Contract, from: LocalDate, to: LocalDate, options?: ObligationsOptions): Obligation[] {
  contract = ensureContract(contract);
  const first = parseLocalDate(from, "from");
  const last = parseLocalDate(to, "to");
  if (compareDates(last, first) < 0) throw fieldError("INVALID_ARGUMENT", "to", `a date on or after from (${first})`, to);
  const opts = optionsObject(options, "options");
  const reportRoll = parseRoll(opts.roll, "options.roll");
  const undated = oneOf<UndatedRule>(opts.undated, ["first-of-next-month", "last-of-next-month"], "options.undated", "first-of-next-month");

  const result: Obligation[] = [];
  const inRange = (date: LocalDate): boolean => compareDates(date, first) >= 0 && compareDates(date, last) <= 0;

  if (opts.breachNoticeOn !== undefined) {
    const rollCure = parseRoll(opts.rollCureDeadline, "options.rollCureDeadline");
    const t = earlyTermination(contract, opts.breachNoticeOn, { rollCureDeadline: rollCure });
    if (inRange(t.cureDeadline)) {
      const o: Obligation = {
        id: `${contract.id}.cure-deadline.${t.breachNoticeOn}`,
        contractId: contract.id,
        date: t.cureDeadline,
        kind: "cure-deadline",
        title: "Sista dag att visa att påtalade brister åtgärdats",
        description:
          `Skriftligt meddelande om brister mottaget ${t.breachNoticeOn}; utföraren har ${t.cureDays.toString()} dagar på sig att visa att bristerna åtgärdats.` +
          weekdayNote(t.cureDeadline, t.nominalCureDeadline) +
          ` Annars får beställaren säga upp uppdraget tidigast ${t.earliestTerminationNotice}, med ${t.noticeMonths.toString()} månaders uppsägningstid: det upphör då tidigast ${t.earliestEnd}.`,
        clause: t.clause,
        workday: t.workday,
      };
      if (t.rolled) o.nominal = t.nominalCureDeadline;
      result.push(withQuote(o, t.quote));
    }
  }

  let effective = contract;
  if (opts.notice !== undefined) {
    const noticeOptions = opts.noticeRule === undefined ? {} : { rule: opts.noticeRule };
    const period = noticePeriod(contract, opts.notice, noticeOptions);
    effective = applyNotice(contract, opts.notice, noticeOptions);
    if (inRange(period.end)) {
      result.push(
        withQuote(
          {
            id: `${contract.id}.notice-end.${period.end}`,
            contractId: contract.id,
            date: period.end,
            kind: "notice-end",
            title: "Uppdraget upphör (uppsägning)",
            description:
              `Skriftlig uppsägning mottagen ${period.receivedOn}; uppsägningstiden är ${period.months.toString()} månader` +
              `${period.monthsFrom === "agreed" ? " enligt parternas överenskommelse" : ""}. ${period.end} är den sista dagen uppdraget gäller.`,
            clause: period.clause,
            workday: isWorkday(period.end),
          },
          period.quote,
        ),
      );
    }
  }

  const needsStart = effective.reporting.length > 0 || effective.payment !== null;
  if (needsStart) {
    const start = resolveStart(effective, opts.start, "options.start");
    const end = effective.term.end;

    for (let year = yearOf(first); year <= yearOf(last); year++) {
      for (const d of deadlines(effective, year, { roll: reportRoll, start })) {
        if (!inRange(d.due)) continue;
        const o: Obligation = {
          id: `${contract.id}.${d.kind}.${d.covers.toString()}`,
          contractId: contract.id,
          date: d.due,
          kind: d.kind,
          title: d.title,
          description: `${d.title} ska lämnas senast ${d.due}; den avser kalenderåret ${d.covers.toString()}.${weekdayNote(d.due, d.nominal)}`,
          clause: d.clause,
          workday: d.workday,
        };
        if (d.rolled) o.nominal = d.nominal;
        result.push(withQuote(o, d.quote));
      }
    }

    const payment = effective.payment;
    if (payment !== null) {
      // The payment for month M falls due in M + 1 (in arrears) or M.
      // Months are stepped with monthAfter, which ends after 9999-12: a term to 9999-12-31 has no payment after it.
      const lastMonth = end === null ? monthOf(last) : earlierMonth(monthOf(end), monthOf(last));
      for (let month: YearMonth | null = laterMonth(monthOf(start), monthsBefore(monthOf(first), 2)); month !== null && month <= lastMonth; month = monthAfter(month)) {
        const date = payment.inArrears ? undatedDate(month, undated) : undated === "first-of-next-month" ? firstDayOfMonth(month) : lastDayOfMonth(month);
        if (date === null) break;
        if (!inRange(date)) continue;
        const note = undatedNote(undated, payment.inArrears);
        result.push(
          withQuote(
            {
              id: `${contract.id}.payment.${month}`,
              contractId: contract.id,
              date,
              kind: "payment",
              title: `Ersättning för ${monthName(month)}`,
              description:
                `Ersättningen för ${monthName(month)} betalas ${payment.inArrears ? "månadsvis i efterskott" : "månadsvis"}` +
                `${payment.route === undefined ? "" : ` (${payment.route})`}. ${note}`,
              clause: payment.clause,
              workday: isWorkday(date),
              note,
            },
            payment.quote,
          ),
        );
      }
    }

    const comp = effective.compensation;
    if (comp.kind === "fixed-annual" && comp.reconciliation !== null) {
      const reconciliation = comp.reconciliation;
      const firstQuarter = quarterOf(laterMonth(monthOf(start), monthsBefore(monthOf(first), 4)));
      const lastMonth = end === null ? monthOf(last) : earlierMonth(monthOf(end), monthOf(last));
      for (let q: YearMonth | null = firstQuarter; q !== null && q <= lastMonth; q = monthAfter(addMonthsToYearMonth(q, 2))) {
        const quarterLast = addMonthsToYearMonth(q, 2);
        const date = undatedDate(quarterLast, undated);
        if (date === null) break;
        if (!inRange(date)) continue;
        const { year, month } = yearMonthParts(q);
        const number = (month + 2) / 3;
        const note = undatedNote(undated, true);
        result.push(
          withQuote(
            {
              id: `${contract.id}.reconciliation.${year.toString()}-Q${number.toString()}`,
              contractId: contract.id,
              date,
              kind: "reconciliation",
              title: `Avstämning kvartal ${number.toString()} ${year.toString()}`,
              description: `Kvartalsvis avstämning av ersättningen för ${MONTH_NAMES[month - 1] ?? ""}–${monthName(quarterLast)}. Kvartal läses som kalenderkvartal. ${note}`,
              clause: reconciliation.clause,
              workday: isWorkday(date),
              note,
            },
            reconciliation.quote,
          ),
        );
      }
    }
  }

  const rank = (kind: ObligationKind): number => KIND_ORDER.indexOf(kind);
  return result.sort((a, b) => compareDates(a.date, b.date) || rank(a.kind) - rank(b.kind) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

// YearMonth strings ("YYYY-MM", four-digit years) order as text.
function laterMonth(a: YearMonth, b: YearMonth): YearMonth {
  return a >= b ? a : b;
}

function earlierMonth(a: YearMonth, b: YearMonth): YearMonth {
  return a <= b ? a : b;
}

/** The month after `ym`, or `null` after 9999-12, the calendar's last. */
function monthAfter(ym: YearMonth): YearMonth | null {
  return ym === "9999-12" ? null : addMonthsToYearMonth(ym, 1);
}

/** `n` months before `ym`, but never before the first representable month. */
function monthsBefore(ym: YearMonth, n: number): YearMonth {
  const { year, month } = yearMonthParts(ym);
  return year * 12 + month - 1 - n < 1000 * 12 ? "1000-01" : addMonthsToYearMonth(ym, -n);
}

/** The first month of the calendar quarter `ym` is in. */
function quarterOf(ym: YearMonth): YearMonth {
  const { month } = yearMonthParts(ym);
  return addMonthsToYearMonth(ym, -((month - 1) % 3));
}
