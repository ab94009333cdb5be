/**
 * Kind `early-termination`: the dates of an early termination for breach
 * (`earlyTermination(contract, breachNoticeOn, options)`).
 *
 * - `input`: `breachNoticeOn` (a date), optionally `rollCureDeadline`
 *   (`none` | `next-workday`).
 * - `expected`: any of `cureDeadline`, `earliestTerminationNotice`,
 *   `earliestEnd`, `rolled`, `clause`; or `{ error: CODE }`.
 *
 * @module
 */
import { z } from "zod";
import { earlyTermination } from "../../../src/deadlines/index.js";
import type { TestCase } from "../case.js";
import { expectFields, expectOutcome } from "../../deadlines/caseSupport.js";

/**
 * The kind this handler runs.
 *
 * @example
 * ```ts
 * kind; //=> "early-termination"
 * ```
 */
export const kind = "early-termination";

const inputSchema = z.strictObject({
  breachNoticeOn: z.string(),
  rollCureDeadline: z.enum(["none", "next-workday"]).optional(),
});

const expectedSchema = z
  .strictObject({
    cureDeadline: z.string().optional(),
    earliestTerminationNotice: z.string().optional(),
    earliestEnd: z.string().optional(),
    rolled: z.boolean().optional(),
    clause: z.string().optional(),
  })
  .refine((value) => Object.keys(value).length > 0, { error: "at least one expected field" });

/**
 * Runs `earlyTermination` with the case's input and compares the expected fields.
 *
 * @param testCase - the case
 * @example
 * ```ts
 * run({ kind: "early-termination", contract: contracts.valdINaraRelation,
 *   input: { breachNoticeOn: "2024-01-15" }, expected: { earliestEnd: "2024-05-15" }, ... });
 * ```
 */
export function run(testCase: TestCase): void {
  const input = inputSchema.parse(testCase.input);
  expectOutcome(
    testCase,
    expectedSchema,
    () => earlyTermination(testCase.contract, input.breachNoticeOn, input.rollCureDeadline === undefined ? {} : { rollCureDeadline: input.rollCureDeadline }),
    (actual, expected) => {
      expectFields(actual, expected, `${testCase.file}: "${testCase.title}"`);
    },
  );
}
