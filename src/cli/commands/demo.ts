/**
 * `demo` (what `npm start` runs): on embedded sample data, a statement for a
 * sample month of each shipped commission, and the reporting deadlines of
 * the coming twelve months. Reads the clock for "today"; the library never
 * does.
 *
 * @module
 */
import { addMonths, compareDates, deadlines, statement, type Contract, type Deadline, type LocalDate, type StatementInput } from "../../index.js";
import { dateValue, stringOption, type CommandSpec } from "../args.js";
import type { Command } from "../command.js";
import { shippedContracts } from "../contractArg.js";
import { DEMO_BOENDESTOD_SESSIONS, DEMO_FAMILJERADGIVNING_SESSIONS, DEMO_MONTHS, DEMO_VALD_START } from "../demoData.js";
import { renderTable } from "../format.js";
import { textOutput } from "../output.js";
import { statementTable } from "./statement.js";
import { weekdayName } from "./deadlines.js";

/**
 * The spec of `demo`.
 *
 * @example
 * ```ts
 * demoSpec.name; //=> "demo"
 * ```
 */
export const demoSpec: CommandSpec = {
  name: "demo",
  summary: "Show what the package computes, on embedded sample data (what `npm start` runs)",
  positionals: [],
  options: {
    today: { type: "string", value: "YYYY-MM-DD", description: "the day the deadline calendar starts (default: today, from the clock)" },
  },
  details:
    "The sample sessions are embedded in the program; the same data ships as CSV in examples/data/\n" +
    "(familjeradgivning-2022-03.csv, boendestod-2019-03.csv) for the examples and your own trials.",
};

/**
 * The demo's input for a shipped commission: sample sessions where it is
 * billed by the hour, the assumed start where the text gives none.
 *
 * @param contract - a shipped commission
 * @returns the input and a note to print when the demo assumed something
 * @example
 * ```ts
 * demoInput(contracts.valdINaraRelation).input.start; //=> "2020-01-01"
 * ```
 */
export function demoInput(contract: Contract): { input: StatementInput; note?: string } {
  switch (contract.id) {
    case "familjeradgivning":
      return { input: { sessions: DEMO_FAMILJERADGIVNING_SESSIONS }, note: "Sample sessions: examples/data/familjeradgivning-2022-03.csv (21 sessions)." };
    case "boendestod":
      return { input: { sessions: DEMO_BOENDESTOD_SESSIONS }, note: "Sample sessions: examples/data/boendestod-2019-03.csv (10 visits)." };
    default:
      if (contract.term.start === "unknown") {
        return {
          input: { start: DEMO_VALD_START },
          note:
            `NOTE: the text gives no start date (${contract.term.clause}). The demo assumes ${DEMO_VALD_START}, the day indexation starts;\n` +
            "      pass the real start with --start YYYY-MM-DD.",
        };
      }
      return { input: {} };
  }
}

/**
 * The reporting deadlines of every shipped commission from `today` to the
 * day before the same date a year later.
 *
 * @param today - the first day
 * @returns the deadlines in the window, by date
 * @example
 * ```ts
 * comingDeadlines("2025-01-01").map((d) => d.due); //=> ["2025-03-31", "2025-03-31", …]
 * ```
 */
export function comingDeadlines(today: LocalDate): Deadline[] {
  const until = addMonths(today, 12);
  const year = Number(today.slice(0, 4));
  const all: Deadline[] = [];
  for (const contract of shippedContracts()) {
    const options = contract.term.start === "unknown" ? { start: DEMO_VALD_START } : {};
    for (const y of [year, year + 1]) for (const d of deadlines(contract, y, options)) all.push(d);
  }
  return all
    .filter((d) => compareDates(d.due, today) >= 0 && compareDates(d.due, until) < 0)
    .sort((a, b) => compareDates(a.due, b.due) || a.contractId.localeCompare(b.contractId));
}

/**
 * Runs `demo`.
 *
 * @example
 * ```ts
 * await demoCommand.run(parseCommandArgs(demoSpec, ["--today", "2025-01-01"]), context);
 * //=> "verksamhetsuppdrag demo: …"
 * ```
 */
export const demoCommand: Command = {
  spec: demoSpec,
  run: (args, context) => {
    const todayText = stringOption(args, "today");
    const today = todayText === undefined ? context.today() : dateValue(todayText, "--today");
    const out: string[] = [
      `${context.program} demo: one month of each shipped commission, on sample data, and the deadlines of the coming year.`,
      `Try '${context.program} statement --help' to compute your own.`,
      "",
    ];
    for (const contract of shippedContracts()) {
      const month = DEMO_MONTHS[contract.id] ?? "";
      const { input, note } = demoInput(contract);
      const s = statement(contract, month, input);
      out.push("=".repeat(100), statementTable(s, contract, note === undefined ? {} : { note }));
    }
    const coming = comingDeadlines(today);
    const until = addMonths(today, 12);
    out.push("=".repeat(100), `Reporting deadlines from ${today} up to ${until} (dates as the contracts write them; NO = not a workday):`, "");
    out.push(
      renderTable(
        [{ header: "due" }, { header: "day" }, { header: "workday" }, { header: "contract" }, { header: "report" }, { header: "clause" }],
        coming.map((d) => [d.due, weekdayName(d.due), d.workday ? "yes" : "NO", d.contractId, d.title, d.clause]),
      ).trimEnd(),
    );
    out.push(
      "",
      `vald-i-nara-relation: start assumed ${DEMO_VALD_START} (the text gives none). Move deadlines off weekends and holidays with`,
      `'${context.program} deadlines <contract> --year YYYY --roll next-workday'; export them with --format ics.`,
      "",
    );
    return Promise.resolve(textOutput(out.join("\n")));
  },
};
