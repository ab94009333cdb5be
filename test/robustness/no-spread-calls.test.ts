/**
 * No call spreads an array into arguments anywhere in src/: `push(...xs)`,
 * `Math.max(...xs)` and the like put every element on the stack and throw
 * "Maximum call stack size exceeded" at a few hundred thousand elements
 * (issue 18 item 9: the table output crashed at ~130 000 sessions). Loops
 * instead. Spreading into an array or object literal (`[...a, ...b]`) is
 * not a call and stays allowed, and so is a spread of a list whose length
 * is fixed by the code, listed in BOUNDED with the reason.
 *
 * @module
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = new URL("../../src/", import.meta.url).pathname;

/** Every .ts file under `dir`. */
function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      for (const file of sources(path)) out.push(file);
    }
    else if (entry.name.endsWith(".ts")) out.push(path);
  }
  return out;
}

/** Spreads of lists the code itself bounds: file, a text of the line, and why it is bounded. */
const BOUNDED: readonly [string, string, string][] = [];

/** Calls whose arguments grow with a spread array. */
const SPREAD_CALL = /\b(?:push|unshift|splice|max|min|fromCharCode|fromCodePoint|concat)\(\s*(?:[^()]*,\s*)?\.\.\./;

describe("no spread of an array into a call's arguments in src/", () => {
  it("finds none", () => {
    const found: string[] = [];
    for (const file of sources(SRC)) {
      readFileSync(file, "utf8")
        .split("\n")
        .forEach((line, i) => {
          const name = file.slice(SRC.length);
          if (BOUNDED.some(([f, text]) => f === name && line.includes(text))) return;
          if (SPREAD_CALL.test(line)) found.push(`${file.slice(SRC.length)}:${(i + 1).toString()}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });
});
