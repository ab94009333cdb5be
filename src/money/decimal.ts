import { Decimal as DecimalJs } from "decimal.js";

/**
 * The package's own decimal.js constructor: an isolated `Decimal.clone()` with
 * fixed settings (40 significant digits, half-up), so that a caller's
 * `Decimal.set(...)` on their copy of decimal.js never changes our figures.
 * Every amount the package returns is an instance of it, in kronor.
 *
 * @example
 * ```ts
 * import { Decimal } from "verksamhetsuppdrag";
 * new Decimal("4093284.05").plus("0.01").toFixed(2); //=> "4093284.06"
 * ```
 */
export const Decimal: typeof DecimalJs = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
  minE: -9e15,
  maxE: 9e15,
  modulo: DecimalJs.ROUND_DOWN,
  crypto: false,
});

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
