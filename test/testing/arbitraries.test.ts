/**
 * The arbitraries of `verksamhetsuppdrag/testing`: what they make is valid,
 * varied and usable with the library, and the laws docs/testing.md states
 * hold for it.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import {
  contracts,
  parseContract,
  settle,
  settlementToJSON,
  statement,
  yearReport,
  annualAmount,
  sumOre,
  toOre,
  type Contract,
  type LedgerEntryJSON,
} from "../../src/index.js";
import { callOffsArbitrary, contractArbitrary, correctionsArbitrary, indexSeriesArbitrary, yearSessionsArbitrary } from "../../src/testing/index.js";

const roundTrip = (data: unknown): Contract => parseContract(JSON.parse(JSON.stringify(data)));

describe("contractArbitrary", () => {
  test.prop([contractArbitrary()], { numRuns: 500 })("every generated commission passes parseContract after a JSON round trip", (data) => {
    const contract = roundTrip(data);
    expect(contract.id).toBe(data.id);
    expect(contract.compensation.kind).toBe(data.compensation.kind);
  });

  it("makes each kind, with and without each clause, and unknown starts", () => {
    const seen = new Set<string>();
    for (const data of fc.sample(contractArbitrary(), { numRuns: 400, seed: 14 })) {
      seen.add(data.compensation.kind);
      seen.add(data.indexation === null ? "no-index" : "index");
      seen.add(data.callOffs === null ? "no-call-offs" : "call-offs");
      seen.add(data.term.start === "unknown" ? "unknown-start" : "start");
      seen.add(data.term.end === null ? "open-ended" : "fixed");
      if (data.compensation.kind === "hourly") seen.add(data.compensation.yearlyCap === null ? "no-cap" : "cap");
    }
    expect([...seen].sort()).toEqual(
      ["call-offs", "cap", "fixed", "fixed-annual", "hour-volume", "hourly", "index", "no-call-offs", "no-cap", "no-index", "open-ended", "start", "unknown-start"],
    );
  });

  it("holds the options fixed", () => {
    for (const data of fc.sample(contractArbitrary({ kind: "hourly", cap: true, callOffs: true, indexation: false, unknownStart: true }), { numRuns: 50, seed: 1 })) {
      expect(data.compensation.kind).toBe("hourly");
      expect(data.compensation.kind === "hourly" && data.compensation.yearlyCap !== null).toBe(true);
      expect(data.callOffs).not.toBeNull();
      expect(data.indexation).toBeNull();
      expect(data.term.start).toBe("unknown");
    }
  });

  test.prop([contractArbitrary({ unknownStart: false, indexation: false, years: { min: 2019, max: 2023 } })], { numRuns: 150 })(
    "a generated commission computes its first month's statement, never a float",
    (data) => {
      const contract = roundTrip(data);
      const month = contract.term.start.slice(0, 7);
      const s = statement(contract, month);
      expect(s.total.toFixed(2)).toMatch(/^\d+\.\d{2}$/);
    },
  );
});

describe("yearSessionsArbitrary", () => {
  test.prop([yearSessionsArbitrary(contracts.familjeradgivning, 2022)], { numRuns: 200 })("a year's sessions are accepted by yearReport, ids unique", (sessions) => {
    expect(new Set(sessions.map((s) => s.id)).size).toBe(sessions.length);
    for (const s of sessions) expect(s.date.startsWith("2022-")).toBe(true);
    const r = yearReport(contracts.familjeradgivning, 2022, { sessions });
    expect(r.total.plus(r.notPayable).gte(0)).toBe(true);
  });

  it("reaches the edges: minutes, participants around the group rule's 5, the term's first day", () => {
    const samples = fc.sample(yearSessionsArbitrary(contracts.familjeradgivning, 2022), { numRuns: 300, seed: 7 }).flat();
    const minutes = new Set(samples.map((s) => s.minutes));
    for (const m of [0, 14, 15, 16, 59, 60, 61, 119, 120, 121]) expect(minutes.has(m), `minutes ${m.toString()}`).toBe(true);
    const participants = new Set(samples.filter((s) => s.kind === "group").map((s) => s.participants));
    for (const p of [4, 5, 6]) expect(participants.has(p), `participants ${p.toString()}`).toBe(true);
    expect(samples.some((s) => s.date === "2022-01-01")).toBe(true);
    expect(samples.some((s) => s.date === "2022-12-31")).toBe(true);
  });

  it("crosses the term's edges: the day before a mid-year start", () => {
    const samples = fc.sample(yearSessionsArbitrary(contracts.beroendemottagningen, 2021), { numRuns: 300, seed: 3 }).flat();
    expect(samples.some((s) => s.date === "2021-03-31")).toBe(true);
    expect(samples.some((s) => s.date === "2021-04-01")).toBe(true);
  });
});

describe("callOffsArbitrary and indexSeriesArbitrary", () => {
  test.prop([yearSessionsArbitrary(contracts.familjeradgivning, 2022), callOffsArbitrary(2022)], { numRuns: 100 })(
    "written call-offs raise the cap and never lower what is paid",
    (sessions, callOffs) => {
      const without = yearReport(contracts.familjeradgivning, 2022, { sessions });
      const withCallOffs = yearReport(contracts.familjeradgivning, 2022, { sessions, callOffs });
      expect(withCallOffs.total.gte(without.total)).toBe(true);
    },
  );

  test.prop([indexSeriesArbitrary("OPI", 2022, 2030)], { numRuns: 100 })("an index series prices every year it covers", (index) => {
    expect(Object.keys(index.values ?? {})).toEqual(["2022", "2023", "2024", "2025", "2026", "2027", "2028", "2029", "2030"]);
    expect(annualAmount(contracts.beroendemottagningen, 2030, { index }).toFixed(2)).toMatch(/^\d+\.\d{2}$/);
  });
});

describe("correctionsArbitrary", () => {
  test.prop([correctionsArbitrary(contracts.familjeradgivning, 2022)], { numRuns: 150 })(
    "settling the corrections in turn books, per month, what a statement of the last known sessions pays",
    (steps) => {
      const ledger: LedgerEntryJSON[] = [];
      for (const step of steps) ledger.push(...settlementToJSON(settle(contracts.familjeradgivning, step.month, { ...step.input, paid: [...ledger] })).entries);
      const last = steps.at(-1)!;
      for (const step of steps) {
        const booked = sumOre(ledger.filter((e) => e.month === step.month && e.kind === "provider").map((e) => toOre(e.amount)));
        const due = statement(contracts.familjeradgivning, step.month, { sessions: last.input.sessions ?? [] }).total;
        expect(booked, step.month).toBe(toOre(due));
      }
    },
  );

  it("makes late, changed and removed sessions", () => {
    let late = false;
    let changed = false;
    let removed = false;
    for (const steps of fc.sample(correctionsArbitrary(contracts.familjeradgivning, 2022, { firstMonth: 3, maxSteps: 4 }), { numRuns: 300, seed: 5 })) {
      for (let k = 1; k < steps.length; k++) {
        const before = new Map((steps[k - 1]!.input.sessions ?? []).map((s) => [s.id, s]));
        const now = new Map((steps[k]!.input.sessions ?? []).map((s) => [s.id, s]));
        for (const [id, s] of now) {
          const was = before.get(id);
          if (was === undefined && s.date < steps[k]!.month) late = true;
          if (was !== undefined && was.minutes !== s.minutes) changed = true;
        }
        for (const id of before.keys()) if (!now.has(id)) removed = true;
      }
    }
    expect({ late, changed, removed }).toEqual({ late: true, changed: true, removed: true });
  });
});

describe("shrinking", () => {
  it("a failing year of sessions shrinks to the one session that breaks the rule", () => {
    const result = fc.check(
      fc.property(yearSessionsArbitrary(contracts.familjeradgivning, 2022), (sessions) => sessions.every((s) => s.minutes <= 60)),
      { seed: 14 },
    );
    expect(result.failed).toBe(true);
    expect(result.counterexample).toEqual([[{ id: "S1", date: "2022-01-01", minutes: 61, kind: "individual" }]]);
  });

  it("a failing commission shrinks to a small one", () => {
    const result = fc.check(
      fc.property(contractArbitrary({ kind: "hourly" }), (data) => data.compensation.kind !== "hourly" || data.compensation.yearlyCap === null),
      { seed: 14 },
    );
    expect(result.failed).toBe(true);
    const [data] = result.counterexample!;
    expect([data.id, data.term.start, data.compensation.kind === "hourly" ? data.compensation.yearlyCap?.hours : null]).toEqual(["exempel-1", "2018-01-01", "1"]);
  });
});
