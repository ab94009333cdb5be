import { describe, expect, it } from "vitest";
import { boendestodProcuredOptions, contracts, parseContract } from "../../src/contracts/index.js";
import { RulesError } from "../../src/errors.js";
import { copy, draft, issueAt, issuesOf } from "./helpers.js";

describe("parseContract: one test per kind of mistake", () => {
  it("wrong type: names the path, what was expected and what came", () => {
    const d = draft("beroendemottagningen");
    d.notice.months = "12";
    const issue = issueAt(issuesOf(d), "notice.months");
    expect(issue.expected).toMatch(/integer/);
    expect(issue.received).toBe('"12"');
  });

  it("missing field: says the field is required", () => {
    const d = draft("familjeradgivning");
    delete d.notice;
    delete d.compensation.billableTime.unit;
    const issues = issuesOf(d);
    expect(issueAt(issues, "notice").expected).toMatch(/required/);
    expect(issueAt(issues, "compensation.billableTime.unit").expected).toMatch(/started-quarter-hour.*required/);
    expect(issueAt(issues, "notice").received).toMatch(/missing/);
  });

  it("unknown key: a typo is an error at its own path", () => {
    const d = draft("beroendemottagningen");
    d.compensation.ammount = "1";
    d.colour = "blue";
    const issues = issuesOf(d);
    expect(issueAt(issues, "compensation.ammount").expected).toMatch(/unknown fields are not allowed/);
    expect(issueAt(issues, "compensation.ammount").received).toBe('"1"');
    expect(issueAt(issues, "colour").received).toBe('"blue"');
  });

  it('bad money "12,5": asks for a string with at most two decimals', () => {
    const d = draft("familjeradgivning");
    d.compensation.rate = "12,5";
    const issue = issueAt(issuesOf(d), "compensation.rate");
    expect(issue).toEqual({
      path: "compensation.rate",
      expected: 'money as a string with at most two decimals, e.g. "605.00"',
      received: '"12,5"',
    });
  });

  it.each([["605.005"], ["-605"], [" 605"], ["605."], ["6e2"], [""], ["1234567890123"]])("bad money %j", (bad) => {
    const d = draft("familjeradgivning");
    d.compensation.rate = bad;
    expect(issueAt(issuesOf(d), "compensation.rate").expected).toMatch(/^money as a string/);
  });

  it.each([["605"], ["605.0"], ["605.00"], ["0.5"], ["999999999999.99"]])("good money %j", (good) => {
    const d = draft("familjeradgivning");
    d.compensation.rate = good;
    expect(parseContract(d).compensation).toMatchObject({ rate: good });
  });

  it("number as money: rejected, never read as a float", () => {
    const d = draft("valdINaraRelation");
    d.compensation.amount = 4093284;
    d.insurance.personalInjury = 20e6;
    const issues = issuesOf(d);
    expect(issueAt(issues, "compensation.amount")).toEqual({
      path: "compensation.amount",
      expected: 'money as a string with at most two decimals, e.g. "605.00"',
      received: "4093284",
    });
    expect(issueAt(issues, "insurance.personalInjury").received).toBe("20000000");
  });

  it("hours and percentages: decimal strings with at most two decimals", () => {
    const d = draft("valdINaraRelation");
    d.expectedResults[0].targetPercent = 100;
    d.expectedResults[1].targetPercent = "80,5";
    const issues = issuesOf(d);
    expect(issueAt(issues, "expectedResults.0.targetPercent").expected).toMatch(/percentage/);
    expect(issueAt(issues, "expectedResults.1.targetPercent").received).toBe('"80,5"');
  });

  it('bad date "2024-02-30": not a calendar date', () => {
    const d = draft("beroendemottagningen");
    d.term.start = "2024-02-30";
    d.indexation.fixedUntil = "2021-12-31T00:00:00Z";
    d.date = "2021-13-01";
    const issues = issuesOf(d);
    expect(issueAt(issues, "term.start")).toEqual({
      path: "term.start",
      expected: 'a date "YYYY-MM-DD" that exists in the calendar, e.g. "2022-01-01", or "unknown" when the text gives no start date',
      received: '"2024-02-30"',
    });
    expect(issueAt(issues, "indexation.fixedUntil").expected).toMatch(/YYYY-MM-DD/);
    expect(issueAt(issues, "date").received).toBe('"2021-13-01"');
  });

  it("a real leap day is a date", () => {
    const d = draft("beroendemottagningen");
    d.date = "2024-02-29";
    expect(parseContract(d).date).toBe("2024-02-29");
  });

  it("unknown compensation kind: names compensation.kind and the three kinds", () => {
    const d = draft("beroendemottagningen");
    d.compensation.kind = "fixed";
    const issue = issueAt(issuesOf(d), "compensation.kind");
    expect(issue.expected).toBe('kind one of "fixed-annual", "hourly", "hour-volume"');
    expect(issue.received).toBe('"fixed"');
  });

  it("compensation that is not an object, or has no kind", () => {
    const d = draft("familjeradgivning");
    d.compensation = "605";
    expect(issueAt(issuesOf(d), "compensation").expected).toMatch(/^the compensation as an object with kind/);
    const e = draft("familjeradgivning");
    delete e.compensation.kind;
    expect(issueAt(issuesOf(e), "compensation.kind")).toEqual({
      path: "compensation.kind",
      expected: 'kind one of "fixed-annual", "hourly", "hour-volume" (the field is required)',
      received: "nothing (the field is missing)",
    });
  });

  it("enums and literals list what is allowed", () => {
    const d = draft("familjeradgivning");
    d.notice.givenBy = "both";
    d.notice.form = "oral";
    const issues = issuesOf(d);
    expect(issueAt(issues, "notice.givenBy").expected).toBe('one of "either", "purchaser", "provider"');
    expect(issueAt(issues, "notice.form").expected).toBe('exactly "written"');
  });

  it("lists EVERY bad field, and the message names the first few", () => {
    const d = draft("familjeradgivning");
    d.id = "Familj Rådgivning";
    d.compensation.rate = 605;
    d.compensation.yearlyCap.hours = "2 590";
    d.term.start = "2022-1-1";
    d.notice.months = 0;
    d.reporting[0].dueDay = 32;
    d.serviceLevels.openingHours.from = "8:00";
    try {
      parseContract(d);
      expect.unreachable();
    } catch (error) {
      const e = error as RulesError;
      expect(e.issues.map((i) => i.path).sort()).toEqual(
        [
          "id",
          "compensation.rate",
          "compensation.yearlyCap.hours",
          "term.start",
          "notice.months",
          "reporting.0.dueDay",
          "serviceLevels.openingHours.from",
        ].sort(),
      );
      expect(e.message).toMatch(/^Invalid contract \(7 problems\): /);
      expect(e.message).toContain("and 2 more");
      expect(e.message).toContain(`${e.issues[0]!.path}: expected ${e.issues[0]!.expected}, received ${e.issues[0]!.received}`);
    }
  });

  it.each([
    [null, "null"],
    [undefined, "undefined"],
    ["familjeradgivning", '"familjeradgivning"'],
    [42, "42"],
    [[], "an array of 0"],
  ])("not an object (%j): one issue at the root", (input, received) => {
    const issues = issuesOf(input);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: "", received });
    expect(issues[0]!.expected).toMatch(/commission as an object/);
  });

  it("an empty object: every required field is named", () => {
    const paths = issuesOf({}).map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining(["id", "title", "document", "term", "compensation", "reporting", "notes", "eligibility"]),
    );
    expect(paths).toHaveLength(23);
  });
});

describe("parseContract: cross-field checks", () => {
  it("term.end before term.start", () => {
    const d = copy(contracts.boendestod);
    d.term.end = "2018-03-31";
    d.compensation.statedYears = [];
    const issue = issueAt(issuesOf(d), "term.end");
    expect(issue.expected).toBe("a date on or after the start 2018-04-01");
    expect(issue.received).toBe('"2018-03-31"');
  });

  it("a term may end on its first day", () => {
    const d = copy(contracts.boendestod);
    d.term.end = "2018-04-01";
    d.compensation.statedYears = [];
    expect(parseContract(d).term.end).toBe("2018-04-01");
  });

  it("extensions without a fixed end", () => {
    const d = draft("familjeradgivning");
    d.term.extensions = { count: 1, months: 24, clause: "SON 2021-233 §1.1" };
    expect(issueAt(issuesOf(d), "term.extensions").expected).toMatch(/without a fixed end/);
  });

  it("extensions: months at least 1, count not negative", () => {
    const d = draft("boendestod");
    d.term.extensions.months = 0;
    d.term.extensions.count = -1;
    const issues = issuesOf(d);
    expect(issueAt(issues, "term.extensions.months").expected).toMatch(/1 or more/);
    expect(issueAt(issues, "term.extensions.count").expected).toMatch(/0 or more/);
  });

  it("groupRule.minParticipants 0", () => {
    const d = draft("familjeradgivning");
    d.compensation.groupRule.minParticipants = 0;
    expect(issueAt(issuesOf(d), "compensation.groupRule.minParticipants").expected).toMatch(/1 or more/);
  });

  it("groupRule.minMinutes > maxMinutes", () => {
    const d = draft("familjeradgivning");
    d.compensation.groupRule.minMinutes = 121;
    const issue = issueAt(issuesOf(d), "compensation.groupRule.maxMinutes");
    expect(issue).toEqual({ path: "compensation.groupRule.maxMinutes", expected: "at least minMinutes (121)", received: "120" });
  });

  it("a yearly cap below zero or of zero", () => {
    const d = draft("familjeradgivning");
    d.compensation.yearlyCap.hours = "-5";
    expect(issueAt(issuesOf(d), "compensation.yearlyCap.hours").expected).toMatch(/cannot be negative/);
    d.compensation.yearlyCap.hours = "0";
    expect(issueAt(issuesOf(d), "compensation.yearlyCap.hours").expected).toMatch(/more than zero/);
  });

  it("priceYear after the start year (fixed-annual)", () => {
    const d = draft("beroendemottagningen");
    d.compensation.priceYear = 2022;
    d.indexation.firstAdjustedYear = 2023;
    d.indexation.fixedUntil = "2022-12-31";
    const issue = issueAt(issuesOf(d), "compensation.priceYear");
    expect(issue.expected).toBe("a price year no later than the start year 2021 (term.start 2021-04-01)");
    expect(issue.received).toBe("2022");
  });

  it("priceYear after the start year (hourly)", () => {
    const d = draft("familjeradgivning");
    d.term.start = "2021-12-31";
    expect(issueAt(issuesOf(d), "compensation.priceYear").expected).toMatch(/no later than the start year 2021/);
  });

  it("priceYear is not checked against an unknown start", () => {
    const d = draft("valdINaraRelation");
    d.compensation.priceYear = 2030;
    d.indexation.firstAdjustedYear = 2031;
    expect(parseContract(d).compensation).toMatchObject({ priceYear: 2030 });
  });

  it("visitFee.priceYear after the start year", () => {
    const d = draft("familjeradgivning");
    d.compensation.visitFee.priceYear = 2023;
    expect(issueAt(issuesOf(d), "compensation.visitFee.priceYear").expected).toMatch(/no later than the start year 2022/);
  });

  it("visitFee.visitMinutes min > max", () => {
    const d = draft("familjeradgivning");
    d.compensation.visitFee.visitMinutes = { min: 120, max: 60 };
    expect(issueAt(issuesOf(d), "compensation.visitFee.visitMinutes.max").expected).toBe("at least min (120)");
  });

  it("indexation.firstAdjustedYear ≤ priceYear", () => {
    const d = draft("valdINaraRelation");
    d.indexation.firstAdjustedYear = 2019;
    const issue = issueAt(issuesOf(d), "indexation.firstAdjustedYear");
    expect(issue.expected).toMatch(/^a year after the price year 2019/);
    expect(issue.received).toBe("2019");
  });

  it("indexation.fixedUntil on or after the start of firstAdjustedYear", () => {
    const d = draft("beroendemottagningen");
    d.indexation.fixedUntil = "2022-01-01";
    expect(issueAt(issuesOf(d), "indexation.fixedUntil").expected).toBe(
      "a date before 2022-01-01, when adjustment starts (firstAdjustedYear 2022)",
    );
  });

  it("indexation.fixedUntil before the term starts", () => {
    const d = draft("beroendemottagningen");
    d.indexation.fixedUntil = "2012-12-31";
    expect(issueAt(issuesOf(d), "indexation.fixedUntil").expected).toBe("a date on or after the start 2021-04-01");
  });

  it("dueDay not in dueMonth: 31 April", () => {
    const d = draft("familjeradgivning");
    d.reporting[1].dueMonth = 4;
    const issue = issueAt(issuesOf(d), "reporting.1.dueDay");
    expect(issue).toEqual({ path: "reporting.1.dueDay", expected: "a day that exists in month 4 every year (1-30)", received: "31" });
  });

  it("dueDay 29 February does not exist every year", () => {
    const d = draft("familjeradgivning");
    d.reporting[0].dueMonth = 2;
    d.reporting[0].dueDay = 29;
    expect(issueAt(issuesOf(d), "reporting.0.dueDay").expected).toMatch(/1-28/);
  });

  it("two reporting obligations of the same kind", () => {
    const d = draft("familjeradgivning");
    d.reporting[1].kind = "activity-report";
    expect(issueAt(issuesOf(d), "reporting.1.kind").expected).toMatch(/not already listed/);
  });

  it("statedYears months outside 1-12", () => {
    const d = draft("boendestod");
    d.compensation.statedYears[0].months = 13;
    d.compensation.statedYears[1].months = 0;
    const issues = issuesOf(d);
    expect(issueAt(issues, "compensation.statedYears.0.months").expected).toBe("the months in force that year, an integer 1-12");
    expect(issueAt(issues, "compensation.statedYears.1.months").received).toBe("0");
  });

  it("statedYears: more months than the term has in that year", () => {
    const d = draft("boendestod");
    d.compensation.statedYears[0].months = 10;
    expect(issueAt(issuesOf(d), "compensation.statedYears.0.months").expected).toBe(
      "at most 9, the months of 2018 inside the term",
    );
  });

  it("statedYears: a term from 29 February of a leap year has February in force", () => {
    const d = draft("boendestod");
    d.term.start = "2024-02-29";
    d.term.end = "2025-12-31";
    d.compensation.statedYears[0].year = 2024;
    d.compensation.statedYears[0].months = 11;
    d.compensation.statedYears[1].year = 2025;
    expect(parseContract(d).compensation).toMatchObject({ statedYears: [{ year: 2024, months: 11 }, { year: 2025, months: 12 }] });
    d.compensation.statedYears[0].months = 12;
    expect(issueAt(issuesOf(d), "compensation.statedYears.0.months").expected).toBe("at most 11, the months of 2024 inside the term");
  });

  it("statedYears: a year outside the term, or listed twice", () => {
    const d = draft("boendestod");
    d.compensation.statedYears[0].year = 2017;
    d.compensation.statedYears.push({ ...d.compensation.statedYears[1] });
    const issues = issuesOf(d);
    expect(issueAt(issues, "compensation.statedYears.0.year").expected).toMatch(/inside the term/);
    expect(issueAt(issues, "compensation.statedYears.2.year").expected).toMatch(/not already listed/);
  });

  it("groups minParticipants > maxParticipants", () => {
    const d = draft("beroendemottagningen");
    d.groups.minParticipants = 9;
    expect(issueAt(issuesOf(d), "groups.maxParticipants")).toEqual({
      path: "groups.maxParticipants",
      expected: "at least minParticipants (9)",
      received: "8",
    });
  });

  it("opening hours that close before they open", () => {
    const d = draft("valdINaraRelation");
    d.serviceLevels.openingHours.to = "08:00";
    expect(issueAt(issuesOf(d), "serviceLevels.openingHours.to").expected).toBe("a time after from (08:00)");
  });

  it("a target above 100 %", () => {
    const d = draft("valdINaraRelation");
    d.expectedResults[3].targetPercent = "180";
    expect(issueAt(issuesOf(d), "expectedResults.3.targetPercent").expected).toMatch(/"0" to "100"/);
  });

  it("a clause that does not start with the document label", () => {
    const d = draft("familjeradgivning");
    d.compensation.yearlyCap.clause = "SON 2012-233 §1.2";
    expect(issueAt(issuesOf(d), "compensation.yearlyCap.clause").expected).toBe(
      'a clause reference that starts with the document label "SON 2021-233"',
    );
  });

  it("a blank clause, title or note", () => {
    const d = draft("familjeradgivning");
    d.notice.clause = "  ";
    d.title = "";
    d.notes[0] = "";
    const issues = issuesOf(d);
    expect(issueAt(issues, "notice.clause").expected).toMatch(/clause reference/);
    expect(issueAt(issues, "title").received).toBe('""');
    expect(issueAt(issues, "notes.0").received).toBe('""');
  });

  it("a cross-field issue is reported together with field issues elsewhere", () => {
    const d = draft("beroendemottagningen");
    d.groups.minParticipants = 9;
    d.compensation.amount = 1;
    const paths = issuesOf(d).map((i) => i.path);
    expect(paths).toContain("groups.maxParticipants");
    expect(paths).toContain("compensation.amount");
  });

  it("the procured options parse, with their 2018 figures as written", () => {
    expect(parseContract(copy(boendestodProcuredOptions.capio)).compensation).toMatchObject({
      statedYears: [{ hours: "1450" }, { hours: "1930" }],
    });
  });
});

describe("parseContract: safety", () => {
  it("returns a new, deep-frozen object and never changes its input", () => {
    const input = draft("familjeradgivning");
    const before = JSON.stringify(input);
    const parsed = parseContract(input);
    expect(parsed).not.toBe(input);
    expect(parsed.compensation).not.toBe(input.compensation);
    expect(parsed.reporting).not.toBe(input.reporting);
    expect(Object.isFrozen(parsed)).toBe(true);
    expect(Object.isFrozen(parsed.compensation)).toBe(true);
    expect(Object.isFrozen(parsed.reporting)).toBe(true);
    expect(Object.isFrozen(parsed.reporting[0])).toBe(true);
    expect(Object.isFrozen(input)).toBe(false);
    expect(Object.isFrozen(input.notes)).toBe(false);
    expect(Object.isFrozen(input.compensation.groupRule)).toBe(false);
    expect(JSON.stringify(input)).toBe(before);
    expect(() => {
      (parsed as { id: string }).id = "x";
    }).toThrow(TypeError);
  });

  it("accepts a deep-frozen input", () => {
    const deepFreeze = (value: unknown): void => {
      if (typeof value === "object" && value !== null) {
        Object.values(value).forEach(deepFreeze);
        Object.freeze(value);
      }
    };
    const input = draft("boendestod");
    deepFreeze(input);
    expect(parseContract(input)).toEqual(contracts.boendestod);
    expect(parseContract(contracts.valdINaraRelation)).toEqual(contracts.valdINaraRelation);
  });

  it("the shipped contracts are deep-frozen", () => {
    for (const contract of Object.values(contracts)) {
      expect(Object.isFrozen(contract)).toBe(true);
      expect(Object.isFrozen(contract.term)).toBe(true);
      expect(Object.isFrozen(contract.notes)).toBe(true);
    }
    expect(Object.isFrozen(contracts)).toBe(true);
  });

  it("__proto__ from JSON.parse is rejected and never reaches Object.prototype", () => {
    const body = JSON.stringify(contracts.familjeradgivning).slice(1);
    const text = `{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted2": true}}, ${body}`;
    const issues = issuesOf(JSON.parse(text));
    expect(issueAt(issues, "__proto__").expected).toMatch(/unknown fields/);
    expect(issueAt(issues, "constructor").received).toBe("an object");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted2).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  it("__proto__ nested in a clause object is rejected too", () => {
    const d = draft("familjeradgivning");
    const text = JSON.stringify(d).replace('"notice":{', '"notice":{"__proto__":{"polluted":true},');
    expect(issueAt(issuesOf(JSON.parse(text)), "notice.__proto__").received).toBe("an object");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("a cyclic input is a RulesError", () => {
    const d = draft("familjeradgivning");
    d.notice.self = d;
    d.compensation.billableTime = d.compensation;
    const issues = issuesOf(d);
    expect(issueAt(issues, "notice.self").received).toBe("an object");
  });

  it("getters and proxies that throw give a RulesError, nothing else", () => {
    const d = draft("familjeradgivning");
    Object.defineProperty(d, "title", {
      enumerable: true,
      get() {
        throw new Error("boom");
      },
    });
    expect(() => parseContract(d)).toThrow(RulesError);
    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error("no keys");
        },
        get() {
          throw new Error("no value");
        },
      },
    );
    expect(() => parseContract(hostile)).toThrow(RulesError);
  });
});
