/**
 * RulesError across copies of the package, and bounded messages and issue
 * lists (issue 18).
 *
 * @module
 */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { billableHours, contracts, MAX_ISSUES, MAX_MESSAGE_LENGTH, RulesError, statement } from "../../src/index.js";

const require = createRequire(import.meta.url);

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return expect.fail("expected an error");
}

describe("RulesError from another copy of the package (CommonJS beside ESM)", () => {
  it("is recognised by RulesError.is and instanceof", () => {
    const cjs = require("../../dist/index.cjs") as typeof import("../../src/index.js");
    expect(cjs.RulesError).not.toBe(RulesError);
    const e = thrown(() => cjs.billableHours(-5));
    expect(RulesError.is(e)).toBe(true);
    expect(e instanceof RulesError).toBe(true);
    const own = thrown(() => billableHours(-5));
    expect(own instanceof cjs.RulesError).toBe(true);
  });

  it("and nothing else is", () => {
    for (const v of [new Error("x"), null, undefined, "RulesError", { code: "INVALID_ARGUMENT", name: "RulesError" }, new Proxy({}, { get: () => { throw new Error("trap"); } })]) {
      expect(RulesError.is(v)).toBe(false);
      expect(v instanceof RulesError).toBe(false);
    }
  });
});

describe("messages and issue lists are bounded", () => {
  it("a statement for 9999-12 names the missing index years as a range, in one short message", () => {
    const e = thrown(() => statement(contracts.beroendemottagningen, "9999-12")) as RulesError;
    expect(e.code).toBe("MISSING_INDEX");
    expect(e.message.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
    expect(e.message).toContain("2024–9999");
    expect(e.issues).toHaveLength(MAX_ISSUES);
    expect(e.moreIssues).toBe(9999 - 2024 + 1 - MAX_ISSUES);
  });

  it("a long message is cut, saying how much was left out", () => {
    const e = new RulesError("INVALID_INPUT", "x".repeat(10_000));
    expect(e.message).toHaveLength(MAX_MESSAGE_LENGTH - 40 + "… (8040 more characters)".length);
    expect(e.message.endsWith("… (8040 more characters)")).toBe(true);
  });
});
