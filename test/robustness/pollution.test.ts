/**
 * Prototype pollution: a `__proto__` key (as `JSON.parse` makes one, an own
 * property) anywhere in a contract, in sessions, in an index series, in
 * call-offs, in policies or in `paid` never reaches `Object.prototype`, and
 * never changes a figure through an object's prototype chain.
 *
 * @module
 */
import { afterEach, describe, expect, it } from "vitest";
import { annualAmount, contracts, parseContract, RulesError, statement, yearReport } from "../../src/index.js";
import { SHIPPED_JSON } from "./arbitraries.js";

const PAYLOAD = '{"polluted": 1, "kind": "hourly", "2022": "50", "2023": "50", "overCap": "pay-with-warning", "hours": "1000000", "form": "written"}';

/** `{"__proto__": payload}` as JSON.parse makes it: an own key named __proto__. */
function protoObject(extra = ""): Record<string, unknown> {
  return JSON.parse(`{"__proto__": ${PAYLOAD}${extra}}`) as Record<string, unknown>;
}

const prototypeKeys = (): string[] => [...Object.getOwnPropertyNames(Object.prototype), ...Object.getOwnPropertyNames(Array.prototype)].sort();
const cleanKeys = prototypeKeys();

function expectUnpolluted(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined();
  expect(prototypeKeys()).toEqual(cleanKeys);
}

/** Runs `fn`: it may return or throw a RulesError, nothing else. */
function settle<T>(fn: () => T): T | RulesError {
  try {
    return fn();
  } catch (e) {
    if (e instanceof RulesError) return e;
    throw e;
  }
}

/** Every object inside a JSON tree, as a path. */
function objectPaths(value: unknown, prefix: string[] = [], out: string[][] = []): string[][] {
  if (typeof value !== "object" || value === null) return out;
  out.push(prefix);
  for (const [k, v] of Object.entries(value)) objectPaths(v, [...prefix, k], out);
  return out;
}

function at(root: unknown, path: readonly string[]): Record<string, unknown> {
  let node = root;
  for (const key of path) node = (node as Record<string, unknown>)[key];
  return node as Record<string, unknown>;
}

afterEach(() => {
  // Clean up if a test failed half-way, so the others still see a clean prototype.
  delete (Object.prototype as Record<string, unknown>).polluted;
});

describe("prototype pollution", () => {
  it("parseContract: a __proto__ key at every object of every shipped contract", () => {
    let cases = 0;
    for (const json of SHIPPED_JSON) {
      for (const path of objectPaths(json)) {
        const copy = JSON.parse(JSON.stringify(json)) as unknown;
        const target = at(copy, path);
        Object.defineProperty(target, "__proto__", { value: JSON.parse(PAYLOAD) as unknown, enumerable: true, writable: true, configurable: true });
        const result = settle(() => parseContract(copy));
        expectUnpolluted();
        if (!(result instanceof RulesError)) {
          // Accepted (the key ignored): the parsed contract must not have picked the payload up anywhere.
          expect(JSON.stringify(result)).not.toContain("polluted");
          expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
          expect((result as unknown as Record<string, unknown>).polluted).toBeUndefined();
        }
        cases++;
      }
    }
    expect(cases).toBeGreaterThan(50);
  });

  it("parseContract: the whole input a __proto__ object", () => {
    expect(settle(() => parseContract(protoObject()))).toBeInstanceOf(RulesError);
    expectUnpolluted();
  });

  const base = { id: "S1", date: "2022-03-02", minutes: 50, kind: "individual" as const };

  it("statement: __proto__ in a session, in the input, in call-offs, in policies", () => {
    const reference = statement(contracts.familjeradgivning, "2022-03", { sessions: [base] });
    const variants: unknown[] = [
      { sessions: [{ ...base, ...protoObject() }] },
      { sessions: [protoObject(`, "id": "S1", "date": "2022-03-02", "minutes": 50, "kind": "individual"`)] },
      { ...protoObject(), sessions: [base] },
      protoObject(`, "sessions": [{"id": "S1", "date": "2022-03-02", "minutes": 50, "kind": "individual"}]`),
      { sessions: [base], callOffs: [protoObject(`, "id": "A1", "date": "2022-03-01", "hours": "10", "form": "written"`)] },
      { sessions: [base], callOffs: [protoObject()] },
      { sessions: [base], policies: protoObject() },
      { sessions: JSON.parse('[{"id": "__proto__", "date": "2022-03-02", "minutes": 50, "kind": "individual"}]') as unknown },
    ];
    for (const input of variants) {
      const result = settle(() => statement(contracts.familjeradgivning, "2022-03", input as Parameters<typeof statement>[2]));
      expectUnpolluted();
      if (!(result instanceof RulesError)) {
        // Accepted: the payload changed nothing (no pay-with-warning policy, no extra hours).
        expect(result.total.toFixed(2)).toBe(reference.total.toFixed(2));
        expect(result.policies.overCap).toBe("not-payable");
      }
    }
  });

  it("index series: a __proto__ key in percent or values never supplies a year", () => {
    const reference = annualAmount(contracts.beroendemottagningen, 2022);
    const series: unknown[] = [
      { name: "OPI", percent: protoObject() },
      { name: "OPI", values: JSON.parse('{"__proto__": {"2022": {"percent": "50"}}}') as unknown },
      { ...protoObject(), name: "OPI" },
      JSON.parse(`{"__proto__": {"name": "OPI", "percent": {"2022": "50"}}}`) as unknown,
    ];
    for (const index of series) {
      const result = settle(() => annualAmount(contracts.beroendemottagningen, 2022, { index: index as { name: string } }));
      expectUnpolluted();
      if (!(result instanceof RulesError)) expect(result.toFixed(2)).toBe(reference.toFixed(2));
    }
  });

  it("yearReport: a __proto__ key in paid never counts as a payment", () => {
    const reference = yearReport(contracts.valdINaraRelation, 2020, { start: "2020-01-01" });
    const result = settle(() => yearReport(contracts.valdINaraRelation, 2020, { start: "2020-01-01", paid: JSON.parse('{"__proto__": {"2020-01": "1000000"}}') as Record<string, string> }));
    expectUnpolluted();
    if (!(result instanceof RulesError)) expect(result.reconciliation?.paid.toFixed(2)).toBe(reference.reconciliation?.paid.toFixed(2));
  });

  it("visitFeeRule: a __proto__ key in amounts never supplies a fee", () => {
    const result = settle(() =>
      statement(contracts.familjeradgivning, "2023-03", {
        sessions: [{ ...base, date: "2023-03-02" }],
        index: { name: "uppräkningsmodell", percent: { 2023: "2.0" } },
        visitFeeRule: { amounts: JSON.parse('{"__proto__": {"2023": "999"}}') as Record<string, string> },
      }),
    );
    expectUnpolluted();
    if (!(result instanceof RulesError)) expect(result.feesOwedToPurchaser.toFixed(2)).not.toBe("999.00");
  });
});
