/**
 * The fuzzing of one exported function, as it runs inside the worker thread
 * (fuzz-worker.mjs): fast-check draws arguments from the table, calls the
 * function, and checks that it either returned a sound result or threw a
 * RulesError, quickly, without changing its input.
 *
 * Before each call it posts a short description of the arguments, so that
 * the test, watching from the main thread, can name the call that hangs.
 *
 * @module
 */
import fc from "fast-check";
import * as lib from "../../src/index.js";
import { call, deepFreeze, errorProblem, objectsOf, resultProblems, sameSnapshot, snapshot, stringsOf } from "./checks.js";
import { TABLE } from "./table.js";

/** A call taking longer than this is a failure (the machine is shared: generous). */
export const SLOW_MS = 2_500;

/** What the worker reports for one function. */
export interface FuzzReport {
  name: string;
  skipped?: string;
  runs: number;
  seed: number;
  /** The failure, with the smallest counterexample fast-check found. */
  failure?: string;
  /** How many calls returned, and how many threw a RulesError. */
  returned: number;
  rejected: number;
}

/** A short, safe description of a value for a report. */
export function brief(value: unknown, depth = 0): string {
  const cut = (s: string): string => (s.length > 120 ? `${s.slice(0, 100)}…(${s.length.toString()} chars)` : s);
  try {
    if (typeof value === "string") return cut(JSON.stringify(value));
    if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
    if (typeof value === "bigint") return `${value.toString()}n`;
    if (typeof value === "function") return "[function]";
    if (typeof value === "symbol") return value.toString();
    if (typeof value !== "object" || value === null) return String(value);
    if (lib.Decimal.isDecimal(value)) return `Decimal(${value.toString()})`;
    if (depth > 3) return Array.isArray(value) ? "[…]" : "{…}";
    const frozen = Object.isFrozen(value) ? "frozen " : "";
    if (Array.isArray(value)) {
      const items: string[] = [];
      for (let i = 0; i < Math.min(value.length, 8); i++) items.push(i in value ? brief(value[i], depth + 1) : "<hole>");
      return `${frozen}[${items.join(", ")}${value.length > 8 ? `, …${value.length.toString()} items` : ""}]`;
    }
    const proto = Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null;
    const name = proto === null ? "null-proto " : proto === Object.prototype ? "" : `${proto.constructor?.name ?? "?"} `;
    const keys = Reflect.ownKeys(value).slice(0, 12);
    const parts = keys.map((k) => {
      const d = Object.getOwnPropertyDescriptor(value, k);
      return `${String(k)}: ${d === undefined ? "?" : "value" in d ? brief(d.value, depth + 1) : "[getter]"}`;
    });
    return `${frozen}${name}{${parts.join(", ")}}`;
  } catch {
    return "[unprintable]";
  }
}

/**
 * Fuzzes one exported function.
 *
 * @param name - the export
 * @param numRuns - how many argument tuples
 * @param seed - fast-check's seed
 * @param beforeCall - told each call's arguments before it is made
 * @param scale - a factor on the runs (ROBUSTNESS_SCALE), to explore more
 * @returns the report
 */
export function fuzz(name: string, numRuns: number, seed: number, beforeCall: (text: string) => void, scale = 1): FuzzReport {
  const entry = TABLE[name];
  const fn = (lib as Record<string, unknown>)[name];
  if (entry === undefined) return { name, skipped: "no row in the table", runs: 0, seed, returned: 0, rejected: 0 };
  if (typeof fn !== "function") return { name, skipped: "not exported (yet)", runs: 0, seed, returned: 0, rejected: 0 };
  const runs = Math.max(1, Math.round((entry.numRuns ?? numRuns) * scale));
  let returned = 0;
  let rejected = 0;
  const property = fc.property(entry.args, fc.boolean(), (args, freeze) => {
    const inputText = stringsOf(args);
    const inputObjects = objectsOf(args);
    inputObjects.delete(args);
    let before: string[] | undefined;
    if (freeze) deepFreeze(args);
    else before = args.map(snapshot);
    beforeCall(`${name}(${args.map((a) => brief(a)).join(", ")})${freeze ? " [deep-frozen]" : ""}`);
    const outcome = call(fn as (...a: unknown[]) => unknown, args, entry.construct === true);
    const problems: string[] = [];
    if (outcome.kind === "threw") {
      const p = errorProblem(outcome.error);
      if (p === undefined) rejected++;
      else problems.push(p);
    } else {
      returned++;
      problems.push(...resultProblems(outcome.value, inputText, inputObjects));
      const law = entry.check?.(outcome.value, args);
      if (law !== undefined) problems.push(`law broken: ${law}`);
    }
    if (outcome.ms > SLOW_MS) problems.push(`took ${outcome.ms.toFixed(0)} ms`);
    if (before !== undefined) {
      const after = args.map(snapshot);
      args.forEach((_, i) => {
        if (!sameSnapshot(before[i] ?? "", after[i] ?? "")) problems.push(`argument ${(i + 1).toString()} was changed by the call`);
      });
    }
    if (problems.length > 0) throw new Error(problems.join("\n"));
  });
  const result = fc.check(property, { numRuns: runs, seed, interruptAfterTimeLimit: 15_000, markInterruptAsFailure: false });
  if (!result.failed) return { name, runs, seed, returned, rejected };
  const example = result.counterexample;
  const args = example === null ? "?" : `${name}(${example[0].map((a) => brief(a)).join(", ")})${example[1] ? " [deep-frozen]" : ""}`;
  const error = result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
  return {
    name,
    runs,
    seed,
    returned,
    rejected,
    failure: `${error}\n  smallest case found: ${args}\n  (seed ${seed.toString()}, path ${result.counterexamplePath ?? "?"}; replay with fc.check(..., { seed, path }))`,
  };
}
