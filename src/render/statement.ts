/**
 * A statement written down without Node: the Excel CSV and the JSON text
 * exactly as `verksamhetsuppdrag statement --format csv|json` writes them,
 * for the web page (`web/`) and any other front end.
 *
 * @module
 */
import { Decimal, formatSek, statementToJSON, type Contract, type Statement, type StatementLine } from "../index.js";
import { excelCsvLines, moneyCell, numberCell, swedishDecimal, type CsvCell } from "./excelCsv.js";

/**
 * The exact price of an hour where the table and the CSV cannot show it as
 * it is: an hour volume whose price is implied (annual cost ÷ hours per
 * year, e.g. 800 000 ÷ 1 700 = 470,588235… kr). The library's lines carry
 * that price rounded to the öre (`unitPrice`) while their amounts are
 * computed from the exact one, so quantity × the rounded price can differ
 * from the amount by an öre.
 *
 * @param s - the statement
 * @param contract - its commission
 * @returns the exact price, its rounding to the öre, and how it is made; `null` when the price is a whole öre
 * @example
 * ```ts
 * impliedHourPrice(statement(contracts.boendestod, "2019-03", input), contracts.boendestod)?.exact.toFixed(6); //=> "470.588235"
 * ```
 */
export function impliedHourPrice(s: Statement, contract: Contract): { exact: Decimal; shown: Decimal; basis: string } | null {
  const c = contract.compensation;
  if (s.compensationKind !== "hour-volume" || c.kind !== "hour-volume" || c.hourlyPrice !== null) return null;
  const annual = new Decimal(s.indexation.amount.toString());
  const hours = new Decimal(c.hoursPerYear);
  if (hours.isZero()) return null;
  const exact = annual.dividedBy(hours);
  if (exact.decimalPlaces() <= 2) return null;
  return { exact, shown: exact.toDecimalPlaces(2, Decimal.ROUND_HALF_UP), basis: `${formatSek(annual)} ÷ ${swedishDecimal(hours)} h` };
}

/**
 * Whether a line's unit price is the implied hour price rounded (and not, say, a visit fee's).
 *
 * @param l - a line
 * @param price - the implied price, or `null`
 * @returns true for a line priced at it
 * @example
 * ```ts
 * atImpliedPrice(s.lines[0]!, impliedHourPrice(s, contracts.boendestod)); //=> true
 * ```
 */
export function atImpliedPrice(l: StatementLine, price: { shown: Decimal } | null): boolean {
  return price !== null && l.unit === "hour" && new Decimal(l.unitPrice.toString()).equals(price.shown);
}

/**
 * A statement as CSV for Swedish Excel: one row per line (visit fees marked
 * as owed to the purchaser), then the three totals.
 *
 * @param s - the statement
 * @param contract - its commission (for an implied hour price)
 * @returns the CSV text in pieces, a row at a time
 * @example
 * ```ts
 * [...statementCsvLines(statement(contracts.beroendemottagningen, "2021-04"), contracts.beroendemottagningen)].join("");
 * //=> "\uFEFFcontract;month;line;date;kind;description;quantity;unit;unit price;amount;payable;clause;warnings\r\n…"
 * ```
 */
export function statementCsvLines(s: Statement, contract: Contract): Generator<string> {
  const header = ["contract", "month", "line", "date", "kind", "description", "quantity", "unit", "unit price", "amount", "payable", "clause", "warnings"];
  const price = impliedHourPrice(s, contract);
  const row = (l: StatementLine, payable: string): CsvCell[] => [
    s.contractId,
    s.month,
    l.id,
    l.date ?? "",
    l.kind,
    l.description,
    numberCell(l.quantity),
    l.unit,
    price !== null && atImpliedPrice(l, price) ? numberCell(price.exact) : moneyCell(l.unitPrice),
    moneyCell(l.amount),
    payable,
    l.clause,
    l.warnings.join(" | "),
  ];
  const totals = (label: string, amount: Statement["total"]): CsvCell[] => [s.contractId, s.month, label, "", "total", "", "", "", "", moneyCell(amount), "", "", ""];
  return excelCsvLines(
    (function* () {
      yield header;
      for (const l of s.lines) yield row(l, l.payable ? "yes" : "no");
      for (const l of s.feeLines) yield row(l, "owed to purchaser");
      yield totals("total payable", s.total);
      yield totals("not payable", s.notPayable);
      yield totals("fees owed to purchaser", s.feesOwedToPurchaser);
    })(),
  );
}

/**
 * A statement as the JSON text of `statement --format json`:
 * {@link statementToJSON}, two-space indented, with a final line end.
 *
 * @param s - the statement
 * @returns the text
 * @example
 * ```ts
 * statementJsonText(statement(contracts.beroendemottagningen, "2021-04")).startsWith('{\n  "format"'); //=> true
 * ```
 */
export function statementJsonText(s: Statement): string {
  return `${JSON.stringify(statementToJSON(s), null, 2)}\n`;
}
