/**
 * The comparison rules of a conformance run (src/testing/conformance.ts),
 * each with an exact expectation.
 */
import { describe, expect, it } from "vitest";
import { compareAnswer, describeDifference, sameValue } from "../../src/testing/index.js";

describe("compareAnswer", () => {
  it("takes the expected figures as a subset of the answer", () => {
    expect(compareAnswer("statement", { total: "4991.25" }, { total: "4991.25", notPayable: "0.00", extra: [1, 2] })).toEqual([]);
  });

  it("compares decimal strings as numbers, exactly", () => {
    expect(compareAnswer("statement", { total: "10" }, { total: "10.00" })).toEqual([]);
    expect(compareAnswer("statement", { total: "-0.50" }, { total: "-0.5" })).toEqual([]);
    expect(compareAnswer("statement", { total: "0" }, { total: "-0.00" })).toEqual([]);
    expect(compareAnswer("statement", { total: "10" }, { total: "10.01" })).toEqual([{ path: "total", expected: "10", actual: "10.01" }]);
    expect(compareAnswer("statement", { total: "0.30" }, { total: 0.3 })).toEqual([{ path: "total", expected: "0.30", actual: 0.3 }]);
    expect(sameValue("1.25", "01.250")).toBe(true);
    expect(sameValue("2022-03", "2022-03")).toBe(true);
    expect(sameValue("605", "6050")).toBe(false);
  });

  it("names a missing figure by its path", () => {
    expect(compareAnswer("notice-end", { end: "2025-02-28", clamped: true }, { end: "2025-02-28" })).toEqual([
      { path: "clamped", expected: true, actual: undefined, note: "missing from the answer" },
    ]);
  });

  it("matches lists item by item, and their lengths", () => {
    const expected = { lines: [{ id: "a", amount: "1.00" }, { id: "b", amount: "2.00" }] };
    expect(compareAnswer("statement", expected, { lines: [{ id: "a", amount: "1" }, { id: "b", amount: "2.5" }] })).toEqual([
      { path: "lines.1.amount", expected: "2.00", actual: "2.5" },
    ]);
    expect(compareAnswer("statement", expected, { lines: [{ id: "a", amount: "1" }] })[0]?.note).toBe("2 items expected, 1 given");
  });

  it("counts a list when a number is expected, and looks for a text in a warning", () => {
    expect(compareAnswer("statement", { warnings: 0 }, { warnings: [] })).toEqual([]);
    expect(compareAnswer("statement", { warnings: 0 }, { warnings: ["x"] })).toEqual([{ path: "warnings", expected: 0, actual: ["x"], note: "0 items expected, 1 given" }]);
    expect(compareAnswer("statement", { warnings: ["group rule not met"] }, { warnings: ["G4: group rule not met (4 participants)"] })).toEqual([]);
    expect(compareAnswer("statement", { warnings: ["cap"] }, { warnings: ["other"] })).toEqual([
      { path: "warnings.0", expected: "cap", actual: "other", note: "a warning containing the text" },
    ]);
  });

  it("matches a year's quarters by quarter and its cap usage by month", () => {
    const answer = { reconciliation: [{ quarter: 1, due: "3.00" }, { quarter: 2, due: "4.00" }], capUsage: [{ month: "2022-04", usedHours: "8.00" }] };
    expect(compareAnswer("statement-year", { reconciliation: [{ quarter: 2, due: "4" }], capUsage: [{ month: "2022-04", usedHours: "8" }] }, answer)).toEqual([]);
    expect(compareAnswer("statement-year", { reconciliation: [{ quarter: 3, due: "4" }] }, answer)).toEqual([
      { path: "reconciliation.0", expected: { quarter: 3, due: "4" }, actual: undefined, note: "no item with quarter 3" },
    ]);
    // Another kind's list of the same name is matched by place.
    expect(compareAnswer("statement", { reconciliation: [{ quarter: 2 }] }, answer)[0]?.note).toBe("1 items expected, 2 given");
  });

  it("expects an error code as an answer's error", () => {
    expect(compareAnswer("statement", { error: "UNKNOWN_START" }, { error: "UNKNOWN_START", message: "…" })).toEqual([]);
    expect(compareAnswer("statement", { error: "UNKNOWN_START" }, { total: "0.00" })).toEqual([
      { path: "error", expected: "UNKNOWN_START", actual: undefined, note: "missing from the answer" },
    ]);
  });
});

describe("describeDifference", () => {
  it("writes one line a person can read", () => {
    expect(describeDifference({ path: "lines.1.amount", expected: "756.25", actual: "756.00" })).toBe('lines.1.amount: expected "756.25", got "756.00"');
    expect(describeDifference({ path: "clamped", expected: true, actual: undefined, note: "missing from the answer" })).toBe("clamped: expected true, got nothing (missing from the answer)");
    expect(describeDifference({ path: "", expected: [], actual: { a: 1 } })).toBe('(the answer): expected [], got {"a":1}');
  });
});
