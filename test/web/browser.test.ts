/**
 * The package's main entry runs unchanged in a browser: the built
 * `dist/index.js` is bundled for the browser (a build that reaches any
 * `node:` or Node built-in import fails here), run in Debian's Chromium, and
 * its statement, deadlines, opening hours and Swedish money format compared
 * with Node's exactly. The minified+gzip size of `import { statement,
 * contracts }` is measured and written to test-output/bundle-size.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { build, type Plugin } from "esbuild";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch, skipBrowser } from "./chromium.js";

type Lib = typeof import("../../src/index.js");

const root = join(import.meta.dirname, "..", "..");
const entry = join(root, "dist", "index.js");
const csv = readFileSync(join(root, "examples", "data", "familjeradgivning-2022-03.csv"), "utf8");

/** Records every import of a Node built-in and keeps it out of the bundle, so the test can name it. */
function noNode(found: string[]): Plugin {
  const builtins = new Set(builtinModules);
  return {
    name: "no-node",
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        if (args.path.startsWith("node:") || builtins.has(args.path)) {
          found.push(`${args.path} (imported by ${args.importer})`);
          return { path: args.path, external: true };
        }
        return undefined;
      });
    },
  };
}

async function bundle(contents: string, options: { minify: boolean; format: "iife" | "esm" }): Promise<{ code: string; nodeImports: string[] }> {
  const nodeImports: string[] = [];
  const result = await build({
    stdin: { contents, resolveDir: root, loader: "js" },
    bundle: true,
    write: false,
    platform: "browser",
    format: options.format,
    minify: options.minify,
    target: "es2022",
    legalComments: "none",
    plugins: [noNode(nodeImports)],
    logLevel: "silent",
  });
  return { code: result.outputFiles[0]!.text, nodeImports };
}

/**
 * The same computations, run in Node and in the page (there as its source
 * text, so it names nothing outside itself): the sessions CSV read by the
 * library's reader, the statement, deadlines, opening hours and money
 * format. The instants are either side of the opening hour and of
 * Stockholm's daylight-saving changes in 2024.
 */
function compute(lib: Lib, csv: string): string {
  const read = lib.parseSessionsCsv(csv);
  const s = lib.statement(lib.contracts.familjeradgivning, "2022-03", { sessions: read.sessions });
  return JSON.stringify({
    read: { sessions: read.sessions, delimiter: read.delimiter, encoding: read.encoding, notices: read.notices, line: read.locate("sessions.4.minutes") },
    statement: lib.statementToJSON(s),
    total: lib.formatSek(s.total),
    deadlines: lib.deadlines(lib.contracts.familjeradgivning, 2024, { roll: "next-workday" }),
    opening: ["2024-03-31T00:59:59Z", "2024-03-31T01:00:00Z", "2024-06-03T05:59:59Z", "2024-06-03T06:00:00Z", "2024-10-27T00:30:00Z", "2024-10-27T01:30:00Z", "2024-12-24T08:00:00Z"].map((t) =>
      lib.openingStatus(lib.contracts.familjeradgivning, t),
    ),
  });
}

describe.skipIf(skipBrowser)("the package in Chromium", () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launch();
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser.close();
  });

  it("bundles the whole main entry for the browser without a single node: import", async () => {
    const { code, nodeImports } = await bundle(`import * as lib from ${JSON.stringify(entry)}; globalThis.lib = lib;`, { minify: false, format: "iife" });
    expect(nodeImports).toEqual([]);
    await page.setContent("<!doctype html><html lang=sv><body></body></html>");
    await page.addScriptTag({ content: code });
    expect(await page.evaluate(() => typeof (globalThis as unknown as { lib?: unknown }).lib)).toBe("object");
  });

  it("reads the CSV and gives the same statement, deadlines, opening hours and money format in Chromium as in Node", async () => {
    const node = compute((await import(pathToFileURL(entry).href)) as Lib, csv);
    const inBrowser: unknown = await page.evaluate(`(${compute.toString()})(globalThis.lib, ${JSON.stringify(csv)})`);
    expect(inBrowser).toBe(node);
    const parsed = JSON.parse(node) as { read: { delimiter: string; line: unknown }; total: string; statement: { total: string; lines: unknown[] } };
    expect(parsed.read.delimiter).toBe(";");
    expect(parsed.read.line).toEqual({ line: 6, field: "minutes" });
    expect(parsed.total).toBe("24\u00a0805,00\u00a0kr");
    expect(parsed.statement.total).toBe("24805.00");
    expect(parsed.statement.lines.length).toBe(21);
  });

  it("measures the minified+gzip size of import { statement, contracts }", async () => {
    const { code, nodeImports } = await bundle(`export { statement, contracts } from ${JSON.stringify(entry)};`, { minify: true, format: "esm" });
    expect(nodeImports).toEqual([]);
    const size = { import: "{ statement, contracts }", minified: Buffer.byteLength(code), gzip: gzipSync(code).length, gzip9: gzipSync(code, { level: 9 }).length };
    mkdirSync(join(root, "test-output"), { recursive: true });
    writeFileSync(join(root, "test-output", "bundle-size.json"), `${JSON.stringify(size, null, 2)}\n`);
    console.log(`bundle size of import { statement, contracts }: ${size.minified.toString()} B minified, ${size.gzip.toString()} B gzip (${size.gzip9.toString()} B at -9)`);
    expect(size.gzip).toBeGreaterThan(0);
  });
});
