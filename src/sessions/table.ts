/**
 * Sessions held column by column, for a sessions file of a million rows.
 *
 * A `Session` object costs about 100 bytes on a 64-bit V8 heap (the object,
 * its id string, its slot in an array), so a million of them are 100 MB —
 * more than the whole statement they produce. {@link SessionTable} keeps the
 * same data in typed arrays, under 20 bytes a session with short ids: the
 * ids as UTF-8 bytes; dates, case ids and exceptions as indexes into pools
 * of shared strings; numbers in the narrowest integer array that holds
 * them.
 * {@link SessionTable.asArray} hands it to the library as a read-only array
 * whose elements are made when they are read.
 *
 * @module
 */
import type { Session } from "../billing/input.js";

/** The values a new column has room for; the room doubles as values are added. */
const FIRST_CAPACITY = 1024;

/**
 * The largest number the table stores in a column. Optional numbers are
 * stored plus one (0 means "not given") and a column holds up to 2³¹ − 1,
 * so a row with a number outside 0…MAX_STORED (or not whole) is kept as the
 * object it was.
 */
const MAX_STORED = 0x7ffffffe;

/** A UTF-16 code unit of a surrogate pair standing alone. */
const LONE_SURROGATE = /\p{Cs}/u;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Writes `text` as UTF-8 at `at` (the room is there); returns the bytes written. ASCII, the usual id, byte by byte. */
function utf8Write(text: string, into: Uint8Array, at: number): number {
  const n = text.length;
  for (let k = 0; k < n; k++) {
    const c = text.charCodeAt(k);
    if (c >= 0x80) return encoder.encodeInto(text, into.subarray(at)).written;
    into[at + k] = c;
  }
  return n;
}

/** The UTF-8 text of `bytes[from, to)`; ASCII, the usual id, without a decoder call. */
function utf8Text(bytes: Uint8Array, from: number, to: number): string {
  let text = "";
  for (let k = from; k < to; k++) {
    const c = bytes[k] ?? 0;
    if (c >= 0x80) return decoder.decode(bytes.subarray(from, to));
    text += String.fromCharCode(c);
  }
  return text;
}

function storable(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= MAX_STORED;
}

/**
 * A growable column of whole numbers 0…2³¹ − 1 in the narrowest typed array
 * that holds all of them: one byte a value while every value is below 256,
 * two below 65 536, else four. Unset values read as 0.
 *
 * @example
 * ```ts
 * const c = new IntColumn();
 * c.set(0, 90);      // one byte a value
 * c.set(1, 527040);  // now four
 * [c.get(0), c.get(1), c.get(2)]; //=> [90, 527040, 0]
 * ```
 */
export class IntColumn {
  private values: IntArray = new Uint8Array(FIRST_CAPACITY);

  /**
   * The value at `index`.
   *
   * @param index - 0-based
   * @returns the value, 0 when none was set
   */
  get(index: number): number {
    return this.values[index] ?? 0;
  }

  /**
   * Sets the value at `index`, making room (and widening) as needed.
   *
   * @param index - 0-based
   * @param value - a whole number 0…2³¹ − 1
   */
  set(index: number, value: number): void {
    const length = this.values.length;
    const width = this.values.BYTES_PER_ELEMENT;
    const needed = value > 0xffff ? 4 : value > 0xff ? Math.max(width, 2) : width;
    if (index >= length || needed > width) this.values = copyInto(this.values, needed, index >= length ? Math.max(index + 1, length * 2) : length);
    this.values[index] = value;
  }
}

/** The integer arrays of an {@link IntColumn}, by width. */
type IntArray = Uint8Array | Uint16Array | Int32Array;

/** `values` copied into a new array of `width` bytes a value with room for `length`. */
function copyInto(values: IntArray, width: number, length: number): IntArray {
  const out = width === 4 ? new Int32Array(length) : width === 2 ? new Uint16Array(length) : new Uint8Array(length);
  out.set(values);
  return out;
}

/**
 * A string that holds its own characters. V8 may make a slice of a long
 * string (13 characters or more) a view into it: a CSV cell would then keep
 * its whole 64 KB read chunk alive. A string kept for the whole run is
 * copied through JSON, which gives a new flat string with the same code
 * units (lone surrogates included).
 */
function ownCopy(text: string): string {
  return text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string);
}

/** Distinct strings, each stored once, by index. */
class StringPool {
  private readonly indexes = new Map<string, number>();
  private readonly values: string[] = [];

  /** The index of `text`, adding it the first time. */
  indexOf(text: string): number {
    let index = this.indexes.get(text);
    if (index === undefined) {
      index = this.values.length;
      const own = ownCopy(text);
      this.values.push(own);
      this.indexes.set(own, index);
    }
    return index;
  }

  /** The string at `index` (`""` for an index never given out). */
  value(index: number): string {
    return this.values[index] ?? "";
  }
}

/**
 * Sessions stored column by column (see the module's description). Rows are
 * added in order and never changed; {@link SessionTable.at} gives a row back
 * as a new `Session` object equal to the one added: the same fields with the
 * same values, in the order `id, date, minutes, kind, participants, caseId,
 * age, resident, residencyException` (a field that is `undefined` counts as
 * not given). A row whose numbers do not fit the columns (not whole,
 * negative or above 2 147 483 646), or whose id has a lone surrogate (no
 * UTF-8 form), is kept as the object it was.
 *
 * @example
 * ```ts
 * const table = new SessionTable();
 * table.add({ id: "G1", date: "2022-03-08", minutes: 90, kind: "group", participants: 6 });
 * table.at(0); //=> { id: "G1", date: "2022-03-08", minutes: 90, kind: "group", participants: 6 }
 * table.asArray().length; //=> 1
 * ```
 */
export class SessionTable {
  private count = 0;
  /** The ids' UTF-8 bytes, one after another; row i's end at `idEnd[i]`, its start at the previous row's end. */
  private idBytes = new Uint8Array(FIRST_CAPACITY * 8);
  private idBytesUsed = 0;
  private readonly idEnd = new IntColumn();
  /** Index in `dates`. */
  private readonly date = new IntColumn();
  private readonly minutes = new IntColumn();
  /** 1 for a group session. */
  private readonly group = new IntColumn();
  /** The optional fields, each made on the first row that gives it: a number + 1, or an index in `texts` + 1; 0 when not given. */
  private participants: IntColumn | null = null;
  private caseId: IntColumn | null = null;
  private age: IntColumn | null = null;
  /** 1 false, 2 true, 0 not given. */
  private resident: IntColumn | null = null;
  private residencyException: IntColumn | null = null;
  private readonly dates = new StringPool();
  /** Case ids and exceptions. */
  private readonly texts = new StringPool();
  /** Rows kept as objects, by index (see the class description). */
  private readonly unusual = new Map<number, Session>();

  /** The number of rows. */
  get length(): number {
    return this.count;
  }

  /**
   * Adds a row at the end. The object is not kept (unless the columns
   * cannot hold it: see the class).
   *
   * @param session - the session
   */
  add(session: Session): void {
    const i = this.count++;
    const { participants, caseId, age, resident, residencyException } = session;
    // The kind is checked although its type allows no other: a row the columns cannot hold is kept as it is.
    const kind: string = session.kind;
    const fits =
      storable(session.minutes) &&
      (kind === "individual" || kind === "group") &&
      (participants === undefined || storable(participants)) &&
      (age === undefined || storable(age));
    if (!fits || !this.writeId(i, session.id)) {
      this.unusual.set(i, session);
      this.idEnd.set(i, this.idBytesUsed);
      return;
    }
    this.date.set(i, this.dates.indexOf(session.date));
    this.minutes.set(i, session.minutes);
    this.group.set(i, kind === "group" ? 1 : 0);
    if (participants !== undefined) (this.participants ??= new IntColumn()).set(i, participants + 1);
    if (caseId !== undefined) (this.caseId ??= new IntColumn()).set(i, this.texts.indexOf(caseId) + 1);
    if (age !== undefined) (this.age ??= new IntColumn()).set(i, age + 1);
    if (resident !== undefined) (this.resident ??= new IntColumn()).set(i, resident ? 2 : 1);
    if (residencyException !== undefined) (this.residencyException ??= new IntColumn()).set(i, this.texts.indexOf(residencyException) + 1);
  }

  /**
   * Row `index` as a new object (a row kept as an object: that object).
   *
   * @param index - 0-based
   * @returns the session, or `undefined` outside the table
   */
  at(index: number): Session | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) return undefined;
    if (this.unusual.size > 0) {
      const kept = this.unusual.get(index);
      if (kept !== undefined) return kept;
    }
    const id = utf8Text(this.idBytes, index === 0 ? 0 : this.idEnd.get(index - 1), this.idEnd.get(index));
    const date = this.dates.value(this.date.get(index));
    const minutes = this.minutes.get(index);
    const kind = this.group.get(index) === 1 ? "group" : "individual";
    const participants = this.participants?.get(index) ?? 0;
    // One object literal per shape, so that the rows of a shape share V8's hidden class.
    const session: Session = participants === 0 ? { id, date, minutes, kind } : { id, date, minutes, kind, participants: participants - 1 };
    const caseId = this.caseId?.get(index) ?? 0;
    if (caseId !== 0) session.caseId = this.texts.value(caseId - 1);
    const age = this.age?.get(index) ?? 0;
    if (age !== 0) session.age = age - 1;
    const resident = this.resident?.get(index) ?? 0;
    if (resident !== 0) session.resident = resident === 2;
    const exception = this.residencyException?.get(index) ?? 0;
    if (exception !== 0) session.residencyException = this.texts.value(exception - 1);
    return session;
  }

  /**
   * The rows as a read-only array for the library: `Array.isArray` holds,
   * `length`, indexing, iteration and the array methods work; element `i`
   * is {@link SessionTable.at}`(i)`, made on each read (two reads give
   * equal objects, not the same one; a read right after its element's
   * descriptor was asked for gives the descriptor's object). Writing to it
   * throws a `TypeError`.
   *
   * @returns the view (the table stays the only storage)
   */
  asArray(): readonly Session[] {
    return new Proxy<Session[]>([], arrayViewHandler(this));
  }

  /** Stores row i's id; false (nothing stored) for an id with a lone surrogate, which UTF-8 cannot carry. */
  private writeId(i: number, id: string): boolean {
    // At most 3 UTF-8 bytes per UTF-16 code unit.
    const room = this.idBytesUsed + id.length * 3;
    if (room > this.idBytes.length) {
      const bigger = new Uint8Array(Math.max(room, this.idBytes.length * 2));
      bigger.set(this.idBytes.subarray(0, this.idBytesUsed));
      this.idBytes = bigger;
    }
    const bytes = utf8Write(id, this.idBytes, this.idBytesUsed);
    // As many bytes as code units: ASCII. Otherwise the id is checked (a CSV file, read as UTF-8, never holds a lone surrogate).
    if (bytes !== id.length && LONE_SURROGATE.test(id)) return false;
    this.idBytesUsed += bytes;
    this.idEnd.set(i, this.idBytesUsed);
    return true;
  }
}

/**
 * The index a property key names, when it is a canonical array index
 * (`"0"`, `"17"`, not `"017"` or `"1.0"`), else -1.
 */
function arrayIndex(key: string): number {
  const n = key.length;
  if (n === 0 || n > 10 || (n > 1 && key.charCodeAt(0) === 48)) return -1;
  let value = 0;
  for (let k = 0; k < n; k++) {
    const digit = key.charCodeAt(k) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value < 4294967295 ? value : -1;
}

/**
 * The traps of {@link SessionTable.asArray}: indexes and `length` from the
 * table, the rest from an empty array. The row a descriptor was made for
 * (`Object.hasOwn(view, i)`, as the library asks before it reads element
 * `i`) is handed to the read of that element that comes next, so that
 * asking and reading make one object, not two (a million sessions: a
 * million objects fewer to make and collect).
 */
function arrayViewHandler(table: SessionTable): ProxyHandler<Session[]> {
  let describedIndex = -1;
  let described: Session | undefined;
  return {
    get(target, key, receiver) {
      if (typeof key === "string") {
        const index = arrayIndex(key);
        if (index >= 0) {
          if (index === describedIndex) {
            const session = described;
            describedIndex = -1;
            described = undefined;
            return session;
          }
          return table.at(index);
        }
        if (key === "length") return table.length;
      }
      return Reflect.get(target, key, receiver) as unknown;
    },
    has(target, key) {
      if (typeof key === "string") {
        const index = arrayIndex(key);
        if (index >= 0) return index < table.length;
      }
      return Reflect.has(target, key);
    },
    ownKeys(target) {
      return [...Array.from({ length: table.length }, (_, i) => i.toString()), ...Reflect.ownKeys(target)];
    },
    getOwnPropertyDescriptor(target, key) {
      if (typeof key === "string") {
        const index = arrayIndex(key);
        if (index >= 0) {
          if (index >= table.length) return undefined;
          describedIndex = index;
          described = table.at(index);
          return { value: described, writable: false, enumerable: true, configurable: true };
        }
        if (key === "length") return { value: table.length, writable: true, enumerable: false, configurable: false };
      }
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
    preventExtensions: () => false,
    setPrototypeOf: () => false,
  };
}
