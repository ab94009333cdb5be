/**
 * A year's reporting deadlines as iCalendar without Node: the same events
 * and text as `verksamhetsuppdrag deadlines --format ics`.
 *
 * @module
 */
import { deadlines, toICalendar, type CalendarEntry, type Contract, type Deadline, type RollRule } from "../index.js";

/**
 * A reporting deadline as a calendar entry, its id `<contract>.<kind>.<covered year>`
 * (the scheme of the library's obligations).
 *
 * @param d - a deadline from the library
 * @returns the entry for `toICalendar`
 * @example
 * ```ts
 * deadlineEntry(deadlines(contracts.familjeradgivning, 2024)[0]!).id; //=> "familjeradgivning.activity-report.2023"
 * ```
 */
export function deadlineEntry(d: Deadline): CalendarEntry {
  const entry: CalendarEntry = { id: `${d.contractId}.${d.kind}.${d.covers.toString()}`, date: d.due, title: d.title, clause: d.clause };
  if (d.quote !== undefined) entry.quote = d.quote;
  return entry;
}

/**
 * The reporting deadlines that fall in a year as an iCalendar file.
 *
 * @param contract - the commission
 * @param year - the year the deadlines fall in
 * @param options - `dtstamp` (an ISO instant), `roll`, and `start` where the text gives none
 * @returns the calendar text (CRLF line ends)
 * @throws {@link RulesError} from the library (e.g. `UNKNOWN_START`, a bad `dtstamp`)
 * @example
 * ```ts
 * deadlinesIcs(contracts.familjeradgivning, 2024, { dtstamp: "2024-01-01T00:00:00Z" }).startsWith("BEGIN:VCALENDAR"); //=> true
 * ```
 */
export function deadlinesIcs(contract: Contract, year: number, options: { dtstamp: string; roll?: RollRule; start?: string }): string {
  const common = { roll: options.roll ?? "none", ...(options.start === undefined ? {} : { start: options.start }) };
  const entries = deadlines(contract, year, common).map(deadlineEntry);
  return toICalendar(entries, { dtstamp: options.dtstamp, name: `${contract.title} – ${year.toString()}` });
}
