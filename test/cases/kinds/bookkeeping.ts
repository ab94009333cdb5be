/**
 * Kind `bookkeeping`: settlements run one after another (as kind
 * `settlement` does, the ledger growing), written as one SIE 4I file with a
 * posting configuration, and the file's vouchers checked row by row.
 *
 * - `input.posting`: a posting configuration file, relative to the
 *   repository (e.g. `examples/data/posting.json`), or (in cases.json) the
 *   configuration itself;
 * - `input.transactions`: optional, overrides the file's `transactions`
 *   (`per-entry` or `per-month-and-account`);
 * - `input.generated`: the date of `#GEN`, "YYYY-MM-DD";
 * - `input.steps`: `{ month, input? }` settled in order, each run's `paid`
 *   every earlier run's entries;
 * - `expected.vouchers`: every voucher of the file, in order,
 *   `{ number, date, text, rows }`, with `rows` every `#TRANS` as
 *   `[account, amount, transtext]` (strings), read back from the bytes.
 *
 * @module
 */
import { readFileSync } from "node:fs";
import { expect } from "vitest";
import { settlementsToSie, type PostingConfigInput } from "../../../src/bookkeeping/index.js";
import { settle, settlementToJSON, type LedgerEntryJSON, type Settlement, type SettlementInput } from "../../../src/billing/index.js";
import { readSie } from "../../bookkeeping/sieReader.js";
import type { TestCase } from "../case.js";

/** The kind this handler runs. */
export const kind = "bookkeeping";

interface Input {
  posting: string | PostingConfigInput;
  transactions?: "per-entry" | "per-month-and-account";
  generated: string;
  steps: { month: string; input?: SettlementInput }[];
}

interface ExpectedVoucher {
  number: number | null;
  date: string;
  text: string;
  rows: [string, string, string][];
}

/**
 * Runs the settlements, writes the file and checks its vouchers.
 *
 * @param testCase - the case
 * @example
 * ```ts
 * run({ kind: "bookkeeping", contract: contracts.beroendemottagningen, input: { posting: "examples/data/posting.json", generated: "2021-05-03", steps: [{ month: "2021-04" }] }, expected: { vouchers: [...] }, ... });
 * ```
 */
export function run(testCase: TestCase): void {
  const where = `${testCase.file}: "${testCase.title}"`;
  const input = testCase.input as Input;
  const posting =
    typeof input.posting === "string"
      ? (JSON.parse(readFileSync(new URL(`../../../${input.posting}`, import.meta.url), "utf8")) as PostingConfigInput)
      : { ...input.posting };
  if (input.transactions !== undefined) posting.transactions = input.transactions;
  const ledger: LedgerEntryJSON[] = [];
  const settlements: Settlement[] = [];
  for (const step of input.steps) {
    const s = settle(testCase.contract, step.month, { ...step.input, paid: [...ledger] });
    settlements.push(s);
    ledger.push(...settlementToJSON(s).entries);
  }
  const file = settlementsToSie(settlements, posting, { generated: { date: input.generated } });
  const read = readSie(file.bytes);
  const expected = (testCase.expected as { vouchers: ExpectedVoucher[] }).vouchers;
  expect(
    read.vouchers.map((v) => ({ number: v.number === "" ? null : Number(v.number), date: `${v.date.slice(0, 4)}-${v.date.slice(4, 6)}-${v.date.slice(6)}`, text: v.text, rows: v.rows.map((r) => [r.account, r.amount, r.text]) })),
    `${where}: vouchers`,
  ).toEqual(expected);
}
