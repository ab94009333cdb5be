/**
 * Where a command's output goes, and how it gets there: every write is
 * checked to the last byte (a short write is continued, a failed one is an
 * {@link OutputError}), text for the terminal is stripped of control
 * sequences, messages are bounded, and `--output FILE` replaces the file only
 * once the whole output is in it.
 *
 * @module
 */
import { randomBytes } from "node:crypto";
import { closeSync, fchmodSync, fsyncSync, lstatSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { OutputError } from "./errors.js";

/**
 * What a command prints: `text` for a person (tables, lists; control
 * characters in it are shown escaped, never sent to the terminal), `data`
 * for a program (JSON, CSV, iCalendar; written byte for byte as UTF-8) or
 * `bytes` for a file in another encoding (the SIE file, code page 437: each
 * character of the chunks is one byte, 0–255). The chunks are
 * produced while they are written, so an output larger than V8's longest
 * string (about 512 MB) is never one string.
 *
 * @example
 * ```ts
 * const out: CommandOutput = { kind: "data", chunks: ["{}\n"] };
 * ```
 */
export interface CommandOutput {
  /** `text` (made safe for a terminal), `data` (as it is, UTF-8) or `bytes` (one byte a character). */
  readonly kind: "text" | "data" | "bytes";
  /** The output in pieces, in order. */
  readonly chunks: Iterable<string>;
  /** The exit code once the output is written; default 0 (`conformance` exits 1 when a case fails). */
  readonly exitCode?: number;
}

/**
 * Output for a person: {@link terminalSafe} is applied to every chunk.
 *
 * @param chunks - the text, whole or in pieces
 * @returns the output
 * @example
 * ```ts
 * textOutput("OK\n"); //=> { kind: "text", chunks: ["OK\n"] }
 * ```
 */
export function textOutput(chunks: string | Iterable<string>): CommandOutput {
  return { kind: "text", chunks: typeof chunks === "string" ? [chunks] : chunks };
}

/**
 * Output for a program (JSON, CSV, iCalendar): written as it is.
 *
 * @param chunks - the text, whole or in pieces
 * @returns the output
 * @example
 * ```ts
 * dataOutput('{"a":1}\n'); //=> { kind: "data", chunks: ['{"a":1}\n'] }
 * ```
 */
export function dataOutput(chunks: string | Iterable<string>): CommandOutput {
  return { kind: "data", chunks: typeof chunks === "string" ? [chunks] : chunks };
}

/**
 * Output of bytes (a file in code page 437): written exactly as they are.
 *
 * @param bytes - the file
 * @returns the output
 * @example
 * ```ts
 * bytesOutput(new Uint8Array([0x86])); //=> { kind: "bytes", chunks: ["\x86"] }
 * ```
 */
export function bytesOutput(bytes: Uint8Array): CommandOutput {
  return { kind: "bytes", chunks: [Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1")] };
}

/**
 * How a sink turns a piece into bytes: `utf8`, or `latin1` for the
 * characters 0–255 of a {@link bytesOutput} (one byte each).
 *
 * @example
 * ```ts
 * const e: OutputEncoding = "latin1";
 * ```
 */
export type OutputEncoding = "utf8" | "latin1";

/**
 * Characters a terminal may act on rather than show: C0 controls (tab, CR and
 * ESC among them), DEL, C1 controls (U+0080–U+009F, CSI and OSC among them),
 * the line and paragraph separators, and the bidirectional marks, embeddings,
 * overrides and isolates (which reorder what is shown, "Trojan Source").
 * Line feed is matched too; {@link terminalSafe} may keep it.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escapeChar(ch: string): string {
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}

/**
 * Makes text safe to show on a terminal: every character of {@link UNSAFE}
 * (an escape sequence's ESC, an OSC 8 hyperlink, a screen clear, a bidi
 * override) is replaced by its escape written out as text (`\x1b`,
 * `\u202e`), so it is seen, not obeyed. One character in, one escape out:
 * chunks may be made safe one at a time.
 *
 * @param text - the text
 * @param keepLineFeeds - keep `\n` (whole output, messages); `false` for a table cell
 * @returns the text with nothing a terminal acts on
 * @example
 * ```ts
 * terminalSafe("A\u001b]8;;http://x\u0007B\n", true); //=> "A\\x1b]8;;http://x\\x07B\n"
 * ```
 */
export function terminalSafe(text: string, keepLineFeeds: boolean): string {
  return text.replace(UNSAFE, (ch) => (keepLineFeeds && ch === "\n" ? ch : escapeChar(ch)));
}

/** The most lines of a message printed to stderr (a message, 100 issues and the count of the rest). */
const MESSAGE_LINES = 102;
/** The most characters of one line of a message. */
const MESSAGE_LINE = 1000;
/** The most characters of a whole message. */
const MESSAGE_TOTAL = 16 * 1024;

function cut(text: string, length: number): string {
  const head = text.slice(0, length);
  // Never end on half of a surrogate pair.
  return /[\ud800-\udbff]$/.test(head) ? head.slice(0, -1) : head;
}

/**
 * A message as it is printed to stderr: {@link terminalSafe}, at most 102
 * lines (a message, 100 issues and their count), each at most 1 000 characters, and 16 KiB
 * in all; what is left out is counted (`… (7 876 more lines)`,
 * `… (41 012 more characters)`).
 *
 * @param message - the message, lines separated by `\n`
 * @returns the bounded message, without a final line end
 * @example
 * ```ts
 * boundedMessage("a".repeat(1005)); //=> "aaa…a… (5 more characters)"
 * ```
 */
export function boundedMessage(message: string): string {
  const out: string[] = [];
  let total = 0;
  let lines = 0;
  let start = 0;
  while (start <= message.length) {
    const end = message.indexOf("\n", start);
    const stop = end === -1 ? message.length : end;
    if (lines === MESSAGE_LINES || total >= MESSAGE_TOTAL) {
      let rest = 1;
      for (let i = message.indexOf("\n", start); i !== -1; i = message.indexOf("\n", i + 1)) rest++;
      out.push(`… (${rest.toString()} more ${rest === 1 ? "line" : "lines"})`);
      break;
    }
    let line = message.slice(start, Math.min(stop, start + MESSAGE_LINE + 1));
    if (stop - start > MESSAGE_LINE) {
      line = `${cut(line, MESSAGE_LINE)}… (${(stop - start - MESSAGE_LINE).toString()} more characters)`;
    }
    line = terminalSafe(line, false);
    out.push(line);
    total += line.length + 1;
    lines++;
    if (end === -1) break;
    start = end + 1;
  }
  return out.join("\n");
}

/**
 * Something the output is written to: one call per piece, and `close` when
 * all is written.
 *
 * @example
 * ```ts
 * const sink: Sink = { write: (text) => void process.stdout.write(text) };
 * ```
 */
export interface Sink {
  /** Writes a piece (as UTF-8 unless `encoding` says `latin1`); throws when it could not be written in full. */
  write: (text: string, encoding?: OutputEncoding) => unknown;
}

function errnoCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^E[A-Z0-9]+$/.test(code) ? code : undefined;
}

/**
 * Whether an error is the operating system's (it has an errno `code` such
 * as `ENOSPC`): such a failure to write is an {@link OutputError}, anything
 * else a bug.
 *
 * @param error - what was thrown
 * @returns whether it came from a system call
 * @example
 * ```ts
 * isSystemError(Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" })); //=> true
 * ```
 */
export function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && errnoCode(error) !== undefined;
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes every byte to a file descriptor, synchronously: a short write (a
 * full disk, `ulimit -f`) is continued and so ends in the error that stopped
 * it; `EAGAIN` (a non-blocking pipe that is full) is waited out.
 *
 * @param fd - the file descriptor
 * @param bytes - what to write
 * @throws the system's error (`ENOSPC`, `EFBIG`, `EPIPE`, `EIO`, …) when a write fails
 * @example
 * ```ts
 * writeAll(1, Buffer.from("OK\n"));
 * ```
 */
export function writeAll(fd: number, bytes: Uint8Array): void {
  let offset = 0;
  while (offset < bytes.length) {
    let written: number;
    try {
      written = writeSync(fd, bytes, offset, bytes.length - offset);
    } catch (error) {
      if (errnoCode(error) === "EAGAIN") {
        Atomics.wait(pause, 0, 0, 5);
        continue;
      }
      throw error;
    }
    if (written <= 0) throw Object.assign(new Error("EIO: nothing was written, write"), { code: "EIO" });
    offset += written;
  }
}

/**
 * A sink on a file descriptor (standard output or error), every write checked
 * by {@link writeAll}. A reader that went away (`EPIPE`, as in `demo | head`)
 * is not an error: the rest is dropped.
 *
 * @param fd - 1 or 2
 * @returns the sink
 * @example
 * ```ts
 * fdSink(1).write("OK\n");
 * ```
 */
export function fdSink(fd: number): Sink {
  let closed = false;
  return {
    write: (text: string, encoding: OutputEncoding = "utf8") => {
      if (closed) return;
      try {
        writeAll(fd, Buffer.from(text, encoding));
      } catch (error) {
        if (errnoCode(error) !== "EPIPE") throw error;
        closed = true;
      }
    },
  };
}

/**
 * Writes pieces to a sink in blocks of at least 64 KiB, so that a million
 * small pieces are a few hundred writes, and no block is one giant string.
 *
 * @param pieces - the output
 * @param sink - where to write
 * @param transform - applied to each block before it is written
 * @param encoding - how the sink writes the blocks (default `utf8`)
 * @example
 * ```ts
 * writeChunked(["a", "b"], fdSink(1));
 * ```
 */
export function writeChunked(pieces: Iterable<string>, sink: Sink, transform: (text: string) => string = (t) => t, encoding: OutputEncoding = "utf8"): void {
  let buffer = "";
  for (const piece of pieces) {
    buffer += piece;
    if (buffer.length >= 65536) {
      sink.write(transform(buffer), encoding);
      buffer = "";
    }
  }
  if (buffer !== "") sink.write(transform(buffer), encoding);
}

/**
 * Writes an output to `target` so that the file is either the whole new
 * output or what it was before: the pieces go to a new temporary file beside
 * it (same directory, so the rename stays on one file system; a unique name
 * `.<name>.<pid>.<random>.tmp`, created exclusively), which is flushed to disk
 * (`fsync`) and then renamed over `target`. On any failure the temporary
 * file is removed and `target` is untouched. A file replaced keeps its
 * permission bits; a symbolic link is followed (the file it points to is
 * replaced, the link stays).
 *
 * @param target - the file named by `--output`
 * @param pieces - the output
 * @param transform - applied to each block before it is written (terminal safety)
 * @param encoding - how the blocks become bytes (default `utf8`)
 * @throws {@link OutputError} when the file cannot be made, written or renamed
 * @example
 * ```ts
 * writeFileAtomically("mars.csv", ["\uFEFFa;b\r\n"]);
 * ```
 */
export function writeFileAtomically(target: string, pieces: Iterable<string>, transform?: (text: string) => string, encoding: OutputEncoding = "utf8"): void {
  let file = target;
  try {
    if (lstatSync(target).isSymbolicLink()) file = realpathSync(target);
  } catch {
    // Not there yet (or a dangling link): the file is created.
  }
  const temp = join(dirname(file), `.${basename(file)}.${process.pid.toString()}.${randomBytes(6).toString("hex")}.tmp`);
  let fd: number;
  try {
    fd = openSync(temp, "wx", 0o666);
  } catch (error) {
    throw outputError(target, error);
  }
  let open = true;
  try {
    try {
      fchmodSync(fd, statSync(file).mode & 0o7777);
    } catch {
      // A new file: the mode the umask gives.
    }
    writeChunked(
      pieces,
      {
        write: (text, as = "utf8") => {
          writeAll(fd, Buffer.from(text, as));
        },
      },
      transform,
      encoding,
    );
    fsyncSync(fd);
    closeSync(fd);
    open = false;
    renameSync(temp, file);
  } catch (error) {
    if (open) {
      try {
        closeSync(fd);
      } catch {
        // Already failing: the first error is the one reported.
      }
    }
    try {
      unlinkSync(temp);
    } catch {
      // Gone already.
    }
    throw isSystemError(error) ? outputError(target, error) : error;
  }
}

/**
 * The error for an output that could not be written: names the destination
 * and the system's reason (`ENOSPC: no space left on device`).
 *
 * @param destination - the file, or `standard output`
 * @param error - the system's error
 * @returns the error, exit code 74
 * @example
 * ```ts
 * outputError("standard output", Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" })).message;
 * //=> "could not write the output to standard output: ENOSPC: no space left on device (the output is incomplete)"
 * ```
 */
export function outputError(destination: string, error: unknown): OutputError {
  const reason = error instanceof Error ? error.message.replace(/, (write|open|rename|fsync|close) .*$|, (write|open|rename|fsync|close)$/, "") : String(error);
  const where = destination === "standard output" ? destination : JSON.stringify(destination);
  const after = destination === "standard output" ? "the output is incomplete" : "the file was left as it was";
  return new OutputError(`could not write the output to ${where}: ${reason} (${after})`);
}
