/**
 * Reading what a caller passes, once. Everything the package computes from
 * a caller's objects (sessions, call-offs, intakes, paid amounts, an index
 * series, options) is first copied here, field by field, and only the copy
 * is read afterwards: a getter that answers 60 and then 6000, an id that
 * answers Y and then X, or a Proxy cannot make the package bill one value
 * and print another. Only own properties count, so a polluted
 * `Object.prototype.participants` is never read; a hole in an array is
 * nothing, not what `Array.prototype` says; and a getter or Proxy trap that
 * throws becomes a {@link RulesError} naming the field.
 *
 * Not exported from the package.
 *
 * @module
 */
import { describeValue, fieldError, RulesError, type RulesErrorCode } from "./errors.js";

/**
 * @internal Runs `read` on a caller's value; anything it throws other than
 * a {@link RulesError} (a throwing getter, a Proxy trap, a revoked Proxy)
 * becomes one, naming `path`.
 *
 * @param path - the field being read, e.g. `sessions.3`
 * @param read - reads the caller's value
 * @param code - the code of the error (default `INVALID_INPUT`)
 * @returns what `read` returned
 */
export function guarded<T>(path: string, read: () => T, code: RulesErrorCode = "INVALID_INPUT"): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof RulesError) throw error;
    throw unreadable(path, error, code);
  }
}

/** @internal The error for a caller's value that threw when it was read. */
export function unreadable(path: string, error: unknown, code: RulesErrorCode = "INVALID_INPUT"): RulesError {
  let why: string;
  try {
    why = error instanceof Error ? `${error.name}: ${error.message}` : describeValue(error);
  } catch {
    why = "an unprintable error";
  }
  if (why.length > 120) why = `${why.slice(0, 117)}...`;
  return new RulesError(code, `${path}: could not be read (reading it threw ${why}); pass plain data`, [
    { path, expected: "plain data that can be read", received: `a value whose reading threw ${why}` },
  ]);
}

/**
 * @internal Whether `Object.prototype` carries any of `keys` (a polluted
 * prototype): then plain objects must be read with own-property checks.
 */
export function prototypeCarries(keys: readonly string[]): boolean {
  for (const key of keys) if (key in Object.prototype) return true;
  return false;
}

/**
 * @internal The own properties `keys` of a caller's object, each read once,
 * into a fresh object without a prototype; a key that is not an own
 * property reads as `undefined`. Errors of reading become `RulesError`s.
 *
 * @param value - the caller's value, already known to be a non-null object
 * @param keys - the fields to read
 * @param path - where the object is, for errors
 * @returns the copy
 */
export function ownFields<K extends string>(value: object, keys: readonly K[], path: string): Partial<Record<K, unknown>> {
  return guarded(path, () => {
    const out = Object.create(null) as Partial<Record<K, unknown>>;
    for (const key of keys) {
      if (Object.hasOwn(value, key)) out[key] = (value as Record<K, unknown>)[key];
    }
    return out;
  });
}

/**
 * @internal A caller's array, copied once: its length read once and checked
 * against `max` before anything is allocated for it, each element read once;
 * a hole is `undefined` (the prototype chain is not consulted).
 *
 * @param value - the caller's value
 * @param path - its field, for errors
 * @param expected - what it must be, for errors
 * @param max - the most elements accepted
 * @returns a plain array of the elements
 */
export function ownElements(value: unknown, path: string, expected: string, max: number): unknown[] {
  const length = arrayLength(value, path, expected, max);
  const list = value as readonly unknown[];
  return guarded(path, () => {
    const out = new Array<unknown>(length);
    for (let i = 0; i < length; i++) out[i] = Object.hasOwn(list, i) ? list[i] : undefined;
    return out;
  });
}

/**
 * @internal The length of a caller's array, read once and checked against
 * `max`; anything but an array is an error.
 */
export function arrayLength(value: unknown, path: string, expected: string, max: number): number {
  const length = guarded(path, () => (Array.isArray(value) ? (value as readonly unknown[]).length : -1));
  if (length < 0) throw fieldError("INVALID_INPUT", path, expected, value);
  if (length > max) {
    throw fieldError("INVALID_INPUT", path, `at most ${max.toLocaleString("en-US").replaceAll(",", " ")} elements`, value);
  }
  return length;
}

/** The deepest a {@link plainCopy} goes: options and index series are shallow. */
const MAX_DEPTH = 8;
/** The most keys a {@link plainCopy} copies in all. */
const MAX_KEYS = 100_000;

/**
 * @internal A deep copy of small caller data (options, an index series, a
 * record of paid amounts) as plain JSON-like values: own enumerable string
 * keys of objects and arrays, each read once, primitives as they are,
 * `Decimal`s and other class instances kept as the object they are (they are
 * read once where they are used). Bounded in depth and size.
 *
 * @param value - the caller's value
 * @param path - its field, for errors
 * @returns the copy
 */
export function plainCopy(value: unknown, path: string): unknown {
  const budget = { keys: MAX_KEYS };
  return guarded(path, () => copyValue(value, path, 0, budget));
}

function copyValue(value: unknown, path: string, depth: number, budget: { keys: number }): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (depth > MAX_DEPTH) throw fieldError("INVALID_INPUT", path, `data nested at most ${MAX_DEPTH.toString()} levels deep`, value);
  if (Array.isArray(value)) {
    const list = value as readonly unknown[];
    const length = list.length;
    budget.keys -= length;
    if (budget.keys < 0) throw fieldError("INVALID_INPUT", path, `at most ${MAX_KEYS.toString()} values in all`, value);
    const out = new Array<unknown>(length);
    for (let i = 0; i < length; i++) out[i] = copyValue(Object.hasOwn(list, i) ? list[i] : undefined, `${path}.${i.toString()}`, depth + 1, budget);
    return out;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const keys = Object.keys(value);
  budget.keys -= keys.length;
  if (budget.keys < 0) throw fieldError("INVALID_INPUT", path, `at most ${MAX_KEYS.toString()} values in all`, value);
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const v = copyValue((value as Record<string, unknown>)[key], `${path}.${key}`, depth + 1, budget);
    // A key like "__proto__" is kept as data, never as the copy's prototype.
    Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/**
 * @internal An id as the package keeps it: surrounding white space trimmed
 * (`String.prototype.trim`) and Unicode NFC, so that `"S1 "` and `"S1"`, or
 * an "å" typed as one or two code points, are the same id. Plain printable
 * ASCII is returned as it is without the normalisation's cost.
 *
 * @param id - a string
 * @returns the normalised id
 */
export function normalizeId(id: string): string {
  return PLAIN_ID.test(id) ? id : id.trim().normalize("NFC");
}

/** Printable ASCII that starts and ends with a non-space: already normalised. */
const PLAIN_ID = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/;
