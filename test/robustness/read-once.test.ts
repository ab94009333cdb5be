/**
 * Each caller object is read once (issue 18): sessions, call-offs, intakes,
 * paid amounts and index series are copied field by field during
 * validation, and everything after reads the copy. A getter or Proxy that
 * answers differently on a second read cannot bill one value and print
 * another; only own properties count; a throwing getter or trap, a hole or a
 * forged Decimal is a RulesError.
 *
 * @module
 */
import { test } from "@fast-check/vitest";
import { afterEach, describe, expect, it } from "vitest";
import { contracts, Decimal, indexRevision, RulesError, statement, twelfths, waitingTimes, yearReport, type Session } from "../../src/index.js";
import { plausibleStatementArgs } from "./arbitraries.js";

/** The RulesError `fn` throws; fails on anything else. */
function rulesErrorOf(fn: () => unknown): RulesError {
  try {
    fn();
  } catch (e) {
    if (e instanceof RulesError) return e;
    return expect.fail(`expected a RulesError, received ${String(e)}`);
  }
  return expect.fail("expected a RulesError, received a result");
}

/** An object whose fields answer `first` on the first read and `later` on every read after. */
function fickle(fields: Record<string, unknown>, later: Record<string, unknown>): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    let reads = 0;
    Object.defineProperty(o, key, {
      enumerable: true,
      get: () => (reads++ === 0 || !(key in later) ? value : later[key]),
    });
  }
  return o;
}

const FR = contracts.familjeradgivning;

describe("a session is read once", () => {
  it("minutes that answer 60 and then 6000 are billed and shown as 60 (1 h × 605 kr)", () => {
    const s = statement(FR, "2022-03", { sessions: [fickle({ id: "S1", date: "2022-03-02", minutes: 60, kind: "individual" }, { minutes: 6000 }) as unknown as Session] });
    expect(s.total.toFixed(2)).toBe("605.00");
    expect(s.lines).toHaveLength(1);
    expect(s.lines[0]?.quantity.toString()).toBe("1");
    expect(s.lines[0]?.explanation.inputs.minutes).toBe(60);
  });

  it("an id that answers Y and then X does not pay X twice", () => {
    const sessions = [fickle({ id: "Y", date: "2022-03-02", minutes: 60, kind: "individual" }, { id: "X" }), { id: "X", date: "2022-03-03", minutes: 60, kind: "individual" }];
    const s = statement(FR, "2022-03", { sessions: sessions as unknown as Session[] });
    expect(s.lines.map((l) => l.explanation.inputs.sessionId)).toEqual(["Y", "X"]);
    expect(new Set(s.lines.map((l) => l.id)).size).toBe(2);
  });

  it("a Proxy array whose elements change between reads bills what it gave first", () => {
    const first = { id: "P1", date: "2022-03-02", minutes: 45, kind: "individual" };
    const later = { id: "P1", date: "2022-03-02", minutes: 4500, kind: "individual" };
    let reads = 0;
    const list = new Proxy([first], { get: (target, key, receiver) => (key === "0" ? (reads++ === 0 ? first : later) : Reflect.get(target, key, receiver) as unknown) });
    const s = statement(FR, "2022-03", { sessions: list as unknown as Session[] });
    expect(s.total.toFixed(2)).toBe("453.75");
    expect(s.lines[0]?.explanation.inputs.minutes).toBe(45);
  });

  describe("only own properties count", () => {
    afterEach(() => {
      delete (Object.prototype as Record<string, unknown>).participants;
      delete (Array.prototype as unknown as Record<string, unknown>)["0"];
    });

    it("a polluted Object.prototype.participants does not make a group billable", () => {
      (Object.prototype as Record<string, unknown>).participants = 6;
      const e = rulesErrorOf(() => statement(FR, "2022-03", { sessions: [{ id: "G1", date: "2022-03-02", minutes: 90, kind: "group" }] }));
      expect(e.code).toBe("INVALID_INPUT");
      expect(e.issues[0]?.path).toBe("sessions.0.participants");
    });

    it("a hole in the array is no session, whatever Array.prototype says", () => {
      (Array.prototype as unknown as Record<string, unknown>)["0"] = { id: "H", date: "2022-03-02", minutes: 60, kind: "individual" };
      // eslint-disable-next-line no-sparse-arrays
      const sessions = [, { id: "S2", date: "2022-03-02", minutes: 60, kind: "individual" }] as unknown as Session[];
      const e = rulesErrorOf(() => statement(FR, "2022-03", { sessions }));
      expect(e.issues[0]?.path).toBe("sessions.0");
      expect(e.message).toContain("received undefined");
    });
  });

  it("a throwing getter, a throwing trap and a revoked Proxy are RulesErrors naming the session", () => {
    const throwing = Object.defineProperty({ id: "T", date: "2022-03-02", kind: "individual" }, "minutes", {
      enumerable: true,
      get: () => {
        throw new TypeError("boom");
      },
    });
    const trap = new Proxy({}, { getPrototypeOf: () => { throw new Error("trap"); } });
    const { proxy, revoke } = Proxy.revocable({ id: "R", date: "2022-03-02", minutes: 5, kind: "individual" }, {});
    revoke();
    for (const bad of [throwing, trap, proxy]) {
      const e = rulesErrorOf(() => statement(FR, "2022-03", { sessions: [bad as Session] }));
      expect(e.code).toBe("INVALID_INPUT");
      expect(e.message).toMatch(/^sessions\.0: could not be read/);
    }
    const list = new Proxy([], { get: () => { throw new Error("list trap"); } });
    expect(rulesErrorOf(() => statement(FR, "2022-03", { sessions: list })).message).toMatch(/^sessions: could not be read/);
  });

  it("ids are trimmed and NFC: 'S1 ' repeats 'S1', and å in two code points repeats å in one", () => {
    const base = { date: "2022-03-02", minutes: 60, kind: "individual" as const };
    expect(rulesErrorOf(() => statement(FR, "2022-03", { sessions: [{ ...base, id: "S1" }, { ...base, id: " S1 " }] })).code).toBe("DUPLICATE_ID");
    expect(rulesErrorOf(() => statement(FR, "2022-03", { sessions: [{ ...base, id: "\u00e5" }, { ...base, id: "a\u030a" }] })).code).toBe("DUPLICATE_ID");
    const s = statement(FR, "2022-03", { sessions: [{ ...base, id: "  a\u030a-1\t" }] });
    expect(s.lines[0]?.explanation.inputs.sessionId).toBe("\u00e5-1");
    expect(rulesErrorOf(() => statement(FR, "2022-03", { sessions: [{ ...base, id: "   " }] })).issues[0]?.path).toBe("sessions.0.id");
  });

  it("an absurdly long sessions array is refused before anything is allocated for it", () => {
    const sessions = new Array<Session>(2 ** 32 - 1);
    const started = performance.now();
    const e = rulesErrorOf(() => statement(FR, "2022-03", { sessions }));
    expect(performance.now() - started).toBeLessThan(500);
    expect(e.message).toBe("sessions: expected at most 10 000 000 elements, received an array of 4294967295");
  });
});

describe("call-offs, paid amounts, intakes and index series are read once too", () => {
  it("call-off hours that answer 10 and then 1000 raise the cap by 10", () => {
    const callOffs = [fickle({ id: "A1", date: "2022-01-03", hours: "10", form: "written" }, { hours: "1000" })];
    const s = statement(FR, "2022-12", { callOffs: callOffs as never });
    expect(s.cap?.capHours.toString()).toBe("2600");
    expect(s.cap?.callOffs.map((c) => c.hours)).toEqual(["10"]);
  });

  it("a paid amount that answers 100 and then 900 is compared as 100", () => {
    const paid = fickle({ "2020-01": "100.00" }, { "2020-01": "900.00" });
    const r = yearReport(contracts.valdINaraRelation, 2020, { start: "2020-01-01", paid: paid as never });
    expect(r.reconciliation?.quarters[0]?.paid.toFixed(2)).toBe("100.00");
  });

  it("an index percent that answers 3.0 and then 30 indexes by 3.0 %", () => {
    const percent = fickle({ 2023: "3.0" }, { 2023: "30" });
    const once = statement(FR, "2023-01", { index: { name: "uppräkningsmodell", percent: percent as never }, sessions: [{ id: "S", date: "2023-01-02", minutes: 60, kind: "individual" }] });
    expect(once.total.toFixed(2)).toBe("623.15");
  });

  it("an index revision reads its sessions once for both series (was: once per series)", () => {
    const sessions = [fickle({ id: "S", date: "2023-01-02", minutes: 60, kind: "individual" }, { minutes: 6000 })];
    const r = indexRevision(FR, 2023, {
      from: { name: "uppräkningsmodell", percent: { 2023: "3.0" } },
      to: { name: "uppräkningsmodell", percent: { 2023: "4.0" } },
      paidThrough: "2023-01",
      input: { sessions: sessions as never },
    });
    // 605 × 1.03 = 623.15 and 605 × 1.04 = 629.20 for one hour.
    expect([r.paid.toFixed(2), r.revised.toFixed(2), r.difference.toFixed(2)]).toEqual(["623.15", "629.20", "6.05"]);
  });

  it("an intake whose firstMeeting changes between reads is counted as first read", () => {
    const intakes = [fickle({ id: "I1", firstContact: "2024-01-08", firstMeeting: "2024-01-10" }, { firstMeeting: "2024-03-30" })];
    const w = waitingTimes(FR, intakes as never);
    expect(w.cases[0]?.waitDays).toBe(2);
  });
});

describe("forged Decimals are RulesErrors, real ones from any constructor are read exactly", () => {
  it("look-alikes", () => {
    const forged = [{ toStringTag: "[object Decimal]" }, { toStringTag: "[object Decimal]", toFixed: () => { throw new Error("x"); } }, { toStringTag: "[object Decimal]", toFixed: () => 5 }, { toStringTag: "[object Decimal]", toFixed: () => "NaN" }];
    for (const f of forged) expect(rulesErrorOf(() => twelfths(f as never)).code).toBe("INVALID_MONEY");
    // One that answers digits is read as those digits, once.
    expect(twelfths({ toStringTag: "[object Decimal]", toFixed: () => "12.00" } as never).map((d) => d.toFixed(2))[11]).toBe("1.00");
    expect(twelfths(new Decimal("1827000")).map(String)[0]).toBe("152250");
  });
});

describe("law: a statement of objects that answer garbage after their first read equals the statement of plain objects", () => {
  test.prop([plausibleStatementArgs], { numRuns: 60 })("statement", ([contract, month, input]) => {
    const given = input as { sessions?: unknown[] };
    const canonical = (i: unknown): string => {
      try {
        return JSON.stringify(statement(contract as never, month as string, i as never), (_k, v: unknown) => (Decimal.isDecimal(v) ? v.toString() : v));
      } catch (e) {
        if (e instanceof RulesError) return `RulesError ${e.code} ${e.message}`;
        throw e;
      }
    };
    const garbage = { id: "G", date: "1999-01-01", minutes: 99_999, kind: "group", participants: 1, caseId: "Z" };
    const fickleInput = { ...given, sessions: (given.sessions ?? []).map((s) => (typeof s === "object" && s !== null && !Array.isArray(s) ? fickle(s as Record<string, unknown>, garbage) : s)) };
    expect(canonical(fickleInput)).toBe(canonical(given));
  });
});

