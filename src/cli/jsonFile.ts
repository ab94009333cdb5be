/**
 * Reading a JSON input file (a contract, sessions, call-offs, an index
 * series, paid amounts) with errors that name the file and the line.
 *
 * @module
 */
import { Buffer } from "node:buffer";
import { open } from "node:fs/promises";
import { InputError } from "./errors.js";
import { fileError } from "./csv.js";
import { validUtf8Length } from "../sessions/decode.js";

/**
 * The largest JSON input file, in bytes (256 MiB): a year of 1 000 000
 * sessions as JSON is about 80 MB. A regular file is measured before it is
 * read; anything else (a pipe, `/dev/zero`) is refused when it has given
 * this much.
 *
 * @example
 * ```ts
 * MAX_JSON_BYTES; //=> 268435456
 * ```
 */
export const MAX_JSON_BYTES = 256 * 1024 * 1024;

/**
 * Reads and parses a JSON file: at most {@link MAX_JSON_BYTES}, strict
 * UTF-8 (a byte that is not UTF-8 is an error naming its line; a U+FFFD in
 * the file is text like any other), a leading BOM allowed. A syntax error
 * is reported with its line and column.
 *
 * @param path - the file's path
 * @param label - how to name the file in messages (default: `path`)
 * @param maxBytes - the size limit (default {@link MAX_JSON_BYTES})
 * @returns the parsed value
 * @throws {@link InputError} when the file cannot be read, is too large, is not UTF-8 or is not JSON
 * @example
 * ```ts
 * const series = await readJsonFile("opi-2024.json"); //=> { name: "OPI", percent: { "2024": "4.1" } }
 * ```
 */
export async function readJsonFile(path: string, label: string = path, maxBytes: number = MAX_JSON_BYTES): Promise<unknown> {
  const bytes = await readBounded(path, label, maxBytes);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const at = validUtf8Length(bytes);
    let line = 1;
    for (let k = 0; k < at; k++) if (bytes[k] === 0x0a) line++;
    throw new InputError(`${label} line ${line.toString()}: expected UTF-8 text, received bytes that are not UTF-8`);
  }
  return parseJsonText(text, label);
}

/** The file's bytes, refused unread when its size is known to be above `maxBytes`, else when it gives more. */
async function readBounded(path: string, label: string, maxBytes: number): Promise<Buffer> {
  const tooLarge = (size: string): InputError =>
    new InputError(`${label}: expected a JSON file of at most ${mebibytes(maxBytes)}, received ${size}`);
  let handle;
  try {
    handle = await open(path, "r");
    const stat = await handle.stat();
    if (stat.isDirectory()) throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
    if (stat.isFile() && stat.size > maxBytes) throw tooLarge(mebibytes(stat.size));
    // One buffer of the file's size (plus a byte, to see the end without growing); grown only for a pipe or a file that grows.
    let buffer = Buffer.allocUnsafe(Math.min(maxBytes + 1, stat.isFile() ? stat.size + 1 : 64 * 1024));
    let total = 0;
    for (;;) {
      if (total === buffer.length) {
        if (total > maxBytes) throw tooLarge("more");
        const bigger = Buffer.allocUnsafe(Math.min(maxBytes + 1, buffer.length * 2));
        buffer.copy(bigger, 0, 0, total);
        buffer = bigger;
      }
      const { bytesRead } = await handle.read(buffer, total, buffer.length - total, null);
      if (bytesRead === 0) break;
      total += bytesRead;
    }
    if (total > maxBytes) throw tooLarge("more");
    return buffer.subarray(0, total);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw fileError(error, label);
  } finally {
    await handle?.close();
  }
}

/** A size in MiB for a message: `256 MiB`, `300.5 MiB`. */
function mebibytes(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  return `${Number.isInteger(mib) ? mib.toString() : mib.toFixed(1)} MiB`;
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
  // The containers open around the position, innermost last: a loop and a
  // stack, not recursion, so a file nested 20 000 levels deep is read like
  // any other.
  const open: ("array" | "object")[] = [];
  /** Reads one value; a container is only opened (its elements follow in the loop). Returns whether one was opened with elements to come. */
  const value = (): "opened" | "done" => {
    ws();
    const ch = text[i];
    if (ch === "{" || ch === "[") {
      i++;
      ws();
      if (text[i] === (ch === "{" ? "}" : "]")) {
        i++;
        return "done";
      }
      open.push(ch === "{" ? "object" : "array");
      return "opened";
    }
    if (ch === '"') string();
    else if (ch === "t") literal("true");
    else if (ch === "f") literal("false");
    else if (ch === "n") literal("null");
    else if (ch === "-" || (ch !== undefined && ch >= "0" && ch <= "9")) number();
    else fail("a value (an object, array, string, number, true, false or null)");
    return "done";
  };
  const key = (): void => {
    ws();
    if (text[i] !== '"') fail("a property name in double quotes");
    string();
    ws();
    if (text[i] !== ":") fail('":" after the property name');
    i++;
  };
  const document = (): void => {
    let next = value();
    for (;;) {
      if (next === "opened") {
        // The first element of the container just opened.
        if (open[open.length - 1] === "object") key();
        next = value();
        continue;
      }
      const inner = open[open.length - 1];
      if (inner === undefined) return;
      ws();
      const close = inner === "object" ? "}" : "]";
      if (text[i] === ",") {
        i++;
        ws();
        if (text[i] === close) fail(inner === "object" ? "another property after the comma (JSON allows no trailing comma)" : "another value after the comma (JSON allows no trailing comma)");
        if (inner === "object") key();
        next = value();
        continue;
      }
      if (text[i] === close) {
        i++;
        open.pop();
        continue;
      }
      fail(`"," or "${close}"`);
    }
  };
  try {
    document();
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
