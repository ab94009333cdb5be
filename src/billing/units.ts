/**
 * Internal units of the billing engine. Time is counted in integer *ticks*
 * of 1/6000 hour (1/100 minute), so that a started quarter hour (1 500
 * ticks), a minute (100 ticks) and a hundredth of an hour (60 ticks) are all
 * whole numbers, and a cap, a call-off and a session can be compared without
 * a float. Money stays in integer öre (see `src/money`). Decimals are built
 * only here (for hours, which are not money) and in `src/money`.
 *
 * Not exported from the package.
 *
 * @module
 */
import { fieldError, RulesError } from "../errors.js";
import { divideRound, type Decimal } from "../money/index.js";
import { quotient } from "../money/money.js";

/** Ticks in one hour: 60 minutes × 100. */
export const TICKS_PER_HOUR = 6000;
/** Ticks in one minute. */
export const TICKS_PER_MINUTE = 100;
/** Ticks in a quarter hour. */
export const TICKS_PER_QUARTER = 1500;
/** Minutes in a quarter hour. */
export const MINUTES_PER_QUARTER = 15;
/** A session can last no longer than a (leap) year: 366 × 24 × 60 minutes. */
export const MAX_SESSION_MINUTES = 527_040;

const HOURS_PATTERN = /^(0|[1-9]\d{0,8})(\.\d{1,2})?$/;

/**
 * Started quarter hours in `minutes`: ⌈minutes / 15⌉, exact for any safe integer.
 */
export function quartersOf(minutes: number): number {
  const q = Math.floor(minutes / MINUTES_PER_QUARTER);
  return q * MINUTES_PER_QUARTER === minutes ? q : q + 1;
}

/** Hours as a Decimal from ticks: exact when the quotient terminates (every whole quarter, minute multiple of 3), else to 40 significant digits. */
export function hoursOfTicks(ticks: number): Decimal {
  return quotient(ticks, TICKS_PER_HOUR);
}

/** A quantity `numerator / denominator` as a Decimal (not money: hours, days, months). */
export function ratio(numerator: number, denominator: number): Decimal {
  return quotient(numerator, denominator);
}

/** Hours as a plain decimal string from ticks (exact when terminating). */
export function hoursText(ticks: number): string {
  return hoursOfTicks(ticks).toString();
}

/**
 * Reads hours given as a decimal string or number with at most two decimals
 * (`"2590"`, `"12.5"`, `40`) into ticks.
 */
export function hoursToTicks(value: unknown, path: string, code: "INVALID_INPUT" | "INVALID_ARGUMENT" = "INVALID_INPUT"): number {
  const expected = 'hours as a string or number with at most two decimals, e.g. "40" or "12.5"';
  let text: string;
  if (typeof value === "string") text = value;
  else if (typeof value === "number" && Number.isFinite(value)) text = String(value);
  else throw fieldError(code, path, expected, value);
  if (!HOURS_PATTERN.test(text)) throw fieldError(code, path, expected, value);
  const [whole = "0", fraction = ""] = text.split(".");
  const hundredths = Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  return hundredths * (TICKS_PER_HOUR / 100);
}

/** Money for `ticks` of time at `oreHourNumerator / oreHourDenominator` öre an hour, rounded half-up once. */
export function amountOfTicks(ticks: number, priceNumerator: number, priceDenominator = 1): number {
  const n = BigInt(ticks) * BigInt(priceNumerator);
  const d = BigInt(TICKS_PER_HOUR) * BigInt(priceDenominator);
  return divideRound(n, d, "half-up");
}

/** Throws an OVERFLOW error when a sum left the safe integers. */
export function assertSafe(value: number, what: string): number {
  if (!Number.isSafeInteger(value)) throw new RulesError("OVERFLOW", `${what} left the exact integer range`);
  return value;
}
