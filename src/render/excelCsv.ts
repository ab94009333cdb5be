/**
 * CSV for Swedish Excel without Node: semicolons, decimal comma, UTF-8 BOM,
 * CRLF, formula guard. The one writer of every Excel file: the command line
 * (`src/cli/format.ts` re-exports it) and the web page.
 *
 * @module
 */
import { Decimal, moneyToJson, type MoneyInput } from "../index.js";

/**
 * A decimal figure that is not money (hours, percent) the Swedish way:
 * decimal comma, no thousands separator, no trailing zeros.
 *
 * @param value - the figure
 * @returns e.g. `"1,25"`
 * @example
 * ```ts
 * swedishDecimal(new Decimal("1.25")); //=> "1,25"
 * ```
 */
export function swedishDecimal(value: Decimal | string | number): string {
  return new Decimal(value).toFixed().replace(".", ",");
}

/**
 * A number cell of {@link excelCsvLines}: a figure with an optional minus and
 * a decimal comma, written as it is (never guarded as text).
 *
 * @example
 * ```ts
 * ExcelNumber.of("-5,00").text; //=> "-5,00"
 * ```
 */
export class ExcelNumber {
  private constructor(
    /** The figure, e.g. `"4991,25"`. */
    readonly text: string,
  ) {}

  /**
   * @param text - a figure with an optional minus and a decimal comma
   * @returns the cell
   * @throws Error when `text` is not such a figure (a bug in the caller)
   */
  static of(text: string): ExcelNumber {
    if (!/^-?\d+(,\d+)?$/.test(text)) throw new Error(`not a number for Excel: ${JSON.stringify(text.slice(0, 40))}`);
    return new ExcelNumber(text);
  }
}

/**
 * A cell: a string is text (guarded against formulas), an {@link ExcelNumber}
 * or a finite number is a number, `null` and `undefined` are empty.
 *
 * @example
 * ```ts
 * const cells: CsvCell[] = ["Timmar", moneyCell("4991.25"), null];
 * ```
 */
export type CsvCell = string | number | boolean | ExcelNumber | null | undefined;

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
 * Money as a number cell: {@link excelMoney}.
 *
 * @param value - the amount
 * @returns the cell
 * @example
 * ```ts
 * moneyCell("-5").text; //=> "-5,00"
 * ```
 */
export function moneyCell(value: MoneyInput): ExcelNumber {
  return ExcelNumber.of(excelMoney(value));
}

/**
 * A figure that is not money as a number cell: decimal comma, at most
 * `places` decimals (rounded half-up beyond them), no trailing zeros.
 *
 * @param value - the figure
 * @param places - the most decimals written (default 6)
 * @returns the cell
 * @example
 * ```ts
 * numberCell(new Decimal("470.588235294117647")).text; //=> "470,588235"
 * ```
 */
export function numberCell(value: Decimal, places = 6): ExcelNumber {
  return ExcelNumber.of(swedishDecimal(value.decimalPlaces() > places ? value.toDecimalPlaces(places, Decimal.ROUND_HALF_UP) : value));
}

/** Text that Excel (or LibreOffice) would read as the start of a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (value instanceof ExcelNumber) return value.text;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  let text = typeof value === "string" ? value : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[;"\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Rows as CSV for Swedish Excel, a line at a time: the BOM, then one row
 * with its CRLF at a time. A text cell starting with `=`, `+`, `-`, `@`, a
 * tab or a carriage return gets a leading `'` (OWASP's advice on CSV
 * injection); number cells are never touched.
 *
 * @param rows - the cells, the header first
 * @returns the pieces of the file
 * @example
 * ```ts
 * [...excelCsvLines([["Rad", "Belopp"], ["=1+1", moneyCell("-5")]])];
 * //=> ["\uFEFF", "Rad;Belopp\r\n", "'=1+1;-5,00\r\n"]
 * ```
 */
export function* excelCsvLines(rows: Iterable<readonly CsvCell[]>): Generator<string> {
  yield "\uFEFF";
  for (const row of rows) yield `${row.map(csvCell).join(";")}\r\n`;
}
