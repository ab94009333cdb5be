/**
 * A caller's `Decimal.set(...)` on their own copy of decimal.js changes
 * nothing: the package computes with its own isolated clone.
 *
 * @module
 */
import { Decimal as CallerDecimal } from "decimal.js";
import { afterEach, describe, expect, it } from "vitest";
import {
  activityReport,
  activityReportToJSON,
  annualAmount,
  boendestodProcuredOptions,
  contracts,
  Decimal as OwnDecimal,
  expectedResults,
  indexedAmount,
  insuranceCheck,
  liabilityCap,
  moneyToJson,
  split,
  statement,
  twelfths,
  yearReport,
} from "../../src/index.js";

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
    // Issue 13's figures: comparisons of large counts, sums of hours and money.
    activityReport: activityReportToJSON(
      activityReport(contracts.familjeradgivning, 2022, {
        sessions: [...sessions, { id: "BIG", date: "2022-06-01", minutes: 160_000, kind: "individual", caseId: "P" }],
        policies: { overCap: "not-payable" },
      }),
    ),
    statedCost: activityReportToJSON(activityReport(boendestodProcuredOptions.capio, 2018, { sessions: [{ id: "V", date: "2018-06-01", minutes: 87_000, kind: "individual" }] })).payment,
    expectedResults: expectedResults(
      contracts.valdINaraRelation,
      [799_999_999, 800_000_000, 799_999_999, 800_000_000, 800_000_001, 1, 0, 999_999_999, 800_000_000].map((yes) => ({ yes, total: 1_000_000_000 })),
    ).results.map((r) => r.met),
    insurance: insuranceCheck(contracts.valdINaraRelation, { personalInjury: "19999999.99", propertyDamage: "20000000" }).shortfalls.map((x) => moneyToJson(x.missing)),
    liability: moneyToJson(liabilityCap(contracts.valdINaraRelation, { kind: "pure-economic-loss", amount: "2000000.01" }).beyondCap),
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

describe("the package's own exported Decimal: settings applied to it change nothing we compute", () => {
  // Issue 18: Decimal.set({ precision: 6 }) on the exported constructor turned
  // Beroendemottagningen's 2023 amount 1 947 351,80 into 1 947 350,00.
  const OWN = { precision: OwnDecimal.precision, rounding: OwnDecimal.rounding, toExpNeg: OwnDecimal.toExpNeg, toExpPos: OwnDecimal.toExpPos, minE: OwnDecimal.minE, maxE: OwnDecimal.maxE, modulo: OwnDecimal.modulo };
  afterEach(() => {
    OwnDecimal.set(OWN);
  });

  it("Decimal.set({ precision: 6 }) keeps 1 947 351,80 and 162 279,31", () => {
    const before = figures();
    OwnDecimal.set({ precision: 6 });
    expect(annualAmount(contracts.beroendemottagningen, 2023).toFixed(2)).toBe("1947351.80");
    expect(statement(contracts.beroendemottagningen, "2023-03").total.toFixed(2)).toBe("162279.31");
    const after = figures();
    OwnDecimal.set(OWN);
    expect(after).toEqual(before);
  });

  it("nor do rounding, exponent limits or underflow settings", () => {
    const before = figures();
    OwnDecimal.set({ precision: 2, rounding: OwnDecimal.ROUND_DOWN, minE: -1, maxE: 2, modulo: OwnDecimal.EUCLID });
    const after = figures();
    OwnDecimal.set(OWN);
    expect(after).toEqual(before);
  });

  it("returned amounts are instances of the exported Decimal, and their constructor is it, not the one we compute with", () => {
    const total = statement(contracts.beroendemottagningen, "2023-03").total;
    expect(total).toBeInstanceOf(OwnDecimal);
    expect(total.constructor).toBe(OwnDecimal);
    // So settings reached through a returned value are the exported constructor's too.
    (total.constructor as typeof OwnDecimal).set({ precision: 4 });
    expect(statement(contracts.beroendemottagningen, "2023-03").total.toFixed(2)).toBe("162279.31");
    expect(twelfths("1827000.11").map((d) => d.toFixed(2))).toEqual([...Array<string>(11).fill("152250.00"), "152250.11"]);
  });
});
