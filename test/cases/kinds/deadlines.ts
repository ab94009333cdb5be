/**
 * Kind `deadlines`: the reporting deadlines that fall in a year
 * (`deadlines(contract, year, options)`).
 *
 * - `input`: `year` (a number), optionally `roll` (`none` | `next-workday`)
 *   and `start` (a date, for a contract whose text gives none).
 * - `expected`: the list of deadlines in order, each `{ due, kind, covers }`
 *   and optionally `workday` (true/false) and `clause`; `[]` when nothing is
 *   due; or `{ error: CODE }` when the call must throw that RulesError code.
 *
 * @module
 */
import { expect } from "vitest";
import { z } from "zod";
import { deadlines } from "../../../src/deadlines/index.js";
import type { TestCase } from "../case.js";
import { expectFields, expectOutcome } from "../../deadlines/caseSupport.js";

/**
 * The kind this handler runs.
 *
 * @example
 * ```ts
 * kind; //=> "deadlines"
 * ```
 */
export const kind = "deadlines";

const inputSchema = z.strictObject({
  year: z.int(),
  roll: z.enum(["none", "next-workday"]).optional(),
  start: z.string().optional(),
});

const deadlineSchema = z.strictObject({
  due: z.string(),
  kind: z.enum(["activity-report", "lex-sarah-summary"]),
  covers: z.int(),
  workday: z.boolean().optional(),
  clause: z.string().optional(),
});

/**
 * Runs `deadlines` with the case's input and compares each expected field.
 *
 * @param testCase - the case
 * @example
 * ```ts
 * run({ kind: "deadlines", contract: contracts.beroendemottagningen, input: { year: 2021 }, expected: [], ... });
 * ```
 */
export function run(testCase: TestCase): void {
  const input = inputSchema.parse(testCase.input);
  const options = { ...(input.roll === undefined ? {} : { roll: input.roll }), ...(input.start === undefined ? {} : { start: input.start }) };
  expectOutcome(testCase, z.array(deadlineSchema), () => deadlines(testCase.contract, input.year, options), (actual, expected) => {
    expect(actual.length, `${testCase.file}: "${testCase.title}": number of deadlines`).toBe(expected.length);
    expected.forEach((want, i) => {
      expectFields(actual[i] ?? {}, want, `${testCase.file}: "${testCase.title}": deadline ${i.toString()}`);
    });
  });
}
