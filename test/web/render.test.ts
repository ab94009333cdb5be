/**
 * The page's renderers (src/render) write what the command line writes, byte
 * for byte, for every shipped commission: the statement as Excel-CSV and
 * JSON (an hour volume's implied price too), the deadlines as ICS, and the
 * ledger after a settlement. Runs in Node; the page test checks the same in
 * Chromium for familjerådgivning.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { contracts, parseSessionsCsv, settle, statement, type Contract, type StatementInput } from "../../src/index.js";
import { deadlinesIcs } from "../../src/render/calendar.js";
import { ledgerText } from "../../src/render/ledger.js";
import { statementCsvLines, statementJsonText } from "../../src/render/statement.js";

const root = join(import.meta.dirname, "..", "..");
const data = join(root, "examples", "data");

function cli(...args: string[]): string {
  return execFileSync(process.execPath, [join(root, "dist", "cli.js"), ...args], { cwd: root }).toString("utf8");
}

interface Case {
  contract: Contract;
  month: string;
  sessions?: string;
  start?: string;
}

const CASES: Case[] = [
  { contract: contracts.familjeradgivning, month: "2022-03", sessions: "familjeradgivning-2022-03.csv" },
  { contract: contracts.boendestod, month: "2019-03", sessions: "boendestod-2019-03.csv" },
  { contract: contracts.beroendemottagningen, month: "2023-03" },
  { contract: contracts.valdINaraRelation, month: "2023-03", start: "2020-01-01" },
];

function inputOf(c: Case): { input: StatementInput; args: string[] } {
  const input: StatementInput = {};
  const args: string[] = [];
  if (c.sessions !== undefined) {
    input.sessions = parseSessionsCsv(readFileSync(join(data, c.sessions))).sessions;
    args.push("--sessions", join(data, c.sessions));
  }
  if (c.start !== undefined) {
    input.start = c.start;
    args.push("--start", c.start);
  }
  return { input, args };
}

describe.each(CASES)("$contract.id $month", (c) => {
  const { input, args } = inputOf(c);
  const s = statement(c.contract, c.month, input);

  it("statement CSV and JSON as the command line's", () => {
    expect([...statementCsvLines(s, c.contract)].join("")).toBe(cli("statement", c.contract.id, "--month", c.month, ...args, "--format", "csv"));
    expect(statementJsonText(s)).toBe(cli("statement", c.contract.id, "--month", c.month, ...args, "--format", "json"));
  });

  it("deadlines ICS as the command line's", () => {
    const year = Number(c.month.slice(0, 4));
    const dtstamp = "2024-05-01T12:00:00Z";
    const options = c.start === undefined ? { dtstamp } : { dtstamp, start: c.start };
    const extra = c.start === undefined ? [] : ["--start", c.start];
    expect(deadlinesIcs(c.contract, year, options)).toBe(cli("deadlines", c.contract.id, "--year", String(year), "--format", "ics", "--dtstamp", dtstamp, ...extra));
  });

  it("the ledger after a settlement as settle writes it", () => {
    const file = join(mkdtempSync(join(tmpdir(), "render-ledger-")), "ledger.json");
    cli("settle", c.contract.id, "--month", c.month, ...args, "--ledger", file);
    expect(ledgerText(c.contract.id, [], settle(c.contract, c.month, input))).toBe(readFileSync(file, "utf8"));
  });
});
