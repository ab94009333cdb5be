/**
 * The column store of the sessions reader: integer columns that widen, a
 * table that gives back exactly the sessions put in, and the read-only array
 * view the library is handed.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { contracts, statement, statementToJSON, yearReport, yearReportToJSON, type Session } from "../../src/index.js";
import { jsonChunks, jsonText } from "../../src/cli/format.js";
import { readSessions } from "../../src/cli/sessions.js";
import { IntColumn, SessionTable } from "../../src/sessions/table.js";
import { tempDir } from "../cli/helpers.js";

function tableOf(sessions: readonly Session[]): SessionTable {
  const table = new SessionTable();
  for (const s of sessions) table.add(s);
  return table;
}

/** Sessions of 2022 with every kind of field, more than one column's first room. */
function manySessions(n: number): Session[] {
  return Array.from({ length: n }, (_, i): Session => {
    const date = `2022-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`;
    const id = i % 7 === 0 ? `8f14e45f-ceea-467f-a0e6-${String(i).padStart(12, "0")}` : `S${i.toString()}`;
    if (i % 10 === 0) return { id, date, minutes: 45 + (i % 91), kind: "group", participants: 3 + (i % 6) };
    const s: Session = { id, date, minutes: 30 + (i % 61), kind: "individual" };
    if (i % 3 === 0) s.caseId = `P${(i % 50).toString()}`;
    if (i % 11 === 0) s.age = i % 90;
    if (i % 13 === 0) s.resident = i % 2 === 0;
    if (i % 26 === 0) s.residencyException = "Avtal med förvaltningen 2022-01-01";
    return s;
  });
}

describe("IntColumn", () => {
  it("grows and widens from one byte a value to two and four, keeping what it holds", () => {
    const c = new IntColumn();
    c.set(0, 200);
    c.set(5000, 7);
    expect([c.get(0), c.get(1), c.get(5000), c.get(99_999)]).toEqual([200, 0, 7, 0]);
    c.set(1, 65_535);
    expect([c.get(0), c.get(1), c.get(5000)]).toEqual([200, 65_535, 7]);
    c.set(2, 2 ** 31 - 1);
    expect([c.get(0), c.get(1), c.get(2), c.get(5000)]).toEqual([200, 65_535, 2 ** 31 - 1, 7]);
  });
});

describe("SessionTable", () => {
  it("gives back each session equal to the one added, with its fields in the same order", () => {
    const sessions = manySessions(5000);
    const table = tableOf(sessions);
    expect(table.length).toBe(5000);
    for (let i = 0; i < sessions.length; i++) {
      const back = table.at(i);
      expect(back).toEqual(sessions[i]);
      expect(Object.keys(back ?? {})).toEqual(Object.keys(sessions[i] ?? {}));
    }
    expect([table.at(-1), table.at(5000), table.at(1.5)]).toEqual([undefined, undefined, undefined]);
  });

  it("keeps ids in any script, and long text as its own copy", () => {
    const sessions: Session[] = [
      { id: "Åsa-1", date: "2022-03-01", minutes: 50, kind: "individual" },
      { id: "😀 grupp\n\"två\"", date: "2022-03-02", minutes: 90, kind: "group", participants: 6 },
      { id: "lone \ud800 surrogate", date: "2022-03-03", minutes: 0, kind: "individual", caseId: "ärende \udc00 X" },
    ];
    const table = tableOf(sessions);
    expect([table.at(0), table.at(1)]).toEqual(sessions.slice(0, 2));
    // A lone surrogate has no UTF-8 form: that row is kept as its object.
    expect(table.at(2)).toBe(sessions[2]);
    table.add({ id: "S9", date: "2022-03-04", minutes: 5, kind: "individual", caseId: "ärende \udc00 X", residencyException: `${"e".repeat(20)}\ud800` });
    expect(table.at(3)).toEqual({ id: "S9", date: "2022-03-04", minutes: 5, kind: "individual", caseId: "ärende \udc00 X", residencyException: `${"e".repeat(20)}\ud800` });
  });

  it("keeps a row whose numbers do not fit the columns as the object it was", () => {
    const odd: Session[] = [
      { id: "A", date: "2022-03-01", minutes: 99_999_999_999, kind: "individual" },
      { id: "B", date: "2022-03-01", minutes: 1.5, kind: "individual" },
      { id: "C", date: "2022-03-01", minutes: 60, kind: "group", participants: 2 ** 31 },
      { id: "D", date: "2022-03-01", minutes: 60, kind: "individual", age: -1 },
    ];
    const table = tableOf([{ id: "S1", date: "2022-03-01", minutes: 50, kind: "individual" }, ...odd, { id: "S2", date: "2022-03-02", minutes: 527_040, kind: "individual" }]);
    odd.forEach((s, i) => {
      expect(table.at(i + 1)).toBe(s);
    });
    expect(table.at(0)).toEqual({ id: "S1", date: "2022-03-01", minutes: 50, kind: "individual" });
    expect(table.at(5)).toEqual({ id: "S2", date: "2022-03-02", minutes: 527_040, kind: "individual" });
  });
});

describe("SessionTable.asArray", () => {
  const sessions = manySessions(300);
  const view = tableOf(sessions).asArray();

  it("behaves as a read-only array of the sessions", () => {
    expect(Array.isArray(view)).toBe(true);
    expect(view.length).toBe(300);
    expect(view[299]).toEqual(sessions[299]);
    expect([view[300], (view as unknown as Record<string, unknown>)["01"]]).toEqual([undefined, undefined]);
    expect([0 in view, 299 in view, 300 in view]).toEqual([true, true, false]);
    expect(view).toEqual(sessions);
    expect([...view]).toEqual(sessions);
    expect(view.map((s) => s.id)).toEqual(sessions.map((s) => s.id));
    expect(Object.keys(view)).toHaveLength(300);
    expect(JSON.stringify(view)).toBe(JSON.stringify(sessions));
  });

  it("makes each element when it is read, and refuses writes", () => {
    expect(view[0]).not.toBe(view[0]);
    // Asking whether an element is there, then reading it (as the library does), makes one object.
    const described = Object.getOwnPropertyDescriptor(view, 5)?.value as Session;
    expect(view[5]).toBe(described);
    expect(view[5]).not.toBe(described);
    expect(Object.hasOwn(view, 7) ? view[7] : undefined).toEqual(sessions[7]);
    Object.getOwnPropertyDescriptor(view, 8);
    expect(view[9]).toEqual(sessions[9]);
    expect(view[8]).toEqual(sessions[8]);
    const writable = view as Session[];
    expect(() => {
      writable[0] = { id: "X", date: "2022-01-01", minutes: 1, kind: "individual" };
    }).toThrow(TypeError);
    expect(() => writable.push({ id: "X", date: "2022-01-01", minutes: 1, kind: "individual" })).toThrow(TypeError);
    expect(view.length).toBe(300);
  });

  it("gives the library's statement and year report the same figures as the plain array", () => {
    const plain = statement(contracts.familjeradgivning, "2022-03", { sessions });
    expect(jsonText(statementToJSON(statement(contracts.familjeradgivning, "2022-03", { sessions: view })))).toBe(jsonText(statementToJSON(plain)));
    const perCase = { sessions, policies: { quarterRounding: "per-month-per-case" as const } };
    const group = sessions.filter((s) => s.kind === "group" || s.caseId !== undefined);
    expect(jsonText(statementToJSON(statement(contracts.familjeradgivning, "2022-03", { ...perCase, sessions: tableOf(group).asArray() })))).toBe(
      jsonText(statementToJSON(statement(contracts.familjeradgivning, "2022-03", { ...perCase, sessions: group }))),
    );
    expect(jsonText(yearReportToJSON(yearReport(contracts.familjeradgivning, 2022, { sessions: view })))).toBe(jsonText(yearReportToJSON(yearReport(contracts.familjeradgivning, 2022, { sessions }))));
  });
});

describe("readSessions on a CSV file", () => {
  it("names the right line past blank lines, a record over two lines and rows of another year", async () => {
    const path = join(tempDir(), "lines.csv");
    writeFileSync(
      path,
      [
        "id,date,minutes,kind,participants",
        "A,2022-03-01,50,individual,",
        "",
        "X,2021-03-01,50,individual,",
        '"B',
        'two lines",2022-03-02,50,individual,',
        "",
        "",
        "C,2022-03-03,50,group,",
        "",
      ].join("\n"),
    );
    const r = await readSessions(path);
    expect(r.sessions.map((s) => s.id)).toEqual(["A", "X", "B\ntwo lines", "C"]);
    expect([r.locate("sessions.0.id"), r.locate("sessions.1"), r.locate("sessions.2"), r.locate("sessions.3.participants"), r.locate("sessions.4.id")]).toEqual([
      { file: path, line: 2, field: "id" },
      { file: path, line: 4 },
      { file: path, line: 5 },
      { file: path, line: 9, field: "participants" },
      undefined,
    ]);
  });
});

describe("jsonChunks", () => {
  it("writes long strings exactly, lone surrogates and escapes included", () => {
    const text = `${"x".repeat(20)} "quoted" \\ \n \ud800 é ${"y".repeat(3)}`;
    const value = { lines: Array.from({ length: 100 }, (_, i) => ({ id: `line-${i.toString()}-${"z".repeat(12)}`, description: `${text}${i.toString()}` })) };
    expect([...jsonChunks(value)].join("")).toBe(jsonText(value));
  });
});
