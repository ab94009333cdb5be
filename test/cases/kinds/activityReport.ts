/**
 * Kind `activity-report`: the figures of a year's activity report
 * (`activityReport(contract, year, input)`), worked out by hand.
 *
 * - `input`: `year` (required) and any field of an `ActivityReportInput`
 *   (`sessions`, `callOffs`, `intakes`, `asOf`, `groups`, `roll`, …).
 * - `expected`: any part of `activityReportToJSON`'s result (compared as a
 *   subset: money "0.00", hours as decimal strings); or `{ error: CODE }`.
 *
 * @module
 */
import { activityReport, activityReportToJSON, type ActivityReportInput } from "../../../src/index.js";
import type { TestCase } from "../case.js";
import { runReportingCase } from "../reportingSupport.js";

/** The kind this handler runs. */
export const kind = "activity-report";

/**
 * Computes the activity report of `input.year` and checks `expected`.
 *
 * @param testCase - the case
 * @example
 * ```ts
 * run({ kind: "activity-report", contract: contracts.familjeradgivning, input: { year: 2022 }, expected: { sessions: 0 }, ... });
 * ```
 */
export function run(testCase: TestCase): void {
  const { year, ...input } = (testCase.input ?? {}) as { year: number } & ActivityReportInput;
  runReportingCase(testCase, () => activityReport(testCase.contract, year, input), activityReportToJSON);
}
