import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { dayOfWeek, isWorkday } from "../../src/calendar/index.js";
import { contracts, parseContract } from "../../src/contracts/index.js";
import { isOpen, openingStatus } from "../../src/deadlines/index.js";
import { expectRulesError } from "./helpers.js";

const familj = contracts.familjeradgivning;

describe("isOpen (SON 2021-233 §2.3: vardagar 08:00 till 17:00, Swedish time)", () => {
  it.each([
    // timestamp, open, why — worked by hand
    ["2024-03-29T07:30:00Z", false, "långfredagen, 08:30 CET"],
    ["2024-03-28T06:59:59Z", false, "Thursday 07:59:59 CET"],
    ["2024-03-28T07:00:00Z", true, "Thursday 08:00 CET"],
    ["2024-03-28T15:59:59Z", true, "Thursday 16:59:59 CET"],
    ["2024-03-28T16:00:00Z", false, "Thursday 17:00 CET: closed"],
    ["2024-04-02T06:30:00Z", true, "08:30 CEST, the Tuesday after Easter"],
    ["2024-04-02T05:30:00Z", false, "07:30 CEST"],
    ["2024-04-02T15:30:00Z", false, "17:30 CEST"],
    ["2024-04-02T14:59:00Z", true, "16:59 CEST"],
    ["2024-04-02T15:00:00Z", false, "17:00 CEST"],
    ["2024-10-25T06:30:00Z", true, "Friday 08:30 CEST, before the switch"],
    ["2024-10-28T07:00:00Z", true, "Monday 08:00 CET, after the switch"],
    ["2024-10-28T06:30:00Z", false, "Monday 07:30 CET (would be 08:30 in summer time)"],
    ["2024-10-28T15:59:00Z", true, "16:59 CET"],
    ["2024-10-28T16:00:00Z", false, "17:00 CET"],
    ["2024-03-31T08:00:00Z", false, "påskdagen, a Sunday"],
    ["2024-12-24T09:00:00Z", false, "julafton"],
    ["2024-06-21T08:00:00Z", false, "midsommarafton"],
    ["2024-04-02T08:30:00+02:00", true, "an offset instead of Z"],
    ["2024-04-02T01:30:00-05:00", true, "06:30 UTC = 08:30 CEST, written at -05:00"],
    ["2024-04-01T23:30:00-05:00", false, "04:30 UTC on 2 April = 06:30 CEST"],
  ])("%s → open %s (%s)", (timestamp, open) => {
    expect(isOpen(familj, timestamp)).toBe(open);
  });

  it("explains: local date and time, workday, hours and clause", () => {
    const s = openingStatus(familj, "2024-03-31T00:30:00Z"); // before the switch at 01:00 UTC: 01:30 CET
    expect([s.localDate, s.localTime, s.workday, s.open]).toEqual(["2024-03-31", "01:30:00", false, false]);
    const after = openingStatus(familj, "2024-03-31T01:00:00Z"); // the switch: 03:00 CEST
    expect(after.localTime).toBe("03:00:00");
    const s2 = openingStatus(familj, "2024-10-27T00:30:00Z"); // 02:30 CEST, the first of the repeated hour
    const s3 = openingStatus(familj, "2024-10-27T01:30:00Z"); // 02:30 CET, the second
    expect([s2.localTime, s3.localTime]).toEqual(["02:30:00", "02:30:00"]);
    expect(s.clause).toBe("SON 2021-233 §2.3");
    expect([s.from, s.to, s.timeZone]).toEqual(["08:00", "17:00", "Europe/Stockholm"]);
  });

  it("uses the contract's hours (a commission open 09:00–15:00)", () => {
    const plain = JSON.parse(JSON.stringify(familj)) as { serviceLevels: { openingHours: { from: string; to: string } } };
    plain.serviceLevels.openingHours.from = "09:00";
    plain.serviceLevels.openingHours.to = "15:00";
    const short = parseContract(plain);
    expect(isOpen(short, "2024-04-02T06:30:00Z")).toBe(false); // 08:30
    expect(isOpen(short, "2024-04-02T07:00:00Z")).toBe(true); // 09:00
    expect(isOpen(short, "2024-04-02T13:00:00Z")).toBe(false); // 15:00
  });

  it("SON 2019-755 §2.2 has the same hours; Beroendemottagningen states none", () => {
    expect(isOpen(contracts.valdINaraRelation, "2024-04-02T06:30:00Z")).toBe(true);
    expectRulesError(() => isOpen(contracts.beroendemottagningen, "2024-04-02T06:30:00Z"), "NOT_IN_CONTRACT");
  });

  it("rejects a timestamp without a zone, or not a moment", () => {
    const e = expectRulesError(() => isOpen(familj, "2024-04-02T08:30:00"), "INVALID_DATE");
    expect(e.message).toContain("timestamp");
    for (const bad of ["2024-04-02", "2024-02-30T08:00:00Z", "2024-04-02T24:00:00Z", "2024-04-02T08:60:00Z", "2024-04-02T08:00:00+19:00", "2024-04-02 08:00:00Z", ""]) {
      expectRulesError(() => isOpen(familj, bad), "INVALID_DATE");
    }
    expect(isOpen(familj, "2024-04-02T06:30:00.999Z")).toBe(true);
    expect(isOpen(familj, "2024-04-02T06:30Z")).toBe(true);
  });

  test.prop([fc.integer({ min: 1704067200, max: 1767225599 })])("open only on workdays, 08:00–17:00 local, in 2024–2025", (seconds) => {
    const iso = `${new Date(seconds * 1000).toISOString().slice(0, 19)}Z`;
    const s = openingStatus(familj, iso);
    expect(s.workday).toBe(isWorkday(s.localDate));
    if (dayOfWeek(s.localDate) >= 6) expect(s.open).toBe(false);
    const hour = Number(s.localTime.slice(0, 2));
    expect(s.open).toBe(s.workday && hour >= 8 && hour < 17);
    // Stockholm is UTC+1 or UTC+2.
    const utcHour = Number(iso.slice(11, 13));
    expect([1, 2]).toContain((hour - utcHour + 24) % 24);
  });
});
