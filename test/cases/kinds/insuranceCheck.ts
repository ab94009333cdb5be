/**
 * Kind `insurance-check`: liability insurance against the contract's minimum
 * (`insuranceCheck(contract, cover)`).
 *
 * - `input`: `cover`, `{ personalInjury, propertyDamage }` (money strings).
 * - `expected`: any part of the result, money as two-decimal strings
 *   (`ok`, `shortfalls: [{ kind, missing }]`, `clause`); or `{ error: CODE }`.
 *
 * @module
 */
import { insuranceCheck, type InsuranceCover } from "../../../src/index.js";
import type { TestCase } from "../case.js";
import { runReportingCase } from "../reportingSupport.js";

/** The kind this handler runs. */
export const kind = "insurance-check";

/**
 * Checks the cover and compares `expected`.
 *
 * @param testCase - the case
 * @example
 * ```ts
 * run({ kind: "insurance-check", contract: contracts.valdINaraRelation, input: { cover }, expected: { ok: true }, ... });
 * ```
 */
export function run(testCase: TestCase): void {
  const { cover } = (testCase.input ?? {}) as { cover: InsuranceCover };
  runReportingCase(testCase, () => insuranceCheck(testCase.contract, cover));
}
