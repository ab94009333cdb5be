/**
 * The library's answer to a question of a worked case: question JSON in,
 * answer JSON out, money as strings with two decimals. This is what
 * `verksamhetsuppdrag answer` prints, and so the reference an
 * implementation in another language is compared with.
 *
 * @module
 */
import {
  activityReport,
  activityReportToJSON,
  applyNotice,
  Decimal,
  expectedResults,
  insuranceCheck,
  liabilityCap,
  fieldError,
  deadlines,
  earlyTermination,
  indexRevision,
  moneyToJson,
  noticePeriod,
  parseContract,
  RulesError,
  settle,
  settlementToJSON,
  statement,
  statementToJSON,
  termEnd,
  termMonths,
  yearReport,
  yearReportToJSON,
  type Contract,
  type IndexSeries,
  type InsuranceCover,
  type LiabilityClaim,
  type ResultAnswers,
  type LedgerEntryJSON,
  type NoticeInput,
  type Settlement,
  type SettlementInput,
  type StatementInput,
} from "../index.js";
import { settlementsToSie, type PostingConfigInput } from "../bookkeeping/index.js";
import { asObject, isCaseKind, QUESTION_FORMAT, type CaseKind, type JsonValue } from "./cases.js";
import { sieVouchers } from "./sieVouchers.js";

/**
 * What a kind's computation is given: the contract (validated) and the
 * question's input.
 */
type Answerer = (contract: Contract, input: { [key: string]: JsonValue }, where: string) => JsonValue;

const ANSWERERS: Readonly<Record<CaseKind, Answerer>> = {
  "contract-figures": contractFigures,
  statement: (contract, input, where) => {
    const { month, ...rest } = input;
    return statementToJSON(statement(contract, text(month, `${where}.month`), rest)) as unknown as JsonValue;
  },
  "statement-year": yearAnswer,
  revision: revisionAnswer,
  settlement: (contract, input, where) => ({ steps: settlementSteps(contract, input, where).map(settlementAnswer) }),
  bookkeeping: bookkeepingAnswer,
  deadlines: (contract, input, where) => {
    const { year, ...options } = input;
    return deadlines(contract, integer(year, `${where}.year`), options) as unknown as JsonValue;
  },
  "notice-end": (contract, input) => {
    const { rule, ...notice } = input;
    return noticePeriod(contract, notice as unknown as NoticeInput, rule === undefined ? {} : { rule: rule as "same-date" }) as unknown as JsonValue;
  },
  "early-termination": (contract, input, where) => {
    const { breachNoticeOn, ...options } = input;
    return earlyTermination(contract, text(breachNoticeOn, `${where}.breachNoticeOn`), options) as unknown as JsonValue;
  },
  term: termAnswer,
  "activity-report": (contract, input, where) => {
    const { year, ...rest } = input;
    return activityReportToJSON(activityReport(contract, integer(year, `${where}.year`), rest)) as unknown as JsonValue;
  },
  "expected-results": (contract, input, where) => expectedResults(contract, list(input.answers, `${where}.answers`) as unknown as ResultAnswers[]) as unknown as JsonValue,
  "insurance-check": (contract, input) => moneyAsText(insuranceCheck(contract, input.cover as unknown as InsuranceCover)),
  "liability-cap": (contract, input) => moneyAsText(liabilityCap(contract, input.claim as unknown as LiabilityClaim)),
};

/** A result whose Decimals are all money (insurance, liability), as JSON: each a two-decimal string. */
function moneyAsText(value: unknown): JsonValue {
  if (Decimal.isDecimal(value)) return moneyToJson(value);
  if (Array.isArray(value)) return value.map(moneyAsText);
  if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, moneyAsText(v)]));
  return value as JsonValue;
}

/**
 * Answers a question as the library computes it. A computation the
 * library refuses is answered `{ "error": CODE, "message": … }`; a question
 * that is not one (no known kind, a contract that does not validate) is a
 * RulesError.
 *
 * @param question - a question as `conformance` writes it (parsed JSON)
 * @returns the answer, plain JSON
 * @throws RulesError `INVALID_INPUT` naming the field of a malformed question; `INVALID_CONTRACT` for its contract
 * @example
 * ```ts
 * const a = answer({ format: "verksamhetsuppdrag/question@1", case: "x", kind: "notice-end",
 *   contract: contracts.familjeradgivning, input: { receivedOn: "2024-02-29", form: "written" } });
 * a; //=> { end: "2025-02-28", months: 12, clamped: true, clause: "SON 2021-233 §1.1", ... }
 * ```
 */
export function answer(question: unknown): JsonValue {
  const q = asObject(question, "question");
  if (q.format !== QUESTION_FORMAT) throw fieldError("INVALID_INPUT", "question.format", JSON.stringify(QUESTION_FORMAT), q.format);
  if (!isCaseKind(q.kind)) throw fieldError("INVALID_INPUT", "question.kind", "one of the case kinds (CASE_KINDS)", q.kind);
  const contract = parseContract(q.contract);
  const input = q.input === null || q.input === undefined ? {} : asObject(q.input, "question.input");
  try {
    return ANSWERERS[q.kind](contract, input, "question.input");
  } catch (error) {
    if (error instanceof RulesError) return { error: error.code, message: error.message };
    throw error;
  }
}

function text(value: JsonValue | undefined, field: string): string {
  if (typeof value !== "string") throw fieldError("INVALID_INPUT", field, "a string", value);
  return value;
}

function integer(value: JsonValue | undefined, field: string): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value)) throw fieldError("INVALID_INPUT", field, "an integer", value);
  return value;
}

function list(value: JsonValue | undefined, field: string): JsonValue[] {
  if (!Array.isArray(value)) throw fieldError("INVALID_INPUT", field, "a list", value);
  return value;
}

/** `contract-figures`: `{ [path]: value }` for each path asked, read from the validated contract. */
function contractFigures(contract: Contract, input: { [key: string]: JsonValue }, where: string): JsonValue {
  const out: { [key: string]: JsonValue } = {};
  list(input.paths, `${where}.paths`).forEach((path, i) => {
    let value: unknown = contract;
    for (const key of text(path, `${where}.paths.${i.toString()}`).split(".")) {
      value = typeof value === "object" && value !== null && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
    }
    if (value !== undefined) out[path as string] = JSON.parse(JSON.stringify(value)) as JsonValue;
  });
  return out;
}

/** `statement-year`: the year's figures, each month's total, the quarters and the cap month by month. */
function yearAnswer(contract: Contract, input: { [key: string]: JsonValue }, where: string): JsonValue {
  const { year, ...rest } = input;
  const r = yearReportToJSON(yearReport(contract, integer(year, `${where}.year`), rest));
  return {
    months: r.months,
    total: r.total,
    notPayable: r.notPayable,
    feesOwedToPurchaser: r.feesOwedToPurchaser,
    monthTotals: Object.fromEntries(r.statements.map((s) => [s.month, s.total])),
    reconciliation: r.reconciliation === null ? [] : r.reconciliation.quarters.map((q) => ({ quarter: q.quarter, due: q.due, paid: q.paid, difference: q.difference })),
    capUsage: (r.capUsage ?? []) as unknown as JsonValue,
    warnings: r.warnings,
  };
}

/** `revision`: each month paid, revised and the difference; the totals; the revised year's index value on each side. */
function revisionAnswer(contract: Contract, input: { [key: string]: JsonValue }, where: string): JsonValue {
  const r = indexRevision(contract, integer(input.year, `${where}.year`), {
    from: input.from as unknown as IndexSeries,
    to: input.to as unknown as IndexSeries,
    paidThrough: text(input.paidThrough, `${where}.paidThrough`),
    input: input.statementInput as StatementInput | undefined,
  });
  const side = (steps: readonly { percent: string; status: string; year: number }[]): JsonValue => {
    const last = steps.at(-1);
    return last === undefined ? null : { year: last.year, percent: last.percent, status: last.status };
  };
  return {
    months: r.months.map((m) => ({ month: m.month, paid: moneyToJson(m.paid), revised: moneyToJson(m.revised), difference: moneyToJson(m.difference) })),
    paid: moneyToJson(r.paid),
    revised: moneyToJson(r.revised),
    difference: moneyToJson(r.difference),
    direction: r.direction,
    from: side(r.from.steps),
    to: side(r.to.steps),
  };
}

/**
 * Settles the steps of a `settlement` or `bookkeeping` input in turn, each
 * step's `paid` every earlier step's entries, a step's `notice` applied to
 * the contract from that step on.
 */
function settlementSteps(contract: Contract, input: { [key: string]: JsonValue }, where: string): Settlement[] {
  const ledger: LedgerEntryJSON[] = [];
  let current = contract;
  return list(input.steps, `${where}.steps`).map((raw, i) => {
    const at = `${where}.steps.${i.toString()}`;
    const step = asObject(raw, at);
    if (step.notice !== undefined) current = applyNotice(current, step.notice as unknown as NoticeInput);
    const stepInput = step.input === undefined ? {} : asObject(step.input, `${at}.input`);
    const s = settle(current, text(step.month, `${at}.month`), { ...(stepInput as SettlementInput), paid: [...ledger] });
    for (const entry of settlementToJSON(s).entries) ledger.push(entry);
    return s;
  });
}

function settlementAnswer(s: Settlement): JsonValue {
  const json = settlementToJSON(s);
  return {
    total: json.total,
    feesOwedToPurchaser: json.feesOwedToPurchaser,
    entries: json.entries.map((e) => ({ month: e.month, lineId: e.lineId, amount: e.amount, reason: e.reason, kind: e.kind })),
  };
}

/** `bookkeeping`: the settlements as one SIE 4I file, its vouchers read back from the file. */
function bookkeepingAnswer(contract: Contract, input: { [key: string]: JsonValue }, where: string): JsonValue {
  const posting = { ...asObject(input.posting, `${where}.posting`) } as unknown as PostingConfigInput;
  if (input.transactions !== undefined) posting.transactions = input.transactions as PostingConfigInput["transactions"];
  const file = settlementsToSie(settlementSteps(contract, input, where), posting, { generated: { date: text(input.generated, `${where}.generated`) } });
  return { vouchers: sieVouchers(file.text) as unknown as JsonValue };
}

/** `term`: the end after the extensions used, and the months in force when the term has an end. */
function termAnswer(contract: Contract, input: { [key: string]: JsonValue }, where: string): JsonValue {
  const extensionsUsed = input.extensionsUsed === undefined ? 0 : integer(input.extensionsUsed, `${where}.extensionsUsed`);
  const end = termEnd(contract, { extensionsUsed });
  if (end === null) return { end };
  const m = termMonths(contract, { extensionsUsed });
  return { end, months: m.months, byYear: Object.fromEntries(m.byYear.map((y) => [y.year.toString(), y.months])) };
}
