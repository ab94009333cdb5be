/**
 * Shared by the deadline kinds of the expert examples (`test/cases/kinds/deadlines*.ts`):
 * run a computation and compare its result with `expected`, or check that it
 * throws the RulesError code `expected.error`.
 *
 * @module
 */
import { expect } from "vitest";
import { z } from "zod";
import { RulesError } from "../../src/errors.js";
import type { TestCase } from "../cases/case.js";

const errorSchema = z.strictObject({ error: z.string().min(1) });

/**
 * Checks a case's outcome: when `expected` is `{ error: CODE }` the call must
 * throw a RulesError with that code; otherwise `expected` is parsed with
 * `schema` and handed to `compare` with the call's result.
 *
 * @param testCase - the case
 * @param schema - the shape of a successful `expected`
 * @param call - the computation
 * @param compare - the comparison of the result with `expected`
 * @example
 * ```ts
 * expectOutcome(testCase, z.strictObject({ end: z.string() }), () => ({ end: noticeEnd(c, n) }), (a, e) => expect(a).toEqual(e));
 * ```
 */
export function expectOutcome<E, A>(testCase: TestCase, schema: z.ZodType<E>, call: () => A, compare: (actual: A, expected: E) => void): void {
  const where = `${testCase.file}: "${testCase.title}"`;
  const error = errorSchema.safeParse(testCase.expected);
  if (error.success) {
    let thrown: unknown = null;
    try {
      call();
    } catch (e) {
      thrown = e;
    }
    expect(thrown, `${where}: expected RulesError ${error.data.error}`).toBeInstanceOf(RulesError);
    expect((thrown as RulesError).code, where).toBe(error.data.error);
    return;
  }
  const parsed = schema.safeParse(testCase.expected);
  if (!parsed.success) throw new Error(`${where}: bad expected: ${z.prettifyError(parsed.error)}`);
  compare(call(), parsed.data);
}

/**
 * Compares the listed fields of `expected` with the same fields of `actual`;
 * fields `expected` does not list are not checked.
 *
 * @param actual - the computed object
 * @param expected - the fields that must match
 * @param where - a label for messages
 * @example
 * ```ts
 * expectFields({ end: "2025-02-28", months: 12 }, { end: "2025-02-28" }, "case"); // passes
 * ```
 */
export function expectFields(actual: object, expected: Record<string, unknown>, where: string): void {
  const picked = Object.fromEntries(Object.keys(expected).map((key) => [key, (actual as Record<string, unknown>)[key]]));
  expect(picked, where).toEqual(expected);
}
