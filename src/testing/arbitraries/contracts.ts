/**
 * fast-check arbitraries of valid commissions, as plain JSON data.
 *
 * @module
 */
import fc from "fast-check";
import { daysInMonth, makeDate, oreToString, type ContractInput } from "../../index.js";

/**
 * Which commissions {@link contractArbitrary} makes. Every option left out
 * varies: a kind of compensation, and with and without each clause.
 *
 * @example
 * ```ts
 * const options: ContractArbitraryOptions = { kind: "hourly", cap: true, callOffs: true };
 * ```
 */
export interface ContractArbitraryOptions {
  /** The kind of compensation; default any of the three. */
  kind?: "fixed-annual" | "hourly" | "hour-volume";
  /** With an indexation clause (`true`), without (`false`); default either. */
  indexation?: boolean;
  /** An hourly commission with a yearly cap (`true`) or without (`false`); default either. */
  cap?: boolean;
  /** With a written call-off clause (`true`) or without (`false`); default either. */
  callOffs?: boolean;
  /** A term whose start the text does not give (`"unknown"`); default sometimes. */
  unknownStart?: boolean;
  /** The first and last year a term may start in; default 2018–2026. */
  years?: { min: number; max: number };
}

/** Either the option's value or both. */
const flag = (value: boolean | undefined): fc.Arbitrary<boolean> => (value === undefined ? fc.boolean() : fc.constant(value));

/** Money as a string with two decimals, between `min` and `max` kronor. */
const kronor = (min: number, max: number): fc.Arbitrary<string> => fc.integer({ min: min * 100, max: max * 100 }).map(oreToString);

/** A whole number of kronor as a string (figures a contract states round). */
const wholeKronor = (min: number, max: number): fc.Arbitrary<string> => fc.integer({ min, max }).map((n) => n.toString());

const termArbitrary = (options: ContractArbitraryOptions) => {
  const years = options.years ?? { min: 2018, max: 2026 };
  return fc
    .record({
      year: fc.integer(years),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.constantFrom(1, 1, 1, 15, 31),
      unknown: fc.constant(options.unknownStart ?? false),
      fixedYears: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
      extensions: fc.option(fc.record({ count: fc.integer({ min: 1, max: 2 }), months: fc.constantFrom(12, 24) }), { nil: null }),
    })
    .map((t) => {
      const start = makeDate(t.year, t.month, Math.min(t.day, daysInMonth(t.year, t.month)));
      const end = t.fixedYears === null || t.unknown ? null : makeDate(t.year + t.fixedYears, 12, 31);
      return { start: t.unknown ? ("unknown" as const) : start, startYear: t.year, end, extensions: end === null ? null : t.extensions };
    });
};

/**
 * An arbitrary of valid commissions, written as plain JSON data exactly as
 * a user's file would be: every one passes `parseContract`, also after a
 * JSON round trip. It varies the compensation (a fixed annual amount paid
 * as twelfths, an hourly rate with the quarter-hour and group rules and a
 * visit fee, an hour volume), the term (open-ended or fixed with extensions,
 * a start in any month or `"unknown"`), indexation, a yearly cap, call-offs,
 * notice, reporting and early termination. A fixed annual amount is always
 * paid as twelfths, so that every commission made can be billed (the
 * library refuses to invent a monthly amount). Built from records and integers,
 * so a failing commission shrinks to a small one.
 *
 * @param options - what to hold fixed
 * @returns the arbitrary
 * @example
 * ```ts
 * import { test } from "vitest";
 * import fc from "fast-check";
 * import { parseContract, statement } from "verksamhetsuppdrag";
 * import { contractArbitrary } from "verksamhetsuppdrag/testing";
 *
 * test("my importer keeps every commission the library accepts", () => {
 *   fc.assert(fc.property(contractArbitrary({ kind: "hourly" }), (data) => {
 *     const contract = parseContract(JSON.parse(JSON.stringify(data)));
 *     expect(myImporter.read(JSON.stringify(data)).rate).toBe(contract.compensation.kind === "hourly" ? contract.compensation.rate : null);
 *   }));
 * });
 * ```
 */
export function contractArbitrary(options: ContractArbitraryOptions = {}): fc.Arbitrary<ContractInput> {
  const term = options.unknownStart === undefined ? fc.oneof({ arbitrary: termArbitrary({ ...options, unknownStart: false }), weight: 4 }, { arbitrary: termArbitrary({ ...options, unknownStart: true }), weight: 1 }) : termArbitrary(options);
  return fc
    .record({
      n: fc.integer({ min: 1, max: 999 }),
      term,
      kind: options.kind === undefined ? fc.constantFrom("fixed-annual" as const, "hourly" as const, "hour-volume" as const) : fc.constant(options.kind),
      indexed: flag(options.indexation),
      capped: flag(options.cap),
      callOffs: flag(options.callOffs),
      priceYearsBefore: fc.integer({ min: 0, max: 2 }),
      fixedAnnual: fc.record({ amount: wholeKronor(12, 9_999_999), premises: fc.option(fc.boolean(), { nil: null }), reconciliation: fc.boolean() }),
      hourly: fc.record({
        rate: kronor(1, 2_000),
        group: fc.option(fc.record({ clientHours: fc.integer({ min: 1, max: 6 }), minParticipants: fc.integer({ min: 1, max: 10 }), minMinutes: fc.constantFrom(30, 60, 90), extra: fc.constantFrom(0, 30, 60) }), { nil: null }),
        capHours: fc.integer({ min: 1, max: 5_000 }),
        fee: fc.option(fc.record({ amount: wholeKronor(0, 500), owedTo: fc.constantFrom("purchaser" as const, "provider" as const) }), { nil: null }),
      }),
      volume: fc.record({ hours: fc.integer({ min: 1, max: 50_000 }), cost: wholeKronor(1, 99_999_999) }),
      notice: fc.option(fc.record({ months: fc.integer({ min: 1, max: 24 }), givenBy: fc.constantFrom("either" as const, "purchaser" as const, "provider" as const), unless: fc.boolean() }), { nil: null }),
      reports: fc.subarray(["activity-report", "lex-sarah-summary"] as const),
      dueMonth: fc.integer({ min: 1, max: 12 }),
      dueDay: fc.integer({ min: 1, max: 28 }),
      early: fc.option(fc.record({ cureDays: fc.integer({ min: 1, max: 90 }), noticeMonths: fc.integer({ min: 1, max: 12 }) }), { nil: null }),
    })
    .map((g): ContractInput => {
      const doc = `EX ${g.n.toString()}`;
      const at = (section: string): string => `${doc} §${section}`;
      const priceYear = g.term.startYear - g.priceYearsBefore;
      const compensation: ContractInput["compensation"] =
        g.kind === "fixed-annual"
          ? {
              kind: "fixed-annual",
              amount: g.fixedAnnual.amount,
              priceYear,
              twelfths: true,
              premisesIncluded: g.fixedAnnual.premises,
              reconciliation: g.fixedAnnual.reconciliation ? { every: "quarter", clause: at("2") } : null,
              clause: at("2"),
            }
          : g.kind === "hourly"
            ? {
                kind: "hourly",
                rate: g.hourly.rate,
                priceYear,
                billableTime: { minutesPerHour: 60, unit: "started-quarter-hour", billable: "direct-client-related", clause: at("2") },
                groupRule:
                  g.hourly.group === null
                    ? null
                    : {
                        clientHoursPerGroupHour: g.hourly.group.clientHours,
                        minParticipants: g.hourly.group.minParticipants,
                        minMinutes: g.hourly.group.minMinutes,
                        maxMinutes: g.hourly.group.minMinutes + g.hourly.group.extra,
                        clause: at("2"),
                      },
                yearlyCap: g.capped ? { hours: g.hourly.capHours.toString(), clause: at("2") } : null,
                visitFee: g.hourly.fee === null ? null : { amount: g.hourly.fee.amount, priceYear, revisedYearly: true, owedTo: g.hourly.fee.owedTo, clause: at("2.3") },
                clause: at("2"),
              }
            : {
                kind: "hour-volume",
                hoursPerYear: g.volume.hours.toString(),
                annualCost: g.volume.cost,
                hourlyPrice: null,
                proRating: "months-in-force",
                statedYears: [],
                clause: at("2"),
              };
      return {
        id: `exempel-${g.n.toString()}`,
        title: `Exempeluppdrag ${g.n.toString()}`,
        document: doc,
        reference: doc,
        date: null,
        source: "generated by verksamhetsuppdrag/testing",
        parties: { purchaser: "Exempelnämnden", provider: "Exempelutföraren" },
        amends: null,
        term: { start: g.term.start, end: g.term.end, extensions: g.term.extensions === null ? null : { ...g.term.extensions, clause: at("1") }, clause: at("1") },
        notice: g.notice === null ? null : { months: g.notice.months, form: "written", givenBy: g.notice.givenBy, unlessAgreedOtherwise: g.notice.unless, clause: at("1") },
        compensation,
        indexation: g.indexed ? { series: "OPI", fixedUntil: null, firstAdjustedYear: (g.kind === "hour-volume" ? g.term.startYear : priceYear) + 1, clause: at("2") } : null,
        callOffs: g.callOffs ? { form: "written", atContractCompensation: true, clause: at("2") } : null,
        payment: { frequency: "monthly", inArrears: true, clause: at("2") },
        reporting: g.reports.map((kind) => ({ kind, dueMonth: g.dueMonth, dueDay: g.dueDay, covers: "previous-calendar-year", clause: at("4") })),
        earlyTermination: g.early === null ? null : { ...g.early, noticeForm: "written", by: "purchaser", clause: at("5") },
        eligibility: { minimumAge: null, residency: null },
        serviceLevels: { firstMeetingWithinDays: null, reportWaitsOverDays: null, openingHours: null },
        insurance: null,
        expectedResults: [],
        staffing: null,
        groups: null,
        notes: [],
      };
    });
}
