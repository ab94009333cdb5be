/**
 * The stable JSON form of statements, year reports and settlements: plain
 * data, field by field, money as strings with exactly two decimals
 * (`"4991.25"`), hours and quantities as decimal strings (`"1.25"`), and a
 * `format` field naming the shape and its version. Nothing is guessed from a
 * key's name: each function knows which of its fields are money.
 *
 * @module
 */
import type { IndexedAmount, IndexStep } from "../indexation/annualAmount.js";
import { guarded } from "../callerData.js";
import { fieldError } from "../errors.js";
import { moneyToJson, type Decimal } from "../money/index.js";
import type { ResolvedBillingPolicies } from "./policies.js";
import type { LedgerEntry, LedgerEntryJSON, Settlement } from "./settlement.js";
import type { CallOffSummary, CapStatus, LineExplanation, Statement, StatementLine, StatementTerm } from "./types.js";
import type { CapUsageMonth, Reconciliation, YearReport } from "./yearReport.js";

/**
 * The version of each JSON shape. A change that could break a reader (a
 * field removed, renamed or given another meaning) raises it; a field added
 * does not.
 *
 * @example
 * ```ts
 * JSON_FORMATS.statement; //=> "verksamhetsuppdrag/statement@1"
 * ```
 */
export const JSON_FORMATS = /* @__PURE__ */ Object.freeze({
  statement: "verksamhetsuppdrag/statement@1",
  yearReport: "verksamhetsuppdrag/year-report@1",
  settlement: "verksamhetsuppdrag/settlement@1",
  activityReport: "verksamhetsuppdrag/activity-report@1",
} as const);

/**
 * An {@link IndexedAmount} as JSON: the amount a two-decimal string (the
 * integer `ore` is left out: one representation of money).
 *
 * @example
 * ```ts
 * const i: IndexedAmountJSON = statementToJSON(statement(contracts.beroendemottagningen, "2021-04")).indexation;
 * i.amount; //=> "1827000.00"
 * ```
 */
export interface IndexedAmountJSON extends Omit<IndexedAmount, "ore" | "amount" | "steps"> {
  /** The figure for `year`, two decimals. */
  amount: string;
  /** Each year the figure was adjusted. */
  steps: IndexStep[];
}

/**
 * A {@link StatementLine} as JSON.
 *
 * @example
 * ```ts
 * const l: StatementLineJSON = statementToJSON(s).lines[0]!;
 * l.quantity; //=> "1.25"
 * l.amount;   //=> "756.25"
 * ```
 */
export interface StatementLineJSON extends Omit<StatementLine, "quantity" | "unitPrice" | "amount"> {
  /** How many units, a decimal string. */
  quantity: string;
  /** Two decimals. */
  unitPrice: string;
  /** Two decimals. */
  amount: string;
}

/**
 * A {@link CapStatus} as JSON: every figure in hours, a decimal string.
 *
 * @example
 * ```ts
 * const cap: CapStatusJSON = statementToJSON(statement(contracts.familjeradgivning, "2022-03")).cap!;
 * cap.capHours; //=> "2590"
 * ```
 */
export interface CapStatusJSON extends Omit<CapStatus, "baseHours" | "capHours" | "usedBefore" | "usedInMonth" | "overInMonth" | "remaining"> {
  /** Hours. */
  baseHours: string;
  /** Hours. */
  capHours: string;
  /** Hours. */
  usedBefore: string;
  /** Hours. */
  usedInMonth: string;
  /** Hours. */
  overInMonth: string;
  /** Hours. */
  remaining: string;
}

/**
 * A {@link Statement} as JSON (see {@link statementToJSON}).
 *
 * @example
 * ```ts
 * const j: StatementJSON = statementToJSON(statement(contracts.beroendemottagningen, "2021-04"));
 * j.total; //=> "152250.00"
 * ```
 */
export interface StatementJSON {
  /** `"verksamhetsuppdrag/statement@1"`. */
  format: typeof JSON_FORMATS.statement;
  /** The commission's id. */
  contractId: string;
  /** The month. */
  month: string;
  /** The kind of compensation. */
  compensationKind: Statement["compensationKind"];
  /** The lines. */
  lines: StatementLineJSON[];
  /** Two decimals. */
  total: string;
  /** Two decimals. */
  notPayable: string;
  /** Two decimals. */
  feesOwedToPurchaser: string;
  /** The visit-fee lines. */
  feeLines: StatementLineJSON[];
  /** Every warning. */
  warnings: string[];
  /** The policies used. */
  policies: ResolvedBillingPolicies;
  /** The year's figure and its index values. */
  indexation: IndexedAmountJSON;
  /** The visit fee and its index values, or `null`. */
  visitFeeIndexation: IndexedAmountJSON | null;
  /** The cap or volume, or `null`. */
  cap: CapStatusJSON | null;
  /** The term as used. */
  term: StatementTerm;
  /** The payment clause. */
  clause: string;
}

/**
 * A {@link CapUsageMonth} as JSON: hours as decimal strings.
 *
 * @example
 * ```ts
 * const u: CapUsageMonthJSON = yearReportToJSON(yearReport(contracts.familjeradgivning, 2022)).capUsage![0]!;
 * u.capHours; //=> "2590"
 * ```
 */
export interface CapUsageMonthJSON extends Omit<CapUsageMonth, "performedHours" | "usedHours" | "overHours" | "usedToDate" | "capHours" | "remaining"> {
  /** Hours. */
  performedHours: string;
  /** Hours. */
  usedHours: string;
  /** Hours. */
  overHours: string;
  /** Hours. */
  usedToDate: string;
  /** Hours. */
  capHours: string;
  /** Hours. */
  remaining: string;
}

/**
 * A {@link Reconciliation} as JSON: money as two-decimal strings.
 *
 * @example
 * ```ts
 * const r: ReconciliationJSON = yearReportToJSON(yearReport(contracts.valdINaraRelation, 2020, { start: "2020-01-01" })).reconciliation!;
 * r.quarters[0]?.due; //=> "1054020.63"
 * ```
 */
export interface ReconciliationJSON {
  /** The reconciliation clause, or `null`. */
  clause: string | null;
  /** Its sentence, or `null`. */
  quote: string | null;
  /** The quarters. */
  quarters: { quarter: 1 | 2 | 3 | 4; months: string[]; due: string; paid: string; difference: string; unreported: string[] }[];
  /** Two decimals. */
  due: string;
  /** Two decimals. */
  paid: string;
  /** Two decimals. */
  difference: string;
}

/**
 * A {@link YearReport} as JSON (see {@link yearReportToJSON}).
 *
 * @example
 * ```ts
 * yearReportToJSON(yearReport(contracts.beroendemottagningen, 2021)).total; //=> "1370250.00"
 * ```
 */
export interface YearReportJSON {
  /** `"verksamhetsuppdrag/year-report@1"`. */
  format: typeof JSON_FORMATS.yearReport;
  /** The commission's id. */
  contractId: string;
  /** The year. */
  year: number;
  /** The months in the term. */
  months: string[];
  /** The statements, each as {@link statementToJSON} writes it. */
  statements: StatementJSON[];
  /** Two decimals. */
  total: string;
  /** Two decimals. */
  notPayable: string;
  /** Two decimals. */
  feesOwedToPurchaser: string;
  /** The cap month by month, or `null`. */
  capUsage: CapUsageMonthJSON[] | null;
  /** The reconciliation, or `null`. */
  reconciliation: ReconciliationJSON | null;
  /** Every warning. */
  warnings: string[];
  /** The policies used. */
  policies: ResolvedBillingPolicies;
  /** The year's figure and its index values. */
  indexation: IndexedAmountJSON;
}

/**
 * A {@link Settlement} as JSON (see {@link settlementToJSON}).
 *
 * @example
 * ```ts
 * settlementToJSON(settle(contracts.beroendemottagningen, "2021-04")).total; //=> "152250.00"
 * ```
 */
export interface SettlementJSON {
  /** `"verksamhetsuppdrag/settlement@1"`. */
  format: typeof JSON_FORMATS.settlement;
  /** The commission's id. */
  contractId: string;
  /** The month settled. */
  month: string;
  /** The first month recomputed. */
  from: string;
  /** Each month settled: due, paid and difference as two-decimal strings. */
  months: { month: string; inTerm: boolean; due: string; paid: string; difference: string; feesDue: string; feesPaid: string; feesDifference: string; entries: number }[];
  /** The entries to book: accepted back as `paid`. */
  entries: LedgerEntryJSON[];
  /** Two decimals, signed. */
  total: string;
  /** Two decimals, signed. */
  feesOwedToPurchaser: string;
  /** The settlement's own notes. */
  warnings: string[];
  /** The policies used. */
  policies: ResolvedBillingPolicies;
  /** The recomputed statements, only when asked for (`{ statements: true }`). */
  statements?: StatementJSON[];
}

/**
 * Converts a result of the package with `convert`; anything that is not such
 * a result (not an object, a field missing or of another type) is a
 * {@link RulesError} `INVALID_ARGUMENT` naming what was expected.
 */
/** @internal Converts a result to JSON, as an `INVALID_ARGUMENT` naming `path` when it is not one. */
export function converting<T, R>(value: T, path: string, what: string, convert: (value: T) => R): R {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw fieldError("INVALID_ARGUMENT", path, what, value);
  return guarded(path, () => convert(value), "INVALID_ARGUMENT");
}

const money = (d: Decimal): string => moneyToJson(d);
const measure = (d: Decimal): string => d.toFixed();

function explanationJSON(e: LineExplanation): LineExplanation {
  return { rule: e.rule, inputs: { ...e.inputs }, policy: { ...e.policy }, figures: { ...e.figures } };
}

/**
 * One statement line as plain JSON-ready data, as {@link statementToJSON}
 * writes it in `lines`.
 *
 * @param line - a line of a statement
 * @returns the line with money as two-decimal strings and its quantity as a decimal string
 * @throws {@link RulesError} `INVALID_ARGUMENT` for anything that is not a statement line
 * @example
 * ```ts
 * const s = statement(contracts.familjeradgivning, "2022-03", { sessions: [{ id: "S17", date: "2022-03-04", minutes: 61, kind: "individual" }] });
 * statementLineToJSON(s.lines[0]!).amount; //=> "756.25"
 * ```
 */
export function statementLineToJSON(line: StatementLine): StatementLineJSON {
  return converting(line, "line", "a line of a statement", lineJSON);
}

function lineJSON(l: StatementLine): StatementLineJSON {
  const out: StatementLineJSON = {
    id: l.id,
    kind: l.kind,
    description: l.description,
    quantity: measure(l.quantity),
    unit: l.unit,
    unitPrice: money(l.unitPrice),
    amount: money(l.amount),
    payable: l.payable,
    clause: l.clause,
    warnings: [...l.warnings],
    explanation: explanationJSON(l.explanation),
  };
  if (l.sessionId !== undefined) out.sessionId = l.sessionId;
  if (l.date !== undefined) out.date = l.date;
  return out;
}

function indexedJSON(i: IndexedAmount): IndexedAmountJSON {
  const out: IndexedAmountJSON = {
    year: i.year,
    figure: i.figure,
    amount: money(i.amount),
    base: { ...i.base },
    series: i.series,
    substituted: i.substituted,
    rounding: i.rounding,
    steps: i.steps.map((s) => ({ ...s })),
    clause: i.clause,
  };
  if (i.visitFeeRule !== undefined) out.visitFeeRule = i.visitFeeRule;
  return out;
}

function callOffJSON(c: CallOffSummary): CallOffSummary {
  return { id: c.id, date: c.date, hours: c.hours, clause: c.clause };
}

function capJSON(c: CapStatus): CapStatusJSON {
  return {
    kind: c.kind,
    clause: c.clause,
    baseHours: measure(c.baseHours),
    basis: c.basis,
    callOffs: c.callOffs.map(callOffJSON),
    capHours: measure(c.capHours),
    usedBefore: measure(c.usedBefore),
    usedInMonth: measure(c.usedInMonth),
    overInMonth: measure(c.overInMonth),
    remaining: measure(c.remaining),
  };
}

/**
 * A statement as plain JSON-ready data: money as strings with exactly two
 * decimals, quantities and hours as decimal strings, `format` naming the
 * shape and its version. `JSON.stringify` of the result is what the command
 * line prints for `statement --format json`.
 *
 * @param s - a result of {@link statement}
 * @param options - `lines: false` leaves the lines out (an empty list), for a
 *   writer that converts them one at a time with {@link statementLineToJSON}
 * @returns the same figures with no `Decimal` left
 * @throws {@link RulesError} `INVALID_ARGUMENT` for anything that is not such a result
 * @example
 * ```ts
 * const j = statementToJSON(statement(contracts.familjeradgivning, "2022-03", {
 *   sessions: [{ id: "S17", date: "2022-03-04", minutes: 61, kind: "individual" }],
 * }));
 * j.format;              //=> "verksamhetsuppdrag/statement@1"
 * j.lines[0]?.quantity;  //=> "1.25"
 * j.lines[0]?.amount;    //=> "756.25"
 * j.total;               //=> "756.25"
 * ```
 */
export function statementToJSON(s: Statement, options: { lines?: boolean } = {}): StatementJSON {
  return converting(s, "statement", "a result of statement()", (s) => {
    return {
      format: JSON_FORMATS.statement,
      contractId: s.contractId,
      month: s.month,
      compensationKind: s.compensationKind,
      lines: options.lines === false ? [] : s.lines.map(lineJSON),
      total: money(s.total),
      notPayable: money(s.notPayable),
      feesOwedToPurchaser: money(s.feesOwedToPurchaser),
      feeLines: s.feeLines.map(lineJSON),
      warnings: [...s.warnings],
      policies: { ...s.policies },
      indexation: indexedJSON(s.indexation),
      visitFeeIndexation: s.visitFeeIndexation === null ? null : indexedJSON(s.visitFeeIndexation),
      cap: s.cap === null ? null : capJSON(s.cap),
      term: { ...s.term },
      clause: s.clause,
    };
  });
}

function capUsageJSON(u: CapUsageMonth): CapUsageMonthJSON {
  return {
    month: u.month,
    performedHours: measure(u.performedHours),
    usedHours: measure(u.usedHours),
    overHours: measure(u.overHours),
    usedToDate: measure(u.usedToDate),
    capHours: measure(u.capHours),
    callOffs: u.callOffs.map(callOffJSON),
    remaining: measure(u.remaining),
  };
}

function reconciliationJSON(r: Reconciliation): ReconciliationJSON {
  return {
    clause: r.clause,
    quote: r.quote,
    quarters: r.quarters.map((q) => ({ quarter: q.quarter, months: [...q.months], due: money(q.due), paid: money(q.paid), difference: money(q.difference), unreported: [...q.unreported] })),
    due: money(r.due),
    paid: money(r.paid),
    difference: money(r.difference),
  };
}

/**
 * A year report as plain JSON-ready data, each statement as
 * {@link statementToJSON} writes it. With `{ statements: false }` the
 * statements are left out (an empty list), which spares building them.
 *
 * @param report - a result of {@link yearReport}
 * @param options - `statements: false` leaves the statements out
 * @returns the same figures with no `Decimal` left
 * @throws {@link RulesError} `INVALID_ARGUMENT` for anything that is not such a result
 * @example
 * ```ts
 * const j = yearReportToJSON(yearReport(contracts.beroendemottagningen, 2021));
 * j.format;                 //=> "verksamhetsuppdrag/year-report@1"
 * j.total;                  //=> "1370250.00"
 * j.statements[0]?.total;   //=> "152250.00"
 * ```
 */
export function yearReportToJSON(report: YearReport, options: { statements?: boolean } = {}): YearReportJSON {
  return converting(report, "report", "a result of yearReport()", (report) => {
    const r = report;
    return {
      format: JSON_FORMATS.yearReport,
      contractId: r.contractId,
      year: r.year,
      months: [...r.months],
      statements: options.statements === false ? [] : r.statements.map((s) => statementToJSON(s)),
      total: money(r.total),
      notPayable: money(r.notPayable),
      feesOwedToPurchaser: money(r.feesOwedToPurchaser),
      capUsage: r.capUsage === null ? null : r.capUsage.map(capUsageJSON),
      reconciliation: r.reconciliation === null ? null : reconciliationJSON(r.reconciliation),
      warnings: [...r.warnings],
      policies: { ...r.policies },
      indexation: indexedJSON(r.indexation),
    };
  });
}

/**
 * A ledger entry as plain JSON-ready data: the amount a signed string with
 * two decimals. Accepted back as `paid` by {@link settle}.
 *
 * @param entry - an entry of a settlement
 * @returns the entry as JSON data
 * @throws {@link RulesError} `INVALID_ARGUMENT` for anything that is not such a result
 * @example
 * ```ts
 * const e = settle(contracts.beroendemottagningen, "2021-04").entries[0]!;
 * ledgerEntryToJSON(e).amount; //=> "152250.00"
 * ```
 */
export function ledgerEntryToJSON(entry: LedgerEntry): LedgerEntryJSON {
  return converting(entry, "entry", "an entry of a settlement", (entry) => {
    return {
      entryId: entry.entryId,
      contractId: entry.contractId,
      settledIn: entry.settledIn,
      month: entry.month,
      lineId: entry.lineId,
      kind: entry.kind,
      amount: money(entry.amount),
      reason: entry.reason,
      description: entry.description,
      clause: entry.clause,
    };
  });
}

/**
 * A settlement as plain JSON-ready data: money as signed strings with two
 * decimals, `format` naming the shape and its version. Its `entries` are
 * what a ledger keeps and are accepted back as `paid`. The recomputed
 * statements are left out unless asked for (`{ statements: true }`): they
 * are each month's {@link statementToJSON}, and building them costs what
 * twelve statements cost.
 *
 * @param settlement - a result of {@link settle}
 * @param options - `statements: true` adds the recomputed statements
 * @returns the same figures with no `Decimal` left
 * @throws {@link RulesError} `INVALID_ARGUMENT` for anything that is not such a result
 * @example
 * ```ts
 * const j = settlementToJSON(settle(contracts.beroendemottagningen, "2021-04"));
 * j.format;             //=> "verksamhetsuppdrag/settlement@1"
 * j.total;              //=> "152250.00"
 * j.entries[0]?.amount; //=> "152250.00"
 * settle(contracts.beroendemottagningen, "2021-04", { paid: j.entries }).entries.length; //=> 0
 * ```
 */
export function settlementToJSON(settlement: Settlement, options: { statements?: boolean } = {}): SettlementJSON {
  return converting(settlement, "settlement", "a result of settle()", (settlement) => {
    const s = settlement;
    const out: SettlementJSON = {
      format: JSON_FORMATS.settlement,
      contractId: s.contractId,
      month: s.month,
      from: s.from,
      months: s.months.map((m) => ({
        month: m.month,
        inTerm: m.inTerm,
        due: money(m.due),
        paid: money(m.paid),
        difference: money(m.difference),
        feesDue: money(m.feesDue),
        feesPaid: money(m.feesPaid),
        feesDifference: money(m.feesDifference),
        entries: m.entries,
      })),
      entries: s.entries.map(ledgerEntryToJSON),
      total: money(s.total),
      feesOwedToPurchaser: money(s.feesOwedToPurchaser),
      warnings: [...s.warnings],
      policies: { ...s.policies },
    };
    if (options.statements === true) out.statements = s.statements.map((s) => statementToJSON(s));
    return out;
  });
}
