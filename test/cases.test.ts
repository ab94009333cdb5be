/**
 * Expert examples as data: every `test/cases/*.yaml` file is run here.
 *
 * FORMAT. A YAML file holds one case (a mapping) or a list of cases. A case:
 *
 *   title: Hourly rate in 2022 prices          # what it shows, a few words
 *   contract: familjeradgivning                 # a shipped contract's id ...
 *   #   (beroendemottagningen, familjeradgivning, vald-i-nara-relation,
 *   #    boendestod, boendestod-option-capio, boendestod-option-stadsmissionen)
 *   #   ... or a whole contract written inline as a mapping (validated by
 *   #   parseContract, exactly like a user's JSON file)
 *   kind: contract-figures                      # which computation
 *   input: ...                                  # its inputs; free-form per kind (may be left out)
 *   expected:                                   # its expected result; free-form per kind
 *     compensation.rate: "605"
 *   explanation: >                              # a sentence or two for a person, English
 *     SON 2021-233 §1.2: "Ersättning för familjerådgivning utgår med 605
 *     kronor per timme i 2022 års prissättning."  # with the Swedish quote
 *   clause: SON 2021-233 §1.2                   # the clause(s) the case checks; starts with
 *                                               # the contract's document label
 *
 * Money, hours and percentages are quoted strings ("605", "2590"); years,
 * months, days and counts are plain numbers; dates are quoted "YYYY-MM-DD".
 * Unknown keys in a case are errors.
 *
 * KINDS. Each kind is a module `test/cases/kinds/<kind>.ts` exporting
 * `kind: string` and `run(testCase: TestCase): void` (asserting with
 * vitest's `expect`; see `test/cases/case.ts`). test/cases/handlers.ts loads
 * them all with `import.meta.glob`. A case whose kind has no handler FAILS: no example is
 * ever silently skipped. To add a kind, add a handler module and document its
 * `input` and `expected` at the top of it and in docs/contracts.md.
 */
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { boendestodProcuredOptions, contracts, parseContract, type Contract } from "../src/contracts/index.js";
import type { TestCase } from "./cases/case.js";
import { handlers } from "./cases/handlers.js";

const shipped = new Map<string, Contract>(
  [...Object.values(contracts), ...Object.values(boendestodProcuredOptions)].map((c) => [c.id, c]),
);

const caseSchema = z.strictObject({
  title: z.string().min(1),
  contract: z.union([z.string().min(1), z.record(z.string(), z.unknown())]),
  kind: z.string().min(1),
  input: z.unknown().optional(),
  expected: z.unknown(),
  explanation: z.string().min(1),
  clause: z.string().min(1),
});

const dir = fileURLToPath(new URL("./cases/", import.meta.url));
const files = readdirSync(dir)
  .filter((name) => name.endsWith(".yaml"))
  .sort();

function resolveContract(ref: string | Record<string, unknown>, file: string): Contract {
  if (typeof ref !== "string") return parseContract(ref);
  const contract = shipped.get(ref);
  if (contract === undefined) {
    throw new Error(`${file}: no shipped contract "${ref}" (known: ${[...shipped.keys()].join(", ")})`);
  }
  return contract;
}

it("finds the case files and at least one handler", () => {
  expect(files.length).toBeGreaterThan(0);
  expect(handlers.has("contract-figures")).toBe(true);
});

for (const file of files) {
  const parsed: unknown = parse(readFileSync(`${dir}${file}`, "utf8"));
  const raw: unknown[] = Array.isArray(parsed) ? parsed : [parsed];
  describe(file, () => {
    raw.forEach((entry, index) => {
      const title = (entry as { title?: unknown } | null)?.title;
      it(typeof title === "string" ? title : `case ${index.toString()}`, () => {
        const result = caseSchema.safeParse(entry);
        if (!result.success) throw new Error(`${file} case ${index.toString()}: ${z.prettifyError(result.error)}`);
        const data = result.data;
        const handler = handlers.get(data.kind);
        if (handler === undefined) {
          throw new Error(`${file}: unknown kind "${data.kind}" (known: ${[...handlers.keys()].sort().join(", ")})`);
        }
        const contract = resolveContract(data.contract, file);
        expect(data.clause.startsWith(contract.document), `${file}: clause "${data.clause}" must start with the document label "${contract.document}"`).toBe(true);
        const testCase: TestCase = {
          title: data.title,
          kind: data.kind,
          contract,
          input: data.input,
          expected: data.expected,
          explanation: data.explanation,
          clause: data.clause,
          file,
        };
        handler.run(testCase);
      });
    });
  });
}
