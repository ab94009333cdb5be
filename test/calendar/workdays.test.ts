import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { RulesError } from "../../src/errors.js";
import { addDays, dayOfWeek, daysBetween, fromDayNumber, isWorkday, nextWorkday, swedishHolidays, yearOf } from "../../src/calendar/index.js";

// Day numbers of 1000-01-01 and 9999-12-20 (days since 1970-01-01).
const dateArb = fc.integer({ min: -354285, max: 2932885 }).map(fromDayNumber);

describe("isWorkday", () => {
  it.each([
    ["2024-04-01", false], // annandag påsk, a Monday
    ["2024-03-29", false], // långfredagen
    ["2024-03-30", false], // a Saturday
    ["2024-04-02", true], // Tuesday after Easter
    ["2024-05-09", false], // Kristi himmelsfärdsdag, a Thursday
    ["2024-05-10", true], // the Friday after (a "klämdag", still a workday)
    ["2024-05-20", true], // annandag pingst is not a holiday since 2005
    ["2024-06-06", false], // nationaldagen, a Thursday
    ["2024-06-21", false], // midsommarafton (de-facto)
    ["2024-12-24", false], // julafton (de-facto)
    ["2024-12-31", false], // nyårsafton (de-facto)
    ["2024-12-27", true],
    ["2024-01-05", true], // trettondagsafton is a workday
    ["2024-04-30", true], // valborgsmässoafton is a workday
  ])("%s is a workday: %s", (date, expected) => {
    expect(isWorkday(date)).toBe(expected);
  });

  it("rejects invalid dates", () => {
    try {
      isWorkday("2024-02-30");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(RulesError);
      expect((e as RulesError).code).toBe("INVALID_DATE");
    }
  });

  test.prop([dateArb])("Monday-Friday and not one of the year's holidays", (d) => {
    const holiday = swedishHolidays(yearOf(d)).some((h) => h.date === d);
    expect(isWorkday(d)).toBe(dayOfWeek(d) <= 5 && !holiday);
  });
});

describe("nextWorkday", () => {
  it.each([
    ["2024-04-02", "2024-04-02"], // already a workday
    ["2024-03-30", "2024-04-02"], // Saturday, påskdagen, annandag påsk
    ["2024-03-29", "2024-04-02"], // from långfredagen
    // Easter 2029 is 1 April: 30 March långfredagen, 31 March Saturday,
    // 1 April påskdagen, 2 April annandag påsk.
    ["2029-03-31", "2029-04-03"],
    ["2029-03-30", "2029-04-03"],
    ["2024-12-24", "2024-12-27"], // julafton, juldagen, annandag jul
    ["2024-12-31", "2025-01-02"], // nyårsafton, nyårsdagen
    ["2024-06-21", "2024-06-24"], // midsommarafton, midsommardagen, Sunday
    ["2025-12-31", "2026-01-02"],
  ])("nextWorkday(%s) = %s", (date, expected) => {
    expect(nextWorkday(date)).toBe(expected);
  });

  it("fails cleanly when the next workday would be after 9999-12-31", () => {
    // 9999-12-31 is nyårsafton, a Friday.
    expect(dayOfWeek("9999-12-31")).toBe(5);
    expect(nextWorkday("9999-12-30")).toBe("9999-12-30");
    try {
      nextWorkday("9999-12-31");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(RulesError);
      expect((e as RulesError).code).toBe("INVALID_ARGUMENT");
    }
  });

  test.prop([dateArb])("is a workday, on or after the date, with no workday in between", (d) => {
    const next = nextWorkday(d);
    expect(isWorkday(next)).toBe(true);
    const gap = daysBetween(d, next);
    expect(gap).toBeGreaterThanOrEqual(0);
    expect(gap).toBeLessThanOrEqual(5);
    for (let i = 0; i < gap; i++) expect(isWorkday(addDays(d, i))).toBe(false);
    expect(nextWorkday(next)).toBe(next);
  });
});
