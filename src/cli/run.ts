/**
 * The command line as a function: arguments and two output streams in, an
 * exit code out. `main.ts` only wires it to `process`.
 *
 * Every error is caught here. Bad input (the library's `RulesError`, the
 * command line's `InputError`) exits 1 and bad usage exits 2, each with a
 * message on stderr; anything else is an internal error, reported on one
 * line, exit 70. No stack trace is ever printed, and stdout gets either the
 * whole output or nothing.
 *
 * @module
 */
import { RulesError } from "../index.js";
import { parseCommandArgs, commandHelp } from "./args.js";
import type { Command, CommandContext } from "./command.js";
import { contractsCommand, showCommand } from "./commands/catalog.js";
import { deadlinesCommand } from "./commands/deadlines.js";
import { demoCommand } from "./commands/demo.js";
import { noticeCommand } from "./commands/notice.js";
import { schemaCommand, validateCommand } from "./commands/schema.js";
import { statementCommand } from "./commands/statement.js";
import { yearCommand } from "./commands/year.js";
import { CliError, EXIT, rulesErrorLines, UsageError } from "./errors.js";
import { packageVersion } from "./version.js";

/**
 * The program's name, as installed by package.json's `bin`.
 *
 * @example
 * ```ts
 * PROGRAM; //=> "verksamhetsuppdrag"
 * ```
 */
export const PROGRAM = "verksamhetsuppdrag";

/**
 * Every subcommand, in the order the help lists them.
 *
 * @example
 * ```ts
 * COMMANDS.map((c) => c.spec.name);
 * //=> ["contracts", "show", "validate", "schema", "statement", "year", "deadlines", "notice", "demo"]
 * ```
 */
export const COMMANDS: readonly Command[] = [
  contractsCommand,
  showCommand,
  validateCommand,
  schemaCommand,
  statementCommand,
  yearCommand,
  deadlinesCommand,
  noticeCommand,
  demoCommand,
];

/**
 * Where the command writes. Each stream gets at most one write of the whole
 * text (plus, on error, one write to stderr).
 *
 * @example
 * ```ts
 * const io: CliIo = { stdout: process.stdout, stderr: process.stderr };
 * ```
 */
export interface CliIo {
  /** Standard output. */
  stdout: { write: (text: string) => unknown };
  /** Standard error. */
  stderr: { write: (text: string) => unknown };
  /** Today's date `YYYY-MM-DD`; default: the local date of the machine's clock. */
  today?: () => string;
}

/**
 * The global help text.
 *
 * @returns the text
 * @example
 * ```ts
 * globalHelp().startsWith("Usage: verksamhetsuppdrag <command>"); //=> true
 * ```
 */
export function globalHelp(): string {
  const w = Math.max(...COMMANDS.map((c) => c.spec.name.length)) + 2;
  return [
    `Usage: ${PROGRAM} <command> [arguments] [options]`,
    "",
    "Exact, explainable figures for Swedish municipal service commissions (verksamhetsuppdrag):",
    "monthly statements, year reports, notice periods and reporting deadlines, to the öre and",
    "cited to the clause.",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.spec.name.padEnd(w)}${c.spec.summary}`),
    "",
    "Options:",
    "  -h, --help      show help (also after a command: statement --help)",
    "  -V, --version   print the version",
    "",
    "Exit codes: 0 OK, 1 bad input, 2 bad usage, 70 internal error.",
    `Start with: ${PROGRAM} demo`,
    "",
  ].join("\n");
}

/**
 * Today's local date from the machine's clock, `YYYY-MM-DD`. Only the
 * command line reads the clock; the library never does.
 *
 * @returns today's date
 * @example
 * ```ts
 * localToday(); //=> "2025-06-01"
 * ```
 */
export function localToday(): string {
  const now = new Date();
  const pad = (n: number): string => n.toString().padStart(2, "0");
  return `${now.getFullYear().toString()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Runs the command line.
 *
 * @param argv - the arguments after the program's name (`process.argv.slice(2)`)
 * @param io - where to write
 * @returns the exit code: 0 OK, 1 bad input, 2 bad usage, 70 internal error
 * @example
 * ```ts
 * const code = await run(["statement", "familjeradgivning", "--month", "2022-03"], { stdout: process.stdout, stderr: process.stderr });
 * //=> 0
 * ```
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let commandName: string | undefined;
  try {
    const [first, ...rest] = argv;
    if (first === undefined || first === "-h" || first === "--help" || first === "help") {
      if (first === "help" && rest[0] !== undefined) return await run([rest[0], "--help"], io);
      if (first === undefined) {
        // No command is bad usage: the help goes to stderr, stdout stays empty.
        io.stderr.write(globalHelp());
        return EXIT.USAGE;
      }
      io.stdout.write(globalHelp());
      return EXIT.OK;
    }
    if (first === "-V" || first === "--version" || first === "-v") {
      if (rest.length > 0) throw new UsageError(`${first} takes no arguments`);
      io.stdout.write(`${packageVersion()}\n`);
      return EXIT.OK;
    }
    if (first.startsWith("-")) throw new UsageError(`unknown option ${first} (options come after the command)`);
    const command = COMMANDS.find((c) => c.spec.name === first);
    if (command === undefined) {
      throw new UsageError(`unknown command ${JSON.stringify(first)}: expected one of ${COMMANDS.map((c) => c.spec.name).join(", ")}`);
    }
    commandName = command.spec.name;
    const args = parseCommandArgs(command.spec, rest);
    if (args.help) {
      io.stdout.write(commandHelp(command.spec, PROGRAM));
      return EXIT.OK;
    }
    const context: CommandContext = { today: io.today ?? localToday, program: PROGRAM };
    const output = await command.run(args, context);
    if (typeof output === "string") io.stdout.write(output);
    else {
      let buffer = "";
      for (const chunk of output) {
        buffer += chunk;
        if (buffer.length >= 65536) {
          io.stdout.write(buffer);
          buffer = "";
        }
      }
      io.stdout.write(buffer);
    }
    return EXIT.OK;
  } catch (error) {
    return report(error, io, commandName);
  }
}

function report(error: unknown, io: CliIo, command: string | undefined): number {
  const prefix = `${PROGRAM}: `;
  if (error instanceof UsageError) {
    const hint = error.command === undefined ? `${PROGRAM} --help` : `${PROGRAM} ${error.command} --help`;
    io.stderr.write(`${prefix}${error.message}\nTry '${hint}'.\n`);
    return error.exitCode;
  }
  if (error instanceof CliError) {
    io.stderr.write(`${prefix}${error.message}\n`);
    return error.exitCode;
  }
  if (error instanceof RulesError) {
    const lines = rulesErrorLines(error);
    io.stderr.write(`${prefix}${lines.join("\n")}\n`);
    return EXIT.INPUT;
  }
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const where = command === undefined ? "" : ` in '${command}'`;
  io.stderr.write(`${prefix}internal error${where}: ${what.split("\n")[0] ?? ""} (this is a bug; please report it with the command you ran)\n`);
  return EXIT.INTERNAL;
}
