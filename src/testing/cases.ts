/**
 * The worked cases as data (`verksamhetsuppdrag/cases.json`) and the
 * question an implementation is asked for one of them. Both are plain JSON,
 * so that an implementation in any language can read them.
 *
 * @module
 */
import { fieldError } from "../index.js";

/**
 * The `format` of `cases.json`.
 *
 * @example
 * ```ts
 * CASES_FORMAT; //=> "verksamhetsuppdrag/cases@1"
 * ```
 */
export const CASES_FORMAT = "verksamhetsuppdrag/cases@1";

/**
 * The `format` of a question (what `conformance` writes to a command's stdin).
 *
 * @example
 * ```ts
 * QUESTION_FORMAT; //=> "verksamhetsuppdrag/question@1"
 * ```
 */
export const QUESTION_FORMAT = "verksamhetsuppdrag/question@1";

/**
 * The kinds of worked case, each a computation of the library:
 * `contract-figures` (figures read back from the contract by path),
 * `statement` (one month), `statement-year` (a year report), `revision`
 * (an index revision), `settlement` (months settled in turn),
 * `bookkeeping` (settlements as SIE 4I vouchers), `deadlines` (reporting
 * deadlines of a year), `notice-end`, `early-termination` and `term`.
 *
 * @example
 * ```ts
 * CASE_KINDS.includes("statement"); //=> true
 * ```
 */
export const CASE_KINDS = Object.freeze([
  "contract-figures",
  "statement",
  "statement-year",
  "revision",
  "settlement",
  "bookkeeping",
  "deadlines",
  "notice-end",
  "early-termination",
  "term",
  "activity-report",
  "expected-results",
  "insurance-check",
  "liability-cap",
] as const);

/**
 * One of {@link CASE_KINDS}.
 *
 * @example
 * ```ts
 * const kind: CaseKind = "settlement";
 * ```
 */
export type CaseKind = (typeof CASE_KINDS)[number];

/**
 * A JSON value.
 *
 * @example
 * ```ts
 * const value: JsonValue = { total: "4991.25", lines: [] };
 * ```
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * One worked case of `cases.json`: a case of `test/cases/*.yaml` with its
 * contract written out in full.
 *
 * @example
 * ```ts
 * const c: WorkedCase = cases.cases.find((c) => c.id === "statement-familjeradgivning/1")!;
 * c.expected; //=> { lines: [...], total: "4991.25", notPayable: "0.00", feesOwedToPurchaser: "600.00", warnings: 0 }
 * ```
 */
export interface WorkedCase {
  /** `<file>/<n>`: the YAML file's name without `.yaml` and the case's place in it, from 1. */
  id: string;
  /** What the case shows, in a few words. */
  title: string;
  /** Which computation it checks. */
  kind: CaseKind;
  /** The id of the contract (a shipped one's, or the inline contract's). */
  contractId: string;
  /** The contract as plain data, as `parseContract` accepts it. */
  contract: { [key: string]: JsonValue };
  /** The computation's inputs (as in the YAML; a bookkeeping case's posting file written out), or `null`. */
  input: JsonValue;
  /** The expected figures: money, hours and percentages as decimal strings. */
  expected: JsonValue;
  /** A sentence or two for a person, with the Swedish quote. */
  explanation: string;
  /** The clause(s) of the contract the case checks. */
  clause: string;
}

/**
 * `cases.json`: every worked case.
 *
 * @example
 * ```ts
 * const file: CasesFile = JSON.parse(readFileSync(require.resolve("verksamhetsuppdrag/cases.json"), "utf8"));
 * file.format; //=> "verksamhetsuppdrag/cases@1"
 * ```
 */
export interface CasesFile {
  /** {@link CASES_FORMAT}. */
  format: typeof CASES_FORMAT;
  /** The cases, in file order. */
  cases: WorkedCase[];
}

/**
 * What an implementation is asked: one case without its expected figures.
 *
 * @example
 * ```ts
 * questionOf(c); //=> { format: "verksamhetsuppdrag/question@1", case: "statement-familjeradgivning/1", kind: "statement", contract: {...}, input: { month: "2022-03", sessions: [...] } }
 * ```
 */
export interface Question {
  /** {@link QUESTION_FORMAT}. */
  format: typeof QUESTION_FORMAT;
  /** The case's id. */
  case: string;
  /** The computation. */
  kind: CaseKind;
  /** The contract as plain data. */
  contract: { [key: string]: JsonValue };
  /** The inputs; for `contract-figures`, `{ paths }`: the dotted paths to read. */
  input: JsonValue;
}

/**
 * The question of a case: its kind, contract and input. A
 * `contract-figures` case asks for the paths its expected figures name.
 *
 * @param worked - the case
 * @returns the question
 * @example
 * ```ts
 * questionOf(cases.cases[0]).input; //=> { paths: ["compensation.kind", "compensation.amount", ...] }
 * ```
 */
export function questionOf(worked: WorkedCase): Question {
  const input: JsonValue =
    worked.kind === "contract-figures" ? { paths: Object.keys(asObject(worked.expected, `${worked.id}: expected`)) } : worked.input;
  return { format: QUESTION_FORMAT, case: worked.id, kind: worked.kind, contract: worked.contract, input };
}

/**
 * The value as a JSON object, or a RulesError naming the field.
 *
 * @internal
 * @param value - the value
 * @param field - its name, for the error
 * @returns the object
 * @throws RulesError `INVALID_INPUT` when the value is not an object
 */
export function asObject(value: unknown, field: string): { [key: string]: JsonValue } {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw fieldError("INVALID_INPUT", field, "a JSON object", value);
  return value as { [key: string]: JsonValue };
}

/**
 * Whether a string is one of {@link CASE_KINDS}.
 *
 * @internal
 * @param kind - the string
 * @returns whether it is a kind
 */
export function isCaseKind(kind: unknown): kind is CaseKind {
  return typeof kind === "string" && (CASE_KINDS as readonly string[]).includes(kind);
}
