/**
 * Calendar dates as plain ISO strings, with pure integer arithmetic.
 *
 * Convention: no `Date` object, no time zone and no clock is used anywhere in
 * this module. Dates are proleptic Gregorian calendar days between
 * 1000-01-01 and 9999-12-31 (four-digit years only), counted internally as
 * days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
 *
 * Validation is a cheap char-code scan (no regular expression, no
 * allocation), because the billing engine calls these functions once per
 * session for very many sessions.
 *
 * @module
 */
import { fieldError } from "../errors.js";

/**
 * A calendar date as an ISO string `"YYYY-MM-DD"` (years 1000–9999), with no
 * time and no time zone.
 *
 * @example
 * ```ts
 * const start: LocalDate = parseLocalDate("2024-02-29"); //=> "2024-02-29"
 * ```
 */
export type LocalDate = string;

/**
 * A calendar month as an ISO string `"YYYY-MM"` (years 1000–9999).
 *
 * @example
 * ```ts
 * const month: YearMonth = parseYearMonth("2024-02"); //=> "2024-02"
 * ```
 */
export type YearMonth = string;

const MIN_YEAR = 1000;
const MAX_YEAR = 9999;
const DATE_EXPECTED = "a date YYYY-MM-DD";
const MONTH_EXPECTED = "a month YYYY-MM";
/** Day number of 1000-01-01. */
const MIN_DAY = -354285;
/** Day number of 9999-12-31. */
const MAX_DAY = 2932896;

// ---------------------------------------------------------------------------
// Internal, allocation-free helpers. A date travels as the integer yyyymmdd
// and a month as yyyymm between them.

/** The digit at `i`, or NaN when it is not an ASCII digit (NaN fails every later range check). */
function digitAt(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : NaN;
}

function leap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function monthLength(year: number, month: number): number {
  if (month === 2) return leap(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** yyyymmdd of a valid date string, or -1. */
function scanDate(value: unknown): number {
  if (typeof value !== "string" || value.length !== 10) return -1;
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return -1;
  const y = digitAt(value, 0) * 1000 + digitAt(value, 1) * 100 + digitAt(value, 2) * 10 + digitAt(value, 3);
  const m = digitAt(value, 5) * 10 + digitAt(value, 6);
  const d = digitAt(value, 8) * 10 + digitAt(value, 9);
  if (!(y >= MIN_YEAR && m >= 1 && m <= 12 && d >= 1 && d <= monthLength(y, m))) return -1;
  return y * 10000 + m * 100 + d;
}

/**
 * @internal A valid month string as one number, year × 12 + month − 1
 * (months count on by one), or -1 for anything else.
 */
export function monthNumber(value: unknown): number {
  const ym = scanYearMonth(value);
  return ym < 0 ? -1 : Math.floor(ym / 100) * 12 + (ym % 100) - 1;
}

/** yyyymm of a valid month string, or -1. */
function scanYearMonth(value: unknown): number {
  if (typeof value !== "string" || value.length !== 7 || value.charCodeAt(4) !== 45) return -1;
  const y = digitAt(value, 0) * 1000 + digitAt(value, 1) * 100 + digitAt(value, 2) * 10 + digitAt(value, 3);
  const m = digitAt(value, 5) * 10 + digitAt(value, 6);
  if (!(y >= MIN_YEAR && m >= 1 && m <= 12)) return -1;
  return y * 100 + m;
}

/** yyyymmdd of `value`, or throws INVALID_DATE naming `field`. */
function ymdOf(value: unknown, field: string): number {
  const ymd = scanDate(value);
  if (ymd < 0) throw fieldError("INVALID_DATE", field, DATE_EXPECTED, value);
  return ymd;
}

/** yyyymm of `value`, or throws INVALID_DATE naming `field`. */
function ymOf(value: unknown, field: string): number {
  const ym = scanYearMonth(value);
  if (ym < 0) throw fieldError("INVALID_DATE", field, MONTH_EXPECTED, value);
  return ym;
}

function safeInteger(value: unknown, field: string): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value)) {
    throw fieldError("INVALID_ARGUMENT", field, "a safe integer", value);
  }
  return value;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

/** Formats parts already known to be a valid date with a four-digit year. */
function format(year: number, month: number, day: number): LocalDate {
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** Hinnant's days_from_civil, for a valid date. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function daysFromYmd(ymd: number): number {
  const year = Math.floor(ymd / 10000);
  const month = Math.floor(ymd / 100) % 100;
  return daysFromCivil(year, month, ymd % 100);
}

/** Hinnant's civil_from_days, as yyyymmdd. */
function civilFromDays(n: number): number {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return year * 10000 + month * 100 + day;
}

function formatYmd(ymd: number): LocalDate {
  return format(Math.floor(ymd / 10000), Math.floor(ymd / 100) % 100, ymd % 100);
}

function formatDays(n: number, field: string, value: unknown): LocalDate {
  if (n < MIN_DAY || n > MAX_DAY) {
    throw fieldError("INVALID_ARGUMENT", field, "a value keeping the date within 1000-01-01..9999-12-31", value);
  }
  return formatYmd(civilFromDays(n));
}

function formatYearMonth(year: number, month: number): YearMonth {
  return `${year}-${pad2(month)}`;
}

// ---------------------------------------------------------------------------
// Parsing and validation

/**
 * Validates a calendar date string: exactly `YYYY-MM-DD`, a real date, year
 * 1000–9999.
 *
 * @param value - what the caller passed
 * @param field - the field name used in the error message
 * @returns the same string, typed as a {@link LocalDate}
 * @throws {@link RulesError} with code `"INVALID_DATE"` when `value` is not
 *   such a string (`"2024-02-30"`, `"2024-13-01"`, `"20240101"`, `"2024-1-01"`, a number, …)
 * @example
 * ```ts
 * parseLocalDate("2024-02-29");           //=> "2024-02-29"
 * parseLocalDate("2023-02-29", "start");  // throws RulesError INVALID_DATE: start: expected a date YYYY-MM-DD, received "2023-02-29"
 * ```
 */
export function parseLocalDate(value: unknown, field = "date"): LocalDate {
  ymdOf(value, field);
  return value as LocalDate;
}

/**
 * Tells whether a value is a valid {@link LocalDate}, without throwing.
 *
 * @param value - anything
 * @returns true when `value` is a `YYYY-MM-DD` string naming a real date in years 1000–9999
 * @example
 * ```ts
 * isLocalDate("2024-02-29"); //=> true
 * isLocalDate("2024-02-30"); //=> false
 * ```
 */
export function isLocalDate(value: unknown): value is LocalDate {
  return scanDate(value) >= 0;
}

/**
 * Validates a calendar month string: exactly `YYYY-MM`, month 01–12, year
 * 1000–9999.
 *
 * @param value - what the caller passed
 * @param field - the field name used in the error message
 * @returns the same string, typed as a {@link YearMonth}
 * @throws {@link RulesError} with code `"INVALID_DATE"` when `value` is not such a string
 * @example
 * ```ts
 * parseYearMonth("2021-04"); //=> "2021-04"
 * parseYearMonth("2021-4");  // throws RulesError INVALID_DATE: month: expected a month YYYY-MM, received "2021-4"
 * ```
 */
export function parseYearMonth(value: unknown, field = "month"): YearMonth {
  ymOf(value, field);
  return value as YearMonth;
}

/**
 * Tells whether a value is a valid {@link YearMonth}, without throwing.
 *
 * @param value - anything
 * @returns true when `value` is a `YYYY-MM` string with month 01–12 and year 1000–9999
 * @example
 * ```ts
 * isYearMonth("2021-12"); //=> true
 * isYearMonth("2021-13"); //=> false
 * ```
 */
export function isYearMonth(value: unknown): value is YearMonth {
  return scanYearMonth(value) >= 0;
}

// ---------------------------------------------------------------------------
// Plain calendar facts

/**
 * Tells whether a year is a leap year in the (proleptic) Gregorian calendar.
 *
 * @param year - any safe integer
 * @returns true for years divisible by 4, except centuries not divisible by 400
 * @throws {@link RulesError} with code `"INVALID_ARGUMENT"` when `year` is not a safe integer
 * @example
 * ```ts
 * isLeapYear(2024); //=> true
 * isLeapYear(2100); //=> false
 * isLeapYear(2000); //=> true
 * ```
 */
export function isLeapYear(year: number): boolean {
  return leap(safeInteger(year, "year"));
}

/**
 * The number of days in a month of the Gregorian calendar.
 *
 * @param year - any safe integer
 * @param month - 1 (January) to 12 (December)
 * @returns 28, 29, 30 or 31
 * @throws {@link RulesError} with code `"INVALID_ARGUMENT"` when `year` is not a safe
 *   integer or `month` is not an integer 1–12
 * @example
 * ```ts
 * daysInMonth(2024, 2); //=> 29
 * daysInMonth(2025, 2); //=> 28
 * daysInMonth(2025, 4); //=> 30
 * ```
 */
export function daysInMonth(year: number, month: number): number {
  safeInteger(year, "year");
  if (safeInteger(month, "month") < 1 || month > 12) {
    throw fieldError("INVALID_ARGUMENT", "month", "an integer 1-12", month);
  }
  return monthLength(year, month);
}

/**
 * Builds a {@link LocalDate} from its parts, checking that they name a real date.
 *
 * @param year - 1000–9999
 * @param month - 1–12
 * @param day - 1 to the month's length
 * @returns the date as `YYYY-MM-DD`
 * @throws {@link RulesError} with code `"INVALID_ARGUMENT"` when a part is not a safe
 *   integer, `"INVALID_DATE"` when the parts do not name a date in years 1000–9999
 * @example
 * ```ts
 * makeDate(2024, 2, 29); //=> "2024-02-29"
 * makeDate(2023, 2, 29); // throws RulesError INVALID_DATE
 * ```
 */
export function makeDate(year: number, month: number, day: number): LocalDate {
  safeInteger(year, "year");
  safeInteger(month, "month");
  safeInteger(day, "day");
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1 || day > monthLength(year, month)) {
    throw fieldError("INVALID_DATE", "date", DATE_EXPECTED, `${year}-${month}-${day}`);
  }
  return format(year, month, day);
}

/**
 * Splits a {@link LocalDate} into numbers.
 *
 * @param date - a valid date
 * @returns a new object `{ year, month, day }` (month 1–12)
 * @throws {@link RulesError} with code `"INVALID_DATE"` when `date` is not a valid date
 * @example
 * ```ts
 * dateParts("2024-02-29"); //=> { year: 2024, month: 2, day: 29 }
 * ```
 */
export function dateParts(date: LocalDate): {
  /** The year, 1000–9999. */
  year: number;
  /** The month, 1–12. */
  month: number;
  /** The day of the month, 1–31. */
  day: number;
} {
  const ymd = ymdOf(date, "date");
  return { year: Math.floor(ymd / 10000), month: Math.floor(ymd / 100) % 100, day: ymd % 100 };
}

/**
 * Splits a {@link YearMonth} into numbers.
 *
 * @param ym - a valid month
 * @returns a new object `{ year, month }` (month 1–12)
 * @throws {@link RulesError} with code `"INVALID_DATE"` when `ym` is not a valid month
 * @example
 * ```ts
 * yearMonthParts("2021-04"); //=> { year: 2021, month: 4 }
 * ```
 */
export function yearMonthParts(ym: YearMonth): {
  /** The year, 1000–9999. */
  year: number;
  /** The month, 1–12. */
  month: number;
} {
  const v = ymOf(ym, "month");
  return { year: Math.floor(v / 100), month: v % 100 };
}

/**
 * The year of a date.
 *
 * @param date - a valid date
 * @returns the year, 1000–9999
 * @throws {@link RulesError} with code `"INVALID_DATE"` when `date` is not a valid date
 * @example
 * ```ts
 * yearOf("2024-12-31"); //=> 2024
 * ```
 */
export function yearOf(date: LocalDate): number {
  return Math.floor(ymdOf(date, "date") / 10000);
}

/**
 * The calendar month a date falls in.
 *
 * @param date - a valid date
 * @returns its month as `YYYY-MM`
 * @throws {@link RulesError} with code `"INVALID_DATE"` when `date` is not a valid date
 * @example
 * ```ts
 * monthOf("2024-02-29"); //=> "2024-02"
 * ```
 */
export function monthOf(date: LocalDate): YearMonth {
  ymdOf(date, "date");
  return date.slice(0, 7);
}

/**
 * The first day of a calendar month.
 *
 * @param ym - a valid month
 * @returns the date `YYYY-MM-01`
 * @throws {@link RulesError} with code `"INVALID_DATE"` when `ym` is not a valid month
 * @example
 * ```ts
 * firstDayOfMonth("2024-02"); //=> "2024-02-01"
 * ```
 */
export function firstDayOfMonth(ym: YearMonth): LocalDate {
  ymOf(ym, "month");
  return `${ym}-01`;
}

/**
 * The last day of a calendar month, leap years included.
 *
 * @param ym - a valid month
 * @returns the month's last date
 * @throws {@link RulesError} with code `"INVALID_DATE"` when `ym` is not a valid month
 * @example
 * ```ts
 * lastDayOfMonth("2024-02"); //=> "2024-02-29"
 * lastDayOfMonth("2025-02"); //=> "2025-02-28"
 * ```
 */
export function lastDayOfMonth(ym: YearMonth): LocalDate {
  const v = ymOf(ym, "month");
  return `${ym}-${monthLength(Math.floor(v / 100), v % 100)}`;
}

// ---------------------------------------------------------------------------
// Day numbers and arithmetic

/**
 * The number of days from 1970-01-01 to a date (negative before it), in the
 * proleptic Gregorian calendar.
 *
 * @param date - a valid date
 * @returns an integer; 0 for `"1970-01-01"`
 * @throws {@link RulesError} with code `"INVALID_DATE"` when `date` is not a valid date
 * @example
 * ```ts
 * dayNumber("1970-01-01"); //=> 0
 * dayNumber("2000-03-01"); //=> 11017
 * dayNumber("1969-12-31"); //=> -1
 * ```
 */
export function dayNumber(date: LocalDate): number {
  return daysFromYmd(ymdOf(date, "date"));
}

/**
 * The date a given number of days after 1970-01-01; the inverse of {@link dayNumber}.
 *
 * @param n - a safe integer; the result must lie in 1000-01-01..9999-12-31
 * @returns the date as `YYYY-MM-DD`
 * @throws {@link RulesError} with code `"INVALID_ARGUMENT"` when `n` is not a safe
 *   integer or the date falls outside years 1000–9999
 * @example
 * ```ts
 * fromDayNumber(0);     //=> "1970-01-01"
 * fromDayNumber(11017); //=> "2000-03-01"
 * ```
 */
export function fromDayNumber(n: number): LocalDate {
  return formatDays(safeInteger(n, "day"), "day", n);
}

/**
 * Adds (or with a negative `n`, subtracts) whole days.
 *
 * @param date - a valid date
 * @param n - days to add, a safe integer
 * @returns the date `n` days later
 * @throws {@link RulesError} with code `"INVALID_DATE"` for a bad `date`;
 *   `"INVALID_ARGUMENT"` when `n` is not a safe integer or the result falls outside years 1000–9999
 * @example
 * ```ts
 * addDays("2024-02-28", 1);  //=> "2024-02-29"
 * addDays("2024-03-01", -1); //=> "2024-02-29"
 * ```
 */
export function addDays(date: LocalDate, n: number): LocalDate {
  const start = daysFromYmd(ymdOf(date, "date"));
  return formatDays(start + safeInteger(n, "days"), "days", n);
}

/**
 * The number of days from one date to another: `to − from`.
 *
 * @param from - a valid date
 * @param to - a valid date
 * @returns an integer, negative when `to` is before `from`
 * @throws {@link RulesError} with code `"INVALID_DATE"` when either date is invalid
 * @example
 * ```ts
 * daysBetween("2024-02-28", "2024-03-01"); //=> 2
 * daysBetween("2023-02-28", "2023-03-01"); //=> 1
 * ```
 */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  const a = daysFromYmd(ymdOf(from, "from"));
  return daysFromYmd(ymdOf(to, "to")) - a;
}

/**
 * Adds (or subtracts) calendar months. Convention: when the target month is
 * shorter, the day is clamped to its last day, so the result always stays in
 * the target month (the day is never carried into the month after).
 *
 * @param date - a valid date
 * @param n - months to add, a safe integer
 * @returns the same day of the month `n` months later, or that month's last day
 * @throws {@link RulesError} with code `"INVALID_DATE"` for a bad `date`;
 *   `"INVALID_ARGUMENT"` when `n` is not a safe integer or the result falls outside years 1000–9999
 * @example
 * ```ts
 * addMonths("2024-01-31", 1);  //=> "2024-02-29"
 * addMonths("2024-02-29", 12); //=> "2025-02-28"
 * addMonths("2024-03-31", -1); //=> "2024-02-29"
 * ```
 */
export function addMonths(date: LocalDate, n: number): LocalDate {
  const ymd = ymdOf(date, "date");
  safeInteger(n, "months");
  const total = Math.floor(ymd / 10000) * 12 + (Math.floor(ymd / 100) % 100) - 1 + n;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw fieldError("INVALID_ARGUMENT", "months", `a number of months that keeps ${date} + months within 1000-01-01..9999-12-31`, n);
  }
  return format(year, month, Math.min(ymd % 100, monthLength(year, month)));
}

/**
 * Adds (or subtracts) whole months to a calendar month.
 *
 * @param ym - a valid month
 * @param n - months to add, a safe integer
 * @returns the month `n` months later
 * @throws {@link RulesError} with code `"INVALID_DATE"` for a bad `ym`;
 *   `"INVALID_ARGUMENT"` when `n` is not a safe integer or the result falls outside years 1000–9999
 * @example
 * ```ts
 * addMonthsToYearMonth("2021-11", 2);  //=> "2022-01"
 * addMonthsToYearMonth("2021-01", -1); //=> "2020-12"
 * ```
 */
export function addMonthsToYearMonth(ym: YearMonth, n: number): YearMonth {
  const v = ymOf(ym, "month");
  safeInteger(n, "months");
  const total = Math.floor(v / 100) * 12 + (v % 100) - 1 + n;
  const year = Math.floor(total / 12);
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw fieldError("INVALID_ARGUMENT", "months", `a number of months that keeps ${ym} + months within 1000-01..9999-12`, n);
  }
  return formatYearMonth(year, total - year * 12 + 1);
}

/**
 * The number of whole calendar months from one month to another:
 * `toMonth − fromMonth`, counting month boundaries, not days.
 *
 * @param fromMonth - a valid month
 * @param toMonth - a valid month
 * @returns an integer, negative when `toMonth` is before `fromMonth`
 * @throws {@link RulesError} with code `"INVALID_DATE"` when either month is invalid
 * @example
 * ```ts
 * monthsBetween("2021-04", "2021-12"); //=> 8
 * monthsBetween("2021-12", "2022-01"); //=> 1
 * ```
 */
export function monthsBetween(fromMonth: YearMonth, toMonth: YearMonth): number {
  const a = ymOf(fromMonth, "fromMonth");
  const b = ymOf(toMonth, "toMonth");
  return Math.floor(b / 100) * 12 + (b % 100) - (Math.floor(a / 100) * 12 + (a % 100));
}

/**
 * The ISO weekday of a date: 1 = Monday … 7 = Sunday.
 *
 * @param date - a valid date
 * @returns 1–7
 * @throws {@link RulesError} with code `"INVALID_DATE"` when `date` is not a valid date
 * @example
 * ```ts
 * dayOfWeek("2024-03-31"); //=> 7 (påskdagen, a Sunday)
 * dayOfWeek("1970-01-01"); //=> 4 (a Thursday)
 * ```
 */
export function dayOfWeek(date: LocalDate): number {
  const n = daysFromYmd(ymdOf(date, "date"));
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

/**
 * Orders two dates chronologically (usable as an `Array.prototype.sort` comparator).
 *
 * @param a - a valid date
 * @param b - a valid date
 * @returns -1 when `a` is earlier, 0 when equal, 1 when later
 * @throws {@link RulesError} with code `"INVALID_DATE"` when either date is invalid
 * @example
 * ```ts
 * compareDates("2024-02-29", "2024-03-01"); //=> -1
 * ["2024-03-01", "2024-02-29"].sort(compareDates); //=> ["2024-02-29", "2024-03-01"]
 * ```
 */
export function compareDates(a: LocalDate, b: LocalDate): -1 | 0 | 1 {
  const x = ymdOf(a, "a");
  const y = ymdOf(b, "b");
  return x < y ? -1 : x > y ? 1 : 0;
}
