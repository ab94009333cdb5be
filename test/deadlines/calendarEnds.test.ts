/**
 * The calendar's ends (1000-01-01 and 9999-12-31): a commission that
 * validates has deadlines, obligations and an iCalendar in every year it can
 * be asked for (issue 18 item 8: `validate` said OK to a contract that
 * `deadlines --format ics` then refused). A deadline on 9999-12-31 is written
 * with DURATION:P1D, since its exclusive DTEND would be 10000-01-01; a
 * payment or reconciliation that would fall due after 9999-12 is not listed;
 * a deadline rolled past 9999-12-31 is not due in 9999.
 *
 * @module
 */
import { readFileSync } from "node:fs";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { parseContract, type Contract } from "../../src/contracts/index.js";
import { deadlines, obligations, toICalendar } from "../../src/deadlines/index.js";
import { expectRulesError } from "./helpers.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a patch reaches into any field of plain JSON
type Json = Record<string, any>;
const OWN_EXAMPLE = readFileSync(new URL("../contracts/own-example.json", import.meta.url), "utf8");

/** The documented own example (hourly, payment in arrears, one activity report), moved to the calendar's ends. */
function atTheEnds(patch: (c: Json) => void = () => undefined): Contract {
  const c = JSON.parse(OWN_EXAMPLE) as Json;
  c.term = { ...c.term, start: "1000-01-01", end: "9999-12-31", extensions: null };
  c.compensation.priceYear = 1000;
  c.indexation = { ...c.indexation, fixedUntil: "1000-12-31", firstAdjustedYear: 1001 };
  c.reporting[0] = { ...c.reporting[0], dueMonth: 12, dueDay: 31 };
  patch(c);
  return parseContract(c);
}

describe("the calendar's last day", () => {
  it("a report due 9999-12-31 is one all-day event with DURATION:P1D (it threw: days beyond 9999-12-31)", () => {
    const c = atTheEnds();
    const [d] = deadlines(c, 9999);
    expect(d?.due).toBe("9999-12-31");
    const text = toICalendar(obligations(c, "9999-12-01", "9999-12-31"), { name: `${c.title} – 9999` });
    expect(text).toContain("DTSTART;VALUE=DATE:99991231\r\nDURATION:P1D\r\n");
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent").map((e) => new ICAL.Event(e));
    const report = events.find((e) => e.uid.includes("activity-report"));
    expect(report?.startDate.toString()).toBe("9999-12-31");
    expect(report?.startDate.isDate).toBe(true);
    expect(report?.duration.toString()).toBe("P1D");
    // Every other day keeps its exclusive DTEND.
    expect(text).toContain("DTSTART;VALUE=DATE:99991201\r\nDTEND;VALUE=DATE:99991202\r\n");
  });

  it("obligations of 9999: payments in arrears through November's (paid 9999-12-01); December's would be due in 10000 (it threw)", () => {
    const c = atTheEnds();
    const payments = obligations(c, "9999-01-01", "9999-12-31").filter((o) => o.kind === "payment");
    expect(payments).toHaveLength(12);
    expect(payments.at(-1)).toMatchObject({ id: `${c.id}.payment.9999-11`, date: "9999-12-01" });
  });

  it("payments not in arrears: December 9999's falls due in December", () => {
    const c = atTheEnds((d) => (d.payment.inArrears = false));
    const payments = obligations(c, "9999-12-01", "9999-12-31").filter((o) => o.kind === "payment");
    expect(payments.map((o) => [o.id, o.date])).toEqual([[`${c.id}.payment.9999-12`, "9999-12-01"]]);
  });

  it("a quarterly reconciliation: the fourth quarter of 9999 would be due in 10000, the third is listed", () => {
    const c = atTheEnds((d) => {
      d.compensation = { kind: "fixed-annual", amount: "1000000", priceYear: 1000, twelfths: true, premisesIncluded: null, reconciliation: { every: "quarter", clause: "EXN 2023-412 §3.1" }, clause: "EXN 2023-412 §3.1" };
      d.callOffs = null;
    });
    const list = obligations(c, "9999-01-01", "9999-12-31").filter((o) => o.kind === "reconciliation");
    expect(list.map((o) => [o.id, o.date])).toEqual([
      [`${c.id}.reconciliation.9998-Q4`, "9999-01-01"],
      [`${c.id}.reconciliation.9999-Q1`, "9999-04-01"],
      [`${c.id}.reconciliation.9999-Q2`, "9999-07-01"],
      [`${c.id}.reconciliation.9999-Q3`, "9999-10-01"],
    ]);
  });

  it("rolled to the next workday, a 31 December 9999 deadline is not due in 9999, and nothing throws (it threw)", () => {
    const c = atTheEnds();
    // 9999 holds the report for 9997, due 9998-12-31 and rolled into 9999; the one for 9998, due 9999-12-31, rolls out of the calendar.
    expect(deadlines(c, 9999, { roll: "next-workday" }).map((d) => [d.covers, d.nominal, d.due])).toEqual([[9997, "9998-12-31", "9999-01-04"]]);
    expect(deadlines(c, 9999).map((d) => [d.covers, d.due, d.workday])).toEqual([[9998, "9999-12-31", false]]);
    expect(() => toICalendar(obligations(c, "9999-01-01", "9999-12-31", { roll: "next-workday" }))).not.toThrow();
  });
});

describe("the calendar's first day", () => {
  it("payments not in arrears from 1000-01: January 1000's falls due on 1000-01-01", () => {
    const c = atTheEnds((d) => (d.payment.inArrears = false));
    const payments = obligations(c, "1000-01-01", "1000-02-28").filter((o) => o.kind === "payment");
    expect(payments.map((o) => [o.id, o.date])).toEqual([
      [`${c.id}.payment.1000-01`, "1000-01-01"],
      [`${c.id}.payment.1000-02`, "1000-02-01"],
    ]);
  });

  it("every year at both ends, both roll rules: deadlines, obligations and the calendar do not throw", () => {
    for (const inArrears of [true, false]) {
      const c = atTheEnds((d) => (d.payment.inArrears = inArrears));
      for (const year of [1000, 1001, 9998, 9999]) {
        for (const roll of ["none", "next-workday"] as const) {
          deadlines(c, year, { roll });
          toICalendar(obligations(c, `${year.toString()}-01-01`, `${year.toString()}-12-31`, { roll }), { name: `${c.title} – ${year.toString()}` });
        }
      }
    }
  });
});

describe("toICalendar refuses what UTF-8 cannot write", () => {
  it("an unpaired surrogate in a title or quote is INVALID_INPUT naming the field (it was written as U+FFFD)", () => {
    const entry = { id: "x.1", date: "2024-03-31", title: "Verksamhetsberättelse", clause: "SON 2021-233 §4.1" };
    expect(expectRulesError(() => toICalendar([{ ...entry, title: "a\ud800" }]), "INVALID_INPUT").issues[0]).toMatchObject({ path: "obligations.0.title", expected: "well-formed Unicode text (no unpaired surrogate)" });
    expect(expectRulesError(() => toICalendar([{ ...entry, quote: "\udc00b" }]), "INVALID_INPUT").issues[0]?.path).toBe("obligations.0.quote");
    expect(toICalendar([{ ...entry, title: "Rapport \u{1F4C4}" }])).toContain("SUMMARY:Rapport \u{1F4C4}");
  });
});
