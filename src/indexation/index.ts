export { annualAmount, indexedAmount, visitFee } from "./annualAmount.js";
export type { IndexedAmount, IndexOptions, IndexRounding, IndexStep, VisitFeeRule } from "./annualAmount.js";
export { OPI_2023_PRELIMINARY, OPI_VALUES } from "./opi.js";
export { parsePercent, resolveSeries, SHIPPED_SERIES } from "./series.js";
export type { ExactPercent, IndexEntryInput, IndexSeries, IndexStatus, IndexValue, ResolvedSeries } from "./series.js";
