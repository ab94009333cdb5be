/**
 * The command line's own errors and exit codes. The library's errors
 * ({@link RulesError}) are reported as bad input; anything else is an
 * internal error, reported on one line, never with a stack trace.
 *
 * @module
 */
import { RulesError } from "../index.js";

/**
 * The exit codes of the command:
 * - `0` success;
 * - `1` bad input (a file, a value, a rule the input breaks);
 * - `2` bad usage (unknown command or option, a missing argument);
 * - `70` an internal error (a bug: please report it), as in BSD's sysexits `EX_SOFTWARE`;
 * - `74` the output could not be written (a full disk, `ulimit -f`, an I/O
 *   error, a `--output` file that cannot be made), as sysexits' `EX_IOERR`.
 *
 * @example
 * ```ts
 * EXIT.USAGE; //=> 2
 * ```
 */
export const EXIT = Object.freeze({ OK: 0, INPUT: 1, USAGE: 2, INTERNAL: 70, OUTPUT: 74 });

/**
 * An error the command reports to its user: the message goes to stderr as
 * it is, and the command exits with `exitCode`.
 *
 * @example
 * ```ts
 * throw new CliError("sessions.csv: no such file", 1);
 * ```
 */
export class CliError extends Error {
  /**
   * @param message - a sentence for a person, naming the file, line and field
   * @param exitCode - the exit code
   */
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = "CliError";
  }
}

/**
 * Bad input: a file that cannot be read, a value that is not what it must
 * be. Exit code 1.
 *
 * @example
 * ```ts
 * throw new InputError('sessions.csv line 7, field minutes: expected a non-negative integer, received "4o"');
 * ```
 */
export class InputError extends CliError {
  /**
   * @param message - names the file, line and field, what was expected and what was received
   */
  constructor(message: string) {
    super(message, EXIT.INPUT);
    this.name = "InputError";
  }
}

/**
 * Bad usage: an unknown command or option, a missing argument. Exit code 2;
 * the message is followed by a hint to `--help`.
 *
 * @example
 * ```ts
 * throw new UsageError("statement: --month is required", "statement");
 * ```
 */
export class UsageError extends CliError {
  /**
   * @param message - what is wrong with the command line
   * @param command - the subcommand, for the `--help` hint (none: the global help)
   */
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message, EXIT.USAGE);
    this.name = "UsageError";
  }
}

/**
 * The output could not be written: stdout or the `--output` file failed
 * (`ENOSPC`, `EFBIG`, `EIO`, a directory that is not writable). Exit code 74.
 *
 * @example
 * ```ts
 * throw new OutputError('could not write the output to "mars.csv": ENOSPC: no space left on device (the file was left as it was)');
 * ```
 */
export class OutputError extends CliError {
  /**
   * @param message - names the destination and the system's reason
   */
  constructor(message: string) {
    super(message, EXIT.OUTPUT);
    this.name = "OutputError";
  }
}

/**
 * Where a value came from, for messages: the file, and the line and field
 * when known.
 *
 * @example
 * ```ts
 * const at: Location = { file: "sessions.csv", line: 7, field: "minutes" };
 * ```
 */
export interface Location {
  /** The file (as the user named it), or a label such as `--month`. */
  file: string;
  /** The 1-based line, when the input has lines. */
  line?: number;
  /** The field (column or JSON path). */
  field?: string;
}

/**
 * Renders a location as the start of a message.
 *
 * @param at - the location
 * @returns e.g. `"sessions.csv line 7, field minutes"`
 * @example
 * ```ts
 * describeLocation({ file: "sessions.csv", line: 7, field: "minutes" }); //=> "sessions.csv line 7, field minutes"
 * describeLocation({ file: "callOffs.json", field: "[0].hours" });        //=> "callOffs.json, field [0].hours"
 * ```
 */
export function describeLocation(at: Location): string {
  let text = at.file;
  if (at.line !== undefined) text += ` line ${at.line.toString()}`;
  if (at.field !== undefined && at.field !== "") text += `, field ${at.field}`;
  return text;
}

/**
 * Builds the {@link InputError} for one bad value.
 *
 * @param at - where the value is
 * @param expected - what it must be
 * @param received - what it was, already rendered (e.g. with quotes)
 * @returns the error, to be thrown
 * @example
 * ```ts
 * valueError({ file: "s.csv", line: 7, field: "minutes" }, "a non-negative integer", '"4o"').message;
 * //=> 's.csv line 7, field minutes: expected a non-negative integer, received "4o"'
 * ```
 */
export function valueError(at: Location, expected: string, received: string): InputError {
  return new InputError(`${describeLocation(at)}: expected ${expected}, received ${received}`);
}

/**
 * Renders a library error for the terminal: its message, and each of its
 * issues on its own line as `path: expected …, received …`, with the path
 * translated to a place in the user's file when `locate` knows it. A
 * repeated id (`DUPLICATE_ID`, whose issue names the id's first use) names
 * both places: `dup.csv line 3, field id (first used on line 2): the id "S1"
 * is used by an earlier session; …`.
 *
 * @param error - the library's error
 * @param locate - maps an issue path (e.g. `"sessions.3.participants"`) to a place in a file, or `undefined`
 * @returns the lines to print
 * @example
 * ```ts
 * rulesErrorLines(new RulesError("INVALID_INPUT", "x: expected y, received z", [{ path: "x", expected: "y", received: "z" }]));
 * //=> ["x: expected y, received z"]
 * ```
 */
export function rulesErrorLines(error: RulesError, locate?: (path: string) => Location | undefined): string[] {
  const where = (path: string): string => {
    const at = locate?.(path);
    return at === undefined ? path || "(the input)" : describeLocation(at);
  };
  if (error.issues.length === 0) return [error.message];
  if (error.issues.length === 1) {
    const [issue] = error.issues as [RulesError["issues"][number]];
    const repeated = locate === undefined ? null : repeatedIdLine(error, issue, locate);
    if (repeated !== null) return [repeated];
    // The message names the path: name the place in the user's terms instead
    // (a file's line and column, or an option such as --start).
    // A dotted path is replaced wherever it appears; a bare word only where the message starts with it.
    if (issue.path.includes(".") && error.message.includes(issue.path)) return [error.message.split(issue.path).join(where(issue.path))];
    if (issue.path !== "" && error.message.startsWith(`${issue.path}: `)) return [`${where(issue.path)}${error.message.slice(issue.path.length)}`];
    return [error.message, `  ${where(issue.path)}: expected ${issue.expected}, received ${issue.received}`];
  }
  const lines = [firstSentence(error.message)];
  for (const issue of error.issues) lines.push(`  ${where(issue.path)}: expected ${issue.expected}, received ${issue.received}`);
  if (error.moreIssues > 0) lines.push(`  … and ${error.moreIssues.toString()} more`);
  return lines;
}

/**
 * Runs a computation of the library and reports its errors in the user's
 * terms: each issue path is mapped by `locate` to a file, line and field
 * (or an option such as `--month`), and the error becomes an
 * {@link InputError} (exit 1).
 *
 * @param compute - the call into the library
 * @param locate - maps an issue path to a place, or `undefined` to leave it
 * @param terms - the library's names for inputs and what the command line calls them,
 *   replaced in the message (e.g. `{ "input.start": "--start" }`)
 * @returns what `compute` returns
 * @throws {@link InputError} for a {@link RulesError}; anything else as it is
 * @example
 * ```ts
 * explained(() => statement(contract, month, input), (path) => sessions.locate(path));
 * ```
 */
export function explained<T>(
  compute: () => T,
  locate: (path: string) => Location | undefined,
  terms: Readonly<Record<string, string>> = {},
): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof RulesError) {
      let text = rulesErrorLines(error, locate).join("\n");
      for (const [libraryTerm, cliTerm] of Object.entries(terms)) text = text.split(libraryTerm).join(cliTerm);
      throw new InputError(text);
    }
    throw error;
  }
}

/**
 * Combines locators: the first that knows a path wins.
 *
 * @param locators - the locators, e.g. of the sessions and the call-offs files
 * @returns one locator
 * @example
 * ```ts
 * const locate = anyLocator(sessions.locate, optionLocator({ start: "--start" }));
 * ```
 */
export function anyLocator(...locators: ((path: string) => Location | undefined)[]): (path: string) => Location | undefined {
  return (path) => {
    for (const locate of locators) {
      const at = locate(path);
      if (at !== undefined) return at;
    }
    return undefined;
  };
}

/**
 * A locator for input fields that came from command-line options or from a
 * whole JSON file: `prefix` (and what follows it) is named by `label`.
 *
 * @param map - input path prefix → how to name it, e.g. `{ "notice.form": "--form", index: "opi.json" }`
 * @returns the locator
 * @example
 * ```ts
 * prefixLocator({ "notice.form": "--form" })("notice.form"); //=> { file: "--form" }
 * prefixLocator({ index: "opi.json" })("index.percent.2024"); //=> { file: "opi.json", field: "percent.2024" }
 * ```
 */
export function prefixLocator(map: Readonly<Record<string, string>>): (path: string) => Location | undefined {
  return (path) => {
    for (const [prefix, label] of Object.entries(map)) {
      if (path === prefix) return { file: label };
      if (path.startsWith(`${prefix}.`)) return { file: label, field: path.slice(prefix.length + 1) };
    }
    return undefined;
  };
}

/** `(first used by <path>)` in the issue of a `DUPLICATE_ID`: where the id was used first. */
const FIRST_USE = /\(first used by ([\w.]+)\)/;

/**
 * A `DUPLICATE_ID` in the user's terms, naming both places; `null` when the
 * error is not one, or a place is not known (then it is rendered as any other).
 */
function repeatedIdLine(error: RulesError, issue: RulesError["issues"][number], locate: (path: string) => Location | undefined): string | null {
  if (error.code !== "DUPLICATE_ID") return null;
  const first = FIRST_USE.exec(issue.expected)?.[1];
  if (first === undefined || !error.message.startsWith(`${issue.path}: `)) return null;
  const at = locate(issue.path);
  const firstAt = locate(first);
  if (at === undefined || firstAt === undefined) return null;
  // The library's sentence, without its paths: they are said in the user's terms in front.
  const text = error.message.slice(issue.path.length + 2).split(` (${first})`).join("");
  return `${describeLocation(at)} (first used ${relativeLocation(firstAt, at)}): ${text}`;
}

/** `firstAt` said from `at`: `on line 2` in the same file and column, `at [0].id` in the same JSON file. */
function relativeLocation(firstAt: Location, at: Location): string {
  if (firstAt.file !== at.file) return `in ${describeLocation(firstAt)}`;
  if (firstAt.line !== undefined) {
    const field = firstAt.field === undefined || firstAt.field === at.field ? "" : `, field ${firstAt.field}`;
    return `on line ${firstAt.line.toString()}${field}`;
  }
  return firstAt.field === undefined ? `in ${firstAt.file}` : `at ${firstAt.field}`;
}

function firstSentence(message: string): string {
  const colon = message.indexOf(": ");
  return colon > 0 && message.startsWith("Invalid") ? message.slice(0, colon) : message;
}
