import { describe, expect, it } from "vitest";
import { contracts, parseContract } from "../../src/contracts/index.js";
import { obligations } from "../../src/deadlines/index.js";
import { expectRulesError } from "./helpers.js";

const familj = contracts.familjeradgivning;
const vinr = contracts.valdINaraRelation;

describe("obligations", () => {
  it("Familjerådgivning, March–April 2024: payments in arrears and the two reports", () => {
    const list = obligations(familj, "2024-03-01", "2024-04-30");
    expect(list.map((o) => [o.date, o.kind, o.id, o.title])).toEqual([
      ["2024-03-01", "payment", "familjeradgivning.payment.2024-02", "Ersättning för februari 2024"],
      ["2024-03-31", "activity-report", "familjeradgivning.activity-report.2023", "Verksamhetsberättelse 2023"],
      ["2024-03-31", "lex-sarah-summary", "familjeradgivning.lex-sarah-summary.2023", "Lex Sarah-sammanställning 2023"],
      ["2024-04-01", "payment", "familjeradgivning.payment.2024-03", "Ersättning för mars 2024"],
    ]);
    const payment = list[0]!;
    expect(payment.clause).toBe("SON 2021-233 §1.2");
    expect(payment.note).toContain("ingen dag");
    expect(payment.description).toContain("i efterskott");
    const report = list[1]!;
    expect(report.clause).toBe("SON 2021-233 §4.1");
    expect(report.workday).toBe(false);
    expect(report.description).toContain("ingen vardag");
  });

  it("the same input gives the same ids", () => {
    const a = obligations(familj, "2023-01-01", "2025-12-31").map((o) => o.id);
    const b = obligations(familj, "2023-01-01", "2025-12-31").map((o) => o.id);
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(a.length);
  });

  it("the first payment is in the month after the start, none before", () => {
    const list = obligations(familj, "2021-10-01", "2022-03-31");
    expect(list.map((o) => o.date)).toEqual(["2022-02-01", "2022-03-01"]);
    expect(list[0]?.title).toBe("Ersättning för januari 2022");
  });

  it("undated obligations may be placed at the end of the next month", () => {
    const list = obligations(familj, "2024-03-01", "2024-03-31", { undated: "last-of-next-month" });
    expect(list.filter((o) => o.kind === "payment").map((o) => [o.date, o.id])).toEqual([["2024-03-31", "familjeradgivning.payment.2024-02"]]);
  });

  it("reports follow the roll option; payments are not rolled", () => {
    const list = obligations(familj, "2024-03-01", "2024-04-30", { roll: "next-workday" });
    expect(list.map((o) => [o.date, o.kind])).toEqual([
      ["2024-03-01", "payment"],
      ["2024-04-01", "payment"], // annandag påsk: a payment day is this library's convention, not rolled
      ["2024-04-02", "activity-report"],
      ["2024-04-02", "lex-sarah-summary"],
    ]);
    const report = list[2]!;
    expect(report.nominal).toBe("2024-03-31");
    expect(report.description).toContain("lag (1930:173)");
  });

  it("SON 2019-755: quarterly reconciliations, payments, cure deadline and notice end", () => {
    const list = obligations(vinr, "2024-01-01", "2024-07-31", {
      start: "2020-01-01",
      breachNoticeOn: "2024-01-15",
      notice: { receivedOn: "2024-03-10", form: "written", months: 3 },
    });
    expect(list.map((o) => [o.date, o.kind, o.id])).toEqual([
      ["2024-01-01", "reconciliation", "vald-i-nara-relation.reconciliation.2023-Q4"],
      ["2024-01-01", "payment", "vald-i-nara-relation.payment.2023-12"],
      ["2024-02-01", "payment", "vald-i-nara-relation.payment.2024-01"],
      ["2024-02-14", "cure-deadline", "vald-i-nara-relation.cure-deadline.2024-01-15"],
      ["2024-03-01", "payment", "vald-i-nara-relation.payment.2024-02"],
      ["2024-03-31", "activity-report", "vald-i-nara-relation.activity-report.2023"],
      ["2024-03-31", "lex-sarah-summary", "vald-i-nara-relation.lex-sarah-summary.2023"],
      ["2024-04-01", "reconciliation", "vald-i-nara-relation.reconciliation.2024-Q1"],
      ["2024-04-01", "payment", "vald-i-nara-relation.payment.2024-03"],
      ["2024-05-01", "payment", "vald-i-nara-relation.payment.2024-04"],
      ["2024-06-01", "payment", "vald-i-nara-relation.payment.2024-05"],
      // The notice ends the commission on 10 June: June is paid in July, Q2 reconciled in July; nothing after.
      ["2024-06-10", "notice-end", "vald-i-nara-relation.notice-end.2024-06-10"],
      ["2024-07-01", "reconciliation", "vald-i-nara-relation.reconciliation.2024-Q2"],
      ["2024-07-01", "payment", "vald-i-nara-relation.payment.2024-06"],
    ]);
    const cure = list.find((o) => o.kind === "cure-deadline")!;
    expect(cure.clause).toBe("SON 2019-755 §5.3");
    expect(cure.description).toContain("2024-02-15");
    expect(cure.description).toContain("2024-05-15");
    expect(list.find((o) => o.kind === "reconciliation")?.clause).toBe("SON 2019-755 §1.2");
    expect(list.find((o) => o.kind === "notice-end")?.clause).toBe("SON 2019-755 §1.1");
  });

  it("a payment clause that is not in arrears pays month M in M itself", () => {
    const plain = JSON.parse(JSON.stringify(familj)) as { payment: { inArrears: boolean } };
    plain.payment.inArrears = false;
    const list = obligations(parseContract(plain), "2024-03-01", "2024-03-31").filter((o) => o.kind === "payment");
    expect(list.map((o) => [o.date, o.id])).toEqual([["2024-03-01", "familjeradgivning.payment.2024-03"]]);
    expect(list[0]?.description).not.toContain("efterskott");
  });

  it("no reconciliation without the clause (Beroendemottagningen)", () => {
    expect(obligations(contracts.beroendemottagningen, "2022-01-01", "2022-12-31").some((o) => o.kind === "reconciliation")).toBe(false);
  });

  it("Boendestöd has no payment or reporting clause: nothing, and no start needed", () => {
    expect(obligations(contracts.boendestod, "2018-01-01", "2019-12-31")).toEqual([]);
  });

  it("needs a start where the text has none, and a proper range", () => {
    expectRulesError(() => obligations(vinr, "2024-01-01", "2024-12-31"), "UNKNOWN_START");
    expectRulesError(() => obligations(familj, "2024-12-31", "2024-01-01"), "INVALID_ARGUMENT");
    expectRulesError(() => obligations(familj, "2024-01-01", "2024-13-01"), "INVALID_DATE");
    expectRulesError(() => obligations(familj, "2024-01-01", "2024-12-31", { notice: { receivedOn: "2024-01-01", form: "oral" } }), "NOTICE_NOT_WRITTEN");
    expectRulesError(() => obligations(familj, "2024-01-01", "2024-12-31", { breachNoticeOn: "2024-01-01" }), "NOT_IN_CONTRACT");
    expectRulesError(() => obligations(familj, "2024-01-01", "2024-12-31", { undated: "mid-month" as "first-of-next-month" }), "INVALID_ARGUMENT");
  });
});
