/**
 * The stable error codes of the package. A code never changes meaning once
 * published; new codes may be added.
 *
 * @example
 * ```ts
 * import { RulesError } from "verksamhetsuppdrag";
 * try { parseLocalDate("2024-02-30", "date"); } catch (e) {
 *   if (e instanceof RulesError) console.log(e.code); //=> "INVALID_DATE"
 * }
 * ```
 */
export type RulesErrorCode =
  | "INVALID_MONEY"
  | "INVALID_DATE"
  | "INVALID_ARGUMENT"
  | "INVALID_CONTRACT"
  | "INVALID_INPUT"
  | "MISSING_INDEX"
  | "INDEX_MISMATCH"
  | "OUTSIDE_TERM"
  | "UNKNOWN_START"
  | "DUPLICATE_ID"
  | "CALL_OFF_NOT_WRITTEN"
  | "NOTICE_NOT_WRITTEN"
  | "NOT_IN_CONTRACT"
  | "EXTENSION_NOT_ALLOWED"
  | "GROUP_RULE_NOT_MET"
  | "OVERFLOW"
  | "INVALID_POSTING"
  | "NOT_ENCODABLE";

/**
 * One problem with one field of an input: where it is, what was expected and
 * what was received.
 *
 * @example
 * ```ts
 * const issue: RulesIssue = { path: "compensation.rate", expected: "money with at most two decimals", received: "\"12,5\"" };
 * ```
 */
export interface RulesIssue {
  /** Dotted path to the field, e.g. `"compensation.rate"` or `"sessions.3.minutes"`. */
  path: string;
  /** What the field must be. */
  expected: string;
  /** What it was, rendered for a person to read. */
  received: string;
}

/**
 * The one error class the package throws. Every error has a stable
 * {@link RulesErrorCode | code}; input errors also list their {@link RulesIssue | issues}.
 *
 * @example
 * ```ts
 * import { RulesError, billableHours } from "verksamhetsuppdrag";
 * try { billableHours(-5); } catch (e) {
 *   e instanceof RulesError; //=> true
 *   (e as RulesError).code;   //=> "INVALID_ARGUMENT"
 * }
 * ```
 */
export class RulesError extends Error {
  /** Stable machine-readable code. */
  readonly code: RulesErrorCode;
  /** The bad fields, when the error is about input: at most {@link MAX_ISSUES}, in the order found. */
  readonly issues: readonly RulesIssue[];
  /** How many more bad fields there were beyond those in {@link RulesError.issues} (0 when all are listed). */
  readonly moreIssues: number;

  /**
   * @param code - the stable code
   * @param message - a sentence for a person: the field, the value and what was expected (cut at {@link MAX_MESSAGE_LENGTH} characters)
   * @param issues - the bad fields, if any (only the first {@link MAX_ISSUES} are kept; the rest are counted in `moreIssues`)
   * @param moreIssues - bad fields known beyond `issues` and not listed (e.g. of an error being re-thrown)
   */
  constructor(code: RulesErrorCode, message: string, issues: readonly RulesIssue[] = [], moreIssues = 0) {
    // Never let a bad message or issue list turn the error itself into a TypeError.
    super(boundedMessage(typeof message === "string" ? message : describeValue(message)));
    this.name = "RulesError";
    // A code that is not text (a caller's mistake) still leaves a string code.
    this.code = typeof code === "string" ? code : "INVALID_ARGUMENT";
    const list = Array.isArray(issues) ? issues : [];
    this.issues = list.length > MAX_ISSUES ? list.slice(0, MAX_ISSUES) : list;
    this.moreIssues = list.length - this.issues.length + (Number.isSafeInteger(moreIssues) && moreIssues > 0 ? moreIssues : 0);
    Object.defineProperty(this, BRAND, { value: true });
  }

  /**
   * Whether `value` is a `RulesError` of this package — also one thrown by
   * another copy of it: the CommonJS and the ESM build loaded side by side
   * (the "dual package hazard"), or two installed versions. `instanceof
   * RulesError` answers the same, for the same reason: both check a brand
   * (`Symbol.for("verksamhetsuppdrag.RulesError")`), not the class.
   *
   * @param value - anything caught
   * @returns `true` for a RulesError of any copy of the package
   * @example
   * ```ts
   * try { billableHours(-5); } catch (e) {
   *   RulesError.is(e); //=> true
   * }
   * RulesError.is(new Error("x")); //=> false
   * ```
   */
  static is(value: unknown): value is RulesError {
    try {
      return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
    } catch {
      return false;
    }
  }

  /**
   * `x instanceof RulesError` checks the brand (see {@link RulesError.is}),
   * so it holds across the package's CommonJS and ESM builds.
   *
   * @param value - the left side of `instanceof`
   * @returns whether it is a RulesError of any copy of the package
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return RulesError.is(value);
  }
}

/** The brand every RulesError carries, shared by every copy of the package. */
const BRAND = Symbol.for("verksamhetsuppdrag.RulesError");

/**
 * The most issues a {@link RulesError} lists; the rest are counted in
 * `moreIssues`, so a contract with ten million bad elements cannot make an
 * error of ten million entries.
 *
 * @example
 * ```ts
 * MAX_ISSUES; //=> 100
 * ```
 */
export const MAX_ISSUES = 100;

/**
 * The longest message a {@link RulesError} carries, in characters; a longer
 * one is cut and says how much was left out.
 *
 * @example
 * ```ts
 * MAX_MESSAGE_LENGTH; //=> 2000
 * ```
 */
export const MAX_MESSAGE_LENGTH = 2000;

function boundedMessage(message: string): string {
  if (message.length <= MAX_MESSAGE_LENGTH) return message;
  let cut = MAX_MESSAGE_LENGTH - 40;
  // Never cut a surrogate pair in two.
  const code = message.charCodeAt(cut);
  if (code >= 0xdc00 && code <= 0xdfff) cut--;
  return `${message.slice(0, cut)}… (${(message.length - cut).toString()} more characters)`;
}

/** How much of a long string {@link describeValue} quotes before cutting it at 57 characters: enough, since every character quotes as 1 to 6. */
const DESCRIBED_PREFIX = 100;

/**
 * Renders any received value for an error message: short, safe, never throws.
 *
 * @param value - what the caller passed
 * @returns a readable description, at most about 60 characters
 * @example
 * ```ts
 * describeValue("12,5"); //=> "\"12,5\""
 * describeValue(NaN);    //=> "NaN"
 * ```
 */
export function describeValue(value: unknown): string {
  let text: string;
  try {
    // Only the start is shown: quoting a string of 50 million characters in full would copy it to cut it.
    if (typeof value === "string") text = JSON.stringify(value.length > DESCRIBED_PREFIX ? value.slice(0, DESCRIBED_PREFIX) : value);
    else if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") text = String(value);
    else if (value === undefined) text = "undefined";
    else if (value === null) text = "null";
    else if (typeof value === "symbol" || typeof value === "function") text = typeof value;
    else if (Array.isArray(value)) text = `an array of ${value.length.toString()}`;
    else text = "an object";
  } catch {
    text = "an unprintable value";
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * Builds a {@link RulesError} for one bad field, with a message naming the
 * field, the value and what was expected.
 *
 * @param code - the error code
 * @param path - the field
 * @param expected - what it must be
 * @param value - what it was
 * @returns the error, to be thrown by the caller
 * @example
 * ```ts
 * throw fieldError("INVALID_ARGUMENT", "minutes", "a non-negative integer", -5);
 * // RulesError: minutes: expected a non-negative integer, received -5
 * ```
 */
export function fieldError(code: RulesErrorCode, path: string, expected: string, value: unknown): RulesError {
  path = fieldText(path, "value");
  expected = fieldText(expected, "a valid value");
  const received = describeValue(value);
  return new RulesError(code, `${path}: expected ${expected}, received ${received}`, [{ path, expected, received }]);
}

/**
 * A field name given by a caller, as text: the name itself when it is a
 * string, else `fallback`. Keeps a bad optional `field` argument from turning
 * an error message into a TypeError.
 *
 * @internal
 * @param field - the caller's field name
 * @param fallback - the name to use otherwise
 * @returns the field name
 */
export function fieldText(field: unknown, fallback: string): string {
  return typeof field === "string" ? field : fallback;
}

/**
 * Reads an optional options argument: `undefined` is `{}`, an object is
 * itself, anything else (null, a number, a string) is an error naming it.
 *
 * @internal
 * @param value - the caller's options
 * @param field - the argument's name, for the message
 * @returns the options object
 */
export function optionsOf<T extends object>(value: T | undefined, field = "options"): Partial<T> {
  const v: unknown = value;
  if (v === undefined) return {};
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw fieldError("INVALID_ARGUMENT", field, "an options object, or nothing", v);
  return v;
}
