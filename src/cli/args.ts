/**
 * Command-line arguments: each command declares its options once, and that
 * declaration drives both Node's `util.parseArgs` (strict: an unknown option
 * is an error) and the command's `--help` text.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { isLocalDate, isYearMonth, type LocalDate, type YearMonth } from "../index.js";
import { InputError, UsageError } from "./errors.js";

/**
 * One option of a command.
 *
 * @example
 * ```ts
 * const month: OptionSpec = { type: "string", value: "YYYY-MM", description: "the month to pay for" };
 * ```
 */
export interface OptionSpec {
  /** `string` takes a value; `boolean` is a flag. */
  type: "string" | "boolean";
  /** A one-letter alias. */
  short?: string;
  /** May be given more than once (values are collected in order). */
  multiple?: boolean;
  /** The value's placeholder in the help, e.g. `YYYY-MM`. */
  value?: string;
  /** One line for the help. */
  description: string;
}

/**
 * A command: its name, what it does, its positional arguments and options.
 *
 * @example
 * ```ts
 * const spec: CommandSpec = { name: "schema", summary: "print the JSON Schema", positionals: [], options: {} };
 * ```
 */
export interface CommandSpec {
  /** The subcommand's name. */
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The positional arguments, in order; all required. */
  positionals: readonly { name: string; description: string }[];
  /** The options, by long name (without `--`). */
  options: Readonly<Record<string, OptionSpec>>;
  /** More help text, printed after the options. */
  details?: string;
}

/**
 * What {@link parseCommandArgs} returns: the options by name and the
 * positional arguments.
 *
 * @example
 * ```ts
 * const parsed: ParsedArgs = { values: { month: "2022-03" }, positionals: ["familjeradgivning"], help: false };
 * ```
 */
export interface ParsedArgs {
  /** The options given, by long name. */
  values: Record<string, string | boolean | string[] | undefined>;
  /** The positional arguments. */
  positionals: string[];
  /** Whether `--help` (or `-h`) was given; the rest is then not checked. */
  help: boolean;
}

/**
 * `--output FILE`, which every command has: the output goes to FILE instead
 * of stdout, and FILE is replaced only once the whole output is written
 * (see `writeFileAtomically`); `-` is stdout.
 *
 * @example
 * ```ts
 * OUTPUT_OPTION.value; //=> "FILE"
 * ```
 */
export const OUTPUT_OPTION: OptionSpec = {
  type: "string",
  short: "o",
  value: "FILE",
  description: "write to FILE instead of stdout; FILE is replaced only when the output is complete",
};

/** A command's options with the ones every command has. */
function optionsOf(spec: CommandSpec): Readonly<Record<string, OptionSpec>> {
  return { ...spec.options, output: OUTPUT_OPTION };
}

/**
 * Parses a command's arguments strictly with `util.parseArgs`: unknown
 * options, a missing option value and the wrong number of positional
 * arguments are {@link UsageError}s (exit code 2). `--help`/`-h` and
 * {@link OUTPUT_OPTION} are added to every command.
 *
 * @param spec - the command
 * @param argv - the arguments after the command's name
 * @returns the parsed values
 * @throws {@link UsageError} for anything not in the spec
 * @example
 * ```ts
 * parseCommandArgs(statementSpec, ["familjeradgivning", "--month", "2022-03"]);
 * //=> { values: { month: "2022-03" }, positionals: ["familjeradgivning"], help: false }
 * ```
 */
export function parseCommandArgs(spec: CommandSpec, argv: readonly string[]): ParsedArgs {
  const options: Record<string, { type: "string" | "boolean"; short?: string; multiple?: boolean }> = {
    help: { type: "boolean", short: "h" },
  };
  const specOptions = optionsOf(spec);
  for (const [name, option] of Object.entries(specOptions)) {
    options[name] = { type: option.type };
    if (option.short !== undefined) options[name].short = option.short;
    if (option.multiple === true) options[name].multiple = true;
  }
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(`${spec.name}: ${parseArgsMessage(error)}`, spec.name);
  }
  const values = parsed.values as ParsedArgs["values"];
  const help = values.help === true;
  delete values.help;
  if (!help) {
    for (const [name, value] of Object.entries(values)) {
      const option = specOptions[name];
      if (option?.type === "string" && typeof value === "string" && value.startsWith("--")) {
        throw new UsageError(`${spec.name}: --${name} needs a value, received the option ${value}`, spec.name);
      }
    }
    const expected = spec.positionals.length;
    if (parsed.positionals.length < expected) {
      const missing = spec.positionals[parsed.positionals.length];
      throw new UsageError(`${spec.name}: missing <${missing?.name ?? "argument"}> (${missing?.description ?? ""})`, spec.name);
    }
    if (parsed.positionals.length > expected) {
      throw new UsageError(`${spec.name}: unexpected argument ${JSON.stringify(parsed.positionals[expected])}`, spec.name);
    }
  }
  return { values, positionals: parsed.positionals, help };
}

/** Turns parseArgs' messages into ours (they are good; only the wording of some is adjusted). */
function parseArgsMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  const message = error.message.split("\n")[0] ?? error.message;
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    const m = /Unknown option '([^']+)'/.exec(message);
    return `unknown option ${m?.[1] ?? message}`;
  }
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    const name = /Option '[^']*?(--[\w-]+)[^']*'/.exec(message)?.[1];
    if (name !== undefined && /argument missing|argument is ambiguous/.test(message)) return `${name} needs a value`;
    if (name !== undefined && /does not take an argument/.test(message)) return `${name} takes no value`;
  }
  return message.replace(/\.$/, "");
}

/**
 * The help text of a command, built from its spec.
 *
 * @param spec - the command
 * @param program - the program's name
 * @returns the text, ending in a line end
 * @example
 * ```ts
 * commandHelp(schemaSpec, "verksamhetsuppdrag");
 * //=> "Usage: verksamhetsuppdrag schema [options]\n\nprint the JSON Schema …"
 * ```
 */
export function commandHelp(spec: CommandSpec, program: string): string {
  const args = spec.positionals.map((p) => `<${p.name}>`).join(" ");
  const lines = [`Usage: ${program} ${spec.name}${args === "" ? "" : ` ${args}`} [options]`, "", `${spec.summary}.`, ""];
  const entries: [string, string][] = Object.entries(optionsOf(spec)).map(([name, option]) => {
    const flag = `${option.short === undefined ? "    " : `-${option.short}, `}--${name}${option.value === undefined ? "" : ` ${option.value}`}`;
    return [flag, option.description + (option.multiple === true ? " (may be repeated)" : "")];
  });
  entries.push(["-h, --help", "show this help"]);
  let w = 24;
  for (const [flag] of entries) w = Math.max(w, flag.length);
  for (const p of spec.positionals) w = Math.max(w, p.name.length + 2);
  w += 2;
  if (spec.positionals.length > 0) {
    lines.push("Arguments:");
    for (const p of spec.positionals) lines.push(`  ${`<${p.name}>`.padEnd(w)}${p.description}`);
    lines.push("");
  }
  lines.push("Options:");
  for (const [flag, description] of entries) lines.push(`  ${flag.padEnd(w)}${description}`);
  if (spec.details !== undefined) lines.push("", spec.details.trimEnd());
  return `${lines.join("\n")}\n`;
}

/**
 * A positional argument that {@link parseCommandArgs} has checked is there.
 *
 * @param parsed - the parsed arguments
 * @param index - its position, from 0
 * @returns the argument
 * @throws {@link UsageError} if it is missing (only when the spec does not declare it)
 * @example
 * ```ts
 * positional(parsed, 0); //=> "familjeradgivning"
 * ```
 */
export function positional(parsed: ParsedArgs, index: number): string {
  const value = parsed.positionals[index];
  if (value === undefined) throw new UsageError(`missing argument ${(index + 1).toString()}`);
  return value;
}

/**
 * A string option's value, or `undefined`.
 *
 * @param parsed - the parsed arguments
 * @param name - the option's long name
 * @returns the value
 * @example
 * ```ts
 * stringOption(parsed, "month"); //=> "2022-03"
 * ```
 */
export function stringOption(parsed: ParsedArgs, name: string): string | undefined {
  const value = parsed.values[name];
  return typeof value === "string" ? value : undefined;
}

/**
 * A repeatable string option's values (empty when not given).
 *
 * @param parsed - the parsed arguments
 * @param name - the option's long name
 * @returns the values in order
 * @example
 * ```ts
 * listOption(parsed, "policy"); //=> ["rounding=per-session"]
 * ```
 */
export function listOption(parsed: ParsedArgs, name: string): string[] {
  const value = parsed.values[name];
  return Array.isArray(value) ? value : typeof value === "string" ? [value] : [];
}

/**
 * A required string option's value.
 *
 * @param parsed - the parsed arguments
 * @param name - the option's long name
 * @param command - the command, for the message
 * @returns the value
 * @throws {@link UsageError} when it is missing
 * @example
 * ```ts
 * requireOption(parsed, "month", "statement"); //=> "2022-03"
 * ```
 */
export function requireOption(parsed: ParsedArgs, name: string, command: string): string {
  const value = stringOption(parsed, name);
  if (value === undefined) throw new UsageError(`${command}: --${name} is required`, command);
  return value;
}

/**
 * Checks a `YYYY-MM` option value (a month that exists). A bad value is bad
 * input (exit 1), not bad usage.
 *
 * @param value - the value
 * @param option - the option, for the message, e.g. `"--month"`
 * @returns the month
 * @throws {@link InputError} otherwise
 * @example
 * ```ts
 * monthValue("2022-03", "--month"); //=> "2022-03"
 * monthValue("2022-13", "--month"); // throws: --month: expected a month YYYY-MM (01-12), received "2022-13"
 * ```
 */
export function monthValue(value: string, option: string): YearMonth {
  if (!isYearMonth(value)) throw new InputError(`${option}: expected a month YYYY-MM (01-12), received ${JSON.stringify(value)}`);
  return value;
}

/**
 * Checks a `YYYY-MM-DD` option value (a date that exists).
 *
 * @param value - the value
 * @param option - the option, for the message
 * @returns the date
 * @throws {@link InputError} otherwise
 * @example
 * ```ts
 * dateValue("2024-02-29", "--received"); //=> "2024-02-29"
 * ```
 */
export function dateValue(value: string, option: string): LocalDate {
  if (!isLocalDate(value)) throw new InputError(`${option}: expected a date YYYY-MM-DD that exists, received ${JSON.stringify(value)}`);
  return value;
}

/**
 * Checks a year option value (1000–9999).
 *
 * @param value - the value
 * @param option - the option, for the message
 * @returns the year
 * @throws {@link InputError} otherwise
 * @example
 * ```ts
 * yearValue("2024", "--year"); //=> 2024
 * ```
 */
export function yearValue(value: string, option: string): number {
  if (!/^[1-9]\d{3}$/.test(value)) throw new InputError(`${option}: expected a year YYYY, received ${JSON.stringify(value)}`);
  return Number(value);
}

/**
 * Checks a whole-number option value (0 or more).
 *
 * @param value - the value
 * @param option - the option, for the message
 * @returns the integer
 * @throws {@link InputError} otherwise
 * @example
 * ```ts
 * integerValue("12", "--months"); //=> 12
 * ```
 */
export function integerValue(value: string, option: string): number {
  if (!/^\d{1,6}$/.test(value)) throw new InputError(`${option}: expected a whole number, received ${JSON.stringify(value)}`);
  return Number(value);
}

/**
 * Checks that an option's value is one of a few words.
 *
 * @param value - the value
 * @param allowed - the words
 * @param option - the option, for the message
 * @param command - the command, for the help hint
 * @returns the value
 * @throws {@link UsageError} otherwise
 * @example
 * ```ts
 * choiceValue("json", ["table", "json", "csv"], "--format", "statement"); //=> "json"
 * ```
 */
export function choiceValue<const T extends string>(value: string, allowed: readonly T[], option: string, command: string): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`${command}: ${option}: expected one of ${allowed.join(", ")}, received ${JSON.stringify(value)}`, command);
  }
  return value as T;
}
