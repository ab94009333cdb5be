/**
 * Helpers shared by the deadline rules: checking options, resolving a start
 * date the text does not give, and the roll-forward choice. Not exported
 * from the package.
 *
 * @module
 */
import { compareDates, nextWorkday, parseLocalDate, type LocalDate } from "../calendar/index.js";
import type { Contract } from "../contracts/schema.js";
import { fieldError, RulesError } from "../errors.js";

/**
 * How a deadline that falls on a Saturday, Sunday or holiday is treated:
 * `'none'` keeps the contract's date (and says whether it is a workday);
 * `'next-workday'` moves it to the next workday, as lag (1930:173) om
 * beräkning av lagstadgad tid §2 does for a statutory period.
 *
 * @example
 * ```ts
 * const roll: RollRule = "next-workday";
 * ```
 */
export type RollRule = "none" | "next-workday";

/** The options argument: `undefined` is `{}`, an object itself, anything else an error (shared with the rest of the package). */
export { optionsOf as optionsObject } from "../errors.js";

/** Validates one of a few strings; `undefined` gives `fallback` (when there is one). */
export function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string, fallback?: T): T {
  if (value === undefined && fallback !== undefined) return fallback;
  if ((allowed as readonly unknown[]).includes(value)) return value as T;
  throw fieldError("INVALID_ARGUMENT", field, `one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`, value);
}

/** Validates a {@link RollRule}, defaulting to `'none'`. */
export function parseRoll(value: unknown, field: string): RollRule {
  return oneOf(value, ["none", "next-workday"], field, "none");
}

/** Applies a {@link RollRule} to a nominal date. */
export function roll(date: LocalDate, rule: RollRule): LocalDate {
  return rule === "next-workday" ? nextWorkday(date) : date;
}

/** Validates an integer in [min, max]. */
export function integerIn(value: unknown, min: number, max: number, field: string): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < min || value > max) {
    throw fieldError("INVALID_ARGUMENT", field, `an integer ${min.toString()}-${max.toString()}`, value);
  }
  return value;
}

/** Validates a calendar year 1000–9999. */
export function checkYear(value: unknown, field = "year"): number {
  return integerIn(value, 1000, 9999, field);
}

/**
 * The commission's start: the contract's own date, or, where the text gives
 * none (`'unknown'`, SON 2019-755), the caller's `start`.
 *
 * @throws RulesError `UNKNOWN_START` when neither is known; `INVALID_ARGUMENT`
 *   when the caller's start contradicts the contract's
 */
export function resolveStart(contract: Contract, start: unknown, field: string): LocalDate {
  const own = contract.term.start;
  if (start === undefined) {
    if (own === "unknown") {
      throw new RulesError(
        "UNKNOWN_START",
        `${contract.id}: the text gives no start date (${contract.term.clause}); pass ${field} as "YYYY-MM-DD"`,
        [{ path: field, expected: "the commission's start date YYYY-MM-DD", received: "undefined" }],
      );
    }
    return own;
  }
  const given = parseLocalDate(start, field);
  if (own !== "unknown" && own !== given) {
    throw fieldError("INVALID_ARGUMENT", field, `nothing, or the contract's own start ${own} (${contract.term.clause})`, start);
  }
  return given;
}

/** Whether the term [start, end] (end null = open) overlaps [from, to]. */
export function overlaps(start: LocalDate, end: LocalDate | null, from: LocalDate, to: LocalDate): boolean {
  return compareDates(start, to) <= 0 && (end === null || compareDates(end, from) >= 0);
}

/** The earlier of two dates. */
export function earlier(a: LocalDate, b: LocalDate): LocalDate {
  return compareDates(a, b) <= 0 ? a : b;
}

/** The later of two dates. */
export function later(a: LocalDate, b: LocalDate): LocalDate {
  return compareDates(a, b) >= 0 ? a : b;
}
