/**
 * The yearly report and the clauses read once a year: the activity report's
 * figures (*verksamhetsberättelse*), the expected results against their
 * targets, and the activity report as JSON. See `docs/reporting.md`.
 *
 * @module
 */
export { activityReport } from "./activityReport.js";
export type {
  ActivityReport,
  ActivityReportInput,
  CaseAverage,
  CaseHoursBasis,
  GroupComposition,
  GroupSessionFigures,
  GroupSize,
  ReportFigure,
  WaitingFigures,
} from "./activityReport.js";
export { expectedResults } from "./expectedResults.js";
export type { ExpectedResultOutcome, ExpectedResultsEvaluation, ResultAnswers } from "./expectedResults.js";
export { activityReportToJSON } from "./json.js";
export type { ActivityReportJSON, CaseAverageJSON } from "./json.js";
