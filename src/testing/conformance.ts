/**
 * Comparing an answer with a case's expected figures. The rules, the same
 * for every implementation and documented in docs/testing.md:
 *
 * - an expected object is a subset: each of its keys must be in the answer
 *   and match; keys of the answer not expected are not looked at;
 * - an expected list matches a list of the same length, item by item, in
 *   order; except the lists a kind keys (a year's `reconciliation` by
 *   `quarter`, its `capUsage` by `month`), where each expected item must
 *   match the answer's item with the same key;
 * - two decimal strings match when they are the same number (`"10"` and
 *   `"10.00"`), compared digit by digit, never as floats;
 * - an expected number where the answer has a list counts it (`warnings: 0`);
 * - in a `warnings` list, an expected text matches a warning that contains it;
 * - anything else must be equal (`===`).
 *
 * @module
 */
import type { CaseKind, JsonValue } from "./cases.js";

/**
 * One place where an answer differs from what was expected.
 *
 * @example
 * ```ts
 * const d: Difference = { path: "lines.1.amount", expected: "756.25", actual: "756.00" };
 * ```
 */
export interface Difference {
  /** Where, as a dotted path into the expected figures (`""` for the whole). */
  path: string;
  /** What was expected there (JSON). */
  expected: JsonValue;
  /** What the answer has there (JSON), or `undefined` when it has nothing. */
  actual: JsonValue | undefined;
  /** Why they differ, when equality is not the rule (a count, a text to contain). */
  note?: string;
}

/** Lists a kind matches by a key field rather than by place. */
const KEYED: Readonly<Partial<Record<CaseKind, Readonly<Record<string, string>>>>> = {
  "statement-year": { reconciliation: "quarter", capUsage: "month" },
};

const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * Compares an answer with a case's expected figures.
 *
 * @param kind - the case's kind (it decides which lists are keyed)
 * @param expected - the expected figures of the case
 * @param actual - the answer (parsed JSON)
 * @returns every difference; none when the answer passes
 * @example
 * ```ts
 * compareAnswer("statement", { total: "10" }, { total: "10.00", lines: [] }); //=> []
 * compareAnswer("statement", { total: "10" }, { total: "10.01" });
 * //=> [{ path: "total", expected: "10", actual: "10.01" }]
 * ```
 */
export function compareAnswer(kind: CaseKind, expected: JsonValue, actual: JsonValue | undefined): Difference[] {
  const out: Difference[] = [];
  compare(expected, actual, "", KEYED[kind] ?? {}, out);
  return out;
}

/**
 * Whether two JSON values are the same decimal number, for decimal strings;
 * else whether they are equal.
 *
 * @param expected - the expected value
 * @param actual - the answer's value
 * @returns whether they match
 * @example
 * ```ts
 * sameValue("10", "10.00"); //=> true
 * sameValue("0.1", 0.1);    //=> false (money is never a float)
 * ```
 */
export function sameValue(expected: JsonValue | undefined, actual: JsonValue | undefined): boolean {
  if (typeof expected === "string" && typeof actual === "string" && DECIMAL.test(expected) && DECIMAL.test(actual)) {
    return canonical(expected) === canonical(actual);
  }
  return expected === actual;
}

/** A decimal string written one way: no leading zeros, no trailing decimal zeros, no sign on zero. */
function canonical(value: string): string {
  const negative = value.startsWith("-");
  const [whole = "", fraction = ""] = (negative ? value.slice(1) : value).split(".");
  const digits = `${whole.replace(/^0+(?=\d)/, "")}${fraction.replace(/0+$/, "") === "" ? "" : `.${fraction.replace(/0+$/, "")}`}`;
  return negative && digits !== "0" ? `-${digits}` : digits;
}

const isObject = (v: JsonValue | undefined): v is { [key: string]: JsonValue } => typeof v === "object" && v !== null && !Array.isArray(v);
const join = (path: string, key: string | number): string => (path === "" ? String(key) : `${path}.${String(key)}`);

function compare(expected: JsonValue, actual: JsonValue | undefined, path: string, keyed: Readonly<Record<string, string>>, out: Difference[]): void {
  const name = path.split(".").at(-1) ?? "";
  if (isObject(expected)) {
    if (!isObject(actual)) {
      out.push({ path, expected, actual });
      return;
    }
    for (const [key, value] of Object.entries(expected)) {
      if (!Object.hasOwn(actual, key)) out.push({ path: join(path, key), expected: value, actual: undefined, note: "missing from the answer" });
      else compare(value, actual[key], join(path, key), keyed, out);
    }
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) {
      out.push({ path, expected, actual });
      return;
    }
    const key = keyed[name];
    if (key !== undefined) {
      expected.forEach((item, i) => {
        const want = isObject(item) ? item[key] : undefined;
        const found = actual.find((a) => isObject(a) && sameValue(want, a[key]));
        if (found === undefined) out.push({ path: join(path, i), expected: item, actual: undefined, note: `no item with ${key} ${JSON.stringify(want)}` });
        else compare(item, found, join(path, i), keyed, out);
      });
      return;
    }
    if (expected.length !== actual.length) {
      out.push({ path, expected, actual, note: `${expected.length.toString()} items expected, ${actual.length.toString()} given` });
      return;
    }
    expected.forEach((item, i) => {
      if (name === "warnings" && typeof item === "string") {
        const got = actual[i];
        if (typeof got !== "string" || !got.includes(item)) out.push({ path: join(path, i), expected: item, actual: got, note: "a warning containing the text" });
      } else compare(item, actual[i], join(path, i), keyed, out);
    });
    return;
  }
  if (typeof expected === "number" && Array.isArray(actual)) {
    if (actual.length !== expected) out.push({ path, expected, actual, note: `${expected.toString()} items expected, ${actual.length.toString()} given` });
    return;
  }
  if (!sameValue(expected, actual)) out.push({ path, expected, actual });
}

/**
 * A difference for a person: `lines.1.amount: expected "756.25", got "756.00"`.
 *
 * @param d - the difference
 * @returns one line of text
 * @example
 * ```ts
 * describeDifference({ path: "total", expected: "10", actual: "10.01" }); //=> 'total: expected "10", got "10.01"'
 * ```
 */
export function describeDifference(d: Difference): string {
  const show = (v: JsonValue | undefined): string => {
    if (v === undefined) return "nothing";
    const text = JSON.stringify(v);
    return text.length > 200 ? `${text.slice(0, 197)}...` : text;
  };
  return `${d.path === "" ? "(the answer)" : d.path}: expected ${show(d.expected)}, got ${show(d.actual)}${d.note === undefined ? "" : ` (${d.note})`}`;
}
