/**
 * Kind `liability-cap`: the provider's liability for one incident of pure
 * economic loss (`liabilityCap(contract, claim)`).
 *
 * - `input`: `claim`, `{ kind: pure-economic-loss, amount }` (a money string).
 * - `expected`: any part of the result, money as two-decimal strings
 *   (`liable`, `capped`, `cap`, `beyondCap`, `clause`); or `{ error: CODE }`.
 *
 * @module
 */
import { liabilityCap, type LiabilityClaim } from "../../../src/index.js";
import type { TestCase } from "../case.js";
import { runReportingCase } from "../reportingSupport.js";

/** The kind this handler runs. */
export const kind = "liability-cap";

/**
 * Caps the claim and compares `expected`.
 *
 * @param testCase - the case
 * @example
 * ```ts
 * run({ kind: "liability-cap", contract: contracts.valdINaraRelation, input: { claim }, expected: { capped: true }, ... });
 * ```
 */
export function run(testCase: TestCase): void {
  const { claim } = (testCase.input ?? {}) as { claim: LiabilityClaim };
  runReportingCase(testCase, () => liabilityCap(testCase.contract, claim));
}
