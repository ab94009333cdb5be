/**
 * A small, strict CSV reader for the command line: one record at a time,
 * from a stream, in bounded memory.
 *
 * What it reads (RFC 4180 plus what Swedish Excel writes):
 * - UTF-8, with or without a byte-order mark;
 * - comma or semicolon separated, detected from the header line;
 * - fields in double quotes, with `""` for a quote inside, and line breaks
 *   inside quotes;
 * - CRLF or LF line ends; blank lines are skipped.
 *
 * It never holds more than the record being read: the caller gets each
 * record's fields and the line it starts on, and keeps what it needs.
 *
 * @module
 */
import { open } from "node:fs/promises";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { InputError } from "./errors.js";

/**
 * A field separator the reader understands.
 *
 * @example
 * ```ts
 * const d: CsvDelimiter = ";"; // as Swedish Excel saves
 * ```
 */
export type CsvDelimiter = "," | ";";

/**
 * One record of a CSV file: its fields and the (1-based) line it starts on.
 *
 * @example
 * ```ts
 * const r: CsvRecord = { line: 2, fields: ["s1", "2022-03-01", "60", "individual", ""] };
 * ```
 */
export interface CsvRecord {
  /** The line the record starts on, counting the header as line 1. */
  line: number;
  /** The fields, unquoted. */
  fields: string[];
}

/**
 * A problem in the CSV syntax itself (not in a value): where it is and what
 * was expected. {@link readCsv} turns it into an {@link InputError} that
 * names the file.
 *
 * @example
 * ```ts
 * new CsvSyntaxError(7, "a separator or the end of the line after the closing quote", '"x"y');
 * ```
 */
export class CsvSyntaxError extends Error {
  /**
   * @param line - the line of the problem
   * @param expected - what the reader expected
   * @param received - what it found, rendered for a person
   */
  constructor(
    readonly line: number,
    readonly expected: string,
    readonly received: string,
  ) {
    super(`line ${line.toString()}: expected ${expected}, received ${received}`);
    this.name = "CsvSyntaxError";
  }
}

/**
 * Picks the separator from the header line: a semicolon when the header has
 * one outside quotes (as Swedish Excel saves), else a comma.
 *
 * @param header - the first line of the file, without its line end
 * @returns `";"` or `","`
 * @example
 * ```ts
 * detectDelimiter("id;date;minutes;kind;participants"); //=> ";"
 * detectDelimiter("id,date,minutes,kind,participants"); //=> ","
 * ```
 */
export function detectDelimiter(header: string): CsvDelimiter {
  let quoted = false;
  let commas = 0;
  let semicolons = 0;
  for (const ch of header) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ";") semicolons++;
    else if (!quoted && ch === ",") commas++;
  }
  return semicolons > 0 && semicolons >= commas ? ";" : ",";
}

/**
 * Splits CSV text into records, one physical line at a time. A line that
 * ends inside a quoted field is kept until the quote closes, so a record may
 * span lines; nothing else is held.
 *
 * @example
 * ```ts
 * const s = new CsvSplitter(";");
 * s.push('a;"b', 1);          //=> null (the quote is still open)
 * s.push('c";d', 2);          //=> ["a", "b\nc", "d"]
 * s.finish();                 // throws only if a quote is left open
 * ```
 */
export class CsvSplitter {
  /** The most physical lines one record may span: an unclosed quote is caught early, and memory stays bounded. */
  static readonly MAX_RECORD_LINES = 1000;
  private pending: string | null = null;
  private pendingLine = 0;

  /**
   * @param delimiter - the field separator
   */
  constructor(private readonly delimiter: CsvDelimiter) {}

  /**
   * Adds one physical line.
   *
   * @param text - the line without its line end
   * @param line - its 1-based number, for errors
   * @returns the record's fields when the line completes a record, else `null`
   * @throws {@link CsvSyntaxError} for text after a closing quote, or a
   *   quoted field still open after {@link CsvSplitter.MAX_RECORD_LINES} lines
   */
  push(text: string, line: number): string[] | null {
    const joined = this.pending === null ? text : `${this.pending}\n${text}`;
    const start = this.pending === null ? line : this.pendingLine;
    if (line - start >= CsvSplitter.MAX_RECORD_LINES) {
      throw new CsvSyntaxError(
        start,
        `a closing quote (") for the quoted field that opens on this line`,
        `none in the next ${CsvSplitter.MAX_RECORD_LINES.toString()} lines`,
      );
    }
    const fields = splitRecord(joined, this.delimiter, start);
    if (fields === null) {
      this.pending = joined;
      this.pendingLine = start;
      return null;
    }
    this.pending = null;
    return fields;
  }

  /**
   * Whether a record is waiting for its closing quote.
   *
   * @returns `true` while a quoted field is open
   */
  get open(): boolean {
    return this.pending !== null;
  }

  /**
   * Ends the input.
   *
   * @throws {@link CsvSyntaxError} when a quoted field was never closed
   */
  finish(): void {
    if (this.pending !== null) {
      throw new CsvSyntaxError(this.pendingLine, "a closing quote (\") before the end of the file", "an open quoted field");
    }
  }
}

/**
 * Splits one record. Returns `null` when the text ends inside quotes.
 */
function splitRecord(text: string, delimiter: CsvDelimiter, line: number): string[] | null {
  const fields: string[] = [];
  let i = 0;
  const n = text.length;
  for (;;) {
    if (i < n && text[i] === '"') {
      // A quoted field: "" is one quote; the field ends at a lone quote.
      let value = "";
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) return null;
        value += text.slice(j, q);
        if (text[q + 1] === '"') {
          value += '"';
          j = q + 2;
          continue;
        }
        j = q + 1;
        break;
      }
      fields.push(value);
      if (j === n) return fields;
      if (text[j] !== delimiter) {
        throw new CsvSyntaxError(
          line + countNewlines(text, j),
          `the separator "${delimiter}" or the end of the line after the closing quote of field ${fields.length.toString()}`,
          JSON.stringify(text.slice(j, j + 10)),
        );
      }
      i = j + 1;
    } else {
      const d = text.indexOf(delimiter, i);
      if (d < 0) {
        fields.push(text.slice(i));
        return fields;
      }
      fields.push(text.slice(i, d));
      i = d + 1;
    }
  }
}

function countNewlines(text: string, end: number): number {
  let count = 0;
  for (let k = 0; k < end; k++) if (text[k] === "\n") count++;
  return count;
}

/**
 * Parses CSV held in a string (for tests and small inputs; files go through
 * {@link readCsv}, which streams). The delimiter is detected from the first
 * line unless given.
 *
 * @param text - the CSV text, with or without a BOM, LF or CRLF
 * @param delimiter - the separator; default: detected from the first line
 * @returns the records, header included, with their line numbers
 * @throws {@link CsvSyntaxError} for broken quoting
 * @example
 * ```ts
 * parseCsv('id;note\r\n1;"say ""hej"""\r\n');
 * //=> [{ line: 1, fields: ["id", "note"] }, { line: 2, fields: ["1", 'say "hej"'] }]
 * ```
 */
export function parseCsv(text: string, delimiter?: CsvDelimiter): CsvRecord[] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  const splitter = new CsvSplitter(delimiter ?? detectDelimiter(lines[0] ?? ""));
  const records: CsvRecord[] = [];
  let start = 1;
  lines.forEach((line, index) => {
    const n = index + 1;
    if (!splitter.open) {
      start = n;
      if (line.trim() === "") return;
    }
    const fields = splitter.push(line, n);
    if (fields !== null) records.push({ line: start, fields });
  });
  splitter.finish();
  return records;
}

/**
 * Reads a CSV stream record by record (readline over the stream), detecting
 * the separator from the header line and dropping a leading BOM, and hands
 * each record to `onRecord` as soon as it is complete. Blank lines are
 * skipped. Text that is not valid UTF-8 (e.g. a file saved as Windows-1252)
 * is an error naming the line.
 *
 * `onRecord` runs synchronously for each line as readline emits it, so
 * nothing queues up: memory stays bounded by what the callback keeps. An
 * error thrown by `onRecord` stops the reading and rejects the promise.
 *
 * @param input - a readable stream of UTF-8 text
 * @param file - the file's name, for error messages
 * @param onRecord - called with each record, the header first
 * @returns a promise that settles when the stream is read (or on the first error)
 * @throws {@link InputError} naming the file and line for broken quoting or bad encoding
 * @example
 * ```ts
 * await readCsv(createReadStream("sessions.csv"), "sessions.csv", ({ line, fields }) => {
 *   console.log(line, fields);
 * });
 * ```
 */
export function readCsv(input: Readable, file: string, onRecord: (record: CsvRecord) => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    input.setEncoding("utf8");
    const rl = createInterface({ input, crlfDelay: Infinity });
    let failed = false;
    let splitter: CsvSplitter | null = null;
    let n = 0;
    let start = 1;
    const fail = (error: unknown): void => {
      if (failed) return;
      failed = true;
      rl.close();
      input.destroy();
      reject(error instanceof CsvSyntaxError ? csvInputError(error, file) : error instanceof Error ? error : new Error(String(error)));
    };
    input.on("error", fail);
    rl.on("line", (raw) => {
      if (failed) return;
      try {
        n++;
        const text = n === 1 ? raw.replace(/^\uFEFF/, "") : raw;
        if (text.includes("\uFFFD")) {
          throw new InputError(
            `${file} line ${n.toString()}: expected UTF-8 text, received bytes that are not UTF-8 (in Excel, save as "CSV UTF-8")`,
          );
        }
        splitter ??= new CsvSplitter(detectDelimiter(text));
        if (!splitter.open) {
          start = n;
          if (text.trim() === "") return;
        }
        const fields = splitter.push(text, n);
        if (fields !== null) onRecord({ line: start, fields });
      } catch (error) {
        fail(error);
      }
    });
    rl.on("close", () => {
      if (failed) return;
      try {
        splitter?.finish();
        resolve();
      } catch (error) {
        fail(error);
      }
    });
  });
}

function csvInputError(error: CsvSyntaxError, file: string): InputError {
  return new InputError(`${file} line ${error.line.toString()}: expected ${error.expected}, received ${error.received}`);
}

/**
 * Opens a file and reads it with {@link readCsv}, turning "no such file"
 * and the like into an {@link InputError} that names it.
 *
 * @param path - the file's path
 * @param onRecord - called with each record, the header first
 * @param label - how to name the file in messages (default: `path`)
 * @returns a promise that settles when the file is read
 * @throws {@link InputError} when the file cannot be read
 * @example
 * ```ts
 * await readCsvFile("examples/data/familjeradgivning-2022-03.csv", (record) => { … });
 * ```
 */
export async function readCsvFile(path: string, onRecord: (record: CsvRecord) => void, label: string = path): Promise<void> {
  let handle;
  try {
    handle = await open(path, "r");
    const stat = await handle.stat();
    if (stat.isDirectory()) throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
  } catch (error) {
    await handle?.close();
    throw fileError(error, label);
  }
  // The stream owns the handle from here and closes it.
  await readCsv(handle.createReadStream({ highWaterMark: 64 * 1024 }), label, onRecord);
}

/**
 * Turns a file-system error into an {@link InputError} naming the file.
 *
 * @param error - what `fs` threw
 * @param label - the file's name for the message
 * @returns an InputError (or the error itself if it is not a file-system error)
 * @example
 * ```ts
 * fileError(Object.assign(new Error(), { code: "ENOENT" }), "x.csv").message; //=> "x.csv: no such file"
 * ```
 */
export function fileError(error: unknown, label: string): unknown {
  const code = typeof error === "object" && error !== null && "code" in error ? error.code : undefined;
  switch (code) {
    case "ENOENT":
      return new InputError(`${label}: no such file`);
    case "EACCES":
    case "EPERM":
      return new InputError(`${label}: permission denied`);
    case "EISDIR":
      return new InputError(`${label}: expected a file, received a directory`);
    default:
      if (typeof code === "string") return new InputError(`${label}: cannot be read (${code})`);
      return error;
  }
}
