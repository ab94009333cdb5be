/**
 * Money, behind one door. Inside the package an amount is a safe integer of
 * öre (1/100 krona); it is created from input here, rounded here, split here
 * and turned back into a {@link Decimal} of kronor here. No other module
 * rounds, calls `toFixed`, or builds a `Decimal` on its own.
 */
import { fieldError, RulesError, optionsOf } from "../errors.js";
import { Exact, published, type Decimal } from "./decimal.js";

type DecimalRounding = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

/**
 * An amount of money as the package accepts it: a `Decimal` (from any copy of
 * decimal.js), a string like `"1827000"` or `"605.00"`, or a number with at
 * most two decimals. Commas, spaces, more than two decimals, NaN and
 * Infinity are rejected.
 *
 * @example
 * ```ts
 * const a: MoneyInput = "1827000.00";
 * const b: MoneyInput = 605;
 * const c: MoneyInput = new Decimal("341107");
 * ```
 */
export type MoneyInput = Decimal | string | number;

/**
 * How a figure that falls between two öre is rounded.
 * - `half-up`: to the nearest öre, halves away from zero (the default: how
 *   Swedish accounts round);
 * - `half-even`: to the nearest öre, halves to the even öre (banker's rounding);
 * - `down`: towards zero (truncation);
 * - `up`: away from zero.
 *
 * @example
 * ```ts
 * const mode: RoundingMode = "half-up";
 * ```
 */
export type RoundingMode = "half-up" | "half-even" | "down" | "up";

/**
 * The rounding modes, for validation and documentation.
 *
 * @example
 * ```ts
 * ROUNDING_MODES.includes("half-up"); //=> true
 * ```
 */
export const ROUNDING_MODES: readonly RoundingMode[] = /* @__PURE__ */ Object.freeze(["half-up", "half-even", "down", "up"]);

const MONEY_PATTERN = /^-?(0|[1-9]\d*)(\.\d{1,2})?$/;
const EXPECTED_MONEY = 'money in kronor with at most two decimals (a Decimal, a string like "605.00", or a number like 605.5)';

/**
 * Reads an amount of money exactly, as integer öre.
 *
 * @param value - the amount in kronor
 * @param field - the name of the field, for the error message
 * @returns the amount in öre, a safe integer
 * @throws {@link RulesError} `INVALID_MONEY` for anything that is not exact money
 * @example
 * ```ts
 * toOre("605.00", "rate");  //=> 60500
 * toOre(1827000, "amount"); //=> 182700000
 * toOre(0.1 + 0.2, "x");    // throws RulesError INVALID_MONEY
 * ```
 */
export function toOre(value: unknown, field = "amount"): number {
  let text: string;
  if (typeof value === "string") {
    const fast = twoDecimalOre(value);
    if (fast !== null) return fast;
    text = value;
  } else if (typeof value === "number") {
    if (!Number.isFinite(value)) throw fieldError("INVALID_MONEY", field, EXPECTED_MONEY, value);
    // String(number) is the shortest text that round-trips: 0.1 + 0.2 reads
    // "0.30000000000000004" and is rejected, 1.15 reads "1.15" and is kept.
    text = Object.is(value, -0) ? "0" : String(value);
  } else if (typeof value === "object" && value !== null) {
    text = decimalText(value, field, "INVALID_MONEY", EXPECTED_MONEY);
  } else {
    throw fieldError("INVALID_MONEY", field, EXPECTED_MONEY, value);
  }
  if (text.length > 24 || !MONEY_PATTERN.test(text)) throw fieldError("INVALID_MONEY", field, EXPECTED_MONEY, value);
  const negative = text.startsWith("-");
  const digits = negative ? text.slice(1) : text;
  const dot = digits.indexOf(".");
  const kronor = dot < 0 ? digits : digits.slice(0, dot);
  const ore = dot < 0 ? "00" : digits.slice(dot + 1).padEnd(2, "0");
  const result = Number(kronor + ore);
  if (!Number.isSafeInteger(result)) {
    throw fieldError("INVALID_MONEY", field, "an amount below 90 071 992 547 409,91 kr", value);
  }
  return negative && result !== 0 ? -result : result;
}

/**
 * The öre of money text written the way the package writes it, `-?digits.dd`
 * with no leading zero and at most 15 digits in all (a ledger file holds a
 * million of them), read without allocating; `null` for anything else, which
 * {@link toOre} then reads the general way (and checks the same way).
 */
function twoDecimalOre(text: string): number | null {
  const n = text.length;
  if (n < 4 || n > 17 || text.charCodeAt(n - 3) !== 46) return null;
  let i = text.charCodeAt(0) === 45 ? 1 : 0;
  if (n - 3 - i < 1 || (text.charCodeAt(i) === 48 && n - 3 - i > 1)) return null;
  let ore = 0;
  for (; i < n; i++) {
    if (i === n - 3) continue;
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    ore = ore * 10 + d;
  }
  if (!Number.isSafeInteger(ore)) return null;
  return text.charCodeAt(0) === 45 && ore !== 0 ? -ore : ore;
}

/**
 * The digits of a caller's Decimal (from any copy of decimal.js), read once
 * as plain text: `toFixed()` without arguments writes every digit and
 * rounds nothing, whatever the settings of the Decimal's own constructor.
 * The text is all that is used afterwards, so a look-alike object can only
 * answer with digits that are then checked like a string; one that is no
 * Decimal, throws, or answers anything but text is an error.
 */
function decimalText(value: object, field: string, code: "INVALID_MONEY" | "INVALID_ARGUMENT", expected: string): string {
  let text: unknown;
  try {
    const d = value as Decimal;
    text = Exact.isDecimal(d) ? d.toFixed() : undefined;
  } catch {
    text = undefined;
  }
  if (typeof text !== "string") throw fieldError(code, field, expected, value);
  if (text === "NaN" || text.endsWith("Infinity")) throw fieldError(code, field, expected, text);
  return text;
}

/**
 * Turns integer öre into the package's {@link Decimal} of kronor.
 *
 * @param ore - a safe integer of öre
 * @returns the amount in kronor, exact
 * @example
 * ```ts
 * fromOre(15225000).toFixed(2); //=> "152250.00"
 * ```
 */
export function fromOre(ore: number): Decimal {
  assertOre(ore, "amount");
  return published(new Exact(ore).dividedBy(100));
}

/**
 * Writes integer öre as kronor with exactly two decimals and a point, the
 * form money takes in JSON: `"152250.00"`, `"-0.05"`.
 *
 * @param ore - a safe integer of öre
 * @returns the amount as a string with two decimals
 * @example
 * ```ts
 * oreToString(15225000); //=> "152250.00"
 * oreToString(-5);       //=> "-0.05"
 * ```
 */
export function oreToString(ore: number): string {
  assertOre(ore, "amount");
  const sign = ore < 0 ? "-" : "";
  const abs = Math.abs(ore);
  const kronor = Math.trunc(abs / 100);
  const rest = abs - kronor * 100;
  return `${sign}${kronor.toString()}.${rest.toString().padStart(2, "0")}`;
}

/**
 * Writes an amount as a string with exactly two decimals, the form money
 * takes in JSON.
 *
 * @param value - the amount
 * @returns e.g. `"4991.25"`
 * @throws {@link RulesError} `INVALID_MONEY` for anything that is not exact money
 * @example
 * ```ts
 * moneyToJson(new Decimal("4991.25")); //=> "4991.25"
 * moneyToJson(605);                    //=> "605.00"
 * ```
 */
export function moneyToJson(value: MoneyInput): string {
  return oreToString(toOre(value, "amount"));
}

const SEK_FORMAT = /* @__PURE__ */ new Intl.NumberFormat("sv-SE", {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
  useGrouping: true,
});

/**
 * Formats an amount the Swedish way: space (U+00A0) between thousands,
 * decimal comma, two decimals and `kr`. The amount is passed to `Intl` as an
 * exact decimal string, never as a float.
 *
 * @param value - the amount
 * @param options - `unit: false` leaves out " kr"
 * @returns e.g. `"1 827 000,00 kr"` (with non-breaking spaces)
 * @throws {@link RulesError} `INVALID_MONEY` for anything that is not exact money
 * @example
 * ```ts
 * formatSek("1827000");  //=> "1 827 000,00 kr"
 * formatSek("4991.25", { unit: false }); //=> "4 991,25"
 * ```
 */
export function formatSek(value: MoneyInput, options: { unit?: boolean } = {}): string {
  options = optionsOf(options);
  const text = oreToString(toOre(value, "amount"));
  // Intl.NumberFormat formats a numeric string exactly (ECMA-402 v3).
  const formatted = SEK_FORMAT.format(text as unknown as number);
  return options.unit === false ? formatted : `${formatted}\u00a0kr`;
}

/**
 * Rounds a decimal figure in kronor to whole öre.
 *
 * @param value - a figure in kronor, as a Decimal or a decimal string
 * @param mode - the rounding mode (default `half-up`)
 * @returns integer öre
 * @throws {@link RulesError} `OVERFLOW` when the result is not a safe integer
 * @example
 * ```ts
 * roundToOre("1911025.505");              //=> 191102551
 * roundToOre("1911025.505", "half-even"); //=> 191102550
 * ```
 */
export function roundToOre(value: Decimal | string, mode: RoundingMode = "half-up"): number {
  const v: unknown = value;
  const expected = 'a finite Decimal or a decimal string like "1911025.505"';
  const text = typeof v === "object" && v !== null ? decimalText(v, "value", "INVALID_ARGUMENT", expected) : v;
  if (typeof text !== "string" || text.length > 60 || !/^-?\d+(\.\d+)?$/.test(text)) throw fieldError("INVALID_ARGUMENT", "value", expected, v);
  mode = parseRoundingMode(mode, "mode");
  const d = new Exact(text).times(100).toDecimalPlaces(0, decimalRounding(mode));
  const ore = d.toNumber();
  if (!Number.isSafeInteger(ore)) throw new RulesError("OVERFLOW", `amount ${d.toString()} öre is too large`);
  return ore === 0 ? 0 : ore;
}

function decimalRounding(mode: RoundingMode): DecimalRounding {
  switch (mode) {
    case "half-up":
      return Exact.ROUND_HALF_UP;
    case "half-even":
      return Exact.ROUND_HALF_EVEN;
    case "down":
      return Exact.ROUND_DOWN;
    case "up":
      return Exact.ROUND_UP;
  }
}

/**
 * Checks a rounding mode given by a caller.
 *
 * @param value - the caller's value
 * @param field - the option's name, for the error
 * @returns the mode
 * @throws {@link RulesError} `INVALID_ARGUMENT` for an unknown mode
 * @example
 * ```ts
 * parseRoundingMode("half-even", "rounding"); //=> "half-even"
 * ```
 */
export function parseRoundingMode(value: unknown, field = "rounding"): RoundingMode {
  if (typeof value === "string" && (ROUNDING_MODES as readonly string[]).includes(value)) return value as RoundingMode;
  throw fieldError("INVALID_ARGUMENT", field, `one of ${ROUNDING_MODES.join(", ")}`, value);
}

/**
 * The exact quotient `numerator / denominator` rounded to an integer by
 * `mode` — the one primitive behind every share, price and split. Uses plain
 * integers while they are exact and BigInt when a product could overflow.
 *
 * @param numerator - a safe integer or a bigint
 * @param denominator - a non-zero safe integer or bigint
 * @param mode - the rounding mode (default `half-up`)
 * @returns the rounded quotient, a safe integer
 * @throws {@link RulesError} `INVALID_ARGUMENT` for a zero denominator, `OVERFLOW` for a result beyond safe integers
 * @example
 * ```ts
 * divideRound(7, 2);          //=> 4
 * divideRound(7, 2, "down");  //=> 3
 * divideRound(-7, 2);         //=> -4
 * ```
 */
export function divideRound(numerator: number | bigint, denominator: number | bigint, mode: RoundingMode = "half-up"): number {
  const integer = (v: unknown): boolean => typeof v === "bigint" || (typeof v === "number" && Number.isSafeInteger(v));
  if (!integer(numerator)) throw fieldError("INVALID_ARGUMENT", "numerator", "a safe integer or a bigint", numerator);
  if (!integer(denominator)) throw fieldError("INVALID_ARGUMENT", "denominator", "a safe integer or a bigint", denominator);
  if (mode !== "half-up") mode = parseRoundingMode(mode, "mode");
  if (typeof numerator === "number" && typeof denominator === "number") {
    if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator)) {
      throw new RulesError("INVALID_ARGUMENT", `divideRound needs safe integers, received ${String(numerator)} / ${String(denominator)}`);
    }
    if (denominator === 0) throw new RulesError("INVALID_ARGUMENT", "division by zero");
    if (Math.abs(numerator) >= 2 ** 52 || Math.abs(denominator) >= 2 ** 52) {
      return divideRoundBig(BigInt(numerator), BigInt(denominator), mode);
    }
    const q = Math.trunc(numerator / denominator);
    const r = numerator - q * denominator;
    // Below 2^52, q × denominator stays exact, so r is exact; a quotient that
    // the float division put one off shows as r out of range: BigInt decides.
    if (Math.abs(r) < Math.abs(denominator) && (r === 0 || Math.sign(r) === Math.sign(numerator))) {
      return roundQuotient(q, r, denominator, mode);
    }
  }
  return divideRoundBig(BigInt(numerator), BigInt(denominator), mode);
}

/**
 * Whether a truncated quotient moves one step away from zero: the single
 * rounding decision behind both integer paths. `half` compares twice the
 * remainder with the divisor (−1 below half, 0 exactly half, 1 above).
 */
function awayFromZero(mode: RoundingMode, half: number, quotientOdd: boolean): boolean {
  switch (mode) {
    case "down":
      return false;
    case "up":
      return true;
    case "half-up":
      return half >= 0;
    case "half-even":
      return half > 0 || (half === 0 && quotientOdd);
  }
}

function roundQuotient(q: number, r: number, d: number, mode: RoundingMode): number {
  if (r === 0) return q === 0 ? 0 : q;
  const negative = r < 0 !== d < 0;
  const half = Math.sign(2 * Math.abs(r) - Math.abs(d));
  const result = awayFromZero(mode, half, Math.abs(q) % 2 === 1) ? q + (negative ? -1 : 1) : q;
  return result === 0 ? 0 : result;
}

function divideRoundBig(n: bigint, d: bigint, mode: RoundingMode): number {
  if (d === 0n) throw new RulesError("INVALID_ARGUMENT", "division by zero");
  const q = n / d;
  const r = n % d;
  let result = q;
  if (r !== 0n) {
    const negative = r < 0n !== d < 0n;
    const absR = r < 0n ? -r : r;
    const absD = d < 0n ? -d : d;
    const absQ = q < 0n ? -q : q;
    const half = 2n * absR === absD ? 0 : 2n * absR > absD ? 1 : -1;
    if (awayFromZero(mode, half, absQ % 2n === 1n)) result = negative ? q - 1n : q + 1n;
  }
  const value = Number(result);
  if (!Number.isSafeInteger(value)) throw new RulesError("OVERFLOW", `the result ${result.toString()} öre is beyond the safe range`);
  return value === 0 ? 0 : value;
}

/**
 * `ore × numerator / denominator`, rounded once to whole öre: a share of an
 * amount (days in force of a month, hours of a year) computed exactly.
 *
 * @param ore - the amount in öre
 * @param numerator - a safe integer
 * @param denominator - a positive safe integer
 * @param mode - the rounding mode (default `half-up`)
 * @returns integer öre
 * @example
 * ```ts
 * shareOfOre(34110700, 15, 30); //=> 17055350
 * ```
 */
export function shareOfOre(ore: number, numerator: number, denominator: number, mode: RoundingMode = "half-up"): number {
  assertOre(ore, "amount");
  if (!Number.isSafeInteger(numerator)) throw fieldError("INVALID_ARGUMENT", "numerator", "a safe integer", numerator);
  if (!Number.isSafeInteger(denominator) || denominator <= 0) throw fieldError("INVALID_ARGUMENT", "denominator", "a positive safe integer", denominator);
  const product = ore * numerator;
  if (Number.isSafeInteger(product)) return divideRound(product, denominator, mode);
  return divideRound(BigInt(ore) * BigInt(numerator), BigInt(denominator), mode);
}

/**
 * Where the öre left over when an annual amount does not divide by twelve
 * go: `last` (default) puts them on the twelfth month, `first` on the first.
 *
 * @example
 * ```ts
 * const r: TwelfthsRemainder = "last";
 * ```
 */
export type TwelfthsRemainder = "last" | "first";

/**
 * Twelve monthly amounts in öre that sum exactly to `annualOre`: every month
 * `⌊annual / 12⌋`, the remainder (0–11 öre) on the last (or first) month.
 *
 * @param annualOre - a non-negative safe integer of öre
 * @param remainder - where the remainder goes (default `last`)
 * @returns twelve integers of öre
 * @example
 * ```ts
 * twelfthsOre(409328400);  //=> [34110700, ×12]
 * twelfthsOre(100);        //=> [8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 12]
 * ```
 */
export function twelfthsOre(annualOre: number, remainder: TwelfthsRemainder = "last"): number[] {
  assertOre(annualOre, "annual");
  if (annualOre < 0) throw fieldError("INVALID_MONEY", "annual", "a non-negative amount", oreToString(annualOre));
  const base = Math.floor(annualOre / 12);
  const rest = annualOre - base * 12;
  const months = new Array<number>(12).fill(base);
  months[remainder === "first" ? 0 : 11] = base + rest;
  return months;
}

/**
 * Twelve monthly amounts that sum exactly to `annual` (*en tolftedel per
 * månad*): every month the same, rounded down to the öre, the remainder on
 * the twelfth month (or the first, with `remainder: 'first'`).
 *
 * @param annual - the annual amount
 * @param options - `remainder`: `'last'` (default) or `'first'`
 * @returns twelve Decimals in kronor
 * @throws {@link RulesError} `INVALID_MONEY` for bad or negative amounts; `INVALID_ARGUMENT` for an unknown option
 * @example
 * ```ts
 * twelfths("1827000").map(String);  //=> ["152250", … ×12]
 * twelfths("1.00").map(String);     //=> ["0.08", … ×11, "0.12"]
 * ```
 */
export function twelfths(annual: MoneyInput, options: { remainder?: TwelfthsRemainder } = {}): Decimal[] {
  options = optionsOf(options);
  const remainder: unknown = options.remainder ?? "last";
  if (remainder !== "last" && remainder !== "first") {
    throw fieldError("INVALID_ARGUMENT", "options.remainder", "'last' or 'first'", remainder);
  }
  return twelfthsOre(toOre(annual, "annual"), remainder).map(fromOre);
}

/**
 * Splits integer öre by integer weights so that the parts always sum to the
 * whole (largest-remainder method): each part gets `⌊total × w / W⌋`, and the
 * öre left over go one each to the parts with the largest remainders; equal
 * remainders go to the earlier part first.
 *
 * @param totalOre - a non-negative safe integer of öre
 * @param weights - non-negative safe integers, not all zero
 * @returns the parts in öre, in the order of the weights
 * @throws {@link RulesError} `INVALID_ARGUMENT` for bad weights
 * @example
 * ```ts
 * splitOre(100, [1, 1, 1]); //=> [34, 33, 33]
 * ```
 */
export function splitOre(totalOre: number, weights: readonly number[]): number[] {
  assertOre(totalOre, "total");
  if (totalOre < 0) throw fieldError("INVALID_MONEY", "total", "a non-negative amount", oreToString(totalOre));
  const raw: unknown = weights;
  if (!Array.isArray(raw) || raw.length === 0) {
    throw fieldError("INVALID_ARGUMENT", "weights", "a non-empty array of non-negative integers", raw);
  }
  const ws: bigint[] = [];
  let sum = 0n;
  for (let i = 0; i < raw.length; i++) {
    const w: unknown = raw[i];
    if (typeof w !== "number" || !Number.isSafeInteger(w) || w < 0) {
      throw fieldError("INVALID_ARGUMENT", `weights.${i.toString()}`, "a non-negative safe integer", w);
    }
    ws.push(BigInt(w));
    sum += BigInt(w);
  }
  if (sum === 0n) throw fieldError("INVALID_ARGUMENT", "weights", "at least one weight above zero", weights);
  const total = BigInt(totalOre);
  const parts = ws.map((w) => (total * w) / sum);
  const remainders = ws.map((w, i) => ({ i, r: (total * w) % sum }));
  let left = total - parts.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    parts[i] = (parts[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return parts.map(Number);
}

/** {@link splitOrePart} when every product total × weight is a safe integer (total × Σ weights is): exact in plain numbers. */
function smallSplitPart(total: number, weights: readonly number[], sum: number, index: number): number {
  const own = total * (weights[index] ?? 0);
  const ownRemainder = own % sum;
  let floors = 0;
  let ahead = 0;
  for (let i = 0; i < weights.length; i++) {
    const product = total * (weights[i] ?? 0);
    const r = product % sum;
    floors += (product - r) / sum;
    if (r > ownRemainder || (r === ownRemainder && i < index)) ahead++;
  }
  return (own - ownRemainder) / sum + (ahead < total - floors ? 1 : 0);
}

/**
 * The one part of {@link splitOre}`(totalOre, weights)` at `index`, found
 * without splitting the rest: ⌊total × w / W⌋, plus one öre when fewer of the
 * öre left over go to weights ranked before it (a larger remainder, or an
 * equal one earlier in the list). Only which weights come before `index`
 * matters, not their order among themselves, so a caller can put the
 * earlier ones first without sorting them. Linear in the weights.
 *
 * @internal
 * @param totalOre - a non-negative safe integer of öre
 * @param weights - non-negative safe integers, not all zero
 * @param index - the part wanted
 * @returns `splitOre(totalOre, weights)[index]`
 * @throws {@link RulesError} `INVALID_ARGUMENT` for bad weights or index
 * @example
 * ```ts
 * splitOrePart(100, [1, 1, 1], 0); //=> 34
 * splitOrePart(100, [1, 1, 1], 2); //=> 33
 * ```
 */
export function splitOrePart(totalOre: number, weights: readonly number[], index: number): number {
  assertOre(totalOre, "total");
  if (totalOre < 0) throw fieldError("INVALID_MONEY", "total", "a non-negative amount", oreToString(totalOre));
  const raw: unknown = weights;
  if (!Array.isArray(raw) || raw.length === 0) {
    throw fieldError("INVALID_ARGUMENT", "weights", "a non-empty array of non-negative integers", raw);
  }
  if (!Number.isSafeInteger(index) || index < 0 || index >= raw.length) {
    throw fieldError("INVALID_ARGUMENT", "index", `an index of the weights, 0-${(raw.length - 1).toString()}`, index);
  }
  let sum = 0n;
  for (let i = 0; i < raw.length; i++) {
    const w: unknown = raw[i];
    if (typeof w !== "number" || !Number.isSafeInteger(w) || w < 0) {
      throw fieldError("INVALID_ARGUMENT", `weights.${i.toString()}`, "a non-negative safe integer", w);
    }
    sum += BigInt(w);
  }
  if (sum === 0n) throw fieldError("INVALID_ARGUMENT", "weights", "at least one weight above zero", weights);
  if (BigInt(totalOre) * sum <= BigInt(Number.MAX_SAFE_INTEGER)) return smallSplitPart(totalOre, raw as number[], Number(sum), index);
  const total = BigInt(totalOre);
  const own = total * BigInt(raw[index] as number);
  const ownRemainder = own % sum;
  let floors = 0n;
  let ahead = 0n;
  for (let i = 0; i < raw.length; i++) {
    const product = total * BigInt(raw[i] as number);
    floors += product / sum;
    const r = product % sum;
    if (r > ownRemainder || (r === ownRemainder && i < index)) ahead += 1n;
  }
  return Number(own / sum + (ahead < total - floors ? 1n : 0n));
}

/**
 * Splits an amount by integer weights (e.g. a year's amount by the days in
 * force of each month) so that the parts always sum exactly to the whole.
 * Tie-break: öre left over after the proportional shares go to the parts
 * with the largest remainders, and between equal remainders to the earlier
 * part.
 *
 * @param total - the amount to split, non-negative
 * @param weights - non-negative integers, not all zero
 * @returns the parts as Decimals in kronor, in the order of the weights
 * @throws {@link RulesError} `INVALID_MONEY` or `INVALID_ARGUMENT`
 * @example
 * ```ts
 * split("1.00", [1, 1, 1]).map(String); //=> ["0.34", "0.33", "0.33"]
 * split("1827000", [31, 28]).map(String); //=> ["959949.15", "867050.85"]
 * ```
 */
export function split(total: MoneyInput, weights: readonly number[]): Decimal[] {
  return splitOre(toOre(total, "total"), weights).map(fromOre);
}

/**
 * Sums amounts of öre, checking that the sum stays exact.
 *
 * @param values - safe integers of öre
 * @returns their sum
 * @throws {@link RulesError} `OVERFLOW` beyond safe integers
 * @example
 * ```ts
 * sumOre([15225000, 15225000]); //=> 30450000
 * ```
 */
export function sumOre(values: Iterable<number>): number {
  const iterable: unknown = values;
  if (typeof iterable !== "object" || iterable === null || typeof (iterable as Partial<Iterable<number>>)[Symbol.iterator] !== "function") {
    throw fieldError("INVALID_ARGUMENT", "values", "an iterable of safe integers of öre", iterable);
  }
  let sum = 0;
  let i = 0;
  for (const v of values) {
    if (!Number.isSafeInteger(v)) throw fieldError("INVALID_MONEY", `values.${i.toString()}`, "a safe integer of öre", v);
    sum += v;
    i++;
  }
  if (!Number.isSafeInteger(sum)) throw new RulesError("OVERFLOW", "a sum of money left the exact range");
  return sum;
}

/**
 * Adds two amounts to an exact sum in kronor.
 *
 * @param a - an amount
 * @param b - an amount
 * @returns `a + b` as a Decimal in kronor
 * @throws {@link RulesError} `INVALID_MONEY` for inexact input
 * @example
 * ```ts
 * addMoney("4093284.05", "0.01").toFixed(2); //=> "4093284.06"
 * ```
 */
export function addMoney(a: MoneyInput, b: MoneyInput): Decimal {
  return fromOre(sumOre([toOre(a, "a"), toOre(b, "b")]));
}

/**
 * A quantity that is not money (hours, days, months) as a {@link Decimal}:
 * `numerator / denominator`, exact when the quotient terminates, else to 40
 * significant digits. Built here, like every Decimal the package returns.
 *
 * @internal
 * @param numerator - a safe integer
 * @param denominator - a non-zero safe integer
 * @returns the quotient
 */
export function quotient(numerator: number, denominator: number): Decimal {
  return published(new Exact(numerator).dividedBy(denominator));
}

function assertOre(ore: number, field: string): void {
  if (!Number.isSafeInteger(ore)) throw fieldError("INVALID_MONEY", field, "a safe integer of öre", ore);
}

/**
 * `100 × numerator / denominator` rounded half-up to two decimals, as a
 * string: the one place a share becomes a percentage (waiting times within
 * the goal, expected results, the activity report).
 *
 * @internal
 * @param numerator - a non-negative safe integer
 * @param denominator - a positive safe integer
 * @returns e.g. `"85.71"` for 6 of 7
 */
export function percentText(numerator: number, denominator: number): string {
  const hundredths = divideRound(numerator * 10000, denominator, "half-up");
  const whole = Math.floor(hundredths / 100);
  const rest = hundredths - whole * 100;
  return `${whole.toString()}.${rest < 10 ? "0" : ""}${rest.toString()}`;
}

/**
 * `numerator / denominator` rounded half-up to two decimals, as a Decimal
 * (an average of hours or sessions: not money, but rounded here, beside
 * money, so that every rounding of the package is in one module).
 *
 * @internal
 * @param numerator - a safe integer
 * @param denominator - a positive safe integer
 * @returns the rounded quotient, e.g. 7.33 for 22 / 3
 */
export function roundedQuotient(numerator: number, denominator: number): Decimal {
  return published(new Exact(divideRound(numerator * 100, denominator, "half-up")).dividedBy(100));
}
