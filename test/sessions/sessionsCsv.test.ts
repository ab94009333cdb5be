import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { contracts, parseSessionsCsv, SessionsCsvReader, statement } from "../../src/index.js";
import { errorOf } from "../billing/helpers.js";

const bytes = (...parts: (string | number[])[]): Uint8Array => {
  const chunks = parts.map((p) => (typeof p === "string" ? new TextEncoder().encode(p) : Uint8Array.from(p)));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
};

describe("parseSessionsCsv", () => {
  it("reads what Swedish Excel saves: BOM, semicolons, CRLF, quotes, header names in any case", () => {
    const csv = parseSessionsCsv('\uFEFFID;Date;Minutes;Kind;Participants;Case;Resident;comment\r\nS1;2022-03-01;50;individual;;P1;ja;"a; b"\r\n\r\nG1;2022-03-03;90;group;6;;;\r\n');
    expect([...csv.sessions]).toEqual([
      { id: "S1", date: "2022-03-01", minutes: 50, kind: "individual", caseId: "P1", resident: true },
      { id: "G1", date: "2022-03-03", minutes: 90, kind: "group", participants: 6 },
    ]);
    expect([csv.delimiter, csv.encoding, csv.notices]).toEqual([";", "utf-8", []]);
    expect(csv.locate("sessions.1.participants")).toEqual({ line: 4, field: "Participants" });
    expect(csv.locate("sessions.9")).toBeUndefined();
  });

  it("reads bytes as UTF-8, or as Windows-1252 (Excel's plain CSV) with a notice", () => {
    expect(parseSessionsCsv(bytes("id,date,minutes,kind,caseId\nS1,2022-03-01,50,individual,Å1\n")).sessions[0]?.caseId).toBe("Å1");
    const cp = parseSessionsCsv(bytes("id;date;minutes;kind;caseId\r\nS1;2022-03-01;50;individual;", [0xc5, 0x31, 0x80], "\r\n"));
    expect(cp.sessions[0]?.caseId).toBe("Å1€");
    expect(cp.encoding).toBe("windows-1252");
    expect(cp.notices[0]).toMatch(/not UTF-8 and was read as Windows-1252/);
    const mixed = errorOf(() => parseSessionsCsv(bytes("id,date,minutes,kind,caseId\nS1,2022-03-01,50,individual,Å\nS2,2022-03-01,50,individual,", [0xc5], "\n")));
    expect(mixed.message).toMatch(/^line 3: expected text in one encoding/);
  });

  it("the same sessions whatever the chunks the bytes arrive in", () => {
    const file = bytes("id;date;minutes;kind;caseId\r\nS1;2022-03-01;50;individual;Åsa\r\nS2;2022-03-02;61;individual;Örjan\r\n");
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: file.length }), { maxLength: 8 }), (cuts) => {
        const points = [0, ...[...cuts].sort((a, b) => a - b), file.length];
        const reader = new SessionsCsvReader();
        for (let k = 0; k + 1 < points.length; k++) reader.write(file.subarray(points[k], points[k + 1]));
        expect([...reader.end().sessions]).toEqual([...parseSessionsCsv(file).sessions]);
      }),
    );
  });

  it("names the line and the column of a bad cell, as the header writes it", () => {
    const e = errorOf(() => parseSessionsCsv("id,date,MINUTES,kind\nS1,2022-03-01,50,individual\nS2,2022-03-02,4o,individual\n"));
    expect(e.code).toBe("INVALID_INPUT");
    expect(e.message).toBe('line 3, field MINUTES: expected a non-negative integer (whole minutes), received "4o"');
    expect(e.issues[0]).toEqual({ path: "line 3, field MINUTES", expected: "a non-negative integer (whole minutes)", received: '"4o"' });
    expect(errorOf(() => parseSessionsCsv("id,date,minutes\n")).message).toMatch(/^line 1: expected a header with the columns id, date, minutes, kind .* missing kind$/);
    expect(errorOf(() => parseSessionsCsv("")).message).toMatch(/received an empty file/);
    expect(errorOf(() => parseSessionsCsv('id,date,minutes,kind\nS1,"2022-03-01\n')).message).toMatch(/^line 2: expected a closing quote/);
    expect(errorOf(() => parseSessionsCsv("id,date,minutes,kind\nS1,2022-03-01,50,individual,x\n")).message).toMatch(/^line 2: expected at most 4 fields/);
    expect(errorOf(() => parseSessionsCsv("id,date,minutes,kind\nS1,2022-03-01,50,individual\nS2,2022-03-01,50,individual\n", { maxRows: 1 })).message).toMatch(/^line 3: expected at most 1 sessions/);
    expect(errorOf(() => parseSessionsCsv(42 as never)).code).toBe("INVALID_ARGUMENT");
  });

  it("its sessions bill exactly as the same sessions written as objects", () => {
    const csv = parseSessionsCsv("id,date,minutes,kind,participants\nS1,2022-03-02,50,individual,\nS2,2022-03-09,61,individual,\nG1,2022-03-10,90,group,6\n");
    const objects = [
      { id: "S1", date: "2022-03-02", minutes: 50, kind: "individual" as const },
      { id: "S2", date: "2022-03-09", minutes: 61, kind: "individual" as const },
      { id: "G1", date: "2022-03-10", minutes: 90, kind: "group" as const, participants: 6 },
    ];
    expect(statement(contracts.familjeradgivning, "2022-03", { sessions: csv.sessions }).total.toFixed(2)).toBe(
      statement(contracts.familjeradgivning, "2022-03", { sessions: objects }).total.toFixed(2),
    );
  });
});
