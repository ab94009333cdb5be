/**
 * verksamhetsuppdrag — exact, explainable figures for Swedish municipal
 * service commissions: monthly payments, indexation, notices and deadlines,
 * to the öre and cited to the clause.
 *
 * This file only re-exports; each folder holds one part of the domain.
 *
 * @packageDocumentation
 */
export { describeValue, fieldError, MAX_ISSUES, MAX_MESSAGE_LENGTH, RulesError } from "./errors.js";
export type { RulesErrorCode, RulesIssue } from "./errors.js";
export * from "./money/index.js";
export * from "./calendar/index.js";
export * from "./contracts/index.js";
export * from "./indexation/index.js";
export * from "./billing/index.js";
export * from "./deadlines/index.js";
export * from "./reporting/index.js";
export { insuranceCheck, liabilityCap } from "./liability/index.js";
export type { InsuranceCheck, InsuranceCover, InsuranceKind, InsuranceShortfall, LiabilityCap, LiabilityClaim } from "./liability/index.js";
export * from "./sessions/index.js";
