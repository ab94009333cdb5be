import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { statement } from "../../src/billing/index.js";
import { contracts } from "../../src/contracts/shipped/index.js";
import { OPI_2023_PRELIMINARY } from "../../src/indexation/index.js";
import { indexRevision } from "../../src/billing/revision.js";
import { Decimal } from "../../src/money/index.js";
import { errorOf } from "../billing/helpers.js";


const preliminary = { name: "OPI", values: { 2023: { percent: OPI_2023_PRELIMINARY.percent, status: "preliminary" as const, source: OPI_2023_PRELIMINARY.source } } };
const final = { name: "OPI", values: { 2023: { percent: "4.6", status: "final" as const, source: "SKR cirkulär, definitive OPI 2023", published: "2023-04-19" } } };

describe("indexRevision: OPI 2023 preliminary 3.5 % replaced by final 4.6 % (Beroendemottagningen §3)", () => {
  const r = indexRevision(contracts.beroendemottagningen, 2023, { from: preliminary, to: final, paidThrough: "2023-04" });

  it("works the figures out by hand", () => {
    // 2022: 1 827 000 × 1.019 = 1 861 713.00
    // preliminary 2023: 1 861 713 × 1.035 = 1 926 872.955 → 1 926 872.96; ⌊/12⌋ = 160 572.74
    // final 2023:       1 861 713 × 1.046 = 1 947 351.798 → 1 947 351.80; ⌊/12⌋ = 162 279.31
    expect(r.from.indexation.amount.toFixed(2)).toBe("1926872.96");
    expect(r.to.indexation.amount.toFixed(2)).toBe("1947351.80");
    expect(r.months.map((m) => [m.month, m.paid.toFixed(2), m.revised.toFixed(2), m.difference.toFixed(2)])).toEqual([
      ["2023-01", "160572.74", "162279.31", "1706.57"],
      ["2023-02", "160572.74", "162279.31", "1706.57"],
      ["2023-03", "160572.74", "162279.31", "1706.57"],
      ["2023-04", "160572.74", "162279.31", "1706.57"],
    ]);
    expect(r.paid.toFixed(2)).toBe("642290.96");
    expect(r.revised.toFixed(2)).toBe("649117.24");
    expect(r.difference.toFixed(2)).toBe("6826.28");
    expect(r.direction).toBe("owed-to-provider");
  });

  it("cites the clause and both index values with status and source", () => {
    expect(r.clause).toBe("Beroendemottagningen tillägg 2021 §3");
    expect(r.from.steps.at(-1)).toMatchObject({ year: 2023, percent: "3.5", status: "preliminary", source: OPI_2023_PRELIMINARY.source });
    expect(r.to.steps.at(-1)).toMatchObject({ year: 2023, percent: "4.6", status: "final", published: "2023-04-19" });
    expect(r.from.steps[0]).toMatchObject({ year: 2022, percent: "1.9", status: "final" });
  });

  it("is one mechanism: each month is the statement under each series", () => {
    expect(r.months[0]!.paid.eq(statement(contracts.beroendemottagningen, "2023-01", { index: preliminary }).total)).toBe(true);
    expect(r.months[0]!.revised.eq(statement(contracts.beroendemottagningen, "2023-01", { index: final }).total)).toBe(true);
  });

  it("reclaims in the other direction", () => {
    const back = indexRevision(contracts.beroendemottagningen, 2023, { from: final, to: preliminary, paidThrough: "2023-04" });
    expect(back.difference.toFixed(2)).toBe("-6826.28");
    expect(back.direction).toBe("reclaimed-from-provider");
  });

  it("covers only months in the term, up to paidThrough", () => {
    const first = indexRevision(contracts.beroendemottagningen, 2021, { from: { name: "OPI", percent: {} }, to: { name: "OPI", percent: {} }, paidThrough: "2021-06" });
    expect(first.months.map((m) => m.month)).toEqual(["2021-04", "2021-05", "2021-06"]);
    const all = indexRevision(contracts.beroendemottagningen, 2022, { from: preliminary, to: final, paidThrough: "2024-02" });
    expect(all.months).toHaveLength(12);
  });

  it("revises an hourly rate and its visit fee with the same input", () => {
    const sessions = [{ id: "S1", date: "2023-02-02", minutes: 61, kind: "individual" as const }];
    const rev = indexRevision(contracts.familjeradgivning, 2023, {
      from: { name: "uppräkningsmodell", percent: { 2023: "2.0" } },
      to: { name: "uppräkningsmodell", percent: { 2023: "3.0" } },
      paidThrough: "2023-02",
      input: { sessions },
    });
    // 605 × 1.02 = 617.10; × 1.25 = 771.375 → 771.38. 605 × 1.03 = 623.15; × 1.25 = 778.9375 → 778.94.
    expect(rev.months.map((m) => m.difference.toFixed(2))).toEqual(["0.00", "7.56"]);
    // the fee follows the rate: 200 × 1.02 = 204.00, × 1.03 = 206.00
    expect(rev.feesDifference.toFixed(2)).toBe("2.00");
  });

  it("rejects bad options", () => {
    expect(errorOf(() => indexRevision(contracts.beroendemottagningen, 2023, { from: preliminary, to: final, paidThrough: "2023-4" })).issues[0]?.path).toBe("options.paidThrough");
    expect(errorOf(() => indexRevision(contracts.beroendemottagningen, 2023, { from: preliminary, to: final, paidThrough: "2023-04", input: { index: final } })).issues[0]?.path).toBe("options.input.index");
    expect(errorOf(() => indexRevision(contracts.beroendemottagningen, 2020, { from: preliminary, to: final, paidThrough: "2020-04" })).code).toBe("OUTSIDE_TERM");
  });

  const percent = fc.integer({ min: -30, max: 120 }).map((n) => (n / 10).toFixed(1));
  test.prop([percent, percent, fc.integer({ min: 1, max: 12 })])("a revision's total is the sum of its months; a series to itself owes nothing", (a, b, through) => {
    const from = { name: "OPI", percent: { 2024: a } };
    const to = { name: "OPI", percent: { 2024: b } };
    const paidThrough = `2024-${through.toString().padStart(2, "0")}`;
    const rev = indexRevision(contracts.beroendemottagningen, 2024, { from, to, paidThrough });
    expect(rev.months).toHaveLength(through);
    expect(rev.months.reduce((s, m) => s.plus(m.difference), new Decimal(0)).eq(rev.difference)).toBe(true);
    const same = indexRevision(contracts.beroendemottagningen, 2024, { from, to: from, paidThrough });
    expect(same.difference.isZero()).toBe(true);
    expect(same.direction).toBe("none");
  });
});
