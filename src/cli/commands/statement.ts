/**
 * `statement <contract> --month YYYY-MM`: what the provider is paid for a
 * month (the library's `statement`), as a table, JSON or CSV for Excel.
 *
 * @module
 */
import { DEFAULT_BILLING_POLICIES, lastDayOfMonth, statement, type Contract, type Decimal, type IndexedAmount, type Statement, type StatementLine } from "../../index.js";
import { positional, choiceValue, monthValue, requireOption, stringOption, type CommandSpec } from "../args.js";
import type { Command } from "../command.js";
import { loadContract } from "../contractArg.js";
import { explained } from "../errors.js";
import { excelCsv, excelMoney, jsonChunks, renderPairs, renderTable, sek, swedishDecimal } from "../format.js";
import { BILLING_OPTIONS, BILLING_TERMS, loadBillingInput, policyHelp, statementWindow } from "../inputs.js";

const FORMATS = ["table", "json", "csv"] as const;

/**
 * The spec of `statement`.
 *
 * @example
 * ```ts
 * statementSpec.options.month?.value; //=> "YYYY-MM"
 * ```
 */
export const statementSpec: CommandSpec = {
  name: "statement",
  summary: "Compute what the provider is paid for a month, line by line with clauses",
  positionals: [{ name: "contract", description: "a shipped id (see 'contracts') or a JSON file" }],
  options: {
    month: { type: "string", short: "m", value: "YYYY-MM", description: "the month to pay for (required)" },
    ...BILLING_OPTIONS,
    explain: { type: "boolean", description: "table: also show how each line was made (rule, policy, figures)" },
    format: { type: "string", short: "f", value: "table|json|csv", description: "output format (default table); csv opens in Swedish Excel" },
  },
  get details() {
    return [
      "Sessions of the month's year up to its end are used (earlier months count towards the yearly cap);",
      "other rows are checked and passed over. CSV: UTF-8 with or without BOM, comma or semicolon separated.",
      "",
      policyHelp(),
      "",
      "Examples:",
      "  verksamhetsuppdrag statement familjeradgivning --month 2022-03 --sessions march.csv",
      "  verksamhetsuppdrag statement vald-i-nara-relation --month 2023-03 --start 2020-01-01 --format json",
      "  verksamhetsuppdrag statement familjeradgivning --month 2022-03 --sessions march.csv --format csv > mars.csv",
    ].join("\n");
  },
};

/**
 * A line's quantity for a person: decimal comma; a figure that does not end
 * within four decimals (50 minutes = 0,8333… hours) is cut with `…`.
 *
 * @param line - a statement line
 * @returns e.g. `"1,25"` or `"0,8333…"`
 * @example
 * ```ts
 * quantityText(line); //=> "1,25"
 * ```
 */
export function quantityText(line: Pick<StatementLine, "quantity">): string {
  const q = line.quantity;
  if (q.decimalPlaces() <= 4) return swedishDecimal(q);
  return `${swedishDecimal(q.toDecimalPlaces(4, 1))}…`;
}

/**
 * The price of the month in one line: the figure, its year and how it was
 * indexed (each year's percent and status).
 *
 * @param indexed - the statement's indexation
 * @param unit - `"per year"` or `"per hour"`
 * @returns e.g. `"4 561 219,93 kr per year for 2023 (4 093 284,00 kr in 2019 prices; OPI 2020 3.0 % final, …)"`
 * @example
 * ```ts
 * priceText(s.indexation, "per hour"); //=> "605,00 kr per hour for 2022 (2022 prices, no indexation)"
 * ```
 */
export function priceText(indexed: IndexedAmount, unit: string): string {
  const head = `${sek(indexed.amount)} ${unit} for ${indexed.year.toString()}`;
  if (indexed.steps.length === 0) return `${head} (${indexed.base.priceYear.toString()} prices, no indexation)`;
  const steps = indexed.steps.map((s) => `${s.year.toString()} ${s.percent} % ${s.status}`).join(", ");
  return `${head} (${sek(indexed.base.amount)} in ${indexed.base.priceYear.toString()} prices; ${indexed.series ?? "index"} ${steps}; rounding ${indexed.rounding})`;
}

function unitOf(s: Statement): string {
  switch (s.compensationKind) {
    case "fixed-annual":
      return "per year";
    case "hourly":
      return "per hour";
    case "hour-volume":
      return "per year (annual cost)";
  }
}

/**
 * Hours for a person: decimal comma, at most four decimals (a figure cut
 * there ends in `…`), and `h`.
 *
 * @param value - hours
 * @returns e.g. `"12,0833… h"`
 * @example
 * ```ts
 * hoursText(new Decimal("41")); //=> "41 h"
 * ```
 */
export function hoursText(value: Decimal): string {
  return `${quantityText({ quantity: value })} h`;
}

/**
 * A statement as a readable table: heading, term and price, one row per
 * line (visit fees apart), the totals, the cap, the warnings and the
 * policies used.
 *
 * @param s - the statement
 * @param contract - its commission
 * @param options - `explain`: add how each line was made
 * @returns the text
 * @example
 * ```ts
 * statementTable(statement(contracts.beroendemottagningen, "2021-04"), contracts.beroendemottagningen);
 * //=> "Statement 2021-04: Öppenvård vuxna … (beroendemottagningen)\n…Payable to the provider  152 250,00 kr\n…"
 * ```
 */
export function statementTable(s: Statement, contract: Contract, options: { explain?: boolean; note?: string } = {}): string {
  const out: string[] = [];
  out.push(`Statement ${s.month}: ${contract.title} (${s.contractId})`);
  if (options.note !== undefined) out.push(options.note);
  const term = `${s.term.start}${s.term.startSource === "input" ? " (supplied: the text gives none)" : ""} – ${s.term.end ?? "until further notice"}`;
  out.push(
    renderPairs([
      ["Term", `${term} (${s.term.clause}); ${s.term.daysInForce.toString()} of ${s.term.daysInMonth.toString()} days of the month in force`],
      ["Price", `${priceText(s.indexation, unitOf(s))} (${distinctClauses(s.indexation.clause)})`],
      ["Paid", `monthly in arrears (${s.clause})`],
    ]).trimEnd(),
  );
  out.push("");
  const clauses = new Set([...s.lines, ...s.feeLines].map((l) => l.clause));
  const clauseColumn = clauses.size > 1;
  const row = (l: StatementLine, payable: string): string[] => [
    l.date ?? s.month,
    l.description,
    quantityText(l),
    l.unit,
    sek(l.unitPrice),
    sek(l.amount),
    payable,
    ...(clauseColumn ? [l.clause] : []),
  ];
  const rows: (string[] | null)[] = s.lines.map((l) => row(l, l.payable ? "yes" : "NO"));
  if (s.feeLines.length > 0) {
    rows.push(null);
    for (const l of s.feeLines) rows.push(row(l, "to purchaser"));
  }
  if (s.lines.length === 0 && s.feeLines.length === 0) out.push("No lines: no sessions in the month.\n");
  else {
    out.push(
      renderTable(
        [
          { header: "date" },
          { header: "description" },
          { header: "qty", align: "right" },
          { header: "unit" },
          { header: "unit price", align: "right" },
          { header: "amount", align: "right" },
          { header: "payable" },
          ...(clauseColumn ? [{ header: "clause" }] : []),
        ],
        rows,
      ).trimEnd(),
    );
    if (!clauseColumn) out.push(`Every line: ${[...clauses].join("")}`);
  }
  out.push("");
  const totals: [string, string][] = [["Payable to the provider", sek(s.total)]];
  if (!s.notPayable.isZero() || s.compensationKind !== "fixed-annual") totals.push(["Not payable", sek(s.notPayable)]);
  if (s.visitFeeIndexation !== null) totals.push(["Visit fees owed to the purchaser", sek(s.feesOwedToPurchaser)]);
  out.push(renderTotals(totals));
  if (s.cap !== null) {
    const c = s.cap;
    const callOffs = c.callOffs.length === 0 ? "" : ` + ${c.callOffs.length.toString()} written call-off(s)`;
    out.push(
      "",
      `${c.kind === "yearly-cap" ? "Yearly cap" : "Hour volume"} (${c.clause}): ${hoursText(c.baseHours)} (${c.basis})${callOffs} = ${hoursText(c.capHours)};` +
        ` used before the month ${hoursText(c.usedBefore)}, in the month ${hoursText(c.usedInMonth)}, over ${hoursText(c.overInMonth)}, remaining ${hoursText(c.remaining)}`,
    );
  }
  if (s.warnings.length > 0) {
    out.push("", `Warnings (${s.warnings.length.toString()}):`, ...s.warnings.map((w) => `  - ${w}`));
  }
  if (options.explain === true) {
    out.push("", "How each line was made:");
    for (const l of [...s.lines, ...s.feeLines]) {
      const e = l.explanation;
      const figures = Object.entries(e.figures)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ");
      const policy = Object.entries(e.policy)
        .map(([k, v]) => `${k}=${v}`)
        .join(", ");
      out.push(`  ${l.id}: ${e.rule}: ${figures}${policy === "" ? "" : ` [${policy}]`}`);
    }
  }
  out.push("", `Policies: ${policiesText(s.policies)}`);
  return `${out.join("\n")}\n`;
}

/**
 * A list of clauses (`"A §1; A §1; B §2"`) with each named once.
 *
 * @param clauses - clauses separated by `"; "`
 * @returns the same without repeats, in order
 * @example
 * ```ts
 * distinctClauses("SON 2019-755 §1.2; SON 2019-755 §1.2"); //=> "SON 2019-755 §1.2"
 * ```
 */
export function distinctClauses(clauses: string): string {
  return [...new Set(clauses.split("; "))].join("; ");
}

/**
 * The policies of a result in one line, `name=value`, those that differ from
 * the library's defaults marked with `*`.
 *
 * @param policies - the resolved policies
 * @returns e.g. `"quarterRounding=per-session, overCap=pay-with-warning*, …"`
 * @example
 * ```ts
 * policiesText(s.policies); //=> "quarterRounding=per-session, groupOutsideRule=actual-time, …"
 * ```
 */
export function policiesText(policies: Readonly<Record<string, unknown>>): string {
  const defaults: Readonly<Record<string, unknown>> = DEFAULT_BILLING_POLICIES;
  const text = Object.entries(policies)
    .map(([k, v]) => `${k}=${String(v)}${defaults[k] === v ? "" : "*"}`)
    .join(", ");
  return text.includes("*") ? `${text} (* not the default)` : text;
}

function renderTotals(pairs: readonly [string, string][]): string {
  const w = Math.max(...pairs.map(([k]) => k.length));
  const v = Math.max(...pairs.map(([, value]) => value.length));
  return pairs.map(([k, value]) => `${k.padEnd(w)}  ${value.padStart(v)}`).join("\n");
}

/**
 * A statement as CSV for Swedish Excel: one row per line (visit fees
 * included, marked as owed to the purchaser), then the totals. Semicolons,
 * decimal comma, no thousands separator, UTF-8 with BOM, CRLF.
 *
 * @param s - the statement
 * @returns the CSV text
 * @example
 * ```ts
 * statementCsv(statement(contracts.beroendemottagningen, "2021-04"));
 * //=> "\uFEFFcontract;month;line;date;kind;description;quantity;unit;unit price;amount;payable;clause;warnings\r\n…;152250,00;…"
 * ```
 */
export function statementCsv(s: Statement): string {
  const header = ["contract", "month", "line", "date", "kind", "description", "quantity", "unit", "unit price", "amount", "payable", "clause", "warnings"];
  const row = (l: StatementLine, payable: string): string[] => [
    s.contractId,
    s.month,
    l.id,
    l.date ?? "",
    l.kind,
    l.description,
    swedishDecimal(l.quantity.decimalPlaces() > 6 ? l.quantity.toDecimalPlaces(6, 4) : l.quantity),
    l.unit,
    excelMoney(l.unitPrice),
    excelMoney(l.amount),
    payable,
    l.clause,
    l.warnings.join(" | "),
  ];
  const totals = (label: string, amount: Statement["total"]): string[] => [s.contractId, s.month, label, "", "total", "", "", "", "", excelMoney(amount), "", "", ""];
  return excelCsv([
    header,
    ...s.lines.map((l) => row(l, l.payable ? "yes" : "no")),
    ...s.feeLines.map((l) => row(l, "owed to purchaser")),
    totals("total payable", s.total),
    totals("not payable", s.notPayable),
    totals("fees owed to purchaser", s.feesOwedToPurchaser),
  ]);
}

/**
 * Runs `statement`.
 *
 * @example
 * ```ts
 * await statementCommand.run(parseCommandArgs(statementSpec, ["beroendemottagningen", "--month", "2021-04"]), context);
 * ```
 */
export const statementCommand: Command = {
  spec: statementSpec,
  run: async (args) => {
    const format = choiceValue(stringOption(args, "format") ?? "table", FORMATS, "--format", "statement");
    const month = monthValue(requireOption(args, "month", "statement"), "--month");
    const contract = await loadContract(positional(args, 0));
    const { input, locate } = await loadBillingInput(args, statementWindow(month, lastDayOfMonth(month)));
    const s = explained(() => statement(contract, month, input), locate, BILLING_TERMS);
    switch (format) {
      case "json":
        return jsonChunks(s);
      case "csv":
        return statementCsv(s);
      case "table":
        return statementTable(s, contract, { explain: args.values.explain === true });
    }
  },
};
