/**
 * A month of a time-based commission: hourly (Familjerådgivning, SON
 * 2021-233 §1.2 and §2.3) or an hour volume with an annual cost
 * (Boendestöd 2018). One line per session of the month (two when the cap
 * splits it), in date and id order, built from the year's ledger.
 *
 * Not exported from the package.
 *
 * @module
 */
import type { Contract, HourVolumeCompensation } from "../contracts/schema.js";
import { divideRound, oreToString, splitOre, toOre } from "../money/index.js";
import { assemble, clauses, DecimalCache, indexWarnings } from "./common.js";
import { daysInForce, type BillingContext } from "./context.js";
import { eligibilityWarnings } from "./eligibility.js";
import type { Session } from "./input.js";
import {
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
}


/** What every line of the month shares, computed once. */
interface MonthShared {
  hourly: boolean;
  price: Price;
  cache: TickCache;
  money: DecimalCache;
  unitPrice: Decimal;
  unitPriceText: string;
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

function makeLine(
  m: MonthShared,
  session: Session,
  kind: LineKind,
  id: string,
  what: string,
  ticks: number,
  ore: number,
  payable: boolean,
  explanation: LineExplanation,
  clause: string,
  warnings: string[],
): Built {
  const f = explanation.figures;
  if (m.hourly) f.quarters = m.cache.quarters(ticks);
  f.hours = m.cache.text(ticks);
  f.unitPrice = m.unitPriceText;
  if (!m.hourly) f.priceBasis = m.price.basis;
  f.amount = m.cache.amountText(ore);
  const suffix = kind === "over-cap" && !m.hourly ? VOLUME_SUFFIX : SUFFIX[kind];
  const group = session.kind === "group";
  const sv = group ? "Grupp" : m.hourly ? "Samtal" : "Insats";
  const en = group ? "Group" : m.hourly ? "Session" : "Support";
  return {
    line: {
      id,
      kind,
      description: `${sv} ${session.date} (${session.id}), ${what}${suffix[0]} / ${en} ${session.id}${suffix[1]}`,
      quantity: m.cache.hoursOf(ticks),
      unit: "hour",
      unitPrice: m.unitPrice,
      amount: m.money.of(ore),
      payable,
      clause,
      warnings,
      explanation,
      sessionId: session.id,
      date: session.date,
    },
    ore,
    ticks,
  };
}

/** @internal The statement of `month` (1–12) of an hourly or hour-volume commission. */
export function timeBasedMonth(ctx: BillingContext, month: number): Statement {
  const { contract, year, input, indexation, term } = ctx;
  const ledger = ctx.ledger as Ledger;
  const comp = contract.compensation;
  const hourly = comp.kind === "hourly";
  const policies = input.policies;
  const ym = `${year.toString()}-${month.toString().padStart(2, "0")}`;
  const price = priceOf(ctx);
  const money = new DecimalCache();
  const shared: MonthShared = { hourly, price, cache: new TickCache(price), money, unitPrice: money.of(price.shownOre), unitPriceText: oreToString(price.shownOre) };
  const cache = shared.cache;
  const window = daysInForce(term, year, month);
  const firstDoy = window.first - ledger.yearStart;
  const lastDoy = window.last - ledger.yearStart;
  const overCapPays = policies.overCap === "pay-with-warning";
  const billable = hourly ? comp.billableTime : null;
  const rule = ledger.groupRule;
  const capKind = ledger.cap?.kind ?? "yearly-cap";
  const capWhat = capKind === "hour-volume" ? "the year's hour volume" : "the yearly cap";
  const capClause = ledger.cap?.clause ?? null;
  // Clauses, once for the month.
  const clauseOf = {
    individual: hourly ? clauses(billable?.clause, price.clause) : price.clause,
    group: hourly ? clauses(billable?.clause, rule?.clause, price.clause) : price.clause,
  };
  const overClause = { individual: clauses(capClause, clauseOf.individual), group: clauses(capClause, clauseOf.group) };
  const termClause = { individual: clauses(term.clause, clauseOf.individual), group: clauses(term.clause, clauseOf.group) };
  // Policy records, shared by the month's lines and therefore frozen.
  const timePolicy: Record<string, string> = Object.freeze<Record<string, string>>(hourly ? { quarterRounding: policies.quarterRounding } : {});
  const groupPolicy: Record<string, string> = Object.freeze<Record<string, string>>(
    hourly ? { ...timePolicy, groupHours: policies.groupHours, groupOutsideRule: policies.groupOutsideRule } : {},
  );
  const overPolicy = {
    individual: Object.freeze({ ...timePolicy, overCap: policies.overCap }),
    group: Object.freeze({ ...groupPolicy, overCap: policies.overCap }),
  };
  const quarterText = new Map<number, string>();
  const quartersAsHours = (q: number): string => {
    let t = quarterText.get(q);
    if (t === undefined) {
      t = ratio(q, 4).toString();
      quarterText.set(q, t);
    }
    return t;
  };
  const src = input.sessions.source;
  const lines: Built[] = [];
  let visits = 0;
  let participants = 0;

  for (let d = firstDoy; d <= lastDoy; d++) {
    const from = ledger.dayStart[d] ?? 0;
    const to = ledger.dayStart[d + 1] ?? 0;
    if (from === to) continue;
    for (const q of dayInIdOrder(ledger.idx, src, from, to)) {
      const i = ledger.idx[q] ?? 0;
      const session = src[i] as Session;
      const st = ledger.status[q] ?? 0;
      if (st !== OUTSIDE_TERM) {
        visits += 1;
        participants += input.sessions.participants[i] || 1;
      }
      const base = `${contract.id}:${ym}:session:${session.id}`;
      const isGroup = session.kind === "group";
      const key = isGroup ? "group" : "individual";
      const inputs: LineExplanation["inputs"] = { sessionId: session.id, date: session.date, minutes: session.minutes, kind: session.kind };
      if (session.participants !== undefined) inputs.participants = session.participants;
      const warnings = eligibilityWarnings(contract, session);
      const figures: Record<string, string> = {};
      let ruleName: string;
      let what = `${session.minutes.toString()} min`;
      if (!hourly) {
        ruleName = "hour-volume";
        figures.minutes = session.minutes.toString();
        if (isGroup) figures.note = "no group rule in the commission: the group's time counts once";
      } else if (isGroup && rule !== null && st !== GROUP_NO_RULE) {
        const minutes = session.minutes;
        const n = session.participants ?? 0;
        const groupQuarters = policies.groupHours === "whole-hours" && st === GROUP_APPLIED ? Math.floor(minutes / 60) * 4 : quartersOf(minutes);
        figures.groupQuarters = groupQuarters.toString();
        figures.groupHours = quartersAsHours(groupQuarters);
        if (st === GROUP_APPLIED) {
          ruleName = "group-rule";
          figures.factor = rule.clientHoursPerGroupHour.toString();
          figures.clientHours = quartersAsHours(groupQuarters * rule.clientHoursPerGroupHour);
          what = `${n.toString()} deltagare, ${minutes.toString()} min = ${figures.groupHours} grupptimmar × ${figures.factor}`;
        } else {
          const reason = outsideReason(rule, minutes, n) ?? "";
          const notBillable = st === GROUP_NOT_BILLABLE;
          ruleName = notBillable ? "group-rule-not-met:not-billable" : "group-rule-not-met:actual-time";
          figures.factor = notBillable ? "0" : "1";
          figures.outsideRule = reason;
          what = `${n.toString()} deltagare, ${minutes.toString()} min, utanför gruppregeln`;
          if (st === GROUP_ACTUAL_TIME) {
            warnings.push(`session ${session.id}: group rule not met (${reason}; ${rule.clause}): billed as ordinary time × 1 (groupOutsideRule 'actual-time')`);
          } else if (notBillable) {
            warnings.push(`session ${session.id}: group rule not met (${reason}; ${rule.clause}): not billable (groupOutsideRule 'not-billable')`);
          }
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
          what = `${session.minutes.toString()} min, ärende ${share.caseId}: ${share.caseMinutes.toString()} min i månaden`;
        }
        if (isGroup) figures.note = "no group rule in the commission: the group's time counts once";
      }
      const policy = isGroup ? groupPolicy : timePolicy;
      const shown = ledger.shown[q] ?? 0;
      if (st === OUTSIDE_TERM) {
        warnings.push(`session ${session.id}: ${session.date} is outside the term ${term.start} to ${term.end ?? "further notice"} (${term.clause}): not payable`);
        const explanation = { rule: "outside-term", inputs, policy, figures };
        lines.push(makeLine(shared, session, "outside-term", `${base}:outside-term`, what, shown, cache.amount(shown), false, explanation, termClause[key], warnings));
        continue;
      }
      if (st === GROUP_NOT_BILLABLE) {
        const explanation = { rule: ruleName, inputs, policy, figures };
        lines.push(makeLine(shared, session, "group-rule-not-met", `${base}:not-billable`, what, shown, cache.amount(shown), false, explanation, clauseOf[key], warnings));
        continue;
      }
      const counted = ledger.counted[q] ?? 0;
      const payable = ledger.payable[q] ?? 0;
      const payOre = cache.amount(payable);
      let rest = warnings;
      if (payable > 0 || counted === 0) {
        const explanation = { rule: ruleName, inputs, policy, figures: counted > payable ? { ...figures } : figures };
        lines.push(makeLine(shared, session, "session", base, what, payable, payOre, true, explanation, clauseOf[key], warnings));
        rest = [];
      }
      if (counted > payable) {
        const over = counted - payable;
        const fullOre = cache.amount(counted);
        const capNow = ledger.capAt[ledger.doy[q] ?? 0] ?? 0;
        if (overCapPays) {
          rest.push(`session ${session.id}: ${cache.text(over)} h beyond ${capWhat} of ${cache.text(capNow)} h (${capClause ?? ""}) paid without a written call-off (overCap 'pay-with-warning')`);
        }
        figures.capHoursOnDate = cache.text(capNow);
        figures.sessionHours = cache.text(counted);
        figures.sessionAmount = cache.amountText(fullOre);
        figures.withinCapHours = cache.text(payable);
        figures.withinCapAmount = cache.amountText(payOre);
        const explanation = { rule: capKind === "hour-volume" ? "hour-volume-cap" : "yearly-cap", inputs, policy: overPolicy[key], figures };
        lines.push(makeLine(shared, session, "over-cap", `${base}:over-cap`, what, over, fullOre - payOre, overCapPays, explanation, overClause[key], rest));
      }
    }
  }

  if (price.denominator !== 1) spreadImpliedPrice(ledger, month, price, lines, money);

  // Visit fees (*avgift per besök*), owed to the purchaser.
  const feeLines: Built[] = [];
  const fee = ctx.visitFeeIndexation;
  const feeRule = hourly ? (comp).visitFee : null;
  if (fee !== null && feeRule !== null && visits > 0) {
    const count = policies.visitFee === "per-participant" ? participants : visits;
    const ore = count * fee.ore;
    feeLines.push({
      ore,
      line: {
        id: `${contract.id}:${ym}:visit-fees`,
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
          inputs: { month: ym, sessions: visits, participants, owedTo: feeRule.owedTo, feeRule: fee.visitFeeRule ?? "follow-rate" },
          policy: { visitFee: policies.visitFee },
          figures: { visits: count.toString(), fee: oreToString(fee.ore), amount: oreToString(ore) },
        },
      },
    });
  }

  const warnings = [...indexWarnings(indexation, hourly ? "the hourly rate" : "the annual cost"), ...(ledger.cap?.warnings ?? [])];
  if (window.days < window.length) {
    warnings.push(`${ym}: the commission is in force ${window.days.toString()} of ${window.length.toString()} days (term ${term.start} to ${term.end ?? "further notice"}); sessions outside it are not payable`);
  }
  return assemble(
    {
      contractId: contract.id,
      month: ym,
      compensationKind: hourly ? "hourly" : "hour-volume",
      policies,
      indexation,
      visitFeeIndexation: fee,
      cap: capStatus(contract, ledger, month, lastDoy),
      term: { start: term.start, startSource: term.startSource, end: term.end, clause: term.clause, daysInForce: window.days, daysInMonth: window.length },
      clause: contract.payment?.clause ?? comp.clause,
    },
    lines,
    feeLines,
    warnings,
  );
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
function spreadImpliedPrice(ledger: Ledger, month: number, price: Price, lines: Built[], money: DecimalCache): void {
  const within = lines.filter((b) => b.line.kind === "session" && b.line.payable);
  if (within.length === 0) return;
  let before = 0;
  for (let k = 1; k < month; k++) before += ledger.payableByMonth[k] ?? 0;
  const through = before + (ledger.payableByMonth[month] ?? 0);
  const monthOre = amountOfTicks(through, price.numerator, price.denominator) - amountOfTicks(before, price.numerator, price.denominator);
  const ticks = within.map((b) => b.ticks ?? 0);
  const parts = ticks.some((t) => t > 0) ? splitOre(monthOre, ticks) : ticks.map(() => 0);
  within.forEach((b, k) => {
    const ore = parts[k] ?? 0;
    b.ore = ore;
    b.line.amount = money.of(ore);
    const figures = b.line.explanation.figures;
    figures.amount = oreToString(ore);
    figures.pricing = `cumulative: the month's ${oreToString(monthOre)} kr = round(${hoursText(through)} h × price) − round(${hoursText(before)} h × price), split over the month's lines by hours`;
  });
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
