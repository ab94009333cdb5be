/**
 * Sessions from the files municipal systems and Excel write: a CSV reader
 * for text or bytes (UTF-8 or Windows-1252), used by the command line and
 * the web page alike. See docs/cli.md, "Your sessions, from Excel".
 *
 * @module
 */
export { parseSessionsCsv, SESSION_COLUMNS, SessionsCsvReader } from "./sessionsCsv.js";
export type { CsvLocation, SessionsCsv, SessionsCsvOptions } from "./sessionsCsv.js";
export type { CsvDelimiter } from "./csv.js";
