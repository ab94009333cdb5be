/**
 * Kind `expected-results`: expected results against their targets
 * (`expectedResults(contract, answers)`).
 *
 * - `input`: `answers`, a list of `{ yes, total }` in the contract's order.
 * - `expected`: any part of the result (`met`, `measured`, `allMet`,
 *   `results: [{ share: { percent }, met }, …]`); or `{ error: CODE }`.
 *
 * @module
 */
import { expectedResults, type ResultAnswers } from "../../../src/index.js";
import type { TestCase } from "../case.js";
import { runReportingCase } from "../reportingSupport.js";

/** The kind this handler runs. */
export const kind = "expected-results";

/**
 * Measures the answers and checks `expected`.
 *
 * @param testCase - the case
 * @example
 * ```ts
 * run({ kind: "expected-results", contract: contracts.valdINaraRelation, input: { answers }, expected: { met: 9 }, ... });
 * ```
 */
export function run(testCase: TestCase): void {
  const { answers } = (testCase.input ?? {}) as { answers: ResultAnswers[] };
  runReportingCase(testCase, () => expectedResults(testCase.contract, answers));
}
