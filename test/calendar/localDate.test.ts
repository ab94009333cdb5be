import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { RulesError } from "../../src/errors.js";
import {
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
} from "../../src/calendar/index.js";

const MS_PER_DAY = 86_400_000;
/** Day numbers of 1000-01-01 and 9999-12-31, worked out independently with Date.UTC. */
const MIN_DAY = Date.UTC(1000, 0, 1) / MS_PER_DAY;
const MAX_DAY = Date.UTC(9999, 11, 31) / MS_PER_DAY;

/**
 * Oracle for the tests only: the ECMAScript UTC time line, which has no time
 * zone and is independent of the code under test.
 */
function oracleDate(n: number): string {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

const dayArb = fc.integer({ min: MIN_DAY, max: MAX_DAY });
const dateArb = dayArb.map(oracleDate);
/** Dates not too close to the ends of the range, so arithmetic stays inside it. */
const innerDateArb = fc.integer({ min: MIN_DAY + 40_000, max: MAX_DAY - 40_000 }).map(oracleDate);

function rulesError(fn: () => unknown): RulesError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(RulesError);
    return e as RulesError;
  }
  throw new Error("expected a RulesError, nothing was thrown");
}

describe("parseLocalDate", () => {
  it("accepts real dates and returns them unchanged", () => {
    expect(parseLocalDate("2024-02-29")).toBe("2024-02-29");
    expect(parseLocalDate("1000-01-01")).toBe("1000-01-01");
    expect(parseLocalDate("9999-12-31")).toBe("9999-12-31");
    expect(parseLocalDate("2000-02-29")).toBe("2000-02-29");
  });

  it.each([
    ["2024-02-30"],
    ["2023-02-29"],
    ["1900-02-29"],
    ["2024-13-01"],
    ["2024-00-10"],
    ["2024-04-31"],
    ["2024-01-00"],
    ["20240101"],
    ["2024-1-01"],
    ["2024-01-1"],
    ["0999-12-31"],
    ["2024-01-01T00:00"],
    [" 2024-01-01"],
    ["2024/01/01"],
    ["2024-01-0a"],
    ["+024-01-01"],
    ["２０２４-01-01"],
    [""],
  ])("rejects %j with INVALID_DATE naming the field", (bad) => {
    const err = rulesError(() => parseLocalDate(bad, "start"));
    expect(err.code).toBe("INVALID_DATE");
    expect(err.message).toContain("start");
    expect(err.issues[0]?.path).toBe("start");
    expect(isLocalDate(bad)).toBe(false);
  });

  it.each([[20240101], [null], [undefined], [{}], [["2024-01-01"]], [new Date(0)]])("rejects the non-string %j", (bad) => {
    expect(rulesError(() => parseLocalDate(bad)).code).toBe("INVALID_DATE");
    expect(rulesError(() => parseLocalDate(bad)).issues[0]?.path).toBe("date");
    expect(isLocalDate(bad)).toBe(false);
  });

  test.prop([fc.string({ maxLength: 12 })])("agrees with an independent oracle on arbitrary strings", (s) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    let valid = false;
    if (m) {
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      valid = y >= 1000 && oracleDate(Date.UTC(y, mo - 1, d) / MS_PER_DAY) === s;
    }
    expect(isLocalDate(s)).toBe(valid);
  });

  test.prop([fc.anything()])("either returns its input or throws a RulesError INVALID_DATE", (v) => {
    try {
      expect(parseLocalDate(v)).toBe(v);
    } catch (e) {
      expect(e).toBeInstanceOf(RulesError);
      expect((e as RulesError).code).toBe("INVALID_DATE");
    }
  });
});

describe("parseYearMonth", () => {
  it("accepts YYYY-MM", () => {
    expect(parseYearMonth("2021-04")).toBe("2021-04");
    expect(isYearMonth("9999-12")).toBe(true);
  });
  it.each([["2021-4"], ["2021-13"], ["2021-00"], ["202104"], ["2021-04-01"], ["0999-01"], [202104]])("rejects %j", (bad) => {
    const err = rulesError(() => parseYearMonth(bad, "from"));
    expect(err.code).toBe("INVALID_DATE");
    expect(err.issues[0]?.path).toBe("from");
    expect(isYearMonth(bad)).toBe(false);
  });
});

describe("worked examples", () => {
  it("dayNumber / fromDayNumber", () => {
    expect(dayNumber("1970-01-01")).toBe(0);
    expect(dayNumber("1969-12-31")).toBe(-1);
    // 30 years of 365 days plus the 7 leap days 1972..1996, plus 31 + 29 days of 2000.
    expect(dayNumber("2000-03-01")).toBe(30 * 365 + 7 + 31 + 29);
    expect(fromDayNumber(11017)).toBe("2000-03-01");
  });

  it("addDays across a leap day and year ends", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2024-02-28", 2)).toBe("2024-03-01");
    expect(addDays("2023-02-28", 1)).toBe("2023-03-01");
    expect(addDays("2024-12-31", 1)).toBe("2025-01-01");
    expect(addDays("2025-01-01", -1)).toBe("2024-12-31");
    expect(addDays("2024-01-01", 366)).toBe("2025-01-01");
  });

  it("daysBetween across a leap day", () => {
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysBetween("2023-02-28", "2023-03-01")).toBe(1);
    expect(daysBetween("2024-01-01", "2025-01-01")).toBe(366);
    expect(daysBetween("2025-01-01", "2024-01-01")).toBe(-366);
    expect(daysBetween("2100-02-28", "2100-03-01")).toBe(1);
  });

  it("addMonths clamps to the end of the month", () => {
    expect(addMonths("2024-02-29", 12)).toBe("2025-02-28");
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2023-01-31", 1)).toBe("2023-02-28");
    expect(addMonths("2024-03-31", -1)).toBe("2024-02-29");
    expect(addMonths("2024-08-31", 1)).toBe("2024-09-30");
    expect(addMonths("2024-01-31", 2)).toBe("2024-03-31");
    expect(addMonths("2024-11-15", 2)).toBe("2025-01-15");
    expect(addMonths("2024-01-15", -1)).toBe("2023-12-15");
    expect(addMonths("2024-05-17", 0)).toBe("2024-05-17");
  });

  it("monthsBetween counts calendar months", () => {
    expect(monthsBetween("2021-04", "2021-12")).toBe(8);
    expect(monthsBetween("2021-12", "2022-01")).toBe(1);
    expect(monthsBetween("2022-01", "2021-12")).toBe(-1);
    expect(monthsBetween("2021-04", "2024-03")).toBe(35);
    expect(monthsBetween("2021-04", "2021-04")).toBe(0);
  });

  it("months", () => {
    expect(addMonthsToYearMonth("2021-11", 2)).toBe("2022-01");
    expect(addMonthsToYearMonth("2021-01", -1)).toBe("2020-12");
    expect(firstDayOfMonth("2024-02")).toBe("2024-02-01");
    expect(lastDayOfMonth("2024-02")).toBe("2024-02-29");
    expect(lastDayOfMonth("2025-02")).toBe("2025-02-28");
    expect(lastDayOfMonth("1900-02")).toBe("1900-02-28");
    expect(lastDayOfMonth("2000-02")).toBe("2000-02-29");
    expect(lastDayOfMonth("2024-04")).toBe("2024-04-30");
    expect(lastDayOfMonth("2024-12")).toBe("2024-12-31");
    expect(monthOf("2024-02-29")).toBe("2024-02");
    expect(yearOf("2024-12-31")).toBe(2024);
    expect(yearMonthParts("2021-04")).toEqual({ year: 2021, month: 4 });
    expect(dateParts("2024-02-09")).toEqual({ year: 2024, month: 2, day: 9 });
  });

  it("leap years and month lengths", () => {
    expect(isLeapYear(2024)).toBe(true);
    expect(isLeapYear(2023)).toBe(false);
    expect(isLeapYear(1900)).toBe(false);
    expect(isLeapYear(2000)).toBe(true);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2024, 9)).toBe(30);
    expect(daysInMonth(2024, 7)).toBe(31);
  });

  it("dayOfWeek is ISO", () => {
    expect(dayOfWeek("1970-01-01")).toBe(4); // a Thursday
    expect(dayOfWeek("2024-03-31")).toBe(7); // påskdagen, a Sunday
    expect(dayOfWeek("2024-04-01")).toBe(1); // a Monday
    expect(dayOfWeek("2024-06-22")).toBe(6); // midsommardagen, a Saturday
    expect(dayOfWeek("1969-12-29")).toBe(1);
  });

  it("compareDates and makeDate", () => {
    expect(compareDates("2024-02-29", "2024-03-01")).toBe(-1);
    expect(compareDates("2024-03-01", "2024-02-29")).toBe(1);
    expect(compareDates("2024-03-01", "2024-03-01")).toBe(0);
    expect(makeDate(2024, 2, 29)).toBe("2024-02-29");
    expect(makeDate(1000, 1, 1)).toBe("1000-01-01");
  });
});

describe("bad arguments", () => {
  it("throws INVALID_DATE for invalid dates, naming the parameter", () => {
    expect(rulesError(() => addDays("2024-02-30", 1)).code).toBe("INVALID_DATE");
    expect(rulesError(() => daysBetween("2024-01-01", "2024-1-2")).issues[0]?.path).toBe("to");
    expect(rulesError(() => daysBetween("x", "2024-01-02")).issues[0]?.path).toBe("from");
    expect(rulesError(() => compareDates("2024-01-01", "2024-02-30")).issues[0]?.path).toBe("b");
    expect(rulesError(() => dayOfWeek("2024-13-01")).code).toBe("INVALID_DATE");
    expect(rulesError(() => monthsBetween("2024-13", "2024-01")).issues[0]?.path).toBe("fromMonth");
    expect(rulesError(() => makeDate(2023, 2, 29)).code).toBe("INVALID_DATE");
    expect(rulesError(() => makeDate(999, 12, 31)).code).toBe("INVALID_DATE");
    expect(rulesError(() => makeDate(10000, 1, 1)).code).toBe("INVALID_DATE");
  });

  it.each([[1.5], [NaN], [Infinity], [2 ** 53], ["1"]])("throws INVALID_ARGUMENT for the count %j", (n) => {
    expect(rulesError(() => addDays("2024-01-01", n as number)).code).toBe("INVALID_ARGUMENT");
    expect(rulesError(() => addMonths("2024-01-01", n as number)).code).toBe("INVALID_ARGUMENT");
    expect(rulesError(() => addMonthsToYearMonth("2024-01", n as number)).code).toBe("INVALID_ARGUMENT");
    expect(rulesError(() => fromDayNumber(n as number)).code).toBe("INVALID_ARGUMENT");
    expect(rulesError(() => isLeapYear(n as number)).code).toBe("INVALID_ARGUMENT");
    expect(rulesError(() => daysInMonth(n as number, 1)).code).toBe("INVALID_ARGUMENT");
    expect(rulesError(() => makeDate(2024, n as number, 1)).code).toBe("INVALID_ARGUMENT");
  });

  it("throws INVALID_ARGUMENT when a result leaves the years 1000-9999", () => {
    expect(rulesError(() => addDays("9999-12-31", 1)).code).toBe("INVALID_ARGUMENT");
    expect(rulesError(() => addDays("1000-01-01", -1)).code).toBe("INVALID_ARGUMENT");
    expect(rulesError(() => addMonths("9999-12-01", 1)).code).toBe("INVALID_ARGUMENT");
    expect(rulesError(() => addMonthsToYearMonth("1000-01", -1)).code).toBe("INVALID_ARGUMENT");
    expect(rulesError(() => fromDayNumber(MAX_DAY + 1)).code).toBe("INVALID_ARGUMENT");
    expect(rulesError(() => fromDayNumber(MIN_DAY - 1)).code).toBe("INVALID_ARGUMENT");
    expect(rulesError(() => daysInMonth(2024, 13)).code).toBe("INVALID_ARGUMENT");
    expect(rulesError(() => daysInMonth(2024, 0)).code).toBe("INVALID_ARGUMENT");
    expect(fromDayNumber(MAX_DAY)).toBe("9999-12-31");
    expect(fromDayNumber(MIN_DAY)).toBe("1000-01-01");
  });
});

describe("laws", () => {
  test.prop([dayArb])("dayNumber and fromDayNumber agree with the UTC time line and invert each other", (n) => {
    const d = oracleDate(n);
    expect(fromDayNumber(n)).toBe(d);
    expect(dayNumber(d)).toBe(n);
    expect(fromDayNumber(dayNumber(d))).toBe(d);
  });

  test.prop([dateArb])("dayOfWeek agrees with the UTC time line", (d) => {
    const utc = new Date(dayNumber(d) * MS_PER_DAY).getUTCDay();
    expect(dayOfWeek(d)).toBe(utc === 0 ? 7 : utc);
  });

  test.prop([innerDateArb, fc.integer({ min: -30_000, max: 30_000 })])("addDays then back returns the date", (d, n) => {
    const later = addDays(d, n);
    expect(isLocalDate(later)).toBe(true);
    expect(addDays(later, -n)).toBe(d);
    expect(daysBetween(d, later)).toBe(n);
    expect(compareDates(d, later)).toBe(Math.sign(n) === 0 ? 0 : -Math.sign(n));
  });

  test.prop([innerDateArb, fc.integer({ min: -1_000, max: 1_000 })])("addMonths lands on a valid date in the right month", (d, n) => {
    const r = addMonths(d, n);
    expect(isLocalDate(r)).toBe(true);
    expect(monthOf(r)).toBe(addMonthsToYearMonth(monthOf(d), n));
    expect(monthsBetween(monthOf(d), monthOf(r))).toBe(n);
    const { year, month, day } = dateParts(d);
    const target = dateParts(r);
    expect(target.day).toBe(Math.min(day, daysInMonth(target.year, target.month)));
    // Independent check of the target month with plain month counting.
    const total = year * 12 + month - 1 + n;
    expect([target.year, target.month]).toEqual([Math.floor(total / 12), (total % 12) + 1]);
  });

  test.prop([dateArb])("parts, months and lengths are consistent", (d) => {
    const { year, month, day } = dateParts(d);
    expect(makeDate(year, month, day)).toBe(d);
    expect(yearOf(d)).toBe(year);
    expect(yearMonthParts(monthOf(d))).toEqual({ year, month });
    expect(day).toBeLessThanOrEqual(daysInMonth(year, month));
    expect(daysBetween(firstDayOfMonth(monthOf(d)), lastDayOfMonth(monthOf(d))) + 1).toBe(daysInMonth(year, month));
    expect(isLeapYear(year)).toBe(oracleDate(Date.UTC(year, 1, 29) / MS_PER_DAY) === `${year}-02-29`);
  });

  test.prop([dateArb, dateArb])("compareDates orders like day numbers", (a, b) => {
    expect(compareDates(a, b)).toBe(Math.sign(dayNumber(a) - dayNumber(b)));
    // Antisymmetric; written as a sum because -0 and 0 differ for toBe (a === b).
    expect(compareDates(a, b) + compareDates(b, a)).toBe(0);
  });
});

describe("no clock, no time zone", () => {
  it("the calendar sources never use Date", () => {
    const dir = fileURLToPath(new URL("../../src/calendar/", import.meta.url));
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
      const code = readFileSync(dir + file, "utf8")
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .replace(/\/\/.*$/gm, "");
      expect(code, file).not.toMatch(/\bDate\b|\bIntl\b|toLocale/);
    }
  });
});
