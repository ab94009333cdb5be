/**
 * The inputs of `statement` and `year`, from their options: sessions (CSV
 * or JSON), call-offs, an index series, paid amounts and a visit-fee rule
 * (JSON), the start date and the policies. The files are read here and
 * handed to the library unchanged; the library checks them, and its errors
 * are mapped back to the file, line and field they come from.
 *
 * @module
 */
import { DEFAULT_BILLING_POLICIES, type CallOff, type IndexSeries, type StatementInput, type YearReportInput } from "../index.js";
import { dateValue, listOption, stringOption, type OptionSpec, type ParsedArgs } from "./args.js";
import { anyLocator, InputError, prefixLocator, valueError, type Location } from "./errors.js";
import { readJsonFile } from "./jsonFile.js";
import type { CommandContext } from "./command.js";
import { arrayIn, readSessions, type SessionsRead } from "./sessions.js";

/**
 * The options `statement` and `year` share.
 *
 * @example
 * ```ts
 * Object.keys(BILLING_OPTIONS); //=> ["sessions", "call-offs", "index", "start", "policy", "visit-fee-rule"]
 * ```
 */
export const BILLING_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  sessions: { type: "string", short: "s", value: "FILE", description: "performed sessions: .csv (id,date,minutes,kind,participants,…) or .json" },
  "call-offs": { type: "string", value: "FILE.json", description: "written call-offs (avrop): [{ id, date, hours, form }]" },
  index: { type: "string", value: "FILE.json", description: 'an index series laid over the shipped OPI: { "name": "OPI", "percent": { "2024": "4.1" } }' },
  start: { type: "string", value: "YYYY-MM-DD", description: "the start date, where the text gives none (vald-i-nara-relation)" },
  policy: { type: "string", short: "p", multiple: true, value: "NAME=VALUE", description: "a billing policy, e.g. overCap=pay-with-warning" },
  "visit-fee-rule": {
    type: "string",
    value: "RULE",
    description: "follow-rate (default), unchanged, or a .json file { amounts: { year: fee }, source }",
  },
};

/**
 * How the library names the inputs in its messages, and what the command
 * line calls them.
 *
 * @example
 * ```ts
 * BILLING_TERMS["input.start"]; //=> "--start"
 * ```
 */
export const BILLING_TERMS: Readonly<Record<string, string>> = Object.freeze({
  "input.start": "--start",
  "pass it as options.index": "pass it with --index FILE.json",
});

/**
 * The policies and their defaults, for the help text (read from the
 * library, never restated here).
 *
 * @returns lines `name (default value)`
 * @example
 * ```ts
 * policyHelp(); //=> "Policies (--policy NAME=VALUE), with their defaults:\n  quarterRounding=per-session\n  …"
 * ```
 */
export function policyHelp(): string {
  const lines = Object.entries(DEFAULT_BILLING_POLICIES).map(([name, value]) => `  ${name}=${value}`);
  return `Policies (--policy NAME=VALUE; the library checks names and values), with their defaults:\n${lines.join("\n")}`;
}

/**
 * Parses the `--policy NAME=VALUE` options into an object for the library,
 * which checks the names and values.
 *
 * @param values - the option's values, in order (a later one wins)
 * @returns the policies
 * @throws {@link InputError} for a value without `=`
 * @example
 * ```ts
 * parsePolicies(["overCap=pay-with-warning", "quarterRounding=per-month-per-case"]);
 * //=> { overCap: "pay-with-warning", quarterRounding: "per-month-per-case" }
 * ```
 */
export function parsePolicies(values: readonly string[]): Record<string, string> {
  const policies: Record<string, string> = {};
  for (const value of values) {
    const eq = value.indexOf("=");
    if (eq <= 0 || eq === value.length - 1) {
      throw new InputError(`--policy: expected NAME=VALUE, e.g. overCap=pay-with-warning, received ${JSON.stringify(value)}`);
    }
    const name = value.slice(0, eq).trim();
    if (name === "__proto__" || name === "constructor" || name === "prototype") {
      throw new InputError(`--policy: expected a policy name, received ${JSON.stringify(name)}`);
    }
    policies[name] = value.slice(eq + 1).trim();
  }
  return policies;
}

/**
 * What was read for a statement or a year report.
 *
 * @example
 * ```ts
 * const loaded: LoadedInput = await loadBillingInput(args);
 * ```
 */
export interface LoadedInput {
  /** The input for the library. */
  input: YearReportInput;
  /** The sessions file as read, if one was given. */
  sessions: SessionsRead | null;
  /** Maps the library's issue paths to files, lines, fields and options. */
  locate: (path: string) => Location | undefined;
}

/**
 * Reads every input file an invocation names and builds the library's
 * input. Every session of the file is handed on: the library checks them
 * all (a repeated id in another year too) and keeps those it needs.
 *
 * @param args - the parsed arguments (see {@link BILLING_OPTIONS}; `paid` for the year report)
 * @returns the input and a locator for error messages
 * @throws {@link InputError} naming file, line and field
 * @example
 * ```ts
 * const { input } = await loadBillingInput(args);
 * statement(contract, "2022-03", input);
 * ```
 */
export async function loadBillingInput(args: ParsedArgs, context?: CommandContext): Promise<LoadedInput> {
  const input: LoadedInput["input"] = {};
  const locators: ((path: string) => Location | undefined)[] = [];
  const labels: Record<string, string> = {
    month: "--month",
    year: "--year",
    start: "--start",
    "input.start": "--start",
    index: "--index",
    "options.index": "--index",
    policies: "--policy",
    visitFeeRule: "--visit-fee-rule",
    callOffs: "--call-offs",
    sessions: "--sessions",
    paid: "--paid",
  };

  const start = stringOption(args, "start");
  if (start !== undefined) input.start = dateValue(start, "--start");

  const policies = listOption(args, "policy");
  if (policies.length > 0) {
    input.policies = parsePolicies(policies);
  }

  let sessions: SessionsRead | null = null;
  const sessionsFile = stringOption(args, "sessions");
  if (sessionsFile !== undefined) {
    sessions = await readSessions(sessionsFile);
    for (const text of sessions.notices) context?.notice?.(`${sessionsFile}: ${text}`);
    input.sessions = sessions.sessions;
    locators.push(sessions.locate);
    labels.sessions = sessionsFile;
  }

  const callOffsFile = stringOption(args, "call-offs");
  if (callOffsFile !== undefined) {
    const { list, locate } = await readJsonList(callOffsFile, "callOffs", 'an array of call-offs [{ "id", "date", "hours", "form" }]');
    input.callOffs = list as CallOff[];
    locators.push(locate);
  }

  const indexFile = stringOption(args, "index");
  if (indexFile !== undefined) {
    const series = await readJsonFile(indexFile);
    if (typeof series !== "object" || series === null || Array.isArray(series)) {
      throw valueError({ file: indexFile }, 'an index series { "name": "OPI", "percent": { "2024": "4.1" } }', Array.isArray(series) ? "an array" : JSON.stringify(series));
    }
    input.index = series as IndexSeries;
    labels.index = indexFile;
    labels["options.index"] = indexFile;
  }

  const visitFeeRule = stringOption(args, "visit-fee-rule");
  if (visitFeeRule !== undefined) {
    if (visitFeeRule === "follow-rate" || visitFeeRule === "unchanged") input.visitFeeRule = visitFeeRule;
    else {
      input.visitFeeRule = (await readJsonFile(visitFeeRule)) as StatementInput["visitFeeRule"];
      labels.visitFeeRule = visitFeeRule;
    }
  }

  const paidFile = stringOption(args, "paid");
  if (paidFile !== undefined) {
    const data = await readJsonFile(paidFile);
    const paid =
      typeof data === "object" && data !== null && !Array.isArray(data) && "paid" in data ? data.paid : data;
    if (typeof paid !== "object" || paid === null || Array.isArray(paid)) {
      throw valueError({ file: paidFile }, 'the amounts paid by month, e.g. { "2023-01": "380101.66" }', Array.isArray(paid) ? "an array" : JSON.stringify(paid));
    }
    input.paid = paid as YearReportInput["paid"];
    labels.paid = paidFile;
  }

  return { input, sessions, locate: anyLocator(...locators, prefixLocator(labels)) };
}

/**
 * Reads a JSON file holding a list — an array, or `{ "<key>": [...] }` — with
 * a locator that names `<key>.<i>.<field>` of the library's errors as the
 * file and its field.
 *
 * @param file - the file
 * @param key - the list's name in the library's input, e.g. `"callOffs"`
 * @param expected - what the file must hold, for the error
 * @returns the list and its locator
 * @example
 * ```ts
 * const { list, locate } = await readJsonList("groups.json", "groups", 'an array of groups [{ "id", "participants" }]');
 * locate("groups.1.participants"); //=> { file: "groups.json", field: "[1].participants" }
 * ```
 */
export async function readJsonList(file: string, key: string, expected: string): Promise<{ list: unknown[]; locate: (path: string) => Location | undefined }> {
  const { list, prefix } = arrayIn(await readJsonFile(file), key, file, `${expected}, or { "${key}": [...] }`);
  return { list, locate: elementLocator(key, file, prefix) };
}

/** Locates `<key>.<i>.<field>` in a JSON array file as `file, field [i].field`. */
function elementLocator(key: string, file: string, prefix: string): (path: string) => Location | undefined {
  const pattern = new RegExp(`^${key}\\.(\\d+)(?:\\.(.+))?$`);
  return (path) => {
    const m = pattern.exec(path);
    if (m === null) return undefined;
    return { file, field: `${prefix}[${m[1] ?? ""}]${m[2] === undefined ? "" : `.${m[2]}`}` };
  };
}
