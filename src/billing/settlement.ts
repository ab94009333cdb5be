/**
 * Settlement (*avräkning*): what is due now, given what was already booked.
 * Every month from `from` through `month` is recomputed; for every line id
 * the entry is due − Σ paid. One mechanism for every "due minus paid" of the
 * package: a settlement's ledger entries, an index revision's months
 * ({@link indexRevision}) and a year report's quarterly reconciliation
 * ({@link yearReport}) all come from `reconcile` (reconcile.ts).
 *
 * @module
 */
import { dayNumber, type YearMonth } from "../calendar/index.js";
import { monthNumber } from "../calendar/localDate.js";
import { ownElements, ownFields, prototypeCarries, unreadable } from "../callerData.js";
import type { Contract } from "../contracts/schema.js";
import { fieldError, RulesError } from "../errors.js";
import type { ResolvedBillingPolicies } from "./policies.js";
import { fromOre, toOre, type Decimal, type MoneyInput } from "../money/index.js";
import { builtOnFirstRead, DecimalCache } from "./common.js";
import { BookedLines, BookedMonth, DueList, lineKeyHash, reconcile, type EntryReason } from "./reconcile.js";
import { compareIds } from "./ledger.js";
import { checkContract, daysInForce, prepareInput, prepareYear, type BillingContext, type TermWindow } from "./context.js";
import type { ParsedInput, StatementInput } from "./input.js";
import { monthDues, monthLinesOf, monthStatement, parseMonthArgument } from "./statement.js";
import type { Statement } from "./types.js";
import type { LineHead } from "./timeBased.js";

export type { EntryReason };

/**
 * One booked (or to be booked) amount of a line, the unit of a ledger.
 *
 * @example
 * ```ts
 * const e: LedgerEntry = settle(contracts.beroendemottagningen, "2021-04").entries[0]!;
 * e.entryId;          //=> "2021-04/beroendemottagningen:2021-04:twelfth"
 * e.amount.toFixed(2); //=> "152250.00"
 * e.reason;           //=> "new"
 * ```
 */
export interface LedgerEntry {
  /**
   * Unique in a ledger: the settlement's month and the line id,
   * `2023-05/beroendemottagningen:2023-01:twelfth`; a line settled a second
   * time in the same month (after a correction) gets `#2`, `#3`, ….
   */
  entryId: string;
  /** The commission's id. */
  contractId: string;
  /** The month of the settlement that wrote the entry. */
  settledIn: YearMonth;
  /** The month the line belongs to. */
  month: YearMonth;
  /** The statement line's id (see {@link StatementLine}). */
  lineId: string;
  /** `'provider'`: paid to the provider; `'fee'`: visit fees owed to the purchaser. */
  kind: "provider" | "fee";
  /** Signed, in kronor: above zero booked to the provider (or owed by it, for a fee), below zero taken back. */
  amount: Decimal;
  /** Why the entry was written. */
  reason: EntryReason;
  /** The line's description (for `'removed'`, the description it was paid under). */
  description: string;
  /** The line's clause. */
  clause: string;
}

/**
 * A ledger entry as plain JSON data (see {@link settlementToJSON}): the same
 * fields, the amount a string with exactly two decimals. Accepted back as
 * `paid`.
 *
 * @example
 * ```ts
 * const e: LedgerEntryJSON = settlementToJSON(settle(contracts.beroendemottagningen, "2021-04")).entries[0]!;
 * e.amount; //=> "152250.00"
 * ```
 */
export interface LedgerEntryJSON extends Omit<LedgerEntry, "amount"> {
  /** Signed, two decimals. */
  amount: string;
}

/**
 * A ledger entry as {@link settle} reads it back from `paid`: a
 * {@link LedgerEntry} or its JSON form, with the amount as any exact money
 * input. Other fields are allowed and ignored (a system may keep its own
 * booking data beside them).
 *
 * @example
 * ```ts
 * const p: PaidEntry = { entryId: "2021-04/beroendemottagningen:2021-04:twelfth", contractId: "beroendemottagningen", settledIn: "2021-04", month: "2021-04", lineId: "beroendemottagningen:2021-04:twelfth", kind: "provider", amount: "152250.00", reason: "new", description: "…", clause: "…" };
 * ```
 */
export interface PaidEntry extends Omit<LedgerEntry, "amount"> {
  /** Signed, exact to the öre. */
  amount: MoneyInput;
}

/**
 * The input of {@link settle}: a statement's input and what was booked.
 *
 * @example
 * ```ts
 * const input: SettlementInput = { sessions, paid: earlier.entries, from: "2022-01" };
 * ```
 */
export interface SettlementInput extends StatementInput {
  /** The ledger entries already booked: earlier settlements' `entries`, as objects or as their JSON. */
  paid?: readonly PaidEntry[];
  /**
   * The first month to settle. Default: the earliest month in `paid`, else
   * `month`. Entries of months before it are checked and left as booked.
   */
  from?: YearMonth;
}

/**
 * One month of a settlement: what is due for it now and what was booked
 * for it before.
 *
 * @example
 * ```ts
 * const m: SettlementMonth = settlement.months[0]!;
 * m.difference.toFixed(2); //=> "1706.57"
 * ```
 */
export interface SettlementMonth {
  /** The month. */
  month: YearMonth;
  /** Whether any day of it is in the term (a month outside has nothing due). */
  inTerm: boolean;
  /** Due to the provider: the month's statement total (0 outside the term). */
  due: Decimal;
  /** Booked to the provider for the month before this settlement. */
  paid: Decimal;
  /** due − paid: exactly the sum of the month's provider entries. */
  difference: Decimal;
  /** Visit fees owed to the purchaser for the month. */
  feesDue: Decimal;
  /** Visit fees booked for the month before. */
  feesPaid: Decimal;
  /** feesDue − feesPaid. */
  feesDifference: Decimal;
  /** How many entries the settlement writes for the month. */
  entries: number;
}

/**
 * What to book now: every line of the months settled whose due amount
 * differs from what was booked for it, as ledger entries.
 *
 * @example
 * ```ts
 * const s: Settlement = settle(contracts.beroendemottagningen, "2021-04");
 * s.total.toFixed(2); //=> "152250.00"
 * ```
 */
export interface Settlement {
  /** The commission's id. */
  contractId: string;
  /** The month settled (every entry's `settledIn`). */
  month: YearMonth;
  /** The first month recomputed. */
  from: YearMonth;
  /** Each month from `from` through `month`. */
  months: SettlementMonth[];
  /**
   * The recomputed statements of the months in the term, in order: built on
   * first read and then kept (the entries are found without building the
   * lines of a month that books nothing; see {@link YearReport.statements}).
   */
  statements: Statement[];
  /** The entries to book, by month and then in the statement's line order; removed lines last in their month, by id. */
  entries: LedgerEntry[];
  /** What to book to the provider now, signed: exactly the sum of the `'provider'` entries. */
  total: Decimal;
  /** Visit fees owed to the purchaser now, signed: exactly the sum of the `'fee'` entries. */
  feesOwedToPurchaser: Decimal;
  /** Notes on the settlement itself (months outside the term, ignored entries); the statements carry their own. */
  warnings: string[];
  /** The policies used. */
  policies: Readonly<ResolvedBillingPolicies>;
}

/** The most entries a `paid` list may hold. */
export const MAX_LEDGER_ENTRIES = 20_000_000;
/** The most months one settlement recomputes. */
export const MAX_SETTLEMENT_MONTHS = 120;

const ENTRY_KEYS = ["entryId", "contractId", "settledIn", "month", "lineId", "kind", "amount", "reason", "description", "clause"] as const;

/** @internal The month of a month number (year × 12 + month − 1, see `monthNumber`). */
export function ymOf(index: number): YearMonth {
  return `${Math.floor(index / 12).toString()}-${((index % 12) + 1).toString().padStart(2, "0")}`;
}

/** A text field of entry `i`: 1–2 000 characters (the path is only built for the error). */
function paidString(value: unknown, i: number, field: string): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2_000) throw fieldError("INVALID_INPUT", `paid.${i.toString()}.${field}`, "a string of 1–2000 characters", value);
  return value;
}

/** What `paid` says was booked, checked entry by entry (nothing is computed from an entry that is not sound). */
interface Ledger {
  /** The lines booked, by month index and line key (the id without `<contract>:<YYYY-MM>:`). */
  byMonth: Map<number, BookedMonth>;
  /** Every line booked. */
  lines: BookedLines;
  /** The entry ids of the month settled (`<month>/…`): a new entry's id must differ from them. */
  entryIds: Set<string>;
  /** The earliest month booked, or `Infinity`. */
  earliest: number;
}

type EntryFields = Partial<Record<(typeof ENTRY_KEYS)[number], unknown>>;

/** The path of field `field` of entry `i`, for an error. */
function entryPath(i: number, field: string): string {
  return `paid.${i.toString()}.${field}`;
}

/**
 * Reads `paid` in two passes: every entry checked and kept column by column
 * (nothing is computed from an entry that is not sound), then each month's
 * lines found and summed in a table made to the month's size.
 *
 * Entry ids are checked for repeats without hashing a million of them: an id
 * written as a settlement writes it, `<settledIn>/<lineId>` (a *plain* id),
 * equals another plain id only when both book the same line in the same
 * settlement, so plain ids are compared per line; every other id (a `#2`
 * suffix, or one a system wrote itself) is compared with the others and
 * with the plain id it could be.
 */
function parsePaid(value: unknown, contract: Contract, month: YearMonth): Ledger {
  if (value === undefined) return { byMonth: new Map(), lines: new BookedLines(0), entryIds: new Set(), earliest: Number.POSITIVE_INFINITY };
  const list = ownElements(value, "paid", "a list of ledger entries (earlier settlements' entries)", MAX_LEDGER_ENTRIES);
  const n = list.length;
  const all = new BookedLines(n);
  const ledger: Ledger = { byMonth: new Map(), lines: all, entryIds: new Set(), earliest: Number.POSITIVE_INFINITY };
  const last = monthNumber(month);
  const { byMonth, entryIds } = ledger;
  const prefix = `${contract.id}:`;
  const keyStart = prefix.length + 8;
  const ownMonth = `${month}/`;
  const monthOf = new Int32Array(n);
  const settledOf = new Int32Array(n);
  const hashOf = new Int32Array(n);
  const plain = new Uint8Array(n);
  /** The entries whose id is not plain, and their ids. */
  const odd: number[] = [];
  const oddIds: string[] = [];
  const counts = new Map<number, number>();
  // A plain object's fields are read directly when no Object.prototype property shadows one (each read once all the same).
  const polluted = prototypeCarries(ENTRY_KEYS);
  // The month strings of the entry before, and their numbers: a ledger's entries come in runs of one settledIn and month.
  const none = {};
  let settledText: unknown = none;
  let settledIn = -1;
  let monthText: unknown = none;
  let k = -1;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const raw = list[i];
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
      throw fieldError("INVALID_INPUT", `paid.${i.toString()}`, "a ledger entry { entryId, contractId, settledIn, month, lineId, kind, amount, reason, description, clause }", raw);
    }
    // Each field read once, here; nothing below reads the caller's object. A
    // plain object is read directly (a million entries of a ledger file),
    // else (or with a polluted Object.prototype) only its own properties.
    let entryIdValue: unknown, contractId: unknown, settledValue: unknown, monthValue: unknown, lineIdValue: unknown;
    let kind: unknown, amount: unknown, reason: unknown, descriptionValue: unknown, clauseValue: unknown;
    try {
      const proto: unknown = Object.getPrototypeOf(raw);
      const src = polluted || (proto !== Object.prototype && proto !== null) ? ownFields(raw, ENTRY_KEYS, `paid.${i.toString()}`) : (raw as EntryFields);
      entryIdValue = src.entryId;
      contractId = src.contractId;
      settledValue = src.settledIn;
      monthValue = src.month;
      lineIdValue = src.lineId;
      kind = src.kind;
      amount = src.amount;
      reason = src.reason;
      descriptionValue = src.description;
      clauseValue = src.clause;
    } catch (error) {
      if (error instanceof RulesError) throw error;
      throw unreadable(`paid.${i.toString()}`, error);
    }
    const entryId = paidString(entryIdValue, i, "entryId");
    if (contractId !== contract.id) throw fieldError("INVALID_INPUT", entryPath(i, "contractId"), `${JSON.stringify(contract.id)}: an entry of this commission`, contractId);
    if (settledValue !== settledText) {
      settledIn = monthNumber(settledValue);
      if (settledIn < 0) throw fieldError("INVALID_INPUT", entryPath(i, "settledIn"), "a month YYYY-MM", settledValue);
      if (settledIn > last) throw fieldError("INVALID_INPUT", entryPath(i, "settledIn"), `a month up to ${month}, the month settled (an entry of a later settlement cannot have been booked before it)`, settledValue);
      settledText = settledValue;
    }
    if (monthValue !== monthText) {
      const m = monthNumber(monthValue);
      if (m < 0) throw fieldError("INVALID_INPUT", entryPath(i, "month"), "a month YYYY-MM", monthValue);
      monthText = monthValue;
      if (m !== k) {
        if (k >= 0) counts.set(k, (counts.get(k) ?? 0) + count);
        k = m;
        count = 0;
      }
    }
    if (k > settledIn) throw fieldError("INVALID_INPUT", entryPath(i, "month"), `a month up to its settledIn ${settledText as string}`, monthValue);
    const lineId = paidString(lineIdValue, i, "lineId");
    // `<contract>:<YYYY-MM>:…`: the month in the id is the entry's month.
    if (!lineId.startsWith(prefix) || lineId.charCodeAt(keyStart - 1) !== 58 || !lineId.startsWith(monthText as string, prefix.length) || lineId.length <= keyStart) {
      throw fieldError("INVALID_INPUT", entryPath(i, "lineId"), `a line id of ${monthText as string}: "${contract.id}:${monthText as string}:…"`, lineId);
    }
    if (kind !== "provider" && kind !== "fee") throw fieldError("INVALID_INPUT", entryPath(i, "kind"), '"provider" or "fee"', kind);
    if (reason !== "new" && reason !== "changed" && reason !== "removed") throw fieldError("INVALID_INPUT", entryPath(i, "reason"), '"new", "changed" or "removed"', reason);
    let ore: number;
    try {
      ore = toOre(amount, "amount");
    } catch (error) {
      if (!(error instanceof RulesError)) throw error;
      // Named in the caller's terms; the path is only built here (a ledger holds a million amounts).
      const path = entryPath(i, "amount");
      throw new RulesError(
        "INVALID_INPUT",
        `${path}${error.message.slice("amount".length)}`,
        error.issues.map((issue) => ({ ...issue, path })),
      );
    }
    const description = paidString(descriptionValue, i, "description");
    const clause = paidString(clauseValue, i, "clause");
    // Only an id of this month's settlement can clash with an entry it writes.
    if (entryId.startsWith(ownMonth)) entryIds.add(entryId);
    if (entryId.length === lineId.length + 8 && entryId.charCodeAt(7) === 47 && entryId.startsWith(settledText as string) && entryId.endsWith(lineId)) plain[i] = 1;
    else {
      odd.push(i);
      oddIds.push(entryId);
    }
    all.add(lineId, ore, kind === "fee", i, description, clause);
    monthOf[i] = k;
    settledOf[i] = settledIn;
    // Keyed as a due line is: the id without its `<contract>:<YYYY-MM>:`.
    hashOf[i] = lineKeyHash(lineId, keyStart);
    count++;
  }
  if (k >= 0) counts.set(k, (counts.get(k) ?? 0) + count);
  for (const [m, size] of counts) {
    byMonth.set(m, new BookedMonth(all, keyStart, size));
    if (m < ledger.earliest) ledger.earliest = m;
  }
  // Each month's lines: an entry of a line booked before adds to it (its first entry is the line's position in `all`).
  const later = new Map<number, number[]>();
  const repeat = { at: -1, first: -1 };
  const repeats = (at: number, first: number): void => {
    if (repeat.at < 0 || at < repeat.at) Object.assign(repeat, { at, first });
  };
  let booked: BookedMonth | undefined;
  k = -1;
  for (let i = 0; i < n; i++) {
    if (monthOf[i] !== k) {
      k = monthOf[i] ?? 0;
      booked = byMonth.get(k);
    }
    const month = booked as BookedMonth;
    const h = hashOf[i] ?? 0;
    const lineId = all.lineIds[i] ?? "";
    const j = month.find(lineId, h);
    if (j < 0) {
      month.add(i, h);
      continue;
    }
    const p = month.line(j);
    const fee = all.fee[i] === 1;
    if ((all.fee[p] === 1) !== fee) throw fieldError("INVALID_INPUT", entryPath(i, "kind"), `${all.fee[p] === 1 ? '"fee"' : '"provider"'}, as paid.${p.toString()} books the same line`, fee ? "fee" : "provider");
    all.ore[p] = (all.ore[p] ?? 0) + (all.ore[i] ?? 0);
    let others = later.get(p);
    if (others === undefined) later.set(p, (others = []));
    if (plain[i] === 1 && repeat.at < 0) {
      const first = [p, ...others].find((e) => plain[e] === 1 && settledOf[e] === settledOf[i]);
      if (first !== undefined) repeats(i, first);
    }
    others.push(i);
  }
  // An id that is not plain: against the others, and against the plain id of the line it names.
  const seen = new Map<string, number>();
  odd.forEach((i, x) => {
    const id = oddIds[x] ?? "";
    const before = seen.get(id);
    if (before !== undefined) repeats(i, before);
    else seen.set(id, i);
    const sm = id.charCodeAt(7) === 47 ? monthNumber(id.slice(0, 7)) : -1;
    const lm = monthNumber(id.slice(8 + prefix.length, 8 + keyStart - 1));
    const lines = sm >= 0 && id.startsWith(prefix, 8) ? byMonth.get(lm) : undefined;
    if (lines === undefined) return;
    const lineId = id.slice(8);
    const j = lines.find(lineId, lineKeyHash(lineId, keyStart));
    if (j < 0) return;
    const p = lines.line(j);
    for (const e of [p, ...(later.get(p) ?? [])]) if (plain[e] === 1 && settledOf[e] === sm) repeats(Math.max(i, e), Math.min(i, e));
  });
  if (repeat.at >= 0) {
    throw fieldError("DUPLICATE_ID", `paid.${repeat.at.toString()}.entryId`, `an entryId used once in the ledger (paid.${repeat.first.toString()}.entryId has it)`, entryIdOf(all, repeat.at, settledOf, plain, odd, oddIds));
  }
  return ledger;
}

/** The entry id of entry `i`, as read. */
function entryIdOf(all: BookedLines, i: number, settledOf: Int32Array, plain: Uint8Array, odd: readonly number[], oddIds: readonly string[]): string {
  if (plain[i] === 1) return `${ymOf(settledOf[i] ?? 0)}/${all.lineIds[i] ?? ""}`;
  return oddIds[odd.indexOf(i)] ?? "";
}

/** @internal The contexts of the years a settlement spans, each prepared once through the last month it needs. */
export class Years {
  private readonly byYear = new Map<number, BillingContext>();
  constructor(
    private readonly contract: Contract,
    readonly input: ParsedInput,
    readonly term: TermWindow,
    private readonly last: number,
  ) {}
  of(year: number): BillingContext {
    let ctx = this.byYear.get(year);
    if (ctx === undefined) {
      const through = Math.floor(this.last / 12) === year ? (this.last % 12) + 1 : 12;
      ctx = prepareYear(this.contract, year, this.input, this.term, through);
      this.byYear.set(year, ctx);
    }
    return ctx;
  }
}

/**
 * What is due now, given what was already booked: every month from `from`
 * through `month` recomputed from `input` (each from the sessions of its own
 * year, so a December correction booked in January counts), and for every
 * line id an entry of *due − Σ paid* where that is not zero.
 *
 * Payment is monthly in arrears (SON 2021-233 §1.2 *"Ersättning erhålls
 * månadsvis i efterskott via bokföringsorder"*; Beroendemottagningen §3
 * *"Ersättning utbetalas månadsvis i efterskott"*; SON 2019-755 §1.2 *"via
 * autobokföring med 1/12 del per månad"*). What a line is due is its
 * statement's figure: a payable line's amount (to the provider), a visit-fee
 * line's amount (owed to the purchaser, `kind: 'fee'`); a line not payable
 * (beyond the cap, outside the term or the group rule) is due nothing. A
 * line booked before and no longer due gets a negative entry (`'removed'`);
 * one due with another amount `'changed'`; one never booked `'new'`.
 * Entries already settled in `month` count as booked, so running the same
 * settlement again writes no entry: a re-run never pays twice. The texts say
 * nothing about corrections after payment; the difference is booked in the
 * month of the settlement, on the line it belongs to.
 *
 * @param contract - a parsed commission
 * @param month - the month settled, `YYYY-MM` (every entry's `settledIn`)
 * @param input - a statement's input, `paid` (the ledger so far) and `from`
 * @returns the entries to book, the months' due and paid, and the recomputed statements
 * @throws {@link RulesError} as {@link statement}; `INVALID_INPUT` naming the
 *   entry and field for a bad `paid` (another commission's entry, an entry
 *   settled after `month`, inexact money, not a list) or `from`;
 *   `DUPLICATE_ID` for an `entryId` used twice
 * @example
 * ```ts
 * const april = settle(contracts.beroendemottagningen, "2021-04");
 * april.total.toFixed(2); //=> "152250.00"
 * const again = settle(contracts.beroendemottagningen, "2021-04", { paid: april.entries });
 * again.entries.length;   //=> 0
 * const may = settle(contracts.beroendemottagningen, "2021-05", { paid: april.entries });
 * may.entries.map((e) => e.month); //=> ["2021-05"]
 * ```
 */
export function settle(contract: Contract, month: YearMonth, input?: SettlementInput): Settlement {
  const c = checkContract(contract);
  parseMonthArgument(month);
  const { input: parsed, term } = prepareInput(c, input, [], ["paid", "from"]);
  const ledger = parsePaid(parsed.raw.paid, c, month);
  const last = monthNumber(month);
  let first = Math.min(last, ledger.earliest);
  const fromArg = parsed.raw.from;
  if (fromArg !== undefined) {
    first = monthNumber(fromArg);
    if (first < 0) throw fieldError("INVALID_INPUT", "from", "a month YYYY-MM", fromArg);
    if (first > last) throw fieldError("INVALID_INPUT", "from", `a month up to ${month}, the month settled`, fromArg);
  }
  if (last - first + 1 > MAX_SETTLEMENT_MONTHS) {
    throw fieldError("INVALID_INPUT", "from", `a first month at most ${MAX_SETTLEMENT_MONTHS.toString()} months before ${month} (pass from to settle the latest months only)`, ymOf(first));
  }
  const warnings: string[] = [];
  let before = 0;
  for (const [k, lines] of ledger.byMonth) if (k < first) before += lines.size;
  if (before > 0) warnings.push(`${before.toString()} booked line${before === 1 ? "" : "s"} of months before ${ymOf(first)} left as booked (from ${ymOf(first)})`);
  const earlier = sessionsBefore(parsed, term, first);
  if (earlier > 0) {
    warnings.push(
      `${earlier.toString()} session${earlier === 1 ? " is" : "s are"} dated in the term before ${ymOf(first)}, the first month settled: months before it are not recomputed (a month that booked nothing leaves no entry in paid to start from; pass from to settle it)`,
    );
  }
  const view: BookedView = {
    byMonth: ledger.byMonth,
    entryIds: ledger.entryIds,
    describe: (p) => ({ description: ledger.lines.descriptions[p] ?? "", clause: ledger.lines.clauses[p] ?? "" }),
    conflict: (lineId, fee, p) =>
      fieldError("INVALID_INPUT", `paid.${(ledger.lines.at[p] ?? 0).toString()}.kind`, `${fee ? '"fee"' : '"provider"'}: ${lineId} is ${fee ? "a visit-fee line" : "paid to the provider"}`, ledger.lines.fee[p] === 1 ? "fee" : "provider"),
  };
  return settleMonths(c, month, new Years(c, parsed, term, last), first, view, warnings);
}

/** How many of the input's sessions fall in the term before the month `first`: they are not settled. */
function sessionsBefore(parsed: ParsedInput, term: TermWindow, first: number): number {
  const firstDay = dayNumber(`${ymOf(first)}-01`);
  const { day, count } = parsed.sessions;
  let n = 0;
  for (let i = 0; i < count; i++) {
    const d = day[i] ?? 0;
    if (d < firstDay && d >= term.startDay) n++;
  }
  return n;
}

/**
 * @internal What was booked, as a settlement reads it: by month and line
 * id, with each line's kind and the description it was booked under.
 */
export interface BookedView {
  /** The lines booked, by month index (year × 12 + month − 1) and line key (the id without `<contract>:<YYYY-MM>:`). */
  byMonth: ReadonlyMap<number, BookedMonth>;
  /** The entry ids already used that a new entry's could equal (those of the month settled). */
  entryIds: Set<string>;
  /** The description and clause a booked line was booked under (for a `'removed'` entry). */
  describe: (p: number) => { description: string; clause: string };
  /** The error for a booked line whose kind contradicts the line's. */
  conflict: (lineId: string, fee: boolean, p: number) => RulesError;
}

/**
 * The order of a statement's lines: by date, then session id (a session's
 * over-cap line after its own), the lines without a session (a twelfth, the
 * visit fees) last.
 */
function compareLines(a: LineHead, b: LineHead): number {
  if (a.date !== b.date) return a.date === undefined ? 1 : b.date === undefined ? -1 : a.date < b.date ? -1 : 1;
  if (a.sessionId !== b.sessionId) return compareIds(a.sessionId ?? "", b.sessionId ?? "");
  if (a.kind !== b.kind) return a.kind === "visit-fee" ? 1 : b.kind === "visit-fee" ? -1 : a.kind === "over-cap" ? 1 : -1;
  return 0;
}

/**
 * @internal The settlement of the months `first`…`month` (month indexes)
 * against `booked`: the core of {@link settle} and {@link indexRevision}.
 */
export function settleMonths(c: Contract, month: YearMonth, years: Years, first: number, booked: BookedView, warnings: string[]): Settlement {
  const last = monthNumber(month);
  const { input: parsed, term } = years;
  const entryIds = booked.entryIds;
  const built = new Map<number, Statement>();
  const statementOf = (k: number): Statement => {
    let s = built.get(k);
    if (s === undefined) {
      s = monthStatement(years.of(Math.floor(k / 12)), (k % 12) + 1);
      built.set(k, s);
    }
    return s;
  };
  const months: SettlementMonth[] = [];
  const entries: LedgerEntry[] = [];
  // Many entries book the same amount (a session's length): one Decimal each, as a statement's lines share theirs.
  const money = new DecimalCache();
  // One list of due lines, filled month after month.
  const reused = new DueList();
  const inTerm: number[] = [];
  let total = 0;
  let fees = 0;
  for (let k = first; k <= last; k++) {
    const ym = ymOf(k);
    const year = Math.floor(k / 12);
    const mm = (k % 12) + 1;
    const active = daysInForce(term, year, mm).days > 0;
    if (active) inTerm.push(k);
    else warnings.push(`${ym} is outside the term ${term.start} to ${term.end ?? "further notice"} (${term.clause}): nothing is due for it`);
    const dues = active ? monthDues(years.of(year), mm, reused) : reused.clear();
    const paid = booked.byMonth.get(k) ?? new BookedMonth(new BookedLines(0), c.id.length + 9);
    const prefix = `${c.id}:${ym}:`;
    const differences = reconcile(
      { count: dues.count, ore: (i) => dues.ore[i] ?? 0 },
      { count: paid.size, ore: (j) => paid.ore(j), find: (i) => paid.findDue(dues, i) },
      (i, j) => {
        const fee = dues.isFee(i);
        if (paid.isFee(j) !== fee) throw booked.conflict(prefix + dues.key(i), fee, paid.line(j));
      },
    );
    // Only the lines a month books are built (for their descriptions, clauses and order), not the month's statement.
    const dueItems: number[] = [];
    for (const diff of differences) if (diff.item >= 0) dueItems.push(diff.item);
    const lines = dueItems.length === 0 ? new Map<number, LineHead>() : monthLinesOf(years.of(year), mm, dues, dueItems);
    const monthEntries: { entry: LedgerEntry; line: LineHead }[] = [];
    const removed: LedgerEntry[] = [];
    for (const diff of differences) {
      const fee = diff.item >= 0 ? dues.isFee(diff.item) : paid.isFee(diff.booked);
      const line = diff.item < 0 ? undefined : lines.get(diff.item);
      // Every due line has its head (monthLinesOf makes one per due item); a due line without one would read as removed.
      if (diff.item >= 0 && line === undefined) throw new Error(`verksamhetsuppdrag: no line for due ${prefix}${dues.key(diff.item)} (a bug: please report it)`);
      const lineId = line === undefined ? (paid.lines.lineIds[paid.line(diff.booked)] ?? "") : line.id;
      const { description, clause } = line ?? booked.describe(paid.line(diff.booked));
      let entryId = `${month}/${lineId}`;
      // Line ids are distinct, so a new entry's id can only clash with an id already used in the month settled, or with a
      // `#n` id made for such a clash; with none used, no id is made either, and the (million) ids need not be kept.
      if (entryIds.size > 0) {
        for (let n = 2; entryIds.has(entryId); n++) entryId = `${month}/${lineId}#${n.toString()}`;
        entryIds.add(entryId);
      }
      const entry: LedgerEntry = {
        entryId,
        contractId: c.id,
        settledIn: month,
        month: ym,
        lineId,
        kind: fee ? "fee" : "provider",
        amount: money.of(diff.difference),
        reason: diff.reason,
        description,
        clause,
      };
      if (line === undefined) removed.push(entry);
      else monthEntries.push({ entry, line });
      if (fee) fees += diff.difference;
      else total += diff.difference;
    }
    // In the statement's line order; removed lines last, by id.
    monthEntries.sort((a, b) => compareLines(a.line, b.line));
    removed.sort((a, b) => compareIds(a.lineId, b.lineId));
    const { provider: due, fees: feesDue } = dues.sums();
    const { provider: paidOre, fees: feesPaid } = paid.sums();
    months.push({
      month: ym,
      inTerm: active,
      due: fromOre(due),
      paid: fromOre(paidOre),
      difference: fromOre(due - paidOre),
      feesDue: fromOre(feesDue),
      feesPaid: fromOre(feesPaid),
      feesDifference: fromOre(feesDue - feesPaid),
      entries: monthEntries.length + removed.length,
    });
    for (const e of monthEntries) entries.push(e.entry);
    for (const e of removed) entries.push(e);
  }
  const settlement: Settlement = {
    contractId: c.id,
    month,
    from: ymOf(first),
    months,
    statements: [],
    entries,
    total: fromOre(total),
    feesOwedToPurchaser: fromOre(fees),
    warnings,
    policies: parsed.policies,
  };
  builtOnFirstRead(settlement, "statements", () => inTerm.map(statementOf));
  return settlement;
}
