/**
 * Notice, early termination, terms and extensions, reporting deadlines, a
 * calendar of obligations (with iCalendar export) and service levels
 * (waiting times, opening hours). See `docs/deadlines.md`.
 *
 * @module
 */
export type { RollRule } from "./internal.js";
export { applyNotice, noticeEnd, noticePeriod } from "./notice.js";
export type { NoticeInput, NoticeOptions, NoticePeriod, NoticeRule } from "./notice.js";
export { earlyTermination } from "./earlyTermination.js";
export type { EarlyTermination, EarlyTerminationOptions } from "./earlyTermination.js";
export { deadlines, reportTitle } from "./deadlines.js";
export type { Deadline, DeadlineOptions, ReportKind } from "./deadlines.js";
export { obligations } from "./obligations.js";
export type { Obligation, ObligationKind, ObligationsOptions, UndatedRule } from "./obligations.js";
export { toICalendar } from "./icalendar.js";
export type { CalendarEntry, ICalendarOptions } from "./icalendar.js";
export { waitingTimes } from "./waitingTimes.js";
export type { CaseWait, Intake, MonthWaits, PersistentRun, Share, WaitingTimes, WaitingTimesOptions } from "./waitingTimes.js";
export { isOpen, openingStatus } from "./openingHours.js";
export type { OpeningStatus } from "./openingHours.js";
