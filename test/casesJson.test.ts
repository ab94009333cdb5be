/**
 * `verksamhetsuppdrag/cases.json` (written by scripts/build-cases.mjs from
 * test/cases/*.yaml): it agrees with the YAML, validates against
 * cases.schema.json, and the library passes every case read from it, both
 * through the YAML's own handlers and through the published question,
 * answer and comparison.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { boendestodProcuredOptions, contracts, parseContract } from "../src/index.js";
import { answer, CASE_KINDS, compareAnswer, describeDifference, questionOf, type CasesFile } from "../src/testing/index.js";
import { handlers } from "./cases/handlers.js";

const root = new URL("../", import.meta.url);
const file = JSON.parse(readFileSync(new URL("dist/cases.json", root), "utf8")) as CasesFile;
const schema = JSON.parse(readFileSync(new URL("dist/cases.schema.json", root), "utf8")) as object;
const shipped = new Map([...Object.values(contracts), ...Object.values(boendestodProcuredOptions)].map((c) => [c.id, c]));

/** The YAML cases as cases.json must publish them. */
function fromYaml(): unknown[] {
  const dir = fileURLToPath(new URL("test/cases/", root));
  const out: unknown[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".yaml")).sort()) {
    const parsed = parse(readFileSync(`${dir}${name}`, "utf8")) as unknown;
    (Array.isArray(parsed) ? parsed : [parsed]).forEach((raw: Record<string, unknown>, i) => {
      const contract = typeof raw.contract === "string" ? shipped.get(raw.contract) : parseContract(raw.contract);
      let input = (raw.input ?? null) as Record<string, unknown> | null;
      if (raw.kind === "bookkeeping" && typeof input?.posting === "string") {
        input = { ...input, posting: JSON.parse(readFileSync(new URL(input.posting, root), "utf8")) as unknown };
      }
      out.push({
        id: `${name.slice(0, -".yaml".length)}/${(i + 1).toString()}`,
        title: raw.title,
        kind: raw.kind,
        contractId: contract?.id,
        contract: JSON.parse(JSON.stringify(contract)) as unknown,
        input: JSON.parse(JSON.stringify(input)) as unknown,
        expected: JSON.parse(JSON.stringify(raw.expected)) as unknown,
        explanation: (raw.explanation as string).trim(),
        clause: raw.clause,
      });
    });
  }
  return out;
}

describe("cases.json", () => {
  it("holds every YAML case, exactly as written, with its contract in full", () => {
    expect(file.format).toBe("verksamhetsuppdrag/cases@1");
    expect(file.cases).toEqual(fromYaml());
    expect(file.cases).toHaveLength(107);
  });

  it("has unique ids, a clause starting with the document label, and only known kinds", () => {
    expect(new Set(file.cases.map((c) => c.id)).size).toBe(file.cases.length);
    for (const c of file.cases) {
      expect(c.clause.startsWith(c.contract.document as string), c.id).toBe(true);
      expect(CASE_KINDS, c.id).toContain(c.kind);
    }
    expect(new Set(file.cases.map((c) => c.kind))).toEqual(new Set(CASE_KINDS));
  });

  it("validates against cases.schema.json, which refuses a case without its clause or with a float for money", () => {
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    expect(validate(file), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const [first, ...rest] = file.cases;
    const withoutClause = Object.fromEntries(Object.entries(first!).filter(([key]) => key !== "clause"));
    expect(validate({ ...file, cases: [withoutClause, ...rest] })).toBe(false);
    const statementCase = file.cases.find((c) => c.id === "statement-familjeradgivning/1")!;
    expect(validate({ ...file, cases: [{ ...statementCase, expected: { total: 4991.25 } }] })).toBe(false);
    expect(validate({ ...file, cases: [{ ...statementCase, expected: { total: "4991.25" } }] })).toBe(true);
  });
});

describe("the library passes every case read from cases.json", () => {
  describe.each(file.cases.map((c) => [c.id, c] as const))("%s", (_id, worked) => {
    it("through the YAML's handler", () => {
      const handler = handlers.get(worked.kind);
      expect(handler, worked.kind).toBeDefined();
      handler!.run({
        title: worked.title,
        kind: worked.kind,
        contract: parseContract(worked.contract),
        input: worked.input ?? undefined,
        expected: worked.expected,
        explanation: worked.explanation,
        clause: worked.clause,
        file: `cases.json ${worked.id}`,
      });
    });

    it("through its question and the library's answer", () => {
      const differences = compareAnswer(worked.kind, worked.expected, answer(JSON.parse(JSON.stringify(questionOf(worked)))));
      expect(differences.map(describeDifference)).toEqual([]);
    });
  });
});
