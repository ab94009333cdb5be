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

/**
 * Checks that `expected` is a subset of `actual`: every key of an expected
 * object must be in the actual one with a matching value; lists must have
 * the same length and match item by item; anything else must be equal.
 * Keys the case does not list are not checked, so a case names exactly the
 * figures it worked out by hand.
 *
 * @param actual - the computed value (plain JSON data)
 * @param expected - the figures that must match
 * @param where - a label for messages, extended with the path
 * @example
 * ```ts
 * expectSubset({ a: "1.00", b: [1, 2] }, { b: [1, 2] }, "case"); // passes
 * ```
 */
export function expectSubset(actual: unknown, expected: unknown, where: string): void {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) throw new Error(`${where}: expected a list, got ${JSON.stringify(actual)}`);
    if (actual.length !== expected.length) throw new Error(`${where}: expected ${expected.length.toString()} items, got ${actual.length.toString()}: ${JSON.stringify(actual)}`);
    expected.forEach((item: unknown, i) => {
      expectSubset(actual[i], item, `${where}.${i.toString()}`);
    });
    return;
  }
  if (typeof expected === "object" && expected !== null) {
    if (typeof actual !== "object" || actual === null) throw new Error(`${where}: expected an object, got ${JSON.stringify(actual)}`);
    for (const [key, value] of Object.entries(expected)) {
      if (!Object.hasOwn(actual, key)) throw new Error(`${where}.${key}: not in the result (${Object.keys(actual).join(", ")})`);
      expectSubset((actual as Record<string, unknown>)[key], value, `${where}.${key}`);
    }
    return;
  }
  if (actual !== expected) throw new Error(`${where}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}
