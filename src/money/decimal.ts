import { Decimal as DecimalJs } from "decimal.js";

/** The settings of both constructors below: 40 significant digits, half-up, never exponent notation. */
const SETTINGS = {
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
  minE: -9e15,
  maxE: 9e15,
  modulo: DecimalJs.ROUND_DOWN,
  crypto: false,
} as const;

/**
 * The package's own decimal.js constructor, for callers: an isolated
 * `Decimal.clone()` (40 significant digits, half-up). Every amount the
 * package returns is an instance of it (`instanceof Decimal`, and its
 * `constructor`), in kronor, and a caller may use it to build inputs.
 *
 * It is not the constructor the package computes with: that one is private
 * and unreachable, so neither `Decimal.set(...)` on this constructor nor on a
 * caller's own copy of decimal.js changes any figure the package computes.
 * Settings applied here only change what the caller itself then does with
 * the returned values (e.g. `total.toString()` under `toExpPos`).
 *
 * @example
 * ```ts
 * import { Decimal } from "verksamhetsuppdrag";
 * new Decimal("4093284.05").plus("0.01").toFixed(2); //=> "4093284.06"
 * ```
 */
export const Decimal: typeof DecimalJs = /* @__PURE__ */ DecimalJs.clone(SETTINGS);

/**
 * A decimal.js value. Amounts of money returned by the package are
 * `Decimal`s in kronor, exact to the öre.
 *
 * @example
 * ```ts
 * const twelfth: Decimal = twelfths("1827000")[0]!; //=> Decimal "152250"
 * ```
 */
export type Decimal = DecimalJs;

/**
 * The constructor the package computes with. Never exported and never left
 * on a returned value (see {@link published}), so no caller can reach its
 * settings.
 *
 * @internal
 */
export const Exact: typeof DecimalJs = /* @__PURE__ */ DecimalJs.clone(SETTINGS);

/**
 * Hands a value computed with {@link Exact} to a caller: the same digits,
 * with the public {@link Decimal} as its constructor. decimal.js keeps the
 * constructor on each instance (`x.constructor`) and all its clones share one
 * prototype, so the value is `instanceof Decimal` and the private
 * constructor is no longer reachable from it.
 *
 * @internal
 * @param value - a value made by `Exact`
 * @returns the same value, for the caller
 */
export function published(value: DecimalJs): DecimalJs {
  (value as { constructor: unknown }).constructor = Decimal;
  return value;
}
