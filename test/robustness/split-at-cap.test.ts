/**
 * A session split at the cap or hour volume: its payable line and its
 * over-cap line add up to the session's own amount (all its time at the
 * price, rounded once), as docs/billing.md promises — also under an implied
 * hourly price, where the payable line is priced by the month's cumulative
 * spread (issue 18 item 10: 15.68 + 7.84 for a session worth 23.53). And a
 * year report, which sums its months without building their lines, reaches
 * the same totals as its statements, and a settlement books the same lines.
 *
 * @module
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { contracts, Decimal, parseContract, settle, statement, yearReport, type Contract, type Session, type Statement } from "../../src/index.js";

/** Boendestöd 2019 (1 700 h, 102 000 minutes, for 800 000 kr, no stated price) with another annual cost. */
function boendestodCosting(annualCost: string): Contract {
  const data = JSON.parse(JSON.stringify(contracts.boendestod)) as { compensation: { annualCost: string } };
  data.compensation.annualCost = annualCost;
  return parseContract(data);
}

/** Round half-up to the öre, the package's default, computed here independently. */
function sessionAmount(minutes: number, annualCost: string): string {
  return new Decimal(minutes).times(annualCost).dividedBy(102_000).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

/** What is wrong with the split lines of `s`, or undefined. */
function splitProblem(s: Statement, minutesOf: ReadonlyMap<string, number>, annualCost: string): string | undefined {
  for (const over of s.lines.filter((l) => l.kind === "over-cap")) {
    if (over.amount.isNegative()) return `${over.id}: a negative over part ${over.amount.toString()}`;
    const within = s.lines.find((l) => l.kind === "session" && `${l.id}:over-cap` === over.id);
    const minutes = minutesOf.get(over.sessionId ?? "") ?? 0;
    const whole = sessionAmount(minutes, annualCost);
    if (over.explanation.figures.sessionAmount !== whole) return `${over.id}: sessionAmount ${String(over.explanation.figures.sessionAmount)}, not ${whole}`;
    if (within === undefined) {
      if (over.amount.toFixed(2) !== whole) return `${over.id}: all over the volume, ${over.amount.toFixed(2)} is not the session's ${whole}`;
      continue;
    }
    if (over.explanation.figures.withinCapAmount !== within.amount.toFixed(2)) return `${over.id}: withinCapAmount is not the payable line's amount`;
    const sum = within.amount.plus(over.amount);
    // At a price under an öre a minute the month's spread can give the payable part more than the session is worth; then nothing is over.
    if (within.amount.greaterThan(whole) ? !over.amount.isZero() : !sum.equals(whole)) {
      return `${over.id}: ${within.amount.toFixed(2)} + ${over.amount.toFixed(2)} is not the session's ${whole}`;
    }
  }
  return undefined;
}

/** A year's sessions that reach the 102 000-minute volume in February and cross it. */
const crossing = fc
  .record({
    left: fc.integer({ min: 0, max: 400 }),
    february: fc.uniqueArray(fc.record({ day: fc.integer({ min: 1, max: 28 }), minutes: fc.integer({ min: 1, max: 240 }), id: fc.stringMatching(/^[A-F][0-9]$/) }), {
      minLength: 1,
      maxLength: 8,
      selector: (s) => s.id,
    }),
  })
  .map(({ left, february }): Session[] => [
    { id: "JAN", date: "2019-01-02", minutes: 102_000 - left, kind: "individual" },
    ...february.map((s): Session => ({ id: s.id, date: `2019-02-${s.day.toString().padStart(2, "0")}`, minutes: s.minutes, kind: "individual" })),
  ]);

const annualCosts = fc.constantFrom("800000", "600000", "799999.99", "1", "37", "12345678.91");
const overCap = fc.constantFrom("not-payable", "pay-with-warning");

describe("a session split at the hour volume adds up to the session", () => {
  test.prop([crossing, annualCosts, overCap], { numRuns: 150 })("statement: payable part + over part = the session's own amount", (sessions, annualCost, policy) => {
    const contract = annualCost === "800000" ? contracts.boendestod : boendestodCosting(annualCost);
    const s = statement(contract, "2019-02", { sessions, policies: { overCap: policy } });
    const minutesOf = new Map(sessions.map((x) => [x.id, x.minutes]));
    expect(splitProblem(s, minutesOf, annualCost)).toBeUndefined();
  });

  test.prop([crossing, annualCosts, overCap], { numRuns: 60 })("yearReport: its total and notPayable are its statements'", (sessions, annualCost, policy) => {
    const contract = annualCost === "800000" ? contracts.boendestod : boendestodCosting(annualCost);
    const r = yearReport(contract, 2019, { sessions, policies: { overCap: policy } });
    const sum = (key: "total" | "notPayable") => r.statements.reduce((a, s) => a.plus(s[key]), new Decimal(0));
    expect(r.total.toFixed(2)).toBe(sum("total").toFixed(2));
    expect(r.notPayable.toFixed(2)).toBe(sum("notPayable").toFixed(2));
  });

  test.prop([crossing, annualCosts], { numRuns: 60 })("settle: what is due per line is the statement's payable lines (over-cap paid with a warning)", (sessions, annualCost) => {
    const contract = annualCost === "800000" ? contracts.boendestod : boendestodCosting(annualCost);
    const input = { sessions, policies: { overCap: "pay-with-warning" as const } };
    const s = statement(contract, "2019-02", input);
    const due = new Map(settle(contract, "2019-02", { ...input, from: "2019-02" }).entries.map((e) => [e.lineId, e.amount.toFixed(2)]));
    for (const line of s.lines.filter((l) => l.payable && !l.amount.isZero())) expect(due.get(line.id), line.id).toBe(line.amount.toFixed(2));
  });

  it("the oracle's case: Boendestöd 2019, 101 996 + 2 + 3 minutes: 15.68 + 7.85 = 23.53 in the statement, the year report and a settlement", () => {
    const sessions: Session[] = [
      { id: "V1", date: "2019-01-02", minutes: 101_996, kind: "individual" },
      { id: "V2", date: "2019-02-04", minutes: 2, kind: "individual" },
      { id: "V3", date: "2019-02-05", minutes: 3, kind: "individual" },
    ];
    const s = statement(contracts.boendestod, "2019-02", { sessions });
    expect(s.lines.map((l) => [l.id, l.amount.toFixed(2)])).toEqual([
      ["boendestod:2019-02:session:V2", "15.69"],
      ["boendestod:2019-02:session:V3", "15.68"],
      ["boendestod:2019-02:session:V3:over-cap", "7.85"],
    ]);
    expect(s.lines[2]?.explanation.figures).toMatchObject({ sessionAmount: "23.53", withinCapAmount: "15.68", amount: "7.85" });
    expect(yearReport(contracts.boendestod, 2019, { sessions }).notPayable.toFixed(2)).toBe("7.85");
    const paid = { sessions, policies: { overCap: "pay-with-warning" as const } };
    const entries = settle(contracts.boendestod, "2019-02", { ...paid, from: "2019-02" }).entries;
    expect(entries.map((e) => [e.lineId, e.amount.toFixed(2)])).toEqual([
      ["boendestod:2019-02:session:V2", "15.69"],
      ["boendestod:2019-02:session:V3", "15.68"],
      ["boendestod:2019-02:session:V3:over-cap", "7.85"],
    ]);
  });
});
