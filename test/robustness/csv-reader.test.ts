/**
 * Laws of the command line's CSV reader (src/cli/csv.ts): what a writer
 * quotes by RFC 4180 is read back field for field, on the line it starts
 * on, whatever the line ends; and a stream gives the same records however
 * its bytes are cut into chunks (a character's bytes split between two
 * chunks included).
 *
 * @module
 */
import { fc, test } from "@fast-check/vitest";
import { Readable } from "node:stream";
import { describe, expect } from "vitest";
import { readCsv } from "../../src/cli/csv.js";
import { parseCsv, type CsvRecord } from "../../src/sessions/csv.js";

/** Field text drawn from what makes CSV hard: separators, quotes, line ends, spaces, non-ASCII, U+FFFD. */
const field = fc.string({ unit: fc.constantFrom("a", "1", " ", ",", ";", '"', "\n", "\r", "å", "\uFFFD", "😀"), maxLength: 8 });
/** Two fields or more: a record of one blank field is a blank line, which the reader skips. */
const records = fc.array(fc.array(field, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 12 });
const lineEnd = fc.constantFrom("\n", "\r\n", "\r");

/** The text of records as a writer quoting by RFC 4180 makes it (a field quoted when it must be, or when `always`). */
function write(rows: string[][], ends: string[], always: boolean[]): { text: string; lines: number[] } {
  let text = "";
  let line = 1;
  const lines: number[] = [];
  rows.forEach((row, r) => {
    lines.push(line);
    const cells = row.map((f, k) => (always[(r + k) % always.length] === true || /[",;\r\n]/.test(f) || f.trim() !== f ? `"${f.replaceAll('"', '""')}"` : f));
    const body = cells.join(",");
    text += body + (ends[r % ends.length] ?? "\n");
    line += (body.match(/\r\n|\r|\n/g) ?? []).length + 1;
  });
  return { text, lines };
}

/** What a field inside quotes reads as: every line end is `\n`. */
function read(f: string): string {
  return f.replace(/\r\n|\r/g, "\n");
}

describe("the CSV reader", () => {
  test.prop([records, fc.array(lineEnd, { minLength: 1, maxLength: 4 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 4 })], { numRuns: 300 })(
    "reads back what an RFC 4180 writer wrote, on the line each record starts on",
    (rows, ends, always) => {
      const { text, lines } = write(rows, ends, always);
      const got = parseCsv(text, ",");
      expect(got).toEqual(rows.map((row, r) => ({ line: lines[r], fields: row.map(read) })));
    },
  );

  test.prop([records, fc.array(lineEnd, { minLength: 1, maxLength: 4 }), fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 20 })], { numRuns: 200 })(
    "a stream gives the same records however its bytes are cut into chunks",
    async (rows, ends, cuts) => {
      const { text } = write(rows, ends, [false]);
      const whole = parseCsv(`a,b\n${text}`);
      const bytes = Buffer.from(`a,b\n${text}`);
      const chunks: Buffer[] = [];
      let at = 0;
      for (let k = 0; at < bytes.length; k++) {
        const size = cuts[k % cuts.length] ?? 1;
        chunks.push(bytes.subarray(at, at + size));
        at += size;
      }
      const streamed: CsvRecord[] = [];
      await readCsv(Readable.from(chunks), "s.csv", (r) => streamed.push(r));
      expect(streamed).toEqual(whole);
    },
  );
});
