export { Decimal } from "./decimal.js";
export {
  addMoney,
  divideRound,
  formatSek,
  fromOre,
  moneyToJson,
  oreToString,
  parseRoundingMode,
  ROUNDING_MODES,
  roundToOre,
  shareOfOre,
  split,
  splitOre,
  sumOre,
  toOre,
  twelfths,
  twelfthsOre,
} from "./money.js";
export type { MoneyInput, RoundingMode, TwelfthsRemainder } from "./money.js";
