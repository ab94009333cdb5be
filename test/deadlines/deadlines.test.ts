import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { compareDates, isWorkday, yearOf } from "../../src/calendar/index.js";
import { contracts, parseContract, type Contract } from "../../src/contracts/index.js";
import { applyNotice, deadlines } from "../../src/deadlines/index.js";
import { expectRulesError } from "./helpers.js";

const familj = contracts.familjeradgivning;
const beroende = contracts.beroendemottagningen;
const vinr = contracts.valdINaraRelation;

function brief(list: ReturnType<typeof deadlines>): [string, string, number][] {
  return list.map((d) => [d.due, d.kind, d.covers]);
}

function withReporting(contract: Contract, reporting: unknown[]): Contract {
  const plain = JSON.parse(JSON.stringify(contract)) as Record<string, unknown>;
  return parseContract({ ...plain, reporting });
}

describe("deadlines", () => {
  it("Beroendemottagningen (from 2021-04-01, §5.5): nothing due in 2021, the 2021 report due 2022-03-31", () => {
    expect(deadlines(beroende, 2021)).toEqual([]);
    expect(deadlines(beroende, 2022)).toEqual([
      {
        due: "2022-03-31",
        kind: "activity-report",
        covers: 2021,
        clause: "Beroendemottagningen tillägg 2021 §5.5",
        workday: true, // a Thursday
        nominal: "2022-03-31",
        rolled: false,
        title: "Verksamhetsberättelse 2021",
        contractId: "beroendemottagningen",
        quote: beroende.reporting[0]?.quote,
      },
    ]);
  });

  it("lex Sarah only where the clause exists", () => {
    expect(brief(deadlines(beroende, 2024))).toEqual([["2024-03-31", "activity-report", 2023]]);
    expect(brief(deadlines(familj, 2024))).toEqual([
      ["2024-03-31", "activity-report", 2023],
      ["2024-03-31", "lex-sarah-summary", 2023],
    ]);
    expect(deadlines(familj, 2024).map((d) => d.clause)).toEqual(["SON 2021-233 §4.1", "SON 2021-233 §4.2"]);
    expect(deadlines(contracts.boendestod, 2019)).toEqual([]);
  });

  it("31 March 2024 is påskdagen: kept by default and flagged, rolled to 2 April with the option", () => {
    expect(deadlines(familj, 2024).map((d) => [d.due, d.workday, d.rolled])).toEqual([
      ["2024-03-31", false, false],
      ["2024-03-31", false, false],
    ]);
    const rolled = deadlines(familj, 2024, { roll: "next-workday" });
    expect(rolled.map((d) => [d.due, d.nominal, d.workday, d.rolled])).toEqual([
      ["2024-04-02", "2024-03-31", true, true],
      ["2024-04-02", "2024-03-31", true, true],
    ]);
  });

  it("31 March 2029 is a Saturday, 1 April påskdagen, 2 April annandag påsk → 3 April 2029", () => {
    expect(deadlines(familj, 2029, { roll: "next-workday" })[0]?.due).toBe("2029-04-03");
    expect(deadlines(familj, 2029)[0]?.due).toBe("2029-03-31");
  });

  it("a workday deadline does not move: 31 March 2025 is a Monday", () => {
    const d = deadlines(familj, 2025, { roll: "next-workday" })[0];
    expect([d?.due, d?.rolled, d?.workday]).toEqual(["2025-03-31", false, true]);
  });

  it("Familjerådgivning from 2022-01-01: nothing in 2022, the 2022 reports in 2023", () => {
    expect(deadlines(familj, 2022)).toEqual([]);
    expect(brief(deadlines(familj, 2023))).toEqual([
      ["2023-03-31", "activity-report", 2022],
      ["2023-03-31", "lex-sarah-summary", 2022],
    ]);
  });

  it("SON 2019-755 has no start date: the caller must give one", () => {
    const e = expectRulesError(() => deadlines(vinr, 2024), "UNKNOWN_START");
    expect(e.message).toContain("options.start");
    expect(brief(deadlines(vinr, 2024, { start: "2020-01-01" }))).toEqual([
      ["2024-03-31", "activity-report", 2023],
      ["2024-03-31", "lex-sarah-summary", 2023],
    ]);
    expect(deadlines(vinr, 2020, { start: "2020-01-01" })).toEqual([]);
    expect(deadlines(vinr, 2021, { start: "2020-12-31" }).length).toBe(2);
    expectRulesError(() => deadlines(beroende, 2022, { start: "2020-01-01" }), "INVALID_ARGUMENT");
  });

  it("a commission that ends still owes the report for its last year, and none after", () => {
    const ended = applyNotice(familj, { receivedOn: "2024-02-29", form: "written" }); // ends 2025-02-28
    expect(ended.term.end).toBe("2025-02-28");
    expect(brief(deadlines(ended, 2026))).toEqual([
      ["2026-03-31", "activity-report", 2025],
      ["2026-03-31", "lex-sarah-summary", 2025],
    ]);
    expect(deadlines(ended, 2027)).toEqual([]);
  });

  it("the date is the contract's data: a report due 15 February is due then", () => {
    const c = withReporting(familj, [{ kind: "activity-report", dueMonth: 2, dueDay: 15, covers: "previous-calendar-year", clause: "SON 2021-233 §4.1" }]);
    expect(brief(deadlines(c, 2024))).toEqual([["2024-02-15", "activity-report", 2023]]);
  });

  it("a 31 December deadline rolled into January belongs to the year it falls in", () => {
    const c = withReporting(familj, [{ kind: "activity-report", dueMonth: 12, dueDay: 31, covers: "previous-calendar-year", clause: "SON 2021-233 §4.1" }]);
    // 31 Dec 2023 is nyårsafton and a Sunday; 1 Jan is nyårsdagen → 2 Jan 2024.
    expect(brief(deadlines(c, 2024, { roll: "next-workday" }))).toEqual([
      ["2024-01-02", "activity-report", 2022],
      // 31 Dec 2024 (nyårsafton) rolls to 2 Jan 2025: not in 2024.
    ]);
    expect(brief(deadlines(c, 2025, { roll: "next-workday" }))).toEqual([["2025-01-02", "activity-report", 2023]]);
    expect(brief(deadlines(c, 2024))).toEqual([["2024-12-31", "activity-report", 2023]]);
  });

  it("rejects bad arguments", () => {
    expectRulesError(() => deadlines(familj, 2024.5), "INVALID_ARGUMENT");
    expectRulesError(() => deadlines(familj, 2024, { roll: "previous" as "none" }), "INVALID_ARGUMENT");
    expectRulesError(() => deadlines(vinr, 2024, { start: "2020-02-30" }), "INVALID_DATE");
  });

  test.prop([fc.integer({ min: 1990, max: 2150 }), fc.constantFrom("none" as const, "next-workday" as const)])(
    "every deadline falls in the asked year; rolled ones are workdays never before the nominal date",
    (year, roll) => {
      for (const c of [familj, beroende]) {
        for (const d of deadlines(c, year, { roll })) {
          expect(yearOf(d.due)).toBe(year);
          expect(d.covers).toBe(yearOf(d.nominal) - 1);
          expect(compareDates(d.due, d.nominal)).toBeGreaterThanOrEqual(0);
          expect(d.workday).toBe(isWorkday(d.due));
          if (roll === "next-workday") expect(d.workday).toBe(true);
          else expect(d.due).toBe(d.nominal);
        }
      }
    },
  );
});
