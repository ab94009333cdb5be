/**
 * From a zod schema's issues to a {@link RulesError}: one issue per field,
 * each as `path: expected …, received …`, bounded in number. Shared by every
 * validation of plain data against a schema (a commission, a posting
 * configuration).
 *
 * Not exported from the package.
 *
 * @module
 */
import * as z from "zod/mini";
import { MAX_ISSUES, RulesError, describeValue, type RulesErrorCode, type RulesIssue } from "./errors.js";

/** How a missing field is shown as received. */
const MISSING = "nothing (the field is missing)";

/** How many issues the error message lists before "and N more". */
const MESSAGE_ISSUES = 5;

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

/**
 * The error for data that failed its schema: `Invalid <what> (N
 * problems): path: expected …, received …; …` listing the first five, with
 * every kept issue in `issues`.
 *
 * @param issues - the issues found
 * @param code - the error's code
 * @param what - what was validated, e.g. `"contract"`
 * @param whole - how the whole input is named when an issue has no path, e.g. `"(the commission)"`
 * @returns the error, to be thrown
 */
function issuesError(issues: IssueList, code: RulesErrorCode, what: string, whole: string): RulesError {
  const lines = issues.kept.slice(0, MESSAGE_ISSUES).map((issue) => `${issue.path === "" ? whole : issue.path}: expected ${issue.expected}, received ${issue.received}`);
  const total = issues.total;
  const more = total > MESSAGE_ISSUES ? `; and ${(total - MESSAGE_ISSUES).toString()} more` : "";
  const count = total === 1 ? "1 problem" : `${total.toString()} problems`;
  return new RulesError(code, `Invalid ${what} (${count}): ${lines.join("; ")}${more}`, issues.kept, issues.more);
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
function addZodIssue(issue: z.core.$ZodIssue, out: IssueList): void {
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

/** Freezes a validated value and everything in it. */
function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/**
 * @internal Validates plain data against a zod schema and returns it
 * deep-frozen: the one way a commission or a posting configuration is read.
 * Anything the schema refuses, and an input whose reading throws (a getter
 * or a Proxy), is a {@link RulesError} with `code` listing every bad field.
 *
 * @param schema - the schema
 * @param input - the caller's data
 * @param labels - the error's code, what is validated (`"contract"`), how the whole input is named (`"(the commission)"`) and what it must be as a whole
 * @returns the validated data, deep-frozen
 */
export function validatedData<S extends z.core.$ZodType>(
  schema: S,
  input: unknown,
  labels: { code: RulesErrorCode; what: string; whole: string; expected: string },
): z.output<S> {
  let result: z.core.util.SafeParseResult<z.output<S>>;
  try {
    // zod's own function, not the schema's method: a commission's schema is a zod/mini one, a posting configuration's a classic one.
    result = z.safeParse(schema, input, { reportInput: true });
  } catch (cause) {
    // Only exotic inputs get here: getters or proxies that throw while read.
    const issues = new IssueList();
    issues.add({ path: "", expected: labels.expected, received: `an object that could not be read (${cause instanceof Error ? cause.name : "error"})` });
    throw issuesError(issues, labels.code, labels.what, labels.whole);
  }
  if (!result.success) {
    const issues = new IssueList();
    for (const issue of result.error.issues) addZodIssue(issue, issues);
    throw issuesError(issues, labels.code, labels.what, labels.whole);
  }
  return deepFreeze(result.data);
}
