import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { addDays, compareDates, daysBetween, monthsBetween } from "../../src/calendar/index.js";
import { contracts, parseContract, type Contract } from "../../src/contracts/index.js";
import { applyNotice, noticeEnd, noticePeriod } from "../../src/deadlines/index.js";
import { dateArb, expectRulesError } from "./helpers.js";

const familj = contracts.familjeradgivning;

/** A commission like Familjerådgivning whose notice clause says something else. */
function withNotice(notice: Partial<NonNullable<Contract["notice"]>>): Contract {
  const plain = JSON.parse(JSON.stringify(familj)) as Record<string, unknown>;
  plain.notice = { ...(plain.notice as object), ...notice };
  return parseContract(plain);
}

describe("noticeEnd (SON 2021-233 §1.1: 12 months, written)", () => {
  it.each([
    // received, expected end — worked by hand
    ["2024-02-29", "2025-02-28"], // 29 February: 2025 has no 29 February, so its last day
    ["2023-02-28", "2024-02-28"], // same number, not the month's end: 2024-02-28, not -29
    ["2024-03-15", "2025-03-15"],
    ["2024-12-31", "2025-12-31"],
    ["2023-03-01", "2024-03-01"],
  ])("a notice received %s ends %s", (receivedOn, end) => {
    expect(noticeEnd(familj, { receivedOn, form: "written" })).toBe(end);
  });

  it("takes the months from the contract (a 3-month clause gives another end)", () => {
    const three = withNotice({ months: 3 });
    expect(noticeEnd(three, { receivedOn: "2024-02-29", form: "written" })).toBe("2024-05-29");
  });

  it("months agreed otherwise override the contract's: 2024-01-31 + 1 month clamps to 2024-02-29", () => {
    expect(noticeEnd(familj, { receivedOn: "2024-01-31", form: "written", months: 1 })).toBe("2024-02-29");
    expect(noticeEnd(familj, { receivedOn: "2023-01-31", form: "written", months: 1 })).toBe("2023-02-28");
    expect(noticeEnd(familj, { receivedOn: "2024-05-31", form: "written", months: 1 })).toBe("2024-06-30");
    expect(noticeEnd(familj, { receivedOn: "2024-05-10", form: "written", months: 0 })).toBe("2024-05-10");
  });

  it("end-of-month takes the last day of the end month", () => {
    expect(noticeEnd(familj, { receivedOn: "2024-02-29", form: "written" }, { rule: "end-of-month" })).toBe("2025-02-28");
    expect(noticeEnd(familj, { receivedOn: "2024-03-15", form: "written" }, { rule: "end-of-month" })).toBe("2025-03-31");
    expect(noticeEnd(familj, { receivedOn: "2024-01-01", form: "written", months: 1 }, { rule: "end-of-month" })).toBe("2024-02-29");
  });

  it("the same for every commission with a 12-month clause", () => {
    for (const c of [contracts.beroendemottagningen, contracts.valdINaraRelation]) {
      expect(noticeEnd(c, { receivedOn: "2024-02-29", form: "written" })).toBe("2025-02-28");
    }
  });

  it("an oral notice is NOTICE_NOT_WRITTEN, citing the clause", () => {
    const e = expectRulesError(() => noticeEnd(familj, { receivedOn: "2024-03-15", form: "oral" }), "NOTICE_NOT_WRITTEN");
    expect(e.message).toContain("SON 2021-233 §1.1");
    expect(e.issues[0]?.path).toBe("notice.form");
  });

  it("a commission without a notice clause (Boendestöd) is NOT_IN_CONTRACT", () => {
    expectRulesError(() => noticeEnd(contracts.boendestod, { receivedOn: "2019-01-15", form: "written" }), "NOT_IN_CONTRACT");
  });

  it("rejects bad input with the field named", () => {
    expect(expectRulesError(() => noticeEnd(familj, { receivedOn: "2024-02-30", form: "written" }), "INVALID_DATE").message).toContain(
      "notice.receivedOn",
    );
    expectRulesError(() => noticeEnd(familj, { receivedOn: "2024-02-01", form: "email" as "written" }), "INVALID_ARGUMENT");
    expectRulesError(() => noticeEnd(familj, { receivedOn: "2024-02-01", form: "written", months: 1.5 }), "INVALID_ARGUMENT");
    expectRulesError(() => noticeEnd(familj, { receivedOn: "2024-02-01", form: "written", months: -1 }), "INVALID_ARGUMENT");
    expectRulesError(() => noticeEnd(familj, { receivedOn: "2024-02-01", form: "written" }, { rule: "whole-month" as "same-date" }), "INVALID_ARGUMENT");
    expectRulesError(() => noticeEnd(familj, null as unknown as { receivedOn: string; form: "written" }), "INVALID_ARGUMENT");
  });

  it("a clause that does not allow agreeing otherwise rejects other months", () => {
    const strict = withNotice({ unlessAgreedOtherwise: false });
    expectRulesError(() => noticeEnd(strict, { receivedOn: "2024-02-01", form: "written", months: 6 }), "INVALID_ARGUMENT");
    expect(noticeEnd(strict, { receivedOn: "2024-02-01", form: "written", months: 12 })).toBe("2025-02-01");
  });

  it("checks who gave notice against the clause", () => {
    expect(noticePeriod(familj, { receivedOn: "2024-02-01", form: "written", givenBy: "provider" }).givenBy).toBe("provider");
    const purchaserOnly = withNotice({ givenBy: "purchaser" });
    expectRulesError(() => noticeEnd(purchaserOnly, { receivedOn: "2024-02-01", form: "written", givenBy: "provider" }), "NOT_IN_CONTRACT");
    expect(noticeEnd(purchaserOnly, { receivedOn: "2024-02-01", form: "written", givenBy: "purchaser" })).toBe("2025-02-01");
  });

  test.prop([dateArb, fc.integer({ min: 1, max: 400 }), fc.integer({ min: 0, max: 36 })])(
    "a later notice never ends earlier",
    (receivedOn, later, months) => {
      const a = noticeEnd(familj, { receivedOn, form: "written", months });
      const b = noticeEnd(familj, { receivedOn: addDays(receivedOn, later), form: "written", months });
      expect(compareDates(a, b)).toBeLessThanOrEqual(0);
      const c = noticeEnd(familj, { receivedOn, form: "written", months }, { rule: "end-of-month" });
      const d = noticeEnd(familj, { receivedOn: addDays(receivedOn, later), form: "written", months }, { rule: "end-of-month" });
      expect(compareDates(c, d)).toBeLessThanOrEqual(0);
    },
  );

  test.prop([dateArb, fc.integer({ min: 0, max: 36 })])(
    "the end lies in the month `months` later, at most 3 days short of the same date",
    (receivedOn, months) => {
      const end = noticeEnd(familj, { receivedOn, form: "written", months });
      expect(monthsBetween(receivedOn.slice(0, 7), end.slice(0, 7))).toBe(months);
      const day = Number(receivedOn.slice(8));
      const endDay = Number(end.slice(8));
      expect(endDay).toBeLessThanOrEqual(day);
      expect(day - endDay).toBeLessThanOrEqual(3);
      // Never before the receipt; at least about months × 28 days after it.
      expect(daysBetween(receivedOn, end)).toBeGreaterThanOrEqual(months * 28 - 3);
    },
  );
});

describe("noticePeriod", () => {
  it("explains the figure: months, where they come from, rule, clamp, clause", () => {
    expect(noticePeriod(familj, { receivedOn: "2024-02-29", form: "written" })).toEqual({
      contractId: "familjeradgivning",
      receivedOn: "2024-02-29",
      end: "2025-02-28",
      months: 12,
      monthsFrom: "contract",
      rule: "same-date",
      clamped: true,
      givenBy: null,
      clause: "SON 2021-233 §1.1",
      quote: familj.notice?.quote,
    });
    const agreed = noticePeriod(familj, { receivedOn: "2024-03-15", form: "written", months: 6 });
    expect([agreed.end, agreed.monthsFrom, agreed.clamped]).toEqual(["2024-09-15", "agreed", false]);
  });
});

describe("applyNotice", () => {
  it("returns a new frozen contract whose term ends at the notice end; the input is unchanged", () => {
    const ended = applyNotice(contracts.beroendemottagningen, { receivedOn: "2024-06-15", form: "written" });
    expect(ended.term.end).toBe("2025-06-15");
    expect(ended.term.start).toBe("2021-04-01");
    expect(contracts.beroendemottagningen.term.end).toBeNull();
    expect(Object.isFrozen(ended)).toBe(true);
    expect(Object.isFrozen(ended.term)).toBe(true);
    expect(ended.notes.at(-1)).toContain("2025-06-15");
    expect(ended.notes.length).toBe(contracts.beroendemottagningen.notes.length + 1);
    expect(ended.compensation).toEqual(contracts.beroendemottagningen.compensation);
    expect(Object.isFrozen(ended.compensation)).toBe(true);
  });

  it("the result is still a valid contract", () => {
    const ended = applyNotice(familj, { receivedOn: "2024-02-29", form: "written" });
    expect(parseContract(JSON.parse(JSON.stringify(ended))).term.end).toBe("2025-02-28");
  });

  it("keeps an earlier fixed end and refuses a notice after the end or ending before the start", () => {
    const fixed = withNotice({});
    const plain = JSON.parse(JSON.stringify(fixed)) as { term: { end: string | null } };
    plain.term.end = "2024-12-31";
    const c = parseContract(plain);
    expect(applyNotice(c, { receivedOn: "2024-06-01", form: "written" }).term.end).toBe("2024-12-31");
    expect(applyNotice(c, { receivedOn: "2024-06-01", form: "written", months: 3 }).term.end).toBe("2024-09-01");
    expectRulesError(() => applyNotice(c, { receivedOn: "2025-01-02", form: "written" }), "OUTSIDE_TERM");
    expectRulesError(() => applyNotice(familj, { receivedOn: "2021-06-01", form: "written", months: 1 }), "OUTSIDE_TERM");
  });

  it("passes the notice errors on", () => {
    expectRulesError(() => applyNotice(familj, { receivedOn: "2024-06-01", form: "oral" }), "NOTICE_NOT_WRITTEN");
    expectRulesError(() => applyNotice(contracts.boendestod, { receivedOn: "2019-06-01", form: "written" }), "NOT_IN_CONTRACT");
  });
});
