/**
 * `year <contract> --year YYYY`: the year in one report (the library's
 * `yearReport`): each month's total, the cap month by month, and the
 * quarterly reconciliation against what was paid.
 *
 * @module
 */
import { yearReport, yearReportToJSON, type Contract, type Decimal, type Statement, type YearReport } from "../../index.js";
import { positional, choiceValue, requireOption, stringOption, yearValue, type CommandSpec } from "../args.js";
import type { Command } from "../command.js";
import { loadContract } from "../contractArg.js";
import { explained } from "../errors.js";
import { excelCsvLines, jsonChunks, LazyList, moneyCell, numberCell, renderTable, sek, swedishDecimal, type CsvCell } from "../format.js";
import { dataOutput, textOutput } from "../output.js";
import { BILLING_OPTIONS, BILLING_TERMS, loadBillingInput, policyHelp } from "../inputs.js";
import { distinctClauses, policiesText, priceText, quantityText, statementJSON, warningLines } from "./statement.js";

const FORMATS = ["table", "json", "csv"] as const;

/**
 * The spec of `year`.
 *
 * @example
 * ```ts
 * yearSpec.options.paid?.value; //=> "FILE.json"
 * ```
 */
export const yearSpec: CommandSpec = {
  name: "year",
  summary: "The year in one report: monthly totals, the cap month by month, the quarterly reconciliation",
  positionals: [{ name: "contract", description: "a shipped id (see 'contracts') or a JSON file" }],
  options: {
    year: { type: "string", short: "y", value: "YYYY", description: "the year (required)" },
    ...BILLING_OPTIONS,
    paid: { type: "string", value: "FILE.json", description: 'what was paid by month, for the reconciliation: { "2023-01": "380101.66", … }' },
    format: { type: "string", short: "f", value: "table|json|csv", description: "output format (default table); csv opens in Swedish Excel" },
  },
  get details() {
    return [
      policyHelp(),
      "",
      "Example:",
      "  verksamhetsuppdrag year vald-i-nara-relation --year 2023 --start 2020-01-01 --paid paid-2023.json",
    ].join("\n");
  },
};

function h(value: Decimal): string {
  return quantityText({ quantity: value });
}

/** Hours for the CSV: a number cell, or text (`0,8333…`) when cut at four decimals as in the table. */
function hoursCell(value: Decimal): CsvCell {
  return value.decimalPlaces() <= 4 ? numberCell(value) : h(value);
}

/**
 * A year report as readable tables.
 *
 * @param r - the report
 * @param contract - its commission
 * @returns the text, in pieces (its warnings may be many)
 * @example
 * ```ts
 * [...yearTable(yearReport(contracts.beroendemottagningen, 2021), contracts.beroendemottagningen)].join("");
 * //=> "Year 2021: Öppenvård vuxna … (beroendemottagningen)\n…Total payable  1 370 250,00 kr\n…"
 * ```
 */
export function* yearTable(r: YearReport, contract: Contract): Generator<string> {
  const out: string[] = [`Year ${r.year.toString()}: ${contract.title} (${r.contractId})`];
  const unit = contract.compensation.kind === "hourly" ? "per hour" : "per year";
  out.push(`Price: ${priceText(r.indexation, unit)} (${distinctClauses(r.indexation.clause)})`, "");
  const withFees = contract.compensation.kind === "hourly" && contract.compensation.visitFee !== null;
  const columns = [
    { header: "month" },
    { header: "payable", align: "right" as const },
    { header: "not payable", align: "right" as const },
    ...(withFees ? [{ header: "fees to purchaser", align: "right" as const }] : []),
    { header: "lines", align: "right" as const },
  ];
  const rows: (string[] | null)[] = r.statements.map((s) => [
    s.month,
    sek(s.total),
    sek(s.notPayable),
    ...(withFees ? [sek(s.feesOwedToPurchaser)] : []),
    s.lines.length.toString(),
  ]);
  rows.push(null, ["total", sek(r.total), sek(r.notPayable), ...(withFees ? [sek(r.feesOwedToPurchaser)] : []), ""]);
  out.push(renderTable(columns, rows).trimEnd());
  if (r.capUsage !== null) {
    out.push("", "Cap month by month (hours):");
    out.push(
      renderTable(
        [
          { header: "month" },
          { header: "performed", align: "right" },
          { header: "within cap", align: "right" },
          { header: "over", align: "right" },
          { header: "to date", align: "right" },
          { header: "cap", align: "right" },
          { header: "remaining", align: "right" },
          { header: "call-offs" },
        ],
        r.capUsage.map((u) => [
          u.month,
          h(u.performedHours),
          h(u.usedHours),
          h(u.overHours),
          h(u.usedToDate),
          h(u.capHours),
          h(u.remaining),
          u.callOffs.map((c) => `${c.id} +${swedishDecimal(c.hours)} h`).join(", "),
        ]),
      ).trimEnd(),
    );
  }
  if (r.reconciliation !== null) {
    const rec = r.reconciliation;
    out.push("", `Quarterly reconciliation${rec.clause === null ? " (no clause: shown because --paid was given)" : ` (${rec.clause})`}:`);
    const qRows: (string[] | null)[] = rec.quarters.map((q) => [
      `Q${q.quarter.toString()}`,
      `${q.months[0] ?? ""}–${q.months[q.months.length - 1] ?? ""}`,
      sek(q.due),
      sek(q.paid),
      sek(q.difference),
      q.unreported.length === 0 ? "" : `no payment given for ${q.unreported.join(", ")}`,
    ]);
    qRows.push(null, ["year", "", sek(rec.due), sek(rec.paid), sek(rec.difference), ""]);
    out.push(
      renderTable(
        [
          { header: "quarter" },
          { header: "months" },
          { header: "due", align: "right" },
          { header: "paid", align: "right" },
          { header: "difference", align: "right" },
          { header: "note" },
        ],
        qRows,
      ).trimEnd(),
    );
    out.push("(difference = due − paid: above zero the provider is owed, below zero it was overpaid)");
  }
  yield `${out.join("\n")}\n`;
  yield* warningLines(r.warnings);
  yield `\nPolicies: ${policiesText(r.policies)}\n`;
}

/**
 * A year report as CSV for Swedish Excel: one row per month (totals, and the
 * cap's hours where there is one), then the quarters of the reconciliation.
 *
 * @param r - the report
 * @returns the CSV text (BOM, semicolons, decimal comma, CRLF), a row at a time
 * @example
 * ```ts
 * [...yearCsv(yearReport(contracts.beroendemottagningen, 2021))].join("").split("\r\n")[1];
 * //=> "beroendemottagningen;2021-04;152250,00;0,00;0,00;;;;;"
 * ```
 */
export function yearCsv(r: YearReport): Generator<string> {
  const cap = new Map((r.capUsage ?? []).map((u) => [u.month, u]));
  const rows: CsvCell[][] = [
    ["contract", "month", "payable", "not payable", "fees owed to purchaser", "performed hours", "hours within cap", "hours over cap", "cap hours", "remaining hours"],
  ];
  for (const s of r.statements) {
    const u = cap.get(s.month);
    rows.push([
      r.contractId,
      s.month,
      moneyCell(s.total),
      moneyCell(s.notPayable),
      moneyCell(s.feesOwedToPurchaser),
      u === undefined ? null : hoursCell(u.performedHours),
      u === undefined ? null : hoursCell(u.usedHours),
      u === undefined ? null : hoursCell(u.overHours),
      u === undefined ? null : hoursCell(u.capHours),
      u === undefined ? null : hoursCell(u.remaining),
    ]);
  }
  rows.push([r.contractId, "total", moneyCell(r.total), moneyCell(r.notPayable), moneyCell(r.feesOwedToPurchaser)]);
  if (r.reconciliation !== null) {
    rows.push([]);
    rows.push(["contract", "quarter", "first month", "last month", "due", "paid", "difference", "months without payment"]);
    for (const q of r.reconciliation.quarters) {
      rows.push([
        r.contractId,
        `Q${q.quarter.toString()}`,
        q.months[0] ?? "",
        q.months[q.months.length - 1] ?? "",
        moneyCell(q.due),
        moneyCell(q.paid),
        moneyCell(q.difference),
        q.unreported.join(" "),
      ]);
    }
    const rec = r.reconciliation;
    rows.push([r.contractId, "year", "", "", moneyCell(rec.due), moneyCell(rec.paid), moneyCell(rec.difference), ""]);
  }
  return excelCsvLines(rows);
}

/**
 * Runs `year`.
 *
 * @example
 * ```ts
 * await yearCommand.run(parseCommandArgs(yearSpec, ["beroendemottagningen", "--year", "2021"]), context);
 * ```
 */
export const yearCommand: Command = {
  spec: yearSpec,
  run: async (args, context) => {
    const format = choiceValue(stringOption(args, "format") ?? "table", FORMATS, "--format", "year");
    const year = yearValue(requireOption(args, "year", "year"), "--year");
    const contract = await loadContract(positional(args, 0));
    const { input, locate } = await loadBillingInput(args, context);
    const report = explained(() => yearReport(contract, year, input), locate, BILLING_TERMS);
    switch (format) {
      case "json":
        return dataOutput(jsonChunks({ ...yearReportToJSON(report, { statements: false }), statements: statementsJSON(report) }));
      case "csv":
        return dataOutput(yearCsv(report));
      case "table":
        return textOutput(yearTable(report, contract));
    }
  },
};

/** The report's statements as JSON, each made when it is written (a year of a million lines is never held as JSON at once). */
function statementsJSON(report: YearReport): LazyList {
  const statements = report.statements;
  return new LazyList(statements.length, (i) => statementJSON(statements[i] as Statement));
}
