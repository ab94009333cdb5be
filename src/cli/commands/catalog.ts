/**
 * `contracts` (the shipped commissions) and `show <contract>` (a
 * commission's key figures, each with its clause).
 *
 * @module
 */
import type { Contract } from "../../index.js";
import { positional, choiceValue, stringOption, type CommandSpec } from "../args.js";
import type { Command } from "../command.js";
import { loadContract, shippedContracts } from "../contractArg.js";
import { excelCsv, jsonText, renderTable, sek, swedishDecimal } from "../format.js";
import { dataOutput, textOutput } from "../output.js";

const FORMATS = ["table", "json", "csv"] as const;

/**
 * The spec of `contracts`.
 *
 * @example
 * ```ts
 * contractsSpec.name; //=> "contracts"
 * ```
 */
export const contractsSpec: CommandSpec = {
  name: "contracts",
  summary: "List the shipped commissions: id, title, kind of compensation and reference",
  positionals: [],
  options: {
    format: { type: "string", short: "f", value: "table|json|csv", description: "output format (default table)" },
  },
};

/**
 * A one-line summary of a commission's compensation, in Swedish number format.
 *
 * @param contract - the commission
 * @returns e.g. `"605,00 kr per hour (2022 prices)"`
 * @example
 * ```ts
 * compensationSummary(contracts.familjeradgivning); //=> "605,00 kr per hour (2022 prices)"
 * ```
 */
export function compensationSummary(contract: Contract): string {
  const c = contract.compensation;
  switch (c.kind) {
    case "fixed-annual":
      return `${sek(c.amount)} per year (${c.priceYear.toString()} prices)`;
    case "hourly":
      return `${sek(c.rate)} per hour (${c.priceYear.toString()} prices)`;
    case "hour-volume":
      return `${swedishDecimal(c.hoursPerYear)} hours, ${sek(c.annualCost)} per year`;
  }
}

/**
 * Runs `contracts`: the shipped commissions as a table, JSON or CSV.
 *
 * @example
 * ```ts
 * await contractsCommand.run(parseCommandArgs(contractsSpec, []), context);
 * //=> "id                    title …\nberoendemottagningen  Öppenvård vuxna …"
 * ```
 */
export const contractsCommand: Command = {
  spec: contractsSpec,
  run: (args) => {
    const format = choiceValue(stringOption(args, "format") ?? "table", FORMATS, "--format", "contracts");
    const list = shippedContracts();
    const rows = list.map((c) => ({
      id: c.id,
      title: c.title,
      compensation: c.compensation.kind,
      reference: c.reference ?? c.document,
      start: c.term.start,
      end: c.term.end,
      summary: compensationSummary(c),
    }));
    if (format === "json") return Promise.resolve(dataOutput(jsonText(rows)));
    if (format === "csv") {
      return Promise.resolve(
        dataOutput(excelCsv([

          ["id", "title", "compensation", "reference", "start", "end"],
          ...rows.map((r) => [r.id, r.title, r.compensation, r.reference, r.start, r.end ?? ""]),
        ])),
      );
    }
    return Promise.resolve(
      textOutput(
        renderTable(
          [{ header: "id" }, { header: "compensation" }, { header: "reference" }, { header: "title" }],
          rows.map((r) => [r.id, `${r.compensation}: ${r.summary}`, r.reference, r.title]),
        ),
      ),
    );
  },
};

/**
 * The spec of `show`.
 *
 * @example
 * ```ts
 * showSpec.positionals[0]?.name; //=> "contract"
 * ```
 */
export const showSpec: CommandSpec = {
  name: "show",
  summary: "Show a commission's key figures, each with the clause it comes from",
  positionals: [{ name: "contract", description: "a shipped id (see 'contracts') or a JSON file" }],
  options: {
    format: { type: "string", short: "f", value: "table|json", description: "table (default) or the contract data as JSON" },
  },
};

type Row = readonly [string, string, string];

/**
 * The key figures of a commission as rows of label, value and clause.
 *
 * @param c - the commission
 * @returns the rows, in reading order
 * @example
 * ```ts
 * keyFigures(contracts.familjeradgivning)[0]; //=> ["Term", "2022-01-01 – until further notice", "SON 2021-233 §1.1"]
 * ```
 */
export function keyFigures(c: Contract): Row[] {
  const rows: Row[] = [];
  const start = c.term.start === "unknown" ? "start not stated in the text (supply --start)" : c.term.start;
  rows.push(["Term", `${start} – ${c.term.end ?? "until further notice (tills vidare)"}`, c.term.clause]);
  if (c.term.extensions !== null) {
    const e = c.term.extensions;
    rows.push(["Extension", `${e.count.toString()} × ${e.months.toString()} months`, e.clause]);
  }
  if (c.notice !== null) {
    const n = c.notice;
    const by = n.givenBy === "either" ? "either party" : `the ${n.givenBy}`;
    rows.push(["Notice", `${n.months.toString()} months, ${n.form}, by ${by}${n.unlessAgreedOtherwise ? ", unless agreed otherwise" : ""}`, n.clause]);
  }
  const comp = c.compensation;
  switch (comp.kind) {
    case "fixed-annual":
      rows.push(["Compensation", `${sek(comp.amount)} per year in ${comp.priceYear.toString()} prices`, comp.clause]);
      if (comp.twelfths) rows.push(["Paid as", "1/12 of the annual amount per month", comp.clause]);
      if (comp.premisesIncluded !== null) rows.push(["Premises", comp.premisesIncluded ? "included" : "not included", comp.clause]);
      if (comp.reconciliation !== null) rows.push(["Reconciliation", `every ${comp.reconciliation.every}`, comp.reconciliation.clause]);
      break;
    case "hourly":
      rows.push(["Compensation", `${sek(comp.rate)} per hour in ${comp.priceYear.toString()} prices`, comp.clause]);
      rows.push([
        "Billable time",
        `hours of ${comp.billableTime.minutesPerHour.toString()} minutes, every ${comp.billableTime.unit.replace(/-/g, " ")}, ${comp.billableTime.billable.replace(/-/g, " ")} time`,
        comp.billableTime.clause,
      ]);
      if (comp.groupRule !== null) {
        const g = comp.groupRule;
        rows.push([
          "Group rule",
          `${g.clientHoursPerGroupHour.toString()} client hours per group hour, at least ${g.minParticipants.toString()} participants, ${g.minMinutes.toString()}–${g.maxMinutes.toString()} minutes`,
          g.clause,
        ]);
      }
      if (comp.yearlyCap !== null) rows.push(["Yearly cap", `${swedishDecimal(comp.yearlyCap.hours)} hours`, comp.yearlyCap.clause]);
      if (comp.visitFee !== null) {
        const f = comp.visitFee;
        rows.push([
          "Visit fee",
          `${sek(f.amount)} per visit in ${f.priceYear.toString()} prices, owed to the ${f.owedTo}${f.revisedYearly ? ", revised yearly" : ""}`,
          f.clause,
        ]);
      }
      if (comp.expectedVolume !== undefined) rows.push(["Expected volume", `about ${comp.expectedVolume.cases.toString()} cases a year`, comp.expectedVolume.clause]);
      break;
    case "hour-volume":
      rows.push(["Compensation", `${swedishDecimal(comp.hoursPerYear)} hours per year, ${sek(comp.annualCost)} per year`, comp.clause]);
      if (comp.hourlyPrice !== null) rows.push(["Hourly price", sek(comp.hourlyPrice), comp.clause]);
      for (const y of comp.statedYears) {
        rows.push([`Stated ${y.year.toString()}`, `${swedishDecimal(y.hours)} hours, ${sek(y.cost)}, ${y.months.toString()} months`, y.clause]);
      }
      break;
  }
  if (c.indexation !== null) {
    const i = c.indexation;
    const fixed = i.fixedUntil === null ? "" : `, fixed until ${i.fixedUntil}`;
    rows.push(["Indexation", `yearly by ${i.series} from ${i.firstAdjustedYear.toString()}${fixed}`, i.clause]);
  }
  if (c.callOffs !== null) {
    rows.push(["Call-offs", `${c.callOffs.form}${c.callOffs.atContractCompensation ? ", at the contract's compensation" : ""}`, c.callOffs.clause]);
  }
  if (c.payment !== null) {
    const p = c.payment;
    rows.push(["Payment", `${p.frequency}${p.inArrears ? " in arrears" : ""}${p.route === undefined ? "" : ` by ${p.route}`}`, p.clause]);
  }
  for (const r of c.reporting) {
    rows.push(["Report", `${r.kind.replace(/-/g, " ")}, due ${r.dueDay.toString()}/${r.dueMonth.toString()} for the previous year`, r.clause]);
  }
  if (c.earlyTermination !== null) {
    const e = c.earlyTermination;
    rows.push(["Early termination", `${e.cureDays.toString()} days to cure, then ${e.noticeMonths.toString()} months' ${e.noticeForm} notice by the ${e.by}`, e.clause]);
  }
  if (c.eligibility.minimumAge !== null) rows.push(["Minimum age", `${c.eligibility.minimumAge.years.toString()} years`, c.eligibility.minimumAge.clause]);
  if (c.eligibility.residency !== null) {
    const r = c.eligibility.residency;
    rows.push(["Residency", `${r.municipality}${r.exceptions === "by-agreement" ? ", exceptions by agreement" : ""}`, r.clause]);
  }
  if (c.serviceLevels.openingHours !== null) {
    const o = c.serviceLevels.openingHours;
    rows.push(["Opening hours", `${o.days} ${o.from}–${o.to}`, o.clause]);
  }
  if (c.staffing !== null) rows.push(["Staffing", `${swedishDecimal(c.staffing.fte)} FTE`, c.staffing.clause]);
  if (c.groups !== null) {
    const g = c.groups;
    rows.push(["Groups", `${g.count.toString()} groups of ${g.minParticipants.toString()}–${g.maxParticipants.toString()} participants`, g.clause]);
  }
  if (c.insurance !== null) {
    const ins = c.insurance;
    rows.push([
      "Insurance",
      `personal injury ${sek(ins.personalInjury)}, property ${sek(ins.propertyDamage)}, pure economic loss capped at ${sek(ins.pureEconomicLossCapPerIncident)} per incident`,
      ins.clause,
    ]);
  }
  return rows;
}

/**
 * Runs `show <contract>`: the key figures as a table with clauses, or the
 * contract data as JSON.
 *
 * @example
 * ```ts
 * await showCommand.run(parseCommandArgs(showSpec, ["familjeradgivning"]), context);
 * //=> "Verksamhetsuppdrag - Familjerådgivning\n…Compensation  605,00 kr per hour in 2022 prices  SON 2021-233 §1.2\n…"
 * ```
 */
export const showCommand: Command = {
  spec: showSpec,
  run: async (args) => {
    const format = choiceValue(stringOption(args, "format") ?? "table", ["table", "json"] as const, "--format", "show");
    const contract = await loadContract(positional(args, 0));
    if (format === "json") return dataOutput(jsonText(contract));
    const head = [
      contract.title,
      `id ${contract.id} · ${contract.reference ?? contract.document}${contract.date === null ? "" : ` of ${contract.date}`} · ${contract.parties.purchaser} → ${contract.parties.provider}`,
      "",
    ].join("\n");
    return textOutput(`${head}\n${renderTable([{ header: "figure" }, { header: "value" }, { header: "clause" }], keyFigures(contract))}`);
  },
};
