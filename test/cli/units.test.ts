/**
 * The command line's parts as functions: arguments, formats, the error
 * report, the sessions reader, and the demo's embedded data against the CSV
 * it ships in examples/data.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Decimal, RulesError } from "../../src/index.js";
import { commandHelp, parseCommandArgs, type CommandSpec } from "../../src/cli/args.js";
import { DEMO_BOENDESTOD_SESSIONS, DEMO_FAMILJERADGIVNING_SESSIONS } from "../../src/cli/demoData.js";
import { rulesErrorLines, UsageError } from "../../src/cli/errors.js";
import { excelCsv, excelMoney, jsonChunks, jsonText, LazyList, renderTable, swedishDecimal, toPlainJson } from "../../src/cli/format.js";
import { contracts, statement, statementToJSON, yearReport, yearReportToJSON } from "../../src/index.js";
import { parsePolicies } from "../../src/cli/inputs.js";
import { findJsonError } from "../../src/cli/jsonFile.js";
import { run } from "../../src/cli/run.js";
import { statementJSON } from "../../src/cli/commands/statement.js";
import { readSessions } from "../../src/cli/sessions.js";
import { example, tempDir } from "./helpers.js";

const spec: CommandSpec = {
  name: "try",
  summary: "try things",
  positionals: [{ name: "contract", description: "a contract" }],
  options: { month: { type: "string", short: "m", value: "YYYY-MM", description: "the month" }, policy: { type: "string", multiple: true, description: "p" } },
};

describe("parseCommandArgs", () => {
  it("reads options and positionals", () => {
    expect(parseCommandArgs(spec, ["x", "-m", "2022-03", "--policy", "a=b", "--policy=c=d"])).toEqual({
      values: { month: "2022-03", policy: ["a=b", "c=d"] },
      positionals: ["x"],
      help: false,
    });
  });
  it("rejects unknown options, missing values and positionals as usage errors", () => {
    expect(() => parseCommandArgs(spec, ["x", "--nope"])).toThrow(UsageError);
    expect(() => parseCommandArgs(spec, ["x", "--month"])).toThrow("try: --month needs a value");
    expect(() => parseCommandArgs(spec, [])).toThrow("try: missing <contract>");
    expect(() => parseCommandArgs(spec, ["x", "y"])).toThrow('try: unexpected argument "y"');
  });
  it("--help wins over missing arguments", () => {
    expect(parseCommandArgs(spec, ["--help"]).help).toBe(true);
  });
  it("writes the help from the spec", () => {
    const help = commandHelp(spec, "verksamhetsuppdrag");
    expect(help).toContain("Usage: verksamhetsuppdrag try <contract> [options]");
    expect(help).toMatch(/-m, --month YYYY-MM\s+the month/);
    expect(help).toContain("(may be repeated)");
  });
});

describe("formats", () => {
  it("excelCsv: BOM, semicolons, CRLF, quotes only when needed", () => {
    expect(excelCsv([["a", "b;c", 'say "x"', "two\nlines", " pad", null, 3]])).toBe('\uFEFFa;"b;c";"say ""x""";"two\nlines";" pad";;3\r\n');
  });
  it("money and decimals for Excel", () => {
    expect(excelMoney("4991.25")).toBe("4991,25");
    expect(excelMoney("1827000")).toBe("1827000,00");
    expect(excelMoney(new Decimal("-0.5"))).toBe("-0,50");
    expect(swedishDecimal(new Decimal("1.25"))).toBe("1,25");
  });
  it("toPlainJson: plain data as it is, Maps and lazy lists as JSON; a Decimal is refused (the library's JSON forms decide money and hours)", () => {
    expect(toPlainJson({ total: "4991.25", n: 3, nil: null, gone: undefined, m: new Map([["x", 1]]), l: new LazyList(2, (i) => i * 2) })).toEqual({
      total: "4991.25",
      n: 3,
      nil: null,
      m: { x: 1 },
      l: [0, 2],
    });
    expect(() => toPlainJson({ total: new Decimal("4991.25") })).toThrow(/Decimal reached the JSON writer/);
  });
  it("renderTable aligns columns", () => {
    expect(renderTable([{ header: "a" }, { header: "b", align: "right" }], [["xx", "1"], null, ["y", "22"]])).toBe("a    b\n--  --\nxx   1\n--  --\ny   22\n");
  });
});

describe("errors", () => {
  it("a library error names the place in the user's terms", () => {
    const e = new RulesError("INVALID_INPUT", "sessions.3.minutes: expected whole minutes, received -1", [
      { path: "sessions.3.minutes", expected: "whole minutes", received: "-1" },
    ]);
    expect(rulesErrorLines(e, () => ({ file: "s.csv", line: 5, field: "minutes" }))).toEqual(["s.csv line 5, field minutes: expected whole minutes, received -1"]);
    expect(rulesErrorLines(e)).toEqual(["sessions.3.minutes: expected whole minutes, received -1"]);
  });
  it("an unexpected error is an internal error: one line, exit 70, nothing on stdout", async () => {
    const err: string[] = [];
    const code = await run(["schema"], {
      stdout: {
        write: () => {
          throw new TypeError("boom\n    at somewhere");
        },
      },
      stderr: { write: (t: string) => err.push(t) },
    });
    expect(code).toBe(70);
    expect(err.join("")).toBe("verksamhetsuppdrag: internal error in 'schema': TypeError: boom (this is a bug; please report it with the command you ran)\n");
  });
  it("run returns the exit codes", async () => {
    const out: string[] = [];
    const io = { stdout: { write: (t: string) => out.push(t) }, stderr: { write: () => undefined } };
    expect(await run(["--version"], io)).toBe(0);
    expect(await run(["nope"], io)).toBe(2);
    expect(await run(["statement", "familjeradgivning", "--month", "2022-13"], io)).toBe(1);
  });
  it("findJsonError points at the first problem", () => {
    expect(findJsonError('{"a": [1, 2,]}')).toMatchObject({ offset: 12, received: '"]}"' });
    expect(findJsonError('{"a": 1,5}').expected).toBe("a property name in double quotes");
    expect(findJsonError('{"a": 1} x').expected).toBe("the end of the file after the JSON value");
  });
  it("parsePolicies reads NAME=VALUE", () => {
    expect(parsePolicies(["overCap=pay-with-warning", " groupHours = whole-hours "])).toEqual({ overCap: "pay-with-warning", groupHours: "whole-hours" });
    expect(() => parsePolicies(["overCap"])).toThrow("--policy: expected NAME=VALUE");
    expect(() => parsePolicies(["__proto__=x"])).toThrow("expected a policy name");
  });
});

describe("readSessions", () => {
  it("reads optional columns, aliases and words for booleans; ignores other columns", async () => {
    const path = join(tempDir(), "s.csv");
    writeFileSync(path, "ID;Date;Minutes;Kind;Participants;Case;Age;Resident;ResidencyException;Note\nS1;2022-03-01;50;individual;;P1;34;nej;Avtal 2022-01;x\nG1;2022-03-02;90;GROUP;6;;;;;\n");
    const r = await readSessions(path);
    expect(r.sessions).toEqual([
      { id: "S1", date: "2022-03-01", minutes: 50, kind: "individual", caseId: "P1", age: 34, resident: false, residencyException: "Avtal 2022-01" },
      { id: "G1", date: "2022-03-02", minutes: 90, kind: "group", participants: 6 },
    ]);
    expect(r.locate("sessions.0.caseId")).toEqual({ file: path, line: 2, field: "Case" });
  });
  it("keeps every row, whatever its date (the library checks them all and keeps its year)", async () => {
    const path = join(tempDir(), "w.csv");
    writeFileSync(path, "id,date,minutes,kind\nA,2021-12-31,50,individual\nB,2022-01-01,50,individual\nC,2022-03-31,50,individual\nD,2022-04-01,50,individual\n");
    const r = await readSessions(path);
    expect(r.sessions.map((s) => s.id)).toEqual(["A", "B", "C", "D"]);
    expect(r.locate("sessions.1.minutes")).toEqual({ file: path, line: 3, field: "minutes" });
  });
  it("rejects a row wider than the header and a repeated column", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "wide.csv"), "id,date,minutes,kind\nA,2022-01-01,50,individual,extra\n");
    await expect(readSessions(join(dir, "wide.csv"))).rejects.toThrow("wide.csv line 2: expected at most 4 fields");
    writeFileSync(join(dir, "twice.csv"), "id,date,minutes,kind,id\n");
    await expect(readSessions(join(dir, "twice.csv"))).rejects.toThrow('column 5: expected each column once, received "id" again');
    writeFileSync(join(dir, "empty.csv"), "");
    await expect(readSessions(join(dir, "empty.csv"))).rejects.toThrow("received an empty file");
  });
});

describe("the demo's embedded data", () => {
  it("equals the CSV files shipped in examples/data", async () => {
    const family = await readSessions(example("familjeradgivning-2022-03.csv"));
    expect(family.sessions).toEqual(DEMO_FAMILJERADGIVNING_SESSIONS);
    const housing = await readSessions(example("boendestod-2019-03.csv"));
    expect(housing.sessions).toEqual(DEMO_BOENDESTOD_SESSIONS);
  });
});

describe("jsonChunks", () => {
  it("writes the same text as jsonText, in pieces, for a statement with more lines than one chunk holds", () => {
    const sessions = Array.from({ length: 200 }, (_, i) => ({ id: `S${i.toString()}`, date: `2022-03-${String(1 + (i % 28)).padStart(2, "0")}`, minutes: 30 + (i % 70), kind: "individual" as const }));
    const s = statement(contracts.familjeradgivning, "2022-03", { sessions });
    const chunks = [...jsonChunks(statementToJSON(s))];
    expect(chunks.length).toBeGreaterThan(200);
    expect(chunks.join("")).toBe(jsonText(statementToJSON(s)));
    // What the command writes: the lines made one at a time, the same text.
    expect([...jsonChunks(statementJSON(s))].join("")).toBe(jsonText(statementToJSON(s)));
  });

  it("writes a year report a statement field and a line at a time, as jsonText would", () => {
    const sessions = Array.from({ length: 300 }, (_, i) => ({
      id: `S${i.toString()}`,
      date: `2022-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`,
      minutes: 30 + (i % 70),
      kind: i % 10 === 0 ? ("group" as const) : ("individual" as const),
      ...(i % 10 === 0 ? { participants: 3 + (i % 5) } : {}),
    }));
    const report = yearReport(contracts.familjeradgivning, 2022, { sessions });
    const json = yearReportToJSON(report);
    const lazy = { ...yearReportToJSON(report, { statements: false }), statements: new LazyList(12, (i) => json.statements[i]) };
    expect([...jsonChunks(lazy)].join("")).toBe(jsonText(json));
    const chunks = [...jsonChunks(json)];
    // Each statement's own fields are pieces of their own: no piece holds a whole statement.
    expect(chunks.filter((c) => c.includes('"lines"')).length).toBe(12);
    expect(chunks.some((c) => c.includes('"lines"') && c.includes('"total"'))).toBe(false);
    expect(chunks.join("")).toBe(jsonText(json));
    for (const value of [{}, { a: [] }, { a: [{}], b: [[1, 2], []], c: { d: { e: ["1.5"] } } }, [], [new Map([["x", 1]])], { l: new LazyList(0, () => 1) }]) {
      expect([...jsonChunks(value)].join("")).toBe(jsonText(value));
    }
  });
});
