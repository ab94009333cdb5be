// Writes dist/cases.json, every worked case of test/cases/*.yaml as plain
// data (published as `verksamhetsuppdrag/cases.json`), and
// dist/cases.schema.json, the JSON Schema of its format (published as
// `verksamhetsuppdrag/cases.schema.json`). Run after the tsup build:
// `node scripts/build-cases.mjs`. A shipped contract named by id is written
// out in full, an inline one is validated by parseContract, and a
// bookkeeping case's posting file is read into the case, so that a case
// needs nothing but the file to run.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { parse } from "yaml";
import { loadDist } from "./loadDist.mjs";

const root = new URL("../", import.meta.url);
const casesDir = new URL("test/cases/", root);
const lib = await loadDist("build-cases", "index.js");
const KINDS = (await loadDist("build-cases", "testing.js")).CASE_KINDS;
const KEYS = new Set(["title", "contract", "kind", "input", "expected", "explanation", "clause"]);
const shipped = new Map([...Object.values(lib.contracts), ...Object.values(lib.boendestodProcuredOptions)].map((c) => [c.id, c]));
const plain = (value) => JSON.parse(JSON.stringify(value));

function fail(message) {
  console.error(`build-cases: ${message}`);
  process.exit(1);
}

/** The case as published: its contract in full, a posting file read in. */
function published(raw, file, index) {
  const where = `test/cases/${file} case ${index}`;
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) fail(`${where}: expected a mapping`);
  for (const key of Object.keys(raw)) if (!KEYS.has(key)) fail(`${where}: unknown key ${key}`);
  for (const key of ["title", "kind", "explanation", "clause"]) {
    if (typeof raw[key] !== "string" || raw[key] === "") fail(`${where}: ${key} must be a non-empty string`);
  }
  if (!KINDS.includes(raw.kind)) fail(`${where}: unknown kind ${raw.kind}`);
  let contract;
  if (typeof raw.contract === "string") {
    contract = shipped.get(raw.contract);
    if (contract === undefined) fail(`${where}: no shipped contract ${raw.contract}`);
  } else {
    contract = lib.parseContract(raw.contract);
  }
  let input = raw.input === undefined ? null : plain(raw.input);
  if (raw.kind === "bookkeeping" && typeof input?.posting === "string") {
    input = { ...input, posting: JSON.parse(readFileSync(new URL(input.posting, root), "utf8")) };
  }
  return {
    id: `${file.replace(/\.yaml$/, "")}/${index + 1}`,
    title: raw.title,
    kind: raw.kind,
    contractId: contract.id,
    contract: plain(contract),
    input,
    expected: plain(raw.expected),
    explanation: raw.explanation.trim(),
    clause: raw.clause,
  };
}

const cases = [];
for (const file of readdirSync(casesDir).filter((name) => name.endsWith(".yaml")).sort()) {
  const parsed = parse(readFileSync(new URL(file, casesDir), "utf8"));
  (Array.isArray(parsed) ? parsed : [parsed]).forEach((raw, index) => cases.push(published(raw, file, index)));
}

const money = { type: "string", pattern: "^-?(0|[1-9][0-9]*)\\.[0-9]{2}$", description: "money: a decimal string with exactly two decimals" };
const decimal = { type: "string", pattern: "^-?(0|[1-9][0-9]*)(\\.[0-9]+)?$", description: "a decimal string (hours, percent, quantity)" };
const date = { type: "string", pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" };
const month = { type: "string", pattern: "^[0-9]{4}-[0-9]{2}$" };
const error = { type: "object", required: ["error"], properties: { error: { type: "string", pattern: "^[A-Z_]+$", description: "the RulesError code the computation must refuse with" } }, additionalProperties: false };
const orError = (schema) => ({ anyOf: [error, schema] });
const moneyFields = { total: money, notPayable: money, feesOwedToPurchaser: money };
const line = { type: "object", required: ["id"], properties: { id: { type: "string" }, quantity: decimal, unitPrice: money, amount: money, payable: { type: "boolean" }, kind: { type: "string" }, clause: { type: "string" } }, additionalProperties: false };
const ledgerEntry = { type: "object", required: ["month", "lineId", "amount", "reason", "kind"], properties: { month, lineId: { type: "string" }, amount: money, reason: { enum: ["new", "changed", "removed"] }, kind: { enum: ["provider", "fee"] } }, additionalProperties: false };
const dates = (...names) => Object.fromEntries(names.map((n) => [n, date]));

/** What each kind's `expected` may hold (the answer holds at least this, in the same shape). */
const expectedByKind = {
  "contract-figures": { type: "object", minProperties: 1, description: "a map from a dotted path into the contract to the value there" },
  statement: orError({
    type: "object",
    properties: { ...moneyFields, lines: { type: "array", items: line, description: "every line, in order" }, warnings: { anyOf: [{ type: "integer", minimum: 0, description: "how many warnings" }, { type: "array", items: { type: "string" }, description: "a text each warning contains, in order" }] } },
    additionalProperties: false,
  }),
  "statement-year": orError({
    type: "object",
    properties: {
      ...moneyFields,
      months: { type: "array", items: month },
      monthTotals: { type: "object", additionalProperties: money },
      reconciliation: { type: "array", items: { type: "object", required: ["quarter"], properties: { quarter: { type: "integer", minimum: 1, maximum: 4 }, due: money, paid: money, difference: money }, additionalProperties: false }, description: "matched by quarter" },
      capUsage: { type: "array", items: { type: "object", required: ["month"], properties: { month, usedHours: decimal, usedToDate: decimal, capHours: decimal, remaining: decimal }, additionalProperties: false }, description: "matched by month" },
    },
    additionalProperties: false,
  }),
  revision: {
    type: "object",
    properties: {
      months: { type: "array", items: { type: "object", required: ["month"], properties: { month, paid: money, revised: money, difference: money }, additionalProperties: false } },
      paid: money,
      revised: money,
      difference: money,
      direction: { enum: ["owed-to-provider", "reclaimed-from-provider", "none"] },
      from: { type: "object", properties: { percent: decimal, status: { type: "string" } }, additionalProperties: false },
      to: { type: "object", properties: { percent: decimal, status: { type: "string" } }, additionalProperties: false },
    },
    additionalProperties: false,
  },
  settlement: {
    type: "object",
    required: ["steps"],
    properties: { steps: { type: "array", items: { type: "object", properties: { total: money, feesOwedToPurchaser: money, entries: { type: "array", items: ledgerEntry } }, additionalProperties: false } } },
    additionalProperties: false,
  },
  bookkeeping: {
    type: "object",
    required: ["vouchers"],
    properties: {
      vouchers: {
        type: "array",
        items: {
          type: "object",
          required: ["number", "date", "text", "rows"],
          properties: { number: { type: ["integer", "null"] }, date, text: { type: "string" }, rows: { type: "array", items: { type: "array", prefixItems: [{ type: "string" }, money, { type: "string" }], minItems: 3, maxItems: 3, description: "[account, amount, transaction text]" } } },
          additionalProperties: false,
        },
      },
    },
    additionalProperties: false,
  },
  deadlines: orError({
    type: "array",
    items: { type: "object", required: ["due", "kind", "covers"], properties: { due: date, kind: { enum: ["activity-report", "lex-sarah-summary"] }, covers: { type: "integer" }, workday: { type: "boolean" }, clause: { type: "string" } }, additionalProperties: false },
  }),
  "notice-end": orError({ type: "object", required: ["end"], properties: { end: date, months: { type: "integer" }, clamped: { type: "boolean" }, clause: { type: "string" } }, additionalProperties: false }),
  "early-termination": orError({ type: "object", minProperties: 1, properties: { ...dates("cureDeadline", "earliestTerminationNotice", "earliestEnd"), rolled: { type: "boolean" }, clause: { type: "string" } }, additionalProperties: false }),
  "activity-report": orError({ type: "object", minProperties: 1, description: "any part of activityReportToJSON's result (docs/reporting.md): money as two-decimal strings, hours and averages as decimal strings" }),
  "expected-results": orError({ type: "object", minProperties: 1, properties: { met: { type: "integer" }, measured: { type: "integer" }, allMet: { type: "boolean" }, results: { type: "array", description: "one per expected result, in the contract's order" } } }),
  "insurance-check": orError({ type: "object", minProperties: 1, properties: { ok: { type: "boolean" }, shortfalls: { type: "array" }, required: { type: "object" }, clause: { type: "string" } } }),
  "liability-cap": orError({ type: "object", minProperties: 1, properties: { liable: money, capped: { type: "boolean" }, cap: money, claimed: money, beyondCap: money, clause: { type: "string" } } }),
  term: orError({ type: "object", required: ["end"], properties: { end: { anyOf: [date, { type: "null" }] }, months: { type: "integer" }, byYear: { type: "object", additionalProperties: { type: "integer" } } }, additionalProperties: false }),
};

const schema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://www.npmjs.com/package/verksamhetsuppdrag/cases.schema.json",
  title: "verksamhetsuppdrag worked cases",
  description:
    "Every worked case of the library as data. Run a case by computing its kind from its contract and input and comparing the answer with expected: an expected object is a subset of the answer, an expected list matches item by item in order (a year's reconciliation by quarter and capUsage by month), decimal strings match as numbers (\"10\" equals \"10.00\"), an expected number where the answer has a list is its length, and an expected text in a warnings list is contained in the warning. docs/testing.md describes each kind's question and answer.",
  type: "object",
  required: ["format", "cases"],
  properties: {
    format: { const: "verksamhetsuppdrag/cases@1" },
    cases: {
      type: "array",
      items: {
        type: "object",
        required: ["id", "title", "kind", "contractId", "contract", "input", "expected", "explanation", "clause"],
        properties: {
          id: { type: "string", pattern: "^[a-z0-9-]+/[1-9][0-9]*$", description: "<file>/<n>: the YAML file of test/cases/ and the case's place in it, from 1" },
          title: { type: "string", minLength: 1 },
          kind: { enum: KINDS },
          contractId: { type: "string", pattern: "^[a-z0-9][a-z0-9-]*$" },
          contract: { type: "object", description: "the commission as plain data: see verksamhetsuppdrag/schema.json" },
          input: { type: ["object", "null"], description: "the computation's inputs, as the library takes them" },
          expected: { description: "the expected figures" },
          explanation: { type: "string", minLength: 1, description: "a sentence or two for a person, in English with the Swedish quote" },
          clause: { type: "string", minLength: 1, description: "the clause(s) the case checks, starting with the contract's document label" },
        },
        additionalProperties: false,
        allOf: KINDS.map((kind) => ({ if: { properties: { kind: { const: kind } } }, then: { properties: { expected: expectedByKind[kind] } } })),
      },
    },
  },
  additionalProperties: false,
};

writeFileSync(new URL("dist/cases.json", root), `${JSON.stringify({ format: "verksamhetsuppdrag/cases@1", cases }, null, 2)}\n`, "utf8");
writeFileSync(new URL("dist/cases.schema.json", root), `${JSON.stringify(schema, null, 2)}\n`, "utf8");
console.log(`build-cases: wrote dist/cases.json (${cases.length} cases) and dist/cases.schema.json`);
