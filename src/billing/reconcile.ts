/**
 * The one "due minus paid" of the package, and the two sides it compares: a
 * month's lines that are due ({@link DueList}) and the lines booked for it
 * ({@link BookedMonth}). A settlement's entries, an index revision's months
 * and a year report's quarterly reconciliation all come from
 * {@link reconcile}. Not exported from the package.
 *
 * Both sides are kept column by column (typed arrays and arrays of strings,
 * no object per line): a settlement of December compares a year of a
 * million due lines with a ledger of as many booked ones, and an object per
 * line on each side cost more in garbage collection than the comparison.
 *
 * @module
 */
import { toOre } from "../money/index.js";
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

/** @internal FNV-1a of the UTF-16 code units of `text` from `from` to `to` (exclusive). */
export function fnv(text: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let k = from; k < to; k++) {
    h ^= text.charCodeAt(k);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

const SESSION = "session:";
const OVER_CAP = ":over-cap";

/**
 * @internal The hash of a session's line key (`session:<id>`, with `over`
 * `session:<id>:over-cap`) from the hash of its id ({@link fnv} of the id,
 * which the input already computed to find repeated ids): a due line is
 * hashed without reading its id again.
 */
export function sessionKeyHash(idHash: number, over: boolean): number {
  return over ? Math.imul(idHash ^ 0x5bd1e995, 0x01000193) : idHash;
}

/**
 * @internal The hash of the line key in `text` from `from` on, the hash a
 * due line and a booked line are matched by: a session's key by its id's
 * hash ({@link sessionKeyHash}; a session id never ends in `:over-cap`, so
 * the key says which line it is), any other key by {@link fnv}.
 */
export function lineKeyHash(text: string, from: number): number {
  if (!text.startsWith(SESSION, from)) return fnv(text, from, text.length);
  const over = text.endsWith(OVER_CAP) && text.length - from >= SESSION.length + OVER_CAP.length;
  return sessionKeyHash(fnv(text, from + SESSION.length, over ? text.length - OVER_CAP.length : text.length), over);
}

/** Flag bits of a due line. */
const OVER = 1;
const FEE = 2;

/** A typed array twice as long, with `a`'s elements. */
function grown<A extends Int32Array | Float64Array | Uint8Array>(a: A): A {
  const b = new (a.constructor as new (n: number) => A)(a.length * 2);
  b.set(a);
  return b;
}

/**
 * @internal The lines of a month that are due to be paid: to the provider
 * (a payable line) or, for visit fees, to the purchaser — what a settlement
 * compares with what was booked. A session's line is kept as its id (its
 * key `session:<id>`, or `session:<id>:over-cap`, is made only for an
 * entry); a line that was built anyway (a twelfth, the visit fees) as its
 * key and the line. One list is filled month after month ({@link clear}),
 * so a settlement of twelve months allocates it once.
 */
export class DueList {
  /** How many lines. */
  count = 0;
  /** The key's hash. */
  hash = new Int32Array(16);
  /** The amount in öre. */
  ore = new Float64Array(16);
  /** The session's position in the year's ledger (its line is built only if needed); -1 for a built line. */
  q = new Int32Array(16);
  private flags = new Uint8Array(16);
  /** A session line's session id; a built line's key (its id without `<contract>:<YYYY-MM>:`). */
  private readonly text: string[] = [];
  /** The built lines, by position. */
  readonly built = new Map<number, StatementLine>();

  /** Empties the list for another month, keeping its room. */
  clear(): this {
    this.count = 0;
    this.built.clear();
    return this;
  }

  private push(text: string, hash: number, ore: number, q: number, flags: number): number {
    const i = this.count;
    if (i === this.hash.length) {
      this.hash = grown(this.hash);
      this.ore = grown(this.ore);
      this.q = grown(this.q);
      this.flags = grown(this.flags);
    }
    if (i < this.text.length) this.text[i] = text;
    else this.text.push(text);
    this.hash[i] = hash;
    this.ore[i] = ore;
    this.q[i] = q;
    this.flags[i] = flags;
    this.count = i + 1;
    return i;
  }

  /** Adds a session's own line (`over`: its over-cap line) at ledger position `q`, the id's hash `idHash`; returns its position. */
  session(id: string, idHash: number, over: boolean, ore: number, q: number): number {
    return this.push(id, sessionKeyHash(idHash, over), ore, q, over ? OVER : 0);
  }

  /** Adds a line that was built (a twelfth, the visit fees), keyed by its id without the first `skip` characters. */
  line(line: StatementLine, skip: number, ore: number, fee: boolean): number {
    const key = line.id.slice(skip);
    const i = this.push(key, lineKeyHash(key, 0), ore, -1, fee ? FEE : 0);
    this.built.set(i, line);
    return i;
  }

  /** Whether line `i` is a session's over-cap line. */
  isOver(i: number): boolean {
    return ((this.flags[i] ?? 0) & OVER) !== 0;
  }

  /** Whether line `i` is a visit-fee line (owed to the purchaser). */
  isFee(i: number): boolean {
    return ((this.flags[i] ?? 0) & FEE) !== 0;
  }

  /** Line `i`'s key: its id without `<contract>:<YYYY-MM>:` (made only for an entry). */
  key(i: number): string {
    const text = this.text[i] ?? "";
    if ((this.q[i] ?? -1) < 0) return text;
    return ((this.flags[i] ?? 0) & OVER) !== 0 ? `${SESSION}${text}${OVER_CAP}` : `${SESSION}${text}`;
  }

  /** Whether line `i`'s key is `s` from `k` on, compared in place. */
  keyIs(i: number, s: string, k: number): boolean {
    const text = this.text[i] ?? "";
    if ((this.q[i] ?? -1) < 0) return s.length - k === text.length && s.startsWith(text, k);
    const over = ((this.flags[i] ?? 0) & OVER) !== 0;
    return (
      s.length - k === SESSION.length + text.length + (over ? OVER_CAP.length : 0) &&
      s.startsWith(SESSION, k) &&
      s.startsWith(text, k + SESSION.length) &&
      (!over || s.endsWith(OVER_CAP))
    );
  }

  /** The sums of the lines to the provider and of the fee lines, in öre. */
  sums(): { provider: number; fees: number } {
    let provider = 0;
    let fees = 0;
    for (let i = 0; i < this.count; i++) {
      if (this.isFee(i)) fees += this.ore[i] ?? 0;
      else provider += this.ore[i] ?? 0;
    }
    return { provider, fees };
  }
}

/** @internal The dues of a built statement: its payable lines and its fee lines (into `out`, cleared). */
export function duesOf(s: Statement, out = new DueList()): DueList {
  out.clear();
  const skip = s.contractId.length + 9;
  for (const line of s.lines) if (line.payable) out.line(line, skip, toOre(line.amount, "amount"), false);
  for (const line of s.feeLines) out.line(line, skip, toOre(line.amount, "amount"), true);
  return out;
}

/**
 * @internal The lines booked, of every month, column by column: each line's
 * id, the öre booked for it in all, its kind, and the description and clause
 * of its first entry (for a `'removed'` entry). Made with room for every
 * entry of a ledger at once, so reading a million entries grows nothing.
 */
export class BookedLines {
  /** How many lines. */
  count = 0;
  readonly lineIds: string[];
  readonly descriptions: string[];
  readonly clauses: string[];
  ore: Float64Array;
  /** 1 for a visit-fee line. */
  fee: Uint8Array;
  /** The position of the line's first entry in `paid`, for errors (-1 when not from `paid`). */
  at: Int32Array;

  /** @param capacity - room for this many lines (more grow the columns) */
  constructor(capacity: number) {
    const n = Math.max(capacity, 16);
    this.lineIds = new Array<string>(n);
    this.descriptions = new Array<string>(n);
    this.clauses = new Array<string>(n);
    this.ore = new Float64Array(n);
    this.fee = new Uint8Array(n);
    this.at = new Int32Array(n);
  }

  /** Adds a line; returns its position. */
  add(lineId: string, ore: number, fee: boolean, at: number, description: string, clause: string): number {
    const p = this.count;
    if (p === this.ore.length) {
      this.ore = grown(this.ore);
      this.fee = grown(this.fee);
      this.at = grown(this.at);
    }
    this.lineIds[p] = lineId;
    this.descriptions[p] = description;
    this.clauses[p] = clause;
    this.ore[p] = ore;
    this.fee[p] = fee ? 1 : 0;
    this.at[p] = at;
    this.count = p + 1;
    return p;
  }
}

/**
 * @internal The lines booked for one month, found by their key's hash in an
 * open-addressing table of integers: a month of 85 000 lines is matched
 * with its due lines without a key string made or hashed by a Map, and
 * without an object per line. Its lines are numbered 0…size − 1 and kept in
 * the {@link BookedLines} of the whole ledger.
 */
export class BookedMonth {
  /** How many lines. */
  size = 0;
  /** Each of its lines' position in `lines`. */
  private members: Int32Array;
  /** Slot → the line's number + 1 (0: empty), and the slot's hash beside it, so a probe reads no string. */
  private table: Int32Array;
  private mask: number;

  /**
   * @param lines - the lines of the ledger
   * @param keyStart - where the key starts in every line id of the month (after `<contract>:<YYYY-MM>:`)
   * @param capacity - room for this many lines (more grow the table)
   */
  constructor(
    readonly lines: BookedLines,
    readonly keyStart: number,
    capacity = 0,
  ) {
    let slots = 32;
    while (slots < 2 * capacity) slots *= 2;
    this.mask = slots - 1;
    this.table = new Int32Array(2 * slots);
    this.members = new Int32Array(Math.max(capacity, 16));
  }

  /** Line `j`'s position in {@link lines}. */
  line(j: number): number {
    return this.members[j] ?? 0;
  }

  /** The number of the line booked under `lineId` (its key's hash `h`; the month's own prefix), or -1. */
  find(lineId: string, h: number): number {
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const at = this.table[2 * slot] ?? 0;
      if (at === 0) return -1;
      if (this.table[2 * slot + 1] === h && this.lines.lineIds[this.members[at - 1] ?? 0] === lineId) return at - 1;
    }
  }

  /** The number of the line booked under due line `i`'s key, or -1. */
  findDue(dues: DueList, i: number): number {
    const h = dues.hash[i] ?? 0;
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const at = this.table[2 * slot] ?? 0;
      if (at === 0) return -1;
      if (this.table[2 * slot + 1] === h && dues.keyIs(i, this.lines.lineIds[this.members[at - 1] ?? 0] ?? "", this.keyStart)) return at - 1;
    }
  }

  /** Adds the line at position `p` of {@link lines}, whose key (hash `h`) is not booked in the month yet. */
  add(p: number, h: number): void {
    const j = this.size;
    if ((j + 1) * 2 > this.mask + 1) this.grow();
    if (j === this.members.length) this.members = grown(this.members);
    this.members[j] = p;
    this.size = j + 1;
    this.place(h, j + 1);
  }

  private place(h: number, at: number): void {
    let slot = h & this.mask;
    while ((this.table[2 * slot] ?? 0) !== 0) slot = (slot + 1) & this.mask;
    this.table[2 * slot] = at;
    this.table[2 * slot + 1] = h;
  }

  private grow(): void {
    const old = this.table;
    this.mask = this.mask * 2 + 1;
    this.table = new Int32Array(2 * (this.mask + 1));
    for (let slot = 0; slot < old.length; slot += 2) {
      const at = old[slot] ?? 0;
      if (at !== 0) this.place(old[slot + 1] ?? 0, at);
    }
  }

  /** The öre booked for line `j`. */
  ore(j: number): number {
    return this.lines.ore[this.members[j] ?? 0] ?? 0;
  }

  /** Whether line `j` is a visit-fee line. */
  isFee(j: number): boolean {
    return this.lines.fee[this.members[j] ?? 0] === 1;
  }

  /** The sums booked to the provider and of the fee lines, in öre. */
  sums(): { provider: number; fees: number } {
    let provider = 0;
    let fees = 0;
    for (let j = 0; j < this.size; j++) {
      if (this.isFee(j)) fees += this.ore(j);
      else provider += this.ore(j);
    }
    return { provider, fees };
  }
}

/**
 * @internal One side of a reconciliation: how many items, and each item's
 * öre. The paid side also finds the paid item of a due one.
 */
export interface Side {
  count: number;
  ore: (i: number) => number;
}

/** @internal What was paid, as {@link reconcile} reads it: its items, and the paid item of due item `i` (-1: none). */
export interface PaidSide extends Side {
  find: (i: number) => number;
}

/**
 * @internal One comparison: due, paid, and the difference with its reason.
 * `item` is the due item's position (-1 for what was paid and is no longer
 * due), `booked` the paid item's (-1 for one never paid).
 */
export interface Difference {
  due: number;
  paid: number;
  difference: number;
  reason: EntryReason;
  item: number;
  booked: number;
}

/**
 * @internal The one "due minus paid" of the package: for every item due, the
 * difference to what was paid for it; then everything paid and no longer
 * due, taken back. Only differences that are not zero are returned: the due
 * items in their order, then the rest in the order of `paid`.
 *
 * @param due - the items due, in their order
 * @param paid - what was paid, found by due item
 * @param check - called for every due item that was paid (e.g. to check that both are of one kind)
 * @returns the differences that are not zero
 */
export function reconcile(due: Side, paid: PaidSide, check?: (i: number, j: number) => void): Difference[] {
  const out: Difference[] = [];
  const matched = new Uint8Array(paid.count);
  let found = 0;
  for (let i = 0; i < due.count; i++) {
    const j = paid.find(i);
    const d = due.ore(i);
    if (j < 0) {
      if (d !== 0) out.push({ due: d, paid: 0, difference: d, reason: "new", item: i, booked: -1 });
      continue;
    }
    if (matched[j] === 0) {
      matched[j] = 1;
      found++;
    }
    check?.(i, j);
    const p = paid.ore(j);
    if (d !== p) out.push({ due: d, paid: p, difference: d - p, reason: "changed", item: i, booked: j });
  }
  if (found < paid.count) {
    for (let j = 0; j < paid.count; j++) {
      const p = paid.ore(j);
      if (p !== 0 && matched[j] === 0) out.push({ due: 0, paid: p, difference: -p, reason: "removed", item: -1, booked: j });
    }
  }
  return out;
}
