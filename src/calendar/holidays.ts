/**
 * Swedish public holidays (allmänna helgdagar) and the days treated like
 * them, computed with integer arithmetic only.
 *
 * Source: lag (1989:253) om allmänna helgdagar, as in force since 1 January
 * 2005 (SFS 2004:1320 made nationaldagen 6 June a public holiday and removed
 * annandag pingst). The same rules are applied to every year 1000–9999; for
 * years before 2005 the list is therefore NOT historically accurate.
 *
 * @module
 */
import { fieldError } from "../errors.js";
import { dayNumber, fromDayNumber, makeDate, type LocalDate } from "./localDate.js";

/**
 * What kind of day a {@link SwedishHoliday} is: a public holiday by law
 * (`"public-holiday"`), or a day the law does not list but that is treated
 * like one in working life (`"de-facto"`: midsommarafton, julafton, nyårsafton).
 *
 * @example
 * ```ts
 * const kind: HolidayKind = "de-facto";
 * ```
 */
export type HolidayKind = "public-holiday" | "de-facto";

/**
 * One Swedish holiday in one year.
 *
 * @example
 * ```ts
 * const h: SwedishHoliday = { date: "2024-06-21", name: "midsommarafton", kind: "de-facto" };
 * ```
 */
export interface SwedishHoliday {
  /** The date of the holiday. */
  date: LocalDate;
  /** Its Swedish name, in lower case as the law writes it (e.g. `"juldagen"`). */
  name: string;
  /** Whether the law lists it or it is only treated like a holiday. */
  kind: HolidayKind;
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday. */
function weekday(n: number): number {
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

/** The first day number on or after `n` that has ISO weekday `iso`. */
function onOrAfter(n: number, iso: number): number {
  return n + ((iso - weekday(n) + 7) % 7);
}

function checkYear(year: unknown): number {
  if (typeof year !== "number" || !Number.isSafeInteger(year) || year < 1000 || year > 9999) {
    throw fieldError("INVALID_ARGUMENT", "year", "an integer year 1000-9999", year);
  }
  return year;
}

/** Easter Sunday as [month, day], by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
function computus(year: number): [number, number] {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const n = h + l - 7 * m + 114;
  return [Math.floor(n / 31), (n % 31) + 1];
}

/**
 * The date of Easter Sunday (påskdagen) in the Gregorian calendar, by the
 * anonymous Gregorian computus (Meeus/Jones/Butcher), in integer arithmetic.
 *
 * @param year - an integer 1000–9999
 * @returns påskdagen of that year, always a Sunday between 22 March and 25 April
 * @throws {@link RulesError} with code `"INVALID_ARGUMENT"` when `year` is not an integer 1000–9999
 * @example
 * ```ts
 * easterSunday(2024); //=> "2024-03-31"
 * easterSunday(2025); //=> "2025-04-20"
 * ```
 */
export function easterSunday(year: number): LocalDate {
  const [month, day] = computus(checkYear(year));
  return makeDate(year, month, day);
}

/** Builds the year's list, sorted by date, with frozen entries. */
function build(year: number): readonly SwedishHoliday[] {
  const [em, ed] = computus(year);
  const easter = dayNumber(makeDate(year, em, ed));
  const midsommardagen = onOrAfter(dayNumber(makeDate(year, 6, 20)), 6);
  const allaHelgon = onOrAfter(dayNumber(makeDate(year, 10, 31)), 6);
  const day = (m: number, d: number): number => dayNumber(makeDate(year, m, d));
  const rows: [number, string, HolidayKind][] = [
    [day(1, 1), "nyårsdagen", "public-holiday"],
    [day(1, 6), "trettondedag jul", "public-holiday"],
    [easter - 2, "långfredagen", "public-holiday"],
    [easter, "påskdagen", "public-holiday"],
    [easter + 1, "annandag påsk", "public-holiday"],
    [day(5, 1), "första maj", "public-holiday"],
    [easter + 39, "Kristi himmelsfärdsdag", "public-holiday"],
    [easter + 49, "pingstdagen", "public-holiday"],
    [day(6, 6), "nationaldagen", "public-holiday"],
    [midsommardagen - 1, "midsommarafton", "de-facto"],
    [midsommardagen, "midsommardagen", "public-holiday"],
    [allaHelgon, "alla helgons dag", "public-holiday"],
    [day(12, 24), "julafton", "de-facto"],
    [day(12, 25), "juldagen", "public-holiday"],
    [day(12, 26), "annandag jul", "public-holiday"],
    [day(12, 31), "nyårsafton", "de-facto"],
  ];
  // Two holidays can share a date (Kristi himmelsfärdsdag on första maj, as in
  // 2008; pingstdagen on nationaldagen, as in 2049): the stable sort keeps
  // both entries, in the order above.
  rows.sort((x, y) => x[0] - y[0]);
  return Object.freeze(rows.map(([n, name, kind]) => Object.freeze({ date: fromDayNumber(n), name, kind })));
}

/** Memo of computed years: pure, bounded, never handed out (callers get copies). */
const cache = new Map<number, { list: readonly SwedishHoliday[]; days: ReadonlySet<number> }>();
const CACHE_LIMIT = 512;

function entry(year: number): { list: readonly SwedishHoliday[]; days: ReadonlySet<number> } {
  let hit = cache.get(year);
  if (hit === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    const list = build(year);
    hit = { list, days: new Set(list.map((h) => dayNumber(h.date))) };
    cache.set(year, hit);
  }
  return hit;
}

/**
 * Tells whether a day number of the given year is one of that year's
 * holidays of either kind. Internal to the calendar folder (not re-exported):
 * the fast path of the workday calculation, with no copying.
 *
 * @internal
 * @param year - an integer 1000–9999 (not checked: callers pass a validated date's year)
 * @param n - a day number (days since 1970-01-01) inside `year`
 * @returns true when some holiday of `year` falls on day `n`
 * @example
 * ```ts
 * isHolidayDay(2024, dayNumber("2024-04-01")); //=> true (annandag påsk)
 * ```
 */
export function isHolidayDay(year: number, n: number): boolean {
  return entry(year).days.has(n);
}

/**
 * The Swedish holidays of a year, sorted by date: the public holidays of lag
 * (1989:253) om allmänna helgdagar as in force since 2005, and the days
 * treated like them (`kind: "de-facto"`).
 *
 * Public holidays: nyårsdagen (1 Jan), trettondedag jul (6 Jan), långfredagen,
 * påskdagen, annandag påsk, första maj, Kristi himmelsfärdsdag (Easter + 39),
 * pingstdagen (Easter + 49), nationaldagen (6 Jun), midsommardagen (the
 * Saturday 20–26 June), alla helgons dag (the Saturday 31 Oct–6 Nov),
 * juldagen, annandag jul. Sundays and Saturdays among them (påskdagen,
 * pingstdagen, midsommardagen, alla helgons dag) are listed too.
 * De-facto: midsommarafton (the Friday before midsommardagen), julafton
 * (24 Dec), nyårsafton (31 Dec). Every year 1000–9999 is computed with the
 * rules in force since 2005, so years before 2005 are not historically
 * accurate (until 2004 annandag pingst was a holiday and 6 June was not).
 * When two holidays share a date (Kristi himmelsfärdsdag on 1 May, as in
 * 2008), both are listed.
 *
 * @param year - an integer 1000–9999
 * @returns a new array of new objects; changing it does not affect later calls
 * @throws {@link RulesError} with code `"INVALID_ARGUMENT"` when `year` is not an integer 1000–9999
 * @example
 * ```ts
 * swedishHolidays(2024).filter((h) => h.date.startsWith("2024-06")).map((h) => h.date + " " + h.name);
 * //=> ["2024-06-06 nationaldagen", "2024-06-21 midsommarafton", "2024-06-22 midsommardagen"]
 * ```
 */
export function swedishHolidays(year: number): SwedishHoliday[] {
  return entry(checkYear(year)).list.map((h) => ({ date: h.date, name: h.name, kind: h.kind }));
}
