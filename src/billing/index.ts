/**
 * Billing: billable time, the group rule, monthly statements for the three
 * kinds of compensation, and the year report with the quarterly
 * reconciliation. See docs/billing.md.
 *
 * @module
 */
export { billableHours } from "./billableHours.js";
export type { QuarterRounding } from "./billableHours.js";
export { groupClientHours, groupRuleOf } from "./groupRule.js";
export type { GroupClientHours, GroupClientHoursOptions, GroupHoursCounting, GroupOutsideRule } from "./groupRule.js";
export { DEFAULT_BILLING_POLICIES } from "./policies.js";
export type {
  BillingPolicies,
  OverCapPolicy,
  PartialMonthPolicy,
  PartYearVolumePolicy,
  ResolvedBillingPolicies,
  VisitFeePolicy,
} from "./policies.js";
export { MAX_SESSIONS } from "./input.js";
export type { CallOff, Session, StatementInput } from "./input.js";
export { statement } from "./statement.js";
export type { CallOffSummary, CapStatus, LineExplanation, LineKind, Statement, StatementLine, StatementTerm } from "./types.js";
export { yearReport } from "./yearReport.js";
export type { CapUsageMonth, QuarterReconciliation, Reconciliation, YearReport, YearReportInput } from "./yearReport.js";
export { indexRevision } from "./revision.js";
export type { IndexRevision, IndexRevisionMonth, IndexRevisionOptions, IndexRevisionSide } from "./revision.js";
export { MAX_LEDGER_ENTRIES, MAX_SETTLEMENT_MONTHS, settle } from "./settlement.js";
export type { EntryReason, LedgerEntry, LedgerEntryJSON, PaidEntry, Settlement, SettlementInput, SettlementMonth } from "./settlement.js";
export { JSON_FORMATS, ledgerEntryToJSON, settlementToJSON, statementLineToJSON, statementToJSON, yearReportToJSON } from "./json.js";
export type {
  CapStatusJSON,
  CapUsageMonthJSON,
  IndexedAmountJSON,
  ReconciliationJSON,
  SettlementJSON,
  StatementJSON,
  StatementLineJSON,
  YearReportJSON,
} from "./json.js";
