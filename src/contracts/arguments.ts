/**
 * Checks shared by everything that reads a commission's dates and options:
 * one of a few strings, integers and years, the start a text may not give,
 * and date comparisons. Below billing and deadlines, beside the contract
 * data. Not exported from the package.
 *
 * @module
 */
import { compareDates, parseLocalDate, type LocalDate } from "../calendar/index.js";
import { fieldError, RulesError } from "../errors.js";
import type { Contract } from "./schema.js";

/** Validates one of a few strings; `undefined` gives `fallback` (when there is one). */
export function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string, fallback?: T): T {
  if (value === undefined && fallback !== undefined) return fallback;
  if ((allowed as readonly unknown[]).includes(value)) return value as T;
  throw fieldError("INVALID_ARGUMENT", field, `one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`, value);
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
