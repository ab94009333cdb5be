import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { addDays, compareDates, daysBetween, isWorkday } from "../../src/calendar/index.js";
import { contracts, parseContract, type Contract } from "../../src/contracts/index.js";
import { earlyTermination } from "../../src/deadlines/index.js";
import { dateArb, expectRulesError } from "./helpers.js";

const vinr = contracts.valdINaraRelation;

function withClause(changes: Partial<NonNullable<Contract["earlyTermination"]>>): Contract {
  const plain = JSON.parse(JSON.stringify(vinr)) as Record<string, unknown>;
  plain.earlyTermination = { ...(plain.earlyTermination as object), ...changes };
  return parseContract(plain);
}

describe("earlyTermination (SON 2019-755 §5.3: 30 days to cure, then 3 months' notice)", () => {
  it("worked by hand: breach notice 2024-01-15", () => {
    // 15 Jan + 30 days: 16 days to 31 Jan, 14 more to 14 Feb.
    const t = earlyTermination(vinr, "2024-01-15");
    expect(t.cureDeadline).toBe("2024-02-14");
    expect(t.earliestTerminationNotice).toBe("2024-02-15");
    expect(t.earliestEnd).toBe("2024-05-15");
    expect(t.clause).toBe("SON 2019-755 §5.3");
    expect([t.cureDays, t.noticeMonths, t.by, t.rolled]).toEqual([30, 3, "purchaser", false]);
  });

  it("the earliest end is the same date 3 months on, clamped to the month's last day", () => {
    // 2023-10-02 + 30 = 2023-11-01; notice 2023-11-02 + 3 months = 2024-02-02.
    expect(earlyTermination(vinr, "2023-10-02").earliestEnd).toBe("2024-02-02");
    // 2023-10-31 + 30 = 2023-11-30; notice 2023-12-01 + 3 months = 2024-03-01.
    expect(earlyTermination(vinr, "2023-10-31").earliestEnd).toBe("2024-03-01");
    // 2023-10-29 + 30 = 2023-11-28; notice 2023-11-29 + 3 = 2024-02-29 (leap year).
    expect(earlyTermination(vinr, "2023-10-29").earliestEnd).toBe("2024-02-29");
    // 2023-10-30 + 30 = 2023-11-29; notice 2023-11-30 + 3 months: no 30 February → 2024-02-29.
    expect(earlyTermination(vinr, "2023-10-30").earliestEnd).toBe("2024-02-29");
  });

  it("a cure deadline on a Saturday stays by default and rolls to Monday with the option", () => {
    // 2024-02-01 + 30 days = 2024-03-02, a Saturday.
    const plain = earlyTermination(vinr, "2024-02-01");
    expect([plain.cureDeadline, plain.workday, plain.rolled]).toEqual(["2024-03-02", false, false]);
    expect(plain.earliestTerminationNotice).toBe("2024-03-03");
    const rolled = earlyTermination(vinr, "2024-02-01", { rollCureDeadline: "next-workday" });
    expect([rolled.cureDeadline, rolled.nominalCureDeadline, rolled.workday, rolled.rolled]).toEqual(["2024-03-04", "2024-03-02", true, true]);
    expect(rolled.earliestTerminationNotice).toBe("2024-03-05");
    expect(rolled.earliestEnd).toBe("2024-06-05");
  });

  it("rolls over Easter: 2024-02-28 + 30 = 2024-03-29, långfredagen → 2024-04-02", () => {
    expect(earlyTermination(vinr, "2024-02-28", { rollCureDeadline: "next-workday" }).cureDeadline).toBe("2024-04-02");
  });

  it("takes both numbers from the clause", () => {
    const other = withClause({ cureDays: 10, noticeMonths: 1 });
    const t = earlyTermination(other, "2024-01-15");
    expect([t.cureDeadline, t.earliestTerminationNotice, t.earliestEnd]).toEqual(["2024-01-25", "2024-01-26", "2024-02-26"]);
  });

  it("a commission without the clause is NOT_IN_CONTRACT", () => {
    for (const c of [contracts.familjeradgivning, contracts.beroendemottagningen, contracts.boendestod]) {
      expectRulesError(() => earlyTermination(c, "2024-01-15"), "NOT_IN_CONTRACT");
    }
  });

  it("rejects bad dates and options", () => {
    expect(expectRulesError(() => earlyTermination(vinr, "2024-13-01"), "INVALID_DATE").message).toContain("breachNoticeOn");
    expectRulesError(() => earlyTermination(vinr, "2024-01-15", { rollCureDeadline: "previous" as "none" }), "INVALID_ARGUMENT");
  });

  it("a breach notice outside a known term is OUTSIDE_TERM", () => {
    const plain = JSON.parse(JSON.stringify(vinr)) as { term: { start: string } };
    plain.term.start = "2020-01-01";
    const started = parseContract(plain);
    expectRulesError(() => earlyTermination(started, "2019-12-31"), "OUTSIDE_TERM");
    expect(earlyTermination(started, "2020-01-01").cureDeadline).toBe("2020-01-31");
  });

  test.prop([dateArb, fc.constantFrom("none" as const, "next-workday" as const)])("the dates follow each other as the clause says", (d, roll) => {
    const t = earlyTermination(vinr, d, { rollCureDeadline: roll });
    expect(daysBetween(d, t.nominalCureDeadline)).toBe(30);
    expect(compareDates(t.cureDeadline, t.nominalCureDeadline)).toBeGreaterThanOrEqual(0);
    if (roll === "next-workday") expect(isWorkday(t.cureDeadline)).toBe(true);
    else expect(t.cureDeadline).toBe(t.nominalCureDeadline);
    expect(t.earliestTerminationNotice).toBe(addDays(t.cureDeadline, 1));
    expect(daysBetween(t.earliestTerminationNotice, t.earliestEnd)).toBeGreaterThanOrEqual(89);
    expect(daysBetween(t.earliestTerminationNotice, t.earliestEnd)).toBeLessThanOrEqual(92);
  });
});
