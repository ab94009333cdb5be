/**
 * The calendar: ISO date strings with integer arithmetic, Swedish holidays
 * and workdays. No time zone, no clock.
 *
 * @module
 */
export type { LocalDate, YearMonth } from "./localDate.js";
export {
  addDays,
  addMonths,
  addMonthsToYearMonth,
  compareDates,
  dateParts,
  dayNumber,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  firstDayOfMonth,
  fromDayNumber,
  isLeapYear,
  isLocalDate,
  isYearMonth,
  lastDayOfMonth,
  makeDate,
  monthOf,
  monthsBetween,
  parseLocalDate,
  parseYearMonth,
  yearMonthParts,
  yearOf,
} from "./localDate.js";
export type { HolidayKind, SwedishHoliday } from "./holidays.js";
export { easterSunday, swedishHolidays } from "./holidays.js";
export { isWorkday, nextWorkday } from "./workdays.js";
