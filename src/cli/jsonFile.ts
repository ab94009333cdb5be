/**
 * Reading a JSON input file (a contract, sessions, call-offs, an index
 * series, paid amounts) with errors that name the file and the line.
 *
 * @module
 */
import { readFile } from "node:fs/promises";
import { InputError } from "./errors.js";
import { fileError } from "./csv.js";

/**
 * Reads and parses a JSON file. A leading BOM is allowed. A syntax error is
 * reported with its line and column.
 *
 * @param path - the file's path
 * @param label - how to name the file in messages (default: `path`)
 * @returns the parsed value
 * @throws {@link InputError} when the file cannot be read or is not JSON
 * @example
 * ```ts
 * const series = await readJsonFile("opi-2024.json"); //=> { name: "OPI", percent: { "2024": "4.1" } }
 * ```
 */
export async function readJsonFile(path: string, label: string = path): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw fileError(error, label);
  }
  return parseJsonText(text, label);
}

/**
 * Parses JSON text, turning a syntax error into an {@link InputError} that
 * names the file, line and column.
 *
 * @param text - the JSON text (a BOM is dropped)
 * @param label - the file's name for messages
 * @returns the parsed value
 * @throws {@link InputError} for text that is not JSON
 * @example
 * ```ts
 * parseJsonText('{"a": 1,\n}', "x.json"); // throws: x.json line 2, column 1: expected JSON, …
 * ```
 */
export function parseJsonText(text: string, label: string): unknown {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    if (body.trim() === "") throw new InputError(`${label}: expected JSON, received an empty file`);
    const problem = findJsonError(body);
    const before = body.slice(0, problem.offset);
    const line = before.split("\n").length;
    const column = problem.offset - before.lastIndexOf("\n");
    throw new InputError(`${label} line ${line.toString()}, column ${column.toString()}: expected ${problem.expected}, received ${problem.received}`);
  }
}

/**
 * Where JSON text first goes wrong, and how: a small recursive-descent
 * reader used only after `JSON.parse` has failed (whose messages do not
 * always give a position).
 *
 * @param text - JSON text that `JSON.parse` rejected
 * @returns the offset of the first problem, what was expected there and what was found
 * @example
 * ```ts
 * findJsonError('[1,2,\n  3,]'); //=> { offset: 10, expected: "a value", received: "\"]\"" }
 * ```
 */
export function findJsonError(text: string): { offset: number; expected: string; received: string } {
  let i = 0;
  class Stop extends Error {
    constructor(
      readonly offset: number,
      readonly expected: string,
    ) {
      super(expected);
    }
  }
  const ws = (): void => {
    while (i < text.length && " \t\n\r".includes(text.charAt(i))) i++;
  };
  const fail = (expected: string): never => {
    throw new Stop(i, expected);
  };
  const literal = (word: string): void => {
    if (text.startsWith(word, i)) i += word.length;
    else fail("a value (an object, array, string, number, true, false or null)");
  };
  const string = (): void => {
    i++;
    for (;;) {
      if (i >= text.length) fail('a closing quote (")');
      const ch = text.charAt(i);
      if (ch === '"') {
        i++;
        return;
      }
      if (ch === "\\") {
        const next = text[i + 1] ?? "";
        if ('"\\/bfnrt'.includes(next) && next !== "") i += 2;
        else if (next === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else fail("a valid escape (\\\\, \\\", \\n, \\u with four hex digits, …)");
      } else if (ch < " ") fail("no line break or control character inside a string");
      else i++;
    }
  };
  const number = (): void => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (m === null || m[0] === "" || m[0] === "-") return fail("a number (with a decimal point, not a comma)");
    i += m[0].length;
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === "{") {
      i++;
      ws();
      if (text[i] === "}") {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('a property name in double quotes');
        string();
        ws();
        if (text[i] !== ":") fail('":" after the property name');
        i++;
        value();
        ws();
        if (text[i] === ",") {
          i++;
          ws();
          if (text[i] === "}") fail("another property after the comma (JSON allows no trailing comma)");
          continue;
        }
        if (text[i] === "}") {
          i++;
          return;
        }
        fail('"," or "}"');
      }
    } else if (ch === "[") {
      i++;
      ws();
      if (text[i] === "]") {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ",") {
          i++;
          ws();
          if (text[i] === "]") fail("another value after the comma (JSON allows no trailing comma)");
          continue;
        }
        if (text[i] === "]") {
          i++;
          return;
        }
        fail('"," or "]"');
      }
    } else if (ch === '"') string();
    else if (ch === "t") literal("true");
    else if (ch === "f") literal("false");
    else if (ch === "n") literal("null");
    else if (ch === "-" || (ch !== undefined && ch >= "0" && ch <= "9")) number();
    else fail("a value (an object, array, string, number, true, false or null)");
  };
  try {
    value();
    ws();
    if (i < text.length) fail("the end of the file after the JSON value");
  } catch (error) {
    if (error instanceof Stop) {
      const found = error.offset >= text.length ? "the end of the file" : JSON.stringify(text.slice(error.offset, error.offset + 12));
      return { offset: error.offset, expected: error.expected, received: found };
    }
    throw error;
  }
  return { offset: 0, expected: "valid JSON", received: "text JSON.parse rejects" };
}
