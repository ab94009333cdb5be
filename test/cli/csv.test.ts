import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { readCsv } from "../../src/cli/csv.js";
import { CsvParser, detectDelimiter, parseCsv, type CsvRecord } from "../../src/sessions/csv.js";
import { InputError } from "../../src/cli/errors.js";

async function collect(chunks: string | Buffer | (string | Buffer)[], file = "x.csv") {
  const out: CsvRecord[] = [];
  await readCsv(Readable.from(Array.isArray(chunks) ? chunks : [chunks]), file, (record) => out.push(record));
  return out;
}

describe("detectDelimiter", () => {
  it("picks a semicolon when the header has one (Swedish Excel)", () => {
    expect(detectDelimiter("id;date;minutes;kind;participants")).toBe(";");
  });
  it("picks a comma otherwise", () => {
    expect(detectDelimiter("id,date,minutes,kind,participants")).toBe(",");
    expect(detectDelimiter("id")).toBe(",");
  });
  it("ignores separators inside quotes", () => {
    expect(detectDelimiter('"a;b",c,d')).toBe(",");
  });
});

describe("parseCsv", () => {
  it("reads plain fields and empty cells", () => {
    expect(parseCsv("a,b,c\n1,,3\n,,\n")).toEqual([
      { line: 1, fields: ["a", "b", "c"] },
      { line: 2, fields: ["1", "", "3"] },
      { line: 3, fields: ["", "", ""] },
    ]);
  });
  it("reads quoted fields with doubled quotes, separators and line breaks", () => {
    expect(parseCsv('id;note\r\n1;"say ""hej""; ok"\r\n2;"two\r\nlines"\r\n3;""\r\n')).toEqual([
      { line: 1, fields: ["id", "note"] },
      { line: 2, fields: ["1", 'say "hej"; ok'] },
      { line: 3, fields: ["2", "two\nlines"] },
      { line: 5, fields: ["3", ""] },
    ]);
  });
  it("drops a BOM and skips blank lines", () => {
    expect(parseCsv("\uFEFFa;b\r\n\r\n1;2\r\n")).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 3, fields: ["1", "2"] },
    ]);
  });
  it("keeps a trailing empty field", () => {
    expect(parseCsv("a,b\n1,\n")[1]!.fields).toEqual(["1", ""]);
  });
  it("rejects text after a closing quote, naming the line", () => {
    expect(() => parseCsv('a,b\n1,"x"y\n')).toThrow(/line 2: expected the separator "," or the end of the line after the closing quote/);
  });
  it("stops at a quote left open for too many lines, naming the line it opens on", () => {
    const text = `a,b\n1,2\n3,"open\n${"x,y\n".repeat(2000)}`;
    expect(() => parseCsv(text)).toThrow(/^line 3: expected a closing quote \("\) for the quoted field that opens on this line, received none in the next 1000 lines/);
  });
  it("rejects a quote left open at the end", () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3\n')).toThrow(/line 2: expected a closing quote/);
  });
});

describe("CsvParser", () => {
  it("holds a record until its quote closes, across pieces of text", () => {
    const out: CsvRecord[] = [];
    const p = new CsvParser((r) => out.push(r), ";");
    p.write('a;"b');
    expect(out).toEqual([]);
    p.write('\nc";d\n');
    expect(out).toEqual([{ line: 1, fields: ["a", "b\nc", "d"] }]);
    expect(() => { p.end(); }).not.toThrow();
  });
});

describe("readCsv (streamed)", () => {
  it("reads CRLF, a BOM and semicolons", async () => {
    const records = await collect("\uFEFFid;date\r\ns1;2022-03-01\r\ns2;\"2022-03-02\"\r\n");
    expect(records).toEqual([
      { line: 1, fields: ["id", "date"] },
      { line: 2, fields: ["s1", "2022-03-01"] },
      { line: 3, fields: ["s2", "2022-03-02"] },
    ]);
  });
  it("reads records split across chunks", async () => {
    const out = await collect(["id,no", "te\n1,\"a", "\nb\"\n2,c"]);
    expect(out).toEqual([
      { line: 1, fields: ["id", "note"] },
      { line: 2, fields: ["1", "a\nb"] },
      { line: 4, fields: ["2", "c"] },
    ]);
  });
  it("names the file and line of broken quoting", async () => {
    await expect(collect('a,b\n1,"x"y\n', "s.csv")).rejects.toThrow(InputError);
    await expect(collect('a,b\n1,"x"y\n', "s.csv")).rejects.toThrow(/^s\.csv line 2: expected/);
  });
  it("reads text that is not UTF-8 as Windows-1252 (plain CSV from Excel), and refuses a file that mixes the two", async () => {
    const cp1252 = Buffer.from("id;note\n1;G\xf6teborg \x80\n", "latin1");
    expect((await collect(cp1252, "s.csv"))[1]?.fields).toEqual(["1", "Göteborg €"]);
    const mixed = Buffer.concat([Buffer.from("id;note\n1;Göteborg\n"), Buffer.from("2;G\xf6teborg\n", "latin1")]);
    await expect(collect(mixed, "s.csv")).rejects.toThrow(/s\.csv line 3: expected text in one encoding/);
  });
});
