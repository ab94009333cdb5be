/**
 * `statement <contract> --month YYYY-MM`: what the provider is paid for a
 * month (the library's `statement`), as a table, JSON or CSV for Excel.
 *
 * @module
 */
import { Decimal, DEFAULT_BILLING_POLICIES, statement, statementLineToJSON, statementToJSON, type Contract, type IndexedAmount, type Statement, type StatementLine } from "../../index.js";
import { positional, choiceValue, monthValue, requireOption, stringOption, type CommandSpec } from "../args.js";
import type { Command } from "../command.js";
import { loadContract } from "../contractArg.js";
import { explained } from "../errors.js";
import { jsonChunks, LazyList, renderPairs, sek, swedishDecimal, tableLines, type TableColumn } from "../format.js";
import type { PostingConfig } from "../../bookkeeping/index.js";
import { dataOutput, textOutput } from "../output.js";
import { BILLING_OPTIONS, BILLING_TERMS, loadBillingInput, policyHelp } from "../inputs.js";
import { loadPosting, SIE_HELP, SIE_OPTIONS, statementSie } from "../sie.js";
import { atImpliedPrice, impliedHourPrice, statementCsvLines } from "../../render/statement.js";


const FORMATS = ["table", "json", "csv", "sie"] as const;

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
    format: { type: "string", short: "f", value: "table|json|csv|sie", description: "output format (default table); csv opens in Swedish Excel, sie is a voucher file" },
    ...SIE_OPTIONS,
  },
  get details() {
    return [
      "Sessions of the month's year up to its end are used (earlier months count towards the yearly cap);",
      "every row of the file is checked, whatever its date. CSV: UTF-8 with or without BOM, comma or semicolon separated.",
      "",
      ...SIE_HELP,
      "A statement books the whole month; to book only what changed since, use settle.",
      "",
      policyHelp(),
      "",
      "Examples:",
      "  verksamhetsuppdrag statement familjeradgivning --month 2022-03 --sessions march.csv",
      "  verksamhetsuppdrag statement vald-i-nara-relation --month 2023-03 --start 2020-01-01 --format json",
      "  verksamhetsuppdrag statement familjeradgivning --month 2022-03 --sessions march.csv --format csv > mars.csv",
      "  verksamhetsuppdrag statement familjeradgivning --month 2022-03 --sessions march.csv --format sie --posting posting.json > mars.si",
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
 * A price cut at four decimals for a table, marked `…` like a quantity
 * that does not end there: `470,5882… kr`.
 *
 * @param value - a price with more than two decimals
 * @returns e.g. `"470,5882… kr"`
 * @example
 * ```ts
 * cutPriceText(new Decimal("470.588235294")); //=> "470,5882… kr"
 * ```
 */
export function cutPriceText(value: Decimal): string {
  const cutAt = value.toDecimalPlaces(4, Decimal.ROUND_DOWN);
  const whole = sek(cutAt.truncated()).replace(/,00\u00a0kr$/, "");
  return `${whole},${cutAt.toFixed(4).slice(-4)}…\u00a0kr`;
}

/**
 * A statement as a readable table: heading, term and price, one row per
 * line (visit fees apart), the totals, the cap, the warnings and the
 * policies used. A unit price that is not a whole öre (an hour volume's
 * implied price) is shown to four decimals, marked `…`, with a note.
 *
 * @param s - the statement
 * @param contract - its commission
 * @param options - `explain`: add how each line was made
 * @returns the text, in pieces (a statement of 100 000 lines is never one string)
 * @example
 * ```ts
 * [...statementTableChunks(statement(contracts.beroendemottagningen, "2021-04"), contracts.beroendemottagningen)].join("");
 * //=> "Statement 2021-04: Öppenvård vuxna … (beroendemottagningen)\n…Payable to the provider  152 250,00 kr\n…"
 * ```
 */
export function* statementTableChunks(s: Statement, contract: Contract, options: { explain?: boolean; note?: string } = {}): Generator<string> {
  const head: string[] = [`Statement ${s.month}: ${contract.title} (${s.contractId})`];
  if (options.note !== undefined) head.push(options.note);
  const term = `${s.term.start}${s.term.startSource === "input" ? " (supplied: the text gives none)" : ""} – ${s.term.end ?? "until further notice"}`;
  head.push(
    renderPairs([
      ["Term", `${term} (${s.term.clause}); ${s.term.daysInForce.toString()} of ${s.term.daysInMonth.toString()} days of the month in force`],
      ["Price", `${priceText(s.indexation, unitOf(s))} (${distinctClauses(s.indexation.clause)})`],
      ["Paid", `monthly in arrears (${s.clause})`],
    ]).trimEnd(),
    "",
  );
  yield `${head.join("\n")}\n`;
  const clauses = new Set<string>();
  for (const l of s.lines) clauses.add(l.clause);
  for (const l of s.feeLines) clauses.add(l.clause);
  const clauseColumn = clauses.size > 1;
  const price = impliedHourPrice(s, contract);
  const shown = { cutPrice: false };
  const row = (l: StatementLine, payable: string): string[] => {
    const exact = atImpliedPrice(l, price) && price !== null;
    if (exact) shown.cutPrice = true;
    const cells = [l.date ?? s.month, l.description, quantityText(l), l.unit, exact ? cutPriceText(price.exact) : sek(l.unitPrice), sek(l.amount), payable];
    if (clauseColumn) cells.push(l.clause);
    return cells;
  };
  if (s.lines.length === 0 && s.feeLines.length === 0) yield "No lines: no sessions in the month.\n\n";
  else {
    const columns: TableColumn[] = [
      { header: "date" },
      { header: "description" },
      { header: "qty", align: "right" },
      { header: "unit" },
      { header: "unit price", align: "right" },
      { header: "amount", align: "right" },
      { header: "payable" },
    ];
    if (clauseColumn) columns.push({ header: "clause" });
    yield* tableLines(columns, function* () {
      for (const l of s.lines) yield row(l, l.payable ? "yes" : "NO");
      if (s.feeLines.length > 0) {
        yield null;
        for (const l of s.feeLines) yield row(l, "to purchaser");
      }
    });
    if (!clauseColumn) yield `Every line: ${Array.from(clauses).join("")}\n`;
    if (shown.cutPrice && price !== null) {
      yield (
        `Unit price ${cutPriceText(price.exact)}: the exact price ${price.basis} = ${swedishDecimal(price.exact.toDecimalPlaces(10, Decimal.ROUND_DOWN))}… kr, cut here;\n` +
        `the amounts are computed from the exact price (the month rounded once, split over its lines by hours: --explain).\n`
      );
    }
  }
  yield "\n";
  const totals: [string, string][] = [["Payable to the provider", sek(s.total)]];
  if (!s.notPayable.isZero() || s.compensationKind !== "fixed-annual") totals.push(["Not payable", sek(s.notPayable)]);
  if (s.visitFeeIndexation !== null) totals.push(["Visit fees owed to the purchaser", sek(s.feesOwedToPurchaser)]);
  yield `${renderTotals(totals)}\n`;
  if (s.cap !== null) {
    const c = s.cap;
    const callOffs = c.callOffs.length === 0 ? "" : ` + ${c.callOffs.length.toString()} written call-off(s)`;
    yield (
      `\n${c.kind === "yearly-cap" ? "Yearly cap" : "Hour volume"} (${c.clause}): ${hoursText(c.baseHours)} (${c.basis})${callOffs} = ${hoursText(c.capHours)};` +
      ` used before the month ${hoursText(c.usedBefore)}, in the month ${hoursText(c.usedInMonth)}, over ${hoursText(c.overInMonth)}, remaining ${hoursText(c.remaining)}\n`
    );
  }
  yield* warningLines(s.warnings);
  if (options.explain === true) {
    yield "\nHow each line was made:\n";
    for (const list of [s.lines, s.feeLines]) {
      for (const l of list) {
        const e = l.explanation;
        const figures = Object.entries(e.figures)
          .map(([k, v]) => `${k} ${v}`)
          .join(", ");
        const policy = Object.entries(e.policy)
          .map(([k, v]) => `${k}=${v}`)
          .join(", ");
        yield `  ${l.id}: ${e.rule}: ${figures}${policy === "" ? "" : ` [${policy}]`}\n`;
      }
    }
  }
  yield `\nPolicies: ${policiesText(s.policies)}\n`;
}

/**
 * A result's warnings as a section of a table: a blank line, a heading with
 * their number, one line each; nothing when there are none.
 *
 * @param warnings - the warnings
 * @returns the lines, each ending in `\n`
 * @example
 * ```ts
 * [...warningLines(["session A-5: …"])]; //=> ["\nWarnings (1):\n", "  - session A-5: …\n"]
 * ```
 */
export function* warningLines(warnings: readonly string[]): Generator<string> {
  if (warnings.length === 0) return;
  yield `\nWarnings (${warnings.length.toString()}):\n`;
  for (const w of warnings) yield `  - ${w}\n`;
}

/**
 * {@link statementTableChunks} as one string (the demo's few lines).
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
  let text = "";
  for (const chunk of statementTableChunks(s, contract, options)) text += chunk;
  return text;
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
  return Array.from(new Set(clauses.split("; "))).join("; ");
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
  let w = 0;
  let v = 0;
  for (const [k, value] of pairs) {
    w = Math.max(w, k.length);
    v = Math.max(v, value.length);
  }
  return pairs.map(([k, value]) => `${k.padEnd(w)}  ${value.padStart(v)}`).join("\n");
}

/**
 * A statement's JSON as {@link statementToJSON} gives it, its lines made one
 * at a time as they are written (85 000 lines are never held as JSON at once).
 *
 * @param s - the statement
 * @returns the JSON data, its `lines` a {@link LazyList}
 * @example
 * ```ts
 * [...jsonChunks(statementJSON(s))].join(""); // the text of JSON.stringify(statementToJSON(s), null, 2)
 * ```
 */
export function statementJSON(s: Statement): Record<string, unknown> {
  const lines = s.lines;
  return { ...statementToJSON(s, { lines: false }), lines: new LazyList(lines.length, (i) => statementLineToJSON(lines[i] as StatementLine)) };
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
  run: async (args, context) => {
    const format = choiceValue(stringOption(args, "format") ?? "table", FORMATS, "--format", "statement");
    const posting = await loadPosting(args, format, "statement");
    const month = monthValue(requireOption(args, "month", "statement"), "--month");
    const contract = await loadContract(positional(args, 0));
    const { input, locate } = await loadBillingInput(args, context);
    const s = explained(() => statement(contract, month, input), locate, BILLING_TERMS);
    switch (format) {
      case "json":
        return dataOutput(jsonChunks(statementJSON(s)));
      case "csv":
        return dataOutput(statementCsvLines(s, contract));
      case "sie":
        return statementSie(s, posting as PostingConfig, args, context);
      case "table":
        return textOutput(statementTableChunks(s, contract, { explain: args.values.explain === true }));
    }
  },
};
