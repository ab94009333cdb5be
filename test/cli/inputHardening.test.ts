/**
 * Issue 18, the input side (items 1, 6, 8, 9), on the built command and on
 * the readers: every row of a sessions file is checked by the library (a
 * repeated id in another year is never paid twice), and every bad input is
 * one line on stderr and exit 1, never a stack trace, an abort or exit 70.
 */
import { execFileSync } from "node:child_process";
import { closeSync, openSync, truncateSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { readCsv } from "../../src/cli/csv.js";
import { MAX_RECORD_LENGTH, type CsvRecord } from "../../src/sessions/csv.js";
import { validUtf8Length } from "../../src/sessions/decode.js";
import { InputError } from "../../src/cli/errors.js";
import { findJsonError, readJsonFile } from "../../src/cli/jsonFile.js";
import { readSessions } from "../../src/cli/sessions.js";
import { runCli, tempDir } from "./helpers.js";

const HEADER = "id,date,minutes,kind,participants";

/** Runs the command and expects it to fail with `code`: nothing on stdout, one message on stderr, no stack trace. */
function fails(args: readonly string[], code = 1, timeout?: number): string {
  const r = runCli(args, timeout === undefined ? {} : { timeout });
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stderr).not.toContain("internal error");
  expect(r.stderr).toMatch(/^verksamhetsuppdrag: /);
  expect(r.stdout).toBe("");
  expect(r.code).toBe(code);
  return r.stderr;
}

function file(name: string, text: string | Buffer): string {
  const path = join(tempDir(), name);
  writeFileSync(path, text);
  return path;
}

function statementArgs(month: string, sessions: string): string[] {
  return ["statement", "familjeradgivning", "--month", month, "--sessions", sessions, "--format", "json"];
}

describe("item 1: every row of the input goes through the library's validation", () => {
  it("a session id used in 2024 and again in 2025 is refused in both months, naming both lines (was paid twice)", () => {
    const dup = file("dup.csv", [HEADER, "K-1,2024-03-04,50,individual,", "K-1,2025-03-04,50,individual,", ""].join("\n"));
    // Before the fix, each month paid K-1 (629,44 and 642,03 kr).
    const index = file("index.json", JSON.stringify({ name: "uppräkningsmodell", percent: { 2023: "2.0", 2024: "2.0", 2025: "2.0" } }));
    const message = `verksamhetsuppdrag: ${dup} line 3, field id (first used on line 2): the id "K-1" is used by an earlier session; a session is never billed twice\n`;
    expect(fails([...statementArgs("2024-03", dup), "--index", index])).toBe(message);
    expect(fails([...statementArgs("2025-03", dup), "--index", index])).toBe(message);
    expect(fails(["year", "familjeradgivning", "--year", "2024", "--sessions", dup, "--index", index])).toBe(message);
  });

  it("the same in a JSON sessions file", () => {
    const sessions = [
      { id: "K-1", date: "2024-03-04", minutes: 50, kind: "individual" },
      { id: "K-2", date: "2024-03-05", minutes: 50, kind: "individual" },
      { id: "K-1", date: "2025-03-04", minutes: 50, kind: "individual" },
    ];
    const path = file("dup.json", JSON.stringify({ sessions }));
    expect(fails(statementArgs("2024-03", path))).toBe(
      `verksamhetsuppdrag: ${path}, field sessions[2].id (first used at sessions[0].id): the id "K-1" is used by an earlier session; a session is never billed twice\n`,
    );
  });

  it("ids follow the library's one rule (trimmed, NFC) in a file too: \" K-1\" and \"K-1\", or å in two forms, are the same id", () => {
    const spaced = file("spaced.csv", [HEADER, '" K-1 ",2024-03-04,50,individual,', "K-1,2024-06-04,50,individual,"].join("\n"));
    expect(fails(statementArgs("2024-03", spaced))).toContain(`${spaced} line 3, field id (first used on line 2): the id "K-1" is used by an earlier session`);
    const forms = file("forms.csv", [HEADER, "\u00e5,2024-03-04,50,individual,", "a\u030a,2023-03-04,50,individual,"].join("\n"));
    expect(fails(statementArgs("2024-03", forms))).toContain(`${forms} line 3, field id (first used on line 2): the id "\u00e5"`);
    // The line carries the normalised id.
    const one = file("one.csv", [HEADER, '"  a\u030a-1 ",2022-03-04,50,individual,'].join("\n"));
    const r = runCli(statementArgs("2022-03", one));
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { lines: { id: string }[] }).lines[0]?.id).toBe("familjeradgivning:2022-03:session:\u00e5-1");
    const blank = file("blank.csv", [HEADER, '"  ",2024-03-04,50,individual,'].join("\n"));
    expect(fails(statementArgs("2024-03", blank))).toBe(
      `verksamhetsuppdrag: ${blank} line 2, field id: expected a non-empty string of at most 1000 characters, not only white space, received "  "\n`,
    );
  });

  it("a June row without participants, or of 99 999 999 minutes, fails a March statement (was passed over)", () => {
    const group = file("june-group.csv", [HEADER, "M1,2022-03-01,50,individual,", "J1,2022-06-01,90,group,"].join("\n"));
    expect(fails(statementArgs("2022-03", group))).toBe(
      `verksamhetsuppdrag: ${group} line 3, field participants: expected the number of participants (required for a group session), received undefined\n`,
    );
    const minutes = file("june-minutes.csv", [HEADER, "M1,2022-03-01,50,individual,", "J1,2022-06-01,99999999,individual,"].join("\n"));
    expect(fails(statementArgs("2022-03", minutes))).toMatch(new RegExp(`^verksamhetsuppdrag: ${minutes.replaceAll(/[.\\/]/g, "\\$&")} line 3, field minutes: expected whole minutes, an integer 0–\\d`));
    // A row of another year too.
    const other = file("other-year.csv", [HEADER, "M1,2022-03-01,50,individual,", "", "O1,2019-06-01,90,group,"].join("\n"));
    expect(fails(statementArgs("2022-03", other))).toContain(`${other} line 4, field participants`);
  });

  it("a good file of several years still gives the month's statement", () => {
    const rows = [HEADER, "A,2021-03-01,50,individual,", "B,2022-03-01,50,individual,", "C,2022-04-01,75,individual,", "D,2023-03-01,50,individual,"];
    const r = runCli(statementArgs("2022-03", file("years.csv", rows.join("\n"))));
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as { total: string; lines: { id: string }[] };
    expect([s.total, s.lines.map((l) => l.id)]).toEqual(["605.00", ["familjeradgivning:2022-03:session:B"]]);
  });

  it("a file stops at the most rows the library takes, naming the first row too many", async () => {
    const path = file("cap.csv", [HEADER, "A,2022-03-01,50,individual,", "", "B,2022-03-02,50,individual,", "C,2022-03-03,50,individual,"].join("\n"));
    expect((await readSessions(path, { maxRows: 3 })).sessions).toHaveLength(3);
    await expect(readSessions(path, { maxRows: 2 })).rejects.toThrow(
      new InputError(`${path} line 5: expected at most 2 sessions in a file (the library's limit), received more: this row is session 3`),
    );
  });
});

describe("items 6 and 9: a CSV that never ends a line, a record too long, a read error", () => {
  it("/dev/zero as the sessions file: one line, exit 1 (was an abort after eating the memory)", () => {
    expect(fails(statementArgs("2022-03", "/dev/zero"))).toBe(
      "verksamhetsuppdrag: /dev/zero line 1: expected a record of at most 1 048 576 characters, received a longer one (a line end or a closing quote may be missing; is this a CSV file?)\n",
    );
  });

  it("a line longer than 1 MiB names its line", () => {
    const path = file("long.csv", `${HEADER}\nA,2022-03-01,50,individual,\nB,2022-03-01,50,individual,${"x".repeat(MAX_RECORD_LENGTH)}\n`);
    expect(fails(statementArgs("2022-03", path))).toContain(`${path} line 3: expected a record of at most 1 048 576 characters`);
  });

  it("a quoted record of 60 MB over 1000 lines is refused at 1 MiB, at once (was 26 s and 909 MB)", () => {
    const path = join(tempDir(), "quoted.csv");
    const fd = openSync(path, "w");
    writeSync(fd, `${HEADER},note\nA,2022-03-01,50,individual,,"`);
    const line = `${"y".repeat(60_000)}\n`;
    for (let k = 0; k < 999; k++) writeSync(fd, line);
    writeSync(fd, '"\n');
    closeSync(fd);
    const started = Date.now();
    expect(fails(statementArgs("2022-03", path), 1, 20_000)).toContain(`${path} line 2: expected a record of at most 1 048 576 characters`);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("a read error while the file is read (EIO) is one line naming the file (was an unhandled 'error' event with a stack trace)", () => {
    expect(fails(statementArgs("2022-03", "/proc/self/mem"))).toBe("verksamhetsuppdrag: /proc/self/mem: cannot be read (EIO)\n");
  });

  it("a read error mid-stream, after some records, rejects with an InputError naming the file", async () => {
    const records: CsvRecord[] = [];
    let reads = 0;
    const stream = new Readable({
      read() {
        reads++;
        if (reads === 1) this.push(Buffer.from(`${HEADER}\nA,2022-03-01,50,individual,\n`));
        else this.destroy(Object.assign(new Error("EIO: i/o error, read"), { code: "EIO" }));
      },
    });
    await expect(readCsv(stream, "s.csv", (r) => records.push(r))).rejects.toThrow(new InputError("s.csv: cannot be read (EIO)"));
    expect(records.map((r) => r.line)).toEqual([1, 2]);
  });

  it("a FIFO is read like a file", () => {
    const dir = tempDir();
    const fifo = join(dir, "pipe.csv");
    const writer = `require("fs").writeFileSync(${JSON.stringify(fifo)}, ${JSON.stringify(`${HEADER}\nA,2022-03-01,50,individual,\n`)})`;
    const node = JSON.stringify(process.execPath);
    // One shell line: make the FIFO, write it from a second process, read it with the command.
    const script = `mkfifo ${fifo} && { ${node} -e '${writer}' & ${node} dist/cli.js statement familjeradgivning --month 2022-03 --sessions ${fifo} --format json; wait; }`;
    const r = execFileSync("sh", ["-c", script], {
      cwd: join(import.meta.dirname, "../.."),
      encoding: "utf8",
      timeout: 20_000,
    });
    expect((JSON.parse(r) as { total: string }).total).toBe("605.00");
  });
});

describe("item 8: UTF-8 is checked as UTF-8, not by looking for U+FFFD", () => {
  it("a valid file with U+FFFD in it is read (was refused as not UTF-8)", () => {
    const path = file("fffd.csv", `${HEADER}\nS\uFFFD1,2022-03-01,50,individual,\n`);
    const r = runCli(statementArgs("2022-03", path));
    expect(r.stderr).toBe("");
    expect((JSON.parse(r.stdout) as { lines: { id: string }[] }).lines[0]?.id).toBe("familjeradgivning:2022-03:session:S\uFFFD1");
    const json = file("fffd.json", JSON.stringify([{ id: "S\uFFFD1", date: "2022-03-01", minutes: 50, kind: "individual" }]));
    expect(runCli(statementArgs("2022-03", json)).code).toBe(0);
  });

  it("a sessions CSV that is not UTF-8 is read as Windows-1252 with a note; one that mixes encodings names its line; JSON must be UTF-8", () => {
    // Excel's plain "CSV (semikolonavgränsad)" on a Swedish Windows: ö is the single byte 0xF6.
    const csv = file("cp1252.csv", Buffer.concat([Buffer.from(`${HEADER}\nA,2022-03-01,50,individual,\n`), Buffer.from("G\xf6,2022-03-02,50,individual,\n", "latin1")]));
    const read = runCli([...statementArgs("2022-03", csv), "--format", "json"]);
    expect(read.code).toBe(0);
    expect(read.stderr).toBe(
      `verksamhetsuppdrag: note: ${csv}: the file is not UTF-8 and was read as Windows-1252, as Excel saves "CSV (semikolonavgränsad)"; save as "CSV UTF-8" to be sure of å, ä and ö\n`,
    );
    expect((JSON.parse(read.stdout) as { lines: { sessionId?: string }[] }).lines.map((l) => l.sessionId)).toEqual(["A", "Gö"]);
    // UTF-8 å first, then a byte that is not UTF-8: no single encoding reads the file.
    const mixed = file("mixed.csv", Buffer.concat([Buffer.from(`${HEADER}\nå,2022-03-01,50,individual,\n`), Buffer.from("G\xf6,2022-03-02,50,individual,\n", "latin1")]));
    expect(fails(statementArgs("2022-03", mixed))).toBe(
      `verksamhetsuppdrag: ${mixed} line 3: expected text in one encoding (UTF-8 or Windows-1252; in Excel, save as "CSV UTF-8"), received bytes that are not UTF-8 after UTF-8 text earlier in the file\n`,
    );
    const json = file("latin1.json", Buffer.concat([Buffer.from('[\n  {"id": "A", "date": "2022-03-01", "minutes": 50, "kind": "individual"},\n  {"id": "'), Buffer.from([0xf6]), Buffer.from('"}\n]\n')]));
    expect(fails(statementArgs("2022-03", json))).toBe(`verksamhetsuppdrag: ${json} line 3: expected UTF-8 text, received bytes that are not UTF-8\n`);
    // A surrogate written as UTF-8 bytes (CESU), an overlong form.
    const cesu = file("cesu.json", Buffer.concat([Buffer.from('{"id": "'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]));
    expect(fails(["validate", cesu])).toContain(`${cesu} line 1: expected UTF-8 text`);
  });

  it("a character cut between two chunks is read whole; a UTF-8 file cut inside a character is an error, an ASCII one ending in a high byte Windows-1252", async () => {
    const bytes = Buffer.from(`${HEADER}\nå,2022-03-01,50,individual,\n`);
    const cut = bytes.indexOf(0xc3) + 1;
    const records: CsvRecord[] = [];
    await readCsv(Readable.from([bytes.subarray(0, cut), bytes.subarray(cut)]), "s.csv", (r) => records.push(r));
    expect(records[1]?.fields[0]).toBe("å");
    await expect(readCsv(Readable.from([Buffer.concat([Buffer.from("id\nå\n"), Buffer.from([0xc3])])]), "s.csv", () => undefined)).rejects.toThrow("s.csv line 3: expected text in one encoding");
    const cp1252: CsvRecord[] = [];
    await readCsv(Readable.from([Buffer.from("id\n\xc3", "latin1")]), "s.csv", (r) => cp1252.push(r));
    expect(cp1252[1]?.fields).toEqual(["Ã"]);
  });

  it("validUtf8Length finds the first byte that is not UTF-8, by the rules of a fatal TextDecoder", () => {
    const cases: number[][] = [[0x41, 0xc3, 0xa5], [0x41, 0xc0, 0x80], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf0, 0x9f, 0x98, 0x80, 0xff], [0x41, 0xe2, 0x82]];
    const decoder = new TextDecoder("utf-8", { fatal: true });
    for (const bytes of cases) {
      const at = validUtf8Length(Uint8Array.from(bytes));
      expect(() => decoder.decode(Uint8Array.from(bytes.slice(0, at)))).not.toThrow();
      if (at < bytes.length) expect(() => decoder.decode(Uint8Array.from(bytes))).toThrow();
    }
    expect(cases.map((b) => validUtf8Length(Uint8Array.from(b)))).toEqual([3, 1, 0, 0, 0, 4, 1]);
  });
});

describe("item 6: JSON files nested 20 000 levels deep, or too large", () => {
  const deep = 20_000;
  const inputs = (path: string): string[][] => [
    ["validate", path],
    ["statement", path, "--month", "2022-03"],
    ["statement", "familjeradgivning", "--month", "2022-03", "--sessions", path],
    ["statement", "familjeradgivning", "--month", "2022-03", "--call-offs", path],
    ["statement", "familjeradgivning", "--month", "2022-03", "--index", path],
    ["statement", "familjeradgivning", "--month", "2022-03", "--visit-fee-rule", path],
    ["year", "familjeradgivning", "--year", "2022", "--paid", path],
  ];

  it("broken JSON nested 20 000 levels: the line and column of the problem (was exit 70, Maximum call stack size exceeded)", () => {
    const path = file("deep-broken.json", `${"[".repeat(deep)}${"]".repeat(deep - 1)}`);
    for (const args of inputs(path)) {
      expect(fails(args)).toBe(`verksamhetsuppdrag: ${path} line 1, column ${(2 * deep).toString()}: expected "," or "]", received the end of the file\n`);
    }
    const objects = file("deep-objects.json", `${'{"a":'.repeat(deep)}1${"}".repeat(deep)},`);
    expect(fails(["validate", objects])).toContain(`${objects} line 1, column ${(5 * deep + 1 + deep + 1).toString()}: expected the end of the file after the JSON value`);
  });

  it("valid JSON nested 20 000 levels: the library's message, exit 1", () => {
    const path = file("deep.json", `${"[".repeat(deep)}${"]".repeat(deep)}`);
    for (const args of inputs(path)) fails(args);
  });

  it("findJsonError reads nesting without recursion", () => {
    expect(findJsonError(`${"[".repeat(200_000)}1,]`)).toEqual({ offset: 200_002, expected: "another value after the comma (JSON allows no trailing comma)", received: '"]"' });
    expect(findJsonError('{"a": {"b": [1, {"c": 2,}]}}')).toMatchObject({ offset: 24, expected: "another property after the comma (JSON allows no trailing comma)" });
    expect(findJsonError('{"a" 1}')).toMatchObject({ offset: 5, expected: '":" after the property name' });
    expect(findJsonError("[1 2]")).toMatchObject({ offset: 3, expected: '"," or "]"' });
  });

  it("a JSON file above 256 MiB is refused before it is read; a stream is refused once it gives more", async () => {
    const path = join(tempDir(), "huge.json");
    writeFileSync(path, "");
    truncateSync(path, 300 * 1024 * 1024); // sparse: no disk used, nothing read
    expect(fails(["statement", "familjeradgivning", "--month", "2022-03", "--call-offs", path])).toBe(
      `verksamhetsuppdrag: ${path}: expected a JSON file of at most 256 MiB, received 300 MiB\n`,
    );
    await expect(readJsonFile("/dev/zero", "/dev/zero", 100_000)).rejects.toThrow(new InputError("/dev/zero: expected a JSON file of at most 0.1 MiB, received more"));
    const small = file("small.json", '{"a": 1}');
    await expect(readJsonFile(small, small, 8)).resolves.toEqual({ a: 1 });
    await expect(readJsonFile(small, small, 7)).rejects.toThrow("expected a JSON file of at most");
  });
});
