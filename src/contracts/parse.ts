/**
 * The edge where a commission written as plain data (JSON) becomes a
 * validated, frozen {@link Contract}.
 *
 * @module
 */
import type { z } from "zod";
import { RulesError, describeValue, type RulesIssue } from "../errors.js";
import { contractSchema, type Contract } from "./schema.js";

/** How a missing field is shown as received. */
const MISSING = "nothing (the field is missing)";

/** How many issues the error message lists before "and N more". */
const MESSAGE_ISSUES = 5;

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
 *   every bad field by dotted path (`"compensation.rate"`), what was expected
 *   and what was received; nothing else is ever thrown
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
  let result: ReturnType<typeof contractSchema.safeParse>;
  try {
    result = contractSchema.safeParse(input, { reportInput: true });
  } catch (cause) {
    // Only exotic inputs get here: getters or proxies that throw while read.
    throw invalidContract([
      {
        path: "",
        expected: "a commission as plain JSON data",
        received: `an object that could not be read (${cause instanceof Error ? cause.name : "error"})`,
      },
    ]);
  }
  if (!result.success) {
    throw invalidContract(firstPerPath(result.error.issues.flatMap(toRulesIssues)));
  }
  const contract = deepFreeze(result.data);
  validated.add(contract);
  return contract;
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

function invalidContract(issues: RulesIssue[]): RulesError {
  const lines = issues
    .slice(0, MESSAGE_ISSUES)
    .map((issue) => `${issue.path === "" ? "(the commission)" : issue.path}: expected ${issue.expected}, received ${issue.received}`);
  const more = issues.length > MESSAGE_ISSUES ? `; and ${(issues.length - MESSAGE_ISSUES).toString()} more` : "";
  const count = issues.length === 1 ? "1 problem" : `${issues.length.toString()} problems`;
  return new RulesError("INVALID_CONTRACT", `Invalid contract (${count}): ${lines.join("; ")}${more}`, issues);
}

function joinPath(path: readonly PropertyKey[]): string {
  return path.map((key) => (typeof key === "symbol" ? (key.description ?? "symbol") : String(key))).join(".");
}

/** Converts one zod issue to one or more {@link RulesIssue}s. */
function toRulesIssues(issue: z.core.$ZodIssue): RulesIssue[] {
  const path = joinPath(issue.path);
  if (issue.code === "unrecognized_keys") {
    const container = issue.input;
    return issue.keys.map((key) => ({
      path: path === "" ? key : `${path}.${key}`,
      expected: "no such field: unknown fields are not allowed (check the spelling)",
      received: describeValue(readOwn(container, key)),
    }));
  }
  if (path !== "" && issue.input === undefined && (issue.code === "invalid_type" || issue.code === "invalid_value" || issue.code === "invalid_union")) {
    return [{ path, expected: `${issue.message} (the field is required)`, received: MISSING }];
  }
  if (issue.code === "invalid_union" && issue.discriminator !== undefined) {
    // The discriminated union reports the whole object; show the bad `kind`.
    const kind = readOwn(issue.input, issue.discriminator);
    return kind === undefined
      ? [{ path, expected: `${issue.message} (the field is required)`, received: MISSING }]
      : [{ path, expected: issue.message, received: describeValue(kind) }];
  }
  return [{ path, expected: issue.message, received: describeValue(issue.input) }];
}

/**
 * One issue per field: a value outside its own range (a due day of 32) would
 * also fail a cross-field check (no such day in March); the field's own
 * issue, reported first, is the one that helps.
 */
function firstPerPath(issues: RulesIssue[]): RulesIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    if (seen.has(issue.path)) return false;
    seen.add(issue.path);
    return true;
  });
}

/** Reads an own data property without running getters or touching prototypes. */
function readOwn(container: unknown, key: string): unknown {
  if (typeof container !== "object" || container === null) return undefined;
  try {
    const descriptor = Object.getOwnPropertyDescriptor(container, key);
    return descriptor !== undefined && "value" in descriptor ? descriptor.value : undefined;
  } catch {
    return undefined;
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
