import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { contracts, settle, settlementToJSON, type LedgerEntryJSON } from "../../src/index.js";
import { runCli, tempDir } from "./helpers.js";

const MARCH = "id,date,minutes,kind,participants\nS1,2022-03-02,50,individual,\nS2,2022-03-09,61,individual,\n";

function setUp(sessions = MARCH): { dir: string; csv: string; ledger: string } {
  const dir = tempDir();
  const csv = join(dir, "sessions.csv");
  writeFileSync(csv, sessions);
  return { dir, csv, ledger: join(dir, "ledger.json") };
}

const entriesOf = (file: string): LedgerEntryJSON[] => (JSON.parse(readFileSync(file, "utf8")) as { entries: LedgerEntryJSON[] }).entries;

describe("settle on the command line", () => {
  it("books a month into a new ledger; a re-run prints a zero total and leaves the ledger byte for byte", () => {
    const { csv, ledger } = setUp();
    const first = runCli(["settle", "familjeradgivning", "--month", "2022-03", "--sessions", csv, "--ledger", ledger]);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^To book to the provider now {7}1\u00a0361,25\u00a0kr$/m);
    expect(first.stdout).toMatch(/^Visit fees owed to the purchaser {4}400,00\u00a0kr$/m);
    expect(first.stdout).toContain("3 entries added (a new ledger)");
    const text = readFileSync(ledger, "utf8");
    expect(JSON.parse(text)).toMatchObject({ format: "verksamhetsuppdrag/ledger@1", contractId: "familjeradgivning" });
    expect(entriesOf(ledger).map((e) => [e.lineId, e.amount, e.kind])).toEqual([
      ["familjeradgivning:2022-03:session:S1", "605.00", "provider"],
      ["familjeradgivning:2022-03:session:S2", "756.25", "provider"],
      ["familjeradgivning:2022-03:visit-fees", "400.00", "fee"],
    ]);
    const again = runCli(["settle", "familjeradgivning", "--month", "2022-03", "--sessions", csv, "--ledger", ledger]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("Nothing to book");
    expect(again.stdout).toMatch(/^To book to the provider now {2}0,00\u00a0kr$/m);
    expect(readFileSync(ledger, "utf8")).toBe(text);
  });

  it("a late session is booked on its month the next time; the JSON is exactly settlementToJSON", () => {
    const { csv, ledger } = setUp();
    expect(runCli(["settle", "familjeradgivning", "--month", "2022-03", "--sessions", csv, "--ledger", ledger]).code).toBe(0);
    const booked = entriesOf(ledger);
    writeFileSync(csv, `${MARCH}S3,2022-03-28,45,individual,\nA1,2022-04-05,60,individual,\n`);
    const r = runCli(["settle", "familjeradgivning", "--month", "2022-04", "--sessions", csv, "--ledger", ledger, "--format", "json"]);
    expect(r.stderr).toBe("");
    const sessions = [
      { id: "S1", date: "2022-03-02", minutes: 50, kind: "individual" as const },
      { id: "S2", date: "2022-03-09", minutes: 61, kind: "individual" as const },
      { id: "S3", date: "2022-03-28", minutes: 45, kind: "individual" as const },
      { id: "A1", date: "2022-04-05", minutes: 60, kind: "individual" as const },
    ];
    const expected = settlementToJSON(settle(contracts.familjeradgivning, "2022-04", { sessions, paid: booked }));
    expect(JSON.parse(r.stdout)).toEqual(expected);
    expect(expected.total).toBe("1058.75");
    expect(entriesOf(ledger)).toEqual([...booked, ...expected.entries]);
  });

  it("--dry-run prints the settlement and leaves the ledger as it was", () => {
    const { csv, ledger } = setUp();
    const r = runCli(["settle", "familjeradgivning", "--month", "2022-03", "--sessions", csv, "--ledger", ledger, "--dry-run"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("left as it was (--dry-run; 3 entries not added)");
    expect(() => readFileSync(ledger)).toThrow();
  });

  it("a bad ledger entry is one line naming the file, entry and field; the ledger is left byte for byte", () => {
    const { csv, ledger } = setUp();
    expect(runCli(["settle", "familjeradgivning", "--month", "2022-03", "--sessions", csv, "--ledger", ledger]).code).toBe(0);
    const data = JSON.parse(readFileSync(ledger, "utf8")) as { entries: Record<string, unknown>[] };
    (data.entries[1] as Record<string, unknown>).amount = "756,25";
    const text = JSON.stringify(data);
    writeFileSync(ledger, text);
    const r = runCli(["settle", "familjeradgivning", "--month", "2022-04", "--sessions", csv, "--ledger", ledger]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain(`${ledger}, field entries[1].amount`);
    expect(readFileSync(ledger, "utf8")).toBe(text);
  });

  it("a bad sessions row leaves the ledger as it was", () => {
    const { csv, ledger } = setUp();
    expect(runCli(["settle", "familjeradgivning", "--month", "2022-03", "--sessions", csv, "--ledger", ledger]).code).toBe(0);
    const text = readFileSync(ledger, "utf8");
    writeFileSync(csv, `${MARCH}S3,2022-03-28,-5,individual,\n`);
    const r = runCli(["settle", "familjeradgivning", "--month", "2022-04", "--sessions", csv, "--ledger", ledger]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/line 4, field minutes/);
    expect(readFileSync(ledger, "utf8")).toBe(text);
  });

  it("a ledger that cannot be written exits 74 and prints no settlement", () => {
    const { dir, csv } = setUp();
    // A ledger "inside" a plain file: its folder cannot hold the temporary file (ENOTDIR), whoever runs the test.
    const blocker = join(dir, "not-a-folder");
    writeFileSync(blocker, "x");
    const r = runCli(["settle", "familjeradgivning", "--month", "2022-03", "--sessions", csv, "--ledger", join(blocker, "ledger.json")]);
    expect(r.code).toBe(74);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/could not write the output to ".*ledger\.json": ENOTDIR/);
    expect(readFileSync(blocker, "utf8")).toBe("x");
  });

  it("--format csv: one row per entry for Swedish Excel, and no text cell starts a formula", () => {
    const { csv, ledger } = setUp('id,date,minutes,kind\n"=HYPERLINK(""http://x"",""y"")",2022-03-02,50,individual\n');
    const r = runCli(["settle", "familjeradgivning", "--month", "2022-03", "--sessions", csv, "--ledger", ledger, "--format", "csv"]);
    expect(r.stderr).toBe("");
    const rows = r.stdout.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(rows[0]).toBe("entry;settled in;month;line;kind;reason;amount;description;clause");
    expect(rows).toHaveLength(5);
    for (const row of rows.slice(1)) for (const cell of row.split(";")) expect(cell).not.toMatch(/^[=+@\t\r]/);
    expect(rows.at(-2)).toBe("total to the provider;2022-03;;;provider;;605,00;;");
  });
});
