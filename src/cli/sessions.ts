/**
 * Performed sessions from a CSV or JSON file, turned into the library's
 * `Session` objects.
 *
 * A CSV file is streamed, chunk by chunk of bytes, into the library's
 * `SessionsCsvReader` (the same reader the web page uses): the raw text is
 * never held, every row is kept column by column (under 20 bytes a
 * session), and a bad cell is the library's error naming its line and
 * column, to which the file's name is added here. The billing rules (a group
 * needs participants, an id is used once in the whole file, …) are applied
 * when the sessions are billed, and their errors mapped back to the line.
 *
 * @module
 */
import { RulesError, SessionsCsvReader, type Session, type SessionsCsv } from "../index.js";
import { readFileChunks } from "./csv.js";
import { InputError, valueError, type Location } from "./errors.js";
import { readJsonFile } from "./jsonFile.js";

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
  /** What the reader chose that the user should know (a file read as Windows-1252); empty for JSON. */
  notices: readonly string[];
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
 * Reads a sessions CSV file (the library's `SESSION_COLUMNS`): comma or
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
  // The library's reader, fed the file's bytes as they are read: the text is never held, the rows column by column.
  const reader = new SessionsCsvReader(options.maxRows === undefined ? {} : { maxRows: options.maxRows });
  let read: SessionsCsv;
  try {
    await readFileChunks(file, (chunk) => {
      reader.write(chunk);
    });
    read = reader.end();
  } catch (error) {
    throw error instanceof RulesError ? inFile(error, file) : error;
  }
  return {
    sessions: read.sessions,
    notices: read.notices,
    locate: (path) => {
      const at = read.locate(path);
      return at === undefined ? undefined : { file, ...at };
    },
  };
}

/** The library's error about a place in the file, as the command line says it: the file's name first. */
function inFile(error: RulesError, file: string): InputError {
  return new InputError(error.message.startsWith("line ") ? `${file} ${error.message}` : `${file}: ${error.message}`);
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
    notices: [],
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
