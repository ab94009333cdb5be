/**
 * Sessions from a CSV file's text or bytes — what Excel saves and what
 * municipal systems export — as the library's `Session` objects, with every
 * bad cell a `RulesError` naming its line and column. One reader for every
 * front end: the command line streams a file through a
 * {@link SessionsCsvReader}, a web page hands {@link parseSessionsCsv} the
 * bytes of a dropped file. No Node API.
 *
 * Rows are kept column by column in a {@link SessionTable} (under 20 bytes a
 * session) and handed out as a read-only array view. Each cell's text is
 * turned into a value here; the rules themselves (a group needs
 * participants, an id is used once, ids are trimmed and NFC, …) are the
 * billing's, applied when the sessions are billed, and `locate` maps their
 * paths back to a line and column.
 *
 * @module
 */
import { isLocalDate, type LocalDate } from "../calendar/index.js";
import { MAX_SESSIONS, type Session } from "../billing/input.js";
import { RulesError } from "../errors.js";
import { CsvParser, CsvSyntaxError, type CsvDelimiter, type CsvRecord } from "./csv.js";
import { TextDecoding } from "./decode.js";
import { IntColumn, SessionTable } from "./table.js";

/**
 * The columns a sessions CSV may have. `id`, `date`, `minutes` and `kind`
 * are required; the rest are optional, and an empty cell means "not given".
 * Other columns are allowed and ignored. Header names are matched without
 * regard to case; `case` is accepted for `caseId`.
 *
 * @example
 * ```ts
 * SESSION_COLUMNS.map((c) => c.name);
 * //=> ["id", "date", "minutes", "kind", "participants", "caseId", "age", "resident", "residencyException"]
 * ```
 */
export const SESSION_COLUMNS: readonly { name: keyof Session; aliases: readonly string[]; required: boolean; description: string }[] = [
  { name: "id", aliases: [], required: true, description: "unique id of the session" },
  { name: "date", aliases: [], required: true, description: "YYYY-MM-DD" },
  { name: "minutes", aliases: [], required: true, description: "performed minutes, a whole number" },
  { name: "kind", aliases: [], required: true, description: "individual or group" },
  { name: "participants", aliases: [], required: false, description: "a whole number; required for a group" },
  { name: "caseId", aliases: ["case", "case_id"], required: false, description: "the case (ärende)" },
  { name: "age", aliases: [], required: false, description: "the client's age in whole years" },
  { name: "resident", aliases: [], required: false, description: "true/false (also ja/nej, yes/no, 1/0)" },
  { name: "residencyException", aliases: [], required: false, description: "the recorded exception for a non-resident" },
];

/**
 * A place in a sessions file: the line (the header is line 1) and, for a
 * cell, the column's name as the header writes it.
 *
 * @example
 * ```ts
 * const at: CsvLocation = { line: 7, field: "minutes" };
 * ```
 */
export interface CsvLocation {
  /** The 1-based line the row starts on. */
  line: number;
  /** The column, as the header names it. */
  field?: string;
}

/**
 * The sessions of a CSV file.
 *
 * @example
 * ```ts
 * const read: SessionsCsv = parseSessionsCsv("id;date;minutes;kind\nS1;2022-03-01;50;individual\n");
 * read.sessions[0]; //=> { id: "S1", date: "2022-03-01", minutes: 50, kind: "individual" }
 * [read.delimiter, read.encoding, read.notices]; //=> [";", "utf-8", []]
 * ```
 */
export interface SessionsCsv {
  /** Every row, in file order: a read-only array view, each element made when read. */
  sessions: readonly Session[];
  /** The separator, detected from the header. */
  delimiter: CsvDelimiter;
  /** How the bytes were read: UTF-8, or Windows-1252 when they were not UTF-8 (text input is `'utf-8'`). */
  encoding: "utf-8" | "windows-1252";
  /** What the reader chose that the caller should know (an encoding other than UTF-8). */
  notices: string[];
  /**
   * Maps a library issue path (`sessions.<i>.<field>`, as `statement`'s
   * errors name it) to the line and column of the file; `undefined` for
   * another path.
   */
  locate: (path: string) => CsvLocation | undefined;
}

/**
 * Options of {@link parseSessionsCsv} and {@link SessionsCsvReader}.
 *
 * @example
 * ```ts
 * const options: SessionsCsvOptions = { maxRows: 1000 };
 * ```
 */
export interface SessionsCsvOptions {
  /** The most rows (the header not counted); the row after them is an error naming its line. Default {@link MAX_SESSIONS}. */
  maxRows?: number;
}

/** The error for one place of the file: `line 7, field minutes: expected …, received …`. */
function csvError(at: CsvLocation, expected: string, received: string): RulesError {
  const path = at.field === undefined ? `line ${at.line.toString()}` : `line ${at.line.toString()}, field ${at.field}`;
  return new RulesError("INVALID_INPUT", `${path}: expected ${expected}, received ${received}`, [{ path, expected, received }]);
}

/**
 * Reads a sessions CSV in pieces: {@link SessionsCsvReader.write} text or
 * bytes as they come, then {@link SessionsCsvReader.end}. Memory is bounded
 * by the rows kept (column by column), never by the text.
 *
 * The header names the columns ({@link SESSION_COLUMNS}, any case, `case`
 * for `caseId`; others are passed over). Comma or semicolon, a BOM, CRLF,
 * LF or CR, quoted fields with `""` and line breaks inside quotes. Bytes are
 * read as UTF-8 while they are UTF-8, else as Windows-1252 (Excel's plain
 * "CSV (semikolonavgränsad)"), which adds a notice; a file mixing the two is
 * an error naming the line.
 *
 * @example
 * ```ts
 * const reader = new SessionsCsvReader();
 * reader.write(new TextEncoder().encode("id,date,minutes,kind\nS1,2022-03-01,"));
 * reader.write("50,individual\n");
 * reader.end().sessions.length; //=> 1
 * ```
 */
export class SessionsCsvReader {
  private readonly parser: CsvParser;
  private readonly decoding = new TextDecoding();
  private readonly table = new SessionTable();
  /** Each row's line as the step from the previous one: one byte a row, as a rule. */
  private readonly lineSteps = new IntColumn();
  private lastLine = 0;
  private row: RowReader | null = null;
  private readonly maxRows: number;
  private delimiter: CsvDelimiter = ",";
  private done = false;

  /**
   * @param options - `maxRows` (default {@link MAX_SESSIONS})
   */
  constructor(options: SessionsCsvOptions = {}) {
    const maxRows = options.maxRows ?? MAX_SESSIONS;
    if (!Number.isSafeInteger(maxRows) || maxRows < 0) throw csvError({ line: 0 }, "options.maxRows as an integer 0 or more", String(maxRows));
    this.maxRows = maxRows;
    this.parser = new CsvParser((record) => {
      this.record(record);
    });
  }

  /**
   * Adds the next piece of the file.
   *
   * @param chunk - text, or bytes (UTF-8 or Windows-1252)
   * @throws {@link RulesError} `INVALID_INPUT` naming the line (and column) of a bad row, broken quoting or mixed encodings
   */
  write(chunk: string | Uint8Array): void {
    if (this.done) throw new RulesError("INVALID_INPUT", "the reader has ended: write before end()");
    if (typeof chunk === "string") {
      this.parse(chunk);
      return;
    }
    const decoded = this.decoding.write(chunk);
    this.parse(decoded.text);
    if (decoded.error !== null) throw this.encodingError();
  }

  /**
   * Ends the file and gives its sessions.
   *
   * @returns the sessions, the separator, the encoding and the notices
   * @throws {@link RulesError} `INVALID_INPUT` for an empty file, a missing header column or a quote never closed
   */
  end(): SessionsCsv {
    if (this.done) throw new RulesError("INVALID_INPUT", "the reader has ended: end() is called once");
    const rest = this.decoding.end();
    this.parse(rest.text);
    if (rest.error !== null) throw this.encodingError();
    try {
      this.parser.end();
    } catch (error) {
      throw syntaxError(error);
    }
    this.done = true;
    const reader = this.row;
    if (reader === null) throw new RulesError("INVALID_INPUT", "expected a header line (id,date,minutes,kind,participants), received an empty file", [
      { path: "line 1", expected: "a header line (id,date,minutes,kind,participants)", received: "an empty file" },
    ]);
    const { table, lineSteps } = this;
    const encoding = this.decoding.encoding;
    return {
      sessions: table.asArray(),
      delimiter: this.delimiter,
      encoding,
      notices:
        encoding === "windows-1252"
          ? ['the file is not UTF-8 and was read as Windows-1252, as Excel saves "CSV (semikolonavgränsad)"; save as "CSV UTF-8" to be sure of å, ä and ö']
          : [],
      locate: (path) => {
        const m = /^sessions\.(\d+)(?:\.(.+))?$/.exec(path);
        if (m === null) return undefined;
        const index = Number(m[1]);
        if (index >= table.length) return undefined;
        // Only for an error message: the steps are added up.
        let line = 0;
        for (let k = 0; k <= index; k++) line += lineSteps.get(k);
        return m[2] === undefined ? { line } : { line, field: reader.columnName(m[2]) };
      },
    };
  }

  private parse(text: string): void {
    if (text === "") return;
    try {
      this.parser.write(text);
    } catch (error) {
      throw syntaxError(error);
    }
  }

  private encodingError(): RulesError {
    return csvError(
      { line: this.parser.line },
      'text in one encoding (UTF-8 or Windows-1252; in Excel, save as "CSV UTF-8")',
      "bytes that are not UTF-8 after UTF-8 text earlier in the file",
    );
  }

  private record(record: CsvRecord): void {
    if (this.row === null) {
      this.row = new RowReader(record.fields);
      this.delimiter = this.parser.separator;
      return;
    }
    const row = this.row;
    if (this.table.length >= this.maxRows) {
      throw csvError(
        { line: record.line },
        `at most ${grouped(this.maxRows)} sessions in a file (the library's limit)`,
        `more: this row is session ${grouped(this.maxRows + 1)}`,
      );
    }
    row.start(record);
    const date = row.cell("date");
    if (!isLocalDate(date)) throw csvError(row.at("date"), "a date YYYY-MM-DD that exists", show(date));
    this.lineSteps.set(this.table.length, record.line - this.lastLine);
    this.lastLine = record.line;
    this.table.add(checkRow(row, date));
  }
}

function syntaxError(error: unknown): unknown {
  return error instanceof CsvSyntaxError ? csvError({ line: error.line }, error.expected, error.received) : error;
}

/**
 * Reads a whole sessions CSV held in memory — a string, or the bytes of a
 * file (UTF-8, or Windows-1252 as Excel's plain CSV writes it) — with a
 * {@link SessionsCsvReader}.
 *
 * @param input - the file's text or bytes
 * @param options - `maxRows`
 * @returns the sessions, the separator, the encoding, notices and a locator for later errors
 * @throws {@link RulesError} `INVALID_INPUT` whose message starts with the
 *   place: `line 5, field minutes: expected a non-negative integer (whole minutes), received "4o"`
 * @example
 * ```ts
 * const csv = parseSessionsCsv(new Uint8Array([...new TextEncoder().encode("id;date;minutes;kind;caseId\r\nS1;2022-03-01;50;individual;"), 0xc5, 0x31]));
 * csv.sessions[0]?.caseId; //=> "Å1"
 * csv.encoding;            //=> "windows-1252"
 * parseSessionsCsv("id,date,minutes,kind\nS1,2022-02-30,50,individual\n"); // throws RulesError: line 2, field date: expected a date YYYY-MM-DD that exists, received "2022-02-30"
 * ```
 */
export function parseSessionsCsv(input: string | Uint8Array, options?: SessionsCsvOptions): SessionsCsv {
  if (typeof input !== "string" && !(input instanceof Uint8Array)) {
    throw new RulesError("INVALID_ARGUMENT", "input: expected the CSV as a string or a Uint8Array of its bytes", [
      { path: "input", expected: "a string or a Uint8Array", received: typeof input },
    ]);
  }
  const reader = new SessionsCsvReader(options);
  reader.write(input);
  return reader.end();
}

/** Reads the cells of one record at a time by column name (one object for the whole file, no closure per row). */
class RowReader {
  private readonly index: Partial<Record<string, number>> = {};
  private readonly names: Partial<Record<string, string>> = {};
  private readonly width: number;
  private fields: readonly string[] = [];
  private line = 0;

  constructor(header: readonly string[]) {
    headerColumns(header).forEach((name, i) => {
      if (name === null) return;
      this.index[name] = i;
      this.names[name] = (header[i] ?? name).trim();
    });
    this.width = header.length;
  }

  /** Moves to a record, checking its width against the header. */
  start(record: CsvRecord): void {
    if (record.fields.length > this.width) {
      throw csvError(
        { line: record.line },
        `at most ${this.width.toString()} fields (as many as the header)`,
        `${record.fields.length.toString()} (a separator inside a value must be quoted)`,
      );
    }
    this.fields = record.fields;
    this.line = record.line;
  }

  /** The trimmed cell of a column, `""` when the column or cell is absent. */
  cell(name: keyof Session): string {
    return this.raw(name).trim();
  }

  /**
   * The cell of a column as written, `""` when absent: for an id, which the
   * library trims and normalises itself (one rule for the API and the file).
   */
  raw(name: keyof Session): string {
    const i = this.index[name];
    return i === undefined ? "" : (this.fields[i] ?? "");
  }

  /** The location of a cell of the current record. */
  at(name: keyof Session): CsvLocation {
    return { line: this.line, field: this.columnName(name) };
  }

  /** The header's own name for a session field (e.g. `case` for `caseId`). */
  columnName(name: string): string {
    return this.names[name] ?? name;
  }
}

/** Maps the header's cells to session fields; `null` for a column that is passed over. */
function headerColumns(fields: readonly string[]): (keyof Session | null)[] {
  const seen = new Set<string>();
  const columns = fields.map((raw, i) => {
    const name = raw.trim().toLowerCase();
    const column = SESSION_COLUMNS.find((c) => c.name.toLowerCase() === name || c.aliases.includes(name));
    if (column === undefined) return null;
    if (seen.has(column.name)) {
      const path = `line 1, column ${(i + 1).toString()}`;
      const received = `${JSON.stringify(raw)} again`;
      throw new RulesError("INVALID_INPUT", `${path}: expected each column once, received ${received}`, [{ path, expected: "each column once", received }]);
    }
    seen.add(column.name);
    return column.name;
  });
  const missing = SESSION_COLUMNS.filter((c) => c.required && !seen.has(c.name)).map((c) => c.name);
  if (missing.length > 0) {
    throw csvError(
      { line: 1 },
      "a header with the columns id, date, minutes, kind (and optionally participants, caseId, age, resident, residencyException)",
      `${JSON.stringify(fields.join(","))}, missing ${missing.join(", ")}`,
    );
  }
  return columns;
}

const INTEGER = /^\d{1,15}$/;
const TRUE_WORDS = new Set(["true", "ja", "yes", "1", "sant"]);
const FALSE_WORDS = new Set(["false", "nej", "no", "0", "falskt"]);

/**
 * Turns one row's text cells into a Session (its date checked by the
 * caller). The cells of ids and texts are passed as written: the library
 * trims and normalises ids, and refuses an id of white space only. An empty
 * optional cell (nothing but white space) means "not given".
 */
function checkRow(row: RowReader, date: LocalDate): Session {
  const id = row.raw("id");
  const minutesText = row.cell("minutes");
  if (!INTEGER.test(minutesText)) throw csvError(row.at("minutes"), "a non-negative integer (whole minutes)", show(minutesText));
  const kindText = row.cell("kind");
  const kind = kindText.toLowerCase();
  if (kind !== "individual" && kind !== "group") throw csvError(row.at("kind"), '"individual" or "group"', show(kindText));
  const participants = row.cell("participants");
  if (participants !== "" && !INTEGER.test(participants)) {
    throw csvError(row.at("participants"), "a whole number of participants, or an empty cell", show(participants));
  }
  const session: Session =
    participants === ""
      ? { id, date, minutes: Number(minutesText), kind: kind === "group" ? "group" : "individual" }
      : { id, date, minutes: Number(minutesText), kind: kind === "group" ? "group" : "individual", participants: Number(participants) };
  if (row.cell("caseId") !== "") session.caseId = row.raw("caseId");
  const age = row.cell("age");
  if (age !== "") {
    if (!INTEGER.test(age)) throw csvError(row.at("age"), "an age in whole years, or an empty cell", show(age));
    session.age = Number(age);
  }
  const resident = row.cell("resident").toLowerCase();
  if (resident !== "") {
    if (TRUE_WORDS.has(resident)) session.resident = true;
    else if (FALSE_WORDS.has(resident)) session.resident = false;
    else throw csvError(row.at("resident"), "true or false (ja/nej, yes/no, 1/0), or an empty cell", show(row.cell("resident")));
  }
  if (row.cell("residencyException") !== "") session.residencyException = row.raw("residencyException");
  return session;
}

/** A count with a space between thousands: `10 000 000`. */
function grouped(n: number): string {
  return n.toLocaleString("en-US").replaceAll(",", " ");
}

function show(text: string): string {
  return text === "" ? "an empty cell" : JSON.stringify(text.length > 40 ? `${text.slice(0, 37)}...` : text);
}

