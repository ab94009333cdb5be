import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { RulesError } from "../../src/errors.js";
import { dayOfWeek, daysBetween, easterSunday, swedishHolidays } from "../../src/calendar/index.js";

/**
 * Worked out by hand from the rules (Easter from published tables; weekdays
 * from a printed calendar), not from the code's output.
 */
const TABLE: Record<number, string[]> = {
  2024: [
    "2024-01-01 nyårsdagen P",
    "2024-01-06 trettondedag jul P",
    "2024-03-29 långfredagen P",
    "2024-03-31 påskdagen P",
    "2024-04-01 annandag påsk P",
    "2024-05-01 första maj P",
    "2024-05-09 Kristi himmelsfärdsdag P",
    "2024-05-19 pingstdagen P",
    "2024-06-06 nationaldagen P",
    "2024-06-21 midsommarafton D",
    "2024-06-22 midsommardagen P",
    "2024-11-02 alla helgons dag P",
    "2024-12-24 julafton D",
    "2024-12-25 juldagen P",
    "2024-12-26 annandag jul P",
    "2024-12-31 nyårsafton D",
  ],
  2025: [
    "2025-01-01 nyårsdagen P",
    "2025-01-06 trettondedag jul P",
    "2025-04-18 långfredagen P",
    "2025-04-20 påskdagen P",
    "2025-04-21 annandag påsk P",
    "2025-05-01 första maj P",
    "2025-05-29 Kristi himmelsfärdsdag P",
    "2025-06-06 nationaldagen P",
    "2025-06-08 pingstdagen P",
    "2025-06-20 midsommarafton D",
    "2025-06-21 midsommardagen P",
    "2025-11-01 alla helgons dag P",
    "2025-12-24 julafton D",
    "2025-12-25 juldagen P",
    "2025-12-26 annandag jul P",
    "2025-12-31 nyårsafton D",
  ],
  2019: [
    "2019-01-01 nyårsdagen P",
    "2019-01-06 trettondedag jul P",
    "2019-04-19 långfredagen P",
    "2019-04-21 påskdagen P",
    "2019-04-22 annandag påsk P",
    "2019-05-01 första maj P",
    "2019-05-30 Kristi himmelsfärdsdag P",
    "2019-06-06 nationaldagen P",
    "2019-06-09 pingstdagen P",
    "2019-06-21 midsommarafton D",
    "2019-06-22 midsommardagen P",
    "2019-11-02 alla helgons dag P",
    "2019-12-24 julafton D",
    "2019-12-25 juldagen P",
    "2019-12-26 annandag jul P",
    "2019-12-31 nyårsafton D",
  ],
  // Kristi himmelsfärdsdag on första maj: both are listed.
  2008: [
    "2008-01-01 nyårsdagen P",
    "2008-01-06 trettondedag jul P",
    "2008-03-21 långfredagen P",
    "2008-03-23 påskdagen P",
    "2008-03-24 annandag påsk P",
    "2008-05-01 första maj P",
    "2008-05-01 Kristi himmelsfärdsdag P",
    "2008-05-11 pingstdagen P",
    "2008-06-06 nationaldagen P",
    "2008-06-20 midsommarafton D",
    "2008-06-21 midsommardagen P",
    "2008-11-01 alla helgons dag P",
    "2008-12-24 julafton D",
    "2008-12-25 juldagen P",
    "2008-12-26 annandag jul P",
    "2008-12-31 nyårsafton D",
  ],
  // 20 June and 31 October are themselves Saturdays: the windows include their first day.
  2026: [
    "2026-01-01 nyårsdagen P",
    "2026-01-06 trettondedag jul P",
    "2026-04-03 långfredagen P",
    "2026-04-05 påskdagen P",
    "2026-04-06 annandag påsk P",
    "2026-05-01 första maj P",
    "2026-05-14 Kristi himmelsfärdsdag P",
    "2026-05-24 pingstdagen P",
    "2026-06-06 nationaldagen P",
    "2026-06-19 midsommarafton D",
    "2026-06-20 midsommardagen P",
    "2026-10-31 alla helgons dag P",
    "2026-12-24 julafton D",
    "2026-12-25 juldagen P",
    "2026-12-26 annandag jul P",
    "2026-12-31 nyårsafton D",
  ],
};

function row(h: { date: string; name: string; kind: string }): string {
  return `${h.date} ${h.name} ${h.kind === "public-holiday" ? "P" : "D"}`;
}

const yearArb = fc.integer({ min: 1000, max: 9999 });

describe("easterSunday", () => {
  it.each([
    [2024, "2024-03-31"],
    [2025, "2025-04-20"],
    [2019, "2019-04-21"],
    [2029, "2029-04-01"],
    [2000, "2000-04-23"],
    [2008, "2008-03-23"],
    [2011, "2011-04-24"],
    [2038, "2038-04-25"], // the latest possible date
    [1943, "1943-04-25"],
    [2285, "2285-03-22"], // the earliest possible date
    [1818, "1818-03-22"],
  ])("Easter %i is %s", (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  test.prop([yearArb])("is a Sunday between 22 March and 25 April", (year) => {
    const e = easterSunday(year);
    expect(dayOfWeek(e)).toBe(7);
    expect(e >= `${year}-03-22` && e <= `${year}-04-25`).toBe(true);
  });
});

describe("swedishHolidays", () => {
  it.each(Object.keys(TABLE).map(Number))("matches the hand-made table for %i", (year) => {
    expect(swedishHolidays(year).map(row)).toEqual(TABLE[year]);
  });

  it("worked examples", () => {
    const y2024 = swedishHolidays(2024);
    expect(y2024.find((h) => h.name === "midsommardagen")?.date).toBe("2024-06-22");
    expect(y2024.find((h) => h.name === "alla helgons dag")?.date).toBe("2024-11-02");
    expect(y2024.find((h) => h.name === "annandag påsk")?.date).toBe("2024-04-01");
  });

  it("applies the rules in force since 2005 to every year, including earlier ones", () => {
    const y2004 = swedishHolidays(2004).map((h) => h.name);
    expect(y2004).toContain("nationaldagen");
    expect(y2004).not.toContain("annandag pingst");
  });

  it("returns copies: mutating a result does not change later calls", () => {
    const first = swedishHolidays(2024);
    const firstEntry = first[0]!;
    firstEntry.date = "1999-01-01";
    first.pop();
    expect(swedishHolidays(2024).map(row)).toEqual(TABLE[2024]);
  });

  it.each([[999], [10000], [2024.5], [NaN], ["2024"]])("rejects the year %j with INVALID_ARGUMENT", (year) => {
    for (const fn of [() => swedishHolidays(year as number), () => easterSunday(year as number)]) {
      try {
        fn();
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(RulesError);
        expect((e as RulesError).code).toBe("INVALID_ARGUMENT");
      }
    }
  });

  test.prop([yearArb])("sorted, in the year, unique, 13 public and 3 de-facto", (year) => {
    const list = swedishHolidays(year);
    expect(list).toHaveLength(16);
    expect(list.filter((h) => h.kind === "public-holiday")).toHaveLength(13);
    expect(list.filter((h) => h.kind === "de-facto").map((h) => h.name)).toEqual(["midsommarafton", "julafton", "nyårsafton"]);
    for (let i = 1; i < list.length; i++) expect(list[i - 1]!.date <= list[i]!.date).toBe(true);
    expect(new Set(list.map((h) => h.name)).size).toBe(16);
    expect(new Set(list.map((h) => `${h.date} ${h.name}`)).size).toBe(16);
    for (const h of list) expect(h.date.slice(0, 4)).toBe(String(year));
    // Dates are unique except when Kristi himmelsfärdsdag falls on första maj
    // or pingstdagen on nationaldagen.
    const dates = new Set(list.map((h) => h.date));
    const clashes = list.filter((h) => (h.name === "Kristi himmelsfärdsdag" && h.date.endsWith("-05-01")) || (h.name === "pingstdagen" && h.date.endsWith("-06-06")));
    expect(dates.size).toBe(16 - clashes.length);
  });

  test.prop([yearArb])("every day falls where the law and custom put it", (year) => {
    const at = new Map(swedishHolidays(year).map((h) => [h.name, h.date]));
    const easter = easterSunday(year);
    const date = (name: string): string => at.get(name)!;
    expect(date("nyårsdagen")).toBe(`${year}-01-01`);
    expect(date("trettondedag jul")).toBe(`${year}-01-06`);
    expect(date("påskdagen")).toBe(easter);
    expect(daysBetween(easter, date("långfredagen"))).toBe(-2);
    expect(daysBetween(easter, date("annandag påsk"))).toBe(1);
    expect(date("första maj")).toBe(`${year}-05-01`);
    expect(daysBetween(easter, date("Kristi himmelsfärdsdag"))).toBe(39);
    expect(dayOfWeek(date("Kristi himmelsfärdsdag"))).toBe(4);
    expect(daysBetween(easter, date("pingstdagen"))).toBe(49);
    expect(dayOfWeek(date("pingstdagen"))).toBe(7);
    expect(date("nationaldagen")).toBe(`${year}-06-06`);
    const midsommardagen = date("midsommardagen");
    expect(dayOfWeek(midsommardagen)).toBe(6);
    expect(midsommardagen >= `${year}-06-20` && midsommardagen <= `${year}-06-26`).toBe(true);
    const midsommarafton = date("midsommarafton");
    expect(dayOfWeek(midsommarafton)).toBe(5);
    expect(midsommarafton >= `${year}-06-19` && midsommarafton <= `${year}-06-25`).toBe(true);
    expect(daysBetween(midsommarafton, midsommardagen)).toBe(1);
    const allaHelgon = date("alla helgons dag");
    expect(dayOfWeek(allaHelgon)).toBe(6);
    expect(allaHelgon >= `${year}-10-31` && allaHelgon <= `${year}-11-06`).toBe(true);
    expect(date("julafton")).toBe(`${year}-12-24`);
    expect(date("juldagen")).toBe(`${year}-12-25`);
    expect(date("annandag jul")).toBe(`${year}-12-26`);
    expect(date("nyårsafton")).toBe(`${year}-12-31`);
  });
});
