/**
 * Output formats shared by the commands: a plain-text table, CSV for Swedish
 * Excel, and JSON with exact money. The rules that produce the figures live
 * in the library; these functions only write them down.
 *
 * @module
 */
import { Decimal, formatSek, type MoneyInput } from "../index.js";
import { excelCsvLines, type CsvCell } from "../render/excelCsv.js";
import { terminalSafe } from "./output.js";

/**
 * How a column of a {@link renderTable} table is aligned.
 *
 * @example
 * ```ts
 * const column: TableColumn = { header: "Belopp", align: "right" };
 * ```
 */
export interface TableColumn {
  /** The heading. */
  header: string;
  /** `left` (default) or `right` (for figures). */
  align?: "left" | "right";
}

/**
 * A row of a table: its cells, or `null` for a rule line.
 *
 * @example
 * ```ts
 * const row: TableRow = ["Timmar", "4 991,25 kr"];
 * ```
 */
export type TableRow = readonly string[] | null;

/**
 * A table's lines one at a time, for a table of any length: a heading, a
 * rule under it, then the rows. Columns are separated by two spaces;
 * trailing spaces are trimmed. Every cell is made safe for a terminal with
 * its line breaks escaped ({@link terminalSafe}), so a cell is one line and
 * the columns stay aligned. The rows are read twice (widths first), so
 * `rows` is a function that gives them afresh, and no row is kept.
 *
 * @param columns - the columns
 * @param rows - gives the rows, each time it is called the same
 * @returns the lines, each ending in `\n`
 * @example
 * ```ts
 * [...tableLines([{ header: "Rad" }], () => [["Timmar"]])]; //=> ["Rad\n", "------\n", "Timmar\n"]
 * ```
 */
export function* tableLines(columns: readonly TableColumn[], rows: () => Iterable<TableRow>): Generator<string> {
  const widths = columns.map((column) => width(terminalSafe(column.header, false)));
  for (const row of rows()) {
    if (row === null) continue;
    for (let i = 0; i < columns.length; i++) widths[i] = Math.max(widths[i] ?? 0, width(terminalSafe(row[i] ?? "", false)));
  }
  const line = (cells: readonly string[]): string => {
    let text = "";
    for (let i = 0; i < columns.length; i++) {
      const cell = terminalSafe(cells[i] ?? "", false);
      const pad = " ".repeat(Math.max(0, (widths[i] ?? 0) - width(cell)));
      text += (i === 0 ? "" : "  ") + (columns[i]?.align === "right" ? pad + cell : cell + pad);
    }
    return `${text.trimEnd()}\n`;
  };
  const rule = `${widths.map((w) => "-".repeat(w)).join("  ")}\n`;
  yield line(columns.map((c) => c.header));
  yield rule;
  for (const row of rows()) yield row === null ? rule : line(row);
}

/**
 * Renders rows as a plain-text table with a heading and a rule under it:
 * {@link tableLines} as one string, for tables of a few rows.
 *
 * @param columns - the columns
 * @param rows - the cells, one array per row (a row of `null` is a rule line)
 * @returns the table, each line ending in `\n`
 * @example
 * ```ts
 * renderTable([{ header: "Rad" }, { header: "Belopp", align: "right" }], [["Timmar", "4 991,25 kr"]]);
 * //=> "Rad     Belopp\n------  -----------\nTimmar  4 991,25 kr\n"
 * ```
 */
export function renderTable(columns: readonly TableColumn[], rows: readonly TableRow[]): string {
  let text = "";
  for (const line of tableLines(columns, () => rows)) text += line;
  return text;
}

/** Display width: code points (the tables hold no wide characters). */
function width(text: string): number {
  let n = 0;
  for (const ch of text) if (ch !== "\u0301" && ch !== "\u0308" && ch !== "\u030a") n++;
  return n;
}

/**
 * Renders key–value pairs, keys padded to one width.
 *
 * @param pairs - `[key, value]`; a value with line breaks is indented
 * @returns the lines, each ending in `\n`
 * @example
 * ```ts
 * renderPairs([["Avtal", "familjeradgivning"], ["Månad", "2022-03"]]);
 * //=> "Avtal  familjeradgivning\nMånad  2022-03\n"
 * ```
 */
export function renderPairs(pairs: readonly (readonly [string, string])[]): string {
  let w = 0;
  for (const [key] of pairs) w = Math.max(w, width(key));
  return pairs
    .map(([key, value]) => `${key}${" ".repeat(w - width(key))}  ${value.split("\n").join(`\n${" ".repeat(w + 2)}`)}`.trimEnd())
    .map((l) => `${l}\n`)
    .join("");
}

/**
 * An amount the Swedish way for a table, via the library's `formatSek`:
 * `4 991,25 kr` (thousands separated by a no-break space).
 *
 * @param value - the amount
 * @returns the formatted amount
 * @example
 * ```ts
 * sek("4991.25"); //=> "4 991,25 kr"
 * ```
 */
export function sek(value: MoneyInput): string {
  return formatSek(value);
}

// The cells and the writer of CSV for Swedish Excel live in the library's
// render module, which the web page uses too: one writer, the same bytes.
export { excelCsvLines, excelMoney, ExcelNumber, moneyCell, numberCell, swedishDecimal } from "../render/excelCsv.js";
export type { CsvCell } from "../render/excelCsv.js";

/**
 * {@link excelCsvLines} as one string, for a CSV of a few rows.
 *
 * @param rows - the cells, the header first; `null` and `undefined` are empty cells
 * @returns the whole file as a string, starting with U+FEFF
 * @example
 * ```ts
 * excelCsv([["Rad", "Belopp"], ["Timmar; grupp", "4991,25"]]);
 * //=> "\uFEFFRad;Belopp\r\n\"Timmar; grupp\";4991,25\r\n"
 * ```
 */
export function excelCsv(rows: Iterable<readonly CsvCell[]>): string {
  let text = "";
  for (const line of excelCsvLines(rows)) text += line;
  return text;
}

/**
 * A long list written to JSON one element at a time, each made when it is
 * written: a year report's statements as {@link statementToJSON} writes
 * them, without holding all of their JSON at once.
 *
 * @example
 * ```ts
 * const list = new LazyList(2, (i) => ({ n: i }));
 * [...jsonChunks({ list })].join(""); // the same text as jsonText({ list: [{ n: 0 }, { n: 1 }] })
 * ```
 */
export class LazyList {
  /**
   * @param length - how many elements
   * @param at - makes element `i`
   */
  constructor(
    readonly length: number,
    readonly at: (i: number) => unknown,
  ) {}
}

/**
 * Turns data for the JSON output into plain JSON values: `undefined` is
 * dropped, a `Map` becomes an object, a `Set` or {@link LazyList} an array.
 * Keys keep their order (the same input always gives the same text). A
 * `Decimal` is refused: the library's own JSON forms
 * ({@link statementToJSON}, {@link yearReportToJSON},
 * {@link settlementToJSON}) know which figures are money and which hours,
 * and the command line prints exactly what they give.
 *
 * @param value - plain data
 * @returns the same data as JSON values
 * @throws Error for a `Decimal` (a defect of the command line, exit 70)
 * @example
 * ```ts
 * toPlainJson({ total: "4991.25", at: new Map([["x", 1]]), gone: undefined }); //=> { total: "4991.25", at: { x: 1 } }
 * ```
 */
export function toPlainJson(value: unknown): unknown {
  if (value === null || typeof value !== "object") {
    if (typeof value === "bigint") return value.toString();
    if (typeof value === "number" && !Number.isFinite(value)) return String(value);
    return value;
  }
  if (Decimal.isDecimal(value)) throw new Error("a Decimal reached the JSON writer: convert the result with the library's JSON form first");
  if (Array.isArray(value)) return value.map((item) => toPlainJson(item));
  if (value instanceof LazyList) return Array.from({ length: value.length }, (_, i) => toPlainJson(value.at(i)));
  if (value instanceof Map) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of value as Map<unknown, unknown>) out[String(k)] = toPlainJson(v);
    return out;
  }
  if (value instanceof Set) return [...(value as Set<unknown>)].map((item) => toPlainJson(item));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined || typeof v === "function") continue;
    out[k] = toPlainJson(v);
  }
  return out;
}

/**
 * Writes a result as JSON: {@link toPlainJson}, two-space indented, with a
 * final line end.
 *
 * @param value - the result
 * @returns the JSON text
 * @example
 * ```ts
 * jsonText({ total: new Decimal("605") }); //=> '{\n  "total": "605.00"\n}\n'
 * ```
 */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(toPlainJson(value), null, 2)}\n`;
}

/**
 * {@link jsonText} in pieces: the same text, yielded a field or an array
 * element at a time down to {@link STREAM_DEPTH} levels (and every element
 * of a long array at any depth), so a statement of 85 000 lines, or a year
 * report of a million, is never one string (V8's limit is about 512 MB)
 * nor one deep copy of plain JSON.
 *
 * @param value - a result of the library
 * @returns the pieces of the JSON text, in order
 * @example
 * ```ts
 * [...jsonChunks({ total: new Decimal("4991.25") })].join(""); //=> '{\n  "total": "4991.25"\n}\n'
 * ```
 */
export function* jsonChunks(value: unknown): Generator<string> {
  yield* streamJson(value, "", 0);
  yield "\n";
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const p = Object.getPrototypeOf(v) as unknown;
  return p === Object.prototype || p === null;
}

/**
 * Objects and arrays this close to the top are written a field or an element
 * at a time: a year report (0), its statements (1), each statement (2), whose
 * lines are a long array.
 */
const STREAM_DEPTH = 2;

function* streamJson(value: unknown, indent: string, depth: number): Generator<string> {
  const lazy = value instanceof LazyList;
  if ((Array.isArray(value) || lazy) && value.length > 0 && (lazy || value.length > 64 || depth <= STREAM_DEPTH)) {
    yield "[\n";
    const inner = `${indent}  `;
    for (let i = 0; i < value.length; i++) {
      yield inner;
      yield* streamJson(lazy ? value.at(i) : (value as unknown[])[i], inner, depth + 1);
      yield i < value.length - 1 ? ",\n" : "\n";
    }
    yield `${indent}]`;
    return;
  }
  if (depth <= STREAM_DEPTH && isPlainObject(value)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== "function");
    if (entries.length === 0) {
      yield "{}";
      return;
    }
    yield "{\n";
    const inner = `${indent}  `;
    for (let i = 0; i < entries.length; i++) {
      const [k, v] = entries[i] as [string, unknown];
      yield `${inner}${JSON.stringify(k)}: `;
      yield* streamJson(v, inner, depth + 1);
      yield i < entries.length - 1 ? ",\n" : "\n";
    }
    yield `${indent}}`;
    return;
  }
  const text = JSON.stringify(toPlainJson(value), null, 2);
  yield indent === "" ? text : text.replaceAll("\n", `\n${indent}`);
}
