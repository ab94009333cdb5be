/**
 * Indexation (*prisjustering*, *uppräkning*): a compensation stated in one
 * year's price level is carried to a later year by a yearly index, from the
 * year the contract names on.
 */
import { ensureContract } from "../contracts/parse.js";
import type { Contract } from "../contracts/schema.js";
import { fieldError, RulesError, optionsOf } from "../errors.js";
import { plainCopy } from "../callerData.js";
import { divideRound, fromOre, oreToString, toOre, type Decimal, type MoneyInput } from "../money/index.js";
import { parsePercent, resolveSeries, type IndexSeries, type IndexStatus, type ResolvedSeries } from "./series.js";

/**
 * How an indexed figure is rounded:
 * - `yearly-ore` (default): each year's figure rounded half-up to the öre,
 *   the next year computed from it (how a payer carries the figure forward);
 * - `yearly-krona`: the same, rounded half-up to whole kronor;
 * - `cumulative`: the product of all the years' factors applied to the base
 *   figure and rounded half-up to the öre once.
 *
 * @example
 * ```ts
 * const r: IndexRounding = "yearly-ore";
 * ```
 */
export type IndexRounding = "yearly-ore" | "yearly-krona" | "cumulative";

/** @internal The index roundings, for validation here and in the billing policies. */
export const INDEX_ROUNDINGS: readonly IndexRounding[] = ["yearly-ore", "yearly-krona", "cumulative"];

/**
 * How the visit fee of an hourly contract ("Avgiften revideras varje år") is
 * carried to a later year:
 * - `follow-rate` (default): by the same series and rounding as the hourly rate;
 * - `unchanged`: the contract's fee every year;
 * - `{ amounts }`: the fees the purchaser decided, by year (a year after the
 *   price year that is missing is a `MISSING_INDEX` error).
 *
 * @example
 * ```ts
 * const rule: VisitFeeRule = { amounts: { 2023: "210" }, source: "SON 2022-301" };
 * ```
 */
export type VisitFeeRule = "follow-rate" | "unchanged" | { amounts: Record<number, MoneyInput>; source?: string };

/**
 * Options for {@link annualAmount} and {@link indexedAmount}.
 *
 * @example
 * ```ts
 * const options: IndexOptions = { index: { name: "OPI", percent: { 2024: "4.0" } }, rounding: "yearly-ore" };
 * ```
 */
export interface IndexOptions {
  /** The caller's series, laid over the shipped values year by year. */
  index?: IndexSeries;
  /** Default `yearly-ore`. */
  rounding?: IndexRounding;
}

/**
 * One year's step of an indexed figure, with the index value that made it.
 *
 * @example
 * ```ts
 * const step: IndexStep = { year: 2022, percent: "1.9", status: "final", source: "SKR, definitive OPI for 2022", published: "2021-12-10", before: "1827000.00", after: "1861713.00" };
 * ```
 */
export interface IndexStep {
  /** The year the figure is carried into. */
  year: number;
  /** The index value used, in percent. */
  percent: string;
  /** Its status. */
  status: IndexStatus;
  /** Its source. */
  source: string;
  /** When it was published, if known. */
  published: string | null;
  /** The figure before, in kronor with two decimals. */
  before: string;
  /** The figure after (for `cumulative`, the unrounded chain is not shown; `after` is the rounded result of the year). */
  after: string;
}

/**
 * An indexed figure with its explanation: the base figure and clause, the
 * series and each year's value, and the rounding used.
 *
 * @example
 * ```ts
 * const a = indexedAmount(contracts.beroendemottagningen, 2022);
 * a.amount.toFixed(2);     //=> "1861713.00"
 * a.steps[0]?.percent;     //=> "1.9"
 * ```
 */
export interface IndexedAmount {
  /** The year of the figure. */
  year: number;
  /** Which figure: the annual amount, the hourly rate, the annual cost of an hour volume, or the visit fee. */
  figure: "annual-amount" | "hourly-rate" | "annual-cost" | "visit-fee";
  /** The figure for `year`, in öre. */
  ore: number;
  /** The figure for `year`, in kronor. */
  amount: Decimal;
  /** The contract's figure and the year of its price level. */
  base: { amount: string; priceYear: number; clause: string };
  /** The series used, or `null` when none was needed. */
  series: string | null;
  /** Whether the caller substituted another series than the contract's on purpose. */
  substituted: boolean;
  /** The rounding used. */
  rounding: IndexRounding;
  /** Each year the figure was adjusted, in order. */
  steps: IndexStep[];
  /** The clause(s) the figure comes from. */
  clause: string;
  /** How the visit fee was carried forward, for `visit-fee` only. */
  visitFeeRule?: "follow-rate" | "unchanged" | "amounts";
}

function baseFigure(contract: Contract): { figure: IndexedAmount["figure"]; ore: number; priceYear: number | null; clause: string } {
  const c = contract.compensation;
  switch (c.kind) {
    case "fixed-annual":
      return { figure: "annual-amount", ore: toOre(c.amount, "compensation.amount"), priceYear: c.priceYear, clause: c.clause };
    case "hourly":
      return { figure: "hourly-rate", ore: toOre(c.rate, "compensation.rate"), priceYear: c.priceYear, clause: c.clause };
    case "hour-volume":
      return { figure: "annual-cost", ore: toOre(c.annualCost, "compensation.annualCost"), priceYear: null, clause: c.clause };
  }
}

/** Two clause references as one, without repeating a clause that is both (SON 2019-755 §1.2). */
function joinClauses(a: string, b: string): string {
  return a === b ? a : `${a}; ${b}`;
}

function checkYear(year: unknown, field = "year"): number {
  if (typeof year !== "number" || !Number.isSafeInteger(year) || year < 1000 || year > 9999) {
    throw fieldError("INVALID_ARGUMENT", field, "a year as an integer 1000–9999", year);
  }
  return year;
}

function checkRounding(value: unknown): IndexRounding {
  if (value === undefined) return "yearly-ore";
  if (typeof value === "string" && (INDEX_ROUNDINGS as readonly string[]).includes(value)) return value as IndexRounding;
  throw fieldError("INVALID_ARGUMENT", "options.rounding", `one of ${INDEX_ROUNDINGS.join(", ")}`, value);
}

/** Sorted years as ranges: `[2020, 2021, 2022, 2024]` → `"2020–2022, 2024"`, so a long gap stays one short phrase. */
function yearRanges(years: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < years.length; ) {
    let j = i;
    while (j + 1 < years.length && years[j + 1] === (years[j] ?? 0) + 1) j++;
    const from = years[i] ?? 0;
    const to = years[j] ?? 0;
    parts.push(j - i >= 2 ? `${from.toString()}–${to.toString()}` : j > i ? `${from.toString()}, ${to.toString()}` : from.toString());
    i = j + 1;
  }
  return parts.join(", ");
}

/**
 * Carries `baseOre` from `fromYear` to `toYear` by the series, year by year.
 * The one mechanism behind every indexed figure.
 */
function chain(
  baseOre: number,
  years: readonly number[],
  series: ResolvedSeries,
  rounding: IndexRounding,
  path: string,
): { ore: number; steps: IndexStep[] } {
  const missing = years.filter((y) => !series.values.has(y));
  if (missing.length > 0) {
    const list = yearRanges(missing);
    throw new RulesError(
      "MISSING_INDEX",
      `${path}: the ${series.name} value for ${list} is not known; pass it as options.index, e.g. { name: '${series.name}', percent: { ${missing[0]?.toString() ?? ""}: '…' } }`,
      missing.map((y) => ({ path: `${path}.${y.toString()}`, expected: `the ${series.name} percentage for ${y.toString()}`, received: "nothing" })),
    );
  }
  const steps: IndexStep[] = [];
  let ore = baseOre;
  let num = 1n;
  let den = 1n;
  for (const year of years) {
    const value = series.values.get(year);
    if (value === undefined) continue; // unreachable: checked above
    const p = parsePercent(value.percent, `${path}.${year.toString()}`);
    const factorNum = BigInt(100 * p.scale + p.numerator);
    const factorDen = BigInt(100 * p.scale);
    const before = ore;
    if (rounding === "cumulative") {
      num *= factorNum;
      den *= factorDen;
      ore = divideRound(BigInt(baseOre) * num, den, "half-up");
    } else {
      const unit = rounding === "yearly-krona" ? 100n : 1n;
      ore = divideRound(BigInt(ore) * factorNum, factorDen * unit, "half-up") * Number(unit);
    }
    steps.push({
      year,
      percent: value.percent,
      status: value.status,
      source: value.source,
      published: value.published,
      before: oreToString(before),
      after: oreToString(ore),
    });
  }
  return { ore, steps };
}

function adjustedYears(contract: Contract, priceYear: number, year: number): number[] {
  const ix = contract.indexation;
  if (ix === null) return [];
  const years: number[] = [];
  for (let y = Math.max(ix.firstAdjustedYear, priceYear + 1); y <= year; y++) years.push(y);
  return years;
}

/**
 * The compensation figure of a contract for `year`, with its explanation: for
 * a fixed annual amount the year's amount, for an hourly contract the year's
 * hourly rate, for an hour volume the annual cost. From the price year, each
 * year from the contract's first adjusted year on is the previous year's
 * figure × (1 + percent / 100), rounded by `options.rounding`.
 *
 * @param contract - a parsed contract
 * @param year - the year
 * @param options - the caller's index series and the rounding
 * @returns the figure with the index values that produced it
 * @throws {@link RulesError} `MISSING_INDEX` naming every needed year the series lacks; `INDEX_MISMATCH` for another series' name; `INVALID_ARGUMENT` for a year before the price year
 * @example
 * ```ts
 * // Beroendemottagningen §3: 1 827 000 kr in 2021 prices, OPI from 2022 (1.9 %)
 * indexedAmount(contracts.beroendemottagningen, 2022).amount.toFixed(2); //=> "1861713.00"
 * ```
 */
export function indexedAmount(contract: Contract, year: number, options: IndexOptions = {}): IndexedAmount {
  options = optionsOf(options);
  contract = ensureContract(contract);
  checkYear(year);
  const rounding = checkRounding(options.rounding);
  const base = baseFigure(contract);
  const priceYear = base.priceYear ?? year;
  if (year < priceYear) {
    throw fieldError("INVALID_ARGUMENT", "year", `a year from the price year ${priceYear.toString()} on (${base.clause})`, year);
  }
  const years = adjustedYears(contract, priceYear, year);
  const ix = contract.indexation;
  let steps: IndexStep[] = [];
  let ore = base.ore;
  let seriesName: string | null = null;
  let substituted = false;
  if (ix !== null && years.length > 0) {
    const series = resolveSeries(ix.series, options.index);
    ({ ore, steps } = chain(base.ore, years, series, rounding, "options.index"));
    seriesName = series.name;
    substituted = series.substituted;
  } else if (options.index !== undefined && ix !== null) {
    resolveSeries(ix.series, options.index); // validate the caller's input even when no year needs it
  }
  return {
    year,
    figure: base.figure,
    ore,
    amount: fromOre(ore),
    base: { amount: oreToString(base.ore), priceYear, clause: base.clause },
    series: seriesName,
    substituted,
    rounding,
    steps,
    clause: ix !== null && steps.length > 0 ? joinClauses(base.clause, ix.clause) : base.clause,
  };
}

/**
 * The compensation for `year` (or, for an hourly contract, the hourly rate),
 * indexed from the contract's price year by the series the contract names,
 * each year's figure rounded half-up to the öre and the next year computed
 * from it. The OPI values SKR has published are shipped with their sources
 * and used unless the caller passes its own.
 *
 * @param contract - a parsed contract
 * @param year - the year
 * @param options - `index`: the caller's series (laid over the shipped one); `rounding`
 * @returns the amount in kronor
 * @throws {@link RulesError} `MISSING_INDEX` naming the year(s); `INDEX_MISMATCH`; `INVALID_ARGUMENT`
 * @example
 * ```ts
 * annualAmount(contracts.valdINaraRelation, 2020).toFixed(2); //=> "4216082.52"
 * annualAmount(contracts.beroendemottagningen, 2022, { index: { name: "OPI", percent: { 2022: "3.0" } } }).toFixed(2); //=> "1881810.00"
 * ```
 */
export function annualAmount(contract: Contract, year: number, options: IndexOptions = {}): Decimal {
  return indexedAmount(contract, year, options).amount;
}

/**
 * The visit fee of an hourly contract for `year` (SON 2021-233 §2.3: "200 kr
 * per besök i 2022 års pris. Avgiften revideras varje år."), carried forward
 * by the chosen {@link VisitFeeRule}.
 *
 * @param contract - a parsed hourly contract with a visit fee
 * @param year - the year
 * @param options - index options (used by `follow-rate`) and the rule (default
 *   `follow-rate` when the contract says the fee is revised every year,
 *   `revisedYearly: true`; `unchanged` when it does not)
 * @returns the fee with its explanation
 * @throws {@link RulesError} `NOT_IN_CONTRACT` when the contract has no visit fee; `MISSING_INDEX`
 * @example
 * ```ts
 * visitFee(contracts.familjeradgivning, 2022).amount.toFixed(2); //=> "200.00"
 * visitFee(contracts.familjeradgivning, 2023, { rule: { amounts: { 2023: "210" } } }).amount.toFixed(2); //=> "210.00"
 * ```
 */
export function visitFee(contract: Contract, year: number, options: IndexOptions & { rule?: VisitFeeRule } = {}): IndexedAmount {
  options = optionsOf(options);
  contract = ensureContract(contract);
  checkYear(year);
  const c = contract.compensation;
  if (c.kind !== "hourly" || c.visitFee === null) {
    throw new RulesError("NOT_IN_CONTRACT", `contract '${contract.id}' has no visit fee`);
  }
  const fee = c.visitFee;
  const baseOre = toOre(fee.amount, "compensation.visitFee.amount");
  if (year < fee.priceYear) {
    throw fieldError("INVALID_ARGUMENT", "year", `a year from the fee's price year ${fee.priceYear.toString()} on (${fee.clause})`, year);
  }
  // A fee the text revises every year follows the rate by default; one it does not revise stays as it is.
  const rule = parseVisitFeeRule(options.rule ?? (fee.revisedYearly ? "follow-rate" : "unchanged"), "options.rule");
  const rounding = checkRounding(options.rounding);
  const result: IndexedAmount = {
    year,
    figure: "visit-fee",
    ore: baseOre,
    amount: fromOre(baseOre),
    base: { amount: oreToString(baseOre), priceYear: fee.priceYear, clause: fee.clause },
    series: null,
    substituted: false,
    rounding,
    steps: [],
    clause: fee.clause,
    visitFeeRule: typeof rule === "string" ? rule : "amounts",
  };
  if (rule === "unchanged" || year === fee.priceYear) return result;
  if (rule === "follow-rate") {
    const ix = contract.indexation;
    const years = adjustedYears(contract, fee.priceYear, year);
    if (ix === null || years.length === 0) return result;
    const series = resolveSeries(ix.series, options.index);
    const { ore, steps } = chain(baseOre, years, series, rounding, "options.index");
    return { ...result, ore, amount: fromOre(ore), series: series.name, substituted: series.substituted, steps, clause: joinClauses(fee.clause, ix.clause) };
  }
  const decided = rule;
  const given = decided.amounts.get(year);
  if (given === undefined) {
    throw new RulesError("MISSING_INDEX", `options.rule.amounts: the visit fee for ${year.toString()} is not given`, [
      { path: `options.rule.amounts.${year.toString()}`, expected: `the visit fee decided for ${year.toString()}`, received: "undefined" },
    ]);
  }
  return {
    ...result,
    ore: given,
    amount: fromOre(given),
    steps: [],
    clause: `${fee.clause}${decided.source === undefined ? "" : `; ${decided.source}`}`,
  };
}

/** @internal A validated {@link VisitFeeRule}: decided fees in öre by year. */
export type ParsedVisitFeeRule = "follow-rate" | "unchanged" | { amounts: ReadonlyMap<number, number>; source: string | undefined };

const VISIT_FEE_RULE = "'follow-rate', 'unchanged' or { amounts: { year: fee }, source? }";

/**
 * @internal Checks a visit-fee rule: the decided fees are keyed by year
 * (1000–2999), each exact, non-negative money; no other keys. Reads the
 * caller's objects once (own properties only).
 *
 * @param value - the caller's rule
 * @param path - its field, for errors
 * @param code - the code of its errors
 * @returns the rule, with the fees in öre
 */
export function parseVisitFeeRule(value: unknown, path: string, code: "INVALID_ARGUMENT" | "INVALID_INPUT" = "INVALID_ARGUMENT"): ParsedVisitFeeRule {
  if (value === "follow-rate" || value === "unchanged") return value;
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw fieldError(code, path, VISIT_FEE_RULE, value);
  const rule = plainCopy(value, path) as Record<string, unknown>;
  for (const key of Object.keys(rule)) {
    if (key !== "amounts" && key !== "source") throw fieldError(code, `${path}.${key}`, "no such field (amounts, source)", rule[key]);
  }
  const { amounts, source } = rule;
  if (source !== undefined && (typeof source !== "string" || source === "")) throw fieldError(code, `${path}.source`, "the decision, a non-empty string", source);
  if (typeof amounts !== "object" || amounts === null || Array.isArray(amounts)) {
    throw fieldError(code, `${path}.amounts`, "an object from year to the decided fee, e.g. { 2023: \"210\" }", amounts);
  }
  const fees = new Map<number, number>();
  for (const [key, fee] of Object.entries(amounts)) {
    const p = `${path}.amounts.${key}`;
    if (!/^[12]\d{3}$/.test(key)) throw fieldError(code, p, "a year 1000–2999 as the key", key);
    const ore = toOre(fee, p);
    if (ore < 0) throw fieldError("INVALID_MONEY", p, "a fee of 0 kr or more", fee);
    fees.set(Number(key), ore);
  }
  return { amounts: fees, source: source };
}
