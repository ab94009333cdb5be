/**
 * Swedish workdays (vardagar in the everyday sense used for deadlines):
 * Monday–Friday that are neither public holidays nor the de-facto holidays
 * midsommarafton, julafton and nyårsafton.
 *
 * @module
 */
import { fieldError } from "../errors.js";
import { isHolidayDay } from "./holidays.js";
import { dayNumber, fromDayNumber, yearOf, type LocalDate } from "./localDate.js";

/** Day number of 9999-12-31, the last representable date. */
const MAX_DAY = 2932896;

function weekday(n: number): number {
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

/** Whether day `n` of `year` is a workday; `year` must be the year of `n`. */
function workday(year: number, n: number): boolean {
  return weekday(n) <= 5 && !isHolidayDay(year, n);
}

/**
 * Tells whether a date is a Swedish workday: Monday to Friday and not one of
 * the days in {@link swedishHolidays} (public holidays and the de-facto
 * holidays midsommarafton, julafton and nyårsafton alike).
 *
 * @param date - a valid date
 * @returns true for a workday
 * @throws {@link RulesError} with code `"INVALID_DATE"` when `date` is not a valid date
 * @example
 * ```ts
 * isWorkday("2024-04-02"); //=> true
 * isWorkday("2024-04-01"); //=> false (annandag påsk)
 * isWorkday("2024-12-24"); //=> false (julafton)
 * isWorkday("2024-03-30"); //=> false (a Saturday)
 * ```
 */
export function isWorkday(date: LocalDate): boolean {
  const n = dayNumber(date);
  return workday(yearOf(date), n);
}

/**
 * The date itself when it is a workday (see {@link isWorkday}), otherwise the
 * first workday after it.
 *
 * @param date - a valid date
 * @returns a workday on or after `date`
 * @throws {@link RulesError} with code `"INVALID_DATE"` when `date` is not a valid
 *   date; `"INVALID_ARGUMENT"` when no workday follows it before 10000-01-01
 * @example
 * ```ts
 * nextWorkday("2024-04-02"); //=> "2024-04-02"
 * nextWorkday("2024-03-30"); //=> "2024-04-02" (Saturday, påskdagen, annandag påsk)
 * nextWorkday("2029-03-30"); //=> "2029-04-03"
 * ```
 */
export function nextWorkday(date: LocalDate): LocalDate {
  let n = dayNumber(date);
  let year = yearOf(date);
  let current = date;
  while (!workday(year, n)) {
    n += 1;
    if (n > MAX_DAY) {
      throw fieldError("INVALID_ARGUMENT", "date", "a date with a workday on or after it before 10000-01-01", date);
    }
    current = fromDayNumber(n);
    year = yearOf(current);
  }
  return current;
}
