/**
 * A caller's `Decimal.set(...)` on their own copy of decimal.js changes
 * nothing: the package computes with its own isolated clone.
 *
 * @module
 */
import { Decimal as CallerDecimal } from "decimal.js";
import { afterEach, describe, expect, it } from "vitest";
import { annualAmount, contracts, indexedAmount, split, statement, twelfths, yearReport } from "../../src/index.js";

const SAVED = { precision: CallerDecimal.precision, rounding: CallerDecimal.rounding, toExpNeg: CallerDecimal.toExpNeg, toExpPos: CallerDecimal.toExpPos, modulo: CallerDecimal.modulo };

afterEach(() => {
  CallerDecimal.set(SAVED);
});

const sessions = [
  { id: "S1", date: "2022-03-02", minutes: 50, kind: "individual" as const },
  { id: "S2", date: "2022-03-09", minutes: 61, kind: "individual" as const },
  { id: "G1", date: "2022-03-10", minutes: 90, kind: "group" as const, participants: 6 },
  { id: "S3", date: "2022-12-12", minutes: 47, kind: "individual" as const },
];

/** The figures a caller's settings must not change, as exact strings. */
function figures(): Record<string, unknown> {
  const index = { name: "uppräkningsmodell", percent: { 2023: "3.33", 2024: "4.17" } };
  return {
    statementTotal: statement(contracts.familjeradgivning, "2022-03", { sessions }).total.toString(),
    statementLines: statement(contracts.familjeradgivning, "2022-03", { sessions }).lines.map((l) => [l.quantity.toString(), l.unitPrice.toString(), l.amount.toString()]),
    fixedTwelfth: statement(contracts.beroendemottagningen, "2023-01").total.toString(),
    partialMonth: statement(contracts.valdINaraRelation, "2020-03", { start: "2020-03-17" }).total.toString(),
    hourVolume: statement(contracts.boendestod, "2018-05", { sessions: [{ id: "B1", date: "2018-05-02", minutes: 77, kind: "individual" }] }).total.toString(),
    yearTotal: yearReport(contracts.familjeradgivning, 2024, { sessions: [{ id: "S9", date: "2024-02-01", minutes: 50, kind: "individual" }], index }).total.toString(),
    twelfths: twelfths("1827000.11").map(String),
    twelfthsBig: twelfths("4093284.05").map(String),
    split: split("1827000", [31, 28, 31]).map(String),
    annualAmount: annualAmount(contracts.beroendemottagningen, 2023).toString(),
    annualAmountVINR: annualAmount(contracts.valdINaraRelation, 2023).toString(),
    hourlyRate: annualAmount(contracts.familjeradgivning, 2024, { index }).toString(),
    cumulative: indexedAmount(contracts.beroendemottagningen, 2023, { rounding: "cumulative" }).amount.toString(),
    fromCallerDecimal: twelfths(new CallerDecimal("1827000.55")).map(String),
  };
}

describe("a caller's decimal.js settings change nothing", () => {
  it("Decimal.set({ precision: 3, rounding: ROUND_DOWN })", () => {
    const before = figures();
    CallerDecimal.set({ precision: 3, rounding: CallerDecimal.ROUND_DOWN });
    const after = figures();
    CallerDecimal.set(SAVED);
    expect(after).toEqual(before);
    expect(before.statementTotal).toBe("4991.25");
    expect(before.twelfths).toEqual([...Array<string>(11).fill("152250"), "152250.11"]);
  });

  it("and with exponent notation and another modulo mode too", () => {
    const before = figures();
    CallerDecimal.set({ precision: 3, rounding: CallerDecimal.ROUND_DOWN, toExpNeg: -1, toExpPos: 2, modulo: CallerDecimal.EUCLID });
    const after = figures();
    CallerDecimal.set(SAVED);
    expect(after).toEqual(before);
  });
});
