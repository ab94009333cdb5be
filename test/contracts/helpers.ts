/**
 * Helpers for the contract tests: plain mutable copies of shipped contracts
 * and the issues parseContract reports.
 *
 * @module
 */
import { expect } from "vitest";
import { contracts, parseContract, type Contract } from "../../src/contracts/index.js";
import { RulesError, type RulesIssue } from "../../src/errors.js";

/** A plain, mutable JSON copy of a contract (any shape, for breaking it on purpose). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Draft = any;

/**
 * A plain mutable copy of a shipped contract, as JSON would give it.
 *
 * @example
 * ```ts
 * const d = draft("familjeradgivning"); d.compensation.rate = "12,5";
 * ```
 */
export function draft(name: keyof typeof contracts): Draft {
  return JSON.parse(JSON.stringify(contracts[name]));
}

/**
 * A plain mutable copy of any contract.
 *
 * @example
 * ```ts
 * const d = copy(boendestodProcuredOptions.capio);
 * ```
 */
export function copy(contract: Contract): Draft {
  return JSON.parse(JSON.stringify(contract));
}

/**
 * The issues parseContract reports for `input`; fails the test when it does
 * not throw a RulesError with code INVALID_CONTRACT.
 *
 * @example
 * ```ts
 * issuesOf({}).map((i) => i.path); //=> ["id", "title", ...]
 * ```
 */
export function issuesOf(input: unknown): readonly RulesIssue[] {
  try {
    parseContract(input);
  } catch (error) {
    expect(error).toBeInstanceOf(RulesError);
    const rulesError = error as RulesError;
    expect(rulesError.code).toBe("INVALID_CONTRACT");
    expect(rulesError.issues.length).toBeGreaterThan(0);
    return rulesError.issues;
  }
  throw new Error("parseContract accepted the input");
}

/**
 * The one issue at `path`; fails when there is none.
 *
 * @example
 * ```ts
 * issueAt(issuesOf(d), "compensation.rate").expected; //=> 'money as a string …'
 * ```
 */
export function issueAt(issues: readonly RulesIssue[], path: string): RulesIssue {
  const found = issues.filter((issue) => issue.path === path);
  expect(found, `issues: ${JSON.stringify(issues)}`).toHaveLength(1);
  return found[0]!;
}
