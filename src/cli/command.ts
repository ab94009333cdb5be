/**
 * What a subcommand is to the dispatcher: its spec (for parsing and help)
 * and a function from parsed arguments to the text it prints.
 *
 * @module
 */
import type { CommandSpec, ParsedArgs } from "./args.js";

/**
 * What a command may use besides its arguments: the clock (only the command
 * line reads it; the library never does) and the program's name.
 *
 * @example
 * ```ts
 * const context: CommandContext = { today: () => "2025-06-01", program: "verksamhetsuppdrag" };
 * ```
 */
export interface CommandContext {
  /** Today's date, `YYYY-MM-DD`, in the local time zone. */
  today: () => string;
  /** The program's name, for help texts. */
  program: string;
}

/**
 * A command's output: what goes to stdout, computed before anything is
 * written, so that an error never leaves half an output behind. A `string`
 * is written as UTF-8; an iterable of strings (a large JSON result) is
 * serialised and written in chunks of 64 KiB after the computation has
 * succeeded, so a million-line statement is never one giant string.
 *
 * @example
 * ```ts
 * const out: CommandOutput = "OK\n";
 * ```
 */
export type CommandOutput = string | Iterable<string>;

/**
 * A subcommand.
 *
 * @example
 * ```ts
 * const schema: Command = { spec: schemaSpec, run: () => Promise.resolve(JSON.stringify(contractJsonSchema())) };
 * ```
 */
export interface Command {
  /** Name, options and help. */
  spec: CommandSpec;
  /** Computes the output; throws a CliError or RulesError for bad input. */
  run: (args: ParsedArgs, context: CommandContext) => Promise<CommandOutput>;
}
