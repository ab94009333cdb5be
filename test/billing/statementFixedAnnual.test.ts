import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { statement, yearReport } from "../../src/billing/index.js";
import { contracts } from "../../src/contracts/shipped/index.js";
import { applyNotice } from "../../src/deadlines/notice.js";
import { OPI_2023_PRELIMINARY } from "../../src/indexation/index.js";
import { errorOf, kr, variant } from "./helpers.js";

const ber = contracts.beroendemottagningen;
const vald = contracts.valdINaraRelation;

describe("fixed annual amount: the month's twelfth (Beroendemottagningen §3)", () => {
  it("April 2021, the first month: 1 827 000 / 12 = 152 250.00", () => {
    const s = statement(ber, "2021-04");
    expect(kr(s.total)).toBe("152250.00");
    expect(kr(s.notPayable)).toBe("0.00");
    expect(kr(s.feesOwedToPurchaser)).toBe("0.00");
    expect(s.lines).toHaveLength(1);
    const line = s.lines[0]!;
    expect(line).toMatchObject({ id: "beroendemottagningen:2021-04:twelfth", kind: "twelfth", unit: "month", payable: true, clause: "Beroendemottagningen tillägg 2021 §3" });
    expect(kr(line.quantity)).toBe("1.00");
    expect(kr(line.unitPrice)).toBe("152250.00");
    expect(line.explanation.rule).toBe("twelfth");
    expect(line.explanation.figures).toMatchObject({ annualAmount: "1827000.00", twelfth: "152250.00", amount: "152250.00" });
    expect(s.policies).toMatchObject({ twelfthsRemainder: "last", partialMonth: "days" });
    expect(s.term).toMatchObject({ start: "2021-04-01", startSource: "contract", end: null, daysInForce: 30, daysInMonth: 30 });
  });

  it("2021 runs April–December: 9 twelfths = 1 370 250.00", () => {
    const r = yearReport(ber, 2021);
    expect(r.months).toEqual(["2021-04", "2021-05", "2021-06", "2021-07", "2021-08", "2021-09", "2021-10", "2021-11", "2021-12"]);
    expect(kr(r.total)).toBe("1370250.00");
  });

  it("2022 uses OPI 1.9 %: 1 861 713.00 / 12 = 155 142.75, and cites the index value", () => {
    const s = statement(ber, "2022-01");
    expect(kr(s.total)).toBe("155142.75");
    expect(s.indexation.steps).toEqual([expect.objectContaining({ year: 2022, percent: "1.9", status: "final", source: "SKR, definitive OPI for 2022" })]);
    expect(s.lines[0]!.clause).toBe("Beroendemottagningen tillägg 2021 §3");
    expect(kr(yearReport(ber, 2022).total)).toBe("1861713.00");
  });

  it("puts the öre left over on December by default, on January with twelfthsRemainder 'first'", () => {
    // 2023: 1 947 351.80 = 12 × 162 279.31 + 0.08
    expect(kr(statement(ber, "2023-01").total)).toBe("162279.31");
    expect(kr(statement(ber, "2023-12").total)).toBe("162279.39");
    expect(kr(statement(ber, "2023-01", { policies: { twelfthsRemainder: "first" } }).total)).toBe("162279.39");
    expect(kr(statement(ber, "2023-12", { policies: { twelfthsRemainder: "first" } }).total)).toBe("162279.31");
  });

  it("warns when a preliminary index value made the figure", () => {
    const s = statement(ber, "2023-01", { index: { name: "OPI", values: { 2023: { percent: OPI_2023_PRELIMINARY.percent, status: "preliminary", source: OPI_2023_PRELIMINARY.source } } } });
    expect(kr(s.total)).toBe("160572.74");
    expect(s.warnings.join(" ")).toContain("preliminary");
  });

  it("a month outside the term is OUTSIDE_TERM", () => {
    const e = errorOf(() => statement(ber, "2021-03"));
    expect(e.code).toBe("OUTSIDE_TERM");
    expect(e.message).toContain("2021-04-01");
  });

  it("the last month after a notice pays its days' share; the month after is OUTSIDE_TERM", () => {
    const ended = applyNotice(ber, { receivedOn: "2024-06-15", form: "written" });
    expect(ended.term.end).toBe("2025-06-15");
    const index = { name: "OPI", percent: { 2024: "4.0", 2025: "3.0" } };
    const full = statement(ended, "2025-05", { index });
    const june = statement(ended, "2025-06", { index });
    // 15 of 30 days: exactly half the twelfth (rounded half-up to the öre)
    const twelfth = full.lines[0]!.amount;
    expect(june.lines[0]!.amount.eq(twelfth.times(15).dividedBy(30).toDecimalPlaces(2, 1))).toBe(true);
    expect(june.term).toMatchObject({ end: "2025-06-15", daysInForce: 15, daysInMonth: 30 });
    expect(june.lines[0]!.explanation.rule).toBe("twelfth-partial-month:days");
    expect(kr(statement(ended, "2025-06", { index, policies: { partialMonth: "whole-month" } }).total)).toBe(kr(twelfth));
    expect(kr(statement(ended, "2025-06", { index, policies: { partialMonth: "nothing" } }).total)).toBe("0.00");
    expect(errorOf(() => statement(ended, "2025-07", { index })).code).toBe("OUTSIDE_TERM");
  });

  it("a start inside a month pays its days' share", () => {
    const mid = variant(ber, (c) => {
      c.term.start = "2021-04-16";
      c.indexation.fixedUntil = "2021-12-31";
    });
    const s = statement(mid, "2021-04");
    // 152 250.00 × 15 / 30 = 76 125.00
    expect(kr(s.total)).toBe("76125.00");
    expect(s.warnings.join(" ")).toContain("15 of 30 days");
  });
});

describe("Våld i nära relation (SON 2019-755): the start is an input", () => {
  it("UNKNOWN_START without input.start, naming what to pass", () => {
    const e = errorOf(() => statement(vald, "2020-01"));
    expect(e.code).toBe("UNKNOWN_START");
    expect(e.message).toContain("input.start");
    expect(e.message).toContain("SON 2019-755 §1.1");
  });

  it("with input.start: 4 093 284 × 1.030 = 4 216 082.52; / 12 = 351 340.21", () => {
    const s = statement(vald, "2020-01", { start: "2020-01-01" });
    expect(kr(s.total)).toBe("351340.21");
    expect(s.term).toMatchObject({ start: "2020-01-01", startSource: "input" });
    expect(s.lines[0]!.explanation.inputs.termStartSource).toBe("input");
    expect(s.lines[0]!.clause).toBe("SON 2019-755 §1.2");
  });

  it("refuses a start that contradicts the contract's own", () => {
    const e = errorOf(() => statement(ber, "2021-04", { start: "2021-05-01" }));
    expect(e.code).toBe("INVALID_INPUT");
    expect(e.issues[0]?.path).toBe("start");
  });
});

describe("eligibility warnings where the sessions carry the facts", () => {
  it("a participant under 18 (Beroendemottagningen §5)", () => {
    const s = statement(ber, "2021-05", {
      sessions: [
        { id: "P1", date: "2021-05-03", minutes: 120, kind: "group", participants: 7, age: 17 },
        { id: "P2", date: "2021-05-03", minutes: 120, kind: "group", participants: 7, age: 18 },
        { id: "P3", date: "2021-06-03", minutes: 120, kind: "group", participants: 7, age: 16 },
      ],
    });
    expect(s.warnings).toHaveLength(1);
    expect(s.warnings[0]).toContain("P1");
    expect(s.warnings[0]).toContain("18");
    expect(s.warnings[0]).toContain("Beroendemottagningen tillägg 2021 §5");
    expect(kr(s.total)).toBe("152250.00");
  });

  it("call-offs cannot be priced on a fixed annual amount: NOT_IN_CONTRACT", () => {
    const e = errorOf(() => statement(ber, "2021-05", { callOffs: [{ id: "A1", date: "2021-05-01", hours: "10", form: "written" }] }));
    expect(e.code).toBe("NOT_IN_CONTRACT");
    expect(e.message).toContain("§4");
  });
});

describe("laws", () => {
  const percent = fc.integer({ min: -50, max: 150 }).map((n) => (n / 10).toFixed(1));
  test.prop([percent, fc.constantFrom<"last" | "first">("last", "first")])(
    "a full year's twelfths sum to its annual amount",
    (p, remainder) => {
      const index = { name: "OPI", percent: { 2024: p } };
      const r = yearReport(ber, 2024, { index, policies: { twelfthsRemainder: remainder } });
      expect(r.statements).toHaveLength(12);
      expect(r.total.eq(r.indexation.amount)).toBe(true);
    },
  );

  test.prop([fc.integer({ min: 1, max: 12 })])("a statement's total is the sum of its payable lines", (m) => {
    const s = statement(ber, `2022-${m.toString().padStart(2, "0")}`);
    const sum = s.lines.filter((l) => l.payable).reduce((a, l) => a.plus(l.amount), s.total.minus(s.total));
    expect(sum.eq(s.total)).toBe(true);
  });

  it("the amount matters: a copy with another amount pays another twelfth", () => {
    const other = variant(ber, (c) => {
      c.compensation.amount = "1827012";
    });
    expect(kr(statement(other, "2021-04").total)).toBe("152251.00");
  });
});
