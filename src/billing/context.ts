/**
 * Everything a year's statements share, computed once: the validated input,
 * the term, the year's indexed figures, and for time-based commissions the
 * year's ledger. {@link statement} builds one for a month, {@link yearReport}
 * one for the year, and both build each month's statement from it.
 *
 * Not exported from the package.
 *
 * @module
 */
import { dayNumber, daysInMonth, lastDayOfMonth, type LocalDate } from "../calendar/index.js";
import { ensureContract } from "../contracts/parse.js";
import type { Contract } from "../contracts/schema.js";
import { describeValue, fieldError, RulesError } from "../errors.js";
import { indexedAmount, visitFee, type IndexedAmount } from "../indexation/annualAmount.js";
import { parseInput, type ParsedInput } from "./input.js";
import { buildLedger, type Ledger } from "./ledger.js";

/** @internal The commission's term as billing uses it. */
export interface TermWindow {
  start: LocalDate;
  startSource: "contract" | "input";
  end: LocalDate | null;
  startDay: number;
  /** Infinity when open-ended. */
  endDay: number;
  clause: string;
}

/** @internal */
export interface BillingContext {
  contract: Contract;
  year: number;
  input: ParsedInput;
  term: TermWindow;
  indexation: IndexedAmount;
  visitFeeIndexation: IndexedAmount | null;
  ledger: Ledger | null;
}


/** @internal Checks that a contract looks like one from parseContract. */
export function checkContract(contract: unknown): Contract {
  return ensureContract(contract);
}

/** @internal The term, with the caller's start where the text gives none. */
export function termWindow(contract: Contract, given: LocalDate | undefined): TermWindow {
  const own = contract.term.start;
  let start: LocalDate;
  let startSource: "contract" | "input";
  if (own === "unknown") {
    if (given === undefined) {
      throw new RulesError(
        "UNKNOWN_START",
        `${contract.id}: the contract's text gives no start date (${contract.term.clause}); pass input.start as "YYYY-MM-DD" to compute anything that depends on it`,
        [{ path: "start", expected: "the commission's start date YYYY-MM-DD (the text gives none)", received: "nothing" }],
      );
    }
    start = given;
    startSource = "input";
  } else {
    if (given !== undefined && given !== own) {
      throw fieldError("INVALID_INPUT", "start", `nothing, or the contract's own start ${own} (${contract.term.clause})`, given);
    }
    start = own;
    startSource = "contract";
  }
  const end = contract.term.end;
  return {
    start,
    startSource,
    end,
    startDay: dayNumber(start),
    endDay: end === null ? Number.POSITIVE_INFINITY : dayNumber(end),
    clause: contract.term.clause,
  };
}

/** @internal Days of `month` (1–12) of `year` in force, 0 when none. */
export function daysInForce(term: TermWindow, year: number, month: number): { days: number; first: number; last: number; length: number } {
  const ym = `${year.toString()}-${month.toString().padStart(2, "0")}`;
  const first = dayNumber(`${ym}-01`);
  const length = daysInMonth(year, month);
  const last = first + length - 1;
  const from = Math.max(first, term.startDay);
  const to = Math.min(last, term.endDay);
  return { days: to >= from ? to - from + 1 : 0, first, last, length };
}

/** @internal Throws OUTSIDE_TERM for a month the commission is not in force. */
export function assertMonthInTerm(contract: Contract, term: TermWindow, year: number, month: number): void {
  if (daysInForce(term, year, month).days > 0) return;
  const ym = `${year.toString()}-${month.toString().padStart(2, "0")}`;
  const source = term.startSource === "input" ? " (start from input.start)" : "";
  throw new RulesError(
    "OUTSIDE_TERM",
    `month: ${ym} is outside the term of ${contract.id}, ${term.start}${source} to ${term.end ?? "further notice"} (${term.clause})`,
    [{ path: "month", expected: `a month from ${term.start.slice(0, 7)} to ${term.end === null ? "further notice" : term.end.slice(0, 7)}`, received: describeValue(ym) }],
  );
}

/** @internal Validates the input and resolves the term (step 1 of 2). */
export function prepareInput(
  contract: Contract,
  rawInput: unknown,
  extraKeys: readonly string[] = [],
  rawKeys: readonly string[] = [],
): { input: ParsedInput; term: TermWindow } {
  const input = parseInput(rawInput, extraKeys, rawKeys);
  const term = termWindow(contract, input.start);
  const comp = contract.compensation;
  if (input.callOffs.length > 0) {
    if (contract.callOffs === null) {
      throw new RulesError("NOT_IN_CONTRACT", `callOffs: ${contract.id} has no call-off clause (avrop); the text gives no way to raise its volume`, [
        { path: "callOffs", expected: "none: the contract has no call-off clause", received: `${input.callOffs.length.toString()} call-off(s)` },
      ]);
    }
    if (!contract.callOffs.atContractCompensation) {
      throw new RulesError(
        "NOT_IN_CONTRACT",
        `callOffs: ${contract.id}'s call-off clause (${contract.callOffs.clause}) pays called-off hours at another compensation than the contract's, which the contract data does not give; bill them outside the statement`,
        [{ path: "callOffs", expected: "none: call-offs at another compensation (callOffs.atContractCompensation: false)", received: `${input.callOffs.length.toString()} call-off(s)` }],
      );
    }
    if (comp.kind === "fixed-annual") {
      throw new RulesError(
        "NOT_IN_CONTRACT",
        `callOffs: ${contract.id} pays a fixed annual amount; the call-off clause (${contract.callOffs.clause}) gives no price per hour, group hour or place, so a call-off cannot be billed on this statement`,
        [{ path: "callOffs", expected: "none for a fixed annual compensation", received: `${input.callOffs.length.toString()} call-off(s)` }],
      );
    }
  }
  return { input, term };
}

/**
 * @internal Computes everything the year's statements share, through month
 * `throughMonth` (1–12) (step 2 of 2, after the term was checked).
 */
export function prepareYear(contract: Contract, year: number, input: ParsedInput, term: TermWindow, throughMonth: number): BillingContext {
  const comp = contract.compensation;
  const options = { index: input.index, rounding: input.policies.indexRounding };
  const indexation = renamingPaths(() => indexedAmount(contract, year, options));
  let visitFeeIndexation: IndexedAmount | null = null;
  if (comp.kind === "hourly" && comp.visitFee !== null) {
    const rule = input.visitFeeRule;
    visitFeeIndexation = renamingPaths(() => visitFee(contract, year, rule === undefined ? options : { ...options, rule }));
  }
  const throughDay = dayNumber(lastDayOfMonth(`${year.toString()}-${throughMonth.toString().padStart(2, "0")}`));
  const ledger = comp.kind === "fixed-annual" ? null : buildLedger(contract, year, input, term, throughDay);
  return { contract, year, input, term, indexation, visitFeeIndexation, ledger };
}

/**
 * Runs an indexation call and renames its option paths to the statement
 * input's (`options.index` → `index`, `options.rule` → `visitFeeRule`), so an
 * error names the field the caller actually wrote.
 */
function renamingPaths<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (!(e instanceof RulesError)) throw e;
    const rename = (text: string): string => text.replaceAll("options.index", "index").replaceAll("options.rule", "visitFeeRule");
    throw new RulesError(
      e.code,
      rename(e.message),
      e.issues.map((issue) => ({ ...issue, path: rename(issue.path) })),
      e.moreIssues,
    );
  }
}
