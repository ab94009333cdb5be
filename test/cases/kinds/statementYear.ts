/**
 * Kind `statement-year`: a year report (`yearReport`), worked out by hand.
 *
 * - `input`: `year` (a number, required) and any field of a `YearReportInput`
 *   (`sessions`, `callOffs`, `index`, `policies`, `start`, `paid`, …).
 * - `expected`: any of
 *   - `months`: the months of the year in the term, as a list of "YYYY-MM";
 *   - `total`, `notPayable`, `feesOwedToPurchaser`: money strings;
 *   - `monthTotals`: a map from "YYYY-MM" to that statement's total;
 *   - `reconciliation`: a list of quarters `{ quarter, due, paid, difference }`
 *     (money strings);
 *   - `capUsage`: a list of `{ month, usedHours?, usedToDate?, capHours?, remaining? }`
 *     (hours as decimal strings, compared as numbers), for the months listed;
 *   - `error`: the RulesError code it must throw.
 *
 * @module
 */
import { expect } from "vitest";
import { yearReport, type YearReportInput } from "../../../src/billing/index.js";
import { Decimal } from "../../../src/money/index.js";
import type { TestCase } from "../case.js";
import { checkError } from "./statement.js";

/** The kind this handler runs. */
export const kind = "statement-year";

interface Expected {
  months?: string[];
  total?: string;
  notPayable?: string;
  feesOwedToPurchaser?: string;
  monthTotals?: Record<string, string>;
  reconciliation?: { quarter: number; due?: string; paid?: string; difference?: string }[];
  capUsage?: { month: string; usedHours?: string; usedToDate?: string; capHours?: string; remaining?: string }[];
  error?: string;
}

/**
 * Computes the year report of `input.year` and checks `expected`.
 *
 * @param testCase - the case
 * @example
 * ```ts
 * run({ kind: "statement-year", contract: contracts.beroendemottagningen, input: { year: 2021 }, expected: { total: "1370250.00" }, ... });
 * ```
 */
export function run(testCase: TestCase): void {
  const where = `${testCase.file}: "${testCase.title}"`;
  const { year, ...input } = (testCase.input ?? {}) as { year?: number } & YearReportInput;
  expect(typeof year, `${where}: input.year is required`).toBe("number");
  const expected = testCase.expected as Expected;
  if (expected.error !== undefined) {
    checkError(() => yearReport(testCase.contract, year as number, input), expected.error, where);
    return;
  }
  const known = new Set(["months", "total", "notPayable", "feesOwedToPurchaser", "monthTotals", "reconciliation", "capUsage"]);
  for (const key of Object.keys(expected)) expect(known.has(key), `${where}: unknown expected.${key}`).toBe(true);
  const r = yearReport(testCase.contract, year as number, input);
  if (expected.months !== undefined) expect(r.months, `${where}: months`).toEqual(expected.months);
  for (const key of ["total", "notPayable", "feesOwedToPurchaser"] as const) {
    if (expected[key] !== undefined) expect(r[key].toFixed(2), `${where}: ${key}`).toBe(expected[key]);
  }
  for (const [month, total] of Object.entries(expected.monthTotals ?? {})) {
    const s = r.statements.find((x) => x.month === month);
    expect(s, `${where}: no statement for ${month}`).toBeDefined();
    expect(s?.total.toFixed(2), `${where}: total of ${month}`).toBe(total);
  }
  for (const want of expected.reconciliation ?? []) {
    const q = r.reconciliation?.quarters.find((x) => x.quarter === want.quarter);
    expect(q, `${where}: no quarter ${want.quarter.toString()}`).toBeDefined();
    for (const key of ["due", "paid", "difference"] as const) {
      if (want[key] !== undefined) expect(q?.[key].toFixed(2), `${where}: Q${want.quarter.toString()} ${key}`).toBe(want[key]);
    }
  }
  for (const want of expected.capUsage ?? []) {
    const u = r.capUsage?.find((x) => x.month === want.month);
    expect(u, `${where}: no cap usage for ${want.month}`).toBeDefined();
    for (const key of ["usedHours", "usedToDate", "capHours", "remaining"] as const) {
      const value = want[key];
      if (value !== undefined) expect(u?.[key].eq(new Decimal(value)), `${where}: ${want.month} ${key} is ${u?.[key].toString() ?? "?"}`).toBe(true);
    }
  }
}
