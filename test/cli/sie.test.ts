import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { contracts, settle, statement, type Session } from "../../src/index.js";
import { settlementsToSie, statementsToSie } from "../../src/bookkeeping/index.js";
import { readSie } from "../bookkeeping/sieReader.js";
import { cli, example, root, runCli, tempDir } from "./helpers.js";

const posting = example("posting.json");
const version = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }).version;
const MARCH = "id,date,minutes,kind,participants\nS1,2022-03-02,50,individual,\nS2,2022-03-09,61,individual,\n";
const sessions: Session[] = [
  { id: "S1", date: "2022-03-02", minutes: 50, kind: "individual" },
  { id: "S2", date: "2022-03-09", minutes: 61, kind: "individual" },
];
const options = { generated: { date: "2022-04-04", signature: "ekonom" }, program: { name: "verksamhetsuppdrag", version } };

function setUp(csvText = MARCH): { dir: string; csv: string; ledger: string } {
  const dir = tempDir();
  const csv = join(dir, "sessions.csv");
  writeFileSync(csv, csvText);
  return { dir, csv, ledger: join(dir, "ledger.json") };
}

describe("--format sie", () => {
  it("settle prints the library's SIE 4I file byte for byte, and books the entries in the ledger", () => {
    const { csv, ledger } = setUp();
    const r = runCli(["settle", "familjeradgivning", "--month", "2022-03", "--sessions", csv, "--ledger", ledger, "--format", "sie", "--posting", posting, "--generated", "2022-04-04", "--signature", "ekonom"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const expected = settlementsToSie([settle(contracts.familjeradgivning, "2022-03", { sessions })], JSON.parse(readFileSync(posting, "utf8")), options);
    expect(r.stdoutBytes.equals(Buffer.from(expected.bytes))).toBe(true);
    expect(readSie(r.stdoutBytes).vouchers[0]?.rows).toHaveLength(6);
    expect(r.stdoutBytes.includes(Buffer.from([0x94]))).toBe(true); // "ö" of "Exempelköpings" in code page 437
    expect((JSON.parse(readFileSync(ledger, "utf8")) as { entries: unknown[] }).entries).toHaveLength(3);
  });

  it("statement prints the month's voucher; --output writes the same bytes; --voucher-date dates it", () => {
    const { dir, csv } = setUp();
    const out = join(dir, "mars.si");
    const args = ["statement", "familjeradgivning", "--month", "2022-03", "--sessions", csv, "--format", "sie", "--posting", posting, "--generated", "2022-04-04", "--signature", "ekonom"];
    const r = runCli(args);
    expect(r.code).toBe(0);
    const expected = statementsToSie([statement(contracts.familjeradgivning, "2022-03", { sessions })], JSON.parse(readFileSync(posting, "utf8")), options);
    expect(r.stdoutBytes.equals(Buffer.from(expected.bytes))).toBe(true);
    expect(runCli([...args, "--output", out]).code).toBe(0);
    expect(readFileSync(out).equals(r.stdoutBytes)).toBe(true);
    const dated = runCli([...args, "--voucher-date", "2022-04-01"]);
    expect(readSie(dated.stdoutBytes).vouchers[0]?.date).toBe("20220401");
  });

  it("the #GEN date is $SOURCE_DATE_EPOCH's when --generated is not given", () => {
    const { csv } = setUp();
    const r = spawnSync(process.execPath, [cli, "statement", "familjeradgivning", "--month", "2022-03", "--sessions", csv, "--format", "sie", "--posting", posting], {
      env: { ...process.env, NODE_OPTIONS: "", SOURCE_DATE_EPOCH: "1651536000" },
    });
    expect(r.status).toBe(0);
    expect(readSie(r.stdout).gen).toEqual(["20220503"]);
  });

  it("a bad posting file exits 1 with one line naming the file and the field; the ledger is not touched", () => {
    const { dir, csv, ledger } = setUp();
    const bad = join(dir, "posting.json");
    const data = JSON.parse(readFileSync(posting, "utf8")) as { payment: { debit: { account: string } } };
    data.payment.debit.account = "46 10";
    writeFileSync(bad, JSON.stringify(data));
    const r = runCli(["settle", "familjeradgivning", "--month", "2022-03", "--sessions", csv, "--ledger", ledger, "--format", "sie", "--posting", bad]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain(`${bad}, field payment.debit.account: expected an account number`);
    expect(existsSync(ledger)).toBe(false);
    writeFileSync(bad, "{ not json");
    expect(runCli(["statement", "familjeradgivning", "--month", "2022-03", "--format", "sie", "--posting", bad]).code).toBe(1);
  });

  it("a session id code page 437 cannot hold exits 1 naming it, before the ledger is written", () => {
    const { csv, ledger } = setUp("id,date,minutes,kind,participants\nS–1,2022-03-02,50,individual,\n");
    const r = runCli(["settle", "familjeradgivning", "--month", "2022-03", "--sessions", csv, "--ledger", ledger, "--format", "sie", "--posting", posting, "--generated", "2022-04-04"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("U+2013");
    expect(r.stderr).toContain("not in code page 437");
    expect(existsSync(ledger)).toBe(false);
  });

  it("--format sie without --posting, or the SIE options with another format, is bad usage", () => {
    expect(runCli(["statement", "familjeradgivning", "--month", "2022-03", "--format", "sie"]).code).toBe(2);
    const r = runCli(["statement", "familjeradgivning", "--month", "2022-03", "--posting", posting]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--posting applies only to --format sie");
    expect(runCli(["statement", "familjeradgivning", "--month", "2022-03", "--format", "sie", "--posting", posting, "--generated", "2022-02-30"]).code).toBe(1);
  });
});
