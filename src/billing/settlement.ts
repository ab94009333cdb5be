/**
 * Settlement (*avräkning*): what is due now, given what was already booked.
 * Every month from `from` through `month` is recomputed; for every line id
 * the entry is due − Σ paid. One mechanism for every "due minus paid" of the
 * package: a settlement's ledger entries, an index revision's months
 * ({@link indexRevision}) and a year report's quarterly reconciliation
 * ({@link yearReport}) all come from {@link reconcile}.
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
import { builtOnFirstRead, keyHash, type Due } from "./common.js";
import { compareIds } from "./ledger.js";
import { checkContract, daysInForce, prepareInput, prepareYear, type BillingContext, type TermWindow } from "./context.js";
import { firstDuplicateId, hashOfId, type ParsedInput, type StatementInput } from "./input.js";
import { monthDues, monthLinesOf, monthStatement, parseMonthArgument } from "./statement.js";
import type { Statement, StatementLine } from "./types.js";

/**
 * Why a ledger entry was written:
 * - `'new'`: the line was not paid before (a first booking, a late session);
 * - `'changed'`: the line was paid, and is now due with another amount (a
 *   corrected duration, a final index value, a cap that moved);
 * - `'removed'`: the line was paid and is no longer due (the session was
 *   removed, or is now outside the term, beyond the cap or outside the group
 *   rule): the entry takes back what was paid.
 *
 * @example
 * ```ts
 * const r: EntryReason = "changed";
 * ```
 */
export type EntryReason = "new" | "changed" | "removed";

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

/**
 * @internal A line as booked: the öre booked for it in all, its kind, and
 * the description and clause of its first entry (for a `'removed'` entry).
 */
export interface BookedLine {
  ore: number;
  fee: boolean;
  description: string;
  clause: string;
  /** The position of its first entry in `paid`, for errors (-1 when not from `paid`). */
  at: number;
  /** The line's id, and where its key starts in it (after `<contract>:<YYYY-MM>:`). */
  lineId: string;
  keyStart: number;
  /** The key's hash (`keyHash` from `keyStart`). */
  hash: number;
  /** Set by {@link reconcile}. */
  matched?: object;
}

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

function parsePaid(value: unknown, contract: Contract, month: YearMonth): Ledger {
  const ledger: Ledger = { byMonth: new Map(), entryIds: new Set(), earliest: Number.POSITIVE_INFINITY };
  if (value === undefined) return ledger;
  const list = ownElements(value, "paid", "a list of ledger entries (earlier settlements' entries)", MAX_LEDGER_ENTRIES);
  const last = monthNumber(month);
  const { byMonth, entryIds } = ledger;
  const prefix = `${contract.id}:`;
  const ownMonth = `${month}/`;
  // Entry ids are checked for repeats at the end, by sorting their hashes (a hash table of a million ids is a cache miss a probe).
  const ids = new Array<string>(list.length);
  const hashes = new Int32Array(list.length);
  let lines: BookedMonth | undefined;
  let linesMonth = -1;
  // A plain object's fields are read directly when no Object.prototype property shadows one (each read once all the same).
  const polluted = prototypeCarries(ENTRY_KEYS);
  for (let i = 0; i < list.length; i++) {
    const raw = list[i];
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
      throw fieldError("INVALID_INPUT", `paid.${i.toString()}`, "a ledger entry { entryId, contractId, settledIn, month, lineId, kind, amount, reason, description, clause }", raw);
    }
    // Each field read once, here; nothing below reads the caller's object. A
    // plain object is read directly (a million entries of a ledger file),
    // else (or with a polluted Object.prototype) only its own properties.
    let e: EntryFields;
    try {
      const proto: unknown = Object.getPrototypeOf(raw);
      const src = polluted || (proto !== Object.prototype && proto !== null) ? ownFields(raw, ENTRY_KEYS, `paid.${i.toString()}`) : (raw as EntryFields);
      e = {
        entryId: src.entryId,
        contractId: src.contractId,
        settledIn: src.settledIn,
        month: src.month,
        lineId: src.lineId,
        kind: src.kind,
        amount: src.amount,
        reason: src.reason,
        description: src.description,
        clause: src.clause,
      };
    } catch (error) {
      if (error instanceof RulesError) throw error;
      throw unreadable(`paid.${i.toString()}`, error);
    }
    const entryId = paidString(e.entryId, i, "entryId");
    if (e.contractId !== contract.id) throw fieldError("INVALID_INPUT", entryPath(i, "contractId"), `${JSON.stringify(contract.id)}: an entry of this commission`, e.contractId);
    const settledIn = monthNumber(e.settledIn);
    if (settledIn < 0) throw fieldError("INVALID_INPUT", entryPath(i, "settledIn"), "a month YYYY-MM", e.settledIn);
    if (settledIn > last) throw fieldError("INVALID_INPUT", entryPath(i, "settledIn"), `a month up to ${month}, the month settled (an entry of a later settlement cannot have been booked before it)`, e.settledIn);
    const k = monthNumber(e.month);
    if (k < 0) throw fieldError("INVALID_INPUT", entryPath(i, "month"), "a month YYYY-MM", e.month);
    if (k > settledIn) throw fieldError("INVALID_INPUT", entryPath(i, "month"), `a month up to its settledIn ${e.settledIn as string}`, e.month);
    const lineId = paidString(e.lineId, i, "lineId");
    // `<contract>:<YYYY-MM>:…`: the month in the id is the entry's month.
    if (!lineId.startsWith(prefix) || lineId.charCodeAt(prefix.length + 7) !== 58 || !lineId.startsWith(e.month as string, prefix.length) || lineId.length <= prefix.length + 8) {
      throw fieldError("INVALID_INPUT", entryPath(i, "lineId"), `a line id of ${e.month as string}: "${contract.id}:${e.month as string}:…"`, lineId);
    }
    if (e.kind !== "provider" && e.kind !== "fee") throw fieldError("INVALID_INPUT", entryPath(i, "kind"), '"provider" or "fee"', e.kind);
    if (e.reason !== "new" && e.reason !== "changed" && e.reason !== "removed") throw fieldError("INVALID_INPUT", entryPath(i, "reason"), '"new", "changed" or "removed"', e.reason);
    let ore: number;
    try {
      ore = toOre(e.amount, "amount");
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
    const description = paidString(e.description, i, "description");
    const clause = paidString(e.clause, i, "clause");
    ids[i] = entryId;
    hashes[i] = hashOfId(entryId);
    // Only an id of this month's settlement can clash with an entry it writes.
    if (entryId.startsWith(ownMonth)) entryIds.add(entryId);
    const fee = e.kind === "fee";
    if (k !== linesMonth) {
      lines = byMonth.get(k);
      if (lines === undefined) {
        lines = new BookedMonth();
        byMonth.set(k, lines);
      }
      linesMonth = k;
      if (k < ledger.earliest) ledger.earliest = k;
    }
    // Keyed as a due line is: the id without its `<contract>:<YYYY-MM>:`.
    const keyStart = prefix.length + 8;
    const hash = keyHash(lineId, keyStart);
    const booked = (lines as BookedMonth).findLine(lineId, keyStart, hash);
    if (booked === undefined) (lines as BookedMonth).add({ ore, fee, description, clause, at: i, lineId, keyStart, hash });
    else if (booked.fee !== fee) throw fieldError("INVALID_INPUT", entryPath(i, "kind"), `${booked.fee ? '"fee"' : '"provider"'}, as paid.${booked.at.toString()} books the same line`, e.kind);
    else booked.ore += ore;
  }
  const repeat = firstDuplicateId(ids, hashes, list.length);
  if (repeat >= 0) {
    const first = ids.indexOf(ids[repeat] as string);
    throw fieldError("DUPLICATE_ID", `paid.${repeat.toString()}.entryId`, `an entryId used once in the ledger (paid.${first.toString()}.entryId has it)`, ids[repeat]);
  }
  return ledger;
}

/**
 * @internal One comparison: due, paid, and the difference with its reason.
 * `item` is `null` for what was paid and is no longer due.
 */
export interface Difference<T, P> {
  due: number;
  paid: number;
  difference: number;
  reason: EntryReason;
  /** The due item, or `null` for one that was only paid. */
  item: T | null;
  /** What was paid for it, or `null` for one never paid. */
  booked: P | null;
}

/**
 * @internal What was paid, as {@link reconcile} looks it up: the paid
 * record of a due item, if any, and every paid record.
 */
export interface PaidLookup<T, P> {
  find: (item: T) => P | undefined;
  size: number;
  all: () => Iterable<P>;
}

/**
 * @internal The one "due minus paid" of the package: for every item due, the
 * difference to what was paid for it; then everything paid and no longer
 * due, taken back. Only differences that are not zero are returned, the due
 * items in their order and then the rest in the order of `paid`.
 *
 * @param due - the items due, in their order
 * @param oreOf - an item's öre
 * @param paid - what was paid, found by item
 * @param check - called for every due item that was paid (e.g. to check that both are of one kind)
 * @returns the differences that are not zero
 */
export function reconcile<T, P extends Reconcilable>(due: readonly T[], oreOf: (item: T) => number, paid: PaidLookup<T, P>, check?: (item: T, booked: P) => void): Difference<T, P>[] {
  const out: Difference<T, P>[] = [];
  // What was matched is marked with a token of this call's own (no set of a million records, no state between calls).
  const mark: object = {};
  let matched = 0;
  for (const item of due) {
    const booked = paid.find(item);
    const d = oreOf(item);
    if (booked === undefined) {
      if (d !== 0) out.push({ due: d, paid: 0, difference: d, reason: "new", item, booked: null });
      continue;
    }
    if (booked.matched !== mark) {
      booked.matched = mark;
      matched++;
    }
    check?.(item, booked);
    if (d !== booked.ore) out.push({ due: d, paid: booked.ore, difference: d - booked.ore, reason: "changed", item, booked });
  }
  if (matched < paid.size) {
    for (const booked of paid.all()) {
      if (booked.ore !== 0 && booked.matched !== mark) out.push({ due: 0, paid: booked.ore, difference: -booked.ore, reason: "removed", item: null, booked });
    }
  }
  return out;
}

/** @internal A paid record {@link reconcile} compares: its öre, and the token of the last call that matched it. */
export interface Reconcilable {
  ore: number;
  matched?: object;
}

const SESSION = "session:";
const OVER_CAP = ":over-cap";

/** @internal A due line's key as a string (made only for an entry). */
export function dueKey(d: Due): string {
  if (d.session === undefined) return d.key ?? "";
  return d.over === true ? `${SESSION}${d.session}${OVER_CAP}` : `${SESSION}${d.session}`;
}

/** Whether booked line `b`'s key is due line `d`'s, compared in place. */
function sameKey(b: BookedLine, d: Due): boolean {
  const s = b.lineId;
  const k = b.keyStart;
  if (d.session === undefined) {
    const key = d.key ?? "";
    return s.length - k === key.length && s.startsWith(key, k);
  }
  const id = d.session;
  const over = d.over === true;
  return (
    s.length - k === SESSION.length + id.length + (over ? OVER_CAP.length : 0) &&
    s.startsWith(SESSION, k) &&
    s.startsWith(id, k + SESSION.length) &&
    (!over || s.endsWith(OVER_CAP))
  );
}

/**
 * @internal The lines booked in one month, found by their key's hash in an
 * open-addressing table of integers: a month of 85 000 lines is matched with
 * its due lines without a string key made or hashed by a Map.
 */
export class BookedMonth {
  readonly lines: BookedLine[] = [];
  /** Slot → position + 1 in `lines` (0: empty), and the slot's hash beside it, so a probe reads no object. */
  private table = new Int32Array(32);
  private mask = 15;
  /** How many lines. */
  get size(): number {
    return this.lines.length;
  }
  /** The line booked under `lineId`'s key (its hash `h`), if any. */
  findLine(lineId: string, keyStart: number, h: number): BookedLine | undefined {
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const at = this.table[2 * slot] ?? 0;
      if (at === 0) return undefined;
      if (this.table[2 * slot + 1] !== h) continue;
      const b = this.lines[at - 1] as BookedLine;
      if (b.lineId.length - b.keyStart === lineId.length - keyStart && b.lineId.startsWith(lineId.slice(keyStart), b.keyStart)) return b;
    }
  }
  /** The line booked under due line `d`'s key, if any. */
  findDue(d: Due): BookedLine | undefined {
    const h = d.hash;
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const at = this.table[2 * slot] ?? 0;
      if (at === 0) return undefined;
      if (this.table[2 * slot + 1] !== h) continue;
      const b = this.lines[at - 1] as BookedLine;
      if (sameKey(b, d)) return b;
    }
  }
  /** Adds a line whose key is not booked yet. */
  add(b: BookedLine): void {
    if ((this.lines.length + 1) * 2 > this.mask + 1) this.grow();
    this.lines.push(b);
    this.place(b.hash, this.lines.length);
  }
  private place(h: number, at: number): void {
    let slot = h & this.mask;
    while ((this.table[2 * slot] ?? 0) !== 0) slot = (slot + 1) & this.mask;
    this.table[2 * slot] = at;
    this.table[2 * slot + 1] = h;
  }
  private grow(): void {
    this.mask = this.mask * 2 + 1;
    this.table = new Int32Array(2 * (this.mask + 1));
    this.lines.forEach((b, k) => {
      this.place(b.hash, k + 1);
    });
  }
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
    describe: (_lineId, booked) => booked,
    conflict: (lineId, fee, booked) =>
      fieldError("INVALID_INPUT", `paid.${booked.at.toString()}.kind`, `${fee ? '"fee"' : '"provider"'}: ${lineId} is ${fee ? "a visit-fee line" : "paid to the provider"}`, booked.fee ? "fee" : "provider"),
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
  describe: (lineId: string, booked: BookedLine) => { description: string; clause: string };
  /** The error for a booked line whose kind contradicts the line's. */
  conflict: (lineId: string, fee: boolean, booked: BookedLine) => RulesError;
}

/**
 * The order of a statement's lines: by date, then session id (a session's
 * over-cap line after its own), the lines without a session (a twelfth, the
 * visit fees) last.
 */
function compareLines(a: StatementLine, b: StatementLine): number {
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
    const dues: Due[] = active ? monthDues(years.of(year), mm) : [];
    const paid = booked.byMonth.get(k) ?? new BookedMonth();
    const prefix = `${c.id}:${ym}:`;
    const lookup: PaidLookup<Due, BookedLine> = { find: (d) => paid.findDue(d), size: paid.size, all: () => paid.lines };
    const differences = reconcile(dues, (d) => d.ore, lookup, (d, b) => {
      if (b.fee !== d.fee) throw booked.conflict(prefix + dueKey(d), d.fee, b);
    });
    // Only the lines a month books are built (for their descriptions, clauses and order), not the month's statement.
    const dueItems: Due[] = [];
    for (const diff of differences) if (diff.item !== null) dueItems.push(diff.item);
    const lines = dueItems.length === 0 ? new Map<string, StatementLine>() : monthLinesOf(years.of(year), mm, dueItems);
    const monthEntries: { entry: LedgerEntry; line: StatementLine }[] = [];
    const removed: LedgerEntry[] = [];
    for (const diff of differences) {
      const fee = diff.item?.fee ?? diff.booked?.fee ?? false;
      const lineId = diff.item === null ? (diff.booked as BookedLine).lineId : prefix + dueKey(diff.item);
      const line = diff.item === null ? undefined : (lines.get(lineId) as StatementLine);
      const { description, clause } = line ?? booked.describe(lineId, diff.booked as BookedLine);
      let entryId = `${month}/${lineId}`;
      for (let n = 2; entryIds.has(entryId); n++) entryId = `${month}/${lineId}#${n.toString()}`;
      entryIds.add(entryId);
      const entry: LedgerEntry = {
        entryId,
        contractId: c.id,
        settledIn: month,
        month: ym,
        lineId,
        kind: fee ? "fee" : "provider",
        amount: fromOre(diff.difference),
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
    let due = 0;
    let feesDue = 0;
    for (const d of dues) {
      if (d.fee) feesDue += d.ore;
      else due += d.ore;
    }
    let paidOre = 0;
    let feesPaid = 0;
    for (const b of paid.lines) {
      if (b.fee) feesPaid += b.ore;
      else paidOre += b.ore;
    }
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
