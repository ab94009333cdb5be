import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { addDays, fromDayNumber } from "../../src/calendar/index.js";
import { contracts, parseContract } from "../../src/contracts/index.js";
import { waitingTimes, type Intake } from "../../src/deadlines/index.js";
import { expectRulesError } from "./helpers.js";

/** Dates in 2023–2025 (day numbers since 1970-01-01), so that months hold several cases. */
const dateArb = fc.integer({ min: 19358, max: 20453 }).map(fromDayNumber);

const familj = contracts.familjeradgivning;

function withDays(goal: number, report: number) {
  const plain = JSON.parse(JSON.stringify(familj)) as {
    serviceLevels: { firstMeetingWithinDays: { days: number }; reportWaitsOverDays: { days: number } };
  };
  plain.serviceLevels.firstMeetingWithinDays.days = goal;
  plain.serviceLevels.reportWaitsOverDays.days = report;
  return parseContract(plain);
}

// Worked by hand, looked at on 29 February 2024.
// January: a 14 days (met: "inom två veckor" includes day 14), b 15 days (missed), c 3 days (met).
// February: d 20 days (missed), e still waiting, 10 days so far (pending).
const intakes: Intake[] = [
  { id: "a", firstContact: "2024-01-01", firstMeeting: "2024-01-15" },
  { id: "b", firstContact: "2024-01-10", firstMeeting: "2024-01-25" },
  { id: "c", firstContact: "2024-01-29", firstMeeting: "2024-02-01" },
  { id: "d", firstContact: "2024-02-01", firstMeeting: "2024-02-21" },
  { id: "e", firstContact: "2024-02-19", firstMeeting: null },
];

describe("waitingTimes (SON 2021-233 §2.3: a meeting within two weeks; report waits over 14 days that persist)", () => {
  it("per case: days from first contact to first meeting, or so far", () => {
    const w = waitingTimes(familj, intakes, { asOf: "2024-02-29" });
    expect(w.cases.map((c) => [c.id, c.month, c.waitDays, c.status, c.overReportLimit])).toEqual([
      ["a", "2024-01", 14, "met", false],
      ["b", "2024-01", 15, "missed", true],
      ["c", "2024-01", 3, "met", false],
      ["d", "2024-02", 20, "missed", true],
      ["e", "2024-02", 10, "pending", false],
    ]);
    expect([w.goalDays, w.goalClause, w.reportOverDays, w.reportClause]).toEqual([14, "SON 2021-233 §2.3", 14, "SON 2021-233 §2.3"]);
  });

  it("per month of first contact: cases, exact share within 14 days, longest wait", () => {
    const w = waitingTimes(familj, intakes, { asOf: "2024-02-29" });
    expect(w.months).toEqual([
      {
        month: "2024-01",
        cases: 3,
        met: 2,
        missed: 1,
        pending: 0,
        withinGoal: { numerator: 2, denominator: 3, percent: "66.67" },
        longestWaitDays: 15,
        longestWaitId: "b",
        overReportLimit: true,
      },
      {
        month: "2024-02",
        cases: 2,
        met: 0,
        missed: 1,
        pending: 1,
        withinGoal: { numerator: 0, denominator: 1, percent: "0.00" },
        longestWaitDays: 20,
        longestWaitId: "d",
        overReportLimit: true,
      },
    ]);
    expect(w.persistent).toEqual([{ from: "2024-01", to: "2024-02", months: 2 }]);
    expect(w.informPurchaser).toBe(true);
  });

  it("a month without long waits breaks the run; persistMonths is a named choice", () => {
    const list: Intake[] = [
      { id: "1", firstContact: "2024-01-02", firstMeeting: "2024-01-30" }, // 28
      { id: "2", firstContact: "2024-02-01", firstMeeting: "2024-02-05" }, // 4
      { id: "3", firstContact: "2024-03-01", firstMeeting: "2024-03-20" }, // 19
      { id: "4", firstContact: "2024-05-02", firstMeeting: "2024-05-30" }, // 28; April has no cases
    ];
    const w = waitingTimes(familj, list);
    expect(w.months.map((m) => [m.month, m.cases, m.overReportLimit])).toEqual([
      ["2024-01", 1, true],
      ["2024-02", 1, false],
      ["2024-03", 1, true],
      ["2024-04", 0, false],
      ["2024-05", 1, true],
    ]);
    expect(w.months[3]?.withinGoal).toBeNull();
    expect(w.months[3]?.longestWaitDays).toBeNull();
    expect(w.persistent).toEqual([]);
    expect(w.informPurchaser).toBe(false);
    const one = waitingTimes(familj, list, { persistMonths: 1 });
    expect(one.persistent.map((r) => r.from)).toEqual(["2024-01", "2024-03", "2024-05"]);
    expect(one.persistMonths).toBe(1);
  });

  it("a meeting after asOf counts as still waiting at asOf", () => {
    const w = waitingTimes(familj, [{ id: "x", firstContact: "2024-03-01", firstMeeting: "2024-03-30" }], { asOf: "2024-03-10" });
    expect(w.cases[0]).toMatchObject({ firstMeeting: null, waitDays: 9, status: "pending" });
  });

  it("takes both day counts from the contract", () => {
    const w = waitingTimes(withDays(7, 21), intakes, { asOf: "2024-02-29" });
    expect(w.cases.map((c) => [c.status, c.overReportLimit])).toEqual([
      ["missed", false], // 14 > 7
      ["missed", false], // 15 ≤ 21
      ["met", false],
      ["missed", false], // 20 ≤ 21
      ["missed", false], // 10 > 7, still waiting
    ]);
    expect(w.informPurchaser).toBe(false);
  });

  it("needs the goal in the contract", () => {
    expectRulesError(() => waitingTimes(contracts.valdINaraRelation, intakes, { asOf: "2024-02-29" }), "NOT_IN_CONTRACT");
  });

  it("rejects bad input naming the field", () => {
    const bad = (list: unknown, code: Parameters<typeof expectRulesError>[1], field: string, options = { asOf: "2024-02-29" }) => {
      const e = expectRulesError(() => waitingTimes(familj, list as Intake[], options), code);
      expect(e.issues[0]?.path).toBe(field);
    };
    bad([...intakes, { id: "a", firstContact: "2024-02-01", firstMeeting: null }], "DUPLICATE_ID", "intakes.5.id");
    bad([intakes[0], intakes[1], intakes[2], { id: "z", firstContact: "2024-02-10", firstMeeting: "2024-02-09" }], "INVALID_INPUT", "intakes.3.firstMeeting");
    bad([{ id: "z", firstContact: "2024-02-30", firstMeeting: null }], "INVALID_DATE", "intakes.0.firstContact");
    bad([{ id: "z", firstContact: "2024-02-01", firstMeeting: "2024-02-1" }], "INVALID_DATE", "intakes.0.firstMeeting");
    bad([{ id: "", firstContact: "2024-02-01", firstMeeting: null }], "INVALID_INPUT", "intakes.0.id");
    bad([{ id: "z", firstContact: "2024-03-01", firstMeeting: null }], "INVALID_INPUT", "intakes.0.firstContact");
    bad([null], "INVALID_INPUT", "intakes.0");
    bad("x", "INVALID_INPUT", "intakes");
    expectRulesError(() => waitingTimes(familj, [{ id: "z", firstContact: "2024-02-01", firstMeeting: null }]), "INVALID_INPUT");
    expectRulesError(() => waitingTimes(familj, intakes, { asOf: "2024-02-29", persistMonths: 0 }), "INVALID_ARGUMENT");
  });

  test.prop([fc.array(fc.tuple(dateArb, fc.option(fc.integer({ min: 0, max: 60 }), { nil: null })), { maxLength: 60 })])(
    "counts add up and the share is met ÷ decided",
    (rows) => {
      const list = rows.map(([contact, wait], i) => ({ id: `c${i.toString()}`, firstContact: contact, firstMeeting: wait === null ? null : addDays(contact, wait) }));
      const w = waitingTimes(familj, list, { asOf: "2100-01-01" });
      expect(w.months.reduce((n, m) => n + m.cases, 0)).toBe(list.length);
      for (const m of w.months) {
        expect(m.met + m.missed + m.pending).toBe(m.cases);
        if (m.withinGoal !== null) {
          expect(m.withinGoal.denominator).toBe(m.met + m.missed);
          const exact = (100 * m.met) / (m.met + m.missed);
          expect(Math.abs(Number(m.withinGoal.percent) - exact)).toBeLessThanOrEqual(0.005);
        }
      }
    },
  );
});
