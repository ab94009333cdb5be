/**
 * The command line as a function: arguments and two output streams in, an
 * exit code out. `main.ts` only wires it to `process`.
 *
 * Every error is caught here. Bad input (the library's `RulesError`, the
 * command line's `InputError`) exits 1 and bad usage exits 2, each with a
 * message on stderr; an output that could not be written (a full disk) exits
 * 74; anything else is an internal error, reported on one line, exit 70. No
 * stack trace is ever printed, every message is bounded and made safe for a
 * terminal, and the result is computed in full before the first byte of it
 * is written.
 *
 * @module
 */
import { RulesError } from "../index.js";
import { parseCommandArgs, commandHelp, stringOption } from "./args.js";
import type { Command, CommandContext } from "./command.js";
import { contractsCommand, showCommand } from "./commands/catalog.js";
import { deadlinesCommand } from "./commands/deadlines.js";
import { answerCommand, conformanceCommand } from "./commands/conformance.js";
import { demoCommand } from "./commands/demo.js";
import { noticeCommand } from "./commands/notice.js";
import { schemaCommand, validateCommand } from "./commands/schema.js";
import { settleCommand } from "./commands/settle.js";
import { statementCommand } from "./commands/statement.js";
import { yearCommand } from "./commands/year.js";
import { reportCommand } from "./commands/report.js";
import { CliError, EXIT, InputError, rulesErrorLines, UsageError } from "./errors.js";
import { boundedMessage, isSystemError, outputError, terminalSafe, textOutput, writeChunked, writeFileAtomically, type CommandOutput, type Sink } from "./output.js";
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
 * //=> ["contracts", "show", "validate", "schema", "statement", "settle", "year", "report", "deadlines", "notice", "conformance", "answer", "demo"]
 * ```
 */
export const COMMANDS: readonly Command[] = [
  contractsCommand,
  showCommand,
  validateCommand,
  schemaCommand,
  statementCommand,
  settleCommand,
  yearCommand,
  reportCommand,
  deadlinesCommand,
  noticeCommand,
  conformanceCommand,
  answerCommand,
  demoCommand,
];

/**
 * Where the command writes. The output goes to stdout in blocks of 64 KiB
 * or more (unless `--output` names a file); a write that throws a system
 * error (`ENOSPC`) ends the run with exit 74. On error, stderr gets one
 * message.
 *
 * @example
 * ```ts
 * const io: CliIo = { stdout: fdSink(1), stderr: fdSink(2) };
 * ```
 */
export interface CliIo {
  /** Standard output. */
  stdout: Sink;
  /** Standard error. */
  stderr: Sink;
  /** Today's date `YYYY-MM-DD`; default: the local date of the machine's clock. */
  today?: () => string;
  /** The environment; default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
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
  let w = 0;
  for (const c of COMMANDS) w = Math.max(w, c.spec.name.length + 2);
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
    "Every command takes -o, --output FILE: FILE is replaced only once the output is complete.",
    "",
    "Exit codes: 0 OK, 1 bad input, 2 bad usage, 70 internal error, 74 output not written (disk full).",
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
 * @returns the exit code: 0 OK, 1 bad input, 2 bad usage, 70 internal error, 74 output not written
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
        safeWrite(io.stderr, globalHelp());
        return EXIT.USAGE;
      }
      emit(textOutput(globalHelp()), io, undefined);
      return EXIT.OK;
    }
    if (first === "-V" || first === "--version" || first === "-v") {
      if (rest.length > 0) throw new UsageError(`${first} takes no arguments`);
      emit(textOutput(`${packageVersion()}\n`), io, undefined);
      return EXIT.OK;
    }
    if (first.startsWith("-")) throw new UsageError(`unknown option ${first} (options come after the command)`);
    const command = COMMANDS.find((c) => c.spec.name === first);
    if (command === undefined) {
      throw new UsageError(`unknown command ${JSON.stringify(first)}: expected one of ${COMMANDS.map((c) => c.spec.name).join(", ")}`);
    }
    commandName = command.spec.name;
    const args = parseCommandArgs(command.spec, rest);
    const file = stringOption(args, "output");
    if (args.help) {
      emit(textOutput(commandHelp(command.spec, PROGRAM)), io, undefined);
      return EXIT.OK;
    }
    if (file === "") throw new InputError('--output: expected a file name (or - for stdout), received ""');
    const context: CommandContext = {
      today: io.today ?? localToday,
      program: PROGRAM,
      env: io.env ?? process.env,
      notice: (text) => {
        safeWrite(io.stderr, `${PROGRAM}: note: ${boundedMessage(terminalSafe(text, false))}\n`);
      },
    };
    const output = await command.run(args, context);
    emit(output, io, file === "-" ? undefined : file);
    return output.exitCode ?? EXIT.OK;
  } catch (error) {
    return report(error, io, commandName);
  }
}

/**
 * Writes an output: to stdout, or with `--output` to the file (replaced only
 * when complete). Text for a person is made safe for a terminal on the way.
 * A system error while writing becomes an {@link OutputError} (exit 74).
 */
function emit(output: CommandOutput, io: CliIo, file: string | undefined): void {
  const transform = output.kind === "text" ? (text: string): string => terminalSafe(text, true) : undefined;
  const encoding = output.kind === "bytes" ? "latin1" : "utf8";
  if (file !== undefined) {
    writeFileAtomically(file, output.chunks, transform, encoding);
    return;
  }
  try {
    writeChunked(output.chunks, io.stdout, transform, encoding);
  } catch (error) {
    throw isSystemError(error) ? outputError("standard output", error) : error;
  }
}

/** Writes to stderr; if even that fails there is nowhere to say so, and the exit code tells. */
function safeWrite(sink: Sink, text: string): void {
  try {
    sink.write(text);
  } catch {
    // Nowhere left to report to.
  }
}

function report(error: unknown, io: CliIo, command: string | undefined): number {
  const say = (message: string, exitCode: number, after = ""): number => {
    safeWrite(io.stderr, `${PROGRAM}: ${boundedMessage(message)}\n${after}`);
    return exitCode;
  };
  if (error instanceof UsageError) {
    const hint = error.command === undefined ? `${PROGRAM} --help` : `${PROGRAM} ${error.command} --help`;
    return say(error.message, error.exitCode, `Try '${hint}'.\n`);
  }
  if (error instanceof CliError) return say(error.message, error.exitCode);
  if (error instanceof RulesError) return say(rulesErrorLines(error).join("\n"), EXIT.INPUT);
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const where = command === undefined ? "" : ` in '${command}'`;
  return say(`internal error${where}: ${what.split("\n")[0] ?? ""} (this is a bug; please report it with the command you ran)`, EXIT.INTERNAL);
}
