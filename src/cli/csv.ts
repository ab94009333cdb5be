/**
 * CSV files for the command line: a file's bytes read in chunks, in bounded
 * memory, and fed to the library's decoder and parser (`src/sessions/`, the
 * same code the web page runs), with the file's name added to every error.
 *
 * @module
 */
import { open } from "node:fs/promises";
import type { Readable } from "node:stream";
import { CsvParser, CsvSyntaxError, type CsvRecord } from "../sessions/csv.js";
import { TextDecoding } from "../sessions/decode.js";
import { InputError } from "./errors.js";

export type { CsvRecord } from "../sessions/csv.js";

/**
 * Opens a file for reading in chunks of 64 KiB, turning "no such file" and
 * the like into an {@link InputError} that names it.
 */
async function openStream(path: string, label: string): Promise<Readable> {
  let handle;
  try {
    handle = await open(path, "r");
    const stat = await handle.stat();
    if (stat.isDirectory()) throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
  } catch (error) {
    await handle?.close();
    throw fileError(error, label);
  }
  // The stream owns the handle from here and closes it.
  return handle.createReadStream({ highWaterMark: 64 * 1024 });
}

/** Hands each chunk of a stream to `onChunk` as it comes; an error of the stream itself is an InputError naming the file. */
async function eachChunk(input: Readable, file: string, onChunk: (chunk: Uint8Array | string) => void): Promise<void> {
  const chunks = (input as AsyncIterable<Uint8Array | string>)[Symbol.asyncIterator]();
  let done = false;
  try {
    for (;;) {
      let next: IteratorResult<Uint8Array | string>;
      try {
        next = await chunks.next();
      } catch (error) {
        done = true;
        throw fileError(error, file);
      }
      if (next.done === true) {
        done = true;
        return;
      }
      onChunk(next.value);
    }
  } finally {
    // Stopped early (onChunk threw): the stream is destroyed, and the file closed now, not by the garbage collector.
    if (!done) await chunks.return?.();
  }
}

/**
 * Reads a file's bytes chunk by chunk and hands each to `onChunk` as it is
 * read; nothing else is held. An error thrown by `onChunk` stops the
 * reading and is passed on as it is.
 *
 * @param path - the file's path
 * @param onChunk - called with each chunk of bytes, in order
 * @param label - how to name the file in messages (default: `path`)
 * @returns a promise that settles when the file is read
 * @throws {@link InputError} when the file cannot be read
 * @example
 * ```ts
 * const reader = new SessionsCsvReader();
 * await readFileChunks("sessions.csv", (bytes) => reader.write(bytes));
 * ```
 */
export async function readFileChunks(path: string, onChunk: (bytes: Uint8Array | string) => void, label: string = path): Promise<void> {
  await eachChunk(await openStream(path, label), label, onChunk);
}

/**
 * Reads a CSV stream record by record with the library's parser (separator
 * from the header, BOM dropped, blank lines skipped) and hands each record
 * to `onRecord` as soon as it is complete, so memory stays bounded by what
 * the callback keeps. Bytes are UTF-8, or Windows-1252 when they are not
 * UTF-8 (the library's decoder); a file mixing the two is an error naming
 * the line. A stream of strings is taken as it is.
 *
 * @param input - a readable stream of bytes (or of strings)
 * @param file - the file's name, for error messages
 * @param onRecord - called with each record, the header first
 * @returns a promise that settles when the stream is read (or on the first error)
 * @throws {@link InputError} naming the file and line for broken quoting, a record too long or mixed encodings, and the file for a read error
 * @example
 * ```ts
 * await readCsv(createReadStream("intakes.csv"), "intakes.csv", ({ line, fields }) => {
 *   console.log(line, fields);
 * });
 * ```
 */
export async function readCsv(input: Readable, file: string, onRecord: (record: CsvRecord) => void): Promise<void> {
  const parser = new CsvParser(onRecord);
  const decoding = new TextDecoding();
  const mixed = (): InputError =>
    new InputError(
      `${file} line ${parser.line.toString()}: expected text in one encoding (UTF-8 or Windows-1252; in Excel, save as "CSV UTF-8"), received bytes that are not UTF-8 after UTF-8 text earlier in the file`,
    );
  try {
    await eachChunk(input, file, (chunk) => {
      if (typeof chunk === "string") {
        parser.write(chunk);
        return;
      }
      const decoded = decoding.write(chunk);
      parser.write(decoded.text);
      if (decoded.error !== null) throw mixed();
    });
    const rest = decoding.end();
    parser.write(rest.text);
    if (rest.error !== null) throw mixed();
    parser.end();
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new InputError(`${file} line ${error.line.toString()}: expected ${error.expected}, received ${error.received}`);
    throw error;
  }
}

/**
 * Opens a file and reads it with {@link readCsv}.
 *
 * @param path - the file's path
 * @param onRecord - called with each record, the header first
 * @param label - how to name the file in messages (default: `path`)
 * @returns a promise that settles when the file is read
 * @throws {@link InputError} when the file cannot be read, or as {@link readCsv}
 * @example
 * ```ts
 * await readCsvFile("intakes.csv", (record) => { … });
 * ```
 */
export async function readCsvFile(path: string, onRecord: (record: CsvRecord) => void, label: string = path): Promise<void> {
  await readCsv(await openStream(path, label), label, onRecord);
}

/**
 * Turns a file-system error into an {@link InputError} naming the file.
 *
 * @param error - what `fs` threw
 * @param label - the file's name for the message
 * @returns an InputError (or the error itself if it is not a file-system error)
 * @example
 * ```ts
 * fileError(Object.assign(new Error(), { code: "ENOENT" }), "x.csv").message; //=> "x.csv: no such file"
 * ```
 */
export function fileError(error: unknown, label: string): unknown {
  const code = typeof error === "object" && error !== null && "code" in error ? error.code : undefined;
  switch (code) {
    case "ENOENT":
      return new InputError(`${label}: no such file`);
    case "EACCES":
    case "EPERM":
      return new InputError(`${label}: permission denied`);
    case "EISDIR":
      return new InputError(`${label}: expected a file, received a directory`);
    default:
      if (typeof code === "string") return new InputError(`${label}: cannot be read (${code})`);
      return error;
  }
}
