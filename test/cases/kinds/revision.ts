/**
 * Kind `revision`: an index revision (`indexRevision`), worked out by hand.
 *
 * - `input`: `year` (a number), `from` and `to` (index series as in the
 *   package: `{ name, percent }` or `{ name, values }`), `paidThrough`
 *   ("YYYY-MM") and optionally `statementInput` (sessions, policies, start…).
 * - `expected`: any of
 *   - `months`: a list of `{ month, paid, revised, difference }` (money strings), all months, in order;
 *   - `paid`, `revised`, `difference`: money strings;
 *   - `direction`: "owed-to-provider", "reclaimed-from-provider" or "none";
 *   - `from`, `to`: `{ percent, status }` of the revised year's index value.
 *
 * @module
 */
import { expect } from "vitest";
import type { StatementInput } from "../../../src/billing/index.js";
import type { IndexSeries } from "../../../src/indexation/index.js";
import { indexRevision } from "../../../src/billing/revision.js";
import type { TestCase } from "../case.js";

/** The kind this handler runs. */
export const kind = "revision";

interface Expected {
  months?: { month: string; paid?: string; revised?: string; difference?: string }[];
  paid?: string;
  revised?: string;
  difference?: string;
  direction?: string;
  from?: { percent: string; status: string };
  to?: { percent: string; status: string };
}

/**
 * Computes the revision and checks `expected`.
 *
 * @param testCase - the case
 * @example
 * ```ts
 * run({ kind: "revision", contract: contracts.beroendemottagningen, input: { year: 2023, from, to, paidThrough: "2023-04" }, expected: { difference: "6826.28" }, ... });
 * ```
 */
export function run(testCase: TestCase): void {
  const where = `${testCase.file}: "${testCase.title}"`;
  const input = testCase.input as { year: number; from: IndexSeries; to: IndexSeries; paidThrough: string; statementInput?: StatementInput };
  const expected = testCase.expected as Expected;
  const known = new Set(["months", "paid", "revised", "difference", "direction", "from", "to"]);
  for (const key of Object.keys(expected)) expect(known.has(key), `${where}: unknown expected.${key}`).toBe(true);
  const r = indexRevision(testCase.contract, input.year, { from: input.from, to: input.to, paidThrough: input.paidThrough, input: input.statementInput });
  if (expected.months !== undefined) {
    expect(r.months.map((m) => m.month), `${where}: months`).toEqual(expected.months.map((m) => m.month));
    expected.months.forEach((want, i) => {
      const got = r.months[i];
      for (const key of ["paid", "revised", "difference"] as const) {
        if (want[key] !== undefined) expect(got?.[key].toFixed(2), `${where}: ${want.month} ${key}`).toBe(want[key]);
      }
    });
  }
  for (const key of ["paid", "revised", "difference"] as const) {
    if (expected[key] !== undefined) expect(r[key].toFixed(2), `${where}: ${key}`).toBe(expected[key]);
  }
  if (expected.direction !== undefined) expect(r.direction, `${where}: direction`).toBe(expected.direction);
  for (const side of ["from", "to"] as const) {
    const want = expected[side];
    if (want !== undefined) expect(r[side].steps.at(-1), `${where}: ${side}`).toMatchObject(want);
  }
}
