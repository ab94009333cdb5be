import { describe, expect, it } from "vitest";
import { statement, yearReport, type Session } from "../../src/billing/index.js";
import { contracts } from "../../src/contracts/shipped/index.js";
import { errorOf, kr, variant } from "./helpers.js";

const vald = contracts.valdINaraRelation;

describe("yearReport: the quarterly reconciliation (SON 2019-755 §1.2 \"Avstämning görs kvartalsvis\")", () => {
  it("compares, per quarter, what was due with what was paid", () => {
    // 2020: 4 216 082.52 / 12 = 351 340.21 a month; a quarter is 1 054 020.63
    const paid = { "2020-01": "351340.21", "2020-02": "351340.21", "2020-03": "351340.21", "2020-04": "351340.21", "2020-05": "340000", "2020-06": "351340.21" };
    const r = yearReport(vald, 2020, { start: "2020-01-01", paid });
    const rec = r.reconciliation!;
    expect(rec.clause).toBe("SON 2019-755 §1.2");
    expect(rec.quote).toBe("Avstämning görs kvartalsvis.");
    expect(rec.quarters.map((q) => [q.quarter, kr(q.due), kr(q.paid), kr(q.difference), q.unreported])).toEqual([
      [1, "1054020.63", "1054020.63", "0.00", []],
      [2, "1054020.63", "1042680.42", "11340.21", []],
      [3, "1054020.63", "0.00", "1054020.63", ["2020-07", "2020-08", "2020-09"]],
      [4, "1054020.63", "0.00", "1054020.63", ["2020-10", "2020-11", "2020-12"]],
    ]);
    expect(kr(rec.due)).toBe("4216082.52");
    expect(kr(r.total)).toBe("4216082.52");
    expect(kr(rec.difference)).toBe(kr(rec.due.minus(rec.paid)));
  });

  it("a start inside the year gives the quarters with months in the term", () => {
    const r = yearReport(vald, 2020, { start: "2020-05-01" });
    expect(r.months[0]).toBe("2020-05");
    expect(r.reconciliation!.quarters.map((q) => q.months)).toEqual([["2020-05", "2020-06"], ["2020-07", "2020-08", "2020-09"], ["2020-10", "2020-11", "2020-12"]]);
  });

  it("checks paid: a month outside the term or a bad amount is INVALID_INPUT", () => {
    expect(errorOf(() => yearReport(vald, 2020, { start: "2020-05-01", paid: { "2020-01": "1" } })).issues[0]?.path).toBe("paid.2020-01");
    const bad = errorOf(() => yearReport(vald, 2020, { start: "2020-01-01", paid: { "2020-01": "12,5" } }));
    expect(bad.code).toBe("INVALID_INPUT");
    expect(bad.issues[0]?.path).toBe("paid.2020-01");
    expect(errorOf(() => statement(vald, "2020-01", { start: "2020-01-01", paid: {} } as never)).issues[0]?.path).toBe("paid");
  });

  it("a year outside the term is OUTSIDE_TERM", () => {
    expect(errorOf(() => yearReport(contracts.beroendemottagningen, 2020)).code).toBe("OUTSIDE_TERM");
  });

  it("a commission without a reconciliation clause gets the comparison only when paid is given", () => {
    expect(yearReport(contracts.beroendemottagningen, 2021).reconciliation).toBeNull();
    const r = yearReport(contracts.beroendemottagningen, 2021, { paid: { "2021-04": "152250" } });
    expect(r.reconciliation!.clause).toBeNull();
    // Q2 2021: 3 × 152 250.00 due, 152 250.00 paid for April, May and June not given
    expect(kr(r.reconciliation!.quarters[0]!.difference)).toBe("304500.00");
    expect(r.reconciliation!.quarters[0]!.unreported).toEqual(["2021-05", "2021-06"]);
    expect(r.warnings.join(" ")).toContain("no reconciliation clause");
  });
});

describe("yearReport: cap usage month by month (SON 2021-233 §1.2)", () => {
  const small = variant(contracts.familjeradgivning, (c) => {
    c.compensation.yearlyCap.hours = "10";
  });
  const sessions: Session[] = [
    { id: "A", date: "2022-01-10", minutes: 240, kind: "individual" },
    { id: "B", date: "2022-02-10", minutes: 240, kind: "individual" },
    { id: "C", date: "2022-03-10", minutes: 240, kind: "individual" },
    { id: "D", date: "2022-04-10", minutes: 240, kind: "individual" },
  ];
  const callOffs = [{ id: "AV1", date: "2022-04-01", hours: "3", form: "written" as const }];

  it("hours used, the cap with call-offs, and what remains", () => {
    const r = yearReport(small, 2022, { sessions, callOffs });
    expect(r.statements).toHaveLength(12);
    expect(r.capUsage!.slice(0, 5).map((u) => [u.month, kr(u.performedHours), kr(u.usedHours), kr(u.overHours), kr(u.usedToDate), kr(u.capHours), u.callOffs.map((c) => c.id), kr(u.remaining)])).toEqual([
      ["2022-01", "4.00", "4.00", "0.00", "4.00", "10.00", [], "6.00"],
      ["2022-02", "4.00", "4.00", "0.00", "8.00", "10.00", [], "2.00"],
      ["2022-03", "4.00", "2.00", "2.00", "10.00", "10.00", [], "0.00"],
      ["2022-04", "4.00", "3.00", "1.00", "13.00", "13.00", ["AV1"], "0.00"],
      ["2022-05", "0.00", "0.00", "0.00", "13.00", "13.00", [], "0.00"],
    ]);
    expect(kr(r.total)).toBe(kr(r.statements.reduce((a, s) => a.plus(s.total), r.total.minus(r.total))));
    expect(kr(r.total)).toBe("7865.00"); // 13 h × 605
    expect(kr(r.notPayable)).toBe("1815.00"); // 3 h × 605
  });

  it("gives every month's statement exactly as statement() does", () => {
    const r = yearReport(small, 2022, { sessions, callOffs });
    for (const s of r.statements) expect(JSON.stringify(s)).toBe(JSON.stringify(statement(small, s.month, { sessions, callOffs })));
  });

  it("is linear: 200 000 sessions in a few seconds at most", () => {
    const many: Session[] = [];
    for (let i = 0; i < 200_000; i++) many.push({ id: `S${i.toString()}`, date: `2022-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`, minutes: 30 + (i % 60), kind: "individual" });
    const t0 = performance.now();
    const r = yearReport(contracts.familjeradgivning, 2022, { sessions: many });
    const ms = performance.now() - t0;
    expect(r.statements).toHaveLength(12);
    expect(kr(r.capUsage!.at(-1)!.usedToDate)).toBe("2590.00");
    expect(ms).toBeLessThan(20_000);
  });
});
