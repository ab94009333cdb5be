/**
 * Bounded validation (issue 18 item 5): every list and text of a commission
 * has a largest size, in the zod schema and in the JSON Schema; a huge input
 * is refused at once, in little memory, with one issue; at most 100 issues
 * are listed and the rest counted; texts hold no control characters (prose
 * may hold tabs and line breaks) and no unpaired surrogates.
 *
 * @module
 */
import { spawnSync } from "node:child_process";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { contractJsonSchema, contracts, parseContract } from "../../src/contracts/index.js";
import { MAX_ISSUES, RulesError } from "../../src/errors.js";
import { draft, issueAt, issuesOf, type Draft } from "./helpers.js";

/** The RulesError parseContract throws for `input`. */
function errorOf(input: unknown): RulesError {
  try {
    parseContract(input);
  } catch (e) {
    expect(e).toBeInstanceOf(RulesError);
    return e as RulesError;
  }
  throw new Error("parseContract accepted the input");
}

/** `n` shallow copies of a list item. */
function copies(item: unknown, n: number): unknown[] {
  return Array.from({ length: n }, () => ({ ...(item as object) }));
}

const DIST = new URL("../../dist/index.js", import.meta.url).href;

describe("lists: at most 100 items", () => {
  const lists: [string, (d: Draft, n: number) => void][] = [
    ["notes", (d, n) => (d.notes = Array.from({ length: n }, (_, i) => `Note ${i.toString()}.`))],
    ["expectedResults", (d, n) => (d.expectedResults = copies(d.expectedResults[0], n))],
    ["reporting", (d, n) => (d.reporting = copies(d.reporting[0], n))],
  ];
  it.each(lists)("%s of 101 items is one issue naming the list and its limit", (path, fill) => {
    const d = draft("valdINaraRelation");
    fill(d, 101);
    const issues = issuesOf(d);
    expect(issues).toEqual([{ path, expected: expect.stringMatching(/, of at most 100 items$/) as unknown, received: "an array of 101" }]);
  });

  it("compensation.statedYears of 101 items is refused the same way", () => {
    const d = draft("boendestod");
    d.compensation.statedYears = copies(d.compensation.statedYears[0], 101);
    expect(issuesOf(d)).toEqual([
      { path: "compensation.statedYears", expected: "the part-year figures as a list of { year, hours, cost, months, clause }, of at most 100 items", received: "an array of 101" },
    ]);
  });

  it("100 notes and 100 expected results are accepted", () => {
    const d = draft("valdINaraRelation");
    d.notes = Array.from({ length: 100 }, (_, i) => `Note ${i.toString()}.`);
    d.expectedResults = copies(d.expectedResults[0], 100);
    expect(parseContract(d).notes).toHaveLength(100);
  });

  it("a list of ten million elements is refused in milliseconds and little memory (it ran out of 256 MB before)", () => {
    const script = `
      const { contracts, parseContract } = await import(${JSON.stringify(DIST)});
      const c = JSON.parse(JSON.stringify(contracts.familjeradgivning));
      c.notes = new Array(10_000_000).fill(1);
      const before = process.memoryUsage().heapUsed;
      const t0 = performance.now();
      try { parseContract(c); } catch (e) {
        console.log(JSON.stringify({ code: e.code, issues: e.issues, more: e.moreIssues, ms: performance.now() - t0, grewMB: (process.memoryUsage().heapUsed - before) / 1e6 }));
      }`;
    const run = spawnSync(process.execPath, ["--max-old-space-size=256", "--input-type=module", "-e", script], { encoding: "utf8", timeout: 60_000 });
    expect(run.status, run.stderr.slice(0, 500)).toBe(0);
    const result = JSON.parse(run.stdout) as { code: string; issues: unknown[]; more: number; ms: number; grewMB: number };
    expect(result.code).toBe("INVALID_CONTRACT");
    expect(result.issues).toEqual([{ path: "notes", expected: "the notes as a list of strings, of at most 100 items", received: "an array of 10000000" }]);
    expect(result.more).toBe(0);
    expect(result.ms).toBeLessThan(500);
    expect(result.grewMB).toBeLessThan(20);
  });
});

describe("texts: bounded, without control characters, well-formed", () => {
  const labels: [string, (d: Draft, v: string) => void][] = [
    ["document", (d, v) => (d.document = v)],
    ["parties.provider", (d, v) => (d.parties.provider = v)],
    ["term.clause", (d, v) => (d.term.clause = v)],
    ["indexation.series", (d, v) => (d.indexation.series = v)],
  ];
  const longTexts: [string, (d: Draft, v: string) => void][] = [
    ["title", (d, v) => (d.title = v)],
    ["source", (d, v) => (d.source = v)],
  ];
  const prose: [string, (d: Draft, v: string) => void][] = [
    ["term.quote", (d, v) => (d.term.quote = v)],
    ["notes.0", (d, v) => (d.notes[0] = v)],
    ["indexation.note", (d, v) => (d.indexation.note = v)],
    ["expectedResults.0.description", (d, v) => (d.expectedResults[0].description = v)],
  ];
  const base = (): Draft => draft("familjeradgivning");
  const familjeradgivningWithResults = (): Draft => {
    const d = base();
    d.expectedResults = [{ description: "Nöjda klienter.", targetPercent: "80", clause: "SON 2021-233 §3" }];
    d.indexation.note = "A note.";
    return d;
  };

  it.each(labels)("%s: at most 200 characters, one line", (path, set) => {
    const d = familjeradgivningWithResults();
    set(d, "x".repeat(201));
    expect(issueAt(issuesOf(d), path).expected).toMatch(/, at most 200 characters$/);
    for (const bad of ["a\tb", "a\nb", "a\u001b[2Jb", "a\u0000b", "a\u007fb", "a\u009bb"]) {
      const e = familjeradgivningWithResults();
      set(e, bad);
      expect(issueAt(issuesOf(e), path).expected, JSON.stringify(bad)).toMatch(/on one line without control characters \(no tab, line break or escape\)$/);
    }
  });

  it.each(longTexts)("%s: at most 2 000 characters, one line", (path, set) => {
    const d = familjeradgivningWithResults();
    set(d, "x".repeat(2001));
    expect(issueAt(issuesOf(d), path).expected).toMatch(/, at most 2000 characters$/);
    const e = familjeradgivningWithResults();
    set(e, "Rad ett\nrad två");
    expect(issueAt(issuesOf(e), path).expected).toMatch(/on one line without control characters/);
  });

  it.each(prose)("%s: at most 2 000 characters; tabs and line breaks allowed, other controls not", (path, set) => {
    const d = familjeradgivningWithResults();
    set(d, "x".repeat(2001));
    expect(issueAt(issuesOf(d), path).expected).toMatch(/, at most 2000 characters$/);
    const ok = familjeradgivningWithResults();
    set(ok, "Leanlink Råd och stöd:\t1275\t600 tkr\r\nandra raden\n");
    expect(() => parseContract(ok)).not.toThrow();
    const e = familjeradgivningWithResults();
    set(e, "a\u0007b");
    expect(issueAt(issuesOf(e), path).expected).toMatch(/without control characters \(tabs and line breaks are allowed\)$/);
  });

  it.each([...labels, ...longTexts, ...prose])("%s: an unpaired surrogate is refused, a pair is kept", (path, set) => {
    for (const lone of ["a\ud800b", "a\udfff", "\ud83d"]) {
      const d = familjeradgivningWithResults();
      set(d, lone);
      expect(issueAt(issuesOf(d), path).expected).toMatch(/as well-formed Unicode \(an unpaired surrogate such as "\\ud800" is not a character\)$/);
    }
    const ok = familjeradgivningWithResults();
    set(ok, "SON 2021-233 \u{1F4C4}");
    if (path.endsWith("clause") || path === "document") return; // a clause must start with the document label
    expect(() => parseContract(ok)).not.toThrow();
  });

  it("the id: at most 100 characters", () => {
    const d = base();
    d.id = "a".repeat(101);
    expect(issueAt(issuesOf(d), "id").expected).toBe("an id of lower-case letters, digits and hyphens, at most 100 characters");
  });

  it("a text of 50 million characters is refused at once, its received value cut", () => {
    const d = base();
    d.title = "x".repeat(50_000_000);
    const t0 = performance.now();
    const issue = issueAt(issuesOf(d), "title");
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(issue.expected).toBe("the commission's title, at most 2000 characters");
    expect(issue.received).toBe(`"${"x".repeat(56)}...`);
  });

  it("a shipped quote copied from a table keeps its tabs (Boendestöd 2018, Förslag)", () => {
    expect(contracts.boendestod.compensation.quote).toContain("\t1275\t");
  });
});

describe("at most 100 issues, the rest counted", () => {
  it("400 bad fields: the first 100 listed, 300 counted in moreIssues, all 400 in the message's count", () => {
    const d = draft("valdINaraRelation");
    d.notes = Array.from({ length: 100 }, () => 1);
    d.expectedResults = Array.from({ length: 100 }, () => ({}));
    const e = errorOf(d);
    expect(MAX_ISSUES).toBe(100);
    expect(e.issues).toHaveLength(100);
    expect(e.moreIssues).toBe(300);
    expect(e.message).toMatch(/^Invalid contract \(400 problems\): /);
    expect(e.message).toMatch(/; and 395 more$/);
    // In the order found, one per field.
    expect(new Set(e.issues.map((i) => i.path)).size).toBe(100);
  });

  it("a thousand unknown keys: 100 listed, 900 counted", () => {
    const d = draft("familjeradgivning");
    for (let i = 0; i < 1000; i++) d[`extra${i.toString()}`] = i;
    const e = errorOf(d);
    expect(e.issues).toHaveLength(100);
    expect(e.issues[0]).toEqual({ path: "extra0", expected: "no such field: unknown fields are not allowed (check the spelling)", received: "0" });
    expect(e.issues[99]?.path).toBe("extra99");
    expect(e.moreIssues).toBe(900);
    expect(e.message).toMatch(/^Invalid contract \(1000 problems\)/);
  });

  it("a field with its own issue and a cross-field one counts once, also beyond the first 100", () => {
    const d = draft("beroendemottagningen");
    d.expectedResults = Array.from({ length: 40 }, () => ({})); // 120 issues, found first
    d.groups.maxParticipants = 0; // its own range (1 or more), and below minParticipants 6
    const e = errorOf(d);
    expect(e.issues).toHaveLength(100);
    expect(e.moreIssues).toBe(21);
    expect(e.message).toMatch(/^Invalid contract \(121 problems\)/);
  });
});

describe("the JSON Schema carries the same limits", () => {
  const schema = contractJsonSchema();
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  const validate = ajv.compile(schema);

  it("every string that is not a fixed value has a maxLength, every array a maxItems", () => {
    const unbounded: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (Array.isArray(node)) {
        node.forEach((child, i) => {
          walk(child, `${path}/${i.toString()}`);
        });
        return;
      }
      if (typeof node !== "object" || node === null) return;
      const n = node as Record<string, unknown>;
      if (n.type === "string" && n.maxLength === undefined && n.enum === undefined && n.const === undefined) unbounded.push(path);
      if (n.type === "array" && n.maxItems === undefined) unbounded.push(path);
      for (const [key, child] of Object.entries(n)) walk(child, `${path}/${key}`);
    };
    walk(schema, "");
    expect(unbounded).toEqual([]);
    const props = schema.properties as Record<string, Record<string, unknown>>;
    expect([props.notes?.maxItems, props.reporting?.maxItems, props.expectedResults?.maxItems]).toEqual([100, 100, 100]);
    expect([props.id?.maxLength, props.document?.maxLength, props.title?.maxLength]).toEqual([100, 200, 2000]);
  });

  const plain = (): Draft => JSON.parse(JSON.stringify(contracts.familjeradgivning));
  const refused: [string, (d: Draft) => void][] = [
    ["101 notes", (d) => (d.notes = Array.from({ length: 101 }, () => "n"))],
    ["a title of 2 001 characters", (d) => (d.title = "x".repeat(2001))],
    ["a control character in the document label", (d) => (d.document = "SON\u001b 2021")],
    ["a line break in a clause", (d) => (d.term.clause = "SON 2021-233\n§1")],
    ["a bell in a quote", (d) => (d.term.quote = "a\u0007b")],
    ["money with a leading zero", (d) => (d.compensation.rate = "0605")],
    ["hours of ten digits", (d) => (d.compensation.yearlyCap.hours = "1000000000")],
  ];
  it.each(refused)("refuses %s, as parseContract does", (_name, breakIt) => {
    const d = plain();
    breakIt(d);
    expect(validate(d)).toBe(false);
    expect(() => parseContract(d)).toThrow(RulesError);
  });

  it("accepts a tab in a quote, as parseContract does", () => {
    const d = plain();
    d.term.quote = "a\tb";
    expect(validate(d)).toBe(true);
    expect(() => parseContract(d)).not.toThrow();
  });
});
