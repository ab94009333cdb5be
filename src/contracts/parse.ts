/**
 * The edge where a commission written as plain data (JSON) becomes a
 * validated, frozen {@link Contract}.
 *
 * @module
 */
import { validatedData } from "../validation.js";
import { contractSchema, type Contract, type ContractInput } from "./schema.js";

/**
 * Validates a commission (*verksamhetsuppdrag*) written as plain data against
 * {@link contractSchema} and returns it typed and deep-frozen.
 *
 * The result is always a new object: never the caller's, and the caller's
 * input is never changed. Unknown keys are errors, including `__proto__` and
 * `constructor` in data from `JSON.parse`, so nothing can reach
 * `Object.prototype`.
 *
 * @param input - the commission as plain data, e.g. from `JSON.parse`
 * @returns the validated commission, deep-frozen
 * @throws {@link RulesError} with code `"INVALID_CONTRACT"` whose `issues` list
 *   the bad fields by dotted path (`"compensation.rate"`), what was expected
 *   and what was received — the first {@link MAX_ISSUES} (100) of them, the
 *   rest counted in `moreIssues`; nothing else is ever thrown. Every list and
 *   text of a commission has a largest size (docs/contracts.md, "Limits"), so
 *   a huge input is refused as fast as a small one
 * @example
 * ```ts
 * import { parseContract } from "verksamhetsuppdrag";
 * const contract = parseContract(JSON.parse(fs.readFileSync("min-kommun.json", "utf8")));
 * contract.compensation.kind; //=> "hourly"
 *
 * parseContract({ ...contract, compensation: { ...contract.compensation, rate: "12,5" } });
 * // throws RulesError INVALID_CONTRACT:
 * //   compensation.rate: expected money as a string with at most two decimals, e.g. "605.00", received "12,5"
 * ```
 */
export function parseContract(input: unknown): Contract {
  const contract = validatedData(contractSchema, input, { code: "INVALID_CONTRACT", what: "contract", whole: "(the commission)", expected: "a commission as plain JSON data" });
  validated.add(contract);
  return contract;
}

/**
 * A shipped commission: the data `build` returns, validated by
 * {@link parseContract} at once. The data comes as a function so that a
 * bundler can drop a commission nobody imports (and with the last of them the
 * schema and zod): a call whose argument is an object literal full of
 * template literals is one it must keep.
 *
 * @internal
 * @param build - returns the commission as plain data
 * @returns the validated, frozen commission
 * @example
 * ```ts
 * export const c: Contract = shippedContract(() => ({ id: "x", … } satisfies ContractInput));
 * ```
 */
// @__NO_SIDE_EFFECTS__
export function shippedContract(build: () => ContractInput): Contract {
  return parseContract(build());
}

/** The contracts this module has validated and frozen: checking them again would find nothing. */
const validated = new WeakSet<object>();

/**
 * Makes sure a value handed to a computation is a valid commission. A
 * contract from {@link parseContract} (or `contracts`, or a function that
 * returns a changed contract, like `applyNotice`) passes at once; anything
 * else is validated in full, so a hand-built object literal works when it is
 * right and fails with the fields named when it is not.
 *
 * @internal
 * @param value - the contract argument
 * @returns the validated, frozen contract
 * @throws {@link RulesError} `INVALID_CONTRACT` listing every bad field
 * @example
 * ```ts
 * ensureContract(contracts.familjeradgivning) === contracts.familjeradgivning; //=> true
 * ensureContract({}); // throws RulesError INVALID_CONTRACT: id: expected …, received nothing (the field is missing); …
 * ```
 */
export function ensureContract(value: unknown): Contract {
  if (typeof value === "object" && value !== null && validated.has(value)) return value as Contract;
  return parseContract(value);
}
