/**
 * The SIE 4I writer: settlements (or statements) and a posting
 * configuration in, the bytes of a voucher file (*bokföringsorder*) for the
 * municipality's finance system out.
 *
 * SIE type 4I is the variant for exactly this: *"Innehåller endast
 * verifikationsposter. Filformatet används när ett försystem … ska generera
 * bokföringsorder för inläsning i bokföringssystemet"* (sie.se, "Format").
 * The records follow *SIE filformat, utgåva 4B* (SIE-gruppen, 2008-09-30),
 * cited by section.
 *
 * @module
 */
import {
  fieldError,
  fromOre,
  isLocalDate,
  isYearMonth,
  lastDayOfMonth,
  MAX_LEDGER_ENTRIES,
  RulesError,
  toOre,
  type Decimal,
  type LocalDate,
  type Settlement,
  type Statement,
  type YearMonth,
} from "../index.js";
import { ownElements, ownFields, plainCopy } from "../callerData.js";
import { optionsOf } from "../errors.js";
import { encodeCp437 } from "./cp437.js";
import { DEFAULT_VOUCHER_TEXT, ensurePostingConfig, type PostingConfig, type PostingConfigInput, type PostingSide } from "./posting.js";
import { amountField, checkedText, dateField, objectListField, quoted, record } from "./records.js";

/**
 * How ledger entries become `#TRANS` rows:
 * - `'per-entry'` (the default): every entry is its own pair of rows (debit
 *   and credit), with the entry's line id as the row's text
 *   (`familjeradgivning:2022-03:session:S17`), so an auditor can trace every
 *   row of the finance system back to the statement line it pays;
 * - `'per-month-and-account'`: the rows of the entries of one month (the
 *   month a line belongs to) on one account and object list are summed into
 *   one row, its text naming the commission, the month and how many entries
 *   it sums; a sum of zero is left out.
 *
 * @example
 * ```ts
 * const t: SieTransactions = "per-month-and-account";
 * ```
 */
export type SieTransactions = "per-entry" | "per-month-and-account";

/**
 * The version the writer puts in `#PROGRAM` by default: the version of the
 * shape of its output, raised whenever the same input would give other
 * bytes (so that it is not the package's version, which changes with every
 * release).
 *
 * @example
 * ```ts
 * SIE_WRITER_VERSION; //=> "1"
 * ```
 */
export const SIE_WRITER_VERSION = "1";

/**
 * The options of {@link settlementsToSie} and {@link statementsToSie}.
 * Nothing is taken from the clock: the date of `#GEN` is the caller's.
 *
 * @example
 * ```ts
 * const options: SieOptions = { generated: { date: "2022-05-03", signature: "ekonom" } };
 * ```
 */
export interface SieOptions {
  /** `#GEN datum sign` (SIE 4B: *"När och av vem som filen genererats"*): the date the file is made, and who or what made it. The date is also each `#VER`'s regdatum. */
  generated: { date: LocalDate; signature?: string };
  /** `#PROGRAM programnamn version`. Default `{ name: "verksamhetsuppdrag", version: SIE_WRITER_VERSION }`. */
  program?: { name: string; version: string };
  /**
   * One date for every voucher of the file (verdatum). Default: each
   * voucher's is the last day of the month it settles (a statement's month),
   * shown as `"month-end"` in the conventions. A correction of an earlier
   * month is booked on the voucher of the month that settles it
   * (docs/settlement.md); the month a line belongs to is in its line id.
   */
  voucherDate?: LocalDate;
  /** The line end: `'crlf'` (the default; §5.5 allows a carriage return before the line feed) or `'lf'`. */
  lineEnd?: "crlf" | "lf";
}

/**
 * One voucher (`#VER`) of the file.
 *
 * @example
 * ```ts
 * const v: SieVoucher = file.vouchers[0]!;
 * v.number;             //=> 1
 * v.turnover.toFixed(2); //=> "1761.25"
 * ```
 */
export interface SieVoucher {
  /** The series (serie). */
  series: string;
  /** The voucher number (verno), or `null` when the finance system numbers it. */
  number: number | null;
  /** The voucher date (verdatum). */
  date: LocalDate;
  /** The voucher text (vertext), as written. */
  text: string;
  /** The commission's id. */
  contractId: string;
  /** The month settled (a statement's month). */
  month: YearMonth;
  /** How many ledger entries (statement lines) it books. */
  entries: number;
  /** How many `#TRANS` rows it has. */
  rows: number;
  /** The sum of its debit rows (*omslutning*); the credit rows sum to minus it, the voucher to exactly 0.00. */
  turnover: Decimal;
}

/**
 * A settlement (or statement) that booked nothing and so has no voucher
 * (SIE 4B #VER 1: *"Verifikationsposten ska alltid följas av ett antal
 * #TRANS-poster"*).
 *
 * @example
 * ```ts
 * const s: SieSkipped = { contractId: "familjeradgivning", month: "2022-04", reason: "no entries to book" };
 * ```
 */
export interface SieSkipped {
  /** The commission's id. */
  contractId: string;
  /** Its month. */
  month: YearMonth;
  /** Why it has no voucher. */
  reason: string;
}

/**
 * An SIE 4I file: its bytes, and what is in them.
 *
 * @example
 * ```ts
 * const file: SieFile = settlementsToSie([april], posting, { generated: { date: "2022-05-03" } });
 * fs.writeFileSync("bokforingsorder.si", file.bytes);
 * ```
 */
export interface SieFile {
  /** The file in code page 437 (#FORMAT PC8), ready to be written as it is. */
  bytes: Uint8Array;
  /** The same file as text (decoding `bytes` as code page 437 gives exactly this). */
  text: string;
  /** The vouchers, in the order written, numbered from the configuration's `firstNumber`. */
  vouchers: SieVoucher[];
  /** The settlements or statements that booked nothing, so have no voucher. */
  skipped: SieSkipped[];
  /** The conventions used: every option as resolved. */
  conventions: {
    /** How ledger entries became rows. */
    transactions: SieTransactions;
    /** `"month-end"` (each voucher dated the last day of its month) or the one date given. */
    voucherDate: string;
    /** The line end. */
    lineEnd: "crlf" | "lf";
    /** What `#PROGRAM` says. */
    program: { name: string; version: string };
  };
}

/** One amount to book: a ledger entry, or a statement line. */
interface Booking {
  lineId: string;
  month: YearMonth;
  fee: boolean;
  ore: number;
  /** Where it came from, for errors. */
  path: string;
}

/** One voucher's source: a settlement or a statement, read. */
interface Source {
  contractId: string;
  month: YearMonth;
  from: YearMonth;
  bookings: Booking[];
  path: string;
}

/** One `#TRANS` row. */
interface Row {
  side: PostingSide;
  ore: number;
  text: string;
}

/** A string field of a caller's object: 1–`max` characters. */
function stringField(value: unknown, path: string, expected: string, max = 2000): string {
  if (typeof value !== "string" || value.length === 0 || value.length > max) throw fieldError("INVALID_INPUT", path, expected, value);
  return value;
}

function monthField(value: unknown, path: string): YearMonth {
  if (!isYearMonth(value)) throw fieldError("INVALID_INPUT", path, "a month YYYY-MM", value);
  return value;
}

function objectAt(value: unknown, path: string, expected: string): object {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw fieldError("INVALID_INPUT", path, expected, value);
  return value;
}

const SETTLEMENT_KEYS = ["contractId", "month", "from", "entries"] as const;
const ENTRY_KEYS = ["lineId", "month", "kind", "amount"] as const;
const STATEMENT_KEYS = ["contractId", "month", "lines", "feeLines"] as const;
const LINE_KEYS = ["id", "amount", "payable"] as const;

/** The most settlements or statements in one file. */
const MAX_SOURCES = 10_000;

/** Settlements (or their JSON) as sources, each field read once. */
function readSettlements(value: unknown): Source[] {
  const list = ownElements(value, "settlements", "a list of settlements (settle's results, or settlementToJSON's)", MAX_SOURCES);
  return list.map((raw, i) => {
    const path = `settlements.${i.toString()}`;
    const s = ownFields(objectAt(raw, path, "a settlement { contractId, month, from, entries }"), SETTLEMENT_KEYS, path);
    const contractId = stringField(s.contractId, `${path}.contractId`, "a commission's id", 100);
    const month = monthField(s.month, `${path}.month`);
    const from = s.from === undefined ? month : monthField(s.from, `${path}.from`);
    const entries = ownElements(s.entries, `${path}.entries`, "a list of ledger entries", MAX_LEDGER_ENTRIES);
    const bookings = entries.map((rawEntry, k): Booking => {
      const at = `${path}.entries.${k.toString()}`;
      const e = ownFields(objectAt(rawEntry, at, "a ledger entry { lineId, month, kind, amount }"), ENTRY_KEYS, at);
      if (e.kind !== "provider" && e.kind !== "fee") throw fieldError("INVALID_INPUT", `${at}.kind`, '"provider" or "fee"', e.kind);
      return {
        lineId: stringField(e.lineId, `${at}.lineId`, "a line id"),
        month: monthField(e.month, `${at}.month`),
        fee: e.kind === "fee",
        ore: toOre(e.amount, `${at}.amount`),
        path: at,
      };
    });
    return { contractId, month, from, bookings, path };
  });
}

/** Statements (or their JSON) as sources: the payable lines to the provider, the fee lines to the purchaser. */
function readStatements(value: unknown): Source[] {
  const list = ownElements(value, "statements", "a list of statements (statement's results, or statementToJSON's)", MAX_SOURCES);
  return list.map((raw, i) => {
    const path = `statements.${i.toString()}`;
    const s = ownFields(objectAt(raw, path, "a statement { contractId, month, lines, feeLines }"), STATEMENT_KEYS, path);
    const contractId = stringField(s.contractId, `${path}.contractId`, "a commission's id", 100);
    const month = monthField(s.month, `${path}.month`);
    const bookings: Booking[] = [];
    for (const [key, fee] of [
      ["lines", false],
      ["feeLines", true],
    ] as const) {
      const lines = ownElements(s[key], `${path}.${key}`, "a list of statement lines", MAX_LEDGER_ENTRIES);
      lines.forEach((rawLine, k) => {
        const at = `${path}.${key}.${k.toString()}`;
        const l = ownFields(objectAt(rawLine, at, "a statement line { id, amount, payable }"), LINE_KEYS, at);
        if (!fee && typeof l.payable !== "boolean") throw fieldError("INVALID_INPUT", `${at}.payable`, "true or false", l.payable);
        const ore = toOre(l.amount, `${at}.amount`);
        const lineId = stringField(l.id, `${at}.id`, "a line id");
        if ((fee || l.payable === true) && ore !== 0) bookings.push({ lineId, month, fee, ore, path: at });
      });
    }
    return { contractId, month, from: month, bookings, path };
  });
}

/** The options, resolved and checked. */
interface Resolved {
  generated: { date: LocalDate; signature: string | null };
  program: { name: string; version: string };
  /** The one voucher date, or `null`: each voucher dated the last day of its month. */
  voucherDate: LocalDate | null;
  lineEnd: "crlf" | "lf";
}

const OPTION_KEYS = ["generated", "program", "voucherDate", "lineEnd"] as const;

function resolveOptions(options: SieOptions | undefined): Resolved {
  const o = ownFields(optionsOf(plainCopy(options, "options") as SieOptions | undefined), OPTION_KEYS, "options");
  const gen = ownFields(objectAt(o.generated, "options.generated", "the date the file is made (and who made it) { date, signature? }: #GEN is required"), ["date", "signature"], "options.generated");
  if (!isLocalDate(gen.date)) throw fieldError("INVALID_ARGUMENT", "options.generated.date", "the date the file is made, YYYY-MM-DD (#GEN; never read from the clock)", gen.date);
  let signature: string | null = null;
  if (gen.signature !== undefined) signature = checkedText(stringField(gen.signature, "options.generated.signature", "a signature of 1–200 characters", 200), "options.generated.signature");
  let program = { name: "verksamhetsuppdrag", version: SIE_WRITER_VERSION };
  if (o.program !== undefined) {
    const p = ownFields(objectAt(o.program, "options.program", "the program { name, version } (#PROGRAM)"), ["name", "version"], "options.program");
    program = {
      name: checkedText(stringField(p.name, "options.program.name", "a program name of 1–200 characters", 200), "options.program.name"),
      version: checkedText(stringField(p.version, "options.program.version", "a version of 1–200 characters", 200), "options.program.version"),
    };
  }
  const voucherDate = o.voucherDate ?? null;
  if (voucherDate !== null && !isLocalDate(voucherDate)) throw fieldError("INVALID_ARGUMENT", "options.voucherDate", "a date YYYY-MM-DD for every voucher, or nothing (each voucher dated the last day of its month)", voucherDate);
  const lineEnd = o.lineEnd ?? "crlf";
  if (lineEnd !== "crlf" && lineEnd !== "lf") throw fieldError("INVALID_ARGUMENT", "options.lineEnd", '"crlf" or "lf"', lineEnd);
  return { generated: { date: gen.date, signature }, program, voucherDate, lineEnd };
}

/** The voucher text of a source, from the configuration's pattern. */
function voucherTextOf(pattern: string, s: Source): string {
  const text = pattern.replace(/\{(contract|month|from)\}/g, (_, name: string) => (name === "contract" ? s.contractId : name === "month" ? s.month : s.from));
  return checkedText(text, `${s.path}.contractId`);
}

/** The rows of a source: a debit and a credit row per booking, or summed per month and account. */
function rowsOf(s: Source, posting: PostingConfig, transactions: SieTransactions): { rows: Row[]; entries: number } {
  const perEntry: { row: Row; month: YearMonth }[] = [];
  for (const b of s.bookings) {
    const booking = b.fee ? posting.fees : posting.payment;
    if (booking === undefined) {
      throw new RulesError("INVALID_POSTING", `fees: expected the booking of the visit fees owed to the purchaser { debit, credit }, since ${b.path} is a visit fee of ${amountField(b.ore)}; received nothing`, [
        { path: "fees", expected: "the booking of the visit fees owed to the purchaser { debit, credit }", received: `nothing, while ${b.path} is a visit fee` },
      ]);
    }
    const text = checkedText(b.lineId, `${b.path}.lineId`);
    perEntry.push({ row: { side: booking.debit, ore: b.ore, text }, month: b.month });
    perEntry.push({ row: { side: booking.credit, ore: -b.ore, text }, month: b.month });
  }
  if (transactions === "per-entry") return { rows: perEntry.map((r) => r.row), entries: s.bookings.length };
  // Summed: by month, then in the order a month's account and objects first appear.
  const groups = new Map<string, { month: YearMonth; side: PostingSide; ore: number; entries: number }>();
  for (const { row, month } of perEntry) {
    const key = `${month}\u0000${row.side.account}\u0000${objectListField(row.side.objects)}`;
    const g = groups.get(key);
    if (g === undefined) groups.set(key, { month, side: row.side, ore: row.ore, entries: 1 });
    else {
      g.ore += row.ore;
      g.entries++;
    }
  }
  const summed = [...groups.values()].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  const rows: Row[] = [];
  for (const g of summed) {
    if (!Number.isSafeInteger(g.ore)) throw new RulesError("OVERFLOW", `${s.path}: a sum of money left the exact range`);
    if (g.ore === 0) continue;
    rows.push({ side: g.side, ore: g.ore, text: checkedText(`${s.contractId} ${g.month}, ${g.entries.toString()} ${g.entries === 1 ? "post" : "poster"}`, `${s.path}.contractId`) });
  }
  return { rows, entries: s.bookings.length };
}

/** The file for `sources`. */
function writeFile(sources: Source[], postingInput: unknown, options: SieOptions | undefined): SieFile {
  const posting = ensurePostingConfig(postingInput);
  const o = resolveOptions(options);
  const transactions: SieTransactions = posting.transactions ?? "per-entry";
  const pattern = posting.voucherText ?? DEFAULT_VOUCHER_TEXT;
  const eol = o.lineEnd === "crlf" ? "\r\n" : "\n";
  const vouchers: SieVoucher[] = [];
  const skipped: SieSkipped[] = [];
  const body: string[] = [];
  const usedAccounts = new Set<string>();
  const usedObjects = new Map<string, Set<string>>();
  let number = posting.firstNumber;
  for (const s of sources) {
    const { rows, entries } = rowsOf(s, posting, transactions);
    if (rows.length === 0) {
      skipped.push({ contractId: s.contractId, month: s.month, reason: entries === 0 ? "no entries to book" : "its entries sum to zero on every account" });
      continue;
    }
    const date = o.voucherDate ?? lastDayOfMonth(s.month);
    const text = voucherTextOf(pattern, s);
    // SIE 4B #TRANS 4: "Inom en verifikation skall det råda balans. Summan av samtliga transaktionsbelopp inom en verifikation skall således vara noll."
    let sum = 0;
    let turnover = 0;
    for (const r of rows) {
      sum += r.ore;
      if (r.ore > 0) turnover += r.ore;
    }
    if (sum !== 0 || !Number.isSafeInteger(turnover)) throw new RulesError("OVERFLOW", `${s.path}: the voucher does not balance to 0.00 in exact öre`);
    const head = [posting.series, number === null ? '""' : number.toString(), dateField(date), quoted(text), dateField(o.generated.date)];
    if (o.generated.signature !== null) head.push(quoted(o.generated.signature));
    body.push(record("#VER", ...head), "{");
    for (const r of rows) {
      usedAccounts.add(r.side.account);
      for (const [dim, code] of Object.entries(r.side.objects ?? {})) {
        let codes = usedObjects.get(dim);
        if (codes === undefined) usedObjects.set(dim, (codes = new Set()));
        codes.add(code);
      }
      body.push(record("#TRANS", r.side.account, objectListField(r.side.objects), amountField(r.ore), dateField(date), quoted(r.text)));
    }
    body.push("}");
    vouchers.push({ series: posting.series, number, date, text, contractId: s.contractId, month: s.month, entries, rows: rows.length, turnover: fromOre(turnover) });
    if (number !== null) number++;
  }
  const lines = headerLines(posting, o, usedAccounts, usedObjects);
  for (const line of body) lines.push(line);
  const text = lines.join(eol) + eol;
  return { bytes: encodeCp437(text, "the file"), text, vouchers, skipped, conventions: { transactions, voucherDate: o.voucherDate ?? "month-end", lineEnd: o.lineEnd, program: o.program } };
}

/** Compares account numbers (digit strings) as numbers, then as text ("0100" before "100"). */
function byNumber(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The records before the vouchers, in the order of §5.12: the flag
 * (*"Först i varje fil ligger en flaggpost"*, set to 0 by the writer), the
 * identification records, then the chart: the accounts, dimensions and
 * objects the vouchers use.
 */
function headerLines(posting: PostingConfig, o: Resolved, accounts: ReadonlySet<string>, objects: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const lines = [
    record("#FLAGGA", "0"),
    record("#PROGRAM", quoted(o.program.name), quoted(o.program.version)),
    record("#FORMAT", "PC8"),
    record("#GEN", dateField(o.generated.date), ...(o.generated.signature === null ? [] : [quoted(o.generated.signature)])),
    record("#SIETYP", "4"),
    record("#FNAMN", quoted(posting.company)),
  ];
  if (posting.orgNumber !== undefined) lines.push(record("#ORGNR", posting.orgNumber));
  for (const account of [...accounts].sort(byNumber)) lines.push(record("#KONTO", account, quoted(posting.accounts[account] as string)));
  const dims = [...objects.keys()].sort((a, b) => Number(a) - Number(b));
  for (const dim of dims) lines.push(record("#DIM", dim, quoted(posting.dimensions?.[dim]?.name as string)));
  for (const dim of dims) {
    const names = posting.dimensions?.[dim]?.objects ?? {};
    for (const code of [...(objects.get(dim) as ReadonlySet<string>)].sort()) lines.push(record("#OBJEKT", dim, quoted(code), quoted(names[code] as string)));
  }
  return lines;
}

/**
 * An SIE 4I file (*bokföringsorder*) of settlements: one `#VER` per
 * settlement that books anything, numbered in order from the configuration's
 * `firstNumber` in its `series`; every ledger entry booked as a debit on the
 * configuration's `debit` side and a credit on its `credit` side (`payment`
 * for what is paid to the provider, `fees` for the visit fees owed to the
 * purchaser), so every voucher balances to exactly 0.00. A negative entry (a
 * line taken back) books the other way.
 *
 * The commissions are paid this way: SON 2021-233 §1.2 *"Ersättning erhålls
 * månadsvis i efterskott via bokföringsorder"*; SON 2019-755 §1.2
 * *"Fakturering av ersättning sker via autobokföring med 1/12 del per
 * månad"*. The file holds, in the order of SIE 4B §5.12: `#FLAGGA 0`,
 * `#PROGRAM`, `#FORMAT PC8`, `#GEN`, `#SIETYP 4`, `#FNAMN` (and `#ORGNR`),
 * `#KONTO` for every account the vouchers use, `#DIM` and `#OBJEKT` for every
 * dimension and object they use, then the vouchers:
 * `#VER serie verno verdatum vertext regdatum [sign]` and, in braces, rows
 * `#TRANS kontonr {objektlista} belopp transdat transtext` (transdat is the
 * voucher date). Texts are always quoted, a quote in a text written `\"`;
 * amounts have a point and two decimals; dates are YYYYMMDD; the bytes are
 * code page 437. The same input gives the same bytes.
 *
 * @param settlements - the settlements (from `settle`, or their JSON from `settlementToJSON`), one voucher each
 * @param posting - the posting configuration (from {@link parsePostingConfig}, or plain data, validated here)
 * @param options - `generated` (required: #GEN's date and signature), `program`, `voucherDate`, `lineEnd`
 * @returns the file's bytes and text, its vouchers, the settlements skipped (nothing to book) and the conventions used
 * @throws {@link index!RulesError | RulesError} `INVALID_POSTING` for a bad configuration (or
 *   a visit fee to book without `fees`); `NOT_ENCODABLE` naming the field for
 *   a text the file cannot hold (a character outside code page 437, a
 *   control character, a backslash); `INVALID_INPUT` / `INVALID_MONEY` for a
 *   settlement that is not one; `INVALID_ARGUMENT` for bad options
 * @example
 * ```ts
 * import { contracts, settle } from "verksamhetsuppdrag";
 * import { parsePostingConfig, settlementsToSie } from "verksamhetsuppdrag/sie";
 * const march = settle(contracts.familjeradgivning, "2022-03", { sessions });
 * const file = settlementsToSie([march], parsePostingConfig(postingJson), { generated: { date: "2022-04-04", signature: "ekonom" } });
 * file.vouchers[0]?.turnover.toFixed(2); //=> "1761.25"
 * fs.writeFileSync("bokforingsorder.si", file.bytes);
 * ```
 */
export function settlementsToSie(settlements: readonly Settlement[], posting: PostingConfig | PostingConfigInput, options: SieOptions): SieFile {
  return writeFile(readSettlements(settlements), posting, options);
}

/**
 * An SIE 4I file of statements: one `#VER` per statement, booking its
 * payable lines on `payment` and its visit-fee lines on `fees`, exactly as
 * {@link settlementsToSie} books ledger entries (a statement is what is due
 * for a month with nothing booked before; use a settlement to book the
 * difference against what was).
 *
 * @param statements - the statements (from `statement`, or their JSON from `statementToJSON`), one voucher each
 * @param posting - the posting configuration
 * @param options - as {@link settlementsToSie}
 * @returns the file, as {@link settlementsToSie}
 * @throws {@link index!RulesError | RulesError} as {@link settlementsToSie}
 * @example
 * ```ts
 * const april = statement(contracts.beroendemottagningen, "2021-04");
 * statementsToSie([april], posting, { generated: { date: "2021-05-03" } }).vouchers[0]?.turnover.toFixed(2); //=> "152250.00"
 * ```
 */
export function statementsToSie(statements: readonly Statement[], posting: PostingConfig | PostingConfigInput, options: SieOptions): SieFile {
  return writeFile(readStatements(statements), posting, options);
}
