/**
 * Helpers shared by the billing tests.
 *
 * @module
 */
import { parseContract } from "../../src/contracts/parse.js";
import type { Contract } from "../../src/contracts/schema.js";
import { RulesError } from "../../src/errors.js";

/** The RulesError a function throws; fails when it throws nothing or something else. */
export function errorOf(fn: () => unknown): RulesError {
  try {
    fn();
  } catch (e) {
    if (e instanceof RulesError) return e;
    throw new Error(`not a RulesError: ${String(e)}`, { cause: e });
  }
  throw new Error("no error");
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a patch reaches into any field of plain JSON
export type Json = Record<string, any>;

/** A copy of a contract with some fields replaced, validated again by parseContract. */
export function variant(base: Contract, patch: (c: Json) => void): Contract {
  const copy = JSON.parse(JSON.stringify(base)) as Json;
  patch(copy);
  return parseContract(copy);
}

/** Money as a string with two decimals (from a Decimal). */
export function kr(value: { toFixed: (dp: number) => string }): string {
  return value.toFixed(2);
}
