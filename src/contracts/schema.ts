/**
 * The shape of a commission (*verksamhetsuppdrag*) written as plain data, as
 * one zod schema. The schema is the single source of the package's contract
 * types: every type below is inferred from it, and the JSON Schema shipped as
 * `verksamhetsuppdrag/schema.json` is generated from it.
 *
 * Conventions in the data (see `docs/contracts.md`):
 * - money is a string in kronor with at most two decimals and no leading
 *   zero (`"1827000"`, `"605.00"`); never a JSON number, never a decimal comma;
 * - hours, full-time equivalents and percentages are decimal strings with at
 *   most two decimals (`"2590"`, `"2.5"`, `"80"`);
 * - every text and list has a largest size, and texts hold no control
 *   characters (quotes and notes may hold tabs and line breaks) and no
 *   unpaired surrogates;
 * - years, months, days and counts are JSON integers;
 * - dates are `"YYYY-MM-DD"` strings that exist in the calendar;
 * - every rule object carries `clause` (e.g. `"SON 2021-233 §1.2"`, starting
 *   with the contract's `document` label) and, optionally, `quote`: the short
 *   Swedish sentence it implements, copied exactly from the text;
 * - every object is strict: an unknown key is an error, so a typo is caught.
 *
 * Each schema's error messages are written as what was expected
 * ("money as a string with at most two decimals, e.g. \"605.00\""), so that
 * {@link parseContract} can turn zod's issues into {@link RulesIssue}s.
 *
 * The schema is written with `zod/mini`, imported as a namespace, so that a
 * bundler keeps only the parts of zod it uses (no locales, no JSON-Schema
 * converter, no code generator), and every function that builds a part of it
 * is marked `@__NO_SIDE_EFFECTS__`: a consumer that never validates a
 * commission (`billableHours` alone) bundles none of it (test/size.test.ts).
 *
 * @module
 */
import * as z from "zod/mini";
import { $constructor, $ZodObjectJIT } from "zod/v4/core";
import { isLocalDate } from "../calendar/localDate.js";

// ---------------------------------------------------------------------------
// Leaf values
// ---------------------------------------------------------------------------

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
const CLOCK_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
const NOT_BLANK = /\S/;
/** A decimal string of any length, for telling what is wrong with one that does not fit its pattern. */
const DECIMAL_SHAPE = /^\d+(\.\d{1,2})?$/;
/** One line of text: no control character at all (C0, DEL, C1), so a label fits a table cell, a CSV cell and a calendar line. */
// eslint-disable-next-line no-control-regex
const ONE_LINE = /^[^\u0000-\u001f\u007f-\u009f]*$/;
/** Prose copied from a text: tabs and line breaks allowed (the iCalendar writer escapes them), no other control character. */
// eslint-disable-next-line no-control-regex
const PROSE = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]*$/;
/** Half of a surrogate pair standing alone: not a character, and no UTF-8 file can hold it. */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * The largest sizes a commission may have. No real one comes near them (the
 * four shipped ones: ids of 20 characters, labels of 50, quotes of 350, lists
 * of 9), and with every list and text bounded, validating any input takes
 * time and memory in proportion to these sizes, never to the input's
 * (docs/contracts.md, "Limits").
 */
const MAX_ID_LENGTH = 100;
/** Labels: `document`, `reference`, `clause`, the parties, `series`, `municipality`, `route`. */
const MAX_LABEL_LENGTH = 200;
/** Longer texts: `title`, `source`, quotes, notes and descriptions. */
const MAX_TEXT_LENGTH = 2000;
/** Every list: `reporting`, `statedYears`, `expectedResults`, `notes`. */
const MAX_LIST_LENGTH = 100;
/** Digits before the point of money: any amount fits in a safe integer of öre. */
const MONEY_DIGITS = 12;
/**
 * Digits before the point of an hour-volume's annual cost: the implied price
 * is computed as öre × 100 ÷ hundredths of an hour, which must stay a safe
 * integer with room for indexation (src/billing/timeBased.ts).
 */
const ANNUAL_COST_DIGITS = 10;
/** Digits before the point of hours: what billing reads (src/billing/units.ts, hoursToTicks). */
const HOURS_DIGITS = 9;

const MONEY_EXPECTED = 'money as a string with at most two decimals, e.g. "605.00"';
const HOURS_EXPECTED = 'hours as a decimal string with at most two decimals, e.g. "2590" or "2.5"';
const FTE_EXPECTED = 'full-time equivalents (årsarbetare) as a decimal string with at most two decimals, e.g. "2.5"';
const PERCENT_EXPECTED = 'a percentage as a decimal string with at most two decimals, e.g. "80"';
const DATE_EXPECTED = 'a date "YYYY-MM-DD" that exists in the calendar, e.g. "2022-01-01"';
const YEAR_EXPECTED = "a year as an integer 1000-9999, e.g. 2022";
const CLAUSE_EXPECTED = 'a clause reference naming the document and section, e.g. "SON 2021-233 §1.2"';

/**
 * `expected`, then the alternative: `"a date …, or null when …"`. A function,
 * not a template literal in place: a bundler must assume that a template
 * calls `toString`, and would keep every schema built with one.
 */
// @__NO_SIDE_EFFECTS__
function or(expected: string, alternative: string): string {
  return `${expected}, ${alternative}`;
}

/** What is wrong with a decimal string that does not fit: a leading zero, too many digits, or its form. */
function decimalProblem(input: unknown, expected: string, digits: number): string {
  if (typeof input !== "string" || !DECIMAL_SHAPE.test(input)) return expected;
  if (/^0\d/.test(input)) return `${expected}, without a leading zero`;
  return `${expected}, with at most ${digits.toString()} digits before the decimal point`;
}

/**
 * A decimal string with at most two decimals, no leading zero and at most
 * `digits` digits before the point: the form billing reads (money in
 * src/money/money.ts `toOre`, hours in src/billing/units.ts `hoursToTicks`),
 * so that what validates is what computes.
 */
// @__NO_SIDE_EFFECTS__
function decimalString(expected: string, digits = MONEY_DIGITS) {
  const error = (issue: { input?: unknown }): string => decimalProblem(issue.input, expected, digits);
  return z
    .string({ error: expected })
    .check(z.maxLength(digits + 3, { error, abort: true }), z.regex(new RegExp(`^(0|[1-9]\\d{0,${(digits - 1).toString()}})(\\.\\d{1,2})?$`), { error }));
}

/** A decimal string that is not zero, e.g. a yearly cap. */
// @__NO_SIDE_EFFECTS__
function nonZero(schema: z.ZodMiniString, error: string) {
  return schema.check(z.refine((value: string) => !isZero(value), { error }));
}

/** A percentage string that is at most 100. */
// @__NO_SIDE_EFFECTS__
function atMostHundred(schema: z.ZodMiniString) {
  return schema.check(z.refine((value: string) => !DECIMAL_SHAPE.test(value) || Number(value) <= 100, { error: 'a percentage from "0" to "100"' }));
}

/** `"0"`, `"0.0"` or `"0.00"`: zero written as a decimal string. */
function isZero(value: string): boolean {
  return /^0(\.0{1,2})?$/.test(value);
}

const money = decimalString(MONEY_EXPECTED);
const hours = decimalString(HOURS_EXPECTED, HOURS_DIGITS);
const fte = decimalString(FTE_EXPECTED);
const percent = decimalString(PERCENT_EXPECTED);

/**
 * Text that is not blank, not longer than `max`, without control characters
 * (prose may hold tabs and line breaks) and well-formed (no unpaired
 * surrogate): everything the outputs — the table, CSV, iCalendar, a UTF-8
 * file — can write as it is.
 */
// @__NO_SIDE_EFFECTS__
function text(expected: string, { max = MAX_LABEL_LENGTH, prose = false }: { max?: number; prose?: boolean } = {}) {
  return z.string({ error: expected }).check(
    z.maxLength(max, { error: `${expected}, at most ${max.toString()} characters`, abort: true }),
    z.regex(NOT_BLANK, { error: expected }),
    z.regex(prose ? PROSE : ONE_LINE, {
      error: prose
        ? `${expected}, without control characters (tabs and line breaks are allowed)`
        : `${expected}, on one line without control characters (no tab, line break or escape)`,
    }),
    z.refine((value: string) => !LONE_SURROGATE.test(value), {
      error: `${expected}, as well-formed Unicode (an unpaired surrogate such as "\\ud800" is not a character)`,
    }),
  );
}

// @__NO_SIDE_EFFECTS__
function localDate(expected: string = DATE_EXPECTED) {
  return z
    .string({ error: expected })
    .check(
      z.maxLength(10, { error: expected, abort: true }),
      z.regex(DATE_PATTERN, { error: expected }),
      z.refine((value: string) => !DATE_PATTERN.test(value) || isLocalDate(value), { error: expected }),
    );
}

/** A commission's id: lower-case letters, digits and hyphens. */
// @__NO_SIDE_EFFECTS__
function slug() {
  const expected = 'an id of lower-case letters, digits and hyphens, e.g. "familjeradgivning"';
  return z.string({ error: expected }).check(
    z.maxLength(MAX_ID_LENGTH, { error: `an id of lower-case letters, digits and hyphens, at most ${MAX_ID_LENGTH.toString()} characters`, abort: true }),
    z.regex(SLUG_PATTERN, { error: expected }),
  );
}

// @__NO_SIDE_EFFECTS__
function clock(expected: string) {
  return z.string({ error: expected }).check(z.maxLength(5, { error: expected, abort: true }), z.regex(CLOCK_PATTERN, { error: expected }));
}

// @__NO_SIDE_EFFECTS__
function int(min: number, max: number, expected: string) {
  return z.int({ error: expected }).check(z.gte(min, { error: expected }), z.lte(max, { error: expected }));
}

const year = int(1000, 9999, YEAR_EXPECTED);

// @__NO_SIDE_EFFECTS__
function bool(expected: string) {
  return z.boolean({ error: expected });
}

// @__NO_SIDE_EFFECTS__
function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  const expected = `one of ${values.map((v) => JSON.stringify(v)).join(", ")}`;
  return z.enum(values, { error: expected });
}

// @__NO_SIDE_EFFECTS__
function literal<const T extends string | number>(value: T) {
  return z.literal(value, { error: `exactly ${JSON.stringify(value)}` });
}

/** `schema` or `null`. */
// @__NO_SIDE_EFFECTS__
function nullable<T extends z.core.SomeType>(schema: T) {
  return z.nullable(schema);
}

/** `schema`, or the field left out. */
// @__NO_SIDE_EFFECTS__
function optional<T extends z.core.SomeType>(schema: T) {
  return z.optional(schema);
}

/**
 * A strict object whose wrong-type message says what the object is, with
 * its cross-field checks (`refine`, added as zod's `superRefine`).
 */
// @__NO_SIDE_EFFECTS__
function obj<S extends z.core.$ZodLooseShape>(
  expected: string,
  shape: S,
  refine?: (value: z.output<z.ZodMiniObject<S, z.core.$strict>>, ctx: z.core.$RefinementCtx<z.output<z.ZodMiniObject<S, z.core.$strict>>>) => void,
) {
  const schema = new CompiledObject({
    type: "object",
    shape,
    catchall: z.never(),
    error: (issue: z.core.$ZodRawIssue) => (issue.code === "invalid_type" ? expected : undefined),
  }) as unknown as z.ZodMiniObject<S, z.core.$strict>;
  return refine === undefined ? schema : schema.check(z.superRefine(refine));
}

/**
 * zod/mini's object with the core's compiled fast path (`$ZodObjectJIT`, as
 * the classic API's `z.object` has): mini's own object reads every field
 * through the generic path, which made validating a commission 25–30 %
 * slower (bench/validate.mjs). Imported by name from `zod/v4/core`: reading
 * it as `z.core.…` would make a bundler keep all of the core namespace, locales
 * and converters included. Same issues, same order, same messages; where
 * `new Function` is not allowed (a strict Content-Security-Policy) zod falls
 * back to the generic path by itself.
 */
const CompiledObject: z.core.$constructor<z.ZodMiniObject> = /* @__PURE__ */ $constructor("ZodMiniObject", (inst, def) => {
  const compiled: z.core.$constructor<z.core.$ZodObject> = $ZodObjectJIT;
  const mini: z.core.$constructor<z.ZodMiniType> = z.ZodMiniType;
  compiled.init(inst, def);
  mini.init(inst, def);
});

/**
 * A strict object of a rule, its fields followed by {@link cited}'s `clause`
 * and `quote` (not spread at each use: a bundler cannot drop an object
 * spread, for fear of getters, so every schema would stay in every bundle).
 */
// @__NO_SIDE_EFFECTS__
function citedObj<S extends z.core.$ZodLooseShape>(
  expected: string,
  shape: S,
  refine?: (value: z.output<z.ZodMiniObject<S & typeof cited, z.core.$strict>>, ctx: z.core.$RefinementCtx<z.output<z.ZodMiniObject<S & typeof cited, z.core.$strict>>>) => void,
) {
  return obj(expected, { ...shape, ...cited }, refine);
}

/** A list of at most {@link MAX_LIST_LENGTH} items; a longer one is refused before any item is read (zod checks a leading size cap first). */
// @__NO_SIDE_EFFECTS__
function list<T extends z.core.SomeType>(expected: string, item: T) {
  return z.array(item, { error: expected }).check(z.maxLength(MAX_LIST_LENGTH, { error: `${expected}, of at most ${MAX_LIST_LENGTH.toString()} items` }));
}

const cited = {
  clause: text(CLAUSE_EXPECTED),
  quote: optional(text("the Swedish sentence the rule implements, copied exactly from the text", { max: MAX_TEXT_LENGTH, prose: true })),
};

// ---------------------------------------------------------------------------
// The parts of a commission
// ---------------------------------------------------------------------------

const partiesSchema = obj("the parties as an object { purchaser, provider }", {
  purchaser: text("the purchaser (beställaren), e.g. \"Social- och omsorgsnämnden\""),
  provider: text("the provider (utföraren), e.g. \"Leanlink Råd och Stöd\""),
});

const amendmentSchema = citedObj("the amended commission as an object, or null", {
  description: text("a description of the commission this one amends", { max: MAX_TEXT_LENGTH, prose: true }),
  staffingFte: optional(fte),
  volumeHoursPerYear: optional(hours),
  validUntil: optional(localDate()),
});

const extensionSchema = citedObj("the extension option as an object { count, months, clause }, or null", {
  count: int(0, 99, "the number of extensions allowed, an integer 0 or more"),
  months: int(1, 1200, "the length of one extension in months, an integer 1 or more"),
});

const START_EXPECTED = or(DATE_EXPECTED, 'or "unknown" when the text gives no start date');

const termSchema = citedObj("the term as an object { start, end, extensions, clause }", {
  start: /* @__PURE__ */ z.union([localDate(START_EXPECTED), literal("unknown")], { error: START_EXPECTED }),
  end: nullable(localDate(or(DATE_EXPECTED, "or null when the commission runs until further notice (tills vidare)"))),
  extensions: nullable(extensionSchema),
}, (term, ctx) => {
  if (term.end !== null && isLocalDate(term.start) && isLocalDate(term.end) && term.end < term.start) {
    ctx.addIssue({
      code: "custom",
      path: ["end"],
      input: term.end,
      message: `a date on or after the start ${term.start}`,
    });
  }
  if (term.end === null && term.extensions !== null) {
    ctx.addIssue({
      code: "custom",
      path: ["extensions"],
      input: term.extensions,
      message: "null: a term without a fixed end (tills vidare) cannot be extended",
    });
  }
});

const noticeSchema = citedObj("the notice clause as an object, or null", {
  months: int(1, 1200, "the notice period in months, an integer 1 or more"),
  form: literal("written"),
  givenBy: oneOf(["either", "purchaser", "provider"]),
  unlessAgreedOtherwise: bool('true when the text says "om parterna inte kommer överens om annat", else false'),
});

const reconciliationSchema = citedObj("the reconciliation as an object { every, clause }, or null", {
  every: literal("quarter"),
});

const fixedAnnualSchema = citedObj("the compensation as an object", {
  kind: literal("fixed-annual"),
  amount: money,
  priceYear: year,
  twelfths: bool("true when 1/12 of the annual amount is paid each month"),
  premisesIncluded: nullable(bool("true or false when the text says whether premises are included, else null")),
  reconciliation: nullable(reconciliationSchema),
});

const billableTimeSchema = citedObj("the billable-time rule as an object", {
  minutesPerHour: literal(60),
  unit: literal("started-quarter-hour"),
  billable: literal("direct-client-related"),
});

const groupRuleSchema = citedObj("the group rule as an object, or null", {
  clientHoursPerGroupHour: int(1, 100, "client hours per group hour, an integer 1 or more"),
  minParticipants: int(1, 1000, "the least number of participants, an integer 1 or more"),
  minMinutes: int(1, 1440, "the shortest session in minutes, an integer 1-1440"),
  maxMinutes: int(1, 1440, "the longest session in minutes, an integer 1-1440"),
}, (rule, ctx) => {
  if (rule.minMinutes > rule.maxMinutes) {
    ctx.addIssue({
      code: "custom",
      path: ["maxMinutes"],
      input: rule.maxMinutes,
      message: `at least minMinutes (${rule.minMinutes})`,
    });
  }
});

const yearlyCapSchema = citedObj("the yearly cap as an object { hours, clause }, or null", {
  hours: nonZero(
    decimalString('the yearly cap as a decimal string of hours, more than zero (a cap cannot be negative), e.g. "2590"', HOURS_DIGITS),
    'a yearly cap of more than zero hours, e.g. "2590"',
  ),
});

const minuteRangeSchema = obj("the visit length as an object { min, max } in minutes", {
  min: int(1, 1440, "the shortest visit in minutes, an integer 1-1440"),
  max: int(1, 1440, "the longest visit in minutes, an integer 1-1440"),
}, (range, ctx) => {
  if (range.min > range.max) {
    ctx.addIssue({ code: "custom", path: ["max"], input: range.max, message: `at least min (${range.min})` });
  }
});

const visitFeeSchema = citedObj("the visit fee as an object, or null", {
  amount: money,
  priceYear: year,
  revisedYearly: bool("true when the text says the fee is revised every year"),
  owedTo: oneOf(["purchaser", "provider"]),
  visitMinutes: optional(minuteRangeSchema),
});

const expectedVolumeSchema = citedObj("the expected volume as an object { cases, clause }", {
  cases: int(0, 10_000_000, "the expected number of cases per year, an integer 0 or more"),
});

const hourlySchema = citedObj("the compensation as an object", {
  kind: literal("hourly"),
  rate: money,
  priceYear: year,
  billableTime: billableTimeSchema,
  groupRule: nullable(groupRuleSchema),
  yearlyCap: nullable(yearlyCapSchema),
  visitFee: nullable(visitFeeSchema),
  expectedVolume: optional(expectedVolumeSchema),
});

const statedYearSchema = citedObj("a stated year as an object { year, hours, cost, months, clause }", {
  year,
  hours,
  cost: money,
  months: int(1, 12, "the months in force that year, an integer 1-12"),
});

const hourVolumeSchema = citedObj("the compensation as an object", {
  kind: literal("hour-volume"),
  hoursPerYear: nonZero(hours, 'more than zero hours a year (the implied price is annualCost ÷ hoursPerYear), e.g. "1700"'),
  annualCost: decimalString(MONEY_EXPECTED, ANNUAL_COST_DIGITS),
  hourlyPrice: nullable(decimalString(
    or(MONEY_EXPECTED, "or null when the price is implied (annualCost ÷ hoursPerYear)"),
  )),
  proRating: literal("months-in-force"),
  statedYears: list("the part-year figures as a list of { year, hours, cost, months, clause }", statedYearSchema),
}, (volume, ctx) => {
  const seen = new Set<number>();
  volume.statedYears.forEach((stated, i) => {
    if (seen.has(stated.year)) {
      ctx.addIssue({
        code: "custom",
        path: ["statedYears", i, "year"],
        input: stated.year,
        message: "a year not already listed in statedYears",
      });
    }
    seen.add(stated.year);
  });
});

const compensationSchema = /* @__PURE__ */ z.discriminatedUnion("kind", [fixedAnnualSchema, hourlySchema, hourVolumeSchema], {
  error: (issue) =>
    typeof issue.input === "object" && issue.input !== null && !Array.isArray(issue.input)
      ? 'kind one of "fixed-annual", "hourly", "hour-volume"'
      : 'the compensation as an object with kind "fixed-annual", "hourly" or "hour-volume"',
});

const indexationSchema = citedObj("the indexation clause as an object, or null", {
  series: text('the index series, e.g. "OPI" or "uppräkningsmodell"'),
  fixedUntil: nullable(localDate(or(DATE_EXPECTED, "or null when the text states no such date"))),
  firstAdjustedYear: year,
  note: optional(text("a note on how the clause was read", { max: MAX_TEXT_LENGTH, prose: true })),
});

const callOffSchema = citedObj("the call-off clause as an object, or null", {
  form: literal("written"),
  atContractCompensation: bool("true when call-offs are paid at the contract's compensation"),
});

const paymentSchema = citedObj("the payment clause as an object, or null", {
  frequency: literal("monthly"),
  inArrears: bool("true when paid in arrears (i efterskott)"),
  route: optional(text('the payment route, e.g. "bokföringsorder" or "autobokföring"')),
});

/** Day counts of a year that is not a leap year: a yearly date must exist every year. */
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

const reportingSchema = citedObj("a reporting obligation as an object", {
  kind: oneOf(["activity-report", "lex-sarah-summary"]),
  dueMonth: int(1, 12, "the month it is due, an integer 1-12"),
  dueDay: int(1, 31, "the day of the month it is due, an integer 1-31"),
  covers: literal("previous-calendar-year"),
}, (report, ctx) => {
  const length = DAYS_IN_MONTH[report.dueMonth - 1];
  if (length !== undefined && report.dueDay > length) {
    ctx.addIssue({
      code: "custom",
      path: ["dueDay"],
      input: report.dueDay,
      message: `a day that exists in month ${report.dueMonth} every year (1-${length})`,
    });
  }
});

const earlyTerminationSchema = citedObj("the early-termination clause as an object, or null", {
  cureDays: int(1, 3650, "the days the provider has to remedy a breach, an integer 1 or more"),
  noticeMonths: int(1, 1200, "the notice period in months, an integer 1 or more"),
  noticeForm: literal("written"),
  by: oneOf(["purchaser", "provider", "either"]),
});

const minimumAgeSchema = citedObj("the minimum age as an object { years, clause }, or null", {
  years: int(0, 150, "the minimum age in years, an integer 0-150"),
});

const residencySchema = citedObj("the residency rule as an object, or null", {
  municipality: text('the municipality, e.g. "Linköping"'),
  exceptions: oneOf(["by-agreement", "none"]),
});

const eligibilitySchema = obj("the eligibility rules as an object { minimumAge, residency }", {
  minimumAge: nullable(minimumAgeSchema),
  residency: nullable(residencySchema),
});

const daysSchema = citedObj("a number of days as an object { days, clause }, or null", {
  days: int(0, 3650, "a number of days, an integer 0 or more"),
});

const openingHoursSchema = citedObj("the opening hours as an object, or null", {
  days: literal("workdays"),
  from: clock('a time "HH:MM", e.g. "08:00"'),
  to: clock('a time "HH:MM", e.g. "17:00"'),
}, (hoursOpen, ctx) => {
  if (CLOCK_PATTERN.test(hoursOpen.from) && CLOCK_PATTERN.test(hoursOpen.to) && hoursOpen.to <= hoursOpen.from) {
    ctx.addIssue({
      code: "custom",
      path: ["to"],
      input: hoursOpen.to,
      message: `a time after from (${hoursOpen.from})`,
    });
  }
});

const perCaseSchema = citedObj("the guidance per case as an object { hours, sessionsMin, sessionsMax, clause }, or null", {
  hours,
  sessionsMin: int(1, 1000, "the least sessions per case the text names, an integer 1 or more"),
  sessionsMax: int(1, 1000, "the most sessions per case the text names, an integer 1 or more"),
}, (guidance, ctx) => {
  if (guidance.sessionsMin > guidance.sessionsMax) {
    ctx.addIssue({
      code: "custom",
      path: ["sessionsMax"],
      input: guidance.sessionsMax,
      message: `at least sessionsMin (${guidance.sessionsMin.toString()})`,
    });
  }
});

const serviceLevelsSchema = obj("the service levels as an object", {
  firstMeetingWithinDays: nullable(daysSchema),
  reportWaitsOverDays: nullable(daysSchema),
  openingHours: nullable(openingHoursSchema),
  perCase: optional(nullable(perCaseSchema)),
});

const insuranceSchema = citedObj("the insurance clause as an object, or null", {
  personalInjury: money,
  propertyDamage: money,
  pureEconomicLossCapPerIncident: money,
});

const expectedResultSchema = citedObj("an expected result as an object { description, targetPercent, clause }", {
  description: text("the expected result, in plain words", { max: MAX_TEXT_LENGTH, prose: true }),
  targetPercent: atMostHundred(percent),
});

const staffingSchema = citedObj("the staffing as an object { fte, clause }, or null", {
  fte,
});

const groupsSchema = citedObj("the groups as an object { count, minParticipants, maxParticipants, clause }, or null", {
  count: int(1, 1000, "the number of groups, an integer 1 or more"),
  minParticipants: int(1, 1000, "the least participants per group, an integer 1 or more"),
  maxParticipants: int(1, 1000, "the most participants per group, an integer 1 or more"),
}, (groups, ctx) => {
  if (groups.minParticipants > groups.maxParticipants) {
    ctx.addIssue({
      code: "custom",
      path: ["maxParticipants"],
      input: groups.maxParticipants,
      message: `at least minParticipants (${groups.minParticipants})`,
    });
  }
});

// ---------------------------------------------------------------------------
// The commission and its cross-field checks
// ---------------------------------------------------------------------------

const contractShape = {
  id: slug(),
  title: text("the commission's title", { max: MAX_TEXT_LENGTH }),
  document: text('the label that starts every clause reference, e.g. "SON 2021-233"'),
  reference: nullable(text('the diarienummer, e.g. "SON 2021-233", or null when the text has none')),
  date: nullable(localDate(or(DATE_EXPECTED, "or null when the document states no date"))),
  source: text("the file name or address of the commission's text", { max: MAX_TEXT_LENGTH }),
  parties: partiesSchema,
  amends: nullable(amendmentSchema),
  term: termSchema,
  notice: nullable(noticeSchema),
  compensation: compensationSchema,
  indexation: nullable(indexationSchema),
  callOffs: nullable(callOffSchema),
  payment: nullable(paymentSchema),
  reporting: list("the reporting obligations as a list (empty when the text has none)", reportingSchema),
  earlyTermination: nullable(earlyTerminationSchema),
  eligibility: eligibilitySchema,
  serviceLevels: serviceLevelsSchema,
  insurance: nullable(insuranceSchema),
  expectedResults: list("the expected results as a list (empty when the text has none)", expectedResultSchema),
  staffing: nullable(staffingSchema),
  groups: nullable(groupsSchema),
  notes: list("the notes as a list of strings", text("a note in plain words", { max: MAX_TEXT_LENGTH, prose: true })),
};

type ContractShape = z.output<z.ZodMiniObject<typeof contractShape, z.core.$strict>>;
type Issue = { path: (string | number)[]; input: unknown; message: string };

function yearOfDate(date: unknown): number | null {
  return isLocalDate(date) ? Number(date.slice(0, 4)) : null;
}

/**
 * Months of `year` that overlap the term [start, end], counting part months.
 * Compared as text: a start on any day of a month (29 February too) is on or
 * before `YYYY-MM-31`.
 */
function monthsInForce(start: string, end: string | null, year: number): number {
  let count = 0;
  for (let month = 1; month <= 12; month++) {
    const ym = `${year.toString()}-${month.toString().padStart(2, "0")}`;
    if (`${ym}-31` >= start && (end === null || `${ym}-01` <= end)) count++;
  }
  return count;
}

/** Every `clause` in the contract, with its path. */
function clausesOf(value: unknown, path: (string | number)[], out: { path: (string | number)[]; clause: string }[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      clausesOf(item, [...path, i], out);
    });
  } else if (typeof value === "object" && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      if (key === "clause" && typeof child === "string") out.push({ path: [...path, key], clause: child });
      else clausesOf(child, [...path, key], out);
    }
  }
}

function crossFieldIssues(contract: ContractShape): Issue[] {
  const issues: Issue[] = [];
  const { term, compensation, indexation } = contract;
  const startYear = yearOfDate(term.start);

  // A price level later than the start would price the first months in a year that has not begun.
  if (compensation.kind !== "hour-volume" && startYear !== null && compensation.priceYear > startYear) {
    issues.push({
      path: ["compensation", "priceYear"],
      input: compensation.priceYear,
      message: `a price year no later than the start year ${startYear.toString()} (term.start ${term.start})`,
    });
  }
  if (compensation.kind === "hourly" && compensation.visitFee !== null && startYear !== null && compensation.visitFee.priceYear > startYear) {
    issues.push({
      path: ["compensation", "visitFee", "priceYear"],
      input: compensation.visitFee.priceYear,
      message: `a price year no later than the start year ${startYear.toString()} (term.start ${term.start})`,
    });
  }

  if (indexation !== null) {
    if (compensation.kind !== "hour-volume" && indexation.firstAdjustedYear <= compensation.priceYear) {
      issues.push({
        path: ["indexation", "firstAdjustedYear"],
        input: indexation.firstAdjustedYear,
        message: `a year after the price year ${compensation.priceYear.toString()}: the amount is adjusted from the year after the one it is priced in`,
      });
    }
    if (indexation.fixedUntil !== null && isLocalDate(indexation.fixedUntil)) {
      const firstAdjusted = `${indexation.firstAdjustedYear.toString().padStart(4, "0")}-01-01`;
      if (indexation.fixedUntil >= firstAdjusted) {
        issues.push({
          path: ["indexation", "fixedUntil"],
          input: indexation.fixedUntil,
          message: `a date before ${firstAdjusted}, when adjustment starts (firstAdjustedYear ${indexation.firstAdjustedYear.toString()})`,
        });
      }
      if (isLocalDate(term.start) && indexation.fixedUntil < term.start) {
        issues.push({
          path: ["indexation", "fixedUntil"],
          input: indexation.fixedUntil,
          message: `a date on or after the start ${term.start}`,
        });
      }
    }
  }

  if (compensation.kind === "hour-volume" && isLocalDate(term.start)) {
    const end = term.end !== null && isLocalDate(term.end) ? term.end : null;
    compensation.statedYears.forEach((stated, i) => {
      const inForce = monthsInForce(term.start, end, stated.year);
      if (inForce === 0) {
        issues.push({
          path: ["compensation", "statedYears", i, "year"],
          input: stated.year,
          message: `a year inside the term (${term.start} to ${end ?? "further notice"})`,
        });
      } else if (stated.months > inForce) {
        issues.push({
          path: ["compensation", "statedYears", i, "months"],
          input: stated.months,
          message: `at most ${inForce.toString()}, the months of ${stated.year.toString()} inside the term`,
        });
      }
    });
  }

  const kinds = new Set<string>();
  contract.reporting.forEach((report, i) => {
    if (kinds.has(report.kind)) {
      issues.push({
        path: ["reporting", i, "kind"],
        input: report.kind,
        message: `a kind not already listed (one obligation per kind)`,
      });
    }
    kinds.add(report.kind);
  });

  // Every clause reference names the document it comes from.
  const clauses: { path: (string | number)[]; clause: string }[] = [];
  clausesOf(contract, [], clauses);
  for (const { path, clause } of clauses) {
    if (!clause.startsWith(contract.document)) {
      issues.push({
        path,
        input: clause,
        message: `a clause reference that starts with the document label ${JSON.stringify(contract.document)}`,
      });
    }
  }
  return issues;
}

/**
 * The zod schema of a commission (*verksamhetsuppdrag*) written as plain
 * data. Strict: unknown keys are errors. Besides each field's own format it
 * checks the fields against each other: the term ends after it starts, only a
 * term with a fixed end has extensions, the price year is not after the start
 * year, indexation starts after the price year and after `fixedUntil`, a
 * yearly due date exists every year (no 31 April, no 29 February), group and
 * visit ranges are ordered, stated part years lie inside the term, and every
 * `clause` starts with the contract's `document` label. Every list has at
 * most 100 items and every text a largest length (docs/contracts.md,
 * "Limits"); a longer one is refused before its elements are read.
 *
 * Most callers want {@link parseContract}, which wraps this schema, converts
 * its issues to {@link RulesError} and deep-freezes the result.
 *
 * It is a `zod/mini` schema (so that a bundle carries only the parts of zod
 * it uses): `.safeParse()` and `.parse()` are methods, and everything else
 * is a function of `zod/mini` or `zod` that takes the schema, such as
 * `z.extend(contractSchema, { … })` or `z.toJSONSchema(contractSchema)`.
 *
 * @example
 * ```ts
 * import { contractSchema, contracts } from "verksamhetsuppdrag";
 * contractSchema.safeParse(JSON.parse(JSON.stringify(contracts.familjeradgivning))).success; //=> true
 * contractSchema.safeParse({ id: "x" }).success; //=> false
 *
 * import * as z from "zod/mini";
 * z.safeParse(z.extend(contractSchema, { tag: z.string() }), { id: "x" }).success; //=> false
 * ```
 */
export const contractSchema = obj("a commission as an object (plain JSON data)", contractShape, (contract, ctx) => {
  for (const issue of crossFieldIssues(contract)) {
    ctx.addIssue({ code: "custom", path: issue.path, input: issue.input, message: issue.message });
  }
});

// ---------------------------------------------------------------------------
// Types, all inferred from the schema
// ---------------------------------------------------------------------------

/**
 * A commission (*verksamhetsuppdrag*) as validated data: every amount, rate,
 * date and period with the clause it comes from. Obtain one from
 * {@link parseContract} or the shipped {@link contracts}.
 *
 * @example
 * ```ts
 * const c: Contract = contracts.familjeradgivning;
 * c.compensation.kind; //=> "hourly"
 * c.notice?.months;    //=> 12
 * ```
 */
export type Contract = z.output<typeof contractSchema>;

/**
 * A commission as it may be written before validation (the schema's input
 * type; the same as {@link Contract}, since the schema transforms nothing).
 *
 * @example
 * ```ts
 * const draft: ContractInput = JSON.parse(text);
 * parseContract(draft).id; //=> "min-kommun-samtalsstod"
 * ```
 */
export type ContractInput = z.input<typeof contractSchema>;

/**
 * The source of a rule: the clause reference and, optionally, the Swedish
 * sentence it implements, copied exactly.
 *
 * @example
 * ```ts
 * const c: Cited = { clause: "SON 2021-233 §1.2", quote: "Maximal beställningsvolym är 2 590 timmar per år." };
 * ```
 */
export type Cited = Pick<Contract["term"], "clause" | "quote">;

/**
 * Money in kronor as a decimal string with at most two decimals.
 *
 * @example
 * ```ts
 * const rate: Money = "605"; // or "605.00"
 * ```
 */
export type Money = string;

/**
 * Hours as a decimal string with at most two decimals.
 *
 * @example
 * ```ts
 * const cap: Hours = "2590";
 * ```
 */
export type Hours = string;

/**
 * The purchaser (*beställaren*) and the provider (*utföraren*).
 *
 * @example
 * ```ts
 * contracts.familjeradgivning.parties.provider; //=> "Leanlink Råd och Stöd"
 * ```
 */
export type Parties = Contract["parties"];

/**
 * The commission an addendum (*tillägg*) amends.
 *
 * @example
 * ```ts
 * contracts.beroendemottagningen.amends?.staffingFte; //=> "12.5"
 * ```
 */
export type Amendment = NonNullable<Contract["amends"]>;

/**
 * The term (*uppdragstid*): start (or `'unknown'`), end (`null` = *tills
 * vidare*) and any extension option.
 *
 * @example
 * ```ts
 * contracts.beroendemottagningen.term.start; //=> "2021-04-01"
 * contracts.beroendemottagningen.term.end;   //=> null
 * ```
 */
export type Term = Contract["term"];

/**
 * An option to extend a fixed term (*förlängning*): how many times, and by
 * how many months each.
 *
 * @example
 * ```ts
 * contracts.boendestod.term.extensions; //=> { count: 1, months: 24, clause: "Boendestöd 2018, Ärende", quote: "…" }
 * ```
 */
export type TermExtension = NonNullable<Term["extensions"]>;

/**
 * The notice clause (*uppsägning*): months, form, who may give it.
 *
 * @example
 * ```ts
 * contracts.familjeradgivning.notice?.months; //=> 12
 * ```
 */
export type NoticeClause = NonNullable<Contract["notice"]>;

/**
 * The compensation (*ersättning*): one of three kinds, told apart by `kind`.
 *
 * @example
 * ```ts
 * const comp: Compensation = contracts.valdINaraRelation.compensation;
 * if (comp.kind === "fixed-annual") comp.amount; //=> "4093284"
 * ```
 */
export type Compensation = Contract["compensation"];

/**
 * A fixed annual amount in a price year, usually paid as twelfths.
 *
 * @example
 * ```ts
 * const comp = contracts.beroendemottagningen.compensation as FixedAnnualCompensation;
 * comp.amount;    //=> "1827000"
 * comp.priceYear; //=> 2021
 * ```
 */
export type FixedAnnualCompensation = Extract<Compensation, { kind: "fixed-annual" }>;

/**
 * An hourly rate (*timersättning*) with its billable-time rule, group rule,
 * yearly cap and visit fee.
 *
 * @example
 * ```ts
 * const comp = contracts.familjeradgivning.compensation as HourlyCompensation;
 * comp.rate;              //=> "605"
 * comp.yearlyCap?.hours;  //=> "2590"
 * ```
 */
export type HourlyCompensation = Extract<Compensation, { kind: "hourly" }>;

/**
 * An hour volume per year with its annual cost, pro-rated by the months in
 * force, and the part-year figures as the text states them.
 *
 * @example
 * ```ts
 * const comp = contracts.boendestod.compensation as HourVolumeCompensation;
 * comp.hoursPerYear;          //=> "1700"
 * comp.statedYears[0]?.hours; //=> "1275"
 * ```
 */
export type HourVolumeCompensation = Extract<Compensation, { kind: "hour-volume" }>;

/**
 * How billable time is counted (*debiterbar tid*): hours of 60 minutes,
 * every started quarter hour, direct client-related time only.
 *
 * @example
 * ```ts
 * (contracts.familjeradgivning.compensation as HourlyCompensation).billableTime.unit; //=> "started-quarter-hour"
 * ```
 */
export type BillableTimeRule = HourlyCompensation["billableTime"];

/**
 * The group rule: client hours per group hour, with the least participants
 * and the session length it applies to.
 *
 * @example
 * ```ts
 * (contracts.familjeradgivning.compensation as HourlyCompensation).groupRule?.clientHoursPerGroupHour; //=> 4
 * ```
 */
export type GroupRule = NonNullable<HourlyCompensation["groupRule"]>;

/**
 * The most hours that may be ordered in a year (*maximal beställningsvolym*).
 *
 * @example
 * ```ts
 * (contracts.familjeradgivning.compensation as HourlyCompensation).yearlyCap; //=> { hours: "2590", clause: "SON 2021-233 §1.2", quote: "…" }
 * ```
 */
export type YearlyCap = NonNullable<HourlyCompensation["yearlyCap"]>;

/**
 * The client's fee per visit (*avgift*), in a price year, and to whom it is owed.
 *
 * @example
 * ```ts
 * (contracts.familjeradgivning.compensation as HourlyCompensation).visitFee?.owedTo; //=> "purchaser"
 * ```
 */
export type VisitFee = NonNullable<HourlyCompensation["visitFee"]>;

/**
 * One year's hours, cost and months in force, as the text states them.
 *
 * @example
 * ```ts
 * (contracts.boendestod.compensation as HourVolumeCompensation).statedYears[0];
 * //=> { year: 2018, hours: "1275", cost: "600000", months: 9, clause: "Boendestöd 2018, Förslag", quote: "…" }
 * ```
 */
export type StatedYear = HourVolumeCompensation["statedYears"][number];

/**
 * The indexation clause: which series, fixed until when, first adjusted year.
 *
 * @example
 * ```ts
 * contracts.beroendemottagningen.indexation?.series;            //=> "OPI"
 * contracts.beroendemottagningen.indexation?.firstAdjustedYear; //=> 2022
 * ```
 */
export type IndexationClause = NonNullable<Contract["indexation"]>;

/**
 * Call-offs (*avrop*) beyond the agreed volume: their form and price.
 *
 * @example
 * ```ts
 * contracts.familjeradgivning.callOffs?.form; //=> "written"
 * ```
 */
export type CallOffClause = NonNullable<Contract["callOffs"]>;

/**
 * When and how the provider is paid.
 *
 * @example
 * ```ts
 * contracts.valdINaraRelation.payment; //=> { frequency: "monthly", inArrears: true, route: "autobokföring", clause: "SON 2019-755 §1.2", quote: "…" }
 * ```
 */
export type PaymentClause = NonNullable<Contract["payment"]>;

/**
 * A yearly report and its due date (day and month), covering the previous
 * calendar year.
 *
 * @example
 * ```ts
 * const r: ReportingObligation = contracts.familjeradgivning.reporting[0]!;
 * [r.kind, r.dueMonth, r.dueDay]; //=> ["activity-report", 3, 31]
 * ```
 */
export type ReportingObligation = Contract["reporting"][number];

/**
 * Early termination for breach (*förtida uppsägning*): days to cure, then
 * months of notice.
 *
 * @example
 * ```ts
 * contracts.valdINaraRelation.earlyTermination?.cureDays; //=> 30
 * ```
 */
export type EarlyTerminationClause = NonNullable<Contract["earlyTermination"]>;

/**
 * Who may receive the service: minimum age and residency.
 *
 * @example
 * ```ts
 * contracts.beroendemottagningen.eligibility.minimumAge?.years; //=> 18
 * ```
 */
export type Eligibility = Contract["eligibility"];

/**
 * Service levels: first meeting, waits to report, opening hours.
 *
 * @example
 * ```ts
 * contracts.familjeradgivning.serviceLevels.openingHours; //=> { days: "workdays", from: "08:00", to: "17:00", clause: "SON 2021-233 §2.3", quote: "…" }
 * ```
 */
export type ServiceLevels = Contract["serviceLevels"];

/**
 * The required liability insurance and the cap on pure economic loss.
 *
 * @example
 * ```ts
 * contracts.valdINaraRelation.insurance?.personalInjury; //=> "20000000"
 * ```
 */
export type InsuranceClause = NonNullable<Contract["insurance"]>;

/**
 * An expected result (*förväntat resultat*) with its target share.
 *
 * @example
 * ```ts
 * contracts.valdINaraRelation.expectedResults[0]?.targetPercent; //=> "100"
 * ```
 */
export type ExpectedResult = Contract["expectedResults"][number];

/**
 * Staffing in full-time equivalents (*årsarbetare*).
 *
 * @example
 * ```ts
 * contracts.beroendemottagningen.staffing?.fte; //=> "2.5"
 * ```
 */
export type Staffing = NonNullable<Contract["staffing"]>;

/**
 * The groups that make up full operation (*hel verksamhet*).
 *
 * @example
 * ```ts
 * contracts.beroendemottagningen.groups; //=> { count: 2, minParticipants: 6, maxParticipants: 8, clause: "Beroendemottagningen tillägg 2021 §3", quote: "…" }
 * ```
 */
export type GroupVolume = NonNullable<Contract["groups"]>;

/**
 * The contract's guidance on the support one case gets on average, which the
 * activity report holds its averages against (SON 2021-233 §2.3: *"Den
 * genomsnittliga stödtiden per par motsvarar cirka 7 timmar, vilket innebär
 * 4-5 samtal per par."*). Guidance, not a limit: nothing is billed by it.
 *
 * @example
 * ```ts
 * const g: CaseGuidance = contracts.familjeradgivning.serviceLevels.perCase!;
 * g.hours;                         //=> "7"
 * [g.sessionsMin, g.sessionsMax];  //=> [4, 5]
 * ```
 */
export type CaseGuidance = NonNullable<ServiceLevels["perCase"]>;
