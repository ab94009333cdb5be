/**
 * What a robust call looks like, as functions the fuzzing runner and the
 * other robustness tests share: results without NaN, infinite Decimals or
 * missing money; inputs unchanged; only `RulesError`s thrown.
 *
 * @module
 */
import { Decimal, RulesError } from "../../src/index.js";
import { CallerError } from "./arbitraries.js";

/** Keys whose value is money or a quantity: never `undefined` in a result. */
const FIGURE_KEYS = new Set([
  "amount",
  "total",
  "notPayable",
  "feesOwedToPurchaser",
  "unitPrice",
  "quantity",
  "due",
  "paid",
  "difference",
  "revised",
  "clientHours",
  "groupHours",
  "capHours",
  "baseHours",
  "usedBefore",
  "usedInMonth",
  "overInMonth",
  "remaining",
  "ore",
]);

/** Words that betray a bug when they appear in a result's text but not in its input. */
const SUSPECT_WORDS = ["NaN", "undefined", "[object Object]", "Infinity"];

/** Every object reachable from a value (to depth 50). */
export function objectsOf(value: unknown, out = new Set<unknown>(), depth = 0): Set<unknown> {
  if (typeof value !== "object" || value === null || out.has(value) || depth > 50) return out;
  out.add(value);
  try {
    for (const key of Reflect.ownKeys(value)) {
      const d = Object.getOwnPropertyDescriptor(value, key);
      if (d !== undefined && "value" in d) objectsOf(d.value, out, depth + 1);
    }
  } catch {
    // an exotic object
  }
  return out;
}

/** Every string inside a value (keys included), for telling echoed input from invented text. */
export function stringsOf(value: unknown, out = new Set<string>(), seen = new Set<unknown>(), depth = 0): Set<string> {
  if (typeof value === "string") {
    out.add(value);
    return out;
  }
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean" || value === undefined || value === null) {
    out.add(String(value));
    return out;
  }
  if (typeof value !== "object" || seen.has(value) || depth > 50) return out;
  seen.add(value);
  try {
    if (Decimal.isDecimal(value)) {
      out.add(value.toString());
      return out;
    }
    if (value instanceof Map || value instanceof Set) {
      for (const item of value instanceof Map ? [...value.keys(), ...value.values()] : [...value]) stringsOf(item, out, seen, depth + 1);
      return out;
    }
    for (const key of Reflect.ownKeys(value)) {
      if (typeof key === "string") out.add(key);
      const d = Object.getOwnPropertyDescriptor(value, key);
      if (d !== undefined && "value" in d) stringsOf(d.value, out, seen, depth + 1);
    }
  } catch {
    // a proxy or exotic object: its strings are not needed
  }
  return out;
}

/**
 * What is wrong with a result: a NaN, an infinite or NaN Decimal, a money
 * key holding `undefined`, a text with "NaN"/"undefined" the input did not
 * contain. The caller's own objects, returned as they were, are not looked
 * into. Empty when nothing is.
 */
export function resultProblems(result: unknown, inputText: ReadonlySet<string>, inputObjects: ReadonlySet<unknown> = new Set()): string[] {
  const problems: string[] = [];
  // The caller's own objects, handed back (e.g. a field of an error), are not the package's invention.
  const seen = new Set<unknown>(inputObjects);
  const suspicious = SUSPECT_WORDS.filter((w) => ![...inputText].some((s) => s.includes(w)));
  const walk = (v: unknown, path: string, depth: number): void => {
    if (problems.length > 5 || depth > 60) return;
    if (typeof v === "number") {
      if (Number.isNaN(v)) problems.push(`${path} is NaN`);
      return;
    }
    if (typeof v === "string") {
      for (const w of suspicious) if (v.includes(w)) problems.push(`${path} says "${w}": ${JSON.stringify(v.slice(0, 120))}`);
      return;
    }
    if (typeof v !== "object" || v === null || seen.has(v)) return;
    seen.add(v);
    if (Decimal.isDecimal(v)) {
      const d = v;
      if (!d.isFinite()) problems.push(`${path} is the Decimal ${d.toString()}`);
      return;
    }
    if (v instanceof Map) {
      for (const [k, item] of v) walk(item, `${path}.${String(k)}`, depth + 1);
      return;
    }
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) walk(v[i], `${path}.${i.toString()}`, depth + 1);
      return;
    }
    for (const key of Object.keys(v)) {
      const item = (v as Record<string, unknown>)[key];
      if (item === undefined && FIGURE_KEYS.has(key)) problems.push(`${path}.${key} is undefined`);
      walk(item, `${path}.${key}`, depth + 1);
    }
  };
  walk(result, "result", 0);
  return problems;
}

/**
 * A canonical text of a value, for comparing it before and after a call:
 * every own property (symbols too, holes kept), -0, NaN and invalid dates,
 * Map and Set contents, typed arrays' bytes, prototypes by name, and whether
 * each object is frozen or extensible (a library that freezes its caller's
 * object has changed it). Functions and symbols by identity, cycles by
 * position. (Not `structuredClone` plus a deep-equal: a clone drops
 * functions and symbols, and `isDeepStrictEqual` finds two invalid dates
 * unequal and overflows the stack on 2 000-deep nesting.)
 */
export function snapshot(value: unknown): string {
  const seen = new Map<unknown, number>();
  const symbols = new Map<unknown, number>();
  const identity = (v: unknown): number => {
    let n = symbols.get(v);
    if (n === undefined) {
      n = symbols.size;
      symbols.set(v, n);
    }
    return n;
  };
  const out: string[] = [];
  const write = (v: unknown, depth: number): void => {
    if (typeof v === "number") out.push(Object.is(v, -0) ? "-0" : String(v));
    else if (typeof v === "string") out.push(JSON.stringify(v));
    else if (typeof v === "bigint") out.push(`${v.toString()}n`);
    else if (typeof v === "function" || typeof v === "symbol") out.push(`<${typeof v} ${identity(v).toString()}>`);
    else if (typeof v !== "object" || v === null) out.push(String(v));
    else {
      const at = seen.get(v);
      if (at !== undefined) {
        out.push(`<cycle ${at.toString()}>`);
        return;
      }
      if (depth > 5000) {
        out.push("<deep>");
        return;
      }
      seen.set(v, seen.size);
      try {
        const proto = Object.getPrototypeOf(v) as { constructor?: { name?: string } } | null;
        out.push(`${proto === null ? "null" : (proto.constructor?.name ?? "?")}${Object.isFrozen(v) ? "!" : Object.isExtensible(v) ? "" : "~"}{`);
        if (v instanceof Date) out.push(`time=${String(v.getTime())};`);
        if (ArrayBuffer.isView(v)) out.push(`bytes=${Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("hex")};`);
        if (v instanceof Map) {
          out.push("entries=");
          write([...v], depth + 1);
        }
        if (v instanceof Set) {
          out.push("values=");
          write([...v], depth + 1);
        }
        for (const key of Reflect.ownKeys(v)) {
          const d = Object.getOwnPropertyDescriptor(v, key);
          if (d === undefined) continue;
          out.push(typeof key === "symbol" ? `<symbol ${identity(key).toString()}>` : JSON.stringify(key), d.writable === false ? ":=" : ":");
          if ("value" in d) write(d.value, depth + 1);
          else out.push(`<get ${identity(Reflect.get(d, "get")).toString()} set ${identity(Reflect.get(d, "set")).toString()}>`);
          out.push(",");
        }
        out.push("}");
      } catch {
        out.push("<exotic>}");
      }
    }
  };
  write(value, 0);
  return out.join("");
}

/** Whether two snapshots are the same. */
export function sameSnapshot(a: string, b: string): boolean {
  return a === b;
}

/** Freezes a value and everything reachable from it (not Maps' or typed arrays' contents, which cannot be frozen). */
export function deepFreeze<T>(value: T, seen = new Set<unknown>()): T {
  if (typeof value !== "object" || value === null || seen.has(value)) return value;
  seen.add(value);
  if (ArrayBuffer.isView(value)) return value;
  try {
    for (const key of Reflect.ownKeys(value)) {
      const d = Object.getOwnPropertyDescriptor(value, key);
      if (d !== undefined && "value" in d) deepFreeze(d.value, seen);
    }
    Object.freeze(value);
  } catch {
    // a proxy may refuse
  }
  return value;
}

/** How a call ended. */
export type Outcome = { kind: "returned"; value: unknown; ms: number } | { kind: "threw"; error: unknown; ms: number };

/** Calls `fn` with `args` (with `new` when asked), timing it. */
export function call(fn: (...a: unknown[]) => unknown, args: readonly unknown[], construct = false): Outcome {
  const t0 = performance.now();
  try {
    const value = construct ? Reflect.construct(fn, args) : fn(...args);
    return { kind: "returned", value, ms: performance.now() - t0 };
  } catch (error) {
    return { kind: "threw", error, ms: performance.now() - t0 };
  }
}

/** A thrown value, for a person to read. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message.slice(0, 300)}${error.stack === undefined ? "" : `\n${error.stack.split("\n").slice(1, 6).join("\n")}`}`;
  return `a thrown ${typeof error}: ${String(error)}`;
}

/**
 * What is wrong with a thrown error: anything that is not a well-formed
 * RulesError, except the caller's own error passed on (a getter of the
 * input that throws).
 */
export function errorProblem(error: unknown): string | undefined {
  if (error instanceof CallerError) return undefined;
  if (!(error instanceof RulesError)) return `threw ${describeError(error)}`;
  if (typeof error.code !== "string" || error.code.length === 0) return "a RulesError without a code";
  if (typeof error.message !== "string" || error.message === "") return "a RulesError without a message";
  if (!Array.isArray(error.issues)) return "a RulesError whose issues are not a list";
  return undefined;
}
