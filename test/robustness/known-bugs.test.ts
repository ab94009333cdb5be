/**
 * The smallest cases of the bugs the fuzzing (fuzz.test.ts) found, one test
 * each, so a fix can be checked on its own; once fixed they stay as
 * regression tests. A failing one is a bug in src/: none is to be loosened
 * or skipped. Each expects what the API promises
 * (docs: API.md "Errors"): bad input is a RulesError with a code, never a
 * TypeError, RangeError, decimal.js Error or a silently wrong text.
 *
 * @module
 */
import { describe, expect, it } from "vitest";
import * as lib from "../../src/index.js";
import { contracts, RulesError } from "../../src/index.js";

/** The RulesError `fn` throws; fails, naming what happened, when it throws something else or nothing. */
function rulesErrorOf(fn: () => unknown): RulesError {
  let result: unknown;
  try {
    result = fn();
  } catch (e) {
    if (e instanceof RulesError) return e;
    const what = e instanceof Error ? `${e.constructor.name}: ${e.message}` : String(e);
    return expect.fail(`expected a RulesError, received ${what}`);
  }
  return expect.fail(`expected a RulesError, received a result: ${((JSON.stringify(result) as string | undefined) ?? "undefined").slice(0, 200)}`);
}

/** Calls an export by name with arguments its types would not allow. */
function callAny(name: string, ...args: unknown[]): unknown {
  return ((lib as Record<string, unknown>)[name] as (...a: unknown[]) => unknown)(...args);
}

const notice = { receivedOn: "2022-01-10", form: "written" };

describe("known bugs: a non-contract passed as the contract (was a TypeError)", () => {
  const calls: [string, unknown[]][] = [
    ["indexedAmount", [2022]],
    ["annualAmount", [2022]],
    ["visitFee", [2022]],
    ["groupRuleOf", []],
    ["noticePeriod", [notice]],
    ["noticeEnd", [notice]],
    ["applyNotice", [notice]],
    ["earlyTermination", ["2022-01-10"]],
    ["termEnd", []],
    ["extendTerm", []],
    ["monthsInForce", [2022]],
    ["termMonths", []],
    ["deadlines", [2022]],
    ["obligations", ["2022-01-01", "2022-12-31"]],
    ["waitingTimes", [[]]],
    ["openingStatus", ["2022-01-10T10:00:00+01:00"]],
    ["isOpen", ["2022-01-10T10:00:00+01:00"]],
  ];
  for (const [name, rest] of calls) {
    it(`${name}({}, …) throws a RulesError naming the contract`, () => {
      // The code is the lead's choice: INVALID_CONTRACT (ensureContract) or INVALID_ARGUMENT (checkContract).
      expect(["INVALID_CONTRACT", "INVALID_ARGUMENT"]).toContain(rulesErrorOf(() => callAny(name, {}, ...rest)).code);
      expect(["INVALID_CONTRACT", "INVALID_ARGUMENT"]).toContain(rulesErrorOf(() => callAny(name, 0, ...rest)).code);
    });
  }
});

describe("known bugs: statement and yearReport check the contract only shallowly", () => {
  /** Familjerådgivning as plain data (not through parseContract), changed by `patch`. */
  const unparsed = (patch: (c: Record<string, unknown>) => void): unknown => {
    const c = JSON.parse(JSON.stringify(contracts.familjeradgivning)) as Record<string, unknown>;
    patch(c);
    return c;
  };
  const index = { name: "uppräkningsmodell", percent: { 2023: "2.0" } };

  it("statement on a contract without its indexation field throws a RulesError (TypeError 'firstAdjustedYear' in adjustedYears)", () => {
    const c = unparsed((k) => delete k.indexation);
    rulesErrorOf(() => callAny("statement", c, "2023-01", { index }));
  });

  it("yearReport on a contract without its indexation field throws a RulesError", () => {
    const c = unparsed((k) => delete k.indexation);
    rulesErrorOf(() => callAny("yearReport", c, 2023, { index }));
  });

  it("statement on a contract whose term.clause is not a string throws a RulesError (TypeError in clauses/termWindow)", () => {
    const c = unparsed((k) => {
      (k.term as Record<string, unknown>).clause = Object.create(null) as unknown;
    });
    rulesErrorOf(() => callAny("statement", c, "2022-01"));
  });
});

describe("known bugs: contract-shaped data that did not go through parseContract", () => {
  it("termEnd on an option whose term has no end field throws a RulesError instead of returning undefined", () => {
    const c = JSON.parse(JSON.stringify(lib.boendestodProcuredOptions.capio)) as { term: Record<string, unknown> };
    delete c.term.end;
    rulesErrorOf(() => callAny("termEnd", c));
  });
  it("extendTerm on a contract without notes throws a RulesError, not 'TypeError: contract.notes is not iterable'", () => {
    const c = JSON.parse(JSON.stringify(contracts.boendestod)) as Record<string, unknown>;
    delete c.notes;
    rulesErrorOf(() => callAny("extendTerm", c));
  });
});

describe("known bugs: options given as null", () => {
  it("twelfths(amount, null) throws a RulesError (TypeError reading 'remainder' of null)", () => {
    rulesErrorOf(() => callAny("twelfths", 0, null));
  });
  it("formatSek(amount, null) throws a RulesError (TypeError reading 'unit' of null)", () => {
    rulesErrorOf(() => callAny("formatSek", 5, null));
  });
  it("indexedAmount(contract, year, null) throws a RulesError (TypeError reading 'rounding' of null)", () => {
    rulesErrorOf(() => callAny("indexedAmount", contracts.beroendemottagningen, 2022, null));
  });
  it("annualAmount(contract, year, null) throws a RulesError", () => {
    rulesErrorOf(() => callAny("annualAmount", contracts.beroendemottagningen, 2022, null));
  });
  it("visitFee(contract, year, null) throws a RulesError (TypeError reading 'rule' of null)", () => {
    rulesErrorOf(() => callAny("visitFee", contracts.familjeradgivning, 2022, null));
  });
});

describe("known bugs: money helpers", () => {
  it("roundToOre(undefined) and roundToOre('abc') throw a RulesError, not decimal.js's '[DecimalError] Invalid argument'", () => {
    rulesErrorOf(() => callAny("roundToOre", undefined));
    rulesErrorOf(() => callAny("roundToOre", "abc"));
  });
  it("divideRound(1, undefined) throws a RulesError, not 'TypeError: Cannot convert undefined to a BigInt'", () => {
    rulesErrorOf(() => callAny("divideRound", 1, undefined));
  });
  it("shareOfOre with a fractional or non-numeric numerator/denominator throws a RulesError, not RangeError/SyntaxError from BigInt()", () => {
    rulesErrorOf(() => callAny("shareOfOre", 1, 0.5, 2));
    rulesErrorOf(() => callAny("shareOfOre", 0, 0, "x"));
    rulesErrorOf(() => callAny("shareOfOre", 1, -5e-324, 0));
  });
  it("sumOre(0) throws a RulesError, not 'TypeError: values is not iterable'", () => {
    rulesErrorOf(() => callAny("sumOre", 0));
  });
});

describe("known bugs: texts and errors from odd arguments", () => {
  it("reportTitle with an unknown kind or a non-year throws a RulesError instead of 'undefined 2015' / 'Verksamhetsberättelse NaN'", () => {
    rulesErrorOf(() => callAny("reportTitle", 0, 2015));
    rulesErrorOf(() => callAny("reportTitle", "activity-report", Number.NaN));
    rulesErrorOf(() => callAny("reportTitle", "activity-report", {}));
  });
  it("fieldError and new RulesError never throw a TypeError on a field or message that cannot be turned into text", () => {
    expect(callAny("fieldError", "INVALID_INPUT", Object.create(null), "x", 1)).toBeInstanceOf(RulesError);
    expect(Reflect.construct(lib.RulesError, ["INVALID_INPUT", Object.create(null)])).toBeInstanceOf(RulesError);
  });
  it("fieldError and new RulesError given a code that is not a string still carry a string code (found: code NaN)", () => {
    expect(typeof (callAny("fieldError", Number.NaN, "x", "y", 1) as RulesError).code).toBe("string");
    expect(typeof (Reflect.construct(lib.RulesError, [Number.NaN, "message"]) as RulesError).code).toBe("string");
  });
  it("a field name that cannot be turned into text (the optional `field` argument) never turns a RulesError into a TypeError", () => {
    const field = Object.create(null) as unknown;
    rulesErrorOf(() => callAny("resolveSeries", "OPI", { name: "KPI" }, { toString: 1 }));
    rulesErrorOf(() => callAny("parseLocalDate", 0, field));
    rulesErrorOf(() => callAny("parseYearMonth", 0, field));
    rulesErrorOf(() => callAny("parseRoundingMode", 0, field));
    rulesErrorOf(() => callAny("parsePercent", undefined, field));
    rulesErrorOf(() => callAny("toOre", "x", field));
  });
});
