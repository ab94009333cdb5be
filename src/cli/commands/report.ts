/**
 * `report <contract> --year YYYY`: the figures of the year's activity report
 * (the library's `activityReport`), with the expected results
 * (`expectedResults`) when answers are given — as a table, JSON, CSV for
 * Swedish Excel, or a Markdown draft of the *verksamhetsberättelse*'s
 * figures section in Swedish.
 *
 * @module
 */
import {
  activityReport,
  activityReportToJSON,
  expectedResults,
  type ActivityReport,
  type ActivityReportInput,
  type Contract,
  type ExpectedResultsEvaluation,
  type GroupSize,
  type Intake,
  type ResultAnswers,
  type RollRule,
} from "../../index.js";
import { positional, choiceValue, dateValue, requireOption, stringOption, yearValue, type CommandSpec } from "../args.js";
import type { Command } from "../command.js";
import { loadContract } from "../contractArg.js";
import { readCsvFile, type CsvRecord } from "../csv.js";
import { anyLocator, explained, prefixLocator, valueError, type Location } from "../errors.js";
import { excelCsvLines, jsonChunks, renderTable, type CsvCell } from "../format.js";
import { dataOutput, textOutput } from "../output.js";
import { BILLING_OPTIONS, BILLING_TERMS, loadBillingInput, policyHelp, readJsonList } from "../inputs.js";
import { warningLines } from "./statement.js";

const FORMATS = ["table", "json", "csv", "md"] as const;
const ROLLS = ["none", "next-workday"] as const satisfies readonly RollRule[];
const CASE_HOURS = ["billable", "performed"] as const;

/**
 * The spec of `report`.
 *
 * @example
 * ```ts
 * reportSpec.options.format?.value; //=> "table|json|csv|md"
 * ```
 */
export const reportSpec: CommandSpec = {
  name: "report",
  summary: "The figures of the year's activity report (verksamhetsberättelse), each with its clause; md writes a Swedish draft",
  positionals: [{ name: "contract", description: "a shipped id (see 'contracts') or a JSON file" }],
  options: {
    year: { type: "string", short: "y", value: "YYYY", description: "the year the report covers (required)" },
    ...BILLING_OPTIONS,
    intakes: { type: "string", value: "FILE", description: "the year's intake queue: .csv (id,firstContact,firstMeeting) or .json [{ id, firstContact, firstMeeting }]" },
    "as-of": { type: "string", value: "YYYY-MM-DD", description: "the day the queue is looked at (default the year's last day)" },
    answers: { type: "string", value: "FILE.json", description: "answers per expected result, in the contract's order: [{ yes, total }, …]" },
    groups: { type: "string", value: "FILE.json", description: "the groups run and their sizes: [{ id, participants }, …] (against hel verksamhet)" },
    roll: { type: "string", value: "none|next-workday", description: "move the 31 March deadline off a weekend or holiday (default none)" },
    "case-hours": { type: "string", value: "billable|performed", description: "which hours the averages per case count (default billable; performed for a fixed annual amount)" },
    format: { type: "string", short: "f", value: "table|json|csv|md", description: "output format (default table); md is a Swedish Markdown draft" },
  },
  get details() {
    return [
      policyHelp(),
      "",
      "Examples:",
      "  verksamhetsuppdrag report familjeradgivning --year 2022 --sessions sessions-2022.csv --intakes intakes-2022.csv",
      "  verksamhetsuppdrag report vald-i-nara-relation --year 2022 --start 2020-01-01 --answers answers-2022.json --format md",
    ].join("\n");
  },
};

/** Reads intakes from CSV (a header naming id, firstContact, firstMeeting; an empty meeting is still waiting) or JSON. */
async function readIntakes(file: string): Promise<{ list: unknown[]; locate: (path: string) => Location | undefined }> {
  if (!file.toLowerCase().endsWith(".csv")) {
    return readJsonList(file, "intakes", 'an array of intakes [{ "id", "firstContact", "firstMeeting" }]');
  }
  const list: Intake[] = [];
  const lines: number[] = [];
  let columns: number[] | null = null;
  const wanted = ["id", "firstContact", "firstMeeting"];
  await readCsvFile(file, (record: CsvRecord) => {
    if (columns === null) {
      const header = record.fields.map((f) => f.trim());
      columns = wanted.map((name) => header.indexOf(name));
      const missing = wanted.filter((_, i) => (columns?.[i] ?? -1) < 0);
      if (missing.length > 0) throw valueError({ file, line: record.line }, `a header naming ${wanted.join(", ")}`, `no column ${missing.join(", ")}`);
      return;
    }
    if (record.fields.every((f) => f.trim() === "")) return;
    const at = (i: number): string => (record.fields[columns?.[i] ?? -1] ?? "").trim();
    list.push({ id: at(0), firstContact: at(1), firstMeeting: at(2) === "" ? null : at(2) });
    lines.push(record.line);
  });
  return {
    list,
    locate: (path) => {
      const m = /^intakes\.(\d+)(?:\.(.+))?$/.exec(path);
      if (m === null) return undefined;
      const line = lines[Number(m[1])];
      return line === undefined ? { file } : { file, line, ...(m[2] === undefined ? {} : { field: m[2] }) };
    },
  };
}

const yesNo = (value: boolean | null): string => (value === null ? "–" : value ? "ja" : "nej");

function resultRows(e: ExpectedResultsEvaluation): string[][] {
  return e.results.map((r) => [
    (r.index + 1).toString(),
    r.quote ?? r.description,
    `${r.targetPercent} %`,
    r.share === null ? "–" : `${r.share.numerator.toString()}/${r.share.denominator.toString()} = ${r.share.percent.replace(".", ",")} %`,
    yesNo(r.met),
  ]);
}

/**
 * The report as a readable table: the figures with their clauses, then the
 * expected results.
 *
 * @param r - the activity report
 * @param results - the expected results, or `null`
 * @returns the text
 * @example
 * ```ts
 * reportTable(activityReport(contracts.familjeradgivning, 2022), null).split("\n")[0];
 * //=> "Verksamhetsberättelse 2022: Verksamhetsuppdrag - Familjerådgivning (familjeradgivning)"
 * ```
 */
export function reportTable(r: ActivityReport, results: ExpectedResultsEvaluation | null): string {
  const out = [`Verksamhetsberättelse ${r.covers.toString()}: ${r.title} (${r.contractId})`, ""];
  out.push(renderTable([{ header: "figure" }, { header: "value", align: "right" }, { header: "clause" }], r.figures.map((f) => [f.label, f.value, f.clause])).trimEnd());
  if (results !== null) {
    out.push("", "Expected results:");
    out.push(renderTable([{ header: "#" }, { header: "result" }, { header: "target", align: "right" }, { header: "measured", align: "right" }, { header: "met" }], resultRows(results)).trimEnd());
  }
  return `${out.join("\n")}\n${[...warningLines(r.warnings)].join("")}`;
}

/**
 * The report as CSV for Swedish Excel: one row per figure (key, label,
 * value, clause), then one per expected result.
 *
 * @param r - the activity report
 * @param results - the expected results, or `null`
 * @returns the CSV (BOM, semicolons, CRLF), a row at a time
 * @example
 * ```ts
 * [...reportCsv(activityReport(contracts.familjeradgivning, 2022), null)].join("").split("\r\n")[0];
 * //=> "\uFEFFcontract;year;key;figure;value;clause"
 * ```
 */
export function reportCsv(r: ActivityReport, results: ExpectedResultsEvaluation | null): Generator<string> {
  const rows: CsvCell[][] = [["contract", "year", "key", "figure", "value", "clause"]];
  for (const f of r.figures) rows.push([r.contractId, r.covers.toString(), f.key, f.label, f.value, f.clause]);
  if (results !== null) {
    rows.push([]);
    rows.push(["contract", "result", "description", "target percent", "yes", "total", "percent", "met", "clause"]);
    for (const x of results.results) {
      rows.push([
        r.contractId,
        (x.index + 1).toString(),
        x.quote ?? x.description,
        x.targetPercent,
        x.share?.numerator.toString() ?? "",
        x.share?.denominator.toString() ?? "",
        x.share?.percent ?? "",
        yesNo(x.met),
        x.clause,
      ]);
    }
  }
  return excelCsvLines(rows);
}

/** Markdown table cell text: pipes and line breaks escaped. */
function md(text: string): string {
  return text.replaceAll("\\", "\\\\").replaceAll("|", "\\|").replaceAll(/\r?\n/g, " ");
}

/**
 * The figures section of the *verksamhetsberättelse* as a Swedish Markdown
 * draft: every figure with its clause, the expected results, and what the
 * provider still has to write itself.
 *
 * @param r - the activity report
 * @param results - the expected results, or `null`
 * @returns the Markdown text
 * @example
 * ```ts
 * reportMarkdown(activityReport(contracts.familjeradgivning, 2022), null).split("\n")[0];
 * //=> "# Verksamhetsberättelse 2022 – Verksamhetsuppdrag - Familjerådgivning"
 * ```
 */
export function reportMarkdown(r: ActivityReport, results: ExpectedResultsEvaluation | null): string {
  const out = [`# Verksamhetsberättelse ${r.covers.toString()} – ${md(r.title)}`, ""];
  if (r.due !== null) {
    out.push(`Lämnas senast ${r.due.due}${r.due.rolled ? ` (${r.due.nominal} är ingen arbetsdag)` : ""} enligt ${md(r.due.clause)}${r.due.quote === undefined ? "" : `: *"${md(r.due.quote)}"*`}.`, "");
  }
  out.push("## Sammanställning av utförda prestationer", "", "| Uppgift | Värde | Avtalspunkt |", "|---|---:|---|");
  for (const f of r.figures) if (f.key !== "due") out.push(`| ${md(f.label)} | ${md(f.value)} | ${md(f.clause)} |`);
  out.push("");
  const guidance = r.hoursPerCase?.guidance ?? r.sessionsPerCase?.guidance ?? null;
  if (guidance !== null && guidance.quote !== null) out.push(`Genomsnitten per ärende jämförs med ${md(guidance.clause)}: *"${md(guidance.quote)}"*`, "");
  if (results !== null) {
    out.push("## Uppnådda resultat vad gäller uppställda mål", "", "| # | Förväntat resultat | Mål | Utfall | Uppfyllt |", "|---|---|---:|---:|---|");
    for (const row of resultRows(results)) out.push(`| ${row.map(md).join(" | ")} |`);
    out.push("", `${results.met.toString()} av ${results.results.length.toString()} förväntade resultat uppfyllda (${md(results.results[0]?.clause ?? "")}).`, "");
  }
  if (r.warnings.length > 0) {
    out.push("## Att kontrollera", "");
    for (const w of r.warnings.slice(0, 20)) out.push(`- ${md(w)}`);
    if (r.warnings.length > 20) out.push(`- … och ${(r.warnings.length - 20).toString()} till`);
    out.push("");
  }
  out.push("*Siffrorna är beräknade med verksamhetsuppdrag ur samma besöksunderlag som faktureringen. Kvalitetsarbete och måluppfyllelse i övrigt beskriver utföraren själv.*", "");
  return out.join("\n");
}

/**
 * Runs `report`.
 *
 * @example
 * ```ts
 * await reportCommand.run(parseCommandArgs(reportSpec, ["familjeradgivning", "--year", "2022"]), context);
 * ```
 */
export const reportCommand: Command = {
  spec: reportSpec,
  run: async (args, context) => {
    const format = choiceValue(stringOption(args, "format") ?? "table", FORMATS, "--format", "report");
    const year = yearValue(requireOption(args, "year", "report"), "--year");
    const contract: Contract = await loadContract(positional(args, 0));
    const { input: billing, locate: billingLocate } = await loadBillingInput(args, context);
    const input: ActivityReportInput = { ...billing };
    const labels: Record<string, string> = { asOf: "--as-of", roll: "--roll", caseHours: "--case-hours", persistMonths: "--persist-months" };
    const locators = [billingLocate];
    const roll = stringOption(args, "roll");
    if (roll !== undefined) input.roll = choiceValue(roll, ROLLS, "--roll", "report");
    const caseHours = stringOption(args, "case-hours");
    if (caseHours !== undefined) input.caseHours = choiceValue(caseHours, CASE_HOURS, "--case-hours", "report");
    const asOf = stringOption(args, "as-of");
    if (asOf !== undefined) input.asOf = dateValue(asOf, "--as-of");
    const intakesFile = stringOption(args, "intakes");
    if (intakesFile !== undefined) {
      const { list, locate } = await readIntakes(intakesFile);
      input.intakes = list as Intake[];
      locators.push(locate);
      labels.intakes = intakesFile;
    }
    const groupsFile = stringOption(args, "groups");
    if (groupsFile !== undefined) {
      const { list, locate } = await readJsonList(groupsFile, "groups", 'an array of groups [{ "id", "participants" }]');
      input.groups = list as GroupSize[];
      locators.push(locate);
      labels.groups = groupsFile;
    }
    let answers: unknown[] | null = null;
    const answersFile = stringOption(args, "answers");
    if (answersFile !== undefined) {
      const { list, locate } = await readJsonList(answersFile, "answers", 'an array of answers [{ "yes", "total" }]');
      answers = list;
      locators.push(locate);
      labels.answers = answersFile;
    }
    const locate = anyLocator(...locators, prefixLocator(labels));
    const report = explained(() => activityReport(contract, year, input), locate, BILLING_TERMS);
    const results = answers === null ? null : explained(() => expectedResults(contract, answers as ResultAnswers[]), locate, BILLING_TERMS);
    switch (format) {
      case "json":
        return dataOutput(jsonChunks(results === null ? activityReportToJSON(report) : { ...activityReportToJSON(report), expectedResults: results }));
      case "csv":
        return dataOutput(reportCsv(report, results));
      case "md":
        return dataOutput(reportMarkdown(report, results));
      case "table":
        return textOutput(reportTable(report, results));
    }
  },
};
