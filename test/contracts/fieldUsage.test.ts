/**
 * Every field of a commission is read by a function, or is descriptive (issue
 * 13, "a clause parameter nothing reads is a defect waiting to happen").
 *
 * The paths are collected twice: from the shipped contracts (the data) and
 * from the JSON Schema (so that a field null or absent in every shipped
 * contract is covered too). Array indices are written `[]`, and a path that
 * only stands for an object (`amends` when it is null) is dropped when its
 * fields are listed. Each path must have an entry in {@link USAGE}:
 *
 * - `{ readBy }`: a source file under src/ (not the schema, the JSON Schema
 *   or the shipped data) that reads the field; the file must contain the
 *   field's last key as `.key`, `"key"`, `key:` or in a destructuring;
 * - `{ descriptive }`: no computation needs it, and the reason why (a title,
 *   a quote, a literal the schema pins to one value, a fact about another
 *   commission, …);
 *
 * There is no third kind: a rule parameter that no function honours is a
 * defect to fix (issue 13 found four — a visit fee's `revisedYearly`, a
 * call-off clause's `atContractCompensation`, a stated year's `cost`, and
 * the visit length, which is an estimate and so descriptive).
 *
 * The test fails for a path with no entry and for an entry whose path no
 * longer exists.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { boendestodProcuredOptions, contractJsonSchema, contracts } from "../../src/contracts/index.js";

type Usage = { readBy: string } | { descriptive: string };

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Files that describe or hold the data rather than read it. */
function isExcluded(file: string): boolean {
  return file === "src/contracts/schema.ts" || file === "src/contracts/jsonSchema.ts" || file.startsWith("src/contracts/shipped/");
}

/** `show` prints every figure; printing is not honouring a rule. */

// ---------------------------------------------------------------------------
// Collecting the paths
// ---------------------------------------------------------------------------

const join2 = (path: string, key: string): string => (path === "" ? key : `${path}.${key}`);

/** Every leaf path of a value: scalars, nulls and empty arrays. */
function dataPaths(value: unknown, path: string, out: Set<string>): Set<string> {
  if (Array.isArray(value)) {
    if (value.length === 0) out.add(`${path}[]`);
    for (const item of value) dataPaths(item, `${path}[]`, out);
  } else if (typeof value === "object" && value !== null) {
    for (const [key, child] of Object.entries(value)) dataPaths(child, join2(path, key), out);
  } else {
    out.add(path);
  }
  return out;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** Keywords the walk below does not follow: meeting one means the walk would miss fields. */
const UNFOLLOWED = ["$ref", "$defs", "definitions", "prefixItems", "patternProperties", "dependentSchemas", "not", "if", "then", "else", "contains"];

/** Every leaf path of a JSON Schema: properties, anyOf/oneOf/allOf branches, items. */
function schemaPaths(node: unknown, path: string, out: Set<string>): Set<string> {
  if (!isRecord(node)) throw new Error(`${path || "(root)"}: a schema node that is not an object`);
  for (const keyword of UNFOLLOWED) {
    if (keyword in node) throw new Error(`${path || "(root)"}: the schema uses "${keyword}", which this walk does not follow; extend it`);
  }
  if (isRecord(node.additionalProperties)) throw new Error(`${path || "(root)"}: additionalProperties as a schema (a record); extend the walk`);
  let leaf = true;
  if (node.properties !== undefined) {
    if (!isRecord(node.properties)) throw new Error(`${path}: properties that are not an object`);
    leaf = false;
    for (const [key, child] of Object.entries(node.properties)) schemaPaths(child, join2(path, key), out);
  }
  for (const keyword of ["anyOf", "oneOf", "allOf"] as const) {
    const branches = node[keyword];
    if (branches === undefined) continue;
    if (!Array.isArray(branches)) throw new Error(`${path}: ${keyword} that is not an array`);
    leaf = false;
    for (const branch of branches) schemaPaths(branch, path, out);
  }
  if (node.items !== undefined) {
    leaf = false;
    schemaPaths(node.items, `${path}[]`, out);
  }
  if (leaf) out.add(path);
  return out;
}

/** Drops a path that only stands for an object or list whose fields are listed (`amends` beside `amends.clause`). */
function leavesOnly(paths: Iterable<string>): Set<string> {
  const all = [...paths];
  return new Set(all.filter((p) => !all.some((q) => q !== p && (q.startsWith(`${p}.`) || q.startsWith(`${p}[]`)))));
}

const shipped = [...Object.values(contracts), ...Object.values(boendestodProcuredOptions)];
const fromData = leavesOnly(shipped.reduce((out, c) => dataPaths(JSON.parse(JSON.stringify(c)), "", out), new Set<string>()));
const fromSchema = leavesOnly(schemaPaths(contractJsonSchema(), "", new Set<string>()));
const allPaths = leavesOnly([...fromData, ...fromSchema]);

// ---------------------------------------------------------------------------
// Reading the sources
// ---------------------------------------------------------------------------

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const rel = `${dir}/${name}`;
    if (statSync(join(ROOT, rel)).isDirectory()) return sourceFiles(rel);
    return rel.endsWith(".ts") ? [rel] : [];
  });
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Whether `source` reads `key`: `.key` (or `?.key`), `"key"`/`'key'`, `key:`, or `{ …, key, … } =`. */
function reads(source: string, key: string): boolean {
  const k = escape(key);
  return new RegExp(`\\.${k}\\b|["']${k}["']|\\b${k}\\s*:|\\{[^{}]*\\b${k}\\b[^{}]*\\}\\s*=`).test(source);
}

/** The field's own key: the last segment, without `[]`. */
const lastKey = (path: string): string => (path.split(".").pop() ?? path).replace(/\[\]$/, "");

// ---------------------------------------------------------------------------
// The table
// ---------------------------------------------------------------------------

const QUOTE = "the clause's Swedish text, kept so a figure can be traced to the contract; no function returns this quote";
const literal = (value: string, where: string): Usage => ({
  descriptive: `a literal the schema pins to ${value}, the only value it admits, so ${where} implements that rule without reading the field`,
});
const amended = (what: string): Usage => ({
  descriptive: `${what} of the commission this one amends or is called off under (RULES §1 "amends", §4 base commission): a fact about another commission; no figure of this one depends on it`,
});

const USAGE: Record<string, Usage> = {
  // Identity and provenance
  id: { readBy: "src/deadlines/deadlines.ts" },
  title: { readBy: "src/reporting/activityReport.ts" },
  document: { readBy: "src/cli/commands/deadlines.ts" },
  reference: { readBy: "src/cli/commands/deadlines.ts" },
  date: { descriptive: "the document's date, shown by `show`; nothing is computed from it" },
  source: { descriptive: "the file name or address of the contract's text" },
  "parties.purchaser": { descriptive: "the purchaser's name, shown by `show`; the purchaser's role is fixed by the fields that name it (owedTo, givenBy, by)" },
  "parties.provider": { descriptive: "the provider's name, shown by `show`; no computation depends on who the provider is" },
  "notes[]": { readBy: "src/contracts/term.ts" },

  // The commission amended (Beroendemottagningen §1, Boendestöd "Bakgrund")
  "amends.description": amended("the description"),
  "amends.staffingFte": amended("the staffing (12.5 FTE)"),
  "amends.volumeHoursPerYear": amended("the hour volume (42 150 h, the procured 8 000 h / 11 500 h)"),
  "amends.validUntil": amended("the end date (2019-12-31)"),
  "amends.clause": amended("the clause"),
  "amends.quote": amended("the quote"),

  // Term and extensions
  "term.start": { readBy: "src/contracts/term.ts" },
  "term.end": { readBy: "src/contracts/term.ts" },
  "term.clause": { readBy: "src/contracts/term.ts" },
  "term.quote": { descriptive: QUOTE },
  "term.extensions.count": { readBy: "src/contracts/term.ts" },
  "term.extensions.months": { readBy: "src/contracts/term.ts" },
  "term.extensions.clause": { readBy: "src/contracts/term.ts" },
  "term.extensions.quote": { descriptive: QUOTE },

  // Notice
  "notice.months": { readBy: "src/deadlines/notice.ts" },
  "notice.form": literal('"written"', "src/deadlines/notice.ts (an oral notice is NOTICE_NOT_WRITTEN)"),
  "notice.givenBy": { readBy: "src/deadlines/notice.ts" },
  "notice.unlessAgreedOtherwise": { readBy: "src/deadlines/notice.ts" },
  "notice.clause": { readBy: "src/deadlines/notice.ts" },
  "notice.quote": { readBy: "src/deadlines/notice.ts" },

  // Compensation: common to the three kinds
  "compensation.kind": { readBy: "src/indexation/annualAmount.ts" },
  "compensation.priceYear": { readBy: "src/indexation/annualAmount.ts" },
  "compensation.clause": { readBy: "src/indexation/annualAmount.ts" },
  "compensation.quote": { descriptive: QUOTE },

  // Fixed annual
  "compensation.amount": { readBy: "src/indexation/annualAmount.ts" },
  "compensation.twelfths": { readBy: "src/billing/fixedAnnual.ts" },
  "compensation.premisesIncluded": {
    descriptive: "whether the price includes premises (SON 2021-233 §1.2, Beroendemottagningen §3); shown by `show`; the texts attach no figure to it (the premises' share is reported on request, outside the library)",
  },
  "compensation.reconciliation.every": literal('"quarter"', "src/billing/yearReport.ts (calendar quarters) and src/deadlines/obligations.ts"),
  "compensation.reconciliation.clause": { readBy: "src/deadlines/obligations.ts" },
  "compensation.reconciliation.quote": { readBy: "src/deadlines/obligations.ts" },

  // Hourly
  "compensation.rate": { readBy: "src/indexation/annualAmount.ts" },
  "compensation.billableTime.minutesPerHour": literal("60", "src/billing/billableHours.ts (⌈minutes / 15⌉ / 4)"),
  "compensation.billableTime.unit": literal('"started-quarter-hour"', "src/billing/billableHours.ts"),
  "compensation.billableTime.billable": literal(
    '"direct-client-related"',
    "the caller (the sessions given are the direct client-related time; the library cannot tell other time apart)",
  ),
  "compensation.billableTime.clause": { readBy: "src/billing/timeBased.ts" },
  "compensation.billableTime.quote": { descriptive: QUOTE },
  "compensation.groupRule.clientHoursPerGroupHour": { readBy: "src/billing/groupRule.ts" },
  "compensation.groupRule.minParticipants": { readBy: "src/billing/groupRule.ts" },
  "compensation.groupRule.minMinutes": { readBy: "src/billing/groupRule.ts" },
  "compensation.groupRule.maxMinutes": { readBy: "src/billing/groupRule.ts" },
  "compensation.groupRule.clause": { readBy: "src/billing/groupRule.ts" },
  "compensation.groupRule.quote": { descriptive: QUOTE },
  "compensation.yearlyCap.hours": { readBy: "src/billing/ledger.ts" },
  "compensation.yearlyCap.clause": { readBy: "src/billing/ledger.ts" },
  "compensation.yearlyCap.quote": { descriptive: QUOTE },
  "compensation.visitFee.amount": { readBy: "src/indexation/annualAmount.ts" },
  "compensation.visitFee.priceYear": { readBy: "src/indexation/annualAmount.ts" },
  "compensation.visitFee.owedTo": { readBy: "src/billing/timeBased.ts" },
  "compensation.visitFee.clause": { readBy: "src/indexation/annualAmount.ts" },
  "compensation.visitFee.quote": { descriptive: QUOTE },
  "compensation.visitFee.revisedYearly": { readBy: "src/indexation/annualAmount.ts" },
  "compensation.visitFee.visitMinutes.min": {
    descriptive:
      "\"Ett besök beräknas vara mellan 1-2 timmar\" (SON 2021-233 §2.3): an estimate (beräknas) of the visit the fee was set for, not a condition of the fee; every visit is charged it (policy visitFee); shown by `show`",
  },
  "compensation.visitFee.visitMinutes.max": { descriptive: "as visitMinutes.min: the estimate's upper end" },
  "compensation.expectedVolume.cases": {
    descriptive: "about 300 couples/cases a year (SON 2021-233 §1.2, \"cirka\"): an estimate, not a limit or a price; shown by `show`; the binding figure is yearlyCap",
  },
  "compensation.expectedVolume.clause": { descriptive: "the clause of the estimate above" },
  "compensation.expectedVolume.quote": { descriptive: QUOTE },

  // Hour volume
  "compensation.hoursPerYear": { readBy: "src/billing/ledger.ts" },
  "compensation.annualCost": { readBy: "src/indexation/annualAmount.ts" },
  "compensation.hourlyPrice": { readBy: "src/billing/timeBased.ts" },
  "compensation.proRating": literal('"months-in-force"', "src/billing/ledger.ts (hoursPerYear × months in force / 12)"),
  "compensation.statedYears[].year": { readBy: "src/billing/ledger.ts" },
  "compensation.statedYears[].hours": { readBy: "src/billing/ledger.ts" },
  "compensation.statedYears[].months": { readBy: "src/billing/ledger.ts" },
  "compensation.statedYears[].clause": { readBy: "src/billing/ledger.ts" },
  "compensation.statedYears[].quote": { descriptive: QUOTE },
  "compensation.statedYears[].cost": { readBy: "src/reporting/activityReport.ts" },

  // Indexation
  "indexation.series": { readBy: "src/indexation/annualAmount.ts" },
  "indexation.firstAdjustedYear": { readBy: "src/indexation/annualAmount.ts" },
  "indexation.fixedUntil": {
    descriptive:
      "the date the text says the amount is fixed until; the schema requires it before 1 January of firstAdjustedYear and on or after the start, so indexedAmount, which adjusts from firstAdjustedYear, keeps the amount fixed until then by construction; shown by `show`",
  },
  "indexation.note": { descriptive: "a note on how the clause was read" },
  "indexation.clause": { readBy: "src/indexation/annualAmount.ts" },
  "indexation.quote": { descriptive: QUOTE },

  // Call-offs
  "callOffs.form": literal('"written"', "src/billing/input.ts (an oral call-off is refused)"),
  "callOffs.atContractCompensation": { readBy: "src/billing/context.ts" },
  "callOffs.clause": { readBy: "src/billing/timeBased.ts" },
  "callOffs.quote": { descriptive: QUOTE },

  // Payment
  "payment.frequency": literal('"monthly"', "statement (one statement per month) and src/deadlines/obligations.ts"),
  "payment.inArrears": { readBy: "src/deadlines/obligations.ts" },
  "payment.route": { readBy: "src/deadlines/obligations.ts" },
  "payment.clause": { readBy: "src/deadlines/obligations.ts" },
  "payment.quote": { readBy: "src/deadlines/obligations.ts" },

  // Reporting
  "reporting[].kind": { readBy: "src/deadlines/deadlines.ts" },
  "reporting[].dueMonth": { readBy: "src/deadlines/deadlines.ts" },
  "reporting[].dueDay": { readBy: "src/deadlines/deadlines.ts" },
  "reporting[].covers": literal('"previous-calendar-year"', "src/deadlines/deadlines.ts (covers = the due year − 1)"),
  "reporting[].clause": { readBy: "src/deadlines/deadlines.ts" },
  "reporting[].quote": { readBy: "src/deadlines/deadlines.ts" },

  // Early termination
  "earlyTermination.cureDays": { readBy: "src/deadlines/earlyTermination.ts" },
  "earlyTermination.noticeMonths": { readBy: "src/deadlines/earlyTermination.ts" },
  "earlyTermination.noticeForm": literal('"written"', "src/deadlines/earlyTermination.ts (the breach notice is taken as written)"),
  "earlyTermination.by": { readBy: "src/deadlines/earlyTermination.ts" },
  "earlyTermination.clause": { readBy: "src/deadlines/earlyTermination.ts" },
  "earlyTermination.quote": { readBy: "src/deadlines/earlyTermination.ts" },

  // Eligibility
  "eligibility.minimumAge.years": { readBy: "src/billing/eligibility.ts" },
  "eligibility.minimumAge.clause": { readBy: "src/billing/eligibility.ts" },
  "eligibility.minimumAge.quote": { descriptive: QUOTE },
  "eligibility.residency.municipality": { readBy: "src/billing/eligibility.ts" },
  "eligibility.residency.exceptions": { readBy: "src/billing/eligibility.ts" },
  "eligibility.residency.clause": { readBy: "src/billing/eligibility.ts" },
  "eligibility.residency.quote": { descriptive: QUOTE },

  // Service levels
  "serviceLevels.firstMeetingWithinDays.days": { readBy: "src/deadlines/waitingTimes.ts" },
  "serviceLevels.firstMeetingWithinDays.clause": { readBy: "src/deadlines/waitingTimes.ts" },
  "serviceLevels.firstMeetingWithinDays.quote": { descriptive: QUOTE },
  "serviceLevels.reportWaitsOverDays.days": { readBy: "src/deadlines/waitingTimes.ts" },
  "serviceLevels.reportWaitsOverDays.clause": { readBy: "src/deadlines/waitingTimes.ts" },
  "serviceLevels.reportWaitsOverDays.quote": { descriptive: QUOTE },
  "serviceLevels.openingHours.days": literal('"workdays"', "src/deadlines/openingHours.ts (Swedish workdays)"),
  "serviceLevels.openingHours.from": { readBy: "src/deadlines/openingHours.ts" },
  "serviceLevels.openingHours.to": { readBy: "src/deadlines/openingHours.ts" },
  "serviceLevels.openingHours.clause": { readBy: "src/deadlines/openingHours.ts" },
  "serviceLevels.openingHours.quote": { readBy: "src/deadlines/openingHours.ts" },
  "serviceLevels.perCase.hours": { readBy: "src/reporting/activityReport.ts" },
  "serviceLevels.perCase.sessionsMin": { readBy: "src/reporting/activityReport.ts" },
  "serviceLevels.perCase.sessionsMax": { readBy: "src/reporting/activityReport.ts" },
  "serviceLevels.perCase.clause": { readBy: "src/reporting/activityReport.ts" },
  "serviceLevels.perCase.quote": { readBy: "src/reporting/activityReport.ts" },

  // Insurance and liability (SON 2019-755 §4.0)
  "insurance.personalInjury": { readBy: "src/liability/index.ts" },
  "insurance.propertyDamage": { readBy: "src/liability/index.ts" },
  "insurance.pureEconomicLossCapPerIncident": { readBy: "src/liability/index.ts" },
  "insurance.clause": { readBy: "src/liability/index.ts" },
  "insurance.quote": { readBy: "src/liability/index.ts" },

  // Expected results (SON 2019-755 §3.0)
  "expectedResults[].description": { readBy: "src/reporting/expectedResults.ts" },
  "expectedResults[].targetPercent": { readBy: "src/reporting/expectedResults.ts" },
  "expectedResults[].clause": { readBy: "src/reporting/expectedResults.ts" },
  "expectedResults[].quote": { readBy: "src/reporting/expectedResults.ts" },

  // Staffing and groups
  "staffing.fte": { descriptive: "staffing in full-time equivalents (Beroendemottagningen §1: 2.5 årsarbetare); shown by `show`; the texts attach no figure to it" },
  "staffing.clause": { descriptive: "the clause of the staffing above" },
  "staffing.quote": { descriptive: QUOTE },
  "groups.count": { readBy: "src/reporting/activityReport.ts" },
  "groups.minParticipants": { readBy: "src/reporting/activityReport.ts" },
  "groups.maxParticipants": { readBy: "src/reporting/activityReport.ts" },
  "groups.clause": { readBy: "src/reporting/activityReport.ts" },
  "groups.quote": { readBy: "src/reporting/activityReport.ts" },
};

// ---------------------------------------------------------------------------
// The checks
// ---------------------------------------------------------------------------

/** What is wrong between the paths and a table: missing entries, entries for paths that do not exist. */
function tableProblems(paths: ReadonlySet<string>, table: Readonly<Record<string, Usage>>): string[] {
  const problems: string[] = [];
  for (const path of [...paths].sort()) {
    if (!Object.hasOwn(table, path)) {
      problems.push(
        `${path}: a contract field with no entry in USAGE; add it with the source file that reads it ({ readBy: "src/…" }), or as { descriptive: "<reason>" } when no computation needs it`,
      );
    }
  }
  for (const path of Object.keys(table).sort()) {
    if (!paths.has(path)) problems.push(`${path}: in USAGE but no longer a field of the schema or the shipped contracts; remove or rename the entry`);
  }
  return problems;
}

const sources = new Map(sourceFiles("src").map((file) => [file, readFileSync(join(ROOT, file), "utf8")]));

/** What is wrong with one entry. */
function entryProblems(path: string, usage: Usage): string[] {
  const key = lastKey(path);
  if ("readBy" in usage) {
    const file = usage.readBy;
    if (!file.startsWith("src/") || !file.endsWith(".ts")) return [`${path}: readBy ${file} is not a TypeScript file under src/`];
    if (isExcluded(file)) return [`${path}: readBy ${file} holds or describes the data; name the file that reads the field`];
    if (!existsSync(join(ROOT, file))) return [`${path}: readBy ${file} does not exist`];
    const source = sources.get(file) ?? readFileSync(join(ROOT, file), "utf8");
    return reads(source, key) ? [] : [`${path}: readBy ${file}, which does not mention "${key}" (as .${key}, "${key}" or ${key}:)`];
  }
  return usage.descriptive.trim().length >= 10 ? [] : [`${path}: descriptive needs a reason`];
}

describe("field usage: every contract field is read by a function or is descriptive", () => {
  it("collects the paths from the data and from the JSON Schema", () => {
    // The walks find the fields named in issue 13, with indices as [].
    for (const path of ["compensation.yearlyCap.hours", "expectedResults[].targetPercent", "serviceLevels.perCase.sessionsMax", "insurance.pureEconomicLossCapPerIncident", "groups.count", "notes[]"]) {
      expect(allPaths, path).toContain(path);
    }
    // Every field of the data is a field of the schema (the data validates against it).
    expect([...fromData].filter((p) => !fromSchema.has(p))).toEqual([]);
    // No path stands only for an object whose fields are listed, and no index is left.
    expect([...allPaths].filter((p) => p === "amends" || p === "compensation.groupRule" || p === "expectedResults[]" || /\d/.test(p))).toEqual([]);
    expect(allPaths.size).toBeGreaterThan(100);
  });

  it("the schema walk reaches fields that are null or absent in the data", () => {
    const schema = contractJsonSchema();
    const walked = schemaPaths(
      { type: "object", properties: { a: { anyOf: [{ type: "null" }, { type: "object", properties: { b: { type: "string" } } }] }, l: { type: "array", items: { type: "string" } } } },
      "",
      new Set<string>(),
    );
    expect([...leavesOnly(walked)].sort()).toEqual(["a.b", "l[]"]);
    expect(schemaPaths(schema, "", new Set<string>()).size).toBeGreaterThan(0);
    expect(() => schemaPaths({ properties: { x: { $ref: "#/$defs/x" } } }, "", new Set<string>())).toThrow(/\$ref/);
  });

  it("has an entry for every path, and no entry for a path that does not exist", () => {
    expect(tableProblems(allPaths, USAGE)).toEqual([]);
  });

  it("fails for a field missing from the table and for an entry whose field is gone", () => {
    const withoutCap: Record<string, Usage> = { ...USAGE, "no.such.field": { descriptive: "a field that does not exist" } };
    delete withoutCap["compensation.yearlyCap.hours"];
    const problems = tableProblems(allPaths, withoutCap).filter((p) => p.startsWith("compensation.yearlyCap.hours:") || p.startsWith("no.such.field:"));
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^compensation\.yearlyCap\.hours: .*add it with the source file that reads it.*descriptive/);
    expect(problems[1]).toMatch(/^no\.such\.field: in USAGE but no longer a field/);
  });

  it.each(Object.entries(USAGE))("%s", (path, usage) => {
    expect(entryProblems(path, usage)).toEqual([]);
  });

  it("every readBy file exists", () => {
    const missing = Object.values(USAGE).flatMap((u) => ("readBy" in u && !existsSync(join(ROOT, u.readBy)) ? [u.readBy] : []));
    expect(missing).toEqual([]);
  });

  it("the entry checks can fail", () => {
    expect(reads("const x = contract.insurance.personalInjury;", "personalInjury")).toBe(true);
    expect(reads("const { minimumAge, residency } = c.eligibility;", "residency")).toBe(true);
    expect(reads('pick("overCap")', "overCap")).toBe(true);
    expect(reads("const personalInjuryTotal = 1;", "personalInjury")).toBe(false);
    expect(entryProblems("insurance.personalInjury", { readBy: "src/billing/billableHours.ts" })[0]).toMatch(/does not mention "personalInjury"/);
    expect(entryProblems("insurance.personalInjury", { readBy: "src/no/such/file.ts" })[0]).toMatch(/does not exist/);
    expect(entryProblems("insurance.personalInjury", { readBy: "src/contracts/schema.ts" })[0]).toMatch(/holds or describes the data/);
    expect(entryProblems("title", { descriptive: "" })[0]).toMatch(/needs a reason/);
  });
});
