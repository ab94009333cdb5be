/**
 * `deadlines <contract> --year YYYY`: the reporting deadlines that fall in a
 * year (the library's `deadlines`), or with `--all` every dated obligation
 * (`obligations`: payments and reconciliations too), as a table, JSON or
 * iCalendar (`toICalendar`).
 *
 * @module
 */
import {
  dayOfWeek,
  deadlines,
  obligations,
  toICalendar,
  type CalendarEntry,
  type Contract,
  type Deadline,
  type LocalDate,
  type Obligation,
  type RollRule,
} from "../../index.js";
import { positional, choiceValue, dateValue, requireOption, stringOption, yearValue, type CommandSpec } from "../args.js";
import type { Command } from "../command.js";
import { loadContract } from "../contractArg.js";
import { explained, InputError, prefixLocator, UsageError } from "../errors.js";
import { jsonText, renderTable } from "../format.js";
import { dataOutput, textOutput } from "../output.js";
import { deadlineEntry } from "../../render/calendar.js";

const FORMATS = ["table", "json", "ics"] as const;
const ROLLS = ["none", "next-workday"] as const satisfies readonly RollRule[];

/**
 * The spec of `deadlines`.
 *
 * @example
 * ```ts
 * deadlinesSpec.options.roll?.value; //=> "none|next-workday"
 * ```
 */
export const deadlinesSpec: CommandSpec = {
  name: "deadlines",
  summary: "List the reporting deadlines that fall in a year (or every dated obligation) as a table, JSON or iCalendar",
  positionals: [{ name: "contract", description: "a shipped id (see 'contracts') or a JSON file" }],
  options: {
    year: { type: "string", short: "y", value: "YYYY", description: "the year the deadlines fall in (required)" },
    roll: {
      type: "string",
      value: "none|next-workday",
      description: "none (default): keep the contract's date and flag non-workdays; next-workday: move as lag (1930:173) §2",
    },
    start: { type: "string", value: "YYYY-MM-DD", description: "the start date, where the text gives none (vald-i-nara-relation)" },
    all: { type: "boolean", description: "every dated obligation: also monthly payments and quarterly reconciliations" },
    format: { type: "string", short: "f", value: "table|json|ics", description: "output format (default table); ics is RFC 5545 with all-day events" },
    dtstamp: { type: "string", value: "INSTANT", description: "ics: the DTSTAMP, an ISO instant such as 2025-01-01T00:00:00Z (default: see below)" },
  },
  details: [
    "DTSTAMP (ics): --dtstamp if given, else $SOURCE_DATE_EPOCH (seconds since 1970, the",
    "reproducible-builds convention) if set, else the time the command runs.",
    "",
    "Example:",
    "  verksamhetsuppdrag deadlines familjeradgivning --year 2024 --roll next-workday --format ics > frister.ics",
  ].join("\n"),
};

const WEEKDAYS = ["mån", "tis", "ons", "tor", "fre", "lör", "sön"] as const;

/**
 * The Swedish short name of a date's weekday.
 *
 * @param date - a valid date
 * @returns `"mån"` … `"sön"`
 * @example
 * ```ts
 * weekdayName("2024-03-31"); //=> "sön"
 * ```
 */
export function weekdayName(date: LocalDate): string {
  return WEEKDAYS[dayOfWeek(date) - 1] ?? "";
}


/**
 * What the deadlines command computes, before formatting.
 *
 * @example
 * ```ts
 * const r: DeadlinesResult = { contract, year: 2024, all: false, deadlines: [...], obligations: [] };
 * ```
 */
export interface DeadlinesResult {
  /** The commission. */
  contract: Contract;
  /** The year. */
  year: number;
  /** Whether every obligation was asked for. */
  all: boolean;
  /** The reporting deadlines (without `--all`). */
  deadlines: Deadline[];
  /** Every obligation (with `--all`). */
  obligations: Obligation[];
}

/**
 * Formats the deadlines of a year as a table.
 *
 * @param r - the result
 * @returns the table text
 * @example
 * ```ts
 * deadlinesTable(result);
 * //=> "Reporting deadlines in 2024: familjeradgivning (SON 2021-233)\n\ndue         day  workday  …"
 * ```
 */
export function deadlinesTable(r: DeadlinesResult): string {
  const title = `${r.all ? "Obligations" : "Reporting deadlines"} in ${r.year.toString()}: ${r.contract.id} (${r.contract.reference ?? r.contract.document})`;
  if (r.all) {
    if (r.obligations.length === 0) return `${title}\n\nNone.\n`;
    return `${title}\n\n${renderTable(
      [{ header: "date" }, { header: "day" }, { header: "workday" }, { header: "obligation" }, { header: "clause" }],
      r.obligations.map((o) => [o.date, weekdayName(o.date), o.workday ? "yes" : "NO", o.title, o.clause]),
    )}`;
  }
  if (r.deadlines.length === 0) return `${title}\n\nNone: no report falls due in ${r.year.toString()}.\n`;
  const rows = r.deadlines.map((d) => [
    d.due,
    weekdayName(d.due),
    d.workday ? "yes" : "NO",
    d.title,
    d.covers.toString(),
    d.clause,
    d.rolled ? `moved from ${d.nominal}` : d.workday ? "" : "not a workday; kept as written",
  ]);
  return `${title}\n\n${renderTable(
    [{ header: "due" }, { header: "day" }, { header: "workday" }, { header: "report" }, { header: "covers" }, { header: "clause" }, { header: "note" }],
    rows,
  )}`;
}

/**
 * Computes the deadlines (or obligations) of a year for a contract.
 *
 * @param contract - the commission
 * @param year - the year
 * @param options - roll, start, and whether every obligation is wanted
 * @returns the result
 * @throws {@link RulesError} from the library (e.g. `UNKNOWN_START`)
 * @example
 * ```ts
 * computeDeadlines(contracts.familjeradgivning, 2024, { roll: "none", all: false }).deadlines.length; //=> 2
 * ```
 */
export function computeDeadlines(contract: Contract, year: number, options: { roll: RollRule; start?: LocalDate; all: boolean }): DeadlinesResult {
  const common = options.start === undefined ? { roll: options.roll } : { roll: options.roll, start: options.start };
  if (options.all) {
    const list = obligations(contract, `${year.toString()}-01-01`, `${year.toString()}-12-31`, common);
    return { contract, year, all: true, deadlines: [], obligations: list };
  }
  return { contract, year, all: false, deadlines: deadlines(contract, year, common), obligations: [] };
}

/**
 * An instant for DTSTAMP: now, to the second, in UTC (the command line may
 * read the clock; the library may not).
 *
 * @returns e.g. `"2025-06-01T08:30:00Z"`
 * @example
 * ```ts
 * nowStamp(); //=> "2025-06-01T08:30:00Z"
 * ```
 */
export function nowStamp(): string {
  return `${new Date().toISOString().slice(0, 19)}Z`;
}

/** The latest instant DTSTAMP can hold: 9999-12-31T23:59:59Z. */
const MAX_EPOCH = 253_402_300_799;

/**
 * The DTSTAMP of the command's calendar: `--dtstamp` when given (the library
 * checks it), else `SOURCE_DATE_EPOCH` (whole seconds since
 * 1970-01-01T00:00:00Z, the reproducible-builds convention; empty counts as
 * unset) when set, else now from the clock.
 *
 * @param option - the value of `--dtstamp`
 * @param env - the environment
 * @param now - the clock (default {@link nowStamp})
 * @returns an ISO instant
 * @throws {@link InputError} for a `SOURCE_DATE_EPOCH` that is not such a number
 * @example
 * ```ts
 * dtstampOf(undefined, { SOURCE_DATE_EPOCH: "1700000000" }); //=> "2023-11-14T22:13:20Z"
 * dtstampOf("2025-01-01T00:00:00Z", { SOURCE_DATE_EPOCH: "1700000000" }); //=> "2025-01-01T00:00:00Z"
 * ```
 */
export function dtstampOf(option: string | undefined, env: Readonly<Record<string, string | undefined>>, now: () => string = nowStamp): string {
  if (option !== undefined) return option;
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === "") return now();
  if (!/^\d{1,15}$/.test(epoch) || Number(epoch) > MAX_EPOCH) {
    throw new InputError(
      `SOURCE_DATE_EPOCH: expected whole seconds since 1970-01-01T00:00:00Z, at most ${MAX_EPOCH.toString()}, received ${JSON.stringify(epoch.slice(0, 40))}`,
    );
  }
  return `${new Date(Number(epoch) * 1000).toISOString().slice(0, 19)}Z`;
}

/**
 * Runs `deadlines`.
 *
 * @example
 * ```ts
 * await deadlinesCommand.run(parseCommandArgs(deadlinesSpec, ["familjeradgivning", "--year", "2024"]), context);
 * ```
 */
export const deadlinesCommand: Command = {
  spec: deadlinesSpec,
  run: async (args, context) => {
    const format = choiceValue(stringOption(args, "format") ?? "table", FORMATS, "--format", "deadlines");
    const dtstampOption = stringOption(args, "dtstamp");
    if (dtstampOption !== undefined && format !== "ics") throw new UsageError("deadlines: --dtstamp applies only to --format ics", "deadlines");
    const dtstamp = format === "ics" ? dtstampOf(dtstampOption, context.env) : "";
    const roll = choiceValue(stringOption(args, "roll") ?? "none", ROLLS, "--roll", "deadlines");
    const year = yearValue(requireOption(args, "year", "deadlines"), "--year");
    const startText = stringOption(args, "start");
    const start = startText === undefined ? undefined : dateValue(startText, "--start");
    const contract = await loadContract(positional(args, 0));
    const result = explained(
      () => computeDeadlines(contract, year, { roll, all: args.values.all === true, ...(start === undefined ? {} : { start }) }),
      prefixLocator({ "options.start": "--start", "options.roll": "--roll", year: "--year" }),
    );
    switch (format) {
      case "json":
        return dataOutput(jsonText(result.all ? result.obligations : result.deadlines));
      case "ics": {
        const entries: CalendarEntry[] = result.all ? result.obligations : result.deadlines.map(deadlineEntry);
        return dataOutput(
          explained(
            () => toICalendar(entries, { dtstamp, name: `${contract.title} – ${year.toString()}` }),
            prefixLocator({ "options.dtstamp": "--dtstamp", "options.name": "the commission's title" }),
          ),
        );
      }
      case "table":
        return textOutput(deadlinesTable(result));
    }
  },
};
