/**
 * Kind `statement`: one month's statement, worked out by hand.
 *
 * - `input`: `month` ("YYYY-MM", required) and any field of a
 *   `StatementInput`: `sessions`, `callOffs`, `index`, `policies`, `start`,
 *   `visitFeeRule`.
 * - `expected`: any of
 *   - `total`, `notPayable`, `feesOwedToPurchaser`: money as quoted strings
 *     with two decimals ("4991.25");
 *   - `lines`: the statement's lines, all of them, in order, each with `id`
 *     and any of `quantity` (a decimal string, compared as a number: "1.25"),
 *     `unitPrice`, `amount` (two decimals), `payable`, `kind`, `clause`;
 *   - `warnings`: the number of warnings, or a list of texts each warning
 *     must contain (in order);
 *   - `error`: the RulesError code the statement must throw (then nothing
 *     else is checked).
 *
 * @module
 */
import { expect } from "vitest";
import { statement, type Statement, type StatementInput } from "../../../src/billing/index.js";
import { RulesError } from "../../../src/errors.js";
import { Decimal } from "../../../src/money/index.js";
import type { TestCase } from "../case.js";

/** The kind this handler runs. */
export const kind = "statement";

/**
 * Computes the statement of `input.month` and checks `expected`.
 *
 * @param testCase - the case
 * @example
 * ```ts
 * run({ kind: "statement", contract: contracts.familjeradgivning, input: { month: "2022-03" }, expected: { total: "0.00" }, ... });
 * ```
 */
export function run(testCase: TestCase): void {
  const where = `${testCase.file}: "${testCase.title}"`;
  const { month, ...input } = (testCase.input ?? {}) as { month?: string } & StatementInput;
  expect(typeof month, `${where}: input.month is required`).toBe("string");
  const expected = testCase.expected as ExpectedStatement & { error?: string };
  if (expected.error !== undefined) {
    checkError(() => statement(testCase.contract, month as string, input), expected.error, where);
    return;
  }
  checkStatement(statement(testCase.contract, month as string, input), expected, where);
}

/** What a case may expect of a statement (shared with the other statement kinds). */
export interface ExpectedStatement {
  total?: string;
  notPayable?: string;
  feesOwedToPurchaser?: string;
  lines?: { id: string; quantity?: string; unitPrice?: string; amount?: string; payable?: boolean; kind?: string; clause?: string }[];
  warnings?: number | string[];
}

const MONEY = ["total", "notPayable", "feesOwedToPurchaser"] as const;

/** Checks a statement against what a case expects. */
export function checkStatement(s: Statement, expected: ExpectedStatement, where: string): void {
  const known = new Set<string>([...MONEY, "lines", "warnings"]);
  for (const key of Object.keys(expected)) expect(known.has(key), `${where}: unknown expected.${key}`).toBe(true);
  for (const key of MONEY) {
    const want = expected[key];
    if (want !== undefined) expect(s[key].toFixed(2), `${where}: ${key}`).toBe(want);
  }
  if (expected.lines !== undefined) {
    expect(s.lines.map((l) => l.id), `${where}: line ids`).toEqual(expected.lines.map((l) => l.id));
    expected.lines.forEach((want, i) => {
      const line = s.lines[i]!;
      const at = `${where}: line ${want.id}`;
      if (want.quantity !== undefined) expect(line.quantity.eq(new Decimal(want.quantity)), `${at} quantity ${line.quantity.toString()}`).toBe(true);
      if (want.unitPrice !== undefined) expect(line.unitPrice.toFixed(2), `${at} unitPrice`).toBe(want.unitPrice);
      if (want.amount !== undefined) expect(line.amount.toFixed(2), `${at} amount`).toBe(want.amount);
      if (want.payable !== undefined) expect(line.payable, `${at} payable`).toBe(want.payable);
      if (want.kind !== undefined) expect(line.kind, `${at} kind`).toBe(want.kind);
      if (want.clause !== undefined) expect(line.clause, `${at} clause`).toBe(want.clause);
    });
  }
  if (typeof expected.warnings === "number") expect(s.warnings, `${where}: warnings`).toHaveLength(expected.warnings);
  else if (expected.warnings !== undefined) {
    expect(s.warnings, `${where}: warnings`).toHaveLength(expected.warnings.length);
    expected.warnings.forEach((text, i) => {
      expect(s.warnings[i], `${where}: warning ${i.toString()}`).toContain(text);
    });
  }
}

/** Checks that `fn` throws a RulesError with `code`. */
export function checkError(fn: () => unknown, code: string, where: string): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught, `${where}: expected a RulesError ${code}`).toBeInstanceOf(RulesError);
  expect((caught as RulesError).code, `${where}: error code`).toBe(code);
}

