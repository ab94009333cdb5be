/**
 * `settle <contract> --month YYYY-MM --ledger LEDGER.json`: what to book now
 * (the library's `settle`), given what the ledger says was booked; the new
 * entries are appended to the ledger atomically.
 *
 * @module
 */
import { existsSync } from "node:fs";
import {
  DEFAULT_BILLING_POLICIES,
  ledgerEntryToJSON,
  settle,
  settlementToJSON,
  type Contract,
  type LedgerEntryJSON,
  type PaidEntry,
  type Settlement,
  type SettlementInput,
} from "../../index.js";
import { choiceValue, monthValue, positional, requireOption, stringOption, type CommandSpec } from "../args.js";
import type { Command } from "../command.js";
import { loadContract } from "../contractArg.js";
import { anyLocator, explained, valueError, type Location } from "../errors.js";
import { excelCsvLines, jsonChunks, moneyCell, renderPairs, sek, tableLines, type CsvCell } from "../format.js";
import { BILLING_OPTIONS, BILLING_TERMS, loadBillingInput, policyHelp } from "../inputs.js";
import { readJsonFile } from "../jsonFile.js";
import { dataOutput, textOutput, writeFileAtomically, type CommandOutput } from "../output.js";
import { loadPosting, settlementSie, SIE_HELP, SIE_OPTIONS } from "../sie.js";
import { policiesText, warningLines } from "./statement.js";
import { LEDGER_FORMAT, ledgerChunks } from "../../render/ledger.js";

const FORMATS = ["table", "json", "csv", "sie"] as const;


/**
 * The spec of `settle`.
 *
 * @example
 * ```ts
 * settleSpec.options.ledger?.value; //=> "LEDGER.json"
 * ```
 */
export const settleSpec: CommandSpec = {
  name: "settle",
  summary: "Settle a month against the ledger: what to book now, line by line; appends the entries to the ledger",
  positionals: [{ name: "contract", description: "a shipped id (see 'contracts') or a JSON file" }],
  options: {
    month: { type: "string", short: "m", value: "YYYY-MM", description: "the month settled (required)" },
    ledger: { type: "string", value: "LEDGER.json", description: "the ledger of entries booked so far (required; a missing file is an empty ledger)" },
    from: { type: "string", value: "YYYY-MM", description: "the first month to recompute (default: the ledger's earliest month, else --month)" },
    "dry-run": { type: "boolean", description: "print the settlement but leave the ledger as it is" },
    ...BILLING_OPTIONS,
    format: { type: "string", short: "f", value: "table|json|csv|sie", description: "output format (default table); csv gives the entries for Swedish Excel, sie a voucher file" },
    ...SIE_OPTIONS,
  },
  get details() {
    return [
      "Every month from --from through --month is recomputed from the input (sessions of each month's own year);",
      "for every line the entry is what is due minus what the ledger booked for it. The new entries are appended to",
      "the ledger (written to a temporary file beside it, then renamed): on any error the ledger is left as it was.",
      "Running the same settlement again prints a zero total and adds nothing.",
      "",
      ...SIE_HELP,
      "",
      policyHelp(),
      "",
      "Examples:",
      "  verksamhetsuppdrag settle familjeradgivning --month 2022-04 --sessions sessions.csv --ledger ledger.json",
      "  verksamhetsuppdrag settle beroendemottagningen --month 2023-05 --index opi-2023-final.json --ledger ledger.json",
      "  verksamhetsuppdrag settle familjeradgivning --month 2022-04 --sessions sessions.csv --ledger ledger.json --format csv > avrakning.csv",
      "  verksamhetsuppdrag settle familjeradgivning --month 2022-04 --sessions sessions.csv --ledger ledger.json --format sie --posting posting.json > bokforingsorder.si",
    ].join("\n");
  },
};

/**
 * The largest ledger file, in bytes (500 MiB, about two million entries as
 * this command writes them): under V8's longest string, since the file is
 * read as one text.
 *
 * @example
 * ```ts
 * MAX_LEDGER_BYTES; //=> 524288000
 * ```
 */
export const MAX_LEDGER_BYTES = 500 * 1024 * 1024;

/** The entries a ledger file holds: `{ format, contractId, entries }` as this command writes it, or a plain array. */
async function readLedger(file: string): Promise<{ entries: unknown[]; exists: boolean }> {
  if (!existsSync(file)) return { entries: [], exists: false };
  const data = await readJsonFile(file, file, MAX_LEDGER_BYTES);
  if (Array.isArray(data)) return { entries: data as unknown[], exists: true };
  if (typeof data === "object" && data !== null && Array.isArray((data as { entries?: unknown }).entries)) {
    const format = (data as { format?: unknown }).format;
    if (format !== undefined && format !== LEDGER_FORMAT) throw valueError({ file, field: "format" }, `"${LEDGER_FORMAT}"`, JSON.stringify(format));
    return { entries: (data as { entries: unknown[] }).entries, exists: true };
  }
  throw valueError({ file }, `a ledger { "format": "${LEDGER_FORMAT}", "entries": [...] } or an array of entries`, Array.isArray(data) ? "an array" : JSON.stringify(data).slice(0, 60));
}

/** Locates `paid.<i>.<field>` as the ledger file's entry. */
function ledgerLocator(file: string): (path: string) => Location | undefined {
  return (path) => {
    const m = /^paid(?:\.(\d+)(?:\.(.+))?)?$/.exec(path);
    if (m === null) return undefined;
    return { file, field: m[1] === undefined ? "entries" : `entries[${m[1]}]${m[2] === undefined ? "" : `.${m[2]}`}` };
  };
}

const REASON_SV: Record<string, string> = { new: "ny", changed: "ändrad", removed: "borttagen" };

/**
 * A settlement as a table: per month what is due, what was booked and the
 * difference; then every entry to book (month, line, reason, amount); then
 * what to book now.
 *
 * @param s - the settlement
 * @param contract - its commission
 * @param ledgerNote - a line on what happened to the ledger
 * @returns the text in pieces
 * @example
 * ```ts
 * [...settlementTableChunks(settle(contracts.beroendemottagningen, "2021-04"), contracts.beroendemottagningen, "")].join("");
 * //=> "Settlement 2021-04: Öppenvård vuxna … (beroendemottagningen), months 2021-04–2021-04\n…"
 * ```
 */
export function* settlementTableChunks(s: Settlement, contract: Contract, ledgerNote: string): Generator<string> {
  yield `Settlement ${s.month}: ${contract.title} (${s.contractId}), months ${s.from}–${s.month}\n\n`;
  yield* tableLines(
    [{ header: "Month" }, { header: "Due", align: "right" }, { header: "Booked before", align: "right" }, { header: "To book", align: "right" }, { header: "Entries", align: "right" }],
    () => s.months.map((m) => [m.month + (m.inTerm ? "" : " (outside the term)"), sek(m.due), sek(m.paid), sek(m.difference), m.entries.toString()]),
  );
  if (s.entries.length > 0) {
    yield "\nEntries to book:\n";
    yield* tableLines(
      [{ header: "Month" }, { header: "Line" }, { header: "Why" }, { header: "Amount", align: "right" }, { header: "Description" }],
      () => s.entries.map((e) => [e.month, e.lineId.slice(e.contractId.length + 9), `${e.reason} (${REASON_SV[e.reason] ?? e.reason})`, `${sek(e.amount)}${e.kind === "fee" ? " (fee)" : ""}`, e.description]),
    );
  } else {
    yield "\nNothing to book: every line is booked as due.\n";
  }
  yield "\n";
  const totals: [string, string][] = [["To book to the provider now", sek(s.total)]];
  if (!s.feesOwedToPurchaser.isZero() || s.entries.some((e) => e.kind === "fee")) totals.push(["Visit fees owed to the purchaser", sek(s.feesOwedToPurchaser)]);
  let wide = 0;
  for (const [, v] of totals) wide = Math.max(wide, v.length);
  yield renderPairs(totals.map(([k, v]) => [k, v.padStart(wide)]));
  if (ledgerNote !== "") yield `${ledgerNote}\n`;
  yield* warningLines(s.warnings);
  const defaults: Readonly<Record<string, unknown>> = DEFAULT_BILLING_POLICIES;
  if (Object.entries(s.policies).some(([k, v]) => defaults[k] !== v)) yield `\nPolicies: ${policiesText(s.policies)}\n`;
}

/**
 * A settlement's entries as CSV for Swedish Excel: one row per entry, then
 * the totals. Text cells that could start a formula are neutralised.
 *
 * @param s - the settlement
 * @returns the CSV text in pieces
 * @example
 * ```ts
 * [...settlementCsvLines(settle(contracts.beroendemottagningen, "2021-04"))].join("");
 * //=> "\uFEFFentry;settled in;month;line;kind;reason;amount;description;clause\r\n…;152250,00;…"
 * ```
 */
export function settlementCsvLines(s: Settlement): Generator<string> {
  return excelCsvLines(
    (function* (): Generator<CsvCell[]> {
      yield ["entry", "settled in", "month", "line", "kind", "reason", "amount", "description", "clause"];
      for (const e of s.entries) yield [e.entryId, e.settledIn, e.month, e.lineId, e.kind, e.reason, moneyCell(e.amount), e.description, e.clause];
      yield ["total to the provider", s.month, "", "", "provider", "", moneyCell(s.total), "", ""];
      yield ["total fees owed to the purchaser", s.month, "", "", "fee", "", moneyCell(s.feesOwedToPurchaser), "", ""];
    })(),
  );
}

/**
 * Runs `settle`.
 *
 * @example
 * ```ts
 * await settleCommand.run(parseCommandArgs(settleSpec, ["beroendemottagningen", "--month", "2021-04", "--ledger", "ledger.json"]), context);
 * ```
 */
export const settleCommand: Command = {
  spec: settleSpec,
  run: async (args, context) => {
    const format = choiceValue(stringOption(args, "format") ?? "table", FORMATS, "--format", "settle");
    const posting = await loadPosting(args, format, "settle");
    const month = monthValue(requireOption(args, "month", "settle"), "--month");
    const ledgerFile = requireOption(args, "ledger", "settle");
    const fromOption = stringOption(args, "from");
    const from = fromOption === undefined ? undefined : (monthValue(fromOption, "--from"));
    const contract = await loadContract(positional(args, 0));
    const ledger = await readLedger(ledgerFile);
    // Every session of the file: the library checks them all and keeps the months it settles.
    const { input, locate } = await loadBillingInput(args, context);
    const settlementInput: SettlementInput = { ...input, paid: ledger.entries as PaidEntry[] };
    if (from !== undefined) settlementInput.from = from;
    const s = explained(() => settle(contract, month, settlementInput), anyLocator(ledgerLocator(ledgerFile), locate), { ...BILLING_TERMS, from: "--from" });
    // The voucher file is made before the ledger is written: a text it cannot hold leaves the ledger as it was.
    const sie = posting === undefined ? undefined : settlementSie(s, posting, args, context);
    let note: string;
    if (args.values["dry-run"] === true) note = `Ledger ${ledgerFile}: left as it was (--dry-run; ${s.entries.length.toString()} entries not added)`;
    else if (s.entries.length === 0) note = `Ledger ${ledgerFile}: nothing added`;
    else {
      const added: LedgerEntryJSON[] = s.entries.map(ledgerEntryToJSON);
      writeFileAtomically(ledgerFile, ledgerChunks(contract.id, [...ledger.entries, ...added]));
      note = `Ledger ${ledgerFile}: ${added.length.toString()} entr${added.length === 1 ? "y" : "ies"} added${ledger.exists ? "" : " (a new ledger)"}`;
    }
    switch (format) {
      case "json":
        return dataOutput(jsonChunks(settlementToJSON(s)));
      case "csv":
        return dataOutput(settlementCsvLines(s));
      case "sie":
        return sie as CommandOutput;
      case "table":
        return textOutput(settlementTableChunks(s, contract, note));
    }
  },
};
