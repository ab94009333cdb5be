/**
 * Performed sessions from a CSV or JSON file, turned into the library's
 * `Session` objects.
 *
 * A CSV file is streamed record by record: the raw text is never held, and
 * every row is kept, column by column in a {@link SessionTable} (under 20
 * bytes a session, where an object takes about 100), and handed to the
 * library as a read-only array view. Here each cell's text is turned into a
 * value (a bad cell is reported with its file, line and column name); the
 * rules themselves (a group needs participants, minutes within bounds, an id
 * is used once in the whole file, ids are trimmed and NFC, …) are the
 * library's, applied to every row of the file whatever its date, and its
 * errors are mapped back to the line they come from. The library keeps the
 * rows of the year it computes.
 *
 * @module
 */
import { isLocalDate, MAX_SESSIONS, type LocalDate, type Session } from "../index.js";
import { readCsvFile, type CsvRecord } from "./csv.js";
import { InputError, valueError, type Location } from "./errors.js";
import { readJsonFile } from "./jsonFile.js";
import { IntColumn, SessionTable } from "./sessionTable.js";

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
 * The sessions read from a file, with where each came from.
 *
 * @example
 * ```ts
 * const read: SessionsRead = await readSessions("march.csv");
 * read.sessions.length; //=> 12
 * read.locate("sessions.3.participants"); //=> { file: "march.csv", line: 5, field: "participants" }
 * ```
 */
export interface SessionsRead {
  /**
   * Every session of the file, in file order. From a CSV file: a read-only
   * view of a {@link SessionTable} (each element made when read); from a
   * JSON file: the file's own array, as it is (the library checks it).
   */
  sessions: readonly Session[];
  /**
   * Maps a library issue path (`sessions.<i>.<field>`) to the place in the
   * file: the CSV line and column, or the JSON element and field.
   */
  locate: (path: string) => Location | undefined;
}

/**
 * How a sessions file is read.
 *
 * @example
 * ```ts
 * const options: ReadSessionsOptions = { maxRows: 1000 };
 * ```
 */
export interface ReadSessionsOptions {
  /**
   * The most rows a CSV file may have (the header not counted); the row
   * after them is an error naming its line. Default: the library's
   * `MAX_SESSIONS` (10 000 000), which refuses a longer input anyway.
   */
  maxRows?: number;
}

/**
 * Reads sessions from a `.csv` file (streamed) or a `.json` file (an array
 * of sessions, or `{ "sessions": [...] }`). Every session is kept: the
 * library checks them all and keeps those of the year it computes.
 *
 * @param file - the file's path; the format is chosen by its extension (`.json`, else CSV)
 * @param options - limits (see {@link ReadSessionsOptions})
 * @returns the sessions and a locator for error messages
 * @throws {@link InputError} naming file, line and field for a bad row or a file that cannot be read
 * @example
 * ```ts
 * const { sessions } = await readSessions("examples/data/familjeradgivning-2022-03.csv");
 * sessions[0]; //=> { id: "FR-0301", date: "2022-03-01", minutes: 50, kind: "individual", caseId: "P-101" }
 * ```
 */
export async function readSessions(file: string, options: ReadSessionsOptions = {}): Promise<SessionsRead> {
  return /\.json$/i.test(file) ? readSessionsJson(file) : readSessionsCsv(file, options);
}

/**
 * Reads a sessions CSV file (see {@link SESSION_COLUMNS}): comma or
 * semicolon separated, UTF-8 with or without BOM, CRLF or LF, streamed.
 *
 * @param file - the file's path
 * @param options - limits (see {@link ReadSessionsOptions})
 * @returns the sessions and a locator for error messages
 * @throws {@link InputError} naming file, line and field
 * @example
 * ```ts
 * (await readSessionsCsv("sessions.csv")).sessions.length; //=> 42
 * ```
 */
export async function readSessionsCsv(file: string, options: ReadSessionsOptions = {}): Promise<SessionsRead> {
  const maxRows = options.maxRows ?? MAX_SESSIONS;
  // Column by column, not as objects: a million sessions take under 20 MB, not 100 MB.
  const table = new SessionTable();
  // Each row's line as the step from the previous one: one byte a row, as a rule.
  const lineSteps = new IntColumn();
  let lastLine = 0;
  // A holder, not a `let`: the callback assigns it, which flow analysis cannot see.
  const state: { row: RowReader | null } = { row: null };
  await readCsvFile(file, (record) => {
    if (state.row === null) {
      state.row = new RowReader(file, record.fields);
      return;
    }
    const row = state.row;
    if (table.length >= maxRows) {
      throw new InputError(
        `${file} line ${record.line.toString()}: expected at most ${grouped(maxRows)} sessions in a file (the library's limit), received more: this row is session ${grouped(maxRows + 1)}`,
      );
    }
    row.start(record);
    const date = row.cell("date");
    if (!isLocalDate(date)) throw valueError(row.at("date"), "a date YYYY-MM-DD that exists", show(date));
    lineSteps.set(table.length, record.line - lastLine);
    lastLine = record.line;
    table.add(checkRow(row, date));
  });
  const reader = state.row;
  if (reader === null) throw new InputError(`${file}: expected a header line (id,date,minutes,kind,participants), received an empty file`);
  return {
    sessions: table.asArray(),
    locate: (path) => {
      const m = /^sessions\.(\d+)(?:\.(.+))?$/.exec(path);
      if (m === null) return undefined;
      const index = Number(m[1]);
      if (index >= table.length) return undefined;
      // Only for an error message: the steps are added up.
      let line = 0;
      for (let k = 0; k <= index; k++) line += lineSteps.get(k);
      return m[2] === undefined ? { file, line } : { file, line, field: reader.columnName(m[2]) };
    },
  };
}

/** Reads the cells of one record at a time by column name (one object for the whole file, no closure per row). */
class RowReader {
  private readonly index: Partial<Record<string, number>> = {};
  private readonly names: Partial<Record<string, string>> = {};
  private readonly width: number;
  private fields: readonly string[] = [];
  private line = 0;

  constructor(
    private readonly file: string,
    header: readonly string[],
  ) {
    headerColumns(header, file).forEach((name, i) => {
      if (name === null) return;
      this.index[name] = i;
      this.names[name] = (header[i] ?? name).trim();
    });
    this.width = header.length;
  }

  /** Moves to a record, checking its width against the header. */
  start(record: CsvRecord): void {
    if (record.fields.length > this.width) {
      throw new InputError(
        `${this.file} line ${record.line.toString()}: expected at most ${this.width.toString()} fields (as many as the header), received ` +
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
  at(name: keyof Session): Location {
    return { file: this.file, line: this.line, field: this.columnName(name) };
  }

  /** The header's own name for a session field (e.g. `case` for `caseId`). */
  columnName(name: string): string {
    return this.names[name] ?? name;
  }
}

/** Maps the header's cells to session fields; `null` for a column that is passed over. */
function headerColumns(fields: readonly string[], file: string): (keyof Session | null)[] {
  const seen = new Set<string>();
  const columns = fields.map((raw, i) => {
    const name = raw.trim().toLowerCase();
    const column = SESSION_COLUMNS.find((c) => c.name.toLowerCase() === name || c.aliases.includes(name));
    if (column === undefined) return null;
    if (seen.has(column.name)) {
      throw new InputError(`${file} line 1, column ${(i + 1).toString()}: expected each column once, received ${JSON.stringify(raw)} again`);
    }
    seen.add(column.name);
    return column.name;
  });
  const missing = SESSION_COLUMNS.filter((c) => c.required && !seen.has(c.name)).map((c) => c.name);
  if (missing.length > 0) {
    throw new InputError(
      `${file} line 1: expected a header with the columns id, date, minutes, kind (and optionally participants, caseId, age, resident, residencyException), ` +
        `received ${JSON.stringify(fields.join(","))}, missing ${missing.join(", ")}`,
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
  if (!INTEGER.test(minutesText)) throw valueError(row.at("minutes"), "a non-negative integer (whole minutes)", show(minutesText));
  const kindText = row.cell("kind");
  const kind = kindText.toLowerCase();
  if (kind !== "individual" && kind !== "group") throw valueError(row.at("kind"), '"individual" or "group"', show(kindText));
  const participants = row.cell("participants");
  if (participants !== "" && !INTEGER.test(participants)) {
    throw valueError(row.at("participants"), "a whole number of participants, or an empty cell", show(participants));
  }
  const session: Session =
    participants === ""
      ? { id, date, minutes: Number(minutesText), kind: kind === "group" ? "group" : "individual" }
      : { id, date, minutes: Number(minutesText), kind: kind === "group" ? "group" : "individual", participants: Number(participants) };
  if (row.cell("caseId") !== "") session.caseId = row.raw("caseId");
  const age = row.cell("age");
  if (age !== "") {
    if (!INTEGER.test(age)) throw valueError(row.at("age"), "an age in whole years, or an empty cell", show(age));
    session.age = Number(age);
  }
  const resident = row.cell("resident").toLowerCase();
  if (resident !== "") {
    if (TRUE_WORDS.has(resident)) session.resident = true;
    else if (FALSE_WORDS.has(resident)) session.resident = false;
    else throw valueError(row.at("resident"), "true or false (ja/nej, yes/no, 1/0), or an empty cell", show(row.cell("resident")));
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

/**
 * Reads sessions from a JSON file: an array of sessions, or an object
 * `{ "sessions": [...] }`. The array is passed to the library as it is:
 * the library checks every element (and reads each once).
 *
 * @param file - the file's path
 * @returns the sessions and a locator for error messages
 * @throws {@link InputError} naming the file when it is not JSON or holds no array
 * @example
 * ```ts
 * (await readSessionsJson("sessions.json")).sessions[0]?.id; //=> "S1"
 * ```
 */
export async function readSessionsJson(file: string): Promise<SessionsRead> {
  const data = await readJsonFile(file);
  const { list, prefix } = arrayIn(data, "sessions", file, "an array of sessions, or { \"sessions\": [...] }");
  return {
    sessions: list as Session[],
    locate: (path) => {
      const m = /^sessions\.(\d+)(?:\.(.+))?$/.exec(path);
      if (m === null) return undefined;
      return { file, field: `${prefix}[${m[1] ?? ""}]${m[2] === undefined ? "" : `.${m[2]}`}` };
    },
  };
}

/**
 * Finds the array in a JSON input: the value itself, or its `key` property.
 *
 * @param data - the parsed JSON
 * @param key - the property that may hold the array, e.g. `"sessions"`
 * @param file - the file, for messages
 * @param expected - what the file must hold, for messages
 * @returns the array and the path prefix of its elements (`""` or `"sessions"`)
 * @throws {@link InputError} otherwise
 * @example
 * ```ts
 * arrayIn({ sessions: [1] }, "sessions", "s.json", "…"); //=> { list: [1], prefix: "sessions" }
 * arrayIn([1], "sessions", "s.json", "…");               //=> { list: [1], prefix: "" }
 * ```
 */
export function arrayIn(data: unknown, key: string, file: string, expected: string): { list: unknown[]; prefix: string } {
  if (Array.isArray(data)) return { list: data, prefix: "" };
  if (typeof data === "object" && data !== null && Array.isArray((data as Record<string, unknown>)[key])) {
    return { list: (data as Record<string, unknown[]>)[key] ?? [], prefix: key };
  }
  throw valueError({ file }, expected, describe(data));
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return "an array";
  if (value === null) return "null";
  if (typeof value === "object") return "an object";
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
