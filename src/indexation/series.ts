import type { LocalDate } from "../calendar/localDate.js";
import { isLocalDate } from "../calendar/localDate.js";
import { describeValue, fieldError, fieldText, RulesError } from "../errors.js";
import { OPI_VALUES } from "./opi.js";

/**
 * How sure a published index value is: `final`, `preliminary` (published
 * before the wage agreement it depends on), or `unspecified` (given by a
 * caller in the short form, which says nothing about it).
 *
 * @example
 * ```ts
 * const s: IndexStatus = "preliminary";
 * ```
 */
export type IndexStatus = "final" | "preliminary" | "unspecified";

/**
 * One year's value of an index series, with where it comes from.
 *
 * @example
 * ```ts
 * const v: IndexValue = { year: 2022, percent: "1.9", status: "final", source: "SKR, definitive OPI for 2022", published: "2021-12-10" };
 * ```
 */
export interface IndexValue {
  /** The year the percentage applies to (the compensation of that year). */
  year: number;
  /** The change from the year before, in percent, as a decimal string: `"4.6"`. */
  percent: string;
  /** Whether the value is final. */
  status: IndexStatus;
  /** Who published it and where. */
  source: string;
  /** When it was published, if known. */
  published: LocalDate | null;
  /** Anything a reader should know. */
  note?: string;
}

/**
 * One year of an index series in the full form a caller may pass.
 *
 * @example
 * ```ts
 * const e: IndexEntryInput = { percent: "3.5", status: "preliminary", source: "SKR Dec 2022" };
 * ```
 */
export interface IndexEntryInput {
  /** Percent, as a string (`"3.5"`) or a number with at most four decimals. */
  percent: string | number;
  /** Default `unspecified`. */
  status?: IndexStatus;
  /** Default `"caller-supplied"`. */
  source?: string;
  /** Default `null`. */
  published?: LocalDate | null;
  /** Optional remark. */
  note?: string;
}

/**
 * An index series as a caller passes it: a `name` (which must match the
 * series the contract names, e.g. `'OPI'` or `'uppräkningsmodell'`) and, per
 * year, either a bare percentage (the short form:
 * `{ name: 'OPI', percent: { 2022: '3.0' } }`) or a full entry with status and
 * source (`values: { 2023: { percent: '3.5', status: 'preliminary', source: '…' } }`).
 * The caller's years are laid over the shipped values of the same series;
 * the other years stay.
 *
 * @example
 * ```ts
 * const series: IndexSeries = { name: "OPI", percent: { 2023: "3.5" } };
 * ```
 */
export interface IndexSeries {
  /** The series' name, e.g. `'OPI'`. */
  name: string;
  /** Short form: year → percent. */
  percent?: Record<number, string | number>;
  /** Full form: year → entry with status and source. */
  values?: Record<number, IndexEntryInput>;
  /**
   * Set to `true` to use this series for a contract that names another one
   * (e.g. OPI for a municipal uplift model), on purpose. Default `false`: a
   * mismatch is an `INDEX_MISMATCH` error.
   */
  substitute?: boolean;
}

/**
 * The series shipped with the package, by name. Only OPI is published; a
 * municipality's own uplift model (`uppräkningsmodell`) is decided locally
 * and must be passed by the caller.
 *
 * @example
 * ```ts
 * Object.keys(SHIPPED_SERIES); //=> ["OPI"]
 * ```
 */
export const SHIPPED_SERIES: Readonly<Record<string, readonly IndexValue[]>> = /* @__PURE__ */ Object.freeze({ OPI: OPI_VALUES });

const PERCENT_PATTERN = /^-?(0|[1-9]\d{0,2})(\.\d{1,4})?$/;
const EXPECTED_PERCENT = 'a percentage with at most four decimals, as a string like "4.6" or a number, between -999 and 999';

/**
 * A percentage as an exact fraction: `"4.6"` → `{ numerator: 46, scale: 10 }`
 * meaning 46/10 %. Kept internal to indexation; money stays in öre.
 *
 * @example
 * ```ts
 * const p: ExactPercent = { numerator: 46, scale: 10 }; // 4.6 %
 * ```
 */
export interface ExactPercent {
  /** The percent times `scale`, an integer. */
  numerator: number;
  /** A power of ten. */
  scale: number;
}

/**
 * Reads a percentage exactly.
 *
 * @param value - `"4.6"`, `4.6`, `"-0.5"`
 * @param field - the field, for the error message
 * @returns the normalised decimal string and its exact fraction
 * @throws {@link RulesError} `INVALID_INPUT` for anything else
 * @example
 * ```ts
 * parsePercent("4.60", "percent"); //=> { text: "4.6", numerator: 46, scale: 10 }
 * ```
 */
export function parsePercent(value: unknown, field: string): ExactPercent & { text: string } {
  let text: string;
  if (typeof value === "string") text = value.trim() === value ? value : "!";
  else if (typeof value === "number" && Number.isFinite(value)) text = Object.is(value, -0) ? "0" : String(value);
  else throw fieldError("INVALID_INPUT", field, EXPECTED_PERCENT, value);
  if (!PERCENT_PATTERN.test(text)) throw fieldError("INVALID_INPUT", field, EXPECTED_PERCENT, value);
  const negative = text.startsWith("-");
  const [whole = "0", fraction = ""] = (negative ? text.slice(1) : text).split(".");
  const trimmed = fraction.replace(/0+$/, "");
  const scale = 10 ** trimmed.length;
  const magnitude = Number(whole) * scale + (trimmed === "" ? 0 : Number(trimmed));
  const numerator = negative ? -magnitude : magnitude;
  if (numerator <= -100 * scale) throw fieldError("INVALID_INPUT", field, "a percentage above -100", value);
  const normalised = `${negative && magnitude !== 0 ? "-" : ""}${whole}${trimmed === "" ? "" : `.${trimmed}`}`;
  return { text: normalised, numerator: numerator === 0 ? 0 : numerator, scale };
}

/**
 * A series resolved for one contract: the values by year, after laying the
 * caller's years over the shipped ones.
 *
 * @example
 * ```ts
 * const r: ResolvedSeries = resolveSeries("OPI", undefined);
 * r.values.get(2022)?.percent; //=> "1.9"
 * ```
 */
export interface ResolvedSeries {
  /** The series' name. */
  name: string;
  /** Whether the caller substituted another series on purpose. */
  substituted: boolean;
  /** Values by year. */
  values: ReadonlyMap<number, IndexValue>;
}

/**
 * Validates a caller's series and lays it over the shipped values of the
 * series the contract names.
 *
 * @param expectedName - the series the contract names (`contract.indexation.series`)
 * @param series - the caller's series, or `undefined` for the shipped values only
 * @param field - the option's name, for error messages
 * @returns the values by year
 * @throws {@link RulesError} `INVALID_INPUT` for a malformed series, `INDEX_MISMATCH` for another series' name without `substitute: true`
 * @example
 * ```ts
 * resolveSeries("OPI", { name: "OPI", percent: { 2023: "3.5" } }).values.get(2023)?.percent; //=> "3.5"
 * resolveSeries("OPI", undefined).values.get(2023)?.percent;                                    //=> "4.6"
 * ```
 */
export function resolveSeries(expectedName: string, series: unknown, field = "options.index"): ResolvedSeries {
  field = fieldText(field, "options.index");
  if (typeof expectedName !== "string") throw fieldError("INVALID_ARGUMENT", "expectedName", "the series the contract names, e.g. 'OPI'", expectedName);
  const values = new Map<number, IndexValue>();
  if (series === undefined) {
    for (const v of SHIPPED_SERIES[expectedName] ?? []) values.set(v.year, v);
    return { name: expectedName, substituted: false, values };
  }
  if (typeof series !== "object" || series === null || Array.isArray(series)) {
    throw fieldError("INVALID_INPUT", field, "an index series { name, percent } or { name, values }", series);
  }
  const s = series as Record<string, unknown>;
  const allowed = new Set(["name", "percent", "values", "substitute"]);
  for (const key of Object.keys(s)) {
    if (!allowed.has(key)) throw fieldError("INVALID_INPUT", `${field}.${key}`, "no such field (name, percent, values, substitute)", s[key]);
  }
  const name = s.name;
  if (typeof name !== "string" || name === "") throw fieldError("INVALID_INPUT", `${field}.name`, "the series' name, e.g. 'OPI'", name);
  const substitute = s.substitute ?? false;
  if (typeof substitute !== "boolean") throw fieldError("INVALID_INPUT", `${field}.substitute`, "true or false", substitute);
  if (name !== expectedName && !substitute) {
    throw new RulesError(
      "INDEX_MISMATCH",
      `${field}.name: the contract is indexed by '${expectedName}', received a series named ${describeValue(name)}; pass substitute: true to use it on purpose`,
      [{ path: `${field}.name`, expected: `'${expectedName}'`, received: describeValue(name) }],
    );
  }
  if (s.percent === undefined && s.values === undefined) {
    throw fieldError("INVALID_INPUT", field, "a series with `percent` (short form) or `values` (full form)", series);
  }
  // The caller's years are laid over the shipped values of the series named.
  for (const v of SHIPPED_SERIES[name] ?? []) values.set(v.year, v);
  const readYears = (record: unknown, path: string, read: (year: number, entry: unknown, p: string) => IndexValue): void => {
    if (record === undefined) return;
    if (typeof record !== "object" || record === null || Array.isArray(record)) {
      throw fieldError("INVALID_INPUT", path, "an object from year to value", record);
    }
    for (const [key, entry] of Object.entries(record)) {
      const p = `${path}.${key}`;
      if (!/^[12]\d{3}$/.test(key)) throw fieldError("INVALID_INPUT", p, "a year 1000–2999 as the key", key);
      values.set(Number(key), read(Number(key), entry, p));
    }
  };
  readYears(s.percent, `${field}.percent`, (year, entry, p) => ({
    year,
    percent: parsePercent(entry, p).text,
    status: "unspecified",
    source: "caller-supplied",
    published: null,
  }));
  readYears(s.values, `${field}.values`, (year, entry, p) => readEntry(year, entry, p));
  return { name, substituted: name !== expectedName, values };
}

const STATUSES: readonly IndexStatus[] = ["final", "preliminary", "unspecified"];

function readEntry(year: number, entry: unknown, path: string): IndexValue {
  if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
    throw fieldError("INVALID_INPUT", path, "{ percent, status?, source?, published? }", entry);
  }
  const e = entry as Record<string, unknown>;
  for (const key of Object.keys(e)) {
    if (!["percent", "status", "source", "published", "note"].includes(key)) {
      throw fieldError("INVALID_INPUT", `${path}.${key}`, "no such field (percent, status, source, published, note)", e[key]);
    }
  }
  const status = e.status ?? "unspecified";
  if (typeof status !== "string" || !(STATUSES as readonly string[]).includes(status)) {
    throw fieldError("INVALID_INPUT", `${path}.status`, "'final', 'preliminary' or 'unspecified'", status);
  }
  const source = e.source ?? "caller-supplied";
  if (typeof source !== "string" || source === "") throw fieldError("INVALID_INPUT", `${path}.source`, "a non-empty string", source);
  const published = e.published ?? null;
  if (published !== null && !isLocalDate(published)) throw fieldError("INVALID_INPUT", `${path}.published`, "a date YYYY-MM-DD or null", published);
  const value: IndexValue = { year, percent: parsePercent(e.percent, `${path}.percent`).text, status: status as IndexStatus, source, published };
  if (e.note !== undefined) {
    if (typeof e.note !== "string") throw fieldError("INVALID_INPUT", `${path}.note`, "a string", e.note);
    value.note = e.note;
  }
  return value;
}
