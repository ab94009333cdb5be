/**
 * What `parseContract` accepts, the computations can use (issue 18 item 8):
 * `validate` said OK to a contract that `statement` then refused (hours with
 * a leading zero or ten digits, an hour volume of zero hours, an annual cost
 * whose implied price left the safe integers) or that `deadlines --format
 * ics` refused (a control character in a text). Laws: the schema's money and
 * hours are exactly what billing reads, and any accepted text, cap or volume
 * computes.
 *
 * @module
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { hoursToTicks } from "../../src/billing/units.js";
import { contracts, contractSchema, obligations, parseContract, RulesError, statement, toICalendar, toOre, type Contract } from "../../src/index.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a patch reaches into any field of plain JSON
type Json = Record<string, any>;

/** A copy of a shipped contract as plain JSON, changed by `patch`, or the RulesError parseContract throws. */
function variant(base: Contract, patch: (c: Json) => unknown): Contract | RulesError {
  const c = JSON.parse(JSON.stringify(base)) as Json;
  patch(c);
  return parsed(c);
}

/** parseContract's result, or its RulesError. */
function parsed(c: Json): Contract | RulesError {
  try {
    return parseContract(c);
  } catch (e) {
    if (e instanceof RulesError) return e;
    throw e;
  }
}

/** Whether `fn` runs without throwing. */
function runs(fn: () => unknown): boolean {
  try {
    fn();
    return true;
  } catch {
    return false;
  }
}

/** Decimal-looking strings: leading zeros, 0–14 digits, a point, 0–3 decimals, sometimes a sign or a space. */
const decimalText = fc
  .tuple(
    fc.constantFrom("", "", "", "-", " ", "+"),
    fc.constantFrom("", "", "0", "00"),
    fc.stringMatching(/^[0-9]{0,14}$/),
    fc.constantFrom("", "", ".", ".5", ".25", ".125", ".0", ".00"),
  )
  .map(([sign, zeros, digits, fraction]) => `${sign}${zeros}${digits}${fraction}`);

const rateAccepted = (value: string): boolean => !(variant(contracts.familjeradgivning, (c) => (c.compensation.rate = value)) instanceof RulesError);
const capAccepted = (value: string): boolean => !(variant(contracts.familjeradgivning, (c) => (c.compensation.yearlyCap.hours = value)) instanceof RulesError);

describe("money and hours: what validates is what billing reads", () => {
  test.prop([decimalText], { numRuns: 300 })("money the schema accepts, toOre reads; money toOre reads with at most 12 digits, the schema accepts", (value) => {
    const read = runs(() => toOre(value, "x"));
    const digits = value.split(".")[0]?.length ?? 0;
    if (rateAccepted(value)) expect(read, value).toBe(true);
    if (read && !value.startsWith("-") && digits <= 12) expect(rateAccepted(value), value).toBe(true);
  });

  test.prop([decimalText], { numRuns: 300 })("hours: the schema accepts exactly what hoursToTicks reads (a yearly cap, more than zero)", (value) => {
    const read = runs(() => hoursToTicks(value, "x"));
    const zero = /^0(\.0{1,2})?$/.test(value);
    expect(capAccepted(value), value).toBe(read && !zero);
  });

  it.each(["0100", "01700", "1000000000", "0.00", "0"])("a yearly cap of %s is refused by validation, not first by the statement", (hours) => {
    expect(variant(contracts.familjeradgivning, (c) => (c.compensation.yearlyCap.hours = hours))).toBeInstanceOf(RulesError);
  });

  it.each([
    ["hoursPerYear", "0", "more than zero hours a year (the implied price is annualCost ÷ hoursPerYear), e.g. \"1700\""],
    ["hoursPerYear", "0.00", "more than zero hours a year (the implied price is annualCost ÷ hoursPerYear), e.g. \"1700\""],
    ["hoursPerYear", "01700", 'hours as a decimal string with at most two decimals, e.g. "2590" or "2.5", without a leading zero'],
    ["hoursPerYear", "1000000000", 'hours as a decimal string with at most two decimals, e.g. "2590" or "2.5", with at most 9 digits before the decimal point'],
    ["annualCost", "99999999999", 'money as a string with at most two decimals, e.g. "605.00", with at most 10 digits before the decimal point'],
    ["annualCost", "0800000", 'money as a string with at most two decimals, e.g. "605.00", without a leading zero'],
  ])("an hour volume's %s of %s is refused: %s", (field, value, expected) => {
    const e = variant(contracts.boendestod, (c) => (c.compensation[field] = value));
    expect(e).toBeInstanceOf(RulesError);
    expect((e as RulesError).issues).toEqual([{ path: `compensation.${field}`, expected, received: JSON.stringify(value) }]);
  });

  const session = (date: string) => ({ sessions: [{ id: "S1", date, minutes: 60, kind: "individual" as const }] });

  test.prop([fc.oneof(decimalText, fc.constantFrom("999999999.99", "0.01", "2590"))], { numRuns: 150 })(
    "a yearly cap that validates gives a statement",
    (hours) => {
      const c = variant(contracts.familjeradgivning, (d) => (d.compensation.yearlyCap.hours = hours));
      if (c instanceof RulesError) return;
      expect(statement(c, "2022-03", session("2022-03-04")).cap?.baseHours.toString()).toBe(String(Number(hours)));
    },
  );

  test.prop([fc.constantFrom("0.01", "1", "1700", "999999999.99"), fc.constantFrom("0.01", "1", "800000", "9999999999.99"), fc.constantFrom(null, "470.59", "999999999999.99")], { numRuns: 60 })(
    "an hour volume that validates gives a statement (the largest annual cost at 0.01 hours a year too)",
    (hoursPerYear, annualCost, hourlyPrice) => {
      const c = variant(contracts.boendestod, (d) => {
        d.compensation.hoursPerYear = hoursPerYear;
        d.compensation.annualCost = annualCost;
        d.compensation.hourlyPrice = hourlyPrice;
      });
      expect(c).not.toBeInstanceOf(RulesError);
      const s = statement(c as Contract, "2019-03", session("2019-03-04"));
      expect(s.lines.map((l) => l.sessionId)).toContain("S1");
      expect(s.total.decimalPlaces()).toBeLessThanOrEqual(2);
    },
  );
});

describe("texts: what validates, the calendar can write", () => {
  /** Text with any character, controls, surrogate halves and astral ones included. */
  const anyText = fc.oneof(
    fc.string({ unit: "binary", maxLength: 12 }),
    fc.string({ unit: fc.constantFrom("a", " ", "\t", "\n", "\r", "\u0000", "\u0007", "\u001b", "\u007f", "\u0085", "\u009b", "\ud800", "\udc00", "\u{1F4C4}", "\u2028", "å"), maxLength: 8 }),
  );
  const place = fc.constantFrom("title", "reportQuote", "paymentQuote", "paymentRoute", "clauseTail", "document");

  test.prop([anyText, place], { numRuns: 400 })("a contract that parseContract accepts has an iCalendar of its obligations", (value, where) => {
    // The document label is in every clause too (each starts with it): replaced in the whole text.
    const label = JSON.stringify(contracts.familjeradgivning.document).slice(1, -1);
    const relabelled = (): Json => JSON.parse(JSON.stringify(contracts.familjeradgivning).split(label).join(JSON.stringify(value).slice(1, -1))) as Json;
    const c = where === "document" ? parsed(relabelled()) : variant(contracts.familjeradgivning, (d) => {
      if (where === "title") d.title = value;
      else if (where === "reportQuote") d.reporting[0].quote = value;
      else if (where === "paymentQuote") d.payment.quote = value;
      else if (where === "paymentRoute") d.payment.route = value;
      else d.reporting[0].clause = `${d.document as string} ${value}`;
    });
    if (c instanceof RulesError) return;
    expect(() => toICalendar(obligations(c, "2024-01-01", "2024-12-31"), { name: `${c.title} – 2024` })).not.toThrow();
  });

  it("the schema's own check agrees: contractSchema refuses an escape in the title", () => {
    const d = JSON.parse(JSON.stringify(contracts.familjeradgivning)) as Json;
    d.title = "Familjerådgivning\u001b]8;;http://x\u0007";
    expect(contractSchema.safeParse(d).success).toBe(false);
  });
});
