/**
 * The vouchers of an SIE 4I file as the library writes it, read back for a
 * `bookkeeping` answer: each `#VER` with its number, date and text, and
 * each `#TRANS` as `[account, amount, transtext]`. Only the writer's own
 * output is read (every text quoted, a quote inside preceded by a
 * backslash, SIE 4B §5.7); the tests read files with a strict reader of
 * their own.
 *
 * @module
 */

/**
 * A voucher as a `bookkeeping` answer gives it.
 *
 * @example
 * ```ts
 * const v: SieVoucherRows = { number: 1, date: "2021-04-30", text: "Avräkning beroendemottagningen 2021-04", rows: [["4610", "152250.00", "beroendemottagningen:2021-04:twelfth"]] };
 * ```
 */
export interface SieVoucherRows {
  /** The voucher number, or `null` when the file leaves numbering to the finance system. */
  number: number | null;
  /** The voucher date, `YYYY-MM-DD`. */
  date: string;
  /** The voucher text. */
  text: string;
  /** Every `#TRANS`: account, amount (two decimals, signed) and transaction text. */
  rows: [string, string, string][];
}

/** The fields of a record: bare, quoted (unescaped) or an object list (kept as one field). */
function fields(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    const ch = line[i];
    if (ch === " " || ch === "\t") {
      i++;
    } else if (ch === '"') {
      let value = "";
      i++;
      while (i < line.length && line[i] !== '"') {
        if (line[i] === "\\" && line[i + 1] === '"') i++;
        value += line[i] ?? "";
        i++;
      }
      out.push(value);
      i++;
    } else if (ch === "{") {
      const end = line.indexOf("}", i);
      out.push(line.slice(i, end + 1));
      i = end + 1;
    } else {
      let end = i;
      while (end < line.length && line[end] !== " " && line[end] !== "\t") end++;
      out.push(line.slice(i, end));
      i = end;
    }
  }
  return out;
}

const isoDate = (yyyymmdd: string): string => `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;

/**
 * Reads the vouchers of an SIE file written by `settlementsToSie` or
 * `statementsToSie`.
 *
 * @param text - the file as text (`SieFile.text`)
 * @returns the vouchers, in order
 * @example
 * ```ts
 * sieVouchers(file.text)[0].rows[0]; //=> ["4610", "152250.00", "beroendemottagningen:2021-04:twelfth"]
 * ```
 */
export function sieVouchers(text: string): SieVoucherRows[] {
  const vouchers: SieVoucherRows[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.startsWith("#VER ")) {
      const [, , number = "", date = "", title = ""] = fields(line);
      vouchers.push({ number: number === "" ? null : Number(number), date: isoDate(date), text: title, rows: [] });
    } else if (line.startsWith("#TRANS ")) {
      const [, account = "", , amount = "", , transtext = ""] = fields(line);
      vouchers.at(-1)?.rows.push([account, amount, transtext]);
    }
  }
  return vouchers;
}
