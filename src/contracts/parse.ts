/**
 * The edge where a commission written as plain data (JSON) becomes a
 * validated, frozen {@link Contract}.
 *
 * @module
 */
import type { z } from "zod";
import { MAX_ISSUES, RulesError, describeValue, type RulesIssue } from "../errors.js";
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
  let result: ReturnType<typeof contractSchema.safeParse>;
  try {
    result = contractSchema.safeParse(input, { reportInput: true });
  } catch (cause) {
    // Only exotic inputs get here: getters or proxies that throw while read.
    const issues = new IssueList();
    issues.add({
      path: "",
      expected: "a commission as plain JSON data",
      received: `an object that could not be read (${cause instanceof Error ? cause.name : "error"})`,
    });
    throw invalidContract(issues);
  }
  if (!result.success) {
    const issues = new IssueList();
    for (const issue of result.error.issues) addRulesIssues(issue, issues);
    throw invalidContract(issues);
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

/**
 * The issues of one validation: one per field (see {@link IssueList.add}),
 * the first {@link MAX_ISSUES} kept and the rest only counted, so that a
 * contract with a million bad fields makes an error of a hundred.
 */
class IssueList {
  readonly kept: RulesIssue[] = [];
  /** Issues found beyond the kept ones (the paths of all are remembered: a schema of bounded lists has boundedly many). */
  more = 0;
  private readonly paths = new Set<string>();

  /**
   * Adds an issue unless its field already has one: a value outside its own
   * range (a due day of 32) would also fail a cross-field check (no such day
   * in March); the field's own issue, reported first, is the one that helps.
   */
  add(issue: RulesIssue): void {
    if (this.paths.has(issue.path)) return;
    this.paths.add(issue.path);
    if (this.kept.length < MAX_ISSUES) this.kept.push(issue);
    else this.more++;
  }

  get total(): number {
    return this.kept.length + this.more;
  }
}

function invalidContract(issues: IssueList): RulesError {
  const lines = issues.kept
    .slice(0, MESSAGE_ISSUES)
    .map((issue) => `${issue.path === "" ? "(the commission)" : issue.path}: expected ${issue.expected}, received ${issue.received}`);
  const total = issues.total;
  const more = total > MESSAGE_ISSUES ? `; and ${(total - MESSAGE_ISSUES).toString()} more` : "";
  const count = total === 1 ? "1 problem" : `${total.toString()} problems`;
  return new RulesError("INVALID_CONTRACT", `Invalid contract (${count}): ${lines.join("; ")}${more}`, issues.kept, issues.more);
}

function joinPath(path: readonly PropertyKey[]): string {
  return path.map((key) => (typeof key === "symbol" ? (key.description ?? "symbol") : String(key))).join(".");
}

/**
 * Adds one zod issue to `out` as one or more {@link RulesIssue}s. An object
 * with unknown keys is one zod issue listing them all; past the list's limit
 * they are only counted (their paths are distinct, and no other issue has
 * them: an unknown field has no schema of its own).
 */
function addRulesIssues(issue: z.core.$ZodIssue, out: IssueList): void {
  const path = joinPath(issue.path);
  if (issue.code === "unrecognized_keys") {
    const container = issue.input;
    const keys = issue.keys;
    for (let k = 0; k < keys.length; k++) {
      if (out.kept.length >= MAX_ISSUES) {
        out.more += keys.length - k;
        return;
      }
      const key = keys[k] ?? "";
      out.add({
        path: path === "" ? key : `${path}.${key}`,
        expected: "no such field: unknown fields are not allowed (check the spelling)",
        received: describeValue(readOwn(container, key)),
      });
    }
    return;
  }
  if (path !== "" && issue.input === undefined && (issue.code === "invalid_type" || issue.code === "invalid_value" || issue.code === "invalid_union")) {
    out.add({ path, expected: `${issue.message} (the field is required)`, received: MISSING });
    return;
  }
  if (issue.code === "invalid_union" && issue.discriminator !== undefined) {
    // The discriminated union reports the whole object; show the bad `kind`.
    const kind = readOwn(issue.input, issue.discriminator);
    out.add(
      kind === undefined
        ? { path, expected: `${issue.message} (the field is required)`, received: MISSING }
        : { path, expected: issue.message, received: describeValue(kind) },
    );
    return;
  }
  out.add({ path, expected: issue.message, received: describeValue(issue.input) });
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
