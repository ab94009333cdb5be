/**
 * `notice <contract> --received YYYY-MM-DD`: when a written notice of
 * termination ends the commission (the library's `noticePeriod`).
 *
 * @module
 */
import { noticePeriod, type NoticeInput, type NoticePeriod, type NoticeRule } from "../../index.js";
import { positional, choiceValue, dateValue, integerValue, requireOption, stringOption, type CommandSpec } from "../args.js";
import type { Command } from "../command.js";
import { loadContract } from "../contractArg.js";
import { explained, prefixLocator } from "../errors.js";
import { jsonText, renderPairs } from "../format.js";
import { dataOutput, textOutput } from "../output.js";

const RULES = ["same-date", "end-of-month"] as const satisfies readonly NoticeRule[];

/**
 * The spec of `notice`.
 *
 * @example
 * ```ts
 * noticeSpec.options.received?.value; //=> "YYYY-MM-DD"
 * ```
 */
export const noticeSpec: CommandSpec = {
  name: "notice",
  summary: "Work out when a notice of termination ends a commission",
  positionals: [{ name: "contract", description: "a shipped id (see 'contracts') or a JSON file" }],
  options: {
    received: { type: "string", short: "r", value: "YYYY-MM-DD", description: "the day the notice reached the other party (required)" },
    months: { type: "string", short: "m", value: "N", description: "a notice period the parties agreed instead of the contract's" },
    form: { type: "string", value: "written|oral", description: "the notice's form (default written; the texts require written)" },
    "given-by": { type: "string", value: "purchaser|provider", description: "who gave notice, checked against the clause" },
    rule: { type: "string", value: "same-date|end-of-month", description: "how the end is counted (default same-date, clamped to the month's end)" },
    format: { type: "string", short: "f", value: "table|json", description: "output format (default table)" },
  },
  details: "Example:\n  verksamhetsuppdrag notice familjeradgivning --received 2024-02-29",
};

/**
 * A notice period as readable lines.
 *
 * @param p - the period from the library
 * @param title - the commission's title
 * @returns the text
 * @example
 * ```ts
 * noticeText(noticePeriod(contracts.familjeradgivning, { receivedOn: "2024-02-29", form: "written" }), "Familjerådgivning");
 * //=> "Notice of termination: Familjerådgivning\n\nreceived     2024-02-29 (written)\n…ends         2025-02-28 …"
 * ```
 */
export function noticeText(p: NoticePeriod, title: string): string {
  const months = `${p.months.toString()} ${p.months === 1 ? "month" : "months"}`;
  const pairs: [string, string][] = [
    ["contract", p.contractId],
    ["received", `${p.receivedOn} (written${p.givenBy === null ? "" : `, by the ${p.givenBy}`})`],
    ["notice period", `${months} (${p.monthsFrom === "contract" ? "the contract's" : "agreed by the parties"})`],
    ["counted", p.rule === "same-date" ? "to the same date, or the month's last day when it has none" : "to the last day of the month"],
    ["last day in force", `${p.end}${p.clamped ? " (the same date does not exist: the month's last day)" : ""}`],
    ["clause", p.clause],
  ];
  if (p.quote !== undefined) pairs.push(["text", `"${p.quote}"`]);
  return `Notice of termination: ${title}\n\n${renderPairs(pairs)}`;
}

/**
 * Runs `notice`.
 *
 * @example
 * ```ts
 * await noticeCommand.run(parseCommandArgs(noticeSpec, ["familjeradgivning", "--received", "2024-02-29"]), context);
 * ```
 */
export const noticeCommand: Command = {
  spec: noticeSpec,
  run: async (args) => {
    const format = choiceValue(stringOption(args, "format") ?? "table", ["table", "json"] as const, "--format", "notice");
    const receivedOn = dateValue(requireOption(args, "received", "notice"), "--received");
    const form = choiceValue(stringOption(args, "form") ?? "written", ["written", "oral"] as const, "--form", "notice");
    const rule = choiceValue(stringOption(args, "rule") ?? "same-date", RULES, "--rule", "notice");
    const givenByText = stringOption(args, "given-by");
    const monthsText = stringOption(args, "months");
    const notice: NoticeInput = { receivedOn, form };
    if (monthsText !== undefined) notice.months = integerValue(monthsText, "--months");
    if (givenByText !== undefined) notice.givenBy = choiceValue(givenByText, ["purchaser", "provider"] as const, "--given-by", "notice");
    const contract = await loadContract(positional(args, 0));
    const period = explained(
      () => noticePeriod(contract, notice, { rule }),
      prefixLocator({
        "notice.receivedOn": "--received",
        "notice.form": "--form",
        "notice.months": "--months",
        "notice.givenBy": "--given-by",
        "options.rule": "--rule",
      }),
    );
    return format === "json" ? dataOutput(jsonText(period)) : textOutput(noticeText(period, contract.title));
  },
};
