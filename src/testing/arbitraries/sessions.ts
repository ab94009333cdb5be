/**
 * fast-check arbitraries of what happens in a commission's year: sessions,
 * written call-offs, index series and the corrections a settlement meets.
 *
 * @module
 */
import fc from "fast-check";
import {
  addDays,
  daysInMonth,
  isLocalDate,
  makeDate,
  type CallOff,
  type Contract,
  type ContractInput,
  type IndexEntryInput,
  type IndexSeries,
  type LocalDate,
  type Session,
  type SettlementInput,
  type YearMonth,
} from "../../index.js";

/**
 * What {@link yearSessionsArbitrary} makes.
 *
 * @example
 * ```ts
 * const options: SessionsArbitraryOptions = { maxSessions: 50, kinds: ["group"] };
 * ```
 */
export interface SessionsArbitraryOptions {
  /** The most sessions; default 30. */
  maxSessions?: number;
  /** Which kinds of session; default both (groups only when the contract has a group rule, else rarely). */
  kinds?: readonly ("individual" | "group")[];
  /** The start to use when the contract's is `"unknown"`, as `input.start` gives it. */
  start?: LocalDate;
}

/** Minutes a rule turns on: the quarter-hour edges and the one- and two-hour marks. */
const EDGE_MINUTES = [0, 1, 14, 15, 16, 29, 30, 31, 44, 45, 46, 59, 60, 61, 89, 90, 91, 119, 120, 121, 180, 240] as const;

const pad = (n: number): string => n.toString().padStart(2, "0");

/** A date of `year`: any day, or one on an edge (the year's, a month's, the term's). */
function dateIn(year: number, edges: readonly LocalDate[]): fc.Arbitrary<LocalDate> {
  const any = fc
    .record({ month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
    .map(({ month, day }) => makeDate(year, month, Math.min(day, daysInMonth(year, month))));
  const monthEnd = fc.integer({ min: 1, max: 12 }).map((month) => makeDate(year, month, daysInMonth(year, month)));
  const inYear = [`${year.toString()}-01-01`, `${year.toString()}-12-31`, ...edges.filter((d) => d.startsWith(`${year.toString()}-`))];
  return fc.oneof({ arbitrary: any, weight: 6 }, { arbitrary: monthEnd, weight: 1 }, { arbitrary: fc.constantFrom(...inYear), weight: 2 });
}

/** The term's edges: its first and last day and the days either side of them. */
function termEdges(contract: Contract | ContractInput, start: LocalDate | undefined): LocalDate[] {
  const first = isLocalDate(contract.term.start) ? contract.term.start : start;
  const edges: LocalDate[] = [];
  for (const day of [first, contract.term.end ?? undefined]) {
    if (day !== undefined && isLocalDate(day)) edges.push(addDays(day, -1), day, addDays(day, 1));
  }
  return edges;
}

/**
 * An arbitrary of a year's sessions for a commission: individual and group
 * sessions on dates across the year (its first and last day, month ends,
 * the term's first and last day and the days either side, so some fall
 * outside the term), minutes on the quarter-hour edges (0, 14, 15, 16, …,
 * 61, 119, 120, 121) and the group rule's limits, participants one below,
 * at and one above the rule's least number, and now and then a case id,
 * an age or a client from another municipality. Ids are unique (`S1`,
 * `S2`, …). Shrinks to fewer, shorter sessions.
 *
 * @param contract - the commission (parsed, or its JSON data)
 * @param year - the year the sessions fall in
 * @param options - how many, which kinds, a start for an unknown one
 * @returns the arbitrary
 * @example
 * ```ts
 * import { test } from "vitest";
 * import fc from "fast-check";
 * import { contracts, statement } from "verksamhetsuppdrag";
 * import { yearSessionsArbitrary } from "verksamhetsuppdrag/testing";
 *
 * test("my export bills what the library bills", () => {
 *   fc.assert(fc.property(yearSessionsArbitrary(contracts.familjeradgivning, 2022), (sessions) => {
 *     const expected = statement(contracts.familjeradgivning, "2022-03", { sessions }).total.toFixed(2);
 *     expect(myBilling.march(sessions)).toBe(expected);
 *   }));
 * });
 * ```
 */
export function yearSessionsArbitrary(contract: Contract | ContractInput, year: number, options: SessionsArbitraryOptions = {}): fc.Arbitrary<Session[]> {
  const compensation = contract.compensation;
  const rule = compensation.kind === "hourly" ? compensation.groupRule ?? null : null;
  const kinds = options.kinds ?? (rule === null ? ["individual", "individual", "individual", "group"] : ["individual", "group"]);
  const least = rule?.minParticipants ?? 5;
  const groupMinutes = rule === null ? [60, 90, 120] : [rule.minMinutes - 1, rule.minMinutes, rule.maxMinutes, rule.maxMinutes + 1].filter((m) => m >= 0);
  const date = dateIn(year, termEdges(contract, options.start));
  const minutes = fc.oneof(fc.constantFrom(...EDGE_MINUTES), fc.integer({ min: 0, max: 480 }));
  const session = fc.record({
    kind: fc.constantFrom(...kinds),
    date,
    minutes,
    groupMinutes: fc.oneof(fc.constantFrom(...groupMinutes), minutes),
    participants: fc.constantFrom(Math.max(1, least - 1), least, least + 1, least + 3),
    caseId: fc.option(fc.integer({ min: 1, max: 8 }).map((n) => `C${n.toString()}`), { nil: undefined, freq: 2 }),
    age: fc.option(fc.integer({ min: 15, max: 90 }), { nil: undefined, freq: 8 }),
    resident: fc.option(fc.boolean(), { nil: undefined, freq: 8 }),
  });
  return fc.array(session, { maxLength: options.maxSessions ?? 30 }).map((drawn) =>
    drawn.map((s, i): Session => {
      const out: Session = s.kind === "group"
        ? { id: `S${(i + 1).toString()}`, date: s.date, minutes: s.groupMinutes, kind: "group", participants: s.participants }
        : { id: `S${(i + 1).toString()}`, date: s.date, minutes: s.minutes, kind: "individual" };
      if (s.caseId !== undefined) out.caseId = s.caseId;
      if (s.age !== undefined) out.age = s.age;
      if (s.resident !== undefined) out.resident = s.resident;
      return out;
    }),
  );
}

/**
 * An arbitrary of written call-offs (*skriftliga avrop*) in a year: dates
 * across the year, hours as decimal strings (whole or half hours), ids
 * `AV1`, `AV2`, … The library refuses an oral call-off, so none is made.
 *
 * @param year - the year
 * @param options - the most call-offs (default 3) and the most hours of one (default 200)
 * @returns the arbitrary
 * @example
 * ```ts
 * import fc from "fast-check";
 * import { contracts, yearReport } from "verksamhetsuppdrag";
 * import { callOffsArbitrary, yearSessionsArbitrary } from "verksamhetsuppdrag/testing";
 *
 * fc.assert(fc.property(yearSessionsArbitrary(contracts.familjeradgivning, 2022), callOffsArbitrary(2022), (sessions, callOffs) => {
 *   const r = yearReport(contracts.familjeradgivning, 2022, { sessions, callOffs });
 *   expect(myCapCheck(sessions, callOffs)).toBe(r.notPayable.isZero());
 * }));
 * ```
 */
export function callOffsArbitrary(year: number, options: { maxCallOffs?: number; maxHours?: number } = {}): fc.Arbitrary<CallOff[]> {
  const callOff = fc.record({ date: dateIn(year, []), halves: fc.integer({ min: 1, max: 2 * (options.maxHours ?? 200) }) });
  return fc.array(callOff, { maxLength: options.maxCallOffs ?? 3 }).map((drawn) =>
    drawn.map((c, i): CallOff => ({ id: `AV${(i + 1).toString()}`, date: c.date, hours: c.halves % 2 === 0 ? (c.halves / 2).toString() : `${((c.halves - 1) / 2).toString()}.5`, form: "written" })),
  );
}

/**
 * An arbitrary of an index series with a value for every year from `from`
 * to `to`: percentages with one decimal between −1.0 and 9.9 (written as
 * strings), each final or preliminary. Pass it as `input.index` to price a
 * year the shipped series does not cover.
 *
 * @param name - the series' name, as the contract's indexation names it (`"OPI"`, `"uppräkningsmodell"`)
 * @param from - the first year
 * @param to - the last year
 * @returns the arbitrary
 * @example
 * ```ts
 * import fc from "fast-check";
 * import { annualAmount, contracts } from "verksamhetsuppdrag";
 * import { indexSeriesArbitrary } from "verksamhetsuppdrag/testing";
 *
 * fc.assert(fc.property(indexSeriesArbitrary("OPI", 2022, 2030), (index) => {
 *   const amount = annualAmount(contracts.beroendemottagningen, 2030, { index });
 *   expect(myIndexation(index, 2030)).toBe(amount.toFixed(2));
 * }));
 * ```
 */
export function indexSeriesArbitrary(name: string, from: number, to: number): fc.Arbitrary<IndexSeries> {
  const value = fc.record({ tenths: fc.integer({ min: -10, max: 99 }), final: fc.boolean() });
  return fc.array(value, { minLength: to - from + 1, maxLength: to - from + 1 }).map((drawn) => {
    const values: Record<number, IndexEntryInput> = {};
    drawn.forEach((v, i) => {
      const sign = v.tenths < 0 ? "-" : "";
      const abs = Math.abs(v.tenths);
      values[from + i] = { percent: `${sign}${Math.floor(abs / 10).toString()}.${(abs % 10).toString()}`, status: v.final ? "final" : "preliminary", source: "generated by verksamhetsuppdrag/testing" };
    });
    return { name, values };
  });
}

/**
 * One settlement run of {@link correctionsArbitrary}: the month settled and
 * what the municipality's system knows at that time (pass it to `settle`
 * with `paid` every earlier run's entries).
 *
 * @example
 * ```ts
 * const step: SettlementStep = { month: "2022-04", input: { sessions: [] } };
 * ```
 */
export interface SettlementStep {
  /** The month settled. */
  month: YearMonth;
  /** The sessions known then, with the options' other inputs. */
  input: SettlementInput;
}

/**
 * An arbitrary of a sequence of monthly settlements over part of a year in
 * which sessions are corrected: some are registered late (known only one or
 * two settlements after their month), some have their minutes changed
 * after they were paid, some are removed after they were paid. Each step
 * lists the sessions as known at its settlement and settles from the first
 * month (`from`), so a late session is booked on its own month. Settling the steps in
 * turn, each with `paid` every earlier step's entries, must end with the
 * same amounts booked per line as a statement of the final sessions.
 *
 * @param contract - the commission (parsed, or its JSON data)
 * @param year - the year settled
 * @param options - the first month settled (1–12, default any), the most settlements (default 4), inputs every step carries (`start`, `index`, `policies`)
 * @returns the arbitrary
 * @example
 * ```ts
 * import fc from "fast-check";
 * import { contracts, settle, settlementToJSON, type LedgerEntryJSON } from "verksamhetsuppdrag";
 * import { correctionsArbitrary } from "verksamhetsuppdrag/testing";
 *
 * fc.assert(fc.property(correctionsArbitrary(contracts.familjeradgivning, 2022), (steps) => {
 *   const ledger: LedgerEntryJSON[] = [];
 *   for (const step of steps) {
 *     for (const e of settlementToJSON(settle(contracts.familjeradgivning, step.month, { ...step.input, paid: [...ledger] })).entries) ledger.push(e);
 *   }
 *   expect(myLedger.replay(steps)).toEqual(ledger.map((e) => e.amount));
 * }));
 * ```
 */
export function correctionsArbitrary(
  contract: Contract | ContractInput,
  year: number,
  options: { firstMonth?: number; maxSteps?: number; input?: Omit<SettlementInput, "sessions" | "paid"> } = {},
): fc.Arbitrary<SettlementStep[]> {
  const start = options.input?.start;
  const fate = fc.record({
    delay: fc.constantFrom(0, 0, 0, 1, 2),
    change: fc.option(fc.record({ after: fc.integer({ min: 0, max: 3 }), minutes: fc.oneof(fc.constantFrom(...EDGE_MINUTES), fc.integer({ min: 0, max: 240 })) }), { nil: null, freq: 3 }),
    removeAfter: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null, freq: 4 }),
  });
  return fc
    .record({
      first: options.firstMonth === undefined ? fc.integer({ min: 1, max: 12 }) : fc.constant(options.firstMonth),
      steps: fc.integer({ min: 1, max: options.maxSteps ?? 4 }),
      sessions: yearSessionsArbitrary(contract, year, { maxSessions: 12, ...(start === undefined ? {} : { start }) }),
      fates: fc.array(fate, { minLength: 12, maxLength: 12 }),
    })
    .map(({ first, steps, sessions, fates }) => {
      const count = Math.min(steps, 13 - first);
      const out: SettlementStep[] = [];
      for (let k = 0; k < count; k++) {
        const month = first + k;
        const known: Session[] = [];
        sessions.forEach((s, i) => {
          const f = fates[i % fates.length];
          if (f === undefined) return;
          const sessionMonth = Number(s.date.slice(5, 7));
          if (sessionMonth < first || sessionMonth + f.delay > month) return;
          const since = month - Math.max(sessionMonth + f.delay, first);
          if (f.removeAfter !== null && since > f.removeAfter) return;
          known.push(f.change !== null && since > f.change.after ? { ...s, minutes: f.change.minutes } : s);
        });
        out.push({ month: `${year.toString()}-${pad(month)}`, input: { ...options.input, from: `${year.toString()}-${pad(first)}`, sessions: known } });
      }
      return out;
    });
}
