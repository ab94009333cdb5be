import { describe, expect, it } from "vitest";
import { boendestodProcuredOptions, contracts, parseContract } from "../../src/contracts/index.js";
import { extendTerm, monthsInForce, termEnd, termMonths } from "../../src/contracts/index.js";
import { expectRulesError } from "../deadlines/helpers.js";

const boende = contracts.boendestod;

describe("termEnd and extendTerm (Boendestöd 2018: one extension of 2 years)", () => {
  it("the procured contracts run 2018-01-01 – 2019-12-31, extended once to 2021-12-31", () => {
    for (const c of [boendestodProcuredOptions.capio, boendestodProcuredOptions.stadsmissionen, boende]) {
      expect(termEnd(c)).toBe("2019-12-31");
      expect(termEnd(c, { extensionsUsed: 0 })).toBe("2019-12-31");
      expect(termEnd(c, { extensionsUsed: 1 })).toBe("2021-12-31");
    }
  });

  it("a second extension is EXTENSION_NOT_ALLOWED, citing the clause", () => {
    const e = expectRulesError(() => termEnd(boende, { extensionsUsed: 2 }), "EXTENSION_NOT_ALLOWED");
    expect(e.message).toContain("Boendestöd 2018, Ärende");
  });

  it("extendTerm returns a new frozen contract with the extension used up", () => {
    const extended = extendTerm(boendestodProcuredOptions.capio);
    expect(extended.term.end).toBe("2021-12-31");
    expect(extended.term.extensions?.count).toBe(0);
    expect(boendestodProcuredOptions.capio.term.end).toBe("2019-12-31");
    expect(boendestodProcuredOptions.capio.term.extensions?.count).toBe(1);
    expect(Object.isFrozen(extended.term)).toBe(true);
    expect(extended.notes.at(-1)).toContain("2021-12-31");
    expectRulesError(() => extendTerm(extended), "EXTENSION_NOT_ALLOWED");
    expectRulesError(() => extendTerm(boende, 2), "EXTENSION_NOT_ALLOWED");
    expectRulesError(() => extendTerm(boende, 0), "INVALID_ARGUMENT");
  });

  it("an open-ended commission has no end and cannot be extended", () => {
    expect(termEnd(contracts.familjeradgivning)).toBeNull();
    const e = expectRulesError(() => extendTerm(contracts.familjeradgivning), "EXTENSION_NOT_ALLOWED");
    expect(e.message).toContain("tills vidare");
    expectRulesError(() => termEnd(contracts.beroendemottagningen, { extensionsUsed: 1 }), "EXTENSION_NOT_ALLOWED");
  });

  it("an extension runs whole months from the day after the end (a February end stays a month's end)", () => {
    const plain = JSON.parse(JSON.stringify(boende)) as { term: { end: string; extensions: { months: number } }; compensation: { statedYears: unknown[] } };
    plain.term.end = "2019-02-28";
    plain.term.extensions.months = 12;
    plain.compensation.statedYears = []; // the stated 2019 figures would lie outside this shorter term
    const c = parseContract(plain);
    expect(termEnd(c, { extensionsUsed: 1 })).toBe("2020-02-29");
    // The extension's length is data: 12 months here, 24 in the text.
    expect(termEnd(boende, { extensionsUsed: 1 })).not.toBe(termEnd(c, { extensionsUsed: 1 }));
  });

  it("rejects a bad count", () => {
    expectRulesError(() => termEnd(boende, { extensionsUsed: -1 }), "INVALID_ARGUMENT");
    expectRulesError(() => termEnd(boende, { extensionsUsed: 0.5 }), "INVALID_ARGUMENT");
  });
});

describe("monthsInForce and termMonths (21 months: 9 of 2018, 12 of 2019)", () => {
  it("Leanlink's extended commission from 2018-04-01", () => {
    expect(monthsInForce(boende, 2017)).toBe(0);
    expect(monthsInForce(boende, 2018)).toBe(9);
    expect(monthsInForce(boende, 2019)).toBe(12);
    expect(monthsInForce(boende, 2020)).toBe(0);
    expect(monthsInForce(boende, 2020, { extensionsUsed: 1 })).toBe(12);
    const m = termMonths(boende);
    expect(m.months).toBe(21);
    expect(m.byYear).toEqual([
      { year: 2018, months: 9 },
      { year: 2019, months: 12 },
    ]);
    expect(termMonths(boende, { extensionsUsed: 1 }).months).toBe(45);
  });

  it("the months agree with the part-year figures the text states", () => {
    const comp = boende.compensation;
    if (comp.kind !== "hour-volume") throw new Error("hour-volume expected");
    for (const stated of comp.statedYears) expect(monthsInForce(boende, stated.year)).toBe(stated.months);
  });

  it("part months count by default and can be skipped", () => {
    // Beroendemottagningen starts 2021-04-01: whole months either way.
    expect(monthsInForce(contracts.beroendemottagningen, 2021)).toBe(9);
    expect(monthsInForce(contracts.beroendemottagningen, 2021, { partMonths: "skip" })).toBe(9);
    const plain = JSON.parse(JSON.stringify(contracts.beroendemottagningen)) as { term: { start: string } };
    plain.term.start = "2021-04-15";
    const mid = parseContract(plain);
    expect(monthsInForce(mid, 2021)).toBe(9);
    expect(monthsInForce(mid, 2021, { partMonths: "skip" })).toBe(8);
  });

  it("an open-ended term counts every month; termMonths needs `until`", () => {
    expect(monthsInForce(contracts.familjeradgivning, 2030)).toBe(12);
    expectRulesError(() => termMonths(contracts.familjeradgivning), "INVALID_ARGUMENT");
    expect(termMonths(contracts.familjeradgivning, { until: "2023-06-30" }).months).toBe(18);
  });

  it("an unknown start needs options.start", () => {
    expectRulesError(() => monthsInForce(contracts.valdINaraRelation, 2024), "UNKNOWN_START");
    expect(monthsInForce(contracts.valdINaraRelation, 2020, { start: "2020-03-01" })).toBe(10);
    expectRulesError(() => monthsInForce(boende, 2018, { start: "2018-01-01" }), "INVALID_ARGUMENT");
  });
});
