/**
 * Output formats shared by the commands: a plain-text table, CSV for Swedish
 * Excel, and JSON with exact money. The rules that produce the figures live
 * in the library; these functions only write them down.
 *
 * @module
 */
import { Decimal, formatSek, moneyToJson, type MoneyInput } from "../index.js";

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
 * Renders rows as a plain-text table with a heading and a rule under it.
 * Columns are separated by two spaces; trailing spaces are trimmed.
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
export function renderTable(columns: readonly TableColumn[], rows: readonly (readonly string[] | null)[]): string {
  const widths = columns.map((column, i) =>
    Math.max(width(column.header), ...rows.map((row) => (row === null ? 0 : width(row[i] ?? "")))),
  );
  const line = (cells: readonly string[]): string =>
    columns
      .map((column, i) => {
        const cell = cells[i] ?? "";
        const pad = " ".repeat(Math.max(0, (widths[i] ?? 0) - width(cell)));
        return column.align === "right" ? pad + cell : cell + pad;
      })
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  const out = [line(columns.map((c) => c.header)), rule];
  for (const row of rows) out.push(row === null ? rule : line(row));
  return `${out.join("\n")}\n`;
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
  const w = Math.max(0, ...pairs.map(([key]) => width(key)));
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

/**
 * A decimal figure that is not money (hours, percent) the Swedish way:
 * decimal comma, no thousands separator, no trailing zeros.
 *
 * @param value - the figure
 * @returns e.g. `"1,25"`
 * @example
 * ```ts
 * swedishDecimal(new Decimal("1.25")); //=> "1,25"
 * swedishDecimal("2590");              //=> "2590"
 * ```
 */
export function swedishDecimal(value: Decimal | string | number): string {
  return new Decimal(value).toFixed().replace(".", ",");
}

/**
 * Money for Excel: exactly two decimals, decimal comma, no thousands
 * separator.
 *
 * @param value - the amount
 * @returns e.g. `"4991,25"`
 * @example
 * ```ts
 * excelMoney("4991.25"); //=> "4991,25"
 * excelMoney(605);       //=> "605,00"
 * ```
 */
export function excelMoney(value: MoneyInput): string {
  return moneyToJson(value).replace(".", ",");
}

/**
 * Writes rows as CSV that opens right in Swedish Excel: UTF-8 with a BOM,
 * semicolon separated, CRLF line ends, a field quoted when it holds a
 * semicolon, a quote, a line break, or leading or trailing spaces. Numbers
 * must already be written with a decimal comma ({@link excelMoney},
 * {@link swedishDecimal}).
 *
 * @param rows - the cells, the header first; `null` and `undefined` are empty cells
 * @returns the whole file as a string, starting with U+FEFF
 * @example
 * ```ts
 * excelCsv([["Rad", "Belopp"], ["Timmar; grupp", "4991,25"]]);
 * //=> "\uFEFFRad;Belopp\r\n\"Timmar; grupp\";4991,25\r\n"
 * ```
 */
export function excelCsv(rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(";")).join("\r\n")}\r\n`;
}

function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "string" ? value : String(value);
  return /[;"\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Decimals that are not money but hours or counts: a line's `quantity`,
 * every key ending in `Hours`, and everything inside a `cap` (a statement's
 * cap status) or `capUsage` (a year report's cap month by month). Every other
 * Decimal in a result of the library is money.
 */
function isMeasure(key: string | undefined, inHours: boolean): boolean {
  return inHours || key === "quantity" || (key !== undefined && /Hours$/.test(key));
}

const HOURS_CONTAINERS = new Set(["cap", "capUsage"]);

/**
 * Turns a result of the library into plain JSON data: every `Decimal` that
 * is money becomes a string with exactly two decimals (`"4991.25"`); every
 * Decimal that is a measure (a line's `quantity`, keys ending in `Hours`,
 * everything under `cap` and `capUsage`) a plain decimal string (`"1.25"`);
 * `undefined` is dropped, a `Map` becomes an object, a `Set` an array. Keys
 * keep the library's order (the same input always gives the same text).
 *
 * @param value - a statement, report or any result
 * @param key - the key the value sits under (decides money or measure)
 * @param inHours - whether the value lies under `cap` or `capUsage`
 * @returns the same data with no Decimal left
 * @example
 * ```ts
 * toPlainJson({ total: new Decimal("4991.25"), lines: [{ quantity: new Decimal("8.25"), amount: new Decimal("4991.25") }] });
 * //=> { total: "4991.25", lines: [{ quantity: "8.25", amount: "4991.25" }] }
 * ```
 */
export function toPlainJson(value: unknown, key?: string, inHours = false): unknown {
  if (value === null || typeof value !== "object") {
    if (typeof value === "bigint") return value.toString();
    if (typeof value === "number" && !Number.isFinite(value)) return String(value);
    return value;
  }
  if (Decimal.isDecimal(value)) {
    const d = new Decimal(value);
    // Money has at most two decimals; a figure with more is written exactly, whatever its key.
    return isMeasure(key, inHours) || d.decimalPlaces() > 2 ? d.toFixed() : moneyToJson(d);
  }
  const hours = inHours || (key !== undefined && HOURS_CONTAINERS.has(key));
  if (Array.isArray(value)) return value.map((item) => toPlainJson(item, key, hours));
  if (value instanceof Map) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of value as Map<unknown, unknown>) out[String(k)] = toPlainJson(v, String(k), hours);
    return out;
  }
  if (value instanceof Set) return [...(value as Set<unknown>)].map((item) => toPlainJson(item, key, hours));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined || typeof v === "function") continue;
    out[k] = toPlainJson(v, k, hours);
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
  yield* streamJson(value, undefined, false, "", 0);
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

function* streamJson(value: unknown, key: string | undefined, inHours: boolean, indent: string, depth: number): Generator<string> {
  const hours = inHours || (key !== undefined && HOURS_CONTAINERS.has(key));
  if (Array.isArray(value) && value.length > 0 && (value.length > 64 || depth <= STREAM_DEPTH)) {
    yield "[\n";
    const inner = `${indent}  `;
    for (let i = 0; i < value.length; i++) {
      yield inner;
      yield* streamJson(value[i], key, hours, inner, depth + 1);
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
      yield* streamJson(v, k, hours, inner, depth + 1);
      yield i < entries.length - 1 ? ",\n" : "\n";
    }
    yield `${indent}}`;
    return;
  }
  const text = JSON.stringify(toPlainJson(value, key, inHours), null, 2);
  yield indent === "" ? text : text.replaceAll("\n", `\n${indent}`);
}
