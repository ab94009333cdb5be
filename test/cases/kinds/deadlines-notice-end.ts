/**
 * Kind `notice-end`: when a notice ends a commission
 * (`noticePeriod(contract, notice, options)`).
 *
 * - `input`: `receivedOn` (a date), `form` (`written` | `oral`), optionally
 *   `months` (agreed otherwise), `givenBy` (`purchaser` | `provider`) and
 *   `rule` (`same-date` | `end-of-month`).
 * - `expected`: `end` and optionally `months`, `clamped`, `clause`; or
 *   `{ error: CODE }`.
 *
 * @module
 */
import { z } from "zod";
import { noticePeriod } from "../../../src/deadlines/index.js";
import type { TestCase } from "../case.js";
import { expectFields, expectOutcome } from "../../deadlines/caseSupport.js";

/**
 * The kind this handler runs.
 *
 * @example
 * ```ts
 * kind; //=> "notice-end"
 * ```
 */
export const kind = "notice-end";

const inputSchema = z.strictObject({
  receivedOn: z.string(),
  form: z.enum(["written", "oral"]),
  months: z.int().optional(),
  givenBy: z.enum(["purchaser", "provider"]).optional(),
  rule: z.enum(["same-date", "end-of-month"]).optional(),
});

const expectedSchema = z.strictObject({
  end: z.string(),
  months: z.int().optional(),
  clamped: z.boolean().optional(),
  clause: z.string().optional(),
});

/**
 * Runs `noticePeriod` with the case's input and compares the expected fields.
 *
 * @param testCase - the case
 * @example
 * ```ts
 * run({ kind: "notice-end", contract: contracts.familjeradgivning,
 *   input: { receivedOn: "2024-02-29", form: "written" }, expected: { end: "2025-02-28" }, ... });
 * ```
 */
export function run(testCase: TestCase): void {
  const { rule, ...notice } = inputSchema.parse(testCase.input);
  expectOutcome(
    testCase,
    expectedSchema,
    () => noticePeriod(testCase.contract, notice, rule === undefined ? {} : { rule }),
    (actual, expected) => {
      expectFields(actual, expected, `${testCase.file}: "${testCase.title}"`);
    },
  );
}
