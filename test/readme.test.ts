/**
 * The README's usage example is run as written: every line ending in
 * `//=> value` is evaluated and compared with the value shown, so the
 * figures a newcomer reads first cannot drift from what the library does.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import * as library from "../src/index.js";

const readme = readFileSync(resolve(import.meta.dirname, "../README.md"), "utf8");
const block = /```ts\n(import \{[^}]+\} from "verksamhetsuppdrag";[\s\S]*?)```/.exec(readme)?.[1] ?? "";

function program(code: string): { body: string; checks: { expression: string; expected: unknown }[] } {
  const checks: { expression: string; expected: unknown }[] = [];
  const lines = code.split("\n").map((line) => {
    const match = /^(.*?);\s*\/\/=> (.*?)(?:\s{2,}\(.*\))?$/.exec(line);
    if (match === null) return line;
    checks.push({ expression: match[1]!, expected: JSON.parse(match[2]!) });
    return `__results.push(${match[1]!});`;
  });
  const body = lines.join("\n").replace(/^import \{([^}]+)\} from "verksamhetsuppdrag";/m, "const {$1} = __library;");
  return { body, checks };
}

describe("README usage example", () => {
  it("is found", () => {
    expect(block).toContain("statement(");
  });
  const { body, checks } = program(block);
  it("shows at least the figures it promises", () => {
    expect(checks.length).toBeGreaterThanOrEqual(7);
  });
  it("gives exactly the results it shows", () => {
    const results: unknown[] = [];
    // The README is TypeScript without type-only syntax, so it runs as JavaScript.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    new Function("__library", "__results", body)(library, results);
    const shown = results.map((r) => (typeof r === "string" ? r.replaceAll("\u00a0", " ") : r));
    expect(shown).toEqual(checks.map((c) => c.expected));
  });
});
