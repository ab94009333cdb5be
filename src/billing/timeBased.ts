/**
 * A month of a time-based commission: hourly (Familjerådgivning, SON
 * 2021-233 §1.2 and §2.3) or an hour volume with an annual cost
 * (Boendestöd 2018). One line per session of the month (two when the cap
 * splits it), in date and id order, built from the year's ledger.
 *
 * One mechanism, two uses: `outcomeOf` decides what a session comes to (its
 * line or lines, their öre, its warnings); `timeBasedMonth` writes explained
 * lines from the outcomes, `timeBasedMonthSummary` only adds them up (for a
 * year report and an index revision).
 *
 * Not exported from the package.
 *
 * @module
 */
import type { YearMonth } from "../calendar/index.js";
import type { Contract, HourVolumeCompensation } from "../contracts/schema.js";
import { divideRound, oreToString, splitOre, toOre } from "../money/index.js";
import { splitOrePart } from "../money/money.js";
import { assemble, clauses, DecimalCache, flat, indexWarnings, type MonthSummary } from "./common.js";
import { DueList } from "./reconcile.js";
import { daysInForce, type BillingContext } from "./context.js";
import { eligibilityWarnings } from "./eligibility.js";
import { sessionAt, type ParsedSessions, type Session } from "./input.js";
import {
  compareIds,
  dayInIdOrder,
  GROUP_ACTUAL_TIME,
  GROUP_APPLIED,
  GROUP_NO_RULE,
  GROUP_NOT_BILLABLE,
  OUTSIDE_TERM,
  type Ledger,
} from "./ledger.js";
import type { CapStatus, LineExplanation, LineKind, Statement, StatementLine } from "./types.js";
import { amountOfTicks, hoursOfTicks, hoursText, hoursToTicks, quartersOf, ratio, TICKS_PER_QUARTER } from "./units.js";
import type { Decimal } from "../money/index.js";
import { outsideReason } from "./groupRule.js";

/** The price of an hour as an exact fraction of öre: `numerator / denominator`. */
interface Price {
  numerator: number;
  denominator: number;
  /** The unit price shown, rounded half-up to the öre when not exact. */
  shownOre: number;
  /** How the price was found. */
  basis: string;
  clause: string;
}

function priceOf(ctx: BillingContext): Price {
  const comp = ctx.contract.compensation;
  const indexed = ctx.indexation;
  if (comp.kind === "hourly") {
    return { numerator: indexed.ore, denominator: 1, shownOre: indexed.ore, basis: `the hourly rate for ${ctx.year.toString()}`, clause: indexed.clause };
  }
  const volume = comp as HourVolumeCompensation;
  if (volume.hourlyPrice !== null) {
    const ore = toOre(volume.hourlyPrice, "compensation.hourlyPrice");
    return { numerator: ore, denominator: 1, shownOre: ore, basis: "the stated hourly price", clause: volume.clause };
  }
  const hundredths = hoursToTicks(volume.hoursPerYear, "compensation.hoursPerYear", "INVALID_ARGUMENT") / 60;
  const numerator = indexed.ore * 100;
  return {
    numerator,
    denominator: hundredths,
    shownOre: divideRound(numerator, hundredths, "half-up"),
    basis: `annual cost ${oreToString(indexed.ore)} ÷ ${volume.hoursPerYear} hours (exact; the unit price shown is rounded to the öre, the month's amount is the year's running minutes × ${oreToString(indexed.ore)} / (${volume.hoursPerYear} × 60), rounded, less the same before the month, split over its lines by minutes)`,
    clause: indexed.clause,
  };
}

/** Line figures cached by ticks: many sessions share a length. */
class TickCache {
  private readonly amounts = new Map<number, number>();
  private readonly hours = new Map<number, Decimal>();
  private readonly texts = new Map<number, string>();
  private readonly oreTexts = new Map<number, string>();
  private readonly quarterTexts = new Map<number, string>();
  constructor(private readonly price: Price) {}
  amount(ticks: number): number {
    let ore = this.amounts.get(ticks);
    if (ore === undefined) {
      ore = amountOfTicks(ticks, this.price.numerator, this.price.denominator);
      this.amounts.set(ticks, ore);
    }
    return ore;
  }
  hoursOf(ticks: number): Decimal {
    let h = this.hours.get(ticks);
    if (h === undefined) {
      h = hoursOfTicks(ticks);
      this.hours.set(ticks, h);
    }
    return h;
  }
  /** The amount for `ticks` as a string with two decimals. */
  amountText(ore: number): string {
    let t = this.oreTexts.get(ore);
    if (t === undefined) {
      t = oreToString(ore);
      this.oreTexts.set(ore, t);
    }
    return t;
  }
  quarters(ticks: number): string {
    let t = this.quarterTexts.get(ticks);
    if (t === undefined) {
      t = (ticks / TICKS_PER_QUARTER).toString();
      this.quarterTexts.set(ticks, t);
    }
    return t;
  }
  text(ticks: number): string {
    let t = this.texts.get(ticks);
    if (t === undefined) {
      t = ticks % TICKS_PER_QUARTER === 0 ? hoursText(ticks) : `${(ticks / 100).toString()} min / 60`;
      this.texts.set(ticks, t);
    }
    return t;
  }
}

interface Built {
  line: StatementLine;
  ore: number;
  /** The line's billable time in ticks (session lines). */
  ticks?: number;
  /**
   * On the payable line of a session split at the cap: its over-cap line and
   * the whole session's öre, so that when the payable part is priced again
   * (an implied price) the over-cap part is too, and the two still add up.
   */
  split?: { over: Built; wholeOre: number };
}

/** What every session of the month shares, computed once. */
interface Month {
  ctx: BillingContext;
  ledger: Ledger;
  month: number;
  ym: YearMonth;
  hourly: boolean;
  price: Price;
  cache: TickCache;
  money: DecimalCache;
  unitPrice: Decimal;
  unitPriceText: string;
  window: ReturnType<typeof daysInForce>;
  firstDoy: number;
  lastDoy: number;
  overCapPays: boolean;
  capKind: "yearly-cap" | "hour-volume";
  capWhat: string;
  capClause: string | null;
}

function prepareMonth(ctx: BillingContext, month: number): Month {
  const { year, term } = ctx;
  const ledger = ctx.ledger as Ledger;
  const price = priceOf(ctx);
  const money = new DecimalCache();
  const window = daysInForce(term, year, month);
  const capKind = ledger.cap?.kind ?? "yearly-cap";
  return {
    ctx,
    ledger,
    month,
    ym: `${year.toString()}-${month.toString().padStart(2, "0")}`,
    hourly: ctx.contract.compensation.kind === "hourly",
    price,
    cache: new TickCache(price),
    money,
    unitPrice: money.of(price.shownOre),
    unitPriceText: oreToString(price.shownOre),
    window,
    firstDoy: window.first - ledger.yearStart,
    lastDoy: window.last - ledger.yearStart,
    overCapPays: ctx.input.policies.overCap === "pay-with-warning",
    capKind,
    capWhat: capKind === "hour-volume" ? "the year's hour volume" : "the yearly cap",
    capClause: ledger.cap?.clause ?? null,
  };
}

/**
 * What one session of the month comes to — its line or lines, their amounts
 * and its warnings — before any explanation is written. Statements build
 * their lines from it; a year report's totals and warnings are summed from it
 * directly, so both read the same figures.
 */
interface Outcome {
  /** The position in the ledger. */
  q: number;
  /** The session's index in the input. */
  i: number;
  st: number;
  /** The first line's kind, or `null` when all of the session is beyond the cap. */
  kind: "session" | "outside-term" | "group-rule-not-met" | null;
  /** The first line's ticks and öre. */
  ticks: number;
  ore: number;
  payable: boolean;
  /** The ticks that claimed the cap, and the part beyond it (0: no over-cap line). */
  counted: number;
  overTicks: number;
  overOre: number;
  /** Whether the group rule was met; `null` for a session it does not apply to. */
  groupRuleMet: boolean | null;
  /** Why a group is outside the rule ("" when it is not). */
  outsideRule: string;
  /** The session's warnings (eligibility, group rule, term), on its first line; `NO_WARNINGS` when none. */
  warnings: string[];
  /** The over-cap warning, on the over-cap line. */
  overWarning: string | null;
}

/** No warnings: shared by the outcomes that have none, never written to (a line gets an array of its own). */
const NO_WARNINGS: string[] = /* @__PURE__ */ Object.freeze<string[]>([]) as string[];

function withWarning(list: string[], warning: string): string[] {
  if (list === NO_WARNINGS) return [warning];
  list.push(warning);
  return list;
}

/** A blank outcome, to be filled by {@link outcomeOf} session after session. */
function scratchOutcome(): Outcome {
  return { q: 0, i: 0, st: 0, kind: null, ticks: 0, ore: 0, payable: false, counted: 0, overTicks: 0, overOre: 0, groupRuleMet: null, outsideRule: "", warnings: NO_WARNINGS, overWarning: null };
}

/**
 * The outcome of the session at ledger position `q`, written into `o` (one
 * object reused for the month's sessions: a year report sums a million) and
 * returned. Read from the validated input's typed arrays: the caller's
 * session object is read only to name it in a warning, since reading the
 * objects in date order is a cache miss each.
 */
function outcomeOf(m: Month, q: number, o: Outcome): Outcome {
  const { ledger, cache, ctx } = m;
  const sessions = ctx.input.sessions;
  const i = ledger.idx[q] ?? 0;
  const st = ledger.status[q] ?? 0;
  const rule = ledger.groupRule;
  let warnings = (sessions.age[i] ?? -1) >= 0 || sessions.nonResident[i] === 1 ? eligibilityWarnings(ctx.contract, sessions, i) : NO_WARNINGS;
  if (warnings.length === 0) warnings = NO_WARNINGS;
  let groupRuleMet: boolean | null = null;
  let outsideRule = "";
  if (m.hourly && sessions.group[i] === 1 && rule !== null && st !== GROUP_NO_RULE) {
    outsideRule = outsideReason(rule, sessions.minutes[i] ?? 0, sessions.participants[i] ?? 0) ?? "";
    groupRuleMet = st === GROUP_APPLIED || (st === OUTSIDE_TERM && outsideRule === "");
    if (st === GROUP_ACTUAL_TIME) {
      warnings = withWarning(warnings, `session ${idOf(sessions, i)}: group rule not met (${outsideRule}; ${rule.clause}): billed as ordinary time × 1 (groupOutsideRule 'actual-time')`);
    } else if (st === GROUP_NOT_BILLABLE) {
      warnings = withWarning(warnings, `session ${idOf(sessions, i)}: group rule not met (${outsideRule}; ${rule.clause}): not billable (groupOutsideRule 'not-billable')`);
    }
  }
  o.q = q;
  o.i = i;
  o.st = st;
  o.kind = null;
  o.payable = false;
  o.counted = 0;
  o.overTicks = 0;
  o.overOre = 0;
  o.groupRuleMet = groupRuleMet;
  o.outsideRule = outsideRule;
  o.overWarning = null;
  const shown = ledger.shown[q] ?? 0;
  if (st === OUTSIDE_TERM || st === GROUP_NOT_BILLABLE) {
    if (st === OUTSIDE_TERM) {
      const { term } = ctx;
      const session = sessionAt(sessions, i);
      warnings = withWarning(warnings, `session ${session.id}: ${session.date} is outside the term ${term.start} to ${term.end ?? "further notice"} (${term.clause}): not payable`);
    }
    o.warnings = warnings;
    o.kind = st === OUTSIDE_TERM ? "outside-term" : "group-rule-not-met";
    o.ticks = shown;
    o.ore = cache.amount(shown);
    return o;
  }
  o.warnings = warnings;
  const counted = ledger.counted[q] ?? 0;
  const payable = ledger.payable[q] ?? 0;
  o.counted = counted;
  o.ticks = payable;
  o.ore = cache.amount(payable);
  if (hasWithinLine(st, payable, counted)) {
    o.kind = "session";
    o.payable = true;
  }
  if (counted > payable) {
    o.overTicks = counted - payable;
    o.overOre = overPart(cache.amount(counted), o.ore);
    if (m.overCapPays) {
      const capNow = ledger.capAt[ledger.doy[q] ?? 0] ?? 0;
      o.overWarning = `session ${idOf(sessions, i)}: ${cache.text(o.overTicks)} h beyond ${m.capWhat} of ${cache.text(capNow)} h (${m.capClause ?? ""}) paid without a written call-off (overCap 'pay-with-warning')`;
    }
  }
  return o;
}

/**
 * Whether a session has a line within the cap or volume (kind `"session"`):
 * it is in the term, billable, and some of its time is within the cap (or it
 * has no time at all). {@link outcomeOf} and {@link weightsAround} decide
 * with this one test, so a statement and a year report price the same lines.
 */
function hasWithinLine(st: number, payable: number, counted: number): boolean {
  return st !== OUTSIDE_TERM && st !== GROUP_NOT_BILLABLE && (payable > 0 || counted === 0);
}

/**
 * The part of a session split at the cap that lies beyond it: the session's
 * own amount (all its time, rounded once) less what its payable line pays, so
 * the two lines always add up to the session (docs/billing.md). Never below
 * zero: at a price under an öre a minute the month's cumulative rounding can
 * give the payable line an öre more than the whole session is worth, and an
 * over-cap line does not pay that back.
 */
function overPart(wholeOre: number, payableOre: number): number {
  return wholeOre > payableOre ? wholeOre - payableOre : 0;
}

function idOf(sessions: ParsedSessions, i: number): string {
  return sessions.ids[i] ?? "";
}

/** The Swedish and English words of a line's kind. */
const VOLUME_SUFFIX: readonly [string, string] = [", över timvolymen", " over the hour volume"];
const SUFFIX: Record<LineKind, readonly [string, string]> = {
  session: ["", ""],
  "over-cap": [", över takvolymen", " over the yearly cap"],
  "group-rule-not-met": [", ej debiterbar", " not billable"],
  "outside-term": [", utanför uppdragstiden", " outside the term"],
  twelfth: ["", ""],
  "visit-fee": ["", ""],
};

/** The parts of a month's lines that depend only on the month: clauses and policy records. */
interface LineParts {
  clauseOf: Record<"individual" | "group", string>;
  overClause: Record<"individual" | "group", string>;
  termClause: Record<"individual" | "group", string>;
  timePolicy: Record<string, string>;
  groupPolicy: Record<string, string>;
  overPolicy: Record<"individual" | "group", Record<string, string>>;
  quartersAsHours: (quarters: number) => string;
}

function linePartsOf(m: Month): LineParts {
  const { ctx, ledger, hourly, price } = m;
  const comp = ctx.contract.compensation;
  const policies = ctx.input.policies;
  const billable = comp.kind === "hourly" ? comp.billableTime : null;
  const rule = ledger.groupRule;
  const clauseOf = {
    individual: hourly ? clauses(billable?.clause, price.clause) : price.clause,
    group: hourly ? clauses(billable?.clause, rule?.clause, price.clause) : price.clause,
  };
  // Policy records, shared by the month's lines and therefore frozen.
  const timePolicy: Record<string, string> = Object.freeze<Record<string, string>>(hourly ? { quarterRounding: policies.quarterRounding } : {});
  const groupPolicy: Record<string, string> = Object.freeze<Record<string, string>>(
    hourly ? { ...timePolicy, groupHours: policies.groupHours, groupOutsideRule: policies.groupOutsideRule } : {},
  );
  const quarterText = new Map<number, string>();
  return {
    clauseOf,
    overClause: { individual: clauses(m.capClause, clauseOf.individual), group: clauses(m.capClause, clauseOf.group) },
    termClause: { individual: clauses(ctx.term.clause, clauseOf.individual), group: clauses(ctx.term.clause, clauseOf.group) },
    timePolicy,
    groupPolicy,
    overPolicy: {
      individual: Object.freeze({ ...timePolicy, overCap: policies.overCap }),
      group: Object.freeze({ ...groupPolicy, overCap: policies.overCap }),
    },
    quartersAsHours: (q: number): string => {
      let t = quarterText.get(q);
      if (t === undefined) {
        t = ratio(q, 4).toString();
        quarterText.set(q, t);
      }
      return t;
    },
  };
}

/**
 * @internal What a settlement needs of a line it books: its id, kind,
 * description, clause and place in the statement's order (date, session id,
 * kind). A {@link StatementLine} is one; {@link timeBasedLineHeadsAt} makes
 * only this much of a session's lines.
 */
export type LineHead = Pick<StatementLine, "id" | "kind" | "description" | "clause" | "sessionId" | "date">;

/** A session's line head, and whether the line is paid to the provider. */
interface Head extends LineHead {
  kind: LineKind;
  payable: boolean;
}

/** The quarter hours a group session counts before the group rule's factor (`'whole-hours'` counts only whole hours of a group within the rule). */
function groupQuartersOf(m: Month, minutes: number, ruleMet: boolean): number {
  return m.ctx.input.policies.groupHours === "whole-hours" && ruleMet ? Math.floor(minutes / 60) * 4 : quartersOf(minutes);
}

/**
 * The heads of one session's lines, in the statement's order: one line, or
 * two when the cap splits it (the part within, then the part beyond; only
 * the part beyond when all of it is). The one place a session line's id,
 * kind, description and clause are decided: {@link linesOf} explains these
 * lines, a settlement books them.
 */
function headsOf(m: Month, parts: LineParts, o: Outcome, session: Session): Head[] {
  const { ledger, ctx } = m;
  const rule = ledger.groupRule;
  const base = `${ctx.contract.id}:${m.ym}:session:${session.id}`;
  const key = session.kind === "group" ? "group" : "individual";
  let what = `${session.minutes.toString()} min`;
  if (!m.hourly) {
    // An hour volume: the minutes.
  } else if (o.groupRuleMet !== null && rule !== null) {
    const n = (session.participants ?? 0).toString();
    what = o.groupRuleMet
      ? `${n} deltagare, ${session.minutes.toString()} min = ${parts.quartersAsHours(groupQuartersOf(m, session.minutes, true))} grupptimmar × ${rule.clientHoursPerGroupHour.toString()}`
      : `${n} deltagare, ${session.minutes.toString()} min, utanför gruppregeln`;
  } else {
    const share = ledger.cases?.get(o.q);
    if (share !== undefined) what = `${session.minutes.toString()} min, ärende ${share.caseId}: ${share.caseMinutes.toString()} min i månaden`;
  }
  const head = (kind: LineKind, id: string, clause: string, payable: boolean): Head => {
    const suffix = kind === "over-cap" && !m.hourly ? VOLUME_SUFFIX : SUFFIX[kind];
    const group = session.kind === "group";
    const sv = group ? "Grupp" : m.hourly ? "Samtal" : "Insats";
    const en = group ? "Group" : m.hourly ? "Session" : "Support";
    return {
      id: flat(id),
      kind,
      description: flat(`${sv} ${session.date} (${session.id}), ${what}${suffix[0]} / ${en} ${session.id}${suffix[1]}`),
      clause,
      sessionId: session.id,
      date: session.date,
      payable,
    };
  };
  if (o.kind === "outside-term") return [head("outside-term", `${base}:outside-term`, parts.termClause[key], false)];
  if (o.kind === "group-rule-not-met") return [head("group-rule-not-met", `${base}:not-billable`, parts.clauseOf[key], false)];
  const heads: Head[] = [];
  if (o.kind === "session") heads.push(head("session", base, parts.clauseOf[key], true));
  if (o.overTicks > 0) heads.push(head("over-cap", `${base}:over-cap`, parts.overClause[key], m.overCapPays));
  return heads;
}

function makeLine(m: Month, head: Head, ticks: number, ore: number, explanation: LineExplanation, warnings: string[]): Built {
  const f = explanation.figures;
  if (m.hourly) f.quarters = m.cache.quarters(ticks);
  f.hours = m.cache.text(ticks);
  f.unitPrice = m.unitPriceText;
  if (!m.hourly) f.priceBasis = m.price.basis;
  f.amount = m.cache.amountText(ore);
  return {
    line: {
      id: head.id,
      kind: head.kind,
      description: head.description,
      quantity: m.cache.hoursOf(ticks),
      unit: "hour",
      unitPrice: m.unitPrice,
      amount: m.money.of(ore),
      payable: head.payable,
      clause: head.clause,
      warnings,
      explanation,
      sessionId: head.sessionId,
      date: head.date,
    },
    ore,
    ticks,
  };
}

/** The explained line or lines of one session's outcome: the lines {@link headsOf} names, with their figures. */
function linesOf(m: Month, parts: LineParts, o: Outcome, out: Built[]): void {
  const { ledger, cache, ctx } = m;
  const { st, q } = o;
  const session = sessionAt(ctx.input.sessions, o.i);
  const heads = headsOf(m, parts, o, session);
  // A line's warnings are an array of its own.
  const warnings = o.warnings === NO_WARNINGS ? [] : o.warnings;
  const rule = ledger.groupRule;
  const isGroup = session.kind === "group";
  const key = isGroup ? "group" : "individual";
  const inputs: LineExplanation["inputs"] = { sessionId: session.id, date: session.date, minutes: session.minutes, kind: session.kind };
  if (session.participants !== undefined) inputs.participants = session.participants;
  const figures: Record<string, string> = {};
  let ruleName: string;
  if (!m.hourly) {
    ruleName = "hour-volume";
    figures.minutes = session.minutes.toString();
    if (isGroup) figures.note = "no group rule in the commission: the group's time counts once";
  } else if (o.groupRuleMet !== null && rule !== null) {
    const groupQuarters = groupQuartersOf(m, session.minutes, o.groupRuleMet);
    figures.groupQuarters = groupQuarters.toString();
    figures.groupHours = parts.quartersAsHours(groupQuarters);
    if (o.groupRuleMet) {
      ruleName = "group-rule";
      figures.factor = rule.clientHoursPerGroupHour.toString();
      figures.clientHours = parts.quartersAsHours(groupQuarters * rule.clientHoursPerGroupHour);
    } else {
      const notBillable = st === GROUP_NOT_BILLABLE;
      ruleName = notBillable ? "group-rule-not-met:not-billable" : "group-rule-not-met:actual-time";
      figures.factor = notBillable ? "0" : "1";
      figures.outsideRule = o.outsideRule;
    }
  } else {
    ruleName = "started-quarter-hour";
    const share = ledger.cases?.get(q);
    if (share !== undefined) {
      ruleName = "started-quarter-hour:per-month-per-case";
      inputs.caseId = share.caseId;
      figures.caseMinutesInMonth = share.caseMinutes.toString();
      figures.caseQuartersInMonth = share.caseQuarters.toString();
      figures.quartersBefore = share.quartersBefore.toString();
      figures.quartersAfter = quartersOf(share.minutesBefore + session.minutes).toString();
    }
    if (isGroup) figures.note = "no group rule in the commission: the group's time counts once";
  }
  const policy = isGroup ? parts.groupPolicy : parts.timePolicy;
  const first = heads[0] as Head;
  if (o.kind === "outside-term") {
    out.push(makeLine(m, first, o.ticks, o.ore, { rule: "outside-term", inputs, policy, figures }, warnings));
    return;
  }
  if (o.kind === "group-rule-not-met") {
    out.push(makeLine(m, first, o.ticks, o.ore, { rule: ruleName, inputs, policy, figures }, warnings));
    return;
  }
  let rest = warnings;
  let within: Built | null = null;
  if (o.kind === "session") {
    const explanation = { rule: ruleName, inputs, policy, figures: o.overTicks > 0 ? { ...figures } : figures };
    within = makeLine(m, first, o.ticks, o.ore, explanation, warnings);
    out.push(within);
    rest = [];
  }
  if (o.overTicks > 0) {
    if (o.overWarning !== null) rest.push(o.overWarning);
    figures.capHoursOnDate = cache.text(ledger.capAt[ledger.doy[q] ?? 0] ?? 0);
    figures.sessionHours = cache.text(o.counted);
    figures.sessionAmount = cache.amountText(cache.amount(o.counted));
    figures.withinCapHours = cache.text(o.ticks);
    figures.withinCapAmount = cache.amountText(o.ore);
    const explanation = { rule: m.capKind === "hour-volume" ? "hour-volume-cap" : "yearly-cap", inputs, policy: parts.overPolicy[key], figures };
    const over = makeLine(m, heads[heads.length - 1] as Head, o.overTicks, o.overOre, explanation, rest);
    out.push(over);
    if (within !== null) within.split = { over, wholeOre: cache.amount(o.counted) };
  }
}

/** Visits and participants counted for the visit fee (sessions in the term). */
interface Visits {
  visits: number;
  participants: number;
}

function countVisit(m: Month, o: Outcome, v: Visits): void {
  if (o.st === OUTSIDE_TERM) return;
  v.visits += 1;
  v.participants += m.ctx.input.sessions.participants[o.i] || 1;
}

/** The month's visit-fee line (*avgift per besök*, owed to the purchaser), if any. */
function feeLinesOf(m: Month, v: Visits): Built[] {
  const { ctx, money, ym } = m;
  const comp = ctx.contract.compensation;
  const fee = ctx.visitFeeIndexation;
  const feeRule = comp.kind === "hourly" ? comp.visitFee : null;
  if (fee === null || feeRule === null || v.visits === 0) return [];
  const policies = ctx.input.policies;
  const count = policies.visitFee === "per-participant" ? v.participants : v.visits;
  const ore = count * fee.ore;
  return [
    {
      ore,
      line: {
        id: `${ctx.contract.id}:${ym}:visit-fees`,
        kind: "visit-fee",
        description: `Besöksavgifter ${ym}: ${count.toString()} × ${oreToString(fee.ore)} kr, tillfaller beställaren / Visit fees, owed to the purchaser`,
        quantity: ratio(count, 1),
        unit: "visit",
        unitPrice: money.of(fee.ore),
        amount: money.of(ore),
        payable: false,
        clause: fee.clause,
        warnings: indexWarnings(fee, "the visit fee"),
        explanation: {
          rule: "visit-fee",
          inputs: { month: ym, sessions: v.visits, participants: v.participants, owedTo: feeRule.owedTo, feeRule: fee.visitFeeRule ?? "follow-rate" },
          policy: { visitFee: policies.visitFee },
          figures: { visits: count.toString(), fee: oreToString(fee.ore), amount: oreToString(ore) },
        },
      },
    },
  ];
}

/** The statement's own warnings (index values, the cap, a month partly in the term), before the lines'. */
function monthWarnings(m: Month): string[] {
  const { ctx, window, ym } = m;
  const { term } = ctx;
  const warnings = [...indexWarnings(ctx.indexation, m.hourly ? "the hourly rate" : "the annual cost"), ...(m.ledger.cap?.warnings ?? [])];
  if (window.days < window.length) {
    warnings.push(`${ym}: the commission is in force ${window.days.toString()} of ${window.length.toString()} days (term ${term.start} to ${term.end ?? "further notice"}); sessions outside it are not payable`);
  }
  return warnings;
}

/** @internal The statement of `month` (1–12) of an hourly or hour-volume commission. */
export function timeBasedMonth(ctx: BillingContext, month: number): Statement {
  const m = prepareMonth(ctx, month);
  const { ledger } = m;
  const parts = linePartsOf(m);
  const src = ctx.input.sessions.ids;
  const lines: Built[] = [];
  const v: Visits = { visits: 0, participants: 0 };
  const scratch = scratchOutcome();
  for (let d = m.firstDoy; d <= m.lastDoy; d++) {
    const from = ledger.dayStart[d] ?? 0;
    const to = ledger.dayStart[d + 1] ?? 0;
    if (from === to) continue;
    for (const q of dayInIdOrder(ledger.idx, src, from, to)) {
      const o = outcomeOf(m, q, scratch);
      countVisit(m, o, v);
      linesOf(m, parts, o, lines);
    }
  }
  if (m.price.denominator !== 1) spreadImpliedPrice(m, lines);
  const { contract, term, input, indexation } = ctx;
  return assemble(
    {
      contractId: contract.id,
      month: m.ym,
      compensationKind: m.hourly ? "hourly" : "hour-volume",
      policies: input.policies,
      indexation,
      visitFeeIndexation: ctx.visitFeeIndexation,
      cap: capStatus(contract, ledger, month, m.lastDoy),
      term: { start: term.start, startSource: term.startSource, end: term.end, clause: term.clause, daysInForce: m.window.days, daysInMonth: m.window.length },
      clause: contract.payment?.clause ?? contract.compensation.clause,
    },
    lines,
    feeLinesOf(m, v),
    monthWarnings(m),
  );
}

/**
 * @internal A month's totals and warnings without its lines: exactly what
 * {@link timeBasedMonth}'s statement would sum to (the same outcomes, the
 * same implied-price pricing, the warnings in the same order), at a fraction
 * of the cost, for a year report.
 */
export function timeBasedMonthSummary(ctx: BillingContext, month: number): MonthSummary {
  const m = prepareMonth(ctx, month);
  const { ledger } = m;
  const v: Visits = { visits: 0, participants: 0 };
  const scratch = scratchOutcome();
  let total = 0;
  let notPayable = 0;
  let withinOre = 0;
  let withinLines = 0;
  const implied = m.price.denominator !== 1;
  // Sessions split at the volume under an implied price: their over part depends on the month's spread (below).
  const splits: { q: number; wholeOre: number; overOre: number }[] = [];
  // The statement's warnings in its order: the month's own, the lines' (day by day), the fee lines'.
  const warnings = monthWarnings(m);
  // Warnings of a day, put in the lines' order (id order) at the day's end.
  const dayWarnings: { id: string; warnings: string[] }[] = [];
  for (let d = m.firstDoy; d <= m.lastDoy; d++) {
    const from = ledger.dayStart[d] ?? 0;
    const to = ledger.dayStart[d + 1] ?? 0;
    for (let q = from; q < to; q++) {
      const o = outcomeOf(m, q, scratch);
      countVisit(m, o, v);
      if (o.kind !== null) {
        if (o.payable) total += o.ore;
        else notPayable += o.ore;
        if (o.kind === "session") {
          withinOre += o.ore;
          withinLines += 1;
        }
      }
      if (o.overTicks > 0) {
        if (m.overCapPays) total += o.overOre;
        else notPayable += o.overOre;
        if (implied && o.kind === "session") splits.push({ q, wholeOre: m.cache.amount(o.counted), overOre: o.overOre });
      }
      if (o.warnings.length > 0 || o.overWarning !== null) {
        dayWarnings.push({ id: idOf(ctx.input.sessions, o.i), warnings: o.overWarning === null ? o.warnings : [...o.warnings, o.overWarning] });
      }
    }
    if (dayWarnings.length > 0) {
      dayWarnings.sort((a, b) => compareIds(a.id, b.id));
      for (const w of dayWarnings) {
        for (const text of w.warnings) warnings.push(text);
      }
      dayWarnings.length = 0;
    }
  }
  if (implied && withinLines > 0) {
    const { monthOre } = impliedMonthOre(m);
    total += monthOre - withinOre;
    // As the statement does: the over part is the session's amount less its share of the month's spread.
    for (const s of splits) {
      const { weights, index } = weightsAround(m, s.q);
      const change = overPart(s.wholeOre, splitOrePart(monthOre, weights, index)) - s.overOre;
      if (m.overCapPays) total += change;
      else notPayable += change;
    }
  }
  let fees = 0;
  for (const { ore, line } of feeLinesOf(m, v)) {
    fees += ore;
    for (const text of line.warnings) warnings.push(text);
  }
  return { month: m.ym, total, notPayable, fees, warnings };
}

/**
 * The ticks of the month's lines within the cap or volume — the weights
 * {@link spreadImpliedPrice} splits the month's amount by — with the line at
 * ledger position `k` placed after every line its statement lists before it
 * (an earlier day, or the same day and a smaller id) and before the others.
 * That is all {@link splitOrePart} needs for `k`'s share, so no day is
 * sorted by id: one pass over the month.
 */
function weightsAround(m: Month, k: number): { weights: number[]; index: number } {
  const { ledger } = m;
  const ids = m.ctx.input.sessions.ids;
  const kDay = ledger.doy[k] ?? 0;
  const kId = ids[ledger.idx[k] ?? 0] ?? "";
  const weights: number[] = [];
  const after: number[] = [];
  for (let d = m.firstDoy; d <= m.lastDoy; d++) {
    const from = ledger.dayStart[d] ?? 0;
    const to = ledger.dayStart[d + 1] ?? 0;
    for (let q = from; q < to; q++) {
      const payable = ledger.payable[q] ?? 0;
      if (q === k || !hasWithinLine(ledger.status[q] ?? 0, payable, ledger.counted[q] ?? 0)) continue;
      if (d < kDay || (d === kDay && compareIds(ids[ledger.idx[q] ?? 0] ?? "", kId) < 0)) weights.push(payable);
      else after.push(payable);
    }
  }
  const index = weights.length;
  weights.push(ledger.payable[k] ?? 0);
  for (const w of after) weights.push(w);
  return { weights, index };
}

/** The month's amount within the volume split over its lines by their ticks (all zero when no line has time). */
function spreadParts(monthOre: number, ticks: readonly number[]): number[] {
  return ticks.some((t) => t > 0) ? splitOre(monthOre, ticks) : ticks.map(() => 0);
}

/**
 * @internal What each line of the month that is paid to the provider, or
 * owed to the purchaser as visit fees, comes to — exactly the payable lines
 * and fee lines of {@link timeBasedMonth}'s statement, by line id and öre,
 * from the same outcomes and the same implied-price split, without building
 * the lines (a settlement compares a million of them with what was paid).
 * Keyed by the line id without its `<contract>:<YYYY-MM>:` prefix; in no
 * particular order but at an implied price. Written into `into` (cleared).
 */
export function timeBasedMonthDues(ctx: BillingContext, month: number, into = new DueList()): DueList {
  const m = prepareMonth(ctx, month);
  const { ledger } = m;
  const { ids, hash } = ctx.input.sessions;
  const out = into.clear();
  // At an implied price the month's amount is split over its lines in their order (date, then id); otherwise order does not matter here.
  const implied = m.price.denominator !== 1;
  const within: number[] = [];
  const withinTicks: number[] = [];
  // Sessions split at the volume under an implied price: their over part follows their payable part's share.
  const splits: { within: number; over: number; wholeOre: number }[] = [];
  const v: Visits = { visits: 0, participants: 0 };
  const scratch = scratchOutcome();
  const due = (q: number): void => {
    const o = outcomeOf(m, q, scratch);
    countVisit(m, o, v);
    const id = ids[o.i] ?? "";
    let withinDue = -1;
    if (o.kind === "session") {
      withinDue = out.session(id, hash[o.i] ?? 0, false, o.ore, q);
      if (implied) {
        within.push(withinDue);
        withinTicks.push(o.ticks);
      }
    }
    if (o.overTicks > 0 && m.overCapPays) {
      const over = out.session(id, hash[o.i] ?? 0, true, o.overOre, q);
      if (implied && withinDue >= 0) splits.push({ within: withinDue, over, wholeOre: m.cache.amount(o.counted) });
    }
  };
  for (let d = m.firstDoy; d <= m.lastDoy; d++) {
    const from = ledger.dayStart[d] ?? 0;
    const to = ledger.dayStart[d + 1] ?? 0;
    if (from === to) continue;
    if (implied) for (const q of dayInIdOrder(ledger.idx, ids, from, to)) due(q);
    else for (let q = from; q < to; q++) due(q);
  }
  if (within.length > 0) {
    const parts = spreadParts(impliedMonthOre(m).monthOre, withinTicks);
    within.forEach((i, k) => {
      out.ore[i] = parts[k] ?? 0;
    });
    // As in the statement: the over part is what is left of the session's own amount.
    for (const s of splits) out.ore[s.over] = overPart(s.wholeOre, out.ore[s.within] ?? 0);
  }
  const skip = ctx.contract.id.length + 9;
  for (const { ore, line } of feeLinesOf(m, v)) out.line(line, skip, ore, true);
  return out;
}

/**
 * @internal The heads of the lines of the sessions at ledger positions `qs`
 * of `month`, by position — ids, kinds, descriptions, clauses and order, exactly as
 * {@link timeBasedMonth} writes them ({@link headsOf} decides both) — for a
 * settlement that books a few lines of a month: no line's explanation,
 * figures or amounts are made (its amounts are the dues').
 */
export function timeBasedLineHeadsAt(ctx: BillingContext, month: number, qs: Iterable<number>): Map<number, LineHead[]> {
  const m = prepareMonth(ctx, month);
  const parts = linePartsOf(m);
  const scratch = scratchOutcome();
  const sessions = ctx.input.sessions;
  const heads = new Map<number, LineHead[]>();
  for (const q of qs) {
    const o = outcomeOf(m, q, scratch);
    heads.set(q, headsOf(m, parts, o, sessionAt(sessions, o.i)));
  }
  return heads;
}

/**
 * With an implied hourly price (annual cost ÷ hours per year, not a whole
 * number of öre) rounding each line on its own would let the year drift from
 * its annual cost (1 700 hours would pay 799 996.20 instead of 800 000). So the
 * hours within the volume are priced cumulatively from 1 January: the month
 * pays round(hours through the month × price) − round(hours before it ×
 * price), and that amount is split over the month's lines by their hours
 * (largest remainder, earlier line first on a tie). A full year's volume then
 * pays exactly the annual cost, and every month's lines sum to its amount.
 */
function spreadImpliedPrice(m: Month, lines: Built[]): void {
  const within = lines.filter((b) => b.line.kind === "session" && b.line.payable);
  if (within.length === 0) return;
  const { monthOre, before, through } = impliedMonthOre(m);
  const parts = spreadParts(
    monthOre,
    within.map((b) => b.ticks ?? 0),
  );
  within.forEach((b, k) => {
    const ore = parts[k] ?? 0;
    b.ore = ore;
    b.line.amount = m.money.of(ore);
    const figures = b.line.explanation.figures;
    figures.amount = oreToString(ore);
    figures.pricing = `cumulative: the month's ${oreToString(monthOre)} kr = round(${hoursText(through)} h × price) − round(${hoursText(before)} h × price), split over the month's lines by hours`;
    if (b.split !== undefined) {
      // The session's over part is what is left of the session's own amount.
      const over = b.split.over;
      over.ore = overPart(b.split.wholeOre, ore);
      over.line.amount = m.money.of(over.ore);
      const overFigures = over.line.explanation.figures;
      overFigures.amount = oreToString(over.ore);
      overFigures.withinCapAmount = oreToString(ore);
    }
  });
}

/** The month's amount within the volume at an implied price: round(ticks through the month × price) − round(ticks before it × price). */
function impliedMonthOre(m: Month): { monthOre: number; before: number; through: number } {
  const { ledger, price, month } = m;
  let before = 0;
  for (let k = 1; k < month; k++) before += ledger.payableByMonth[k] ?? 0;
  const through = before + (ledger.payableByMonth[month] ?? 0);
  const monthOre = amountOfTicks(through, price.numerator, price.denominator) - amountOfTicks(before, price.numerator, price.denominator);
  return { monthOre, before, through };
}

/** @internal The month against the cap or volume. */
export function capStatus(contract: Contract, ledger: Ledger, month: number, lastDoy: number): CapStatus | null {
  const cap = ledger.cap;
  if (cap === null) return null;
  let before = 0;
  for (let k = 1; k < month; k++) before += ledger.payableByMonth[k] ?? 0;
  const inMonth = ledger.payableByMonth[month] ?? 0;
  const over = (ledger.countedByMonth[month] ?? 0) - inMonth;
  const capTicks = ledger.capAt[lastDoy] ?? cap.baseTicks;
  const clause = contract.callOffs?.clause ?? cap.clause;
  const lastDay = ledger.yearStart + lastDoy;
  return {
    kind: cap.kind,
    clause: cap.clause,
    baseHours: hoursOfTicks(cap.baseTicks),
    basis: cap.basis,
    callOffs: ledger.callOffs.filter((c) => c.day <= lastDay).map((c) => ({ id: c.id, date: c.date, hours: c.hours, clause })),
    capHours: hoursOfTicks(capTicks),
    usedBefore: hoursOfTicks(before),
    usedInMonth: hoursOfTicks(inMonth),
    overInMonth: hoursOfTicks(over),
    remaining: hoursOfTicks(Math.max(0, capTicks - before - inMonth)),
  };
}
