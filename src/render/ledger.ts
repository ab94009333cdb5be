/**
 * The ledger file of `verksamhetsuppdrag settle` read and written without
 * Node: `{ format, contractId, entries }`, one entry to a line.
 *
 * @module
 */
import { ledgerEntryToJSON, type Settlement } from "../index.js";

/** The name and version of a ledger file's shape. */
export const LEDGER_FORMAT = "verksamhetsuppdrag/ledger@1";

/**
 * The entries a ledger file holds: `{ format, contractId, entries }` as the
 * command line writes it, or a plain array of entries.
 *
 * @param data - the parsed JSON of the file
 * @returns the entries, or `null` when the data is neither shape
 * @example
 * ```ts
 * ledgerEntries({ format: LEDGER_FORMAT, contractId: "x", entries: [] }); //=> []
 * ```
 */
export function ledgerEntries(data: unknown): unknown[] | null {
  if (Array.isArray(data)) return data as unknown[];
  if (typeof data === "object" && data !== null && Array.isArray((data as { entries?: unknown }).entries)) return (data as { entries: unknown[] }).entries;
  return null;
}

/**
 * A ledger file's text, as `settle` writes it: the old entries, then the
 * settlement's new ones, one to a line.
 *
 * @param contractId - the commission's id
 * @param entries - the entries booked so far, as read
 * @param settlement - the settlement whose entries are appended
 * @returns the file's text
 * @example
 * ```ts
 * ledgerText("beroendemottagningen", [], settle(contracts.beroendemottagningen, "2021-04")).split("\n")[1]; //=> '  "format": "verksamhetsuppdrag/ledger@1",'
 * ```
 */
export function ledgerText(contractId: string, entries: readonly unknown[], settlement: Settlement): string {
  return [...ledgerChunks(contractId, [...entries, ...settlement.entries.map(ledgerEntryToJSON)])].join("");
}

/**
 * A ledger file's text: its entries one to a line (a year of a million
 * sessions stays a file that diff and grep can read), in pieces — how the
 * command line writes it, a piece at a time.
 *
 * @param contractId - the commission's id
 * @param entries - every entry, old and new, as JSON
 * @returns the text in pieces
 * @example
 * ```ts
 * [...ledgerChunks("beroendemottagningen", [])].join(""); //=> '{\n  "format": "verksamhetsuppdrag/ledger@1",\n  "contractId": "beroendemottagningen",\n  "entries": []\n}\n'
 * ```
 */
export function* ledgerChunks(contractId: string, entries: readonly unknown[]): Generator<string> {
  yield `{\n  "format": ${JSON.stringify(LEDGER_FORMAT)},\n  "contractId": ${JSON.stringify(contractId)},\n  "entries": [`;
  for (let i = 0; i < entries.length; i++) yield `${i === 0 ? "\n" : ",\n"}    ${JSON.stringify(entries[i])}`;
  yield entries.length === 0 ? "]\n}\n" : "\n  ]\n}\n";
}
