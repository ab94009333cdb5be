/**
 * Billable time (*debiterbar tid*), SON 2021-233 §1.2: every started quarter
 * hour.
 *
 * @module
 */
import { fieldError } from "../errors.js";
import type { Decimal } from "../money/index.js";
import { quartersOf, ratio } from "./units.js";

/**
 * Where started quarter hours are rounded up — a choice the text leaves
 * open (docs/billing.md):
 * - `'per-session'` (default): each performed contact is rounded up to whole
 *   quarter hours on its own;
 * - `'per-month-per-case'`: a case's minutes of the month are summed and the
 *   sum rounded up once (sessions then need a `caseId`).
 *
 * @example
 * ```ts
 * const rounding: QuarterRounding = "per-month-per-case";
 * ```
 */
export type QuarterRounding = "per-session" | "per-month-per-case";

/**
 * The billable hours of a session of `minutes` minutes: every started
 * quarter hour counts as a quarter of an hour, ⌈minutes / 15⌉ / 4.
 *
 * Implements SON 2021-233 §1.2: *"Debiterbar tid räknas i timmar där en timme
 * är 60 minuter. För utförd tid som över- eller understiger hel klocktimme om
 * 60 minuter utgår en fjärdedels timersättning för varje påbörjad kvart."*
 * Read as: the time is counted in started quarter hours, so 50 minutes are
 * 4 quarters (1.00 h) and 61 minutes 5 quarters (1.25 h); 0 minutes are 0
 * hours. The count is an integer of quarters inside, so the result is always
 * exact. Rounding per session is the default of {@link statement}; see
 * {@link QuarterRounding} for the alternative.
 *
 * @param minutes - the performed time in whole minutes, a non-negative safe integer
 * @returns the billable hours, a multiple of 0.25
 * @throws {@link RulesError} `INVALID_ARGUMENT` when `minutes` is not a non-negative safe integer
 * @example
 * ```ts
 * billableHours(50).toFixed(2); //=> "1.00"
 * billableHours(61).toFixed(2); //=> "1.25"
 * billableHours(61).times(605).toFixed(2); //=> "756.25"
 * billableHours(-5); // throws RulesError INVALID_ARGUMENT
 * ```
 */
export function billableHours(minutes: number): Decimal {
  if (typeof minutes !== "number" || !Number.isSafeInteger(minutes) || minutes < 0) {
    throw fieldError("INVALID_ARGUMENT", "minutes", "a non-negative integer number of minutes", minutes);
  }
  return ratio(quartersOf(minutes), 4);
}
