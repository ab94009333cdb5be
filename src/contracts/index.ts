/**
 * Commissions as data: the schema, the parser, the shipped commissions and
 * the JSON Schema.
 *
 * @module
 */
export { contractSchema } from "./schema.js";
export type {
  Amendment,
  BillableTimeRule,
  CaseGuidance,
  CallOffClause,
  Cited,
  Compensation,
  Contract,
  ContractInput,
  EarlyTerminationClause,
  Eligibility,
  ExpectedResult,
  FixedAnnualCompensation,
  GroupRule,
  GroupVolume,
  HourVolumeCompensation,
  HourlyCompensation,
  Hours,
  IndexationClause,
  InsuranceClause,
  Money,
  NoticeClause,
  Parties,
  PaymentClause,
  ReportingObligation,
  ServiceLevels,
  StatedYear,
  Staffing,
  Term,
  TermExtension,
  VisitFee,
  YearlyCap,
} from "./schema.js";
export { parseContract } from "./parse.js";
export { contracts, boendestodProcuredOptions } from "./shipped/index.js";
export { beroendemottagningen } from "./shipped/beroendemottagningen.js";
export { boendestod } from "./shipped/boendestod.js";
export { familjeradgivning } from "./shipped/familjeradgivning.js";
export { valdINaraRelation } from "./shipped/valdINaraRelation.js";
export { contractJsonSchema } from "./jsonSchema.js";
export { extendTerm, monthsInForce, termEnd, termMonths } from "./term.js";
export type { MonthsInForceOptions, MonthsOfYear, TermEndOptions, TermMonths } from "./term.js";
