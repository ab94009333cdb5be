import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyNotice,
  contracts,
  Decimal,
  RulesError,
  settle,
  settlementToJSON,
  statement,
  statementToJSON,
  type Contract,
  type LedgerEntryJSON,
  type PaidEntry,
  type SettlementInput,
  type YearMonth,
} from "../../src/index.js";
import * as library from "../../src/index.js";
import { plausibleSettlementHistory } from "../robustness/arbitraries.js";

const fam = contracts.familjeradgivning;
const ber = contracts.beroendemottagningen;
const S1 = { id: "S1", date: "2022-03-02", minutes: 50, kind: "individual" } as const;
const S2 = { id: "S2", date: "2022-03-09", minutes: 61, kind: "individual" } as const;

function rulesError(fn: () => unknown): RulesError {
  try {
    fn();
  } catch (e) {
    if (e instanceof RulesError) return e;
    throw e;
  }
  throw new Error("no error");
}

const march = settle(fam, "2022-03", { sessions: [S1, S2] });
const entry = (over: Partial<Record<keyof PaidEntry, unknown>>): PaidEntry => ({ ...settlementToJSON(march).entries[0]!, ...over }) as PaidEntry;

describe("settle: what is due now, against what was booked", () => {
  it("books a month's payable lines and visit fees, each once; a re-run books nothing", () => {
    expect(march.entries.map((e) => [e.entryId, e.kind, e.amount.toFixed(2), e.reason])).toEqual([
      ["2022-03/familjeradgivning:2022-03:session:S1", "provider", "605.00", "new"],
      ["2022-03/familjeradgivning:2022-03:session:S2", "provider", "756.25", "new"],
      ["2022-03/familjeradgivning:2022-03:visit-fees", "fee", "400.00", "new"],
    ]);
    expect(march.total.toFixed(2)).toBe("1361.25");
    expect(march.feesOwedToPurchaser.toFixed(2)).toBe("400.00");
    expect(march.entries[0]?.clause).toBe(statement(fam, "2022-03", { sessions: [S1, S2] }).lines[0]?.clause);
    const again = settle(fam, "2022-03", { sessions: [S1, S2], paid: march.entries });
    expect(again.entries).toEqual([]);
    expect(again.total.toFixed(2)).toBe("0.00");
    expect(again.months.map((m) => [m.month, m.due.toFixed(2), m.paid.toFixed(2), m.difference.toFixed(2), m.entries])).toEqual([["2022-03", "1361.25", "1361.25", "0.00", 0]]);
  });

  it("accepts its own JSON entries back as paid, and Decimals, strings or numbers as amounts", () => {
    const json = settlementToJSON(march);
    expect(json.format).toBe("verksamhetsuppdrag/settlement@1");
    expect(settle(fam, "2022-03", { sessions: [S1, S2], paid: JSON.parse(JSON.stringify(json.entries)) as LedgerEntryJSON[] }).entries).toEqual([]);
    const asNumbers = json.entries.map((e) => ({ ...e, amount: Number(e.amount), bookedBy: "ekonomi" }));
    expect(settle(fam, "2022-03", { sessions: [S1, S2], paid: asNumbers }).entries).toEqual([]);
    const asDecimals = json.entries.map((e) => ({ ...e, amount: new Decimal(e.amount) }));
    expect(settle(fam, "2022-03", { sessions: [S1, S2], paid: asDecimals }).entries).toEqual([]);
  });

  it("a line settled again in the same month after a correction gets the next entry id", () => {
    const corrected = settle(fam, "2022-03", { sessions: [S1, { ...S2, minutes: 46 }], paid: march.entries });
    expect(corrected.entries.map((e) => [e.entryId, e.amount.toFixed(2), e.reason])).toEqual([["2022-03/familjeradgivning:2022-03:session:S2#2", "-151.25", "changed"]]);
    const third = settle(fam, "2022-03", { sessions: [S1, { ...S2, minutes: 91 }], paid: [...march.entries, ...corrected.entries] });
    expect(third.entries.map((e) => e.entryId)).toEqual(["2022-03/familjeradgivning:2022-03:session:S2#3"]);
  });

  it("recomputes from the earliest month booked, or from `from`; entries before `from` are left as booked", () => {
    const april = settle(fam, "2022-04", { sessions: [S1], paid: march.entries });
    expect(april.from).toBe("2022-03");
    expect(april.entries.map((e) => e.reason)).toEqual(["changed", "removed"]);
    const onlyApril = settle(fam, "2022-04", { sessions: [S1], paid: march.entries, from: "2022-04" });
    expect(onlyApril.from).toBe("2022-04");
    expect(onlyApril.entries).toEqual([]);
    expect(onlyApril.warnings).toEqual([
      "3 booked lines of months before 2022-04 left as booked (from 2022-04)",
      "1 session is dated in the term before 2022-04, the first month settled: months before it are not recomputed (a month that booked nothing leaves no entry in paid to start from; pass from to settle it)",
    ]);
  });

  it("a month outside the term is settled as nothing due, with a note; its statement is not among the statements", () => {
    const ended = applyNotice(ber, { receivedOn: "2022-05-15", form: "written" });
    const may = settle(ber, "2023-05");
    const june = settle(ended, "2023-06", { paid: may.entries });
    expect(june.months.map((m) => [m.month, m.inTerm, m.due.toFixed(2)])).toEqual([
      ["2023-05", true, "78522.25"],
      ["2023-06", false, "0.00"],
    ]);
    expect(june.warnings[0]).toMatch(/^2023-06 is outside the term 2021-04-01 to 2023-05-15/);
    expect(june.statements.map((s) => s.month)).toEqual(["2023-05"]);
  });

  it("its statements are the month's statements, built when first read", () => {
    const input: SettlementInput = { sessions: [S1, S2, { id: "A1", date: "2022-04-05", minutes: 60, kind: "individual" }], paid: march.entries };
    const s = settle(fam, "2022-04", input);
    expect(s.statements.map((s) => statementToJSON(s))).toEqual(["2022-03", "2022-04"].map((m) => statementToJSON(statement(fam, m, { sessions: input.sessions }))));
    expect(settlementToJSON(s, { statements: true }).statements?.length).toBe(2);
    expect(settlementToJSON(s).statements).toBeUndefined();
  });
});

describe("settle: a bad ledger is a RulesError naming the entry and field, never a partial result", () => {
  const cases: [string, unknown, string, string][] = [
    ["not a list", { "2022-03": "1361.25" }, "INVALID_INPUT", "paid"],
    ["an entry that is not an object", ["x"], "INVALID_INPUT", "paid.0"],
    ["another contract's entry", [entry({ contractId: "beroendemottagningen" })], "INVALID_INPUT", "paid.0.contractId"],
    ["the same entryId twice", [entry({}), entry({})], "DUPLICATE_ID", "paid.1.entryId"],
    ["an entry settled after the month", [entry({ settledIn: "2022-04" })], "INVALID_INPUT", "paid.0.settledIn"],
    ["a line of a month after its settlement", [entry({ month: "2022-04", lineId: "familjeradgivning:2022-04:session:S1" })], "INVALID_INPUT", "paid.0.month"],
    ["a line id of another month", [entry({ lineId: "familjeradgivning:2022-02:session:S1" })], "INVALID_INPUT", "paid.0.lineId"],
    ["a float that is not exact money", [entry({ amount: 0.1 + 0.2 })], "INVALID_INPUT", "paid.0.amount"],
    ["a decimal comma", [entry({ amount: "605,00" })], "INVALID_INPUT", "paid.0.amount"],
    ["three decimals", [entry({ amount: "605.001" })], "INVALID_INPUT", "paid.0.amount"],
    ["an unknown kind", [entry({ kind: "purchaser" })], "INVALID_INPUT", "paid.0.kind"],
    ["an unknown reason", [entry({ reason: "refund" })], "INVALID_INPUT", "paid.0.reason"],
    ["no description", [entry({ description: undefined })], "INVALID_INPUT", "paid.0.description"],
    ["a provider line booked as a fee", [entry({ kind: "fee" })], "INVALID_INPUT", "paid.0.kind"],
  ];
  for (const [what, paid, code, path] of cases) {
    it(what, () => {
      const e = rulesError(() => settle(fam, "2022-03", { sessions: [S1, S2], paid: paid as PaidEntry[] }));
      expect(e.code).toBe(code);
      expect(e.issues[0]?.path).toBe(path);
      expect(e.message).toContain(path);
    });
  }
  it("a getter that throws, a Proxy, or a hole is an error naming the entry", () => {
    const trap = new Proxy([entry({})], {
      get(target, key, receiver) {
        if (key === "0") throw new Error("trap");
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    expect(rulesError(() => settle(fam, "2022-03", { paid: trap })).message).toMatch(/^paid: could not be read/);
    const getter = Object.defineProperty({ ...entry({}) }, "amount", {
      get: () => {
        throw new Error("boom");
      },
      enumerable: true,
    });
    expect(rulesError(() => settle(fam, "2022-03", { paid: [getter] })).issues[0]?.path).toBe("paid.0");
    // eslint-disable-next-line no-sparse-arrays
    expect(rulesError(() => settle(fam, "2022-03", { paid: [, entry({})] as unknown as PaidEntry[] })).issues[0]?.path).toBe("paid.0");
  });
  it("`from` after the month, or more than 120 months back, is refused", () => {
    expect(rulesError(() => settle(fam, "2022-03", { from: "2022-04" })).issues[0]?.path).toBe("from");
    expect(rulesError(() => settle(fam, "2022-03", { from: "2012-03" })).message).toMatch(/at most 120 months/);
    expect(rulesError(() => settle(fam, "2022-03", { from: "2022-3" })).code).toBe("INVALID_INPUT");
  });
});

/** Runs settlements month after month, each with the ledger so far; returns the ledger. */
function monthly(c: Contract, months: YearMonth[], input: SettlementInput, ledger: LedgerEntryJSON[] = []): LedgerEntryJSON[] {
  for (const m of months) ledger.push(...settlementToJSON(settle(c, m, { ...input, paid: ledger })).entries);
  return ledger;
}

const monthsThrough = (y: number, m: number): YearMonth[] => Array.from({ length: m }, (_, k) => `${y.toString()}-${String(k + 1).padStart(2, "0")}`);

const sum = (entries: readonly LedgerEntryJSON[], kind: "provider" | "fee"): string =>
  entries
    .filter((e) => e.kind === kind)
    .reduce((a, e) => a.plus(e.amount), new Decimal(0))
    .toFixed(2);

/** The sums of the statements of the months (in the term), as the final figures say. */
function statementsSum(c: Contract, months: YearMonth[], input: SettlementInput): { provider: string; fee: string } {
  let provider = new Decimal(0);
  let fee = new Decimal(0);
  for (const m of months) {
    try {
      const s = statement(c, m, input);
      provider = provider.plus(s.total);
      fee = fee.plus(s.feesOwedToPurchaser);
    } catch (e) {
      if (!(e instanceof RulesError) || e.code !== "OUTSIDE_TERM") throw e;
    }
  }
  return { provider: provider.toFixed(2), fee: fee.toFixed(2) };
}

/** Runs `fn`, or discards the case when the history itself is not a valid input (the statements refuse it). */
function valid<T>(fn: () => T): T | null {
  try {
    return fn();
  } catch (e) {
    if (e instanceof RulesError) return null;
    throw e;
  }
}

describe("settle: laws (fast-check)", () => {
  it("with no corrections, each month books exactly its own statement: payable lines and fee lines that are not zero, in its order, under its descriptions and clauses", () => {
    fc.assert(
      fc.property(plausibleSettlementHistory, ([c, y, m, first]) => {
        const months = monthsThrough(y, m);
        const ok = valid(() => monthly(c as Contract, months, first));
        fc.pre(ok !== null);
        let ledger: LedgerEntryJSON[] = [];
        for (const month of months) {
          const s = settlementToJSON(settle(c as Contract, month, { ...first, paid: ledger }));
          const st = valid(() => statementToJSON(statement(c as Contract, month, first)));
          const want = st === null ? [] : [...st.lines.filter((l) => l.payable), ...st.feeLines].filter((l) => l.amount !== "0.00").map((l) => [l.id, l.amount, "new", l.description, l.clause]);
          expect(s.entries.map((e) => [e.lineId, e.amount, e.reason, e.description, e.clause])).toEqual(want);
          ledger = [...ledger, ...s.entries];
        }
      }),
      { numRuns: 60 },
    );
  });

  it("telescoping: after corrections, all that was ever booked equals the final statements; a re-run books nothing", () => {
    fc.assert(
      fc.property(plausibleSettlementHistory, ([c, y, m, first, later]) => {
        const months = monthsThrough(y, m);
        const ledger = valid(() => monthly(c as Contract, months, first));
        fc.pre(ledger !== null && valid(() => settle(c as Contract, months[m - 1] as YearMonth, later)) !== null);
        const last = months[m - 1] as YearMonth;
        // From January: a month that booked nothing leaves no entry to find it by (see docs/settlement.md).
        const correction = settlementToJSON(settle(c as Contract, last, { ...later, paid: ledger, from: months[0] as YearMonth }));
        const all = [...ledger, ...correction.entries];
        const final = statementsSum(c as Contract, months, later);
        expect(sum(all, "provider")).toBe(final.provider);
        expect(sum(all, "fee")).toBe(final.fee);
        expect(correction.total).toBe(sum(correction.entries, "provider"));
        expect(settle(c as Contract, last, { ...later, paid: all, from: months[0] as YearMonth }).entries).toEqual([]);
      }),
      { numRuns: 80 },
    );
  });

  it("shuffling the sessions and the ledger changes nothing", () => {
    fc.assert(
      fc.property(plausibleSettlementHistory, fc.nat(), ([c, y, m, first, later], seed) => {
        const months = monthsThrough(y, m);
        const ledger = valid(() => monthly(c as Contract, months, first));
        fc.pre(ledger !== null);
        const last = months[m - 1] as YearMonth;
        const a = valid(() => settlementToJSON(settle(c as Contract, last, { ...later, paid: ledger })));
        fc.pre(a !== null);
        const shuffle = <T>(xs: readonly T[]): T[] => {
          const out = [...xs];
          let r = seed + 1;
          for (let i = out.length - 1; i > 0; i--) {
            r = (r * 1103515245 + 12345) % 2147483648;
            const j = r % (i + 1);
            [out[i], out[j]] = [out[j] as T, out[i] as T];
          }
          return out;
        };
        const sessions = shuffle((later.sessions ?? []) as unknown[]);
        const b = settlementToJSON(settle(c as Contract, last, { ...later, sessions: sessions as SettlementInput["sessions"], paid: shuffle(ledger) }));
        expect(b).toEqual(a);
      }),
      { numRuns: 60 },
    );
  });
});

describe("docs/settlement.md", () => {
  it("its example gives exactly the results it shows", () => {
    const text = readFileSync(resolve(import.meta.dirname, "../../docs/settlement.md"), "utf8");
    const block = /```ts\n(import \{[^}]+\} from "verksamhetsuppdrag";[\s\S]*?)```/.exec(text)?.[1] ?? "";
    const checks: unknown[] = [];
    const lines = block.split("\n");
    const body: string[] = [];
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] as string;
      const inline = /^(.*?);\s*\/\/=> (.*)$/.exec(line);
      const next = lines[i + 1] ?? "";
      const below = /^\/\/=> (.*)$/.exec(next);
      if (inline !== null) {
        checks.push(JSON.parse(inline[2] as string));
        body.push(`__results.push(${inline[1] as string});`);
      } else if (below !== null && line.endsWith(";")) {
        checks.push(JSON.parse(below[1] as string));
        body.push(`__results.push(${line.slice(0, -1)});`);
        i++;
      } else body.push(line);
    }
    const code = body.join("\n").replace(/^import \{([^}]+)\} from "verksamhetsuppdrag";/m, "const {$1} = __library;");
    const results: unknown[] = [];
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    new Function("__library", "__results", code)(library, results);
    expect(checks.length).toBeGreaterThanOrEqual(6);
    expect(results).toEqual(checks);
  });
});

describe("line ids are unique", () => {
  it("a session id that ends as another session's line would is refused (it would name that line)", () => {
    const sessions = [
      { id: "A", date: "2022-03-02", minutes: 50, kind: "individual" as const },
      { id: "A:over-cap", date: "2022-03-03", minutes: 50, kind: "individual" as const },
    ];
    const e = rulesError(() => settle(fam, "2022-03", { sessions }));
    expect(e.code).toBe("INVALID_INPUT");
    expect(e.issues[0]?.path).toBe("sessions.1.id");
    expect(e.message).toContain('":over-cap"');
    expect(statement(fam, "2022-03", { sessions: [{ id: "A:b", date: "2022-03-02", minutes: 50, kind: "individual" }] }).lines[0]?.id).toBe("familjeradgivning:2022-03:session:A:b");
  });
});
