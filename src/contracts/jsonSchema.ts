/**
 * The contract schema as JSON Schema, for systems not written in TypeScript.
 *
 * @module
 */
import * as z from "zod/mini";
import { contractSchema } from "./schema.js";

/** Where the published JSON Schema lives (its `$id`). */
const SCHEMA_ID = "https://unpkg.com/verksamhetsuppdrag/dist/schema.json";

/**
 * The JSON Schema (draft 2020-12) of a commission written as plain data,
 * generated from {@link contractSchema}; shipped as
 * `verksamhetsuppdrag/schema.json`.
 *
 * It checks every field's type and format (money and hours patterns, enums,
 * required and unknown keys), the largest size of every text and list
 * (`maxLength`, `maxItems`) and the texts' control characters (`pattern`).
 * Unpaired surrogates and the cross-field checks (the term ends after it
 * starts, a due day exists in its month, a date is a real calendar date, …)
 * are not expressible in JSON Schema: run {@link parseContract} for the full
 * validation.
 *
 * @returns a new JSON Schema object each call
 * @example
 * ```ts
 * import { contractJsonSchema } from "verksamhetsuppdrag";
 * const schema = contractJsonSchema();
 * schema.$schema; //=> "https://json-schema.org/draft/2020-12/schema"
 * schema.required.includes("compensation"); //=> true
 * ```
 */
export function contractJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(contractSchema, { io: "input", target: "draft-2020-12", unrepresentable: "any" });
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: SCHEMA_ID,
    title: "verksamhetsuppdrag: a Swedish municipal service commission",
    description:
      "A commission (verksamhetsuppdrag) written as plain data: money as strings in kronor with at most two decimals, hours and percentages as decimal strings, dates as YYYY-MM-DD, every rule with the clause it comes from. Cross-field rules (e.g. term.end not before term.start) are checked by parseContract, not by this schema.",
    ...rest,
  };
}
