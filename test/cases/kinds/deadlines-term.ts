/**
 * Kind `term`: a fixed term's end after extensions, and its months in force
 * (`termEnd` and `termMonths`).
 *
 * - `input`: optionally `extensionsUsed` (default 0).
 * - `expected`: `end` (a date, or `null` for an open-ended term), and
 *   optionally `months` (in all) and `byYear` (a map from year to months);
 *   or `{ error: CODE }`.
 *
 * @module
 */
import { expect } from "vitest";
import { z } from "zod";
import { termEnd, termMonths } from "../../../src/contracts/index.js";
import type { TestCase } from "../case.js";
import { expectOutcome } from "../../deadlines/caseSupport.js";

/**
 * The kind this handler runs.
 *
 * @example
 * ```ts
 * kind; //=> "term"
 * ```
 */
export const kind = "term";

const inputSchema = z.strictObject({ extensionsUsed: z.int().optional() }).optional();

const expectedSchema = z.strictObject({
  end: z.string().nullable(),
  months: z.int().optional(),
  byYear: z.record(z.string(), z.int()).optional(),
});

/**
 * Runs `termEnd` (and `termMonths` when months are expected) and compares.
 *
 * @param testCase - the case
 * @example
 * ```ts
 * run({ kind: "term", contract: contracts.boendestod, input: { extensionsUsed: 1 }, expected: { end: "2021-12-31" }, ... });
 * ```
 */
export function run(testCase: TestCase): void {
  const extensionsUsed = inputSchema.parse(testCase.input)?.extensionsUsed ?? 0;
  const where = `${testCase.file}: "${testCase.title}"`;
  expectOutcome(
    testCase,
    expectedSchema,
    () => termEnd(testCase.contract, { extensionsUsed }),
    (end, expected) => {
      expect(end, where).toBe(expected.end);
      if (expected.months !== undefined || expected.byYear !== undefined) {
        const m = termMonths(testCase.contract, { extensionsUsed });
        if (expected.months !== undefined) expect(m.months, `${where}: months`).toBe(expected.months);
        if (expected.byYear !== undefined) {
          expect(Object.fromEntries(m.byYear.map((y) => [y.year.toString(), y.months])), `${where}: byYear`).toEqual(expected.byYear);
        }
      }
    },
  );
}
