/**
 * Dev-only cross-check against the `date-holidays` package (a devDependency,
 * never imported by the library).
 *
 * Findings, 2005–2100, with date-holidays 3.37.0:
 * - Its `type === "public"` entries are exactly our 13 public holidays, same
 *   dates and same Swedish names, Sundays and Saturdays included (påskdagen,
 *   pingstdagen, midsommardagen, alla helgons dag). Like us it lists both
 *   holidays when two share a date (2008-05-01, 2049-06-06).
 * - Our three de-facto days are its `type === "bank"` entries (midsommarafton,
 *   julafton, nyårsafton), same names; it has no other bank days for SE.
 * - It has many more `observance` / `optional` days (påskafton, annandag
 *   pingst, trettondagsafton 12:00, …) which are not holidays.
 * - Before 2005 it applies the old law only in part: it drops nationaldagen
 *   ("06-06 since 2005") but does not list annandag pingst as public, so for
 *   2004 it is accurate for neither law. We apply the 2005 law to every year.
 */
import { describe, expect, it } from "vitest";
import Holidays from "date-holidays";
import { swedishHolidays } from "../../src/calendar/index.js";

interface Theirs {
  date: string;
  name: string;
  type: string;
}

const hd = new Holidays("SE");

function theirs(year: number): Theirs[] {
  return (hd.getHolidays(year) as Theirs[]).map((h) => ({ date: h.date.slice(0, 10), name: h.name, type: h.type }));
}

function key(h: { date: string; name: string }): string {
  return `${h.date} ${h.name}`;
}

const years = Array.from({ length: 2100 - 2005 + 1 }, (_, i) => 2005 + i);

describe("cross-check with date-holidays", () => {
  it("runs under the intended time zone", () => {
    // Guards that the triple run really varies the zone (offsets in minutes, winter).
    const expected: Record<string, number> = { UTC: 0, "America/Los_Angeles": 480, "Pacific/Kiritimati": -840 };
    const tz = process.env.TZ ?? "";
    expect(Object.keys(expected)).toContain(tz);
    expect(new Date(2024, 0, 15).getTimezoneOffset()).toBe(expected[tz]);
  });

  it.each(years)("%i: public holidays are exactly its 'public' entries", (year) => {
    const ours = swedishHolidays(year).filter((h) => h.kind === "public-holiday").map(key).sort();
    const public_ = theirs(year).filter((h) => h.type === "public").map(key).sort();
    expect(ours).toEqual(public_);
  });

  it.each(years)("%i: de-facto days are exactly its 'bank' entries", (year) => {
    const ours = swedishHolidays(year).filter((h) => h.kind === "de-facto").map(key).sort();
    const bank = theirs(year).filter((h) => h.type === "bank").map(key).sort();
    expect(ours).toEqual(bank);
  });

  it("before 2005 the two differ exactly by nationaldagen (documented: we apply the 2005 law)", () => {
    const ours = swedishHolidays(2004).filter((h) => h.kind === "public-holiday").map(key);
    const public_ = theirs(2004).filter((h) => h.type === "public").map(key);
    expect(ours.filter((k) => !public_.includes(k))).toEqual(["2004-06-06 nationaldagen"]);
    expect(public_.filter((k) => !ours.includes(k))).toEqual([]);
  });
});
