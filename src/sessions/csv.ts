/**
 * A small, strict CSV parser: text in, in pieces of any size, records out,
 * in bounded memory. No I/O and no Node API: the command line streams a
 * file through it, a web page a dropped file.
 *
 * What it reads (RFC 4180 plus what Swedish Excel writes):
 * - comma or semicolon separated, detected from the header line;
 * - fields in double quotes, with `""` for a quote inside, and line breaks
 *   inside quotes;
 * - CRLF, LF or CR line ends; blank lines are skipped; a leading BOM is dropped.
 *
 * It never holds more than the record being read, and that is bounded (at
 * most {@link MAX_RECORD_LENGTH} characters over {@link MAX_RECORD_LINES}
 * lines). Every character is looked at once. Bytes are decoded before they
 * come here (`./decode.ts`).
 *
 * @module
 */

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
 * was expected. The sessions reader turns it into a `RulesError` naming the
 * line; the command line adds the file.
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
   * The separator in use (`","` until the first line has been read without one given).
   *
   * @returns `","` or `";"`
   */
  get separator(): CsvDelimiter {
    return this.delimiter === 0x3b ? ";" : ",";
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
 * Parses CSV held in a string (for tests and small inputs; files are streamed
 * through a {@link CsvParser}). The
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

