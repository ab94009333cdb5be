/**
 * The packed tarball, installed into a fresh ESM consumer and a fresh CJS
 * consumer, imports the public API and computes a twelfth. This is what a
 * user gets from npm, so it is tested as such (zod and ibantools have both
 * shipped broken packages that their own unit tests could not see).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "..");
let work: string;
let tarball: string;

function run(cmd: string, args: string[], cwd: string): string {
  return execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, npm_config_audit: "false", npm_config_fund: "false" } });
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "verksamhetsuppdrag-pack-"));
  // dist/ is built by `npm test` before vitest starts.
  const packed = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", work], root)) as { filename: string }[];
  tarball = join(work, packed[0]!.filename);
  for (const kind of ["esm", "cjs", "property"]) {
    const dir = join(work, kind);
    mkdirSync(dir);
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: `consumer-${kind}`, private: true, type: kind === "cjs" ? "commonjs" : "module" }));
    // Only the property-test consumer installs fast-check (the optional peer dependency), at the version this repository tests with.
    const extra = kind === "property" ? [`fast-check@${devDependency("fast-check")}`] : [];
    run("npm", ["install", "--prefer-offline", "--no-save", "--ignore-scripts", tarball, ...extra], dir);
  }
}, 180_000);

function devDependency(name: string): string {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { devDependencies: Record<string, string> };
  return pkg.devDependencies[name]!;
}

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe("the packed package", () => {
  it("holds only what users need", () => {
    const listing = JSON.parse(run("npm", ["pack", "--dry-run", "--json"], root)) as { files: { path: string }[] }[];
    const files = listing[0]!.files.map((f) => f.path);
    expect(files).toContain("dist/index.js");
    expect(files).toContain("dist/index.cjs");
    expect(files).toContain("dist/index.d.ts");
    expect(files).toContain("dist/index.d.cts");
    expect(files).toContain("dist/cli.js");
    expect(files).toContain("dist/schema.json");
    for (const f of ["dist/sie.js", "dist/sie.cjs", "dist/sie.d.ts", "dist/sie.d.cts"]) expect(files).toContain(f);
    for (const f of ["dist/testing.js", "dist/testing.cjs", "dist/testing.d.ts", "dist/testing.d.cts", "dist/cases.json", "dist/cases.schema.json"]) expect(files).toContain(f);
    expect(files).toContain("README.md");
    expect(files).toContain("CHANGELOG.md");
    expect(files.filter((f) => /^(src|test|node_modules|bench|examples)\//.test(f))).toEqual([]);
  });

  it("works from an ESM consumer", () => {
    const dir = join(work, "esm");
    writeFileSync(
      join(dir, "main.js"),
      `import { twelfths, contracts, familjeradgivning, RulesError, Decimal, statement } from "verksamhetsuppdrag";
import pkg from "verksamhetsuppdrag/package.json" with { type: "json" };
import { createRequire } from "node:module";
const schema = createRequire(import.meta.url)("verksamhetsuppdrag/schema.json");
const months = twelfths(contracts.beroendemottagningen.compensation.amount);
let code = "none";
try { twelfths("12,5"); } catch (e) { code = e instanceof RulesError ? e.code : "wrong"; }
console.log(JSON.stringify({ first: months[0].toFixed(2), isDecimal: months[0] instanceof Decimal, code, name: pkg.name, schema: typeof schema, statement: typeof statement, byName: familjeradgivning === contracts.familjeradgivning }));`,
    );
    const out = JSON.parse(run("node", ["main.js"], dir)) as Record<string, unknown>;
    expect(out).toEqual({ first: "152250.00", isDecimal: true, code: "INVALID_MONEY", name: "verksamhetsuppdrag", schema: "object", statement: "function", byName: true });
  });

  it("works from a CJS consumer", () => {
    const dir = join(work, "cjs");
    writeFileSync(
      join(dir, "main.js"),
      `const { twelfths, contracts, valdINaraRelation, RulesError } = require("verksamhetsuppdrag");
const months = twelfths(contracts.valdINaraRelation.compensation.amount);
let code = "none";
try { twelfths(0.1 + 0.2); } catch (e) { code = e instanceof RulesError ? e.code : "wrong"; }
console.log(JSON.stringify({ first: months[0].toFixed(2), sum: months.reduce((a, b) => a.plus(b)).toFixed(2), code, byName: valdINaraRelation === contracts.valdINaraRelation }));`,
    );
    const out = JSON.parse(run("node", ["main.js"], dir)) as Record<string, unknown>;
    expect(out).toEqual({ first: "341107.00", sum: "4093284.00", code: "INVALID_MONEY", byName: true });
  });

  it("the sie subpath works from ESM and CJS, on the same Decimal and RulesError as the root", () => {
    const posting = readFileSync(join(root, "examples", "data", "posting.json"), "utf8");
    const body = (imports: string): string => `${imports}
const posting = parsePostingConfig(${posting});
const file = statementsToSie([statement(contracts.beroendemottagningen, "2021-04")], posting, { generated: { date: "2021-05-03" } });
let code = "none";
try { encodeCp437("\u2013"); } catch (e) { code = e instanceof RulesError ? e.code : "wrong"; }
console.log(JSON.stringify({ turnover: file.vouchers[0].turnover.toFixed(2), isDecimal: file.vouchers[0].turnover instanceof Decimal, first: Array.from(file.bytes.slice(0, 8)), code }));`;
    const expected = { turnover: "152250.00", isDecimal: true, first: Array.from(Buffer.from("#FLAGGA ")), code: "NOT_ENCODABLE" };
    writeFileSync(
      join(work, "esm", "sie.js"),
      body(`import { contracts, statement, Decimal, RulesError } from "verksamhetsuppdrag";\nimport { parsePostingConfig, statementsToSie, encodeCp437 } from "verksamhetsuppdrag/sie";`),
    );
    expect(JSON.parse(run("node", ["sie.js"], join(work, "esm")))).toEqual(expected);
    writeFileSync(
      join(work, "cjs", "sie.js"),
      body(`const { contracts, statement, Decimal, RulesError } = require("verksamhetsuppdrag");\nconst { parsePostingConfig, statementsToSie, encodeCp437 } = require("verksamhetsuppdrag/sie");`),
    );
    expect(JSON.parse(run("node", ["sie.js"], join(work, "cjs")))).toEqual(expected);
  });

  it("never needs fast-check but for the testing subpath (an optional peer dependency)", () => {
    // The ES-module build is a file per module: every one of them but the testing subpath's.
    const built = readdirSync(join(root, "dist"), { recursive: true, encoding: "utf8" }).filter((f) => /\.c?js$/.test(f) && !f.startsWith("testing."));
    expect(built).toEqual(expect.arrayContaining(["index.js", "index.cjs", "sie.js", "sie.cjs", "cli.js", join("billing", "statement.js")]));
    for (const file of built) {
      expect(readFileSync(join(root, "dist", file), "utf8").includes("fast-check"), file).toBe(false);
    }
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as Record<string, Record<string, unknown>>;
    expect([pkg.peerDependencies, pkg.peerDependenciesMeta]).toEqual([{ "fast-check": "^4.0.0" }, { "fast-check": { optional: true } }]);
    // The ESM consumer has no fast-check: the main entry and the cases load, the testing subpath says what it lacks.
    const dir = join(work, "esm");
    writeFileSync(
      join(dir, "nofc.js"),
      `import { contracts } from "verksamhetsuppdrag";
import { createRequire } from "node:module";
const cases = createRequire(import.meta.url)("verksamhetsuppdrag/cases.json");
let missing = "none";
try { await import("verksamhetsuppdrag/testing"); } catch (e) { missing = e.code; }
console.log(JSON.stringify({ id: contracts.familjeradgivning.id, cases: cases.cases.length, format: cases.format, missing }));`,
    );
    expect(JSON.parse(run("node", ["nofc.js"], dir))).toEqual({ id: "familjeradgivning", cases: 107, format: "verksamhetsuppdrag/cases@1", missing: "ERR_MODULE_NOT_FOUND" });
  });

  it("runs the property test of docs/testing.md in a consumer with fast-check", () => {
    const docs = readFileSync(join(root, "docs", "testing.md"), "utf8");
    const code = /<!-- packaging-test: property\.mjs -->\n```js\n([\s\S]*?)```/.exec(docs)?.[1];
    expect(code).toContain('from "verksamhetsuppdrag/testing"');
    const dir = join(work, "property");
    writeFileSync(join(dir, "property.mjs"), code!);
    expect(run("node", ["property.mjs"], dir)).toBe("property tests passed\n");
  });

  it("the testing subpath works from CJS too, on the library's own classes, and answers a case from cases.json", () => {
    const dir = join(work, "property");
    writeFileSync(
      join(dir, "cjs.cjs"),
      `const fc = require("fast-check");
const { parseContract, Decimal } = require("verksamhetsuppdrag");
const { contractArbitrary, answer, questionOf, compareAnswer } = require("verksamhetsuppdrag/testing");
const cases = require("verksamhetsuppdrag/cases.json");
const [data] = fc.sample(contractArbitrary({ kind: "fixed-annual" }), { numRuns: 1, seed: 1 });
const failing = cases.cases.filter((c) => compareAnswer(c.kind, c.expected, answer(questionOf(c))).length > 0).map((c) => c.id);
console.log(JSON.stringify({ kind: parseContract(data).compensation.kind, failing, decimal: typeof Decimal }));`,
    );
    expect(JSON.parse(run("node", ["cjs.cjs"], dir))).toEqual({ kind: "fixed-annual", failing: [], decimal: "function" });
  });

  it("installs a working command", () => {
    const dir = join(work, "esm");
    const version = run(join(dir, "node_modules", ".bin", "verksamhetsuppdrag"), ["--version"], dir).trim();
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
    expect(version).toBe(pkg.version);
  });
});
