/**
 * A small, strict CSV reader for the command line: one record at a time,
 * from a stream, in bounded memory.
 *
 * What it reads (RFC 4180 plus what Swedish Excel writes):
 * - UTF-8, with or without a byte-order mark;
 * - comma or semicolon separated, detected from the header line;
 * - fields in double quotes, with `""` for a quote inside, and line breaks
 *   inside quotes;
 * - CRLF, LF or CR line ends; blank lines are skipped.
 *
 * It never holds more than the record being read, and that is bounded (at
 * most {@link MAX_RECORD_LENGTH} characters over {@link MAX_RECORD_LINES}
 * lines): the caller gets each record's fields and the line it starts on,
 * and keeps what it needs. Every character is looked at once.
 *
 * @module
 */
import { Buffer } from "node:buffer";
import { open } from "node:fs/promises";
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
 * The longest record the reader takes, in characters (UTF-16 code units, so
 * 1 MiB of ASCII): far more than any row of sessions, and a file without a
 * line end (`/dev/zero`, a binary file) is refused after reading this much
 * rather than held until memory runs out.
 *
 * @example
 * ```ts
 * MAX_RECORD_LENGTH; //=> 1048576
 * ```
 */
export const MAX_RECORD_LENGTH = 1_048_576;

/**
 * The most physical lines one record may span (a quoted field with line
 * breaks): an unclosed quote is caught early.
 *
 * @example
 * ```ts
 * MAX_RECORD_LINES; //=> 1000
 * ```
 */
export const MAX_RECORD_LINES = 1000;

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** Where the parser is within a record: at the start of a field. */
const FIELD = 0;
/** In a field without quotes. */
const UNQUOTED = 1;
/** In a quoted field. */
const QUOTED = 2;
/** Just after a quote inside a quoted field: `""` or the field's end. */
const QUOTE_SEEN = 3;

/**
 * A streaming CSV parser: text goes in, in pieces of any size, and each
 * record comes out through `onRecord` as soon as its line end is read. Every
 * character is looked at once, so the work is linear in the text, whatever
 * the records' lengths or how many lines a quoted field spans; the parser
 * holds only the record being read, at most {@link MAX_RECORD_LENGTH}
 * characters over at most {@link MAX_RECORD_LINES} lines.
 *
 * A line end is LF, CRLF or CR; inside quotes it is kept as `\n`. A record
 * that is one unquoted blank field (an empty or white-space line) is
 * skipped. A BOM at the start is dropped. Without a given delimiter, it is
 * detected from the first line ({@link detectDelimiter}).
 *
 * @example
 * ```ts
 * const records: CsvRecord[] = [];
 * const p = new CsvParser((r) => records.push(r), ";");
 * p.write('a;"b\nc');
 * p.write('";d\n');
 * p.end();
 * records; //=> [{ line: 1, fields: ["a", "b\nc", "d"] }]
 * ```
 */
export class CsvParser {
  private delimiter: number;
  /** The text read before the first line end, while the delimiter is not known. */
  private head: string | null;
  private started = false;
  private state: number = FIELD;
  private fields: string[] = [];
  private value = "";
  private inRecord = false;
  private quoted = false;
  private length = 0;
  private recordLine = 1;
  /** A CR ended the last line: an LF right after it belongs to the same line end. */
  private skipLF = false;
  private physicalLine = 1;

  /**
   * @param onRecord - called with each record, in order
   * @param delimiter - the separator; default: detected from the first line
   */
  constructor(
    private readonly onRecord: (record: CsvRecord) => void,
    delimiter?: CsvDelimiter,
  ) {
    this.delimiter = delimiter === undefined ? 0 : delimiter.charCodeAt(0);
    this.head = delimiter === undefined ? "" : null;
  }

  /**
   * The physical line being read (1-based): where the next character goes.
   *
   * @returns the line number
   */
  get line(): number {
    return this.physicalLine;
  }

  /**
   * Adds text.
   *
   * @param text - the next piece of the input
   * @throws {@link CsvSyntaxError} for text after a closing quote, a record
   *   longer than {@link MAX_RECORD_LENGTH} or a quoted field spanning more
   *   than {@link MAX_RECORD_LINES} lines; and whatever `onRecord` throws
   */
  write(text: string): void {
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (this.head !== null) {
      const head = this.head + text;
      const end = lineEnd(head);
      if (end < 0) {
        if (head.length > MAX_RECORD_LENGTH) throw tooLong(1);
        this.head = head;
        return;
      }
      this.head = null;
      this.delimiter = detectDelimiter(head.slice(0, end)).charCodeAt(0);
      text = head;
    }
    this.parse(text);
  }

  /**
   * Ends the input: the last record, if it has no line end, is handed on.
   *
   * @throws {@link CsvSyntaxError} when a quoted field was never closed
   */
  end(): void {
    if (this.head !== null) {
      const head = this.head;
      this.head = null;
      this.delimiter = detectDelimiter(head).charCodeAt(0);
      this.parse(head);
    }
    if (!this.inRecord) return;
    if (this.state === QUOTED) {
      throw new CsvSyntaxError(this.recordLine, 'a closing quote (") before the end of the file', "an open quoted field");
    }
    this.endField();
    this.endRecord();
  }

  private parse(text: string): void {
    const n = text.length;
    const d = this.delimiter;
    let i = 0;
    while (i < n) {
      let c = text.charCodeAt(i);
      if (this.skipLF) {
        this.skipLF = false;
        if (c === LF) {
          i++;
          continue;
        }
      }
      if (!this.inRecord) {
        this.inRecord = true;
        this.recordLine = this.physicalLine;
      }
      switch (this.state) {
        case FIELD:
          if (c === QUOTE) {
            this.state = QUOTED;
            this.quoted = true;
            this.count(1);
            i++;
          } else this.state = UNQUOTED;
          break;
        case UNQUOTED: {
          // To the next separator or line end, looking no further than the record may go.
          const j = this.take(text, i, n, d);
          c = j < n ? text.charCodeAt(j) : 0;
          i = j;
          if (j === n) break;
          this.count(1);
          i++;
          this.endField();
          if (c === d) this.state = FIELD;
          else {
            this.endRecord();
            this.newLine(c);
          }
          break;
        }
        case QUOTED: {
          const j = this.take(text, i, n, QUOTE);
          c = j < n ? text.charCodeAt(j) : 0;
          i = j;
          if (j === n) break;
          this.count(1);
          i++;
          if (c === QUOTE) this.state = QUOTE_SEEN;
          else {
            this.value += "\n";
            this.newLine(c);
            if (this.physicalLine - this.recordLine >= MAX_RECORD_LINES) {
              throw new CsvSyntaxError(
                this.recordLine,
                `a closing quote (") for the quoted field that opens on this line`,
                `none in the next ${MAX_RECORD_LINES.toString()} lines`,
              );
            }
          }
          break;
        }
        case QUOTE_SEEN:
          if (c === QUOTE) {
            this.value += '"';
            this.state = QUOTED;
          } else if (c === d) {
            this.endField();
            this.state = FIELD;
          } else if (c === LF || c === CR) {
            this.endField();
            this.endRecord();
            this.newLine(c);
          } else {
            throw new CsvSyntaxError(
              this.physicalLine,
              `the separator "${String.fromCharCode(d)}" or the end of the line after the closing quote of field ${(this.fields.length + 1).toString()}`,
              JSON.stringify(text.slice(i, i + 10)),
            );
          }
          this.count(1);
          i++;
          break;
      }
    }
  }

  /** Counts characters of the record, refusing one that grows too long. */
  /**
   * Adds to the field the characters from `i` up to the next `stop`, LF or
   * CR (or the chunk's end), looking no further than the record may go;
   * returns where it stopped.
   */
  private take(text: string, i: number, n: number, stop: number): number {
    const end = Math.min(n, i + MAX_RECORD_LENGTH - this.length + 1);
    let j = i;
    while (j < end) {
      const c = text.charCodeAt(j);
      if (c === stop || c === LF || c === CR) break;
      j++;
    }
    this.count(j - i);
    if (j > i) this.value += text.slice(i, j);
    return j;
  }

  private count(k: number): void {
    this.length += k;
    if (this.length > MAX_RECORD_LENGTH) throw tooLong(this.recordLine);
  }

  private newLine(c: number): void {
    this.physicalLine++;
    if (c === CR) this.skipLF = true;
  }

  private endField(): void {
    this.fields.push(this.value);
    this.value = "";
  }

  private endRecord(): void {
    const fields = this.fields;
    const blank = fields.length === 1 && !this.quoted && (fields[0] ?? "").trim() === "";
    this.fields = [];
    this.inRecord = false;
    this.quoted = false;
    this.length = 0;
    this.state = FIELD;
    if (!blank) this.onRecord({ line: this.recordLine, fields });
  }
}

/** The index of the first line end (LF or CR) in `text`, or -1. */
function lineEnd(text: string): number {
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === LF || c === CR) return k;
  }
  return -1;
}

function tooLong(line: number): CsvSyntaxError {
  return new CsvSyntaxError(
    line,
    `a record of at most ${MAX_RECORD_LENGTH.toLocaleString("en-US").replaceAll(",", " ")} characters`,
    "a longer one (a line end or a closing quote may be missing; is this a CSV file?)",
  );
}

/**
 * Parses CSV held in a string (for tests and small inputs; files go through
 * {@link readCsv}, which streams), with the same {@link CsvParser}. The
 * delimiter is detected from the first line unless given.
 *
 * @param text - the CSV text, with or without a BOM, LF or CRLF
 * @param delimiter - the separator; default: detected from the first line
 * @returns the records, header included, with their line numbers
 * @throws {@link CsvSyntaxError} for broken quoting or a record too long
 * @example
 * ```ts
 * parseCsv('id;note\r\n1;"say ""hej"""\r\n');
 * //=> [{ line: 1, fields: ["id", "note"] }, { line: 2, fields: ["1", 'say "hej"'] }]
 * ```
 */
export function parseCsv(text: string, delimiter?: CsvDelimiter): CsvRecord[] {
  const records: CsvRecord[] = [];
  const parser = new CsvParser((record) => records.push(record), delimiter);
  parser.write(text);
  parser.end();
  return records;
}

/**
 * Reads a CSV stream record by record with a {@link CsvParser}, detecting
 * the separator from the header line and dropping a leading BOM, and hands
 * each record to `onRecord` as soon as it is complete. Blank lines are
 * skipped. The bytes must be UTF-8: they are decoded by a strict
 * (`fatal`) decoder, so a file saved as Windows-1252 is an error naming the
 * line of the first byte that is not UTF-8, while a U+FFFD written in the
 * file is text like any other. A stream of strings is taken as it is.
 *
 * `onRecord` runs synchronously for each record as it is parsed, so nothing
 * queues up: memory stays bounded by what the callback keeps. An error
 * thrown by `onRecord` stops the reading and rejects the promise; so does an
 * error of the stream itself (an I/O error mid-file), as an
 * {@link InputError} naming the file.
 *
 * @param input - a readable stream of UTF-8 bytes (or of strings)
 * @param file - the file's name, for error messages
 * @param onRecord - called with each record, the header first
 * @returns a promise that settles when the stream is read (or on the first error)
 * @throws {@link InputError} naming the file and line for broken quoting, a record too long or bad encoding,
 *   and naming the file for a read error
 * @example
 * ```ts
 * await readCsv(createReadStream("sessions.csv"), "sessions.csv", ({ line, fields }) => {
 *   console.log(line, fields);
 * });
 * ```
 */
export async function readCsv(input: Readable, file: string, onRecord: (record: CsvRecord) => void): Promise<void> {
  const parser = new CsvParser(onRecord);
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  let carry: Buffer | null = null;
  try {
    for await (const chunk of input as AsyncIterable<Buffer | string>) {
      if (typeof chunk === "string") {
        parser.write(chunk);
        continue;
      }
      const bytes: Buffer = carry === null ? chunk : Buffer.concat([carry, chunk]);
      // A character cut by the chunk's end waits for the rest of its bytes.
      const keep = incompleteTail(bytes);
      carry = keep === 0 ? null : Buffer.from(bytes.subarray(bytes.length - keep));
      const whole = keep === 0 ? bytes : bytes.subarray(0, bytes.length - keep);
      let text: string;
      try {
        text = decoder.decode(whole);
      } catch {
        // The text up to the first bad byte is read, so the error names that byte's line.
        parser.write(decoder.decode(whole.subarray(0, validUtf8Length(whole))));
        throw notUtf8(file, parser.line);
      }
      parser.write(text);
    }
    if (carry !== null) throw notUtf8(file, parser.line);
    parser.end();
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw csvInputError(error, file);
    if (error instanceof InputError) throw error;
    throw fileError(error, file);
  }
}

function notUtf8(file: string, line: number): InputError {
  return new InputError(`${file} line ${line.toString()}: expected UTF-8 text, received bytes that are not UTF-8 (in Excel, save as "CSV UTF-8")`);
}

/**
 * How many bytes at the end of `bytes` begin a UTF-8 character that is not
 * complete (0–3): they are held for the next chunk. Bytes that can never be
 * UTF-8 are left to the decoder, which refuses them.
 */
function incompleteTail(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let k = 1; k <= 3 && k <= n; k++) {
    const c = bytes[n - k] ?? 0;
    if ((c & 0xc0) === 0x80) continue;
    const length = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return length > k ? k : 0;
  }
  return 0;
}

/**
 * The length of the longest prefix of `bytes` that is valid UTF-8 (the
 * rules of a `fatal` TextDecoder: no overlong forms, no surrogates, nothing
 * above U+10FFFF, no character cut short). Used only to name the line of a
 * bad byte.
 *
 * @param bytes - the bytes
 * @returns the offset of the first byte that does not start a valid character (`bytes.length` when all are valid)
 * @example
 * ```ts
 * validUtf8Length(Buffer.from("G\xf6teborg", "latin1")); //=> 1
 * validUtf8Length(Buffer.from("Göteborg"));               //=> 9
 * ```
 */
export function validUtf8Length(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const c = bytes[i] ?? 0;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0;
      else if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90;
      else if (c === 0xf4) hi = 0x8f;
    } else return i;
    if (i + need >= n) return i;
    const second = bytes[i + 1] ?? 0;
    if (second < lo || second > hi) return i;
    for (let k = 2; k <= need; k++) {
      const next = bytes[i + k] ?? 0;
      if (next < 0x80 || next > 0xbf) return i;
    }
    i += need + 1;
  }
  return n;
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
