/**
 * `verksamhetsuppdrag/sie`: bookkeeping. A settlement (or a statement) and
 * the municipality's posting configuration in, an SIE 4I voucher file
 * (*bokföringsorder*) in code page 437 out, for the finance system to read
 * in. Pure: no I/O, no clock. See docs/bookkeeping.md.
 *
 * This file only re-exports.
 *
 * @packageDocumentation
 */
export { CP437_HIGH, decodeCp437, encodeCp437 } from "./cp437.js";
export { DEFAULT_VOUCHER_TEXT, parsePostingConfig, postingConfigSchema, VOUCHER_TEXT_PLACEHOLDERS } from "./posting.js";
export type { PostingConfig, PostingConfigInput, PostingSide } from "./posting.js";
export { settlementsToSie, SIE_WRITER_VERSION, statementsToSie } from "./sie.js";
export type { SieFile, SieOptions, SieSkipped, SieTransactions, SieVoucher } from "./sie.js";
