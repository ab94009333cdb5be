/**
 * The shape of an expert example (a "case") as the runner `test/cases.test.ts`
 * hands it to a kind's handler, and helpers the handlers share.
 *
 * @module
 */
import type { Contract } from "../../src/contracts/index.js";

/**
 * One expert example, read from a YAML file in `test/cases/`, with its
 * contract already resolved and validated.
 *
 * @example
 * ```ts
 * export function run(testCase: TestCase): void {
 *   expect(testCase.contract.id).toBe("familjeradgivning");
 * }
 * ```
 */
export interface TestCase {
  /** What the example shows, in a few words. */
  title: string;
  /** Which computation the example exercises, e.g. `"contract-figures"`. */
  kind: string;
  /** The contract: a shipped one by id, or one written inline, validated by parseContract. */
  contract: Contract;
  /** The inputs of the computation (free-form: each kind documents its own). */
  input: unknown;
  /** The expected result (free-form: each kind documents its own). */
  expected: unknown;
  /** A sentence or two for a person, in English with the Swedish quote. */
  explanation: string;
  /** The clause(s) of the contract the case checks, e.g. `"SON 2021-233 §1.2, §2.3"`. */
  clause: string;
  /** The YAML file the case comes from, for messages. */
  file: string;
}

/**
 * The module a kind's handler file in `test/cases/kinds/` must export.
 *
 * @example
 * ```ts
 * export const kind = "contract-figures";
 * export function run(testCase: TestCase): void { ... }
 * ```
 */
export interface CaseHandler {
  kind: string;
  run: (testCase: TestCase) => void;
}

/**
 * Reads a dotted path ("compensation.yearlyCap.hours", "reporting.0.dueDay")
 * from a value. Every step must be an own property: a path that does not
 * exist throws, so a misspelt path can never pass as `undefined`.
 *
 * @param root - the value to read from
 * @param path - dot-separated keys; array indices are numbers
 * @returns the value at the path
 * @throws Error naming the first step that does not exist
 * @example
 * ```ts
 * valueAtPath(contracts.familjeradgivning, "compensation.rate"); //=> "605"
 * ```
 */
export function valueAtPath(root: unknown, path: string): unknown {
  let value = root;
  const walked: string[] = [];
  for (const key of path.split(".")) {
    if (typeof value !== "object" || value === null || !Object.hasOwn(value, key)) {
      throw new Error(`path "${path}" does not exist: "${[...walked, key].join(".")}" is not there`);
    }
    value = (value as Record<string, unknown>)[key];
    walked.push(key);
  }
  return value;
}
