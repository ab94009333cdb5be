/**
 * The order of the input never matters: a statement, a year report and an
 * index revision are the same whatever order the sessions and call-offs come
 * in (the lines are in date and id order; the cap is counted in date order,
 * ties by id).
 *
 * @module
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { contracts, Decimal, RulesError, statement, yearReport } from "../../src/index.js";
import { plausibleStatementArgs, plausibleYearReportArgs } from "./arbitraries.js";

/** A result as canonical text (Decimals as their exact strings), or the error's code. */
function canonical(fn: () => unknown): string {
  try {
    return JSON.stringify(fn(), (_key, value: unknown) => (Decimal.isDecimal(value) ? `D:${value.toString()}` : value));
  } catch (e) {
    if (e instanceof RulesError) return `RulesError ${e.code}`;
    throw e;
  }
}

/** `list` reordered by `keys` (one random key per item). */
function permute<T>(list: readonly T[], keys: readonly number[]): T[] {
  return list
    .map((item, i) => ({ item, key: keys[i] ?? 0, i }))
    .sort((a, b) => a.key - b.key || b.i - a.i)
    .map((e) => e.item);
}

const keys = fc.array(fc.integer(), { minLength: 60, maxLength: 60 });

describe("the order of sessions and call-offs does not matter", () => {
  test.prop([plausibleStatementArgs, keys, keys], { numRuns: 80 })("statement", ([contract, month, input], k1, k2) => {
    const given = input as { sessions: unknown[]; callOffs?: unknown[] };
    const shuffled = { ...given, sessions: permute(given.sessions, k1), ...(given.callOffs === undefined ? {} : { callOffs: permute(given.callOffs, k2) }) };
    const call = (i: unknown) => () => statement(contract as never, month as string, i as never);
    expect(canonical(call(shuffled))).toBe(canonical(call(given)));
  });

  test.prop([plausibleYearReportArgs, keys, keys], { numRuns: 40 })("yearReport", ([contract, year, input], k1, k2) => {
    const given = input as { sessions: unknown[]; callOffs?: unknown[] };
    const shuffled = { ...given, sessions: permute(given.sessions, k1), ...(given.callOffs === undefined ? {} : { callOffs: permute(given.callOffs, k2) }) };
    const call = (i: unknown) => () => yearReport(contract as never, year as number, i as never);
    expect(canonical(call(shuffled))).toBe(canonical(call(given)));
  });

  test.prop([keys], { numRuns: 30 })("statement: sessions on the day the cap is crossed, in any order", (k) => {
    // 2 590 hours of cap; 2 588 used by the 3rd of March, then twelve one-hour sessions the same day.
    const filler = Array.from({ length: 647 }, (_, i) => ({ id: `F${i.toString().padStart(4, "0")}`, date: "2022-03-01", minutes: 240, kind: "individual" as const }));
    const sameDay = Array.from({ length: 12 }, (_, i) => ({ id: `D${String.fromCharCode(65 + ((i * 7) % 12))}`, date: "2022-03-03", minutes: 60, kind: "individual" as const }));
    const sessions = [...filler, ...sameDay];
    const run = (list: typeof sessions) => () => statement(contracts.familjeradgivning, "2022-03", { sessions: list });
    expect(canonical(run(permute(sessions, [...k, ...k, ...k, ...k, ...k, ...k, ...k, ...k, ...k, ...k, ...k, ...k])))).toBe(canonical(run(sessions)));
  });
});
