/**
 * The figures of the yearly activity report (*verksamhetsberättelse*):
 * what was performed in a year, computed from the same sessions and by the
 * same rules as the billing, each figure with its clause.
 *
 * @module
 */
import { dayNumber, type LocalDate, parseLocalDate } from "../calendar/index.js";
import { arrayLength, ownElements, ownFields, normalizeId } from "../callerData.js";
import type { CaseGuidance, Contract } from "../contracts/schema.js";
import { fieldError, RulesError } from "../errors.js";
import type { ResolvedBillingPolicies } from "../billing/policies.js";
import type { StatementInput } from "../billing/input.js";
import { GROUP_APPLIED } from "../billing/ledger.js";
import { TICKS_PER_HOUR, TICKS_PER_MINUTE } from "../billing/units.js";
import type { CallOffSummary } from "../billing/types.js";
import { yearReportOf } from "../billing/yearReport.js";
import { deadlines, waitingTimes, type Deadline, type Intake, type PersistentRun, type RollRule, type Share } from "../deadlines/index.js";
import { parseRoll } from "../deadlines/internal.js";
import { formatSek, fromOre, toOre, type Decimal } from "../money/index.js";
import { Exact, published } from "../money/decimal.js";
import { percentText, quotient, roundedQuotient } from "../money/money.js";

/**
 * Which hours an average per case counts: `'billable'` — the hours billing
 * counts for the case's sessions (started quarters, per the billing
 * policies); `'performed'` — the minutes actually performed. The text's
 * *"stödtid"* (support time) could be either; `'billable'` is the default
 * for a commission paid by the hour or hour volume (it is the figure the
 * report shares with the invoices), `'performed'` the only one for a fixed
 * annual amount (which bills no hours).
 *
 * @example
 * ```ts
 * const basis: CaseHoursBasis = "performed";
 * ```
 */
export type CaseHoursBasis = "billable" | "performed";

/**
 * A group run in the year and its size, for the composition against the
 * contract's full operation (*hel verksamhet*).
 *
 * @example
 * ```ts
 * const g: GroupSize = { id: "Grupp A", participants: 7 };
 * ```
 */
export interface GroupSize {
  /** Unique among the groups. */
  id: string;
  /** Its participants (enrolled), an integer 0 or more. */
  participants: number;
}

/**
 * The input of {@link activityReport}: a statement's input (the sessions of
 * the year, call-offs, index, policies, start) and what the report adds.
 *
 * @example
 * ```ts
 * const input: ActivityReportInput = {
 *   sessions: [{ id: "S1", date: "2022-03-04", minutes: 50, kind: "individual", caseId: "P1" }],
 *   intakes: [{ id: "P1", firstContact: "2022-02-21", firstMeeting: "2022-03-04" }],
 *   roll: "next-workday",
 * };
 * ```
 */
export interface ActivityReportInput extends StatementInput {
  /** The intake queue of the year (as {@link waitingTimes} takes it); every first contact must lie in the year. */
  intakes?: readonly Intake[];
  /** The day the queue is looked at; default the year's last day (a case still waiting then counts with its wait so far). */
  asOf?: LocalDate;
  /** Consecutive months with long waits that make them persistent; default 2 (see {@link waitingTimes}). */
  persistMonths?: number;
  /** The groups run in the year with their sizes, for the composition against *hel verksamhet*. */
  groups?: readonly GroupSize[];
  /** Whether the report's 31 March moves to the next workday; default `'none'` (see {@link deadlines}). */
  roll?: RollRule;
  /** Which hours the averages per case count; default `'billable'` (`'performed'` for a fixed annual amount). */
  caseHours?: CaseHoursBasis;
}

/**
 * An average per case, with its exact parts and the contract's guidance.
 * `total ÷ cases` is the exact average; `average` is it rounded half-up to
 * two decimals for reading.
 *
 * @example
 * ```ts
 * const a: CaseAverage = activityReport(contracts.familjeradgivning, 2022, { sessions }).hoursPerCase!;
 * [a.total.toFixed(), a.cases, a.average.toFixed(2)]; //=> ["22", 3, "7.33"]
 * ```
 */
export interface CaseAverage {
  /** The sum over the cases (hours, or sessions). */
  total: Decimal;
  /** The distinct cases. */
  cases: number;
  /** `total ÷ cases`, rounded half-up to two decimals. */
  average: Decimal;
  /** The contract's guidance for this average, or `null` when it gives none. */
  guidance: {
    /** The least the text names (the hours: the one figure it names). */
    low: Decimal;
    /** The most the text names. */
    high: Decimal;
    /** Whether the exact average lies within `low`–`high`; `null` for a *"cirka"* figure, which sets no tolerance. */
    within: boolean | null;
    /** The clause. */
    clause: string;
    /** The sentence, when the contract data carries it. */
    quote: string | null;
  } | null;
}

/**
 * The year's group sessions.
 *
 * @example
 * ```ts
 * const g: GroupSessionFigures = { sessions: 12, participants: 78, meetingRule: 11, outsideRule: 1, clause: "SON 2021-233 §1.2" };
 * ```
 */
export interface GroupSessionFigures {
  /** Group sessions in the term. */
  sessions: number;
  /** Their participants, summed over the sessions. */
  participants: number;
  /** Of them, those the group rule applied to; `null` when the commission has no group rule. */
  meetingRule: number | null;
  /** Those outside it (too few participants, or too short or long); `null` without a group rule. */
  outsideRule: number | null;
  /** The group rule's clause, or `null`. */
  clause: string | null;
}

/**
 * The groups run against the contract's full operation (*hel verksamhet*,
 * Beroendemottagningen §3: two groups of 6–8 participants).
 *
 * @example
 * ```ts
 * const c: GroupComposition = activityReport(contracts.beroendemottagningen, 2022,
 *   { groups: [{ id: "A", participants: 7 }, { id: "B", participants: 5 }] }).groupComposition!;
 * [c.withinRange, c.fullOperation]; //=> [1, false]
 * ```
 */
export interface GroupComposition {
  /** What full operation means in the contract. */
  required: { count: number; minParticipants: number; maxParticipants: number; clause: string; quote: string | null };
  /** Each group, in the order given, with whether its size lies in the range. */
  groups: { id: string; participants: number; withinRange: boolean }[];
  /** Groups whose size lies in the range. */
  withinRange: number;
  /** True when at least `required.count` groups lie in the range. */
  fullOperation: boolean;
}

/**
 * The waiting times of the year's intakes, from {@link waitingTimes}.
 *
 * @example
 * ```ts
 * const w: WaitingFigures = activityReport(contracts.familjeradgivning, 2022, { intakes }).waiting!;
 * w.withinGoal?.percent; //=> "85.71"
 * ```
 */
export interface WaitingFigures {
  /** Intakes with a first contact in the year. */
  intakes: number;
  /** Met within the goal, met later or still waiting beyond it, still waiting within it. */
  met: number;
  missed: number;
  pending: number;
  /** The share offered a first meeting within the goal, of the decided cases; `null` when none is decided. */
  withinGoal: Share | null;
  /** The goal in days (14) and its clause. */
  goalDays: number;
  goalClause: string;
  /** The longest wait in days, or `null` without intakes. */
  longestWaitDays: number | null;
  /** Months with some wait over the reporting limit. */
  monthsOverLimit: number;
  /** The runs of months with persistent long waits. */
  persistent: PersistentRun[];
  /** Whether the administration is to be informed; `null` when the contract has no such duty. */
  informPurchaser: boolean | null;
  /** That duty's clause, or `null`. */
  reportClause: string | null;
  /** The day the queue was looked at. */
  asOf: LocalDate;
  /** The consecutive months that make waits persistent. */
  persistMonths: number;
}

/**
 * One figure of the report for a person: a Swedish label, the value as it
 * is printed, and the clause it answers to. The command line's table, CSV
 * and Markdown are these rows.
 *
 * @example
 * ```ts
 * const f: ReportFigure = { key: "sessions", label: "Antal besök", value: "412", clause: "SON 2021-233 §4.1" };
 * const h: ReportFigure = { key: "billableHours", label: "Debiterbar tid, timmar", value: "2 590,00", clause: "SON 2021-233 §1.2" };
 * ```
 */
export interface ReportFigure {
  /** A stable key, e.g. `"billableHours"`. */
  key: string;
  /** The Swedish label, e.g. `"Debiterbara timmar"`. */
  label: string;
  /** The value as printed in Swedish: decimal comma and spaces between thousands (hours and kronor with two decimals), dates as `YYYY-MM-DD`. */
  value: string;
  /** The clause the figure comes from or is held against. */
  clause: string;
}

/**
 * The figures of the activity report of one year.
 *
 * @example
 * ```ts
 * const r: ActivityReport = activityReport(contracts.familjeradgivning, 2022);
 * r.due?.due; //=> "2023-03-31"
 * ```
 */
export interface ActivityReport {
  /** The commission's id and title. */
  contractId: string;
  title: string;
  /** The year the report covers. */
  covers: number;
  /** The report's deadline, as {@link deadlines} gives it (honouring `roll`); `null` when the contract requires no activity report. */
  due: Deadline | null;
  /** The kind of compensation. */
  compensationKind: "fixed-annual" | "hourly" | "hour-volume";
  /** Sessions of the year in the term, and of them the individual ones. */
  sessions: number;
  individualSessions: number;
  /** Sessions of the year outside the term (not counted in any other figure). */
  sessionsOutsideTerm: number;
  /** Distinct cases (`caseId`) among the individual sessions (a group session is not a case: its `caseId`, if any, names the group). */
  cases: number;
  /** Individual sessions without a `caseId` (left out of the averages per case). */
  sessionsWithoutCase: number;
  /** The minutes performed (exact; shown as hours in `figures`). */
  performedMinutes: number;
  /** The hours billing counts (started quarters, the group rule), within the cap or not; `null` for a fixed annual amount. */
  billableHours: Decimal | null;
  /** Of them, the hours within the cap (payable); `null` for a fixed annual amount. */
  payableHours: Decimal | null;
  /** Hours per case, or `null` without cases. */
  hoursPerCase: CaseAverage | null;
  /** Sessions per case, or `null` without cases. */
  sessionsPerCase: CaseAverage | null;
  /** The group sessions. */
  groupSessions: GroupSessionFigures;
  /** The groups against full operation, when `groups` was given. */
  groupComposition: GroupComposition | null;
  /** The visit fees collected for the purchaser, or `null` when the commission has no visit fee. */
  visitFees: { visits: number; amount: Decimal; owedTo: "purchaser" | "provider"; clause: string } | null;
  /** The yearly cap (or hour volume) at the year's end, or `null` without one. */
  cap: { capHours: Decimal; usedHours: Decimal; overHours: Decimal; remaining: Decimal; callOffs: CallOffSummary[]; clause: string } | null;
  /** Sessions with an eligibility warning: participants under the minimum age, non-residents without an exception; `null` where the contract has no such rule. */
  eligibility: { underAge: number | null; nonResident: number | null; minimumAgeClause: string | null; residencyClause: string | null };
  /** The waiting times, when `intakes` was given. */
  waiting: WaitingFigures | null;
  /**
   * What was due for the year (the sum of its statements), what was not
   * payable, and the cost the contract states for the year where it states
   * one (an hour volume's `statedYears`: Boendestöd 2018, *"1 275 h / 600
   * tkr"*), with the difference due − stated (the text's cost is rounded to
   * thousands; the billing prices each hour at annualCost ÷ hoursPerYear).
   */
  payment: { total: Decimal; notPayable: Decimal; feesOwedToPurchaser: Decimal; clause: string; statedCost: Decimal | null; statedDifference: Decimal | null };
  /** The billing's warnings and the report's own. */
  warnings: string[];
  /** The report's own options, resolved. */
  options: { caseHours: CaseHoursBasis; roll: RollRule };
  /** The billing policies used. */
  policies: Readonly<ResolvedBillingPolicies>;
  /** Every figure above as a labelled row with its clause, in the report's order. */
  figures: ReportFigure[];
}

const REPORT_KEYS = ["asOf", "persistMonths", "roll", "caseHours"];
const RAW_KEYS = ["intakes", "groups"];
/** The most groups one report takes. */
const MAX_GROUPS = 1000;

function guidanceOf(perCase: CaseGuidance | null | undefined, which: "hours" | "sessions", total: number, cases: number): CaseAverage["guidance"] {
  if (perCase === undefined || perCase === null) return null;
  const quote = perCase.quote ?? null;
  if (which === "hours") {
    const h = published(new Exact(perCase.hours));
    return { low: h, high: h, within: null, clause: perCase.clause, quote };
  }
  // total / cases within [min, max], exactly: min × cases ≤ total ≤ max × cases.
  const within = perCase.sessionsMin * cases <= total && total <= perCase.sessionsMax * cases;
  return { low: published(new Exact(perCase.sessionsMin)), high: published(new Exact(perCase.sessionsMax)), within, clause: perCase.clause, quote };
}

function parseGroups(value: unknown, contract: Contract): GroupComposition | null {
  if (value === undefined) return null;
  const required = contract.groups;
  if (required === null) {
    throw new RulesError("NOT_IN_CONTRACT", `groups: ${contract.id} states no group volume (hel verksamhet) to hold group sizes against`, [
      { path: "groups", expected: "none: the contract has no group volume", received: "a list of groups" },
    ]);
  }
  arrayLength(value, "groups", "a list of groups { id, participants }", MAX_GROUPS);
  const list = ownElements(value, "groups", "a list of groups { id, participants }", MAX_GROUPS);
  const seen = new Set<string>();
  const groups = list.map((raw, i) => {
    const path = `groups.${i.toString()}`;
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw fieldError("INVALID_INPUT", path, "a group { id, participants }", raw);
    const g = ownFields(raw, ["id", "participants"], path);
    const id = typeof g.id === "string" ? normalizeId(g.id) : g.id;
    if (typeof id !== "string" || id === "") throw fieldError("INVALID_INPUT", `${path}.id`, "a non-empty string", g.id);
    if (seen.has(id)) throw fieldError("DUPLICATE_ID", `${path}.id`, "an id not already used", id);
    seen.add(id);
    const n = g.participants;
    if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 0 || n > 100_000) throw fieldError("INVALID_INPUT", `${path}.participants`, "an integer 0 or more", n);
    return { id, participants: n, withinRange: n >= required.minParticipants && n <= required.maxParticipants };
  });
  const withinRange = groups.filter((g) => g.withinRange).length;
  return {
    required: {
      count: required.count,
      minParticipants: required.minParticipants,
      maxParticipants: required.maxParticipants,
      clause: required.clause,
      quote: required.quote ?? null,
    },
    groups,
    withinRange,
    fullOperation: withinRange >= required.count,
  };
}

/** {@link waitingTimes} over the year's intakes, its `options.*` paths named as this input's fields. */
function waitingOf(contract: Contract, year: number, intakes: unknown, asOf: LocalDate, persistMonths: unknown): WaitingFigures | null {
  if (intakes === undefined) return null;
  let w;
  try {
    w = waitingTimes(contract, intakes as readonly Intake[], persistMonths === undefined ? { asOf } : { asOf, persistMonths: persistMonths as number });
  } catch (e) {
    if (!(e instanceof RulesError)) throw e;
    const rename = (text: string): string => text.replaceAll("options.", "");
    throw new RulesError(e.code, rename(e.message), e.issues.map((issue) => ({ ...issue, path: rename(issue.path) })), e.moreIssues);
  }
  const first = `${year.toString()}-01-01`;
  w.cases.forEach((c, i) => {
    if (c.firstContact < first) throw fieldError("INVALID_INPUT", `intakes.${i.toString()}.firstContact`, `a date in ${year.toString()}, the year the report covers`, c.firstContact);
  });
  let met = 0;
  let missed = 0;
  let longest: number | null = null;
  for (const c of w.cases) {
    if (c.status === "met") met++;
    else if (c.status === "missed") missed++;
    if (longest === null || c.waitDays > longest) longest = c.waitDays;
  }
  return {
    intakes: w.cases.length,
    met,
    missed,
    pending: w.cases.length - met - missed,
    withinGoal: met + missed === 0 ? null : { numerator: met, denominator: met + missed, percent: percentText(met, met + missed) },
    goalDays: w.goalDays,
    goalClause: w.goalClause,
    longestWaitDays: longest,
    monthsOverLimit: w.months.filter((m) => m.overReportLimit).length,
    persistent: w.persistent,
    informPurchaser: w.informPurchaser,
    reportClause: w.reportClause,
    asOf,
    persistMonths: w.persistMonths,
  };
}

/** The activity report's deadline for `year`: due the following spring (or later, when rolled past a year's end). */
function dueOf(contract: Contract, year: number, roll: RollRule, start: LocalDate | undefined): Deadline | null {
  if (!contract.reporting.some((r) => r.kind === "activity-report")) return null;
  for (const dueYear of [year + 1, year + 2]) {
    if (dueYear > 9999) break;
    const found = deadlines(contract, dueYear, start === undefined ? { roll } : { roll, start }).find((d) => d.kind === "activity-report" && d.covers === year);
    if (found !== undefined) return found;
  }
  return null;
}

/**
 * The figures of the activity report (*verksamhetsberättelse*) for `year`.
 *
 * Every commission asks for a yearly report by 31 March *"med sammanställning
 * av utförda prestationer samt uppnådda resultat vad gäller uppställda mål"*
 * (SON 2021-233 §4.1, SON 2019-755 §3.0, Beroendemottagningen §5.5). This
 * compiles the performed services from the same sessions and by the same
 * rules and policies as the billing ({@link yearReport} is computed once and
 * read): the sessions in the term, the distinct cases (`caseId`), the hours
 * performed and billable (started quarters, the group rule's four client
 * hours), the group sessions and their participants, the visit fees
 * collected for the purchaser (SON 2021-233 §2.3), the cap used with the
 * written call-offs (§1.2), and the sessions with an eligibility warning
 * (under the minimum age, Beroendemottagningen §5; non-residents without an
 * exception, SON 2021-233 §2.3). The averages per case are exact
 * (`total ÷ cases`) and held against the contract's guidance where it has
 * one (SON 2021-233 §2.3 *"cirka 7 timmar, vilket innebär 4-5 samtal per
 * par"*: the sessions get a verdict, the *"cirka"* hours only the figure).
 * The averages count individual sessions: a group session is not a case
 * (its `caseId`, if any, names the group), and an individual session
 * without a `caseId` counts in every figure but the averages. From
 * `intakes` come the share offered a first meeting within the contract's
 * days and the months of persistent waits over 14 days (as
 * {@link waitingTimes} reads them). From `groups`, the groups against full
 * operation (*hel verksamhet*, Beroendemottagningen §3: two groups of 6–8).
 * For every commission: what was due for the year, from its statements.
 *
 * @param contract - a parsed commission
 * @param year - the year the report covers
 * @param input - a statement's input and `intakes`, `asOf`, `persistMonths`, `groups`, `roll`, `caseHours`
 * @returns the figures, each with its clause, and the same as labelled rows in `figures`
 * @throws {@link RulesError} `OUTSIDE_TERM` for a year the commission was not
 *   in force; everything {@link yearReport} throws for its input;
 *   `NOT_IN_CONTRACT` for intakes without a first-meeting goal or groups
 *   without a group volume; `INVALID_INPUT` naming the field for an intake
 *   outside the year, a bad group or a bad option
 * @example
 * ```ts
 * const r = activityReport(contracts.familjeradgivning, 2022, {
 *   sessions: [
 *     { id: "S1", date: "2022-03-01", minutes: 50, kind: "individual", caseId: "P1" },
 *     { id: "S2", date: "2022-03-15", minutes: 60, kind: "individual", caseId: "P1" },
 *     { id: "G1", date: "2022-03-20", minutes: 90, kind: "group", participants: 6 },
 *   ],
 * });
 * [r.sessions, r.cases, r.billableHours?.toFixed(2)];        //=> [3, 1, "8.00"]
 * r.sessionsPerCase?.guidance?.within;                       //=> false (2 sessions, the text says 4–5)
 * r.visitFees?.amount.toFixed(2);                            //=> "600.00"
 * ```
 */
export function activityReport(contract: Contract, year: number, input?: ActivityReportInput): ActivityReport {
  const { report, parsed, ctx } = yearReportOf(contract, year, input, REPORT_KEYS, RAW_KEYS);
  const c = ctx.contract;
  const opts = parsed.extra;
  const roll = parseRoll(opts.roll, "roll");
  const fixed = c.compensation.kind === "fixed-annual";
  const caseHours = opts.caseHours === undefined ? (fixed ? "performed" : "billable") : opts.caseHours;
  if (caseHours !== "billable" && caseHours !== "performed") throw fieldError("INVALID_INPUT", "caseHours", '"billable" or "performed"', caseHours);
  if (fixed && caseHours === "billable") {
    throw fieldError("INVALID_INPUT", "caseHours", `"performed": ${c.id} is paid a fixed annual amount and bills no hours`, caseHours);
  }
  const asOf = opts.asOf === undefined ? `${year.toString()}-12-31` : parseLocalDate(opts.asOf, "asOf");

  // Per session of the year: in the term or not, and what billing counts for it.
  const s = parsed.sessions;
  const yearStart = dayNumber(`${year.toString()}-01-01`);
  const yearEnd = dayNumber(`${year.toString()}-12-31`);
  const ledger = ctx.ledger;
  const counted = new Int32Array(s.count);
  const payable = new Int32Array(s.count);
  const applied = new Uint8Array(s.count);
  if (ledger !== null) {
    for (let q = 0; q < ledger.idx.length; q++) {
      const i = ledger.idx[q] ?? 0;
      counted[i] = ledger.counted[q] ?? 0;
      payable[i] = ledger.payable[q] ?? 0;
      applied[i] = ledger.status[q] === GROUP_APPLIED ? 1 : 0;
    }
  }
  const { minimumAge, residency } = c.eligibility;
  let sessions = 0;
  let outside = 0;
  let individual = 0;
  let groupSessions = 0;
  let groupParticipants = 0;
  let groupApplied = 0;
  let minutes = 0;
  let billableTicks = 0;
  let payableTicks = 0;
  let underAge = 0;
  let nonResident = 0;
  let withoutCase = 0;
  const perCase = new Map<string, { ticks: number; sessions: number }>();
  for (let i = 0; i < s.count; i++) {
    const day = s.day[i] ?? 0;
    if (day < yearStart || day > yearEnd) continue;
    if (day < ctx.term.startDay || day > ctx.term.endDay) {
      outside++;
      continue;
    }
    sessions++;
    const m = s.minutes[i] ?? 0;
    minutes += m;
    billableTicks += counted[i] ?? 0;
    payableTicks += payable[i] ?? 0;
    if (minimumAge !== null && (s.age[i] ?? -1) >= 0 && (s.age[i] ?? 0) < minimumAge.years) underAge++;
    if (residency !== null && s.nonResident[i] === 1) nonResident++;
    if (s.group[i] === 1) {
      // A group is not a case: its id (if any) names the group, and its time is shared by many.
      groupSessions++;
      groupParticipants += s.participants[i] ?? 0;
      groupApplied += applied[i] ?? 0;
      continue;
    }
    individual++;
    const caseId = s.caseIds?.[i];
    if (caseId === undefined) {
      withoutCase++;
      continue;
    }
    const entry = perCase.get(caseId) ?? { ticks: 0, sessions: 0 };
    entry.ticks += caseHours === "billable" ? (counted[i] ?? 0) : m * TICKS_PER_MINUTE;
    entry.sessions++;
    perCase.set(caseId, entry);
  }

  const cases = perCase.size;
  let caseTicks = 0;
  let caseSessions = 0;
  for (const e of perCase.values()) {
    caseTicks += e.ticks;
    caseSessions += e.sessions;
  }
  const perCaseGuidance = c.serviceLevels.perCase;
  const hoursPerCase: CaseAverage | null =
    cases === 0
      ? null
      : { total: quotient(caseTicks, TICKS_PER_HOUR), cases, average: roundedQuotient(caseTicks, TICKS_PER_HOUR * cases), guidance: guidanceOf(perCaseGuidance, "hours", caseTicks, cases) };
  const sessionsPerCase: CaseAverage | null =
    cases === 0
      ? null
      : { total: published(new Exact(caseSessions)), cases, average: roundedQuotient(caseSessions, cases), guidance: guidanceOf(perCaseGuidance, "sessions", caseSessions, cases) };

  const comp = c.compensation;
  const groupRule = comp.kind === "hourly" ? comp.groupRule : null;
  let visitFees: ActivityReport["visitFees"] = null;
  if (comp.kind === "hourly" && comp.visitFee !== null) {
    // Each fee line counts whole visits: its quantity, read as the integer it is.
    let visits = 0;
    for (const st of report.statements) for (const line of st.feeLines) visits += Number(line.quantity.toFixed(0));
    visitFees = { visits, amount: report.feesOwedToPurchaser, owedTo: comp.visitFee.owedTo, clause: comp.visitFee.clause };
  }

  let cap: ActivityReport["cap"] = null;
  const usage = report.capUsage;
  const last = usage?.[usage.length - 1];
  if (usage !== null && last !== undefined && ledger?.cap !== null && ledger?.cap !== undefined) {
    // Over the cap: what counted minus what was within it, month by month, in ticks (never a sum of returned Decimals).
    let overTicks = 0;
    for (let m = 1; m <= 12; m++) overTicks += (ledger.countedByMonth[m] ?? 0) - (ledger.payableByMonth[m] ?? 0);
    cap = {
      capHours: last.capHours,
      usedHours: last.usedToDate,
      overHours: quotient(overTicks, TICKS_PER_HOUR),
      remaining: last.remaining,
      callOffs: usage.flatMap((u) => u.callOffs),
      clause: ledger.cap.clause,
    };
  }

  const stated = comp.kind === "hour-volume" ? comp.statedYears.find((y) => y.year === year) : undefined;
  const warnings = [...report.warnings];
  if (outside > 0) warnings.push(`${outside.toString()} session(s) of ${year.toString()} lie outside the term and are left out of the report's figures`);
  if (withoutCase > 0 && cases > 0) warnings.push(`${withoutCase.toString()} individual session(s) carry no caseId and are left out of the averages per case`);

  const result: ActivityReport = {
    contractId: c.id,
    title: c.title,
    covers: year,
    due: dueOf(c, year, roll, parsed.start),
    compensationKind: comp.kind,
    sessions,
    individualSessions: individual,
    sessionsOutsideTerm: outside,
    cases,
    sessionsWithoutCase: withoutCase,
    performedMinutes: minutes,
    billableHours: fixed ? null : quotient(billableTicks, TICKS_PER_HOUR),
    payableHours: fixed ? null : quotient(payableTicks, TICKS_PER_HOUR),
    hoursPerCase,
    sessionsPerCase,
    groupSessions: {
      sessions: groupSessions,
      participants: groupParticipants,
      meetingRule: groupRule === null ? null : groupApplied,
      outsideRule: groupRule === null ? null : groupSessions - groupApplied,
      clause: groupRule?.clause ?? null,
    },
    groupComposition: parseGroups(parsed.raw.groups, c),
    visitFees,
    cap,
    eligibility: {
      underAge: minimumAge === null ? null : underAge,
      nonResident: residency === null ? null : nonResident,
      minimumAgeClause: minimumAge?.clause ?? null,
      residencyClause: residency?.clause ?? null,
    },
    waiting: waitingOf(c, year, parsed.raw.intakes, asOf, opts.persistMonths),
    payment: {
      total: report.total,
      notPayable: report.notPayable,
      feesOwedToPurchaser: report.feesOwedToPurchaser,
      clause: stated?.clause ?? comp.clause,
      statedCost: stated === undefined ? null : fromOre(toOre(stated.cost, "compensation.statedYears.cost")),
      statedDifference: stated === undefined ? null : fromOre(toOre(report.total, "total") - toOre(stated.cost, "compensation.statedYears.cost")),
    },
    warnings,
    options: { caseHours, roll },
    policies: report.policies,
    figures: [],
  };
  result.figures = figuresOf(result, c);
  return result;
}

/**
 * A figure the Swedish way (decimal comma, spaces between thousands), two
 * decimals: money, and hours that are whole hundredths (quarters, the cap,
 * the rounded averages). Read as exact digits by formatSek, never through
 * the Decimal's own settings.
 */
const sv = (d: Decimal): string => formatSek(d, { unit: false });
/** A whole number or a ratio the Swedish way, as printed in the report. */
const svText = (text: string): string => text.replace(".", ",");

/** The report's figures as labelled rows, in the order the report reads. */
function figuresOf(r: ActivityReport, c: Contract): ReportFigure[] {
  const reportClause = r.due?.clause ?? c.reporting.find((o) => o.kind === "activity-report")?.clause ?? c.term.clause;
  const rows: ReportFigure[] = [];
  const add = (key: string, label: string, value: string, clause: string): void => {
    rows.push({ key, label, value, clause });
  };
  if (r.due !== null) add("due", "Lämnas senast", r.due.due, r.due.clause);
  add("sessions", "Antal besök/tillfällen", r.sessions.toString(), reportClause);
  add("individualSessions", "varav enskilda eller par", r.individualSessions.toString(), reportClause);
  add("groupSessions", "varav grupptillfällen", r.groupSessions.sessions.toString(), r.groupSessions.clause ?? reportClause);
  add("groupParticipants", "Deltagare i grupp, summa", r.groupSessions.participants.toString(), r.groupSessions.clause ?? reportClause);
  const rule = c.compensation.kind === "hourly" ? c.compensation.groupRule : null;
  if (r.groupSessions.meetingRule !== null && rule !== null) {
    add("groupRuleMet", `varav enligt gruppregeln (${rule.clientHoursPerGroupHour.toString()} klienttimmar per grupptimme)`, r.groupSessions.meetingRule.toString(), rule.clause);
  }
  add("cases", "Antal ärenden", r.cases.toString(), reportClause);
  add("performedHours", "Utförd tid, timmar", sv(roundedQuotient(r.performedMinutes, 60)), reportClause);
  if (r.billableHours !== null) add("billableHours", "Debiterbar tid, timmar", sv(r.billableHours), c.compensation.clause);
  if (r.payableHours !== null) add("payableHours", "varav inom takvolymen", sv(r.payableHours), r.cap?.clause ?? c.compensation.clause);
  for (const [key, label, avg] of [
    ["hoursPerCase", "Timmar per ärende, genomsnitt", r.hoursPerCase],
    ["sessionsPerCase", "Besök per ärende, genomsnitt", r.sessionsPerCase],
  ] as const) {
    if (avg === null) continue;
    const g = avg.guidance;
    const against = g === null ? "" : g.low.equals(g.high) ? ` (uppdraget: cirka ${g.low.toFixed()})` : ` (uppdraget: ${g.low.toFixed()}–${g.high.toFixed()}${g.within === null ? "" : g.within ? ", inom" : ", utanför"})`;
    add(key, label, `${sv(avg.average)}${against}`, g?.clause ?? reportClause);
  }
  if (r.cap !== null) {
    add("capHours", "Takvolym inklusive avrop, timmar", sv(r.cap.capHours), r.cap.clause);
    add("capUsed", "Använt av takvolymen, timmar", sv(r.cap.usedHours), r.cap.clause);
    add("capOver", "Utöver takvolymen, timmar", sv(r.cap.overHours), r.cap.clause);
    add("callOffs", "Skriftliga avrop", r.cap.callOffs.length.toString(), c.callOffs?.clause ?? r.cap.clause);
  }
  if (r.visitFees !== null) {
    add("visits", "Avgiftsbelagda besök", r.visitFees.visits.toString(), r.visitFees.clause);
    add("visitFees", `Besöksavgifter, kr (tillfaller ${r.visitFees.owedTo === "purchaser" ? "beställaren" : "utföraren"})`, sv(r.visitFees.amount), r.visitFees.clause);
  }
  if (r.eligibility.underAge !== null) add("underAge", "Besök med deltagare under målgruppens ålder", r.eligibility.underAge.toString(), r.eligibility.minimumAgeClause ?? reportClause);
  if (r.eligibility.nonResident !== null) add("nonResident", "Besök av ej kommuninvånare utan överenskommelse", r.eligibility.nonResident.toString(), r.eligibility.residencyClause ?? reportClause);
  const w = r.waiting;
  if (w !== null) {
    add("intakes", "Nya ärenden (första kontakt)", w.intakes.toString(), w.goalClause);
    add("withinGoal", `Erbjudna första samtal inom ${w.goalDays.toString()} dagar, andel %`, w.withinGoal === null ? "–" : svText(w.withinGoal.percent), w.goalClause);
    add("monthsOverLimit", "Månader med väntetid över gränsen", w.monthsOverLimit.toString(), w.reportClause ?? w.goalClause);
    if (w.informPurchaser !== null) add("informPurchaser", "Långvariga väntetider att meddela förvaltningen", w.informPurchaser ? "ja" : "nej", w.reportClause ?? w.goalClause);
  }
  const gc = r.groupComposition;
  if (gc !== null) {
    add("groups", `Grupper med ${gc.required.minParticipants.toString()}–${gc.required.maxParticipants.toString()} deltagare`, `${gc.withinRange.toString()} av ${gc.required.count.toString()}`, gc.required.clause);
    add("fullOperation", "Hel verksamhet", gc.fullOperation ? "ja" : "nej", gc.required.clause);
  }
  add("paymentDue", "Ersättning för året, kr", sv(r.payment.total), r.payment.clause);
  if (r.payment.statedCost !== null) add("statedCost", "Kostnad för året enligt uppdraget, kr", sv(r.payment.statedCost), r.payment.clause);
  return rows;
}
