/**
 * A year report sums its totals and warnings from the sessions' outcomes
 * without building a line, and builds its statements only when they are
 * read. These tests hold the two paths to each other: whatever the input and
 * the policies, the report's figures are exactly what its statements sum to.
 *
 * @module
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { contracts, Decimal, RulesError, statement, yearReport, type Contract, type Session, type YearReport } from "../../src/index.js";
import { plausibleYearReportArgs } from "../robustness/arbitraries.js";
import { kr, variant } from "./helpers.js";

/** The exact sum of some Decimals, with two decimals. */
function sum(list: readonly Decimal[]): string {
  return kr(list.reduce((acc, d) => acc.plus(d), new Decimal(0)));
}

/** What the report's statements add up to, read after the report's own figures. */
function fromStatements(report: YearReport): { total: string; notPayable: string; fees: string; warnings: string[] } {
  const warnings: string[] = [];
  for (const s of report.statements) for (const w of s.warnings) if (!warnings.includes(w)) warnings.push(w);
  return {
    total: sum(report.statements.map((s) => s.total)),
    notPayable: sum(report.statements.map((s) => s.notPayable)),
    fees: sum(report.statements.map((s) => s.feesOwedToPurchaser)),
    warnings,
  };
}

function expectConsistent(report: YearReport): void {
  // The report's own figures first: reading them does not build the statements.
  const own = {
    total: kr(report.total),
    notPayable: kr(report.notPayable),
    fees: kr(report.feesOwedToPurchaser),
    warnings: report.warnings.filter((w) => !w.includes("has no reconciliation clause")),
    due: (report.reconciliation?.quarters ?? []).map((q) => kr(q.due)),
  };
  const built = fromStatements(report);
  expect(own.total).toBe(built.total);
  expect(own.notPayable).toBe(built.notPayable);
  expect(own.fees).toBe(built.fees);
  expect(own.warnings).toEqual(built.warnings);
  const byQuarter = (report.reconciliation?.quarters ?? []).map((q) => sum(report.statements.filter((s) => q.months.includes(s.month)).map((s) => s.total)));
  expect(own.due).toEqual(byQuarter);
}

/** Familjerådgivning with a small cap and a term ending mid-September, so that caps are crossed and sessions fall outside the term. */
const smallCap: Contract = variant(contracts.familjeradgivning, (c) => {
  c.compensation.yearlyCap.hours = "12";
  c.term.end = "2022-09-15";
});
/** Boendestöd with a small volume: the implied hourly price (annual cost ÷ hours) is priced cumulatively and split over lines. */
const smallVolume: Contract = variant(contracts.boendestod, (c) => {
  c.compensation.hoursPerYear = "7";
  c.compensation.statedYears = [];
});

const POLICIES = fc.record(
  {
    overCap: fc.constantFrom("not-payable", "pay-with-warning"),
    groupOutsideRule: fc.constantFrom("actual-time", "not-billable"),
    groupHours: fc.constantFrom("quarter-rounded", "whole-hours"),
    quarterRounding: fc.constantFrom("per-session", "per-month-per-case"),
    visitFee: fc.constantFrom("per-visit", "per-participant"),
  },
  { requiredKeys: [] },
);

/** Sessions on a few days of a year (so days hold several), ids not in input order, some groups and some non-residents. */
function sessionsOf(year: number): fc.Arbitrary<Session[]> {
  const one = fc.record({
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.constantFrom(3, 3, 15, 28),
    minutes: fc.oneof(fc.integer({ min: 0, max: 150 }), fc.constantFrom(45, 60, 90)),
    group: fc.boolean(),
    participants: fc.integer({ min: 1, max: 8 }),
    resident: fc.constantFrom(true, true, false, undefined),
    caseId: fc.constantFrom("P1", "P2", "P3"),
    key: fc.integer({ min: 0, max: 999 }),
  });
  return fc.array(one, { maxLength: 40 }).map((list) =>
    list.map((s, i) => {
      const session: Session = {
        id: `${s.key.toString().padStart(3, "0")}-${i.toString()}`,
        date: `${year.toString()}-${s.month.toString().padStart(2, "0")}-${s.day.toString().padStart(2, "0")}`,
        minutes: s.minutes,
        kind: s.group ? "group" : "individual",
        caseId: s.caseId,
      };
      if (s.group) session.participants = s.participants;
      if (s.resident !== undefined) session.resident = s.resident;
      return session;
    }),
  );
}

describe("a year report's figures are what its statements sum to", () => {
  test.prop([plausibleYearReportArgs], { numRuns: 60 })("for any well-formed input of the shipped commissions", ([contract, year, input]) => {
    let report: YearReport;
    try {
      report = yearReport(contract as Contract, year as number, input as never);
    } catch (e) {
      if (e instanceof RulesError) return;
      throw e;
    }
    expectConsistent(report);
  });

  test.prop([sessionsOf(2022), POLICIES, fc.boolean()], { numRuns: 150 })(
    "hourly, with a cap crossed, call-offs, groups, a term ending mid-year and every policy",
    (sessions, policies, callOff) => {
      const callOffs = callOff ? [{ id: "A1", date: "2022-05-15", hours: "3.5", form: "written" as const }] : [];
      expectConsistent(yearReport(smallCap, 2022, { sessions, callOffs, policies }));
    },
  );

  test.prop([sessionsOf(2019), fc.constantFrom("not-payable", "pay-with-warning")], { numRuns: 100 })(
    "hour volume at an implied price, with the volume crossed",
    (sessions, overCap) => {
      const plain = sessions.map((s) => {
        const copy = { ...s };
        delete copy.caseId;
        return copy;
      });
      expectConsistent(yearReport(smallVolume, 2019, { sessions: plain, policies: { overCap } }));
    },
  );
});

describe("the statements of a year report are built when first read", () => {
  const sessions: Session[] = [
    { id: "S2", date: "2022-03-04", minutes: 61, kind: "individual" },
    { id: "S1", date: "2022-03-04", minutes: 50, kind: "individual", resident: false },
  ];

  it("are the same as the month's statement", () => {
    const report = yearReport(contracts.familjeradgivning, 2022, { sessions });
    expect(report.statements).toHaveLength(12);
    expect(report.statements[2]).toEqual(statement(contracts.familjeradgivning, "2022-03", { sessions }));
    expect(report.statements[2]?.lines.map((l) => l.id)).toEqual(["familjeradgivning:2022-03:session:S1", "familjeradgivning:2022-03:session:S2"]);
  });

  it("are built once and kept", () => {
    const report = yearReport(contracts.familjeradgivning, 2022, { sessions });
    const first = report.statements;
    expect(report.statements).toBe(first);
    expect(Object.getOwnPropertyDescriptor(report, "statements")?.value).toBe(first);
  });

  it("are seen by JSON, spreading and deep equality like any property, in the same place", () => {
    const a = yearReport(contracts.familjeradgivning, 2022, { sessions });
    const b = yearReport(contracts.familjeradgivning, 2022, { sessions });
    const json = JSON.parse(JSON.stringify(a)) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(Object.keys(b));
    expect(Object.keys(json).indexOf("statements")).toBe(3);
    expect((json.statements as unknown[]).length).toBe(12);
    expect({ ...a }.statements[2]?.total.toFixed(2)).toBe("1361.25");
    expect(a).toEqual(b);
  });

  it("can be read from a frozen report, and replaced", () => {
    const frozen = Object.freeze(yearReport(contracts.familjeradgivning, 2022, { sessions }));
    expect(frozen.statements[2]?.total.toFixed(2)).toBe("1361.25");
    expect(frozen.statements).toBe(frozen.statements);
    const report = yearReport(contracts.familjeradgivning, 2022, { sessions });
    report.statements = [];
    expect(report.statements).toEqual([]);
  });

  it("a year report's warnings are in line order, as its statements'", () => {
    const report = yearReport(contracts.familjeradgivning, 2022, {
      sessions: [
        { id: "B", date: "2022-03-04", minutes: 50, kind: "individual", resident: false },
        { id: "A", date: "2022-03-04", minutes: 50, kind: "individual", resident: false },
        { id: "C", date: "2022-03-03", minutes: 50, kind: "individual", resident: false },
      ],
    });
    expect(report.warnings.map((w) => w.slice(0, 9))).toEqual(["session C", "session A", "session B"]);
  });
});

describe("a group outside the term", () => {
  it("is explained by the group rule it met, not as outside the rule", () => {
    const ended = variant(contracts.familjeradgivning, (c) => {
      c.term.end = "2022-06-15";
    });
    const s = statement(ended, "2022-06", { sessions: [{ id: "G1", date: "2022-06-20", minutes: 90, kind: "group", participants: 6 }] });
    const line = s.lines[0];
    expect(line?.kind).toBe("outside-term");
    expect(line?.payable).toBe(false);
    expect(line?.description).toBe("Grupp 2022-06-20 (G1), 6 deltagare, 90 min = 1.5 grupptimmar × 4, utanför uppdragstiden / Group G1 outside the term");
    expect(line?.explanation.figures).toMatchObject({ groupQuarters: "6", factor: "4", clientHours: "6", hours: "6", amount: "3630.00" });
    expect(line?.explanation.figures.outsideRule).toBeUndefined();
  });
});
