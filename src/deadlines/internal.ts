/**
 * Helpers shared by the deadline rules: checking options, resolving a start
 * date the text does not give, and the roll-forward choice. Not exported
 * from the package.
 *
 * @module
 */
import { nextWorkday, type LocalDate } from "../calendar/index.js";
import { oneOf } from "../contracts/arguments.js";

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

export { checkYear, integerIn, oneOf, overlaps, resolveStart } from "../contracts/arguments.js";

/** Validates a {@link RollRule}, defaulting to `'none'`. */
export function parseRoll(value: unknown, field: string): RollRule {
  return oneOf(value, ["none", "next-workday"], field, "none");
}

/** Applies a {@link RollRule} to a nominal date. */
export function roll(date: LocalDate, rule: RollRule): LocalDate {
  return rule === "next-workday" ? nextWorkday(date) : date;
}
