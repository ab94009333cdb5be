/**
 * Shared by the reporting kinds (`activity-report`, `expected-results`,
 * `insurance-check`, `liability-cap`): run the call, turn its result into
 * plain JSON data, and compare the case's figures with it as a subset; or
 * check the RulesError code of `expected.error`.
 *
 * @module
 */
import { Decimal } from "../../src/money/index.js";
import type { TestCase } from "./case.js";
import { expectSubset } from "./case.js";
import { checkError } from "./kinds/statement.js";

/** A result as plain data: every Decimal as money with two decimals (the liability results hold only money). */
function plain(value: unknown): unknown {
  if (value instanceof Decimal) return value.toFixed(2);
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

/**
 * Runs `call` and checks the case's `expected` against its result as JSON.
 *
 * @param testCase - the case
 * @param call - the computation
 * @param toJSON - its JSON form (default: Decimals as two-decimal money)
 * @example
 * ```ts
 * runReportingCase(testCase, () => liabilityCap(testCase.contract, { kind: "pure-economic-loss", amount: "3000000" }));
 * ```
 */
export function runReportingCase<T>(testCase: TestCase, call: () => T, toJSON: (result: T) => unknown = plain): void {
  const where = `${testCase.file}: "${testCase.title}"`;
  const expected = testCase.expected as Record<string, unknown> | null;
  if (expected === null || typeof expected !== "object" || Object.keys(expected).length === 0) throw new Error(`${where}: expected lists no figures`);
  if (typeof expected.error === "string") {
    checkError(call, expected.error, where);
    return;
  }
  expectSubset(toJSON(call()), expected, where);
}
