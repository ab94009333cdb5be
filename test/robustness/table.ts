/**
 * The robustness table: every function the package exports, with a
 * generator of its arguments (hostile and plausible mixed) and, where the
 * result has a law that must hold, a check of it.
 *
 * A new export must get a row here (or, for a value or a re-exported third
 * party constructor, a line in VALUES or EXEMPT): exports.test.ts fails
 * otherwise.
 *
 * @module
 */
import fc from "fast-check";
import { activityReport, Decimal, isLocalDate, isYearMonth, settle, statement, yearReport } from "../../src/index.js";
import {
  calendarEntries,
  contract,
  contractData,
  date,
  garbage,
  indexSeries,
  int,
  intakes,
  money,
  notice,
  opt,
  or,
  ore,
  percent,
  plausibleRevisionArgs,
  plausibleSettlementArgs,
  settlementInput,
  plausibleStatementArgs,
  plausibleYearReportArgs,
  roll,
  roundingMode,
  statementInput,
  timestamp,
  validDate,
  year,
  yearMonth,
  yearReportInput,
} from "./arbitraries.js";

/** One row of the table. */
export interface Entry {
  /** The arguments, as one tuple. */
  args: fc.Arbitrary<unknown[]>;
  /** Call with `new`. */
  construct?: boolean;
  /** A law the result must obey; returns what is wrong, or undefined. */
  check?: (result: unknown, args: readonly unknown[]) => string | undefined;
  /** Runs for this function (default: the suite's). */
  numRuns?: number;
}

const tuple = (...arbs: fc.Arbitrary<unknown>[]): fc.Arbitrary<unknown[]> => fc.tuple(...arbs);
const field = opt(or(fc.constantFrom("amount", "sessions.0.date", "__proto__"), 4));

// ---------------------------------------------------------------------------
// Laws of results.

type Check = NonNullable<Entry["check"]>;

const isDecimal = (v: unknown): v is Decimal => Decimal.isDecimal(v);

/** Money: a finite Decimal with at most two decimals. */
function moneyProblem(v: unknown, what = "result"): string | undefined {
  if (!isDecimal(v)) return `${what} is not a Decimal`;
  if (!v.isFinite()) return `${what} is ${v.toString()}`;
  if (v.decimalPlaces() > 2) return `${what} ${v.toString()} has more than two decimals`;
  return undefined;
}

const aDate: Check = (r) => (isLocalDate(r) ? undefined : `not a date YYYY-MM-DD: ${String(r)}`);
const aMonth: Check = (r) => (isYearMonth(r) ? undefined : `not a month YYYY-MM: ${String(r)}`);
const aBoolean: Check = (r) => (typeof r === "boolean" ? undefined : `not a boolean: ${typeof r}`);
const aString: Check = (r) => (typeof r === "string" ? undefined : `not a string: ${typeof r}`);
const aSafeInteger: Check = (r) => (Number.isSafeInteger(r) ? undefined : `not a safe integer: ${String(r)}`);
const aMoney: Check = (r) => moneyProblem(r);
const anOreText: Check = (r) => (typeof r === "string" && /^-?\d+\.\d{2}$/.test(r) ? undefined : `not money text: ${String(r)}`);

const sumOfOre = (xs: readonly unknown[]): number => xs.reduce<number>((a, x) => a + (x as number), 0);
const sumOfDecimals = (xs: readonly unknown[]): Decimal => xs.reduce<Decimal>((a, x) => a.plus(x as Decimal), new Decimal(0));

/** A statement's figures add up and no session is billed twice. */
function statementProblem(s: Record<string, unknown>, where = "statement"): string | undefined {
  const lines = s.lines as Record<string, unknown>[];
  const feeLines = s.feeLines as Record<string, unknown>[];
  for (const [k, l] of [...lines, ...feeLines].entries()) {
    const p = moneyProblem(l.amount, `${where}.lines.${k.toString()}.amount`);
    if (p !== undefined) return p;
  }
  for (const key of ["total", "notPayable", "feesOwedToPurchaser"]) {
    const p = moneyProblem(s[key], `${where}.${key}`);
    if (p !== undefined) return p;
  }
  const payable = sumOfDecimals(lines.filter((l) => l.payable === true).map((l) => l.amount));
  if (!payable.equals(s.total as Decimal)) return `${where}.total ${String(s.total)} is not the sum of the payable lines ${payable.toString()}`;
  const notPayable = sumOfDecimals(lines.filter((l) => l.payable !== true).map((l) => l.amount));
  if (!notPayable.equals(s.notPayable as Decimal)) return `${where}.notPayable ${String(s.notPayable)} is not the sum of the other lines ${notPayable.toString()}`;
  const fees = sumOfDecimals(feeLines.map((l) => l.amount));
  if (!fees.equals(s.feesOwedToPurchaser as Decimal)) return `${where}.feesOwedToPurchaser is not the sum of the fee lines`;
  const ids = new Set<string>();
  for (const l of lines) {
    const id = l.id as string;
    if (ids.has(id)) return `${where}: line id ${id} twice (a session billed twice?)`;
    ids.add(id);
  }
  return undefined;
}

const aStatement: Check = (r) => statementProblem(r as Record<string, unknown>);

/** A settlement: its totals are exactly the sums of its entries, every entry is money, no entry is zero, entry ids are unique. */
const aSettlement: Check = (r) => {
  const v = r as { entries: { entryId: string; kind: string; amount: unknown }[]; total: unknown; feesOwedToPurchaser: unknown; months: { difference: unknown; entries: number }[] };
  let provider = new Decimal(0);
  let fees = new Decimal(0);
  const ids = new Set<string>();
  for (const [k, e] of v.entries.entries()) {
    const p = moneyProblem(e.amount, `entries.${k.toString()}.amount`);
    if (p !== undefined) return p;
    if ((e.amount as Decimal).isZero()) return `entries.${k.toString()} is zero`;
    if (ids.has(e.entryId)) return `entryId ${e.entryId} twice`;
    ids.add(e.entryId);
    if (e.kind === "fee") fees = fees.plus(e.amount as Decimal);
    else provider = provider.plus(e.amount as Decimal);
  }
  if (!provider.equals(v.total as Decimal)) return `total ${String(v.total)} is not the sum of the provider entries ${provider.toString()}`;
  if (!fees.equals(v.feesOwedToPurchaser as Decimal)) return "feesOwedToPurchaser is not the sum of the fee entries";
  if (!sumOfDecimals(v.months.map((m) => m.difference)).equals(v.total as Decimal)) return "total is not the sum of the months' differences";
  return v.months.reduce((a, m) => a + m.entries, 0) === v.entries.length ? undefined : "months' entry counts do not add up";
};

/** A JSON form: survives JSON.stringify unchanged (no Decimal, no undefined, no cycle) and names its format. */
const aJsonForm: Check = (r) => {
  const text = JSON.stringify(r);
  if (JSON.stringify(JSON.parse(text)) !== text) return "not plain JSON";
  const format = (r as { format?: unknown }).format;
  return typeof format === "string" && format.startsWith("verksamhetsuppdrag/") ? undefined : `format ${String(format)}`;
};

const aYearReport: Check = (r) => {
  const y = r as Record<string, unknown>;
  const statements = y.statements as Record<string, unknown>[];
  for (const [k, s] of statements.entries()) {
    const p = statementProblem(s, `statements.${k.toString()}`);
    if (p !== undefined) return p;
  }
  // The report sums its months without building lines; its statements are built when read: both must agree.
  for (const key of ["total", "notPayable", "feesOwedToPurchaser"]) {
    const p = moneyProblem(y[key], key);
    if (p !== undefined) return p;
    const sum = sumOfDecimals(statements.map((s) => s[key]));
    if (!sum.equals(y[key] as Decimal)) return `${key} ${String(y[key])} is not the sum of the statements' ${key} ${sum.toString()}`;
  }
  return undefined;
};

const twelveThatSumTo =
  (toOre: (a: unknown) => number | undefined, asOre: (x: unknown) => number): Check =>
  (r, args) => {
    if (!Array.isArray(r) || r.length !== 12) return "not twelve parts";
    const whole = toOre(args[0]);
    const sum = r.reduce<number>((a, x) => a + asOre(x), 0);
    return whole === undefined || sum === whole ? undefined : `the twelve parts sum to ${sum.toString()}, not ${whole.toString()}`;
  };

const decimalOre = (x: unknown): number => (x as Decimal).times(100).toNumber();
const moneyOre = (x: unknown): number | undefined => {
  try {
    const d = new Decimal(x as string);
    return d.times(100).toNumber();
  } catch {
    return undefined;
  }
};

// ---------------------------------------------------------------------------

/** An activity report's input: a statement's and the report's own fields, some of them odd. */
const activityInput: fc.Arbitrary<unknown> = fc.oneof(
  {
    arbitrary: fc.record(
      {
        intakes,
        asOf: date,
        persistMonths: int,
        groups: or(fc.array(or(fc.record({ id: or(fc.string({ maxLength: 4 })), participants: int })), { maxLength: 4 })),
        roll,
        caseHours: or(fc.constantFrom("billable", "performed")),
      },
      { requiredKeys: [] },
    ),
    weight: 6,
  },
  { arbitrary: statementInput, weight: 2 },
);

/** Well-formed arguments of `activityReport`: a year report's, without `paid`. */
const plausibleActivityArgs: fc.Arbitrary<unknown[]> = plausibleYearReportArgs.map(([c, y, input]) => {
  const rest = { ...(input as Record<string, unknown>) };
  delete rest.paid;
  return [c, y, rest];
});

/** Every figure of the report carries a clause, and what was due is money. */
function anActivityReport(r: unknown): string | undefined {
  const a = r as { figures: { clause: unknown; value: unknown }[]; payment: { total: unknown } };
  if (!Array.isArray(a.figures) || a.figures.length === 0) return "no figures";
  for (const f of a.figures) if (typeof f.clause !== "string" || f.clause === "" || typeof f.value !== "string") return `a figure without a clause: ${JSON.stringify(f)}`;
  return moneyProblem(a.payment.total, "payment.total");
}

/** Every exported function, with its arguments. */
export const TABLE: Record<string, Entry> = {
  // errors
  describeValue: { args: tuple(garbage), check: (r) => (typeof r === "string" && r.length <= 60 ? undefined : "not a short string") },
  fieldError: { args: tuple(or(fc.constantFrom("INVALID_INPUT", "INVALID_DATE")), or(fc.string()), or(fc.string()), garbage) },
  RulesError: { construct: true, args: tuple(or(fc.constantFrom("INVALID_INPUT", "OVERFLOW")), or(fc.string()), opt(or(fc.array(fc.record({ path: fc.string(), expected: fc.string(), received: fc.string() }))))) },

  // money
  toOre: { args: tuple(money, field), check: aSafeInteger },
  fromOre: { args: tuple(ore), check: aMoney },
  oreToString: { args: tuple(ore), check: anOreText },
  moneyToJson: { args: tuple(money), check: anOreText },
  formatSek: { args: tuple(money, opt(or(fc.record({ unit: or(fc.boolean()) }, { requiredKeys: [] })))), check: aString },
  roundToOre: {
    args: tuple(or(fc.oneof(fc.double({ noNaN: true }).map(String), money.map((m) => (typeof m === "number" ? String(m) : m)))), roundingMode),
    check: aSafeInteger,
  },
  parseRoundingMode: { args: tuple(or(fc.constantFrom("half-up", "half-even", "down", "up", "HALF-UP")), field), check: aString },
  divideRound: { args: tuple(or(fc.oneof(fc.maxSafeInteger(), fc.bigInt())), or(fc.oneof(fc.integer(), fc.bigInt(), fc.constant(0))), roundingMode), check: aSafeInteger },
  shareOfOre: { args: tuple(ore, int, int, roundingMode), check: aSafeInteger },
  twelfthsOre: {
    args: tuple(ore, opt(or(fc.constantFrom("last", "first")))),
    check: twelveThatSumTo((a) => a as number, (x) => x as number),
  },
  twelfths: { args: tuple(money, opt(or(fc.record({ remainder: or(fc.constantFrom("last", "first")) }, { requiredKeys: [] })))), check: twelveThatSumTo(moneyOre, decimalOre) },
  splitOre: {
    args: tuple(ore, or(fc.array(or(fc.nat({ max: 1000 }), 10), { maxLength: 40 }))),
    check: (r, args) => (Array.isArray(r) && sumOfOre(r) === args[0] ? undefined : "the parts do not sum to the whole"),
  },
  split: {
    args: tuple(money, or(fc.array(or(fc.nat({ max: 1000 }), 10), { maxLength: 40 }))),
    check: (r, args) => (Array.isArray(r) && r.every((x) => moneyProblem(x) === undefined) && decimalOre(sumOfDecimals(r)) === moneyOre(args[0]) ? undefined : "the parts do not sum to the whole"),
  },
  sumOre: { args: tuple(or(fc.oneof(fc.array(ore, { maxLength: 10 }), fc.array(fc.maxSafeInteger(), { maxLength: 4 }).map((a) => new Set(a))))), check: aSafeInteger },
  addMoney: { args: tuple(money, money), check: aMoney },

  // calendar
  parseLocalDate: { args: tuple(date, field), check: aDate },
  isLocalDate: { args: tuple(date), check: aBoolean },
  parseYearMonth: { args: tuple(yearMonth, field), check: aMonth },
  isYearMonth: { args: tuple(yearMonth), check: aBoolean },
  isLeapYear: { args: tuple(or(year)), check: aBoolean },
  daysInMonth: { args: tuple(or(year), int), check: (r) => (Number.isInteger(r) && (r as number) >= 28 && (r as number) <= 31 ? undefined : `days ${String(r)}`) },
  makeDate: { args: tuple(or(year), int, int), check: aDate },
  dateParts: { args: tuple(date) },
  yearMonthParts: { args: tuple(yearMonth) },
  yearOf: { args: tuple(date), check: aSafeInteger },
  monthOf: { args: tuple(date), check: aMonth },
  firstDayOfMonth: { args: tuple(yearMonth), check: aDate },
  lastDayOfMonth: { args: tuple(yearMonth), check: aDate },
  dayNumber: { args: tuple(date), check: aSafeInteger },
  fromDayNumber: { args: tuple(or(fc.integer({ min: -400_000, max: 3_000_000 }))), check: aDate },
  addDays: { args: tuple(date, int), check: aDate },
  daysBetween: { args: tuple(date, date), check: aSafeInteger },
  addMonths: { args: tuple(date, int), check: aDate },
  addMonthsToYearMonth: { args: tuple(yearMonth, int), check: aMonth },
  monthsBetween: { args: tuple(yearMonth, yearMonth), check: aSafeInteger },
  dayOfWeek: { args: tuple(date), check: (r) => (Number.isInteger(r) && (r as number) >= 1 && (r as number) <= 7 ? undefined : `day of week ${String(r)}`) },
  compareDates: { args: tuple(date, date), check: (r) => (r === -1 || r === 0 || r === 1 ? undefined : `not -1, 0 or 1: ${String(r)}`) },
  easterSunday: { args: tuple(or(year)), check: aDate },
  swedishHolidays: {
    args: tuple(or(year)),
    check: (r) => (Array.isArray(r) && r.every((h: { date: unknown }, i) => isLocalDate(h.date) && (i === 0 || (r[i - 1] as { date: string }).date <= h.date)) ? undefined : "not sorted dates"),
  },
  isWorkday: { args: tuple(date), check: aBoolean },
  nextWorkday: { args: tuple(date), check: aDate },

  // contracts
  parseContract: { args: tuple(fc.oneof(contractData, garbage)), numRuns: 120 },
  contractJsonSchema: { args: tuple(), numRuns: 3 },

  // indexation
  indexedAmount: { args: tuple(contract, or(year), opt(or(fc.record({ index: indexSeries, rounding: or(fc.constantFrom("yearly-ore", "yearly-krona", "cumulative")) }, { requiredKeys: [] })))), check: (r) => moneyProblem((r as { amount: unknown }).amount) },
  annualAmount: { args: tuple(contract, or(year), opt(or(fc.record({ index: indexSeries, rounding: or(fc.constantFrom("yearly-ore", "yearly-krona", "cumulative")) }, { requiredKeys: [] })))), check: aMoney },
  visitFee: {
    args: tuple(contract, or(year), opt(or(fc.record({ index: indexSeries, rule: opt(or(fc.oneof(fc.constantFrom("follow-rate", "unchanged"), fc.record({ amounts: fc.dictionary(fc.integer({ min: 2015, max: 2030 }).map(String), money) })))) }, { requiredKeys: [] })))),
    check: (r) => moneyProblem((r as { amount: unknown }).amount),
  },
  parsePercent: { args: tuple(percent, or(fc.string())) },
  resolveSeries: { args: tuple(or(fc.constantFrom("OPI", "uppräkningsmodell")), indexSeries, field) },
  indexRevision: {
    args: fc.oneof(plausibleRevisionArgs, tuple(
      contract,
      or(year),
      or(fc.record({ from: indexSeries, to: indexSeries, paidThrough: yearMonth, input: statementInput }, { requiredKeys: ["from", "to", "paidThrough"] })),
    )),
    check: (r) => {
      const v = r as { months: { paid: Decimal; revised: Decimal; difference: Decimal }[]; paid: Decimal; revised: Decimal; difference: Decimal; direction: string };
      for (const [k, m] of v.months.entries()) {
        for (const key of ["paid", "revised", "difference"] as const) {
          const p = moneyProblem(m[key], `months.${k.toString()}.${key}`);
          if (p !== undefined) return p;
        }
        if (!m.revised.minus(m.paid).equals(m.difference)) return `months.${k.toString()}: difference is not revised − paid`;
      }
      if (!sumOfDecimals(v.months.map((m) => m.difference)).equals(v.difference)) return "difference is not the sum of the months' differences";
      if (!v.revised.minus(v.paid).equals(v.difference)) return "difference is not revised − paid";
      const expected = v.difference.isPositive() && !v.difference.isZero() ? "owed-to-provider" : v.difference.isNegative() && !v.difference.isZero() ? "reclaimed-from-provider" : "none";
      return v.direction === expected ? undefined : `direction ${v.direction} for a difference of ${v.difference.toString()}`;
    },
  },

  // billing
  billableHours: { args: tuple(int), check: (r) => (aMoney(r, []) === undefined && (r as Decimal).times(4).isInteger() ? undefined : `not whole quarter hours: ${String(r)}`) },
  groupClientHours: {
    args: tuple(
      or(fc.record({ minutes: int, participants: int })),
      opt(or(fc.record({ outsideRule: or(fc.constantFrom("actual-time", "not-billable", "reject")), groupHours: or(fc.constantFrom("quarter-rounded", "whole-hours")), rule: or(fc.record({ clientHoursPerGroupHour: int, minParticipants: int, minMinutes: int, maxMinutes: int, clause: or(fc.string()) })) }, { requiredKeys: [] }))),
    ),
    check: (r) => moneyProblem((r as { clientHours: unknown }).clientHours, "clientHours"),
  },
  groupRuleOf: { args: tuple(contract) },
  statement: { args: fc.oneof(tuple(contract, yearMonth, statementInput), plausibleStatementArgs), check: aStatement, numRuns: 200 },
  yearReport: { args: fc.oneof(tuple(contract, or(year), yearReportInput), plausibleYearReportArgs), check: aYearReport, numRuns: 100 },
  settle: { args: fc.oneof(tuple(contract, yearMonth, settlementInput), plausibleSettlementArgs), check: aSettlement, numRuns: 150 },
  statementToJSON: { args: plausibleStatementArgs.map((a) => [jsonSafe(() => statement(...(a as Parameters<typeof statement>)))]), check: jsonFormOrNothing, numRuns: 50 },
  statementLineToJSON: {
    args: plausibleStatementArgs.map((a) => [jsonSafe(() => statement(...(a as Parameters<typeof statement>)).lines[0])]),
    check: (r, args) => (args[0] === undefined || (typeof r === "object" && r !== null && /^\d+\.\d{2}$/.test(String((r as { amount: unknown }).amount))) ? undefined : "not a line with a money string"),
    numRuns: 30,
  },
  yearReportToJSON: { args: plausibleYearReportArgs.map((a) => [jsonSafe(() => yearReport(...(a as Parameters<typeof yearReport>)))]), check: jsonFormOrNothing, numRuns: 30 },
  settlementToJSON: { args: plausibleSettlementArgs.map((a) => [jsonSafe(() => settle(...(a as Parameters<typeof settle>)))]), check: jsonFormOrNothing, numRuns: 50 },
  ledgerEntryToJSON: {
    args: plausibleSettlementArgs.map((a) => [jsonSafe(() => settle(...(a as Parameters<typeof settle>)).entries[0])]),
    check: (r) => (r === undefined || (typeof r === "object" && r !== null && /^-?\d+\.\d{2}$/.test(String((r as { amount: unknown }).amount))) ? undefined : "not a ledger entry with a money string"),
    numRuns: 30,
  },

  // sessions from files
  parseSessionsCsv: {
    args: tuple(
      fc.oneof(
        fc.string({ maxLength: 200 }),
        fc.uint8Array({ maxLength: 200 }),
        fc
          .array(fc.tuple(fc.constantFrom("S1", "S2", "Å", "", "=x", '"q""'), validDate, fc.oneof(fc.integer({ min: -5, max: 200 }).map(String), fc.constant("4o")), fc.constantFrom("individual", "group", "x"), fc.constantFrom("", "5", "-1")), { maxLength: 6 })
          .chain((rows) => fc.constantFrom(",", ";").map((d) => ["id", "date", "minutes", "kind", "participants"].join(d) + "\r\n" + rows.map((r) => r.join(d)).join("\r\n"))),
        garbage,
      ),
      opt(or(fc.record({ maxRows: int }, { requiredKeys: [] }))),
    ),
    check: (r) => {
      const csv = r as { sessions: readonly unknown[]; encoding: string };
      return Array.isArray(csv.sessions) && (csv.encoding === "utf-8" || csv.encoding === "windows-1252") ? undefined : "not a sessions CSV result";
    },
  },
  SessionsCsvReader: { args: tuple(opt(or(fc.record({ maxRows: int }, { requiredKeys: [] })))), construct: true },

  // reporting and liability
  activityReport: { args: fc.oneof(tuple(contract, or(year), activityInput), plausibleActivityArgs), check: anActivityReport, numRuns: 100 },
  activityReportToJSON: { args: plausibleActivityArgs.map((a) => [jsonSafe(() => activityReport(...(a as Parameters<typeof activityReport>)))]), check: jsonFormOrNothing, numRuns: 30 },
  expectedResults: {
    args: tuple(contract, or(fc.array(or(fc.record({ yes: int, total: int })), { maxLength: 10 }))),
    check: (r) => {
      const e = r as { results: { share: { numerator: number; denominator: number } | null; met: boolean | null; targetPercent: string }[] };
      for (const x of e.results) {
        if (x.share === null) continue;
        const met = x.share.numerator * 100 >= Number(x.targetPercent) * x.share.denominator;
        if (met !== x.met) return `met ${String(x.met)} for ${x.share.numerator.toString()}/${x.share.denominator.toString()} against ${x.targetPercent} %`;
      }
      return undefined;
    },
  },
  insuranceCheck: {
    args: tuple(contract, or(fc.record({ personalInjury: money, propertyDamage: money }, { requiredKeys: [] }))),
    check: (r) => {
      const c = r as { ok: boolean; shortfalls: { missing: Decimal }[] };
      if (c.ok !== (c.shortfalls.length === 0)) return "ok disagrees with the shortfalls";
      return c.shortfalls.every((x) => moneyProblem(x.missing) === undefined && x.missing.isPositive() && !x.missing.isZero()) ? undefined : "a shortfall that is not a positive amount";
    },
  },
  liabilityCap: {
    args: tuple(contract, or(fc.record({ kind: or(fc.constantFrom("pure-economic-loss", "personal-injury")), amount: money }, { requiredKeys: [] }))),
    check: (r) => {
      const l = r as { liable: Decimal; beyondCap: Decimal; claimed: Decimal; cap: Decimal; capped: boolean };
      if (!l.liable.plus(l.beyondCap).equals(l.claimed)) return "liable + beyondCap is not the claim";
      if (l.liable.greaterThan(l.cap)) return "liable over the cap";
      return l.capped === l.claimed.greaterThan(l.cap) ? undefined : "capped disagrees with claim > cap";
    },
  },

  // deadlines
  noticePeriod: { args: tuple(contract, notice, opt(or(fc.record({ rule: or(fc.constantFrom("same-date", "end-of-month")) }, { requiredKeys: [] })))), check: (r) => aDate((r as { end: unknown }).end, []) },
  noticeEnd: { args: tuple(contract, notice, opt(or(fc.record({ rule: or(fc.constantFrom("same-date", "end-of-month")) }, { requiredKeys: [] })))), check: aDate },
  applyNotice: { args: tuple(contract, notice, opt(or(fc.record({ rule: or(fc.constantFrom("same-date", "end-of-month")) }, { requiredKeys: [] })))) },
  earlyTermination: { args: tuple(contract, date, opt(or(fc.record({ rollCureDeadline: roll }, { requiredKeys: [] })))), check: (r) => aDate((r as { earliestEnd: unknown }).earliestEnd, []) },
  termEnd: { args: tuple(contract, opt(or(fc.record({ extensionsUsed: int }, { requiredKeys: [] })))), check: (r) => (r === null ? undefined : aDate(r, [])) },
  extendTerm: { args: tuple(contract, opt(int)) },
  monthsInForce: {
    args: tuple(contract, or(year), opt(or(fc.record({ extensionsUsed: int, partMonths: or(fc.constantFrom("count", "skip")), start: date, until: date }, { requiredKeys: [] })))),
    check: (r) => (Number.isInteger(r) && (r as number) >= 0 && (r as number) <= 12 ? undefined : `months ${String(r)}`),
  },
  termMonths: { args: tuple(contract, opt(or(fc.record({ extensionsUsed: int, partMonths: or(fc.constantFrom("count", "skip")), start: date, until: date }, { requiredKeys: [] })))) },
  reportTitle: { args: tuple(or(fc.constantFrom("activity-report", "lex-sarah-summary")), or(year)), check: aString },
  deadlines: {
    args: tuple(contract, or(year), opt(or(fc.record({ roll, start: date }, { requiredKeys: [] })))),
    check: (r) => (Array.isArray(r) && r.every((d: { due: unknown }) => isLocalDate(d.due)) ? undefined : "a deadline without a due date"),
  },
  obligations: {
    args: tuple(
      contract,
      date,
      date,
      opt(
        or(
          fc.record(
            { roll, start: date, notice, noticeRule: or(fc.constantFrom("same-date", "end-of-month")), breachNoticeOn: date, rollCureDeadline: roll, undated: or(fc.constantFrom("first-of-next-month", "last-of-next-month")) },
            { requiredKeys: [] },
          ),
        ),
      ),
    ),
    check: (r) => (Array.isArray(r) && r.every((o: { date: unknown }) => isLocalDate(o.date)) ? undefined : "an obligation without a date"),
  },
  toICalendar: {
    args: tuple(calendarEntries, opt(or(fc.record({ dtstamp: or(fc.constantFrom("20250101T000000Z", "2025-01-01")), prodId: or(fc.string()), name: or(fc.string()), uidDomain: or(fc.string()) }, { requiredKeys: [] })))),
    check: (r) => (typeof r === "string" && r.startsWith("BEGIN:VCALENDAR") ? undefined : "not an iCalendar text"),
  },
  waitingTimes: { args: tuple(contract, intakes, opt(or(fc.record({ asOf: date, persistMonths: int }, { requiredKeys: [] })))) },
  openingStatus: { args: tuple(contract, timestamp) },
  isOpen: { args: tuple(contract, timestamp), check: aBoolean },
};

/** A result of the library, or `undefined` where computing it failed with a RulesError (the converter is then given nothing to convert, and must say so). */
function jsonSafe(make: () => unknown): unknown {
  try {
    const result = make();
    // Built on first read (documented): read here, so that the converter's read is not taken for a change of its argument.
    if (typeof result === "object" && result !== null && "statements" in result) Reflect.get(result, "statements");
    return result;
  } catch {
    return undefined;
  }
}

function jsonFormOrNothing(r: unknown, args: readonly unknown[]): string | undefined {
  return args[0] === undefined ? undefined : aJsonForm(r, args);
}

/** Functions exported but not fuzzed, and why. */
export const EXEMPT: Record<string, string> = {
  Decimal:
    "decimal.js's own constructor (an isolated clone, not the one the package computes with), exported so callers can build amounts; its errors on bad input are decimal.js's documented ones. Every Decimal the package accepts goes through toOre/moneyToJson, fuzzed above.",
};

/** Exported values (not functions): checked to exist, not called. */
export const VALUES = [
  "DEFAULT_BILLING_POLICIES",
  "JSON_FORMATS",
  "MAX_LEDGER_ENTRIES",
  "MAX_SETTLEMENT_MONTHS",
  "MAX_ISSUES",
  "MAX_SESSIONS",
  "SESSION_COLUMNS",
  "MAX_MESSAGE_LENGTH",
  "OPI_2023_PRELIMINARY",
  "OPI_VALUES",
  "ROUNDING_MODES",
  "SHIPPED_SERIES",
  "beroendemottagningen",
  "boendestod",
  "boendestodProcuredOptions",
  "contractSchema",
  "contracts",
  "familjeradgivning",
  "valdINaraRelation",
];
