/**
 * What a subcommand is to the dispatcher: its spec (for parsing and help)
 * and a function from parsed arguments to the text it prints.
 *
 * @module
 */
import type { CommandSpec, ParsedArgs } from "./args.js";
import type { CommandOutput } from "./output.js";

/**
 * What a command may use besides its arguments: the clock (only the command
 * line reads it; the library never does), the program's name and the
 * environment.
 *
 * @example
 * ```ts
 * const context: CommandContext = { today: () => "2025-06-01", program: "verksamhetsuppdrag", env: {} };
 * ```
 */
export interface CommandContext {
  /** Today's date, `YYYY-MM-DD`, in the local time zone. */
  today: () => string;
  /** The program's name, for help texts. */
  program: string;
  /** The environment (`SOURCE_DATE_EPOCH` is read from it). */
  env: Readonly<Record<string, string | undefined>>;
  /** Tells the user something the command chose (a file read as Windows-1252), on stderr; the run goes on. */
  notice?: (text: string) => void;
}

/**
 * A subcommand.
 *
 * @example
 * ```ts
 * const schema: Command = { spec: schemaSpec, run: () => Promise.resolve(dataOutput(JSON.stringify(contractJsonSchema()))) };
 * ```
 */
export interface Command {
  /** Name, options and help. */
  spec: CommandSpec;
  /**
   * Computes the result and returns its output; throws a CliError or
   * RulesError for bad input. The result is computed before this returns,
   * so that an error never leaves half an output behind; the chunks are only
   * its rendering, produced as they are written.
   */
  run: (args: ParsedArgs, context: CommandContext) => Promise<CommandOutput>;
}
