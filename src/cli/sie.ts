/**
 * `--format sie` of `settle` and `statement`: the posting configuration
 * read from `--posting`, the file written by the library's SIE 4I writer
 * (`verksamhetsuppdrag/sie`) and printed as its bytes (code page 437).
 *
 * @module
 */
import { parsePostingConfig, settlementsToSie, statementsToSie, type PostingConfig, type SieOptions } from "../bookkeeping/index.js";
import type { Settlement, Statement } from "../index.js";
import { dateValue, stringOption, type OptionSpec, type ParsedArgs } from "./args.js";
import type { CommandContext } from "./command.js";
import { dtstampOf } from "./commands/deadlines.js";
import { explained, prefixLocator, UsageError } from "./errors.js";
import { readJsonFile } from "./jsonFile.js";
import { bytesOutput, type CommandOutput } from "./output.js";
import { packageVersion } from "./version.js";

/**
 * The options `--format sie` takes, shared by `settle` and `statement`.
 *
 * @example
 * ```ts
 * SIE_OPTIONS.posting?.value; //=> "POSTING.json"
 * ```
 */
export const SIE_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  posting: { type: "string", value: "POSTING.json", description: "with --format sie (required): the posting configuration, accounts and objects (docs/bookkeeping.md)" },
  generated: { type: "string", value: "YYYY-MM-DD", description: "with --format sie: the date in #GEN (default $SOURCE_DATE_EPOCH's date, else today)" },
  signature: { type: "string", value: "TEXT", description: "with --format sie: who made the file, in #GEN and every #VER" },
  "voucher-date": { type: "string", value: "YYYY-MM-DD", description: "with --format sie: one date for every voucher (default: the last day of its month)" },
};

/**
 * The help lines on `--format sie`, for a command's details.
 *
 * @example
 * ```ts
 * SIE_HELP[0]?.startsWith("--format sie writes an SIE 4I file"); //=> true
 * ```
 */
export const SIE_HELP: readonly string[] = [
  "--format sie writes an SIE 4I file (bokföringsorder, code page 437) for the finance system: one voucher (#VER)",
  "per run, two #TRANS rows per entry (the line id as their text; or summed per month and account, as the",
  "posting file says) on the accounts of --posting; every voucher balances to 0.00. A bad posting file exits 1",
  "naming the field.",
];

/**
 * The posting configuration for `--format sie`, read and validated, or
 * `undefined` for another format; the SIE options without `--format sie`,
 * or `--format sie` without `--posting`, are bad usage.
 *
 * @param args - the parsed arguments
 * @param format - the `--format` chosen
 * @param command - the command, for messages
 * @returns the configuration, or `undefined`
 * @throws {@link UsageError} for options that do not go together; {@link InputError} for a bad file, naming the field
 * @example
 * ```ts
 * const posting = await loadPosting(args, "sie", "settle");
 * ```
 */
export async function loadPosting(args: ParsedArgs, format: string, command: string): Promise<PostingConfig | undefined> {
  const file = stringOption(args, "posting");
  if (format !== "sie") {
    for (const name of Object.keys(SIE_OPTIONS)) {
      if (stringOption(args, name) !== undefined) throw new UsageError(`${command}: --${name} applies only to --format sie`, command);
    }
    return undefined;
  }
  if (file === undefined) throw new UsageError(`${command}: --format sie needs --posting POSTING.json (the accounts and objects to book on)`, command);
  const data = await readJsonFile(file, file, 16 * 1024 * 1024);
  return explained(() => parsePostingConfig(data), (path) => ({ file, field: path }));
}

/** The writer's options from the command line. */
function sieOptions(args: ParsedArgs, context: CommandContext): SieOptions {
  const generatedText = stringOption(args, "generated");
  // The clock is read only when neither --generated nor SOURCE_DATE_EPOCH says the date.
  const date = generatedText === undefined ? dtstampOf(undefined, context.env, () => `${context.today()}T00:00:00Z`).slice(0, 10) : dateValue(generatedText, "--generated");
  const signature = stringOption(args, "signature");
  const voucherDate = stringOption(args, "voucher-date");
  const options: SieOptions = { generated: signature === undefined ? { date } : { date, signature }, program: { name: context.program, version: packageVersion() } };
  if (voucherDate !== undefined) options.voucherDate = dateValue(voucherDate, "--voucher-date");
  return options;
}

const SIE_TERMS = prefixLocator({ "options.generated.signature": "--signature", "options.generated.date": "--generated", "options.voucherDate": "--voucher-date" });

/**
 * A settlement as an SIE 4I file.
 *
 * @param s - the settlement
 * @param posting - the posting configuration
 * @param args - the parsed arguments
 * @param context - the command's context (the clock, the environment)
 * @returns the file's bytes as the output
 * @throws {@link InputError} for a text the file cannot hold, naming it
 * @example
 * ```ts
 * return settlementSie(s, posting, args, context);
 * ```
 */
export function settlementSie(s: Settlement, posting: PostingConfig, args: ParsedArgs, context: CommandContext): CommandOutput {
  const options = sieOptions(args, context);
  return bytesOutput(explained(() => settlementsToSie([s], posting, options), SIE_TERMS).bytes);
}

/**
 * A statement as an SIE 4I file.
 *
 * @param s - the statement
 * @param posting - the posting configuration
 * @param args - the parsed arguments
 * @param context - the command's context
 * @returns the file's bytes as the output
 * @throws {@link InputError} for a text the file cannot hold, naming it
 * @example
 * ```ts
 * return statementSie(s, posting, args, context);
 * ```
 */
export function statementSie(s: Statement, posting: PostingConfig, args: ParsedArgs, context: CommandContext): CommandOutput {
  const options = sieOptions(args, context);
  return bytesOutput(explained(() => statementsToSie([s], posting, options), SIE_TERMS).bytes);
}
