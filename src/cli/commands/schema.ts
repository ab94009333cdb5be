/**
 * `validate <file.json>` (check a commission of one's own) and `schema`
 * (print the JSON Schema of a commission).
 *
 * @module
 */
import { contractJsonSchema } from "../../index.js";
import { positional, type CommandSpec } from "../args.js";
import type { Command } from "../command.js";
import { parseContractFile } from "../contractArg.js";
import { readJsonFile } from "../jsonFile.js";
import { dataOutput, textOutput } from "../output.js";

/**
 * The spec of `validate`.
 *
 * @example
 * ```ts
 * validateSpec.name; //=> "validate"
 * ```
 */
export const validateSpec: CommandSpec = {
  name: "validate",
  summary: "Check a commission written as JSON against the schema and its cross-field rules (parseContract)",
  positionals: [{ name: "file.json", description: "the commission as JSON" }],
  options: {},
  details:
    "Prints OK and the commission's id when it is valid (exit 0). Otherwise prints every problem\n" +
    "on stderr as `path: expected …, received …` and exits 1.",
};

/**
 * Runs `validate <file.json>`: `OK <id>` or every issue (as an error).
 *
 * @example
 * ```ts
 * await validateCommand.run(parseCommandArgs(validateSpec, ["examples/data/own-commission.json"]), context);
 * //=> { kind: "text", chunks: ["OK: examples/data/own-commission.json is a valid commission (id min-kommun-samtalsstod, hourly)\n"] }
 * ```
 */
export const validateCommand: Command = {
  spec: validateSpec,
  run: async (args) => {
    const file = positional(args, 0);
    const contract = parseContractFile(await readJsonFile(file), file);
    return textOutput(`OK: ${file} is a valid commission (id ${contract.id}, ${contract.compensation.kind})\n`);
  },
};

/**
 * The spec of `schema`.
 *
 * @example
 * ```ts
 * schemaSpec.name; //=> "schema"
 * ```
 */
export const schemaSpec: CommandSpec = {
  name: "schema",
  summary: "Print the JSON Schema (draft 2020-12) of a commission written as plain data",
  positionals: [],
  options: {},
  details:
    "The same schema ships as verksamhetsuppdrag/schema.json. Cross-field rules (the term ends after\n" +
    "it starts, …) are not expressible in JSON Schema: run 'validate' for the full check.",
};

/**
 * Runs `schema`: the library's `contractJsonSchema()`, as JSON.
 *
 * @example
 * ```ts
 * JSON.parse([...(await schemaCommand.run(parseCommandArgs(schemaSpec, []), context)).chunks].join("")).$schema;
 * //=> "https://json-schema.org/draft/2020-12/schema"
 * ```
 */
export const schemaCommand: Command = {
  spec: schemaSpec,
  run: () => Promise.resolve(dataOutput(`${JSON.stringify(contractJsonSchema(), null, 2)}\n`)),
};
