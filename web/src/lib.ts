// The library as the page uses it: the package's main entry, and the pure renderers of src/render.
export * from "../../src/index.js";
export { statementCsvLines, statementJsonText } from "../../src/render/statement.js";
export { deadlinesIcs } from "../../src/render/calendar.js";
export { ledgerEntries, ledgerText } from "../../src/render/ledger.js";
