/**
 * Bad input and bad usage, run as a separate process on the built command:
 * the exit code, a message on stderr naming the file, line and field,
 * nothing on stdout, and never a stack trace.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { example, runCli, tempDir } from "./helpers.js";
import { contracts } from "../../src/index.js";

function fails(args: readonly string[], code: number) {
  const r = runCli(args);
  expect(r.code).toBe(code);
  expect(r.stdout).toBe("");
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stderr).toMatch(/^verksamhetsuppdrag: /);
  return r.stderr;
}

const SESSIONS_HEADER = "id,date,minutes,kind,participants";

function csvFile(name: string, lines: string[]): string {
  const path = join(tempDir(), name);
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
}

describe("bad usage exits 2 with a hint to --help", () => {
  it("an unknown option", () => {
    const stderr = fails(["statement", "familjeradgivning", "--month", "2022-03", "--bogus"], 2);
    expect(stderr).toContain("statement: unknown option --bogus");
    expect(stderr).toContain("Try 'verksamhetsuppdrag statement --help'.");
  });

  it("an unknown command", () => {
    expect(fails(["frobnicate"], 2)).toContain('unknown command "frobnicate"');
  });

  it("a missing required option or argument", () => {
    expect(fails(["statement", "familjeradgivning"], 2)).toContain("--month is required");
    expect(fails(["statement"], 2)).toContain("missing <contract>");
    expect(fails(["deadlines", "familjeradgivning", "--year"], 2)).toContain("--year needs a value");
    expect(fails(["statement", "familjeradgivning", "--month", "--format", "json"], 2)).toContain("--month needs a value");
  });

  it("an extra argument", () => {
    expect(fails(["schema", "extra"], 2)).toContain('unexpected argument "extra"');
  });

  it("a format the command does not have", () => {
    expect(fails(["statement", "familjeradgivning", "--month", "2022-03", "--format", "xml"], 2)).toContain("--format: expected one of table, json, csv");
    expect(fails(["deadlines", "familjeradgivning", "--year", "2024", "--format", "csv"], 2)).toContain("expected one of table, json, ics");
  });
});

describe("bad input exits 1 and names the file, line and field", () => {
  it("a missing file", () => {
    const path = join(tempDir(), "nope.csv");
    expect(fails(["statement", "familjeradgivning", "--month", "2022-03", "--sessions", path], 1)).toBe(`verksamhetsuppdrag: ${path}: no such file\n`);
    expect(fails(["validate", join(tempDir(), "nope.json")], 1)).toContain("nope.json: no such file");
  });

  it("a bad CSV cell, with its line", () => {
    const path = csvFile("sessions.csv", [
      SESSIONS_HEADER,
      "S1,2022-03-01,50,individual,",
      "S2,2022-03-02,60,individual,",
      "S3,2022-03-03,70,individual,",
      "S4,2022-03-04,50,individual,",
      "S5,2022-03-05,50,individual,",
      "S6,2022-03-06,4o,individual,",
    ]);
    expect(fails(["statement", "familjeradgivning", "--month", "2022-03", "--sessions", path], 1)).toBe(
      `verksamhetsuppdrag: ${path} line 7, field minutes: expected a non-negative integer (whole minutes), received "4o"\n`,
    );
  });

  it("a bad cell in a row outside the month is still reported", () => {
    const path = csvFile("s.csv", [SESSIONS_HEADER, "S1,2022-03-01,50,individual,", "S2,2021-05-02,50,single,"]);
    expect(fails(["statement", "familjeradgivning", "--month", "2022-03", "--sessions", path], 1)).toContain(
      'line 3, field kind: expected "individual" or "group", received "single"',
    );
  });

  it("a date that does not exist, a missing column, broken quoting", () => {
    const bad = csvFile("d.csv", [SESSIONS_HEADER, "S1,2022-02-30,50,individual,"]);
    expect(fails(["statement", "familjeradgivning", "--month", "2022-03", "--sessions", bad], 1)).toContain(
      'line 2, field date: expected a date YYYY-MM-DD that exists, received "2022-02-30"',
    );
    const noKind = csvFile("k.csv", ["id,date,minutes", "S1,2022-03-01,50"]);
    expect(fails(["statement", "familjeradgivning", "--month", "2022-03", "--sessions", noKind], 1)).toMatch(/k\.csv line 1: expected a header .* missing kind/);
    const quote = csvFile("q.csv", [SESSIONS_HEADER, 'S1,"2022-03-01"x,50,individual,']);
    expect(fails(["statement", "familjeradgivning", "--month", "2022-03", "--sessions", quote], 1)).toContain("q.csv line 2: expected the separator");
  });

  it("the library's rules on a row are reported at its line: a group without participants, a repeated id", () => {
    const group = csvFile("g.csv", [SESSIONS_HEADER, "S1,2022-03-01,50,individual,", "", "G1,2022-03-02,90,group,"]);
    expect(fails(["statement", "familjeradgivning", "--month", "2022-03", "--sessions", group], 1)).toMatch(/g\.csv line 4, field participants: expected the number of participants/);
    const dup = csvFile("dup.csv", [SESSIONS_HEADER, "S1,2022-03-01,50,individual,", "S1,2022-03-02,90,individual,"]);
    expect(fails(["statement", "familjeradgivning", "--month", "2022-03", "--sessions", dup], 1)).toBe(
      `verksamhetsuppdrag: ${dup} line 3, field id (first used on line 2): the id "S1" is used by an earlier session; a session is never billed twice\n`,
    );
  });

  it("a bad session in a JSON file names its element", () => {
    const path = join(tempDir(), "s.json");
    writeFileSync(path, JSON.stringify({ sessions: [{ id: "S1", date: "2022-03-02", minutes: 50, kind: "individual" }, { id: "S2", date: "2022-03-03", minutes: "61", kind: "individual" }] }));
    expect(fails(["statement", "familjeradgivning", "--month", "2022-03", "--sessions", path], 1)).toContain("s.json, field sessions[1].minutes: expected whole minutes");
  });

  it("JSON that does not parse names the line and column", () => {
    const path = join(tempDir(), "broken.json");
    writeFileSync(path, '{\n  "id": "x",\n}\n');
    expect(fails(["validate", path], 1)).toContain("broken.json line 3, column 1: expected another property after the comma (JSON allows no trailing comma)");
  });

  it("a bad month, year or date", () => {
    expect(fails(["statement", "familjeradgivning", "--month", "2022-13"], 1)).toContain('--month: expected a month YYYY-MM (01-12), received "2022-13"');
    expect(fails(["deadlines", "familjeradgivning", "--year", "24"], 1)).toContain('--year: expected a year YYYY, received "24"');
    expect(fails(["notice", "familjeradgivning", "--received", "2024-02-30"], 1)).toContain("--received: expected a date YYYY-MM-DD that exists");
  });

  it("a month outside the term", () => {
    expect(fails(["statement", "familjeradgivning", "--month", "2021-12"], 1)).toContain("--month: 2021-12 is outside the term of familjeradgivning");
  });

  it("an unknown contract", () => {
    expect(fails(["statement", "nope", "--month", "2022-03"], 1)).toContain('unknown contract "nope": expected one of beroendemottagningen, familjeradgivning');
  });

  it("an invalid contract JSON lists every issue by path", () => {
    const path = join(tempDir(), "bad-contract.json");
    writeFileSync(path, JSON.stringify({ id: "Bad Id", compensation: { kind: "hourly", rate: "12,5" } }));
    for (const args of [["validate", path], ["statement", path, "--month", "2022-03"]]) {
      const stderr = fails(args, 1);
      expect(stderr).toContain(`${path}: not a valid commission`);
      expect(stderr).toMatch(/^ {2}id: expected an id of lower-case letters/m);
      expect(stderr).toMatch(/^ {2}title: expected the commission's title \(the field is required\)/m);
    }
  });

  it("an oral notice", () => {
    expect(fails(["notice", "familjeradgivning", "--received", "2024-02-29", "--form", "oral"], 1)).toContain(
      '--form: the notice must be written (SON 2021-233 §1.1: "Uppsägning ska vara skriftlig"), received "oral"',
    );
  });

  it("an oral call-off names the file and element", () => {
    const path = join(tempDir(), "avrop.json");
    writeFileSync(path, JSON.stringify([{ id: "A1", date: "2022-02-01", hours: "10", form: "written" }, { id: "A2", date: "2022-02-03", hours: 5, form: "oral" }]));
    expect(fails(["statement", "familjeradgivning", "--month", "2022-03", "--call-offs", path], 1)).toContain(`${path}, field [1].form: the call-off "A2" of 5 hours is oral`);
  });

  it("a start the text does not give, an index year not known", () => {
    expect(fails(["statement", "vald-i-nara-relation", "--month", "2023-03"], 1)).toContain("--start: expected the commission's start date");
    expect(fails(["deadlines", "vald-i-nara-relation", "--year", "2024"], 1)).toContain('pass --start as "YYYY-MM-DD"');
    expect(fails(["statement", "familjeradgivning", "--month", "2023-03"], 1)).toContain("--index, field 2023: expected the uppräkningsmodell percentage for 2023");
  });

  it("a bad policy names the option", () => {
    expect(fails(["statement", "familjeradgivning", "--month", "2022-03", "--policy", "overCap=maybe"], 1)).toContain("--policy, field overCap: expected one of");
    expect(fails(["statement", "familjeradgivning", "--month", "2022-03", "--policy", "overCap"], 1)).toContain("--policy: expected NAME=VALUE");
  });

  it("a commission without a notice clause", () => {
    expect(fails(["notice", "boendestod", "--received", "2019-02-01"], 1)).toContain("boendestod: the commission has no notice clause");
  });

  it("a CSV in UTF-8 with a Windows-1252 row", () => {
    const path = join(tempDir(), "mixed.csv");
    writeFileSync(path, Buffer.concat([Buffer.from(`${SESSIONS_HEADER}\nS1,2022-03-01,50,individual,\nÅ1,2022-03-01,50,individual,\n`), Buffer.from("G\xf6,2022-03-01,50,individual,\n", "latin1")]));
    expect(fails(["statement", "familjeradgivning", "--month", "2022-03", "--sessions", path], 1)).toContain("mixed.csv line 4: expected text in one encoding");
  });

  it("the own commission needs its index for 2025", () => {
    expect(fails(["statement", example("own-commission.json"), "--month", "2025-01"], 1)).toContain("the OPI value for 2025 is not known");
  });
});

describe("validate counts every problem", () => {
  it("lists 100 and says how many more, with the total in the heading", () => {
    const dir = tempDir();
    const file = join(dir, "many.json");
    const data: Record<string, unknown> = { ...JSON.parse(JSON.stringify(contracts.familjeradgivning)) };
    for (let k = 0; k < 250; k++) data[`extra${k.toString()}`] = k;
    writeFileSync(file, JSON.stringify(data));
    const r = runCli(["validate", file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not a valid commission \(250 problems\)/);
    expect(r.stderr).toContain("  … and 150 more");
    expect(r.stderr.trim().split("\n")).toHaveLength(102);
  });
});
