/**
 * The activity report as stable JSON: money as two-decimal strings, hours
 * and averages as decimal strings, and a `format` field with its version
 * (the same conventions as `statementToJSON`).
 *
 * @module
 */
import { converting, JSON_FORMATS } from "../billing/json.js";
import type { ResolvedBillingPolicies } from "../billing/policies.js";
import type { CallOffSummary } from "../billing/types.js";
import { moneyToJson, type Decimal } from "../money/index.js";
import type { ActivityReport, CaseAverage } from "./activityReport.js";

/**
 * A {@link CaseAverage} as JSON: every figure a decimal string.
 *
 * @example
 * ```ts
 * const a: CaseAverageJSON = { total: "22", cases: 3, average: "7.33",
 *   guidance: { low: "7", high: "7", within: null, clause: "SON 2021-233 §2.3", quote: null } };
 * ```
 */
export interface CaseAverageJSON {
  total: string;
  cases: number;
  average: string;
  guidance: { low: string; high: string; within: boolean | null; clause: string; quote: string | null } | null;
}

/**
 * An {@link ActivityReport} as JSON.
 *
 * @example
 * ```ts
 * const j: ActivityReportJSON = activityReportToJSON(activityReport(contracts.beroendemottagningen, 2022));
 * j.format;        //=> "verksamhetsuppdrag/activity-report@1"
 * j.payment.total; //=> "1855392.24" (with the shipped OPI 2022)
 * ```
 */
export interface ActivityReportJSON
  extends Omit<ActivityReport, "billableHours" | "payableHours" | "hoursPerCase" | "sessionsPerCase" | "visitFees" | "cap" | "payment" | "policies"> {
  /** The shape and its version. */
  format: typeof JSON_FORMATS.activityReport;
  /** Hours as decimal strings. */
  billableHours: string | null;
  payableHours: string | null;
  hoursPerCase: CaseAverageJSON | null;
  sessionsPerCase: CaseAverageJSON | null;
  /** Money as two-decimal strings. */
  visitFees: { visits: number; amount: string; owedTo: "purchaser" | "provider"; clause: string } | null;
  cap: { capHours: string; usedHours: string; overHours: string; remaining: string; callOffs: CallOffSummary[]; clause: string } | null;
  payment: { total: string; notPayable: string; feesOwedToPurchaser: string; clause: string; statedCost: string | null; statedDifference: string | null };
  policies: ResolvedBillingPolicies;
}

const measure = (d: Decimal): string => d.toFixed();
const nullableMeasure = (d: Decimal | null): string | null => (d === null ? null : measure(d));

function averageJSON(a: CaseAverage | null): CaseAverageJSON | null {
  if (a === null) return null;
  const g = a.guidance;
  return {
    total: measure(a.total),
    cases: a.cases,
    average: moneyToJson(a.average),
    guidance: g === null ? null : { low: measure(g.low), high: measure(g.high), within: g.within, clause: g.clause, quote: g.quote },
  };
}

/**
 * An activity report as plain JSON-ready data (deep copies: changing the
 * JSON does not change the report).
 *
 * @param report - a result of {@link activityReport}
 * @returns the report as JSON data
 * @throws {@link RulesError} `INVALID_ARGUMENT` for anything that is not such a result
 * @example
 * ```ts
 * const j = activityReportToJSON(activityReport(contracts.familjeradgivning, 2022));
 * j.billableHours;    //=> "0"
 * j.visitFees?.amount; //=> "0.00"
 * ```
 */
export function activityReportToJSON(report: ActivityReport): ActivityReportJSON {
  return converting(report, "report", "a result of activityReport()", (r) => ({
    format: JSON_FORMATS.activityReport,
    contractId: r.contractId,
    title: r.title,
    covers: r.covers,
    due: r.due === null ? null : { ...r.due },
    compensationKind: r.compensationKind,
    sessions: r.sessions,
    individualSessions: r.individualSessions,
    sessionsOutsideTerm: r.sessionsOutsideTerm,
    cases: r.cases,
    sessionsWithoutCase: r.sessionsWithoutCase,
    performedMinutes: r.performedMinutes,
    billableHours: nullableMeasure(r.billableHours),
    payableHours: nullableMeasure(r.payableHours),
    hoursPerCase: averageJSON(r.hoursPerCase),
    sessionsPerCase: averageJSON(r.sessionsPerCase),
    groupSessions: { ...r.groupSessions },
    groupComposition:
      r.groupComposition === null
        ? null
        : { required: { ...r.groupComposition.required }, groups: r.groupComposition.groups.map((g) => ({ ...g })), withinRange: r.groupComposition.withinRange, fullOperation: r.groupComposition.fullOperation },
    visitFees: r.visitFees === null ? null : { visits: r.visitFees.visits, amount: moneyToJson(r.visitFees.amount), owedTo: r.visitFees.owedTo, clause: r.visitFees.clause },
    cap:
      r.cap === null
        ? null
        : {
            capHours: measure(r.cap.capHours),
            usedHours: measure(r.cap.usedHours),
            overHours: measure(r.cap.overHours),
            remaining: measure(r.cap.remaining),
            callOffs: r.cap.callOffs.map((co) => ({ ...co })),
            clause: r.cap.clause,
          },
    eligibility: { ...r.eligibility },
    waiting: r.waiting === null ? null : { ...r.waiting, withinGoal: r.waiting.withinGoal === null ? null : { ...r.waiting.withinGoal }, persistent: r.waiting.persistent.map((p) => ({ ...p })) },
    payment: {
      total: moneyToJson(r.payment.total),
      notPayable: moneyToJson(r.payment.notPayable),
      feesOwedToPurchaser: moneyToJson(r.payment.feesOwedToPurchaser),
      clause: r.payment.clause,
      statedCost: r.payment.statedCost === null ? null : moneyToJson(r.payment.statedCost),
      statedDifference: r.payment.statedDifference === null ? null : moneyToJson(r.payment.statedDifference),
    },
    warnings: [...r.warnings],
    options: { ...r.options },
    policies: { ...r.policies },
    figures: r.figures.map((f) => ({ ...f })),
  }));
}
