/**
 * Kind `settlement`: months settled one after another (`settle`), the ledger
 * growing from step to step, worked out by hand.
 *
 * - `input.steps`: a list, run in order, each
 *   `{ month, input?, notice? }`: `month` settled ("YYYY-MM"),
 *   `input` the settlement input of that run without `paid` (sessions,
 *   call-offs, index, policies, start, `from` — as the municipality's system
 *   knows them at that time), and `notice` a written notice
 *   (`{ receivedOn, form }`) applied to the contract for this run and the
 *   ones after it. Each run's `paid` is every earlier run's entries, carried
 *   as JSON (`settlementToJSON`), as a ledger file would.
 * - `expected.steps`: one object per step (an empty object checks nothing
 *   but that the step runs), with any of
 *   - `total`, `feesOwedToPurchaser`: money strings;
 *   - `entries`: every entry, in order, `{ month, lineId, amount, reason, kind? }`
 *     (`kind` defaults to `"provider"`).
 *
 * @module
 */
import { expect } from "vitest";
import { applyNotice, type NoticeInput } from "../../../src/deadlines/index.js";
import { settle, settlementToJSON, type LedgerEntryJSON, type SettlementInput } from "../../../src/billing/index.js";
import type { Contract } from "../../../src/contracts/index.js";
import type { TestCase } from "../case.js";

/** The kind this handler runs. */
export const kind = "settlement";

interface Step {
  month: string;
  input?: SettlementInput;
  notice?: NoticeInput;
}

interface ExpectedStep {
  total?: string;
  feesOwedToPurchaser?: string;
  entries?: { month: string; lineId: string; amount: string; reason: string; kind?: string }[];
}

/**
 * Runs the steps and checks each against `expected.steps`.
 *
 * @param testCase - the case
 * @example
 * ```ts
 * run({ kind: "settlement", contract: contracts.beroendemottagningen, input: { steps: [{ month: "2021-04" }] }, expected: { steps: [{ total: "152250.00" }] }, ... });
 * ```
 */
export function run(testCase: TestCase): void {
  const where = `${testCase.file}: "${testCase.title}"`;
  const steps = (testCase.input as { steps: Step[] }).steps;
  const expected = (testCase.expected as { steps: ExpectedStep[] }).steps;
  expect(expected.length, `${where}: one expected entry per step`).toBe(steps.length);
  let contract: Contract = testCase.contract;
  const ledger: LedgerEntryJSON[] = [];
  steps.forEach((step, i) => {
    const at = `${where}, step ${(i + 1).toString()} (${step.month})`;
    if (step.notice !== undefined) contract = applyNotice(contract, step.notice);
    const input: SettlementInput = { ...step.input, paid: [...ledger] };
    const s = settle(contract, step.month, input);
    const json = settlementToJSON(s);
    const want = expected[i] ?? {};
    for (const key of Object.keys(want)) expect(["total", "feesOwedToPurchaser", "entries"], `${at}: unknown expected.${key}`).toContain(key);
    if (want.total !== undefined) expect(json.total, `${at}: total`).toBe(want.total);
    if (want.feesOwedToPurchaser !== undefined) expect(json.feesOwedToPurchaser, `${at}: feesOwedToPurchaser`).toBe(want.feesOwedToPurchaser);
    if (want.entries !== undefined) {
      expect(
        json.entries.map((e) => ({ month: e.month, lineId: e.lineId, amount: e.amount, reason: e.reason, kind: e.kind })),
        `${at}: entries`,
      ).toEqual(want.entries.map((e) => ({ ...e, kind: e.kind ?? "provider" })));
    }
    // Every step is idempotent: the same run again, with its own entries booked, books nothing.
    expect(settle(contract, step.month, { ...input, paid: [...ledger, ...json.entries] }).entries, `${at}: a re-run books nothing`).toEqual([]);
    ledger.push(...json.entries);
  });
}
