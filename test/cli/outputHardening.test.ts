/**
 * Issue 18, the output side, run on the built command: no CSV cell starts a
 * formula, no table or message passes a terminal control through, messages
 * are bounded, outputs stream (no giant string, no spread of a long array),
 * every write is checked (a full disk is exit 74 with one line, never 0),
 * `--output FILE` replaces FILE only when complete, an implied hour price is
 * shown so that quantity × price checks, and the calendar's DTSTAMP can be
 * pinned.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { cli, example, root, runCli, tempDir, type Run } from "./helpers.js";

/** Runs the built command through `sh -c`, for redirections and `ulimit`. */
function sh(script: string, env: Record<string, string> = {}): Run {
  const result = spawnSync("sh", ["-c", script], {
    cwd: root,
    timeout: 60_000,
    env: { ...process.env, NODE_OPTIONS: "", ...env },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: result.status, stdoutBytes: result.stdout, stdout: result.stdout.toString("utf8"), stderr: result.stderr.toString("utf8") };
}

const node = `'${process.execPath}' '${cli}'`;

function file(name: string, text: string): string {
  const path = join(tempDir(), name);
  writeFileSync(path, text);
  return path;
}

/** The example commission with its document label (which every clause starts with) replaced. */
function commissionLabelled(label: string): string {
  const text = readFileSync(example("own-commission.json"), "utf8").replaceAll('"SN 2024-17', JSON.stringify(label).slice(0, -1));
  return file("labelled.json", text);
}

/** What a terminal would act on: C0 but line feed, DEL, C1, bidi overrides and isolates. */
// eslint-disable-next-line no-control-regex
const TERMINAL_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** One line on stderr, prefixed, no stack trace. */
function oneLine(stderr: string): void {
  expect(stderr).toMatch(/^verksamhetsuppdrag: [^\n]+\n$/);
}

describe("no CSV cell starts a formula (item 4)", () => {
  const label = '=HYPERLINK("http://evil.example","Öppna avtal")';

  it("a commission's own document label reaches the clause column only as text", () => {
    const contract = commissionLabelled(label);
    const sessions = file("s.csv", "id,date,minutes,kind\nA-1,2024-03-04,60,individual\n");
    const r = runCli(["statement", contract, "--month", "2024-03", "--sessions", sessions, "--format", "csv"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const rows = r.stdout.split("\r\n");
    expect(rows[1]).toBe(
      "min-kommun-samtalsstod;2024-03;min-kommun-samtalsstod:2024-03:session:A-1;2024-03-04;session;Samtal 2024-03-04 (A-1), 60 min / Session A-1;1;hour;650,00;650,00;yes;" +
        `"'=HYPERLINK(""http://evil.example"",""Öppna avtal"") §1.2";`,
    );
    // No field of any row starts a formula, quoted or not.
    for (const row of rows) for (const cell of row.split(";")) expect(cell.replace(/^"/, "")).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("text starting with = + - @ tab or CR gets a ', numbers never do (-143250,00 stays a number)", async () => {
    const { excelCsv, moneyCell, ExcelNumber } = await import("../../src/cli/format.js");
    expect(excelCsv([["=1+1", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx", "a=b", moneyCell("-5"), ExcelNumber.of("-0,5"), -3]])).toBe(
      "\uFEFF'=1+1;'+1;'-2+3;'@SUM(A1);'\tx;\"'\rx\";a=b;-5,00;-0,5;-3\r\n",
    );
    expect(() => ExcelNumber.of("=1+1")).toThrow("not a number for Excel");
    const paid = file("paid.json", JSON.stringify({ "2021-04": "200000", "2021-05": "200000", "2021-06": "200000" }));
    const r = runCli(["year", "beroendemottagningen", "--year", "2021", "--paid", paid, "--format", "csv"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("\r\nberoendemottagningen;Q2;2021-04;2021-06;456750,00;600000,00;-143250,00;\r\n");
  });
});

describe("the table and messages pass no terminal control through (item 4)", () => {
  const hostile = "\u001b]8;;http://evil.example\u0007klick\u001b]8;;\u0007 \u001b[2J\u009b31m\u202eK";
  const shown = "\\x1b]8;;http://evil.example\\x07klick\\x1b]8;;\\x07 \\x1b[2J\\x9b31m\\u202eK";

  it("a session id with an OSC 8 link, a screen clear, a C1 CSI and a bidi override is shown escaped", () => {
    const sessions = file("s.csv", `id,date,minutes,kind\n"${hostile}",2022-03-04,60,individual\n`);
    const r = runCli(["statement", "familjeradgivning", "--month", "2022-03", "--sessions", sessions]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Samtal 2022-03-04 (${shown}), 60 min / Session ${shown}`);
    expect(r.stdout).not.toMatch(TERMINAL_CONTROL);
  });

  it("a commission's title with controls is refused by validation, its message escaped; a bidi override it accepts is escaped in show, statement and deadlines", () => {
    const text = JSON.parse(readFileSync(example("own-commission.json"), "utf8")) as Record<string, unknown>;
    text.title = `Titel ${hostile}`;
    const refused = file("title.json", JSON.stringify(text));
    for (const args of [["show", refused], ["statement", refused, "--month", "2024-03"], ["deadlines", refused, "--year", "2025"]]) {
      const r = runCli(args);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("title: expected the commission's title, on one line without control characters (no tab, line break or escape)");
      expect(r.stderr).not.toMatch(TERMINAL_CONTROL);
    }
    text.title = "Titel \u202eK";
    const accepted = file("bidi.json", JSON.stringify(text));
    for (const args of [["show", accepted], ["statement", accepted, "--month", "2024-03"], ["deadlines", accepted, "--year", "2025"]]) {
      const r = runCli(args);
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(TERMINAL_CONTROL);
    }
    expect(runCli(["show", accepted]).stdout.split("\n")[0]).toBe("Titel \\u202eK");
  });

  it("a title the calendar could not write is refused by validation first, naming the commission's title", () => {
    const text = JSON.parse(readFileSync(example("own-commission.json"), "utf8")) as Record<string, unknown>;
    text.title = "Titel\u0007";
    const bell = file("bell.json", JSON.stringify(text));
    const r = runCli(["deadlines", bell, "--year", "2025", "--format", "ics"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `verksamhetsuppdrag: ${bell}: not a valid commission (1 problem):\n  title: expected the commission's title, on one line without control characters (no tab, line break or escape), received "Titel\\u0007"\n`,
    );
  });

  it("a message on stderr shows C1 controls and bidi overrides escaped", () => {
    const r = runCli(["statement", "familjeradgivning", "--month", "\u009b2J\u202e"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('verksamhetsuppdrag: --month: expected a month YYYY-MM (01-12), received "\\x9b2J\\u202e"\n');
  });
});

describe("messages are bounded (item 9)", () => {
  it("--month 9999-12 is a few KB on stderr, with what was left out counted", () => {
    const r = runCli(["statement", "beroendemottagningen", "--month", "9999-12"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr.length).toBeLessThanOrEqual(17 * 1024);
    // The library names the missing years as one range and lists 100 of them; the CLI says how many more.
    expect(r.stderr).toMatch(/^verksamhetsuppdrag: index: the OPI value for 2024–9999 is not known/);
    expect(r.stderr).toContain("  --index, field 2123: expected the OPI percentage for 2123, received nothing\n  … and 7876 more\n");
  });
});

describe("outputs stream and every write is checked (items 6 and 9)", () => {
  const rows = 130_000;
  const big = (): string => {
    let text = "id,date,minutes,kind\n";
    for (let i = 0; i < rows; i++) text += `S-${i.toString()},2022-03-${(1 + (i % 28)).toString().padStart(2, "0")},15,individual\n`;
    return file("big.csv", text);
  };

  it("the table of 130 000 sessions (119 640 warnings) in one month is written, not a stack overflow", () => {
    const sessions = big();
    const r = runCli(["statement", "familjeradgivning", "--month", "2022-03", "--sessions", sessions, "--policy", "overCap=pay-with-warning"], { timeout: 60_000 });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    // 2590 h of cap at 0,25 h a session: 10 360 within it, the rest paid with a warning each.
    expect(lines.filter((l) => l.startsWith("2022-03-")).length).toBe(rows);
    expect(lines.filter((l) => l.startsWith("  - ")).length).toBe(rows - 10_360);
    expect(lines.includes(`Warnings (${(rows - 10_360).toString()}):`)).toBe(true);
  });

  it.each(["table", "csv", "json"])("--format %s > /dev/full: exit 74 and one line, never 0 or 70", (format) => {
    const r = sh(`${node} statement familjeradgivning --month 2022-03 --sessions '${example("familjeradgivning-2022-03.csv")}' --format ${format} > /dev/full`);
    expect(r.code).toBe(74);
    oneLine(r.stderr);
    expect(r.stderr).toBe("verksamhetsuppdrag: could not write the output to standard output: ENOSPC: no space left on device (the output is incomplete)\n");
  });

  it("ulimit -f: a CSV cut short by the file size limit is exit 74, not a truncated file with exit 0", () => {
    const sessions = big();
    const out = join(tempDir(), "cut.csv");
    const r = sh(`ulimit -f 64; ${node} statement familjeradgivning --month 2022-03 --sessions '${sessions}' --format csv > '${out}'`);
    expect(r.code).toBe(74);
    expect(r.stderr).toBe("verksamhetsuppdrag: could not write the output to standard output: EFBIG: file too large (the output is incomplete)\n");
  });

  it("a closed pipe is still not an error", () => {
    const r = sh(`${node} demo --today 2025-01-01 | head -n 1`);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("verksamhetsuppdrag demo: one month of each shipped commission, on sample data, and the deadlines of the coming year.\n");
  });
});

describe("--output FILE replaces FILE only when the output is complete (item 7)", () => {
  const march = example("familjeradgivning-2022-03.csv");
  const temps = (dir: string): string[] => readdirSync(dir).filter((name) => name.endsWith(".tmp"));

  it("a successful run replaces the file, keeps its mode, and leaves no temporary file", () => {
    const dir = tempDir();
    const out = join(dir, "mars.csv");
    writeFileSync(out, "old bytes\n");
    chmodSync(out, 0o640);
    const r = runCli(["statement", "familjeradgivning", "--month", "2022-03", "--sessions", march, "--format", "csv", "--output", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    const direct = runCli(["statement", "familjeradgivning", "--month", "2022-03", "--sessions", march, "--format", "csv"]);
    expect(readFileSync(out)).toEqual(direct.stdoutBytes);
    expect(statSync(out).mode & 0o777).toBe(0o640);
    expect(temps(dir)).toEqual([]);
  });

  it("a run that fails while writing leaves the old bytes and no temporary file", () => {
    const dir = tempDir();
    const out = join(dir, "year.json");
    writeFileSync(out, "old bytes\n");
    let text = "id,date,minutes,kind\n";
    for (let i = 0; i < 20_000; i++) text += `S-${i.toString()},2022-03-${(1 + (i % 28)).toString().padStart(2, "0")},15,individual\n`;
    const sessions = file("many.csv", text);
    const r = sh(`ulimit -f 64; ${node} statement familjeradgivning --month 2022-03 --sessions '${sessions}' --format json -o '${out}'`);
    expect(r.code).toBe(74);
    expect(r.stderr).toBe(`verksamhetsuppdrag: could not write the output to ${JSON.stringify(out)}: EFBIG: file too large (the file was left as it was)\n`);
    expect(readFileSync(out, "utf8")).toBe("old bytes\n");
    expect(temps(dir)).toEqual([]);
  });

  it("a run that fails before writing leaves the file alone; a file that cannot be made is exit 74", () => {
    const dir = tempDir();
    const out = join(dir, "x.txt");
    writeFileSync(out, "old bytes\n");
    expect(runCli(["statement", "familjeradgivning", "--month", "2022-13", "-o", out]).code).toBe(1);
    expect(readFileSync(out, "utf8")).toBe("old bytes\n");
    expect(temps(dir)).toEqual([]);
    const missing = join(dir, "no-such-dir", "x.txt");
    const r = runCli(["contracts", "--output", missing]);
    expect(r.code).toBe(74);
    expect(r.stderr).toBe(`verksamhetsuppdrag: could not write the output to ${JSON.stringify(missing)}: ENOENT: no such file or directory (the file was left as it was)\n`);
    expect(existsSync(missing)).toBe(false);
  });

  it("every command has it, and - is stdout", () => {
    expect(runCli(["contracts", "-o", "-"]).stdout).toBe(runCli(["contracts"]).stdout);
    for (const command of ["contracts", "show", "validate", "schema", "statement", "year", "deadlines", "notice", "demo"]) {
      expect(runCli([command, "--help"]).stdout).toMatch(/-o, --output FILE\s+write to FILE instead of stdout; FILE is replaced only when the output is complete/);
    }
  });
});

describe("an implied hour price is shown so that quantity × price checks (item 11)", () => {
  const sessions = (): string => file("b.csv", "id,date,minutes,kind\nB-1,2019-03-04,90,individual\nB-2,2019-03-05,60,individual\n");

  it("table: the unit price to four decimals, marked, with the exact figure in a note", () => {
    const r = runCli(["statement", "boendestod", "--month", "2019-03", "--sessions", sessions()]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("2019-03-04  Insats 2019-03-04 (B-1), 90 min / Support B-1  1,5  hour  470,5882…\u00a0kr  705,88\u00a0kr  yes\n");
    expect(r.stdout).toContain(
      "Unit price 470,5882…\u00a0kr: the exact price 800\u00a0000,00\u00a0kr ÷ 1700 h = 470,5882352941… kr, cut here;\n" +
        "the amounts are computed from the exact price (the month rounded once, split over its lines by hours: --explain).\n",
    );
  });

  it("CSV: the unit price to six decimals, so 1,5 × 470,588235 rounds to the line's 705,88", () => {
    const r = runCli(["statement", "boendestod", "--month", "2019-03", "--sessions", sessions(), "--format", "csv"]);
    expect(r.code).toBe(0);
    const row = r.stdout.split("\r\n")[1]?.split(";") ?? [];
    expect([row[6], row[8], row[9]]).toEqual(["1,5", "470,588235", "705,88"]);
    expect(Math.round(1.5 * 470.588235 * 100) / 100).toBe(705.88);
  });

  it("a price that is a whole öre is shown as before", () => {
    const r = runCli(["statement", "familjeradgivning", "--month", "2022-03", "--sessions", example("familjeradgivning-2022-03.csv")]);
    expect(r.stdout).toContain("605,00\u00a0kr");
    expect(r.stdout).not.toContain("Unit price");
  });
});

describe("the calendar's DTSTAMP can be pinned (item 11)", () => {
  const ics = (extra: string[], env: Record<string, string>): Run =>
    sh(`${node} deadlines familjeradgivning --year 2024 --format ics ${extra.join(" ")}`, env);

  it("--dtstamp, then SOURCE_DATE_EPOCH, then the clock", () => {
    expect(ics(["--dtstamp", "2025-01-01T00:00:00Z"], { SOURCE_DATE_EPOCH: "1700000000" }).stdout).toContain("\r\nDTSTAMP:20250101T000000Z\r\n");
    const pinned = ics([], { SOURCE_DATE_EPOCH: "1700000000" });
    expect(pinned.code).toBe(0);
    expect(pinned.stdout).toContain("\r\nDTSTAMP:20231114T221320Z\r\n");
    expect(ics([], { SOURCE_DATE_EPOCH: "1700000000" }).stdoutBytes).toEqual(pinned.stdoutBytes);
    expect(ics([], { SOURCE_DATE_EPOCH: "" }).stdout).toMatch(/\r\nDTSTAMP:20\d{6}T\d{6}Z\r\n/);
  });

  it("a bad value is reported, and --dtstamp only goes with ics", () => {
    const bad = ics([], { SOURCE_DATE_EPOCH: "yesterday" });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('verksamhetsuppdrag: SOURCE_DATE_EPOCH: expected whole seconds since 1970-01-01T00:00:00Z, at most 253402300799, received "yesterday"\n');
    const option = ics(["--dtstamp", "2025-13-01T00:00:00Z"], {});
    expect(option.code).toBe(1);
    expect(option.stderr).toMatch(/^verksamhetsuppdrag: --dtstamp: expected /);
    const table = runCli(["deadlines", "familjeradgivning", "--year", "2024", "--dtstamp", "2025-01-01T00:00:00Z"]);
    expect(table.code).toBe(2);
    expect(table.stderr).toContain("deadlines: --dtstamp applies only to --format ics");
  });
});

describe("the pieces (units)", () => {
  it("boundedMessage: 102 lines, 1 000 characters a line, the rest counted", async () => {
    const { boundedMessage } = await import("../../src/cli/output.js");
    expect(boundedMessage(`${"x".repeat(1005)}\nnext`)).toBe(`${"x".repeat(1000)}… (5 more characters)\nnext`);
    const lines = Array.from({ length: 300 }, (_, i) => `line ${i.toString()}`);
    const bounded = boundedMessage(lines.join("\n")).split("\n");
    expect(bounded.length).toBe(103);
    expect(bounded[101]).toBe("line 101");
    expect(bounded[102]).toBe("… (198 more lines)");
    // Never half a surrogate pair.
    expect(boundedMessage(`${"x".repeat(999)}😀😀`)).toBe(`${"x".repeat(999)}… (3 more characters)`);
    expect(boundedMessage("a\u001b[2Jb")).toBe("a\\x1b[2Jb");
  });

  it("terminalSafe keeps line feeds only when asked, and Swedish text as it is", async () => {
    const { terminalSafe } = await import("../../src/cli/output.js");
    expect(terminalSafe("Å\tä\r\nö\u0085\u2066", true)).toBe("Å\\x09ä\\x0d\nö\\x85\\u2066");
    expect(terminalSafe("a\nb", false)).toBe("a\\x0ab");
  });
});

describe("laws (fast-check)", () => {
  const formulaish = fc.oneof(fc.string(), fc.constantFrom("=", "+", "-", "@", "\t", "\r", " =", '"=').chain((head) => fc.string().map((rest) => head + rest)));

  test.prop([fc.array(formulaish, { minLength: 1, maxLength: 6 })])("no text cell of a CSV starts a formula, and every text is kept after its '", async (cells) => {
    const { excelCsv } = await import("../../src/cli/format.js");
    const line = excelCsv([cells]).slice(1);
    // Read the fields back (RFC 4180, as Excel does) and look at each one's start.
    const fields: string[] = [];
    let i = 0;
    for (;;) {
      let field = "";
      if (line[i] === '"') {
        i++;
        for (;;) {
          if (line[i] === '"' && line[i + 1] === '"') {
            field += '"';
            i += 2;
          } else if (line[i] === '"') {
            i++;
            break;
          } else field += line[i++] ?? "";
        }
      } else while (line[i] !== ";" && !(line[i] === "\r" && line[i + 1] === "\n" && i + 2 === line.length)) field += line[i++] ?? "";
      fields.push(field);
      if (line[i] === ";") i++;
      else break;
    }
    expect(fields.length).toBe(cells.length);
    fields.forEach((field, k) => {
      expect(field).not.toMatch(/^[=+\-@\t\r]/);
      const cell = cells[k] ?? "";
      expect(field).toBe(/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);
    });
  });

  test.prop([fc.integer({ min: -1e12, max: 1e12 })])("a money cell is never prefixed: its text is the amount", async (ore) => {
    const { excelCsv, moneyCell } = await import("../../src/cli/format.js");
    const amount = (ore / 100).toFixed(2);
    expect(excelCsv([[moneyCell(amount)]])).toBe(`\uFEFF${amount.replace(".", ",")}\r\n`);
  });

  test.prop([fc.string({ unit: "binary" })])("terminalSafe leaves nothing a terminal acts on but line feeds", async (text) => {
    const { terminalSafe } = await import("../../src/cli/output.js");
    expect(terminalSafe(text, true)).not.toMatch(TERMINAL_CONTROL);
    expect(terminalSafe(text, false)).not.toMatch(/[\n\u0085\u2028\u2029]/);
  });
});
