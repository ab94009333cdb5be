/**
 * Kind `contract-figures`: the figures a contract states, read back by path.
 *
 * - `input`: none (leave it out).
 * - `expected`: a map from a dotted path into the contract to the value it
 *   must have, e.g. `compensation.amount: "1827000"` or
 *   `reporting.0.dueDay: 31`. Money, hours and percentages are strings in
 *   the contract, so quote them in YAML; years, months, days and counts are
 *   numbers; `null` means the text is silent and the data says so.
 *
 * @module
 */
import { expect } from "vitest";
import { valueAtPath, type TestCase } from "../case.js";

/**
 * The kind this handler runs.
 *
 * @example
 * ```ts
 * kind; //=> "contract-figures"
 * ```
 */
export const kind = "contract-figures";

/**
 * Checks every path of `expected` against the contract.
 *
 * @param testCase - the case, with `expected` a map of dotted paths to values
 * @example
 * ```ts
 * run({ kind: "contract-figures", contract: contracts.familjeradgivning, expected: { "compensation.rate": "605" }, ... });
 * ```
 */
export function run(testCase: TestCase): void {
  expect(testCase.input, `${testCase.file}: contract-figures takes no input`).toBeUndefined();
  const expected = testCase.expected;
  expect(expected, `${testCase.file}: expected must be a map of paths to values`).toBeTypeOf("object");
  const entries = Object.entries(expected as Record<string, unknown>);
  expect(entries.length, `${testCase.file}: expected lists no figure`).toBeGreaterThan(0);
  for (const [path, value] of entries) {
    expect(valueAtPath(testCase.contract, path), `${testCase.file}: "${testCase.title}", ${path}`).toEqual(value);
  }
}
