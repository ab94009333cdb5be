/**
 * `verksamhetsuppdrag/testing`: for the test suites of downstream apps.
 *
 * - fast-check arbitraries of valid commissions, a year's sessions,
 *   written call-offs, index series and settlement corrections, to
 *   property-test one's own code against the library (`fast-check` is an
 *   optional peer dependency: install it to use these);
 * - the worked cases' question and answer ({@link questionOf},
 *   {@link answer}) and the comparison {@link compareAnswer}, the same that
 *   `verksamhetsuppdrag conformance` runs; the cases themselves are
 *   `verksamhetsuppdrag/cases.json`.
 *
 * See docs/testing.md.
 *
 * @packageDocumentation
 */
export { contractArbitrary } from "./arbitraries/contracts.js";
export type { ContractArbitraryOptions } from "./arbitraries/contracts.js";
export { callOffsArbitrary, correctionsArbitrary, indexSeriesArbitrary, yearSessionsArbitrary } from "./arbitraries/sessions.js";
export type { SessionsArbitraryOptions, SettlementStep } from "./arbitraries/sessions.js";
export { answer } from "./answer.js";
export { CASE_KINDS, CASES_FORMAT, QUESTION_FORMAT, questionOf } from "./cases.js";
export type { CaseKind, CasesFile, JsonValue, Question, WorkedCase } from "./cases.js";
export { compareAnswer, describeDifference, sameValue } from "./conformance.js";
export type { Difference } from "./conformance.js";
export type { SieVoucherRows } from "./sieVouchers.js";
