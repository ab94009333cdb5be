/**
 * Helpers shared by the bookkeeping tests: the example posting file and a
 * copy of it with some fields replaced.
 */
import { readFileSync } from "node:fs";
import type { PostingConfigInput } from "../../src/bookkeeping/index.js";
import type { Json } from "../billing/helpers.js";

export const examplePostingText = readFileSync(new URL("../../examples/data/posting.json", import.meta.url), "utf8");

/** The example posting configuration as fresh plain data. */
export function examplePosting(): PostingConfigInput {
  return JSON.parse(examplePostingText) as PostingConfigInput;
}

/** The example with `patch` applied to it as plain JSON. */
export function postingWith(patch: (p: Json) => unknown): PostingConfigInput {
  const p = JSON.parse(examplePostingText) as Json;
  patch(p);
  return p as PostingConfigInput;
}
