/**
 * Generators of hostile input for the robustness suite: wrong types, NaN,
 * ±Infinity, -0, huge and negative numbers, impossible dates, unicode,
 * `__proto__` / `constructor` keys, very long strings, deep nesting, sparse
 * arrays, frozen objects — mixed with plausible values, so that a call gets
 * past the first check often enough to reach the rules behind it.
 *
 * Imports `fast-check` itself (not `@fast-check/vitest`): the fuzzing runs in
 * a worker thread outside vitest (see fuzz.test.ts).
 *
 * @module
 */
import fc from "fast-check";
import { boendestodProcuredOptions, contracts, Decimal, parseContract, settle, type Contract } from "../../src/index.js";

/** Keys that try to reach an object's prototype. */
export const NASTY_KEYS = ["__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty", "then"];

/** An object nested `depth` levels deep: `{ a: { a: … } }`. */
export function deep(depth: number): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  let at = root;
  for (let i = 0; i < depth; i++) {
    const next: Record<string, unknown> = {};
    at.a = next;
    at = next;
  }
  return root;
}

/** An array with holes: `[, , x, , y]`. */
function sparse(): unknown[] {
  const a: unknown[] = [];
  a[2] = "2022-03-01";
  a[5] = 1;
  return a;
}

/** An object whose own `__proto__` key is data (as JSON.parse makes it). */
function protoKey(): unknown {
  return JSON.parse('{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}}') as unknown;
}

/**
 * What a caller's own getter throws. Passing it on is fine: the error is the
 * caller's, not the package's (checks.errorProblem accepts it).
 */
export class CallerError extends Error {
  override name = "CallerError";
}

/** A getter that throws: reading the field fails. */
function throwingGetter(): unknown {
  return Object.defineProperty({}, "id", {
    enumerable: true,
    get() {
      throw new CallerError("the caller's getter threw");
    },
  });
}

/**
 * Odd values, each made fresh by a factory (so a test that freezes one does
 * not freeze it for the next run).
 */
const ODD_FACTORIES: (() => unknown)[] = [
  () => undefined,
  () => null,
  () => Number.NaN,
  () => Number.POSITIVE_INFINITY,
  () => Number.NEGATIVE_INFINITY,
  () => -0,
  () => 0,
  () => 1,
  () => -1,
  () => 0.5,
  () => 0.1 + 0.2,
  () => 1e21,
  () => -1e21,
  () => 1e308,
  () => Number.MAX_VALUE,
  () => Number.MIN_VALUE,
  () => Number.MAX_SAFE_INTEGER,
  () => Number.MIN_SAFE_INTEGER,
  () => 2 ** 53 + 2,
  () => 2 ** 31,
  () => -(2 ** 31) - 1,
  () => 2 ** 32,
  () => 99999999,
  () => 10000,
  () => 1e9,
  () => "",
  () => " ",
  () => "NaN",
  () => "Infinity",
  () => "-0",
  () => "1e3",
  () => "0x10",
  () => "12,5",
  () => "1 000",
  () => "٣",
  () => "2024-02-30",
  () => "2023-02-29",
  () => "2024-02-29",
  () => "2024-13-01",
  () => "2024-00-10",
  () => "0000-01-01",
  () => "0999-12-31",
  () => "9999-12-31",
  () => "+002024-01-01",
  () => "2024-1-01",
  () => "2024-01-01T00:00:00Z",
  () => "2024-01-01\n",
  () => "２０２４-０１-０１",
  () => "2024-06",
  () => "2024-6",
  () => "2024",
  () => "\u0000",
  () => "\uD800",
  () => "å".repeat(3),
  () => "👨‍👩‍👧",
  () => "__proto__",
  () => "constructor",
  () => "x".repeat(100_000),
  () => "2022-03-01".repeat(10_000),
  () => true,
  () => false,
  () => [],
  () => [undefined],
  () => ({}),
  () => Object.create(null) as unknown,
  () => Symbol("odd"),
  () => () => 1,
  () => 10n,
  () => -(2n ** 70n),
  () => new Date(Number.NaN),
  () => new Date(0),
  () => new Map([["a", 1]]),
  () => new Set([1]),
  () => new Int32Array(3),
  () => new Number(5),
  () => new String("2022-03-01"),
  () => new Decimal("NaN"),
  () => new Decimal("Infinity"),
  () => new Decimal("-0"),
  () => new Decimal("1e-30"),
  () => new Decimal("123456789012345678901234567890"),
  () => /2022-03-01/,
  () => new Error("x"),
  () => Promise.resolve(1),
  () => deep(2_000),
  () => sparse(),
  () => protoKey(),
  () => throwingGetter(),
  () => Object.freeze({ id: "frozen" }),
  () => new Proxy({}, { get: () => "2022-03-01" }),
];

/** One odd value, made fresh. */
export const odd: fc.Arbitrary<unknown> = fc.integer({ min: 0, max: ODD_FACTORIES.length - 1 }).map((i) => (ODD_FACTORIES[i] as () => unknown)());

/** Anything fast-check can think of, with prototype keys and odd containers. */
export const anything: fc.Arbitrary<unknown> = fc.anything({
  maxDepth: 3,
  maxKeys: 5,
  key: fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom(...NASTY_KEYS)),
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  stringUnit: "grapheme",
});

/** Any hostile value. */
export const garbage: fc.Arbitrary<unknown> = fc.oneof(odd, anything, fc.double(), fc.integer(), fc.string({ unit: "binary", maxLength: 12 }));

/** A plausible value most of the time, garbage otherwise. */
export function or<T>(plausible: fc.Arbitrary<T>, weight = 3): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: plausible, weight }, { arbitrary: garbage, weight: 1 });
}

/** An optional argument: left out (undefined) or given. */
export function opt(a: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof(fc.constant(undefined), a);
}

// ---------------------------------------------------------------------------
// Dates, months, years, money.

const pad = (n: number, w: number): string => n.toString().padStart(w, "0");

/** A year: mostly recent, sometimes anywhere in 1000–9999, sometimes out of range. */
export const year: fc.Arbitrary<number> = fc.oneof(
  { arbitrary: fc.integer({ min: 2015, max: 2030 }), weight: 4 },
  { arbitrary: fc.integer({ min: 1000, max: 9999 }), weight: 1 },
  { arbitrary: fc.integer({ min: -100_000, max: 100_000 }), weight: 1 },
);

/** A real calendar date as `YYYY-MM-DD`, mostly 2015–2030. */
export const validDate: fc.Arbitrary<string> = fc
  .tuple(year.filter((y) => y >= 1000 && y <= 9999), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
  .map(([y, m, d]) => {
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return `${pad(y, 4)}-${pad(m, 2)}-${pad(Math.min(d, last), 2)}`;
  });

/** A date string that may not exist: day 0–32, month 0–13, odd years. */
export const dateLike: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
  .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);

/** A date: valid, impossible, or garbage. */
export const date: fc.Arbitrary<unknown> = fc.oneof({ arbitrary: validDate, weight: 6 }, { arbitrary: dateLike, weight: 1 }, { arbitrary: garbage, weight: 1 });

/** A month `YYYY-MM`: valid, impossible, or garbage. */
export const yearMonth: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: validDate.map((d) => d.slice(0, 7)), weight: 6 },
  { arbitrary: fc.tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 13 })).map(([y, m]) => `${pad(y, 4)}-${pad(m, 2)}`), weight: 1 },
  { arbitrary: garbage, weight: 1 },
);

/** A whole number: small, large, negative, unsafe, or garbage. */
export const int: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.integer({ min: -50, max: 50 }), weight: 4 },
  { arbitrary: fc.integer(), weight: 1 },
  { arbitrary: fc.constantFrom(Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 2 ** 53, 1e15, -1e15, 1e6, 1e9), weight: 1 },
  { arbitrary: garbage, weight: 1 },
);

/** A safe integer of öre, any sign and size. */
export const ore: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 1_000_000_000 }), weight: 4 },
  { arbitrary: fc.maxSafeInteger(), weight: 2 },
  { arbitrary: garbage, weight: 1 },
);

/** Money as a caller might give it. */
export const money: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 1_000_000_000 }).map((o) => `${Math.floor(o / 100).toString()}.${pad(o % 100, 2)}`), weight: 3 },
  { arbitrary: fc.integer({ min: -1_000_000, max: 1_000_000_000 }), weight: 2 },
  { arbitrary: fc.integer({ min: 0, max: 99_999_999 }).map((o) => o / 100), weight: 1 },
  { arbitrary: fc.integer({ min: -1e9, max: 1e9 }).map((o) => new Decimal(o).dividedBy(100)), weight: 1 },
  { arbitrary: fc.constantFrom("9007199254740.99", "90071992547409.92", "-0.00", "0.001", "1e6", " 5", "5 ", "+5", "05", ".5", "5."), weight: 1 },
  { arbitrary: garbage, weight: 2 },
);

/** A rounding mode, or not. */
export const roundingMode: fc.Arbitrary<unknown> = opt(or(fc.constantFrom("half-up", "half-even", "down", "up")));

/** A percentage as the indexation reads it. */
export const percent: fc.Arbitrary<unknown> = or(
  fc.oneof(
    fc.integer({ min: -1000, max: 2000 }).map((p) => (p / 100).toString()),
    fc.integer({ min: -100, max: 100 }),
    fc.constantFrom("3.5", "4.6", "-100", "-99.99", "1000000", "0.0001", "1.23456", "4,6"),
  ),
);

// ---------------------------------------------------------------------------
// Contracts.

/** Every shipped contract and procured option, parsed. */
export const SHIPPED = [...Object.values(contracts), ...Object.values(boendestodProcuredOptions as Record<string, unknown>)];

/** The shipped contracts as plain JSON data (what a caller would write). */
export const SHIPPED_JSON: unknown[] = SHIPPED.map((c) => JSON.parse(JSON.stringify(c)) as unknown);

type Json = Record<string, unknown> | unknown[];

/** Every path to a value inside a JSON tree. */
function pathsOf(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (typeof value !== "object" || value === null) return out;
  for (const [k, v] of Object.entries(value)) {
    const key: string | number = Array.isArray(value) ? Number(k) : k;
    out.push([...prefix, key]);
    pathsOf(v, [...prefix, key], out);
  }
  return out;
}

const SHIPPED_PATHS = SHIPPED_JSON.map((c) => pathsOf(c));

/** A value to put into a contract: JSON-ish (what parseContract may see from a file) or anything. */
const contractValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(0, -1, 1, 0.5, 1e21, 2 ** 53, "", "0", "-5", "2590", "1e3", "2024-02-30", "9999-12-31", "1000-01-01", "unknown", null, true, [], {}, "x".repeat(5000)),
  validDate,
  fc.integer(),
  fc.string({ maxLength: 8 }),
  garbage,
);

/** One change to a JSON contract. */
const edit = fc.tuple(fc.nat(), fc.constantFrom("set", "delete", "proto", "swap"), contractValue);

/** A copy of a shipped contract's JSON with up to three fields changed, deleted or given a `__proto__`. */
export const contractData: fc.Arbitrary<unknown> = fc
  .tuple(fc.nat({ max: SHIPPED_JSON.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 3 }))
  .map(([which, edits]) => {
    const copy = JSON.parse(JSON.stringify(SHIPPED_JSON[which])) as Json;
    const paths = SHIPPED_PATHS[which] ?? [];
    for (const [n, kind, value] of edits) {
      const path = paths[n % Math.max(1, paths.length)] ?? [];
      let at: unknown = copy;
      for (const key of path.slice(0, -1)) at = typeof at === "object" && at !== null ? (at as Record<string | number, unknown>)[key] : undefined;
      const last = path[path.length - 1];
      if (typeof at !== "object" || at === null || last === undefined) continue;
      const parent = at as Record<string | number, unknown>;
      if (!Object.isExtensible(parent)) continue; // an odd value put there by an earlier edit
      if (kind === "set") parent[last] = value;
      else if (kind === "delete") Reflect.deleteProperty(parent, last);
      else if (kind === "proto") Object.defineProperty(parent, "__proto__", { value: { polluted: 1, kind: "hourly" }, enumerable: true, configurable: true, writable: true });
      else parent[last] = (parent as Record<string, unknown>)[String(path[0])] ?? value;
    }
    return copy;
  });

/** A contract for a function that takes one: shipped, a parsed variant, raw data that may not parse, or garbage. */
export const contract: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constantFrom(...SHIPPED), weight: 5 },
  {
    arbitrary: contractData.map((data) => {
      try {
        return parseContract(data);
      } catch {
        return data;
      }
    }),
    weight: 3,
  },
  { arbitrary: garbage, weight: 1 },
);

// ---------------------------------------------------------------------------
// Billing input.

const idPool = fc.oneof(fc.constantFrom("S1", "S2", "S3", "G1", "__proto__", "constructor", "", " ", "å", "x".repeat(300)), fc.string({ maxLength: 5 }));

/** A session: plausible, one field odd, or garbage. */
export const session: fc.Arbitrary<unknown> = fc.oneof(
  {
    arbitrary: fc.record(
      {
        id: or(idPool, 8),
        date: fc.oneof({ arbitrary: fc.integer({ min: 0, max: 800 }).map((d) => new Date(Date.UTC(2017, 0, 1 + d * 4)).toISOString().slice(0, 10)), weight: 5 }, { arbitrary: date, weight: 1 }),
        minutes: fc.oneof({ arbitrary: fc.integer({ min: 0, max: 240 }), weight: 8 }, { arbitrary: int, weight: 1 }),
        kind: or(fc.constantFrom("individual", "group"), 8),
        participants: opt(or(fc.integer({ min: 1, max: 12 }), 6)),
        caseId: opt(or(fc.constantFrom("P1", "P2"), 4)),
        age: opt(or(fc.integer({ min: 0, max: 120 }), 4)),
        resident: opt(or(fc.boolean(), 4)),
        residencyException: opt(or(fc.constantFrom("agreed", "  "), 4)),
      },
      { requiredKeys: ["id", "date", "minutes", "kind"] },
    ),
    weight: 12,
  },
  { arbitrary: garbage, weight: 1 },
);

/** A list of sessions: dense, sparse, with duplicates, or garbage. */
export const sessions: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.array(session, { maxLength: 25 }), weight: 8 },
  { arbitrary: fc.sparseArray(session, { maxLength: 8 }), weight: 1 },
  { arbitrary: garbage, weight: 1 },
);

/** A call-off. */
export const callOff: fc.Arbitrary<unknown> = or(
  fc.record({
    id: or(fc.constantFrom("A1", "A2", "__proto__"), 6),
    date: fc.oneof(validDate, date),
    hours: or(fc.oneof(fc.integer({ min: 0, max: 5000 }).map(String), fc.integer({ min: 0, max: 100 }), fc.constantFrom("0.25", "12.5", "999999999.99", "1e3")), 6),
    form: or(fc.constantFrom("written", "written", "written", "oral"), 8),
  }),
  8,
);

/** An index series (short or full form), for indexation and statements. */
export const indexSeries: fc.Arbitrary<unknown> = or(
  fc.record(
    {
      name: or(fc.constantFrom("OPI", "uppräkningsmodell", "KPI"), 6),
      percent: or(fc.dictionary(fc.oneof(fc.integer({ min: 2015, max: 2035 }).map(String), fc.constantFrom("__proto__", "x", "-1", "1e3")), percent, { maxKeys: 6 }), 6),
      values: or(
        fc.dictionary(
          fc.integer({ min: 2015, max: 2035 }).map(String),
          or(fc.record({ percent, status: opt(or(fc.constantFrom("final", "preliminary", "unspecified"))), source: opt(or(fc.string())), published: opt(date) }, { requiredKeys: ["percent"] })),
          { maxKeys: 4 },
        ),
        6,
      ),
      substitute: opt(or(fc.boolean())),
    },
    { requiredKeys: ["name"] },
  ),
  6,
);

const POLICY_VALUES: Record<string, string[]> = {
  quarterRounding: ["per-session", "per-month-per-case"],
  groupOutsideRule: ["actual-time", "not-billable", "reject"],
  groupHours: ["quarter-rounded", "whole-hours"],
  twelfthsRemainder: ["last", "first"],
  partialMonth: ["days", "whole-month", "nothing"],
  overCap: ["not-payable", "pay-with-warning"],
  visitFee: ["per-visit", "per-participant"],
  partYearVolume: ["stated", "pro-rata"],
  indexRounding: ["yearly-ore", "yearly-krona", "cumulative"],
};

/** Billing policies: known names with their values, sometimes unknown names or values. */
export const policies: fc.Arbitrary<unknown> = or(
  fc.record(Object.fromEntries(Object.entries(POLICY_VALUES).map(([k, v]) => [k, or(fc.constantFrom(...v), 8)])), { requiredKeys: [] }),
  6,
);

const inputFields = {
  sessions,
  callOffs: fc.oneof({ arbitrary: fc.array(callOff, { maxLength: 3 }), weight: 4 }, { arbitrary: garbage, weight: 1 }),
  index: indexSeries,
  policies,
  start: opt(date),
  visitFeeRule: opt(or(fc.oneof(fc.constantFrom("follow-rate", "unchanged"), fc.record({ amounts: fc.dictionary(fc.integer({ min: 2015, max: 2030 }).map(String), money, { maxKeys: 3 }) })))),
};

/** A statement's input. */
export const statementInput: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.record(inputFields, { requiredKeys: [] }), weight: 10 },
  { arbitrary: fc.constant(undefined), weight: 1 },
  { arbitrary: garbage, weight: 1 },
);

/** A year report's input: a statement's and `paid`. */
export const yearReportInput: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.record({ ...inputFields, paid: opt(or(fc.dictionary(fc.oneof(validDate.map((d) => d.slice(0, 7)), fc.constantFrom("__proto__", "2022-13", "x")), money, { maxKeys: 4 }))) }, { requiredKeys: [] }), weight: 10 },
  { arbitrary: fc.constant(undefined), weight: 1 },
  { arbitrary: garbage, weight: 1 },
);

/** A settlement's input: a statement's, `paid` (entries, some of them odd) and `from`. */
export const settlementInput: fc.Arbitrary<unknown> = fc.oneof(
  {
    arbitrary: fc.record(
      {
        ...inputFields,
        paid: opt(
          or(
            fc.array(
              or(
                fc.record(
                  { entryId: or(fc.string()), contractId: or(fc.constantFrom("familjeradgivning", "beroendemottagningen")), settledIn: yearMonth, month: yearMonth, lineId: or(fc.string()), kind: or(fc.constantFrom("provider", "fee")), amount: money, reason: or(fc.constantFrom("new", "changed", "removed")), description: or(fc.string()), clause: or(fc.string()) },
                  { requiredKeys: [] },
                ),
              ),
              { maxLength: 4 },
            ),
          ),
        ),
        from: opt(yearMonth),
      },
      { requiredKeys: [] },
    ),
    weight: 10,
  },
  { arbitrary: fc.constant(undefined), weight: 1 },
  { arbitrary: garbage, weight: 1 },
);

/** A notice of termination. */
export const notice: fc.Arbitrary<unknown> = or(
  fc.record(
    {
      receivedOn: date,
      form: or(fc.constantFrom("written", "written", "oral"), 6),
      months: opt(int),
      givenBy: opt(or(fc.constantFrom("purchaser", "provider"))),
    },
    { requiredKeys: ["receivedOn", "form"] },
  ),
  6,
);

/** A roll rule. */
export const roll: fc.Arbitrary<unknown> = or(fc.constantFrom("none", "next-workday"));

/** Intakes for waiting times. */
export const intakes: fc.Arbitrary<unknown> = or(
  fc.array(or(fc.record({ id: or(idPool, 6), firstContact: date, firstMeeting: fc.oneof(fc.constant(null), date) }), 8), { maxLength: 20 }),
  6,
);

/** Calendar entries for iCalendar. */
export const calendarEntries: fc.Arbitrary<unknown> = or(
  fc.array(
    or(
      fc.record(
        {
          id: or(idPool, 6),
          date,
          title: or(fc.string({ unit: "grapheme", maxLength: 100 }), 6),
          description: opt(or(fc.string({ unit: "grapheme", maxLength: 200 }), 6)),
          clause: opt(or(fc.string(), 6)),
          quote: opt(or(fc.string({ unit: "grapheme", maxLength: 300 }), 6)),
        },
        { requiredKeys: ["id", "date", "title"] },
      ),
      8,
    ),
    { maxLength: 6 },
  ),
  6,
);

/** An ISO timestamp with an offset, or not. */
export const timestamp: fc.Arbitrary<unknown> = or(
  fc.oneof(
    fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2100-12-31T23:59:59Z"), noInvalidDate: true }).map((d) => d.toISOString()),
    fc.tuple(validDate, fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.constantFrom("Z", "+01:00", "+02:00", "-05:00", "", "+14:00")).map(
      ([d, h, m, z]) => `${d}T${pad(h, 2)}:${pad(m, 2)}:00${z}`,
    ),
    fc.constantFrom("2024-03-31T02:30:00+01:00", "2024-10-27T02:30:00+02:00", "2024-03-31T01:59:59Z", "2024-02-30T10:00:00Z", "2024-01-01T24:00:00Z", "2024-01-01T10:00:60Z"),
  ),
  6,
);

// ---------------------------------------------------------------------------
// Plausible billing calls: every part well-formed, so that most calls get
// past validation and exercise the rules (caps, call-offs, group rule,
// partial months, index chains), with the odd duplicate id or date outside
// the term.

const POLICY_ARB = fc.record(
  Object.fromEntries(Object.entries(POLICY_VALUES).map(([k, v]) => [k, fc.constantFrom(...v)])),
  { requiredKeys: [] },
);

/** A well-formed session of `y` (now and then of the year before or after). */
function plausibleSession(y: number): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .record({
      n: fc.nat({ max: 80 }),
      doy: fc.nat({ max: 364 }),
      yearShift: fc.constantFrom(0, 0, 0, 0, 0, 0, 0, 0, -1, 1),
      minutes: fc.oneof({ arbitrary: fc.integer({ min: 0, max: 180 }), weight: 9 }, { arbitrary: fc.integer({ min: 0, max: 527_040 }), weight: 1 }),
      group: fc.boolean(),
      participants: fc.integer({ min: 1, max: 10 }),
      caseId: fc.constantFrom("P1", "P2", "P3", "P4"),
      resident: fc.option(fc.boolean(), { nil: undefined }),
      age: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
    })
    .map((r) => {
      const d = new Date(Date.UTC(y + r.yearShift, 0, 1 + r.doy)).toISOString().slice(0, 10);
      const s: Record<string, unknown> = { id: `S${r.n.toString()}`, date: d, minutes: r.minutes, kind: r.group ? "group" : "individual", caseId: r.caseId };
      if (r.group) s.participants = r.participants;
      if (r.resident !== undefined) s.resident = r.resident;
      if (r.age !== undefined) s.age = r.age;
      return s;
    });
}

/** Sessions with (mostly) unique ids. */
function plausibleSessions(y: number): fc.Arbitrary<Record<string, unknown>[]> {
  return fc.oneof(
    { arbitrary: fc.uniqueArray(plausibleSession(y), { maxLength: 40, selector: (s) => s.id }), weight: 9 },
    { arbitrary: fc.array(plausibleSession(y), { maxLength: 10 }), weight: 1 },
  );
}

function plausibleCallOffs(y: number): fc.Arbitrary<Record<string, unknown>[]> {
  return fc.uniqueArray(
    fc.record({
      id: fc.constantFrom("A1", "A2", "A3"),
      date: fc.nat({ max: 364 }).map((doy) => new Date(Date.UTC(y, 0, 1 + doy)).toISOString().slice(0, 10)),
      hours: fc.oneof(fc.integer({ min: 1, max: 3000 }).map(String), fc.constantFrom("0.25", "12.5", "0.01")),
      form: fc.constant("written"),
    }),
    { maxLength: 2, selector: (c) => c.id },
  );
}

/** An index for the contract's own series, covering the years a call may need. */
function plausibleIndex(c: unknown, always = false): fc.Arbitrary<unknown> {
  const series = (c as { indexation?: { series?: string } | null }).indexation?.series ?? "OPI";
  return fc.oneof(
    fc.constant(always ? { name: series, percent: {} } : undefined),
    fc.dictionary(fc.integer({ min: 2016, max: 2030 }).map(String), fc.integer({ min: -300, max: 1500 }).map((p) => (p / 100).toString()), { minKeys: 10, maxKeys: 15 }).map((percent) => ({
      name: series,
      percent: Object.fromEntries(Array.from({ length: 15 }, (_, k) => [String(2016 + k), percent[String(2016 + k)] ?? "2.0"])),
    })),
  );
}

/** A contract with a year mostly in its term (a year outside it now and then). */
const contractAndYear: fc.Arbitrary<[unknown, number]> = fc.constantFrom(...SHIPPED).chain((c) => {
  const term = (c as { term: { start: string; end: string | null } }).term;
  const first = term.start === "unknown" ? 2019 : Number(term.start.slice(0, 4));
  const last = term.end === null ? first + 4 : Number(term.end.slice(0, 4));
  return fc.oneof({ arbitrary: fc.integer({ min: first, max: last }), weight: 9 }, { arbitrary: fc.integer({ min: 2015, max: 2030 }), weight: 1 }).map((y): [unknown, number] => [c, y]);
});

/** Only what the contract allows: a start where the text gives none, call-offs where it has a clause for an hourly figure. */
function fitInput(c: unknown, input: Record<string, unknown>, startDate: string): Record<string, unknown> {
  const k = c as { term: { start: string }; callOffs: unknown; compensation: { kind: string } };
  if (input.index === undefined) delete input.index;
  if (k.term.start === "unknown") input.start = startDate;
  if (k.callOffs === null || k.compensation.kind === "fixed-annual") delete input.callOffs;
  return input;
}

/** Arguments of `statement` (contract, month, input) that are well-formed. */
export const plausibleStatementArgs: fc.Arbitrary<unknown[]> = fc.tuple(contractAndYear, fc.integer({ min: 1, max: 12 }), fc.constantFrom(-1, 0, 0, 0)).chain(([[c, y], m, shift]) =>
  fc
    .record({ sessions: plausibleSessions(y), callOffs: plausibleCallOffs(y), policies: POLICY_ARB, index: plausibleIndex(c) }, { requiredKeys: ["sessions"] })
    .map((input) => [c, `${y.toString()}-${pad(m, 2)}`, fitInput(c, input, `${(y + shift).toString()}-03-15`)]),
);

/** Arguments of `yearReport` (contract, year, input with `paid`) that are well-formed. */
export const plausibleYearReportArgs: fc.Arbitrary<unknown[]> = fc.tuple(contractAndYear, fc.constantFrom(-1, 0, 0, 0)).chain(([[c, y], shift]) =>
  fc
    .record(
      {
        sessions: plausibleSessions(y),
        callOffs: plausibleCallOffs(y),
        policies: POLICY_ARB,
        index: plausibleIndex(c),
        paid: fc.dictionary(fc.integer({ min: 1, max: 12 }).map((m) => `${y.toString()}-${pad(m, 2)}`), fc.integer({ min: 0, max: 50_000_000 }).map((o) => (o / 100).toFixed(2)), { maxKeys: 12 }),
      },
      { requiredKeys: ["sessions"] },
    )
    .map((input) => [c, y, fitInput(c, input, `${(y + shift).toString()}-03-15`)]),
);

/** Arguments of `indexRevision` (contract, year, options) that are well-formed. */
export const plausibleRevisionArgs: fc.Arbitrary<unknown[]> = fc.tuple(contractAndYear, fc.integer({ min: 1, max: 12 })).chain(([[c, y], m]) =>
  fc
    .record({ from: plausibleIndex(c, true), to: plausibleIndex(c, true), sessions: plausibleSessions(y) })
    .map(({ from, to, sessions: list }) => [c, y, { from, to, paidThrough: `${y.toString()}-${pad(m, 2)}`, input: fitInput(c, { sessions: list }, `${(y - 1).toString()}-01-01`) }]),
);

/**
 * A correction of a year's sessions, as a municipal system sends it later:
 * each session kept, removed, or with its minutes changed, and a few
 * sessions registered late.
 */
function corrected(y: number, sessions: readonly Record<string, unknown>[]): fc.Arbitrary<Record<string, unknown>[]> {
  return fc
    .tuple(
      fc.array(fc.oneof({ arbitrary: fc.constant<"keep">("keep"), weight: 6 }, fc.constant<"remove">("remove"), fc.integer({ min: 0, max: 240 })), { minLength: sessions.length, maxLength: sessions.length }),
      fc.uniqueArray(plausibleSession(y), { maxLength: 5, selector: (s) => s.id }),
    )
    .map(([changes, late]) => {
      const out: Record<string, unknown>[] = [];
      sessions.forEach((s, i) => {
        const change = changes[i];
        if (change === "remove") return;
        out.push(change === "keep" || change === undefined ? s : { ...s, minutes: change });
      });
      const ids = new Set(out.map((s) => s.id));
      for (const s of late) if (!ids.has(s.id)) out.push({ ...s, id: `L${String(s.id)}` });
      return out;
    });
}

/**
 * A settlement history (contract, year, last month, the input as first
 * known, the same input corrected): for the laws of `settle`.
 */
export const plausibleSettlementHistory: fc.Arbitrary<[unknown, number, number, Record<string, unknown>, Record<string, unknown>]> = fc
  .tuple(contractAndYear, fc.integer({ min: 1, max: 12 }))
  .chain(([[c, y], m]) =>
    fc
      .record({ sessions: fc.uniqueArray(plausibleSession(y), { maxLength: 30, selector: (s) => s.id }), callOffs: plausibleCallOffs(y), policies: POLICY_ARB, index: plausibleIndex(c), otherIndex: plausibleIndex(c) }, { requiredKeys: ["sessions"] })
      .chain(({ otherIndex, ...input }) =>
        corrected(y, input.sessions).map((sessions): [unknown, number, number, Record<string, unknown>, Record<string, unknown>] => {
          const first = fitInput(c, input, `${(y - 1).toString()}-03-15`);
          const later = fitInput(c, { ...input, sessions, index: otherIndex ?? input.index }, `${(y - 1).toString()}-03-15`);
          return [c, y, m, first, later];
        }),
      ),
  );

/** Arguments of `settle` (contract, month, input with a `paid` ledger of an earlier settlement) that are well-formed. */
export const plausibleSettlementArgs: fc.Arbitrary<unknown[]> = plausibleSettlementHistory.map(([c, y, m, first, later]) => {
  let paid: unknown[];
  try {
    paid = settle(c as Contract, `${y.toString()}-${pad(m, 2)}`, first).entries;
  } catch {
    paid = [];
  }
  return [c, `${y.toString()}-${pad(Math.min(12, m + 1), 2)}`, { ...later, paid }];
});
