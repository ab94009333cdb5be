import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import * as contractsModule from "../../src/contracts/index.js";
import { boendestodProcuredOptions, contracts, parseContract, type Contract } from "../../src/contracts/index.js";
import { RulesError } from "../../src/errors.js";

const all: [string, Contract][] = [
  ...Object.entries(contracts),
  ...Object.entries(boendestodProcuredOptions).map(([k, c]): [string, Contract] => [`option ${k}`, c]),
];

describe("shipped commissions", () => {
  it.each(all)("%s round-trips through JSON unchanged", (_name, contract) => {
    const again = parseContract(JSON.parse(JSON.stringify(contract)));
    expect(again).toEqual(contract);
    expect(again).not.toBe(contract);
  });

  it("each shipped commission is also exported by name, as the same object", () => {
    const byName = contractsModule as unknown as Record<string, unknown>;
    for (const [key, contract] of Object.entries(contracts)) expect(byName[key], key).toBe(contract);
  });

  it("ids are the promised ones", () => {
    expect(Object.fromEntries(Object.entries(contracts).map(([k, c]) => [k, c.id]))).toEqual({
      beroendemottagningen: "beroendemottagningen",
      familjeradgivning: "familjeradgivning",
      valdINaraRelation: "vald-i-nara-relation",
      boendestod: "boendestod",
    });
  });

  // The texts live beside the repository (shared/contracts); the check runs wherever they are.
  const textDir = fileURLToPath(new URL("../../../shared/contracts/", import.meta.url));
  describe.skipIf(!existsSync(textDir))("quotes are copied exactly from the texts", () => {
    it.each(all)("%s", (_name, contract) => {
      const source = readFileSync(`${textDir}${contract.source}`, "utf8");
      const quotes: string[] = [];
      const walk = (value: unknown): void => {
        if (Array.isArray(value)) value.forEach(walk);
        else if (typeof value === "object" && value !== null) {
          for (const [key, child] of Object.entries(value)) {
            if (key === "quote" && typeof child === "string") quotes.push(child);
            else walk(child);
          }
        }
      };
      walk(contract);
      expect(quotes.length).toBeGreaterThan(0);
      for (const quote of quotes) expect(source.includes(quote), quote).toBe(true);
    });
  });
});

/** JSON-like values, including keys that could pollute prototypes. */
const jsonish = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.constantFrom(null, true, false, 0, -1, 1.5, Number.NaN, Infinity, "", "605", "12,5", "2024-02-30", "unknown"),
    fc.string(),
    fc.integer(),
    fc.double(),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(fc.string(), fc.constantFrom("__proto__", "constructor", "prototype", "kind", "clause")),
      tie("value"),
      { maxKeys: 5 },
    ),
  ),
})).value;

const paths: string[][] = [];
(function collect(value: unknown, path: string[]): void {
  if (typeof value === "object" && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      paths.push([...path, key]);
      collect(child, [...path, key]);
    }
  }
})(contracts.familjeradgivning, []);

function returnsOrThrowsRulesError(input: unknown): void {
  try {
    parseContract(input);
  } catch (error) {
    expect(error).toBeInstanceOf(RulesError);
    const e = error as RulesError;
    expect(e.code).toBe("INVALID_CONTRACT");
    expect(e.issues.length).toBeGreaterThan(0);
    for (const issue of e.issues) {
      expect(typeof issue.path).toBe("string");
      expect(issue.expected.length).toBeGreaterThan(0);
      expect(typeof issue.received).toBe("string");
    }
  }
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

describe("parseContract never throws anything but RulesError", () => {
  test.prop([jsonish], { numRuns: 300 })("arbitrary values", (input) => {
    returnsOrThrowsRulesError(input);
  });

  test.prop([fc.jsonValue()], { numRuns: 200 })("arbitrary JSON", (input) => {
    returnsOrThrowsRulesError(JSON.parse(JSON.stringify(input)));
  });

  test.prop([fc.constantFrom(...paths), jsonish], { numRuns: 400 })(
    "a valid contract with one field replaced",
    (path, replacement) => {
      const draft = JSON.parse(JSON.stringify(contracts.familjeradgivning));
      let target = draft;
      for (const key of path.slice(0, -1)) target = target[key];
      target[path.at(-1)!] = replacement;
      returnsOrThrowsRulesError(draft);
    },
  );
});
