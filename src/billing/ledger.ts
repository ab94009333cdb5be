/**
 * The year's ledger of a time-based commission (hourly or hour volume): each
 * session of the year up to a day, its billable time in integer ticks
 * (1/6000 hour), and how much of it fits under the yearly cap or volume,
 * raised by written call-offs from their dates.
 *
 * Linear by design: sessions are bucketed by day of year (a counting sort,
 * no string sort), the cap is walked day by day, and only the sessions of a
 * day on which the cap is crossed are put in id order. The order of the input
 * never matters.
 *
 * Not exported from the package.
 *
 * @module
 */
import { dayNumber, daysInMonth, isLeapYear } from "../calendar/index.js";
import type { Contract, GroupRule } from "../contracts/schema.js";
import type { ParsedCallOff, ParsedInput } from "./input.js";
import { groupOutcome } from "./groupRule.js";
import type { TermWindow } from "./context.js";
import { assertSafe, hoursToTicks, quartersOf, TICKS_PER_MINUTE, TICKS_PER_QUARTER } from "./units.js";

/** @internal Session status codes. */
export const ORDINARY = 0;
/** @internal */
export const GROUP_APPLIED = 1;
/** @internal */
export const GROUP_ACTUAL_TIME = 2;
/** @internal */
export const GROUP_NOT_BILLABLE = 3;
/** @internal */
export const OUTSIDE_TERM = 4;
/** @internal A group session under a commission without a group rule: its time × 1. */
export const GROUP_NO_RULE = 5;

/** @internal How a case's minutes of a month were rounded (per-month-per-case). */
export interface CaseShare {
  caseId: string;
  caseMinutes: number;
  caseQuarters: number;
  minutesBefore: number;
  quartersBefore: number;
}

/** @internal The cap or volume of the year. */
export interface LedgerCap {
  kind: "yearly-cap" | "hour-volume";
  /** Ticks before call-offs. */
  baseTicks: number;
  basis: string;
  clause: string;
  warnings: string[];
}

/** @internal */
export interface Ledger {
  year: number;
  yearStart: number;
  days: number;
  /**
   * Positions are in day order: day d's sessions are the positions
   * `dayStart[d]..dayStart[d+1]` (in input order within the day). Per
   * position: the index in the input, the day of year and the status.
   */
  dayStart: Int32Array;
  idx: Int32Array;
  doy: Uint16Array;
  status: Uint8Array;
  /** The ticks the session is worth (its line's value, whether payable or not). */
  shown: Int32Array;
  /** The ticks that claim the cap (0 when not billable or outside the term). */
  counted: Int32Array;
  /** The ticks within the cap. */
  payable: Int32Array;
  /** Per-month-per-case rounding details, by position. */
  cases: Map<number, CaseShare> | null;
  cap: LedgerCap | null;
  /** The year's written call-offs, in date and id order (all of them, also after the ledger's last day). */
  callOffs: ParsedCallOff[];
  /** Cap in ticks at each day of the year (Infinity without a cap). */
  capAt: Float64Array;
  /** Per month 1–12: counted ticks and ticks within the cap. */
  countedByMonth: Float64Array;
  payableByMonth: Float64Array;
  /** The rule used for group sessions, if any. */
  groupRule: GroupRule | null;
}

/** Month 1–12 of each day of the year. */
function monthTable(year: number): Uint8Array {
  const table = new Uint8Array(isLeapYear(year) ? 366 : 365);
  let d = 0;
  for (let m = 1; m <= 12; m++) {
    const len = daysInMonth(year, m);
    table.fill(m, d, d + len);
    d += len;
  }
  return table;
}

/**
 * The months of the year the term covers in whole or in part, from the day
 * numbers of the term and the month of each day of the year: what the
 * exported `monthsInForce` counts (`partMonths: 'count'`, no extension), read
 * here without its option checks, which the term window has passed already.
 */
function monthsOfTerm(term: TermWindow, yearStart: number, monthOf: Uint8Array): number {
  const from = Math.max(term.startDay - yearStart, 0);
  const to = Math.min(term.endDay - yearStart, monthOf.length - 1);
  return from > to ? 0 : (monthOf[to] ?? 0) - (monthOf[from] ?? 0) + 1;
}

function capOf(contract: Contract, year: number, input: ParsedInput, term: TermWindow, yearStart: number, monthOf: Uint8Array): LedgerCap | null {
  const comp = contract.compensation;
  if (comp.kind === "hourly") {
    if (comp.yearlyCap === null) return null;
    return {
      kind: "yearly-cap",
      baseTicks: hoursToTicks(comp.yearlyCap.hours, "compensation.yearlyCap.hours", "INVALID_ARGUMENT"),
      basis: `${comp.yearlyCap.hours} hours per year, from 1 January`,
      clause: comp.yearlyCap.clause,
      warnings: [],
    };
  }
  if (comp.kind !== "hour-volume") return null;
  const perYear = hoursToTicks(comp.hoursPerYear, "compensation.hoursPerYear", "INVALID_ARGUMENT");
  const stated = comp.statedYears.find((s) => s.year === year);
  const months = stated?.months ?? monthsOfTerm(term, yearStart, monthOf);
  // hoursPerYear × months / 12, exact: perYear ticks are hundredths of an hour × 60, so divisible by 12.
  const proRata = (perYear / 12) * months;
  const proRataText = `${comp.hoursPerYear} × ${months.toString()} / 12`;
  const warnings: string[] = [];
  if (stated !== undefined) {
    const statedTicks = hoursToTicks(stated.hours, "compensation.statedYears.hours", "INVALID_ARGUMENT");
    if (statedTicks !== proRata) {
      warnings.push(
        `the text states ${stated.hours} hours for ${year.toString()} (${stated.clause}), while ${proRataText} = ${(proRata / 6000).toString()} hours; partYearVolume '${input.policies.partYearVolume}' uses ${input.policies.partYearVolume === "stated" ? "the stated figure" : "the pro-rata figure"}`,
      );
    }
    if (input.policies.partYearVolume === "stated") {
      return { kind: "hour-volume", baseTicks: statedTicks, basis: `${stated.hours} hours stated for ${year.toString()} (${proRataText} = ${(proRata / 6000).toString()})`, clause: stated.clause, warnings };
    }
  }
  return { kind: "hour-volume", baseTicks: proRata, basis: proRataText, clause: comp.clause, warnings };
}

/**
 * @internal Builds the ledger of `year` from the sessions up to `throughDay`
 * (a day number). Sessions of other years, or after that day, are left out
 * (they were validated by parseInput).
 */
export function buildLedger(contract: Contract, year: number, input: ParsedInput, term: TermWindow, throughDay: number): Ledger {
  const comp = contract.compensation;
  const hourly = comp.kind === "hourly";
  const groupRule = comp.kind === "hourly" ? comp.groupRule : null;
  const { policies } = input;
  const s = input.sessions;
  const yearStart = dayNumber(`${year.toString()}-01-01`);
  const days = isLeapYear(year) ? 366 : 365;
  const lastDoy = Math.min(days - 1, throughDay - yearStart);
  const monthOf = monthTable(year);

  // 1. The sessions of the year up to the last day, bucketed by day of year
  //    (a counting sort: positions are in day order, input order within a day).
  const dayCount = new Int32Array(days + 1);
  let m = 0;
  for (let i = 0; i < s.count; i++) {
    const doy = (s.day[i] ?? 0) - yearStart;
    if (doy >= 0 && doy <= lastDoy) {
      dayCount[doy + 1] = (dayCount[doy + 1] ?? 0) + 1;
      m++;
    }
  }
  const dayStart = new Int32Array(days + 1);
  for (let d = 0; d < days; d++) dayStart[d + 1] = (dayStart[d] ?? 0) + (dayCount[d + 1] ?? 0);
  const fill = dayStart.slice(0, days);
  const idx = new Int32Array(m);
  const doyOf = new Uint16Array(m);
  // 2. Each session's billable time, in ticks — computed in input order (the
  //    per-session arrays are read sequentially) and written at its position.
  const status = new Uint8Array(m);
  const shown = new Int32Array(m);
  const counted = new Int32Array(m);
  const perCase = hourly && policies.quarterRounding === "per-month-per-case";
  const wholeHours = policies.groupHours === "whole-hours";
  const outside = policies.groupOutsideRule;
  const caseKeys: (string | null)[] | null = perCase ? new Array<string | null>(m).fill(null) : null;
  for (let i = 0; i < s.count; i++) {
    const day = s.day[i] ?? 0;
    const doy = day - yearStart;
    if (doy < 0 || doy > lastDoy) continue;
    const q = fill[doy] ?? 0;
    fill[doy] = q + 1;
    idx[q] = i;
    doyOf[q] = doy;
    const minutes = s.minutes[i] ?? 0;
    const inTerm = day >= term.startDay && day <= term.endDay;
    let st = ORDINARY;
    let ticks: number;
    if (!hourly) {
      ticks = minutes * TICKS_PER_MINUTE;
      if (s.group[i] === 1) st = GROUP_NO_RULE;
    } else if (s.group[i] === 1) {
      if (groupRule === null) {
        st = GROUP_NO_RULE;
        ticks = quartersOf(minutes) * TICKS_PER_QUARTER;
      } else {
        const participants = s.participants[i] ?? 0;
        if (participants >= groupRule.minParticipants && minutes >= groupRule.minMinutes && minutes <= groupRule.maxMinutes) {
          st = GROUP_APPLIED;
          const groupQuarters = wholeHours ? Math.floor(minutes / 60) * 4 : quartersOf(minutes);
          ticks = groupQuarters * groupRule.clientHoursPerGroupHour * TICKS_PER_QUARTER;
        } else {
          if (inTerm && outside === "reject") groupOutcome(groupRule, minutes, participants, "reject", policies.groupHours, `sessions.${i.toString()}`);
          st = inTerm && outside === "not-billable" ? GROUP_NOT_BILLABLE : GROUP_ACTUAL_TIME;
          ticks = quartersOf(minutes) * TICKS_PER_QUARTER;
        }
      }
    } else {
      ticks = quartersOf(minutes) * TICKS_PER_QUARTER;
      if (caseKeys !== null && inTerm) caseKeys[q] = s.caseIds?.[i] ?? null;
    }
    if (!inTerm) st = OUTSIDE_TERM;
    status[q] = st;
    shown[q] = ticks;
    counted[q] = st === OUTSIDE_TERM || st === GROUP_NOT_BILLABLE ? 0 : ticks;
  }

  // 2b. Per month per case: a case's minutes of the month summed, rounded up
  // once, and shared out over its sessions in date and id order.
  let cases: Map<number, CaseShare> | null = null;
  if (caseKeys !== null) {
    cases = new Map();
    const groups = new Map<string, number[]>();
    for (let q = 0; q < m; q++) {
      const caseId = caseKeys[q];
      if (caseId === null || caseId === undefined) continue;
      const key = `${(monthOf[doyOf[q] ?? 0] ?? 0).toString()}\u0000${caseId}`;
      const list = groups.get(key);
      if (list === undefined) groups.set(key, [q]);
      else list.push(q);
    }
    for (const positions of groups.values()) {
      const list = positions
        .map((q) => ({ q, doy: doyOf[q] ?? 0, id: s.ids[idx[q] ?? 0] ?? "" }))
        .sort((a, b) => a.doy - b.doy || compareIds(a.id, b.id))
        .map((e) => e.q);
      let total = 0;
      for (const q of list) total += s.minutes[idx[q] ?? 0] ?? 0;
      const caseQuarters = quartersOf(total);
      let before = 0;
      for (const q of list) {
        const after = before + (s.minutes[idx[q] ?? 0] ?? 0);
        const share = quartersOf(after) - quartersOf(before);
        cases.set(q, { caseId: caseKeys[q] ?? "", caseMinutes: total, caseQuarters, minutesBefore: before, quartersBefore: quartersOf(before) });
        shown[q] = share * TICKS_PER_QUARTER;
        counted[q] = share * TICKS_PER_QUARTER;
        before = after;
      }
    }
  }

  // 3. The cap, raised by the year's written call-offs from their dates.
  const cap = capOf(contract, year, input, term, yearStart, monthOf);
  const callOffs = input.callOffs
    .filter((c) => c.day >= yearStart && c.day < yearStart + days)
    .sort((a, b) => a.day - b.day || compareIds(a.id, b.id));
  const capAt = new Float64Array(days);
  const payable = new Int32Array(m);
  const countedByMonth = new Float64Array(13);
  const payableByMonth = new Float64Array(13);
  if (cap === null) {
    capAt.fill(Number.POSITIVE_INFINITY);
    payable.set(counted);
  } else {
    const raise = new Float64Array(days);
    for (const c of callOffs) raise[c.day - yearStart] = (raise[c.day - yearStart] ?? 0) + c.ticks;
    let capNow = cap.baseTicks;
    let used = 0;
    for (let d = 0; d < days; d++) {
      capNow += raise[d] ?? 0;
      capAt[d] = capNow;
      if (d > lastDoy) continue;
      const from = dayStart[d] ?? 0;
      const to = dayStart[d + 1] ?? 0;
      let dayTotal = 0;
      for (let q = from; q < to; q++) dayTotal += counted[q] ?? 0;
      const room = capNow - used;
      if (dayTotal <= room) {
        payable.set(counted.subarray(from, to), from);
        used += dayTotal;
      } else if (room > 0) {
        // The cap is crossed on this day: only its sessions are put in id order.
        let left = room;
        for (const q of dayInIdOrder(idx, s.ids, from, to)) {
          const take = Math.min(counted[q] ?? 0, left);
          payable[q] = take;
          left -= take;
        }
        used = capNow;
      }
      assertSafe(used, "the hours of the year");
    }
  }
  for (let q = 0; q < m; q++) {
    const month = monthOf[doyOf[q] ?? 0] ?? 0;
    countedByMonth[month] = (countedByMonth[month] ?? 0) + (counted[q] ?? 0);
    payableByMonth[month] = (payableByMonth[month] ?? 0) + (payable[q] ?? 0);
  }
  return {
    year,
    yearStart,
    days,
    dayStart,
    idx,
    doy: doyOf,
    status,
    shown,
    counted,
    payable,
    cases,
    cap,
    callOffs,
    capAt,
    countedByMonth,
    payableByMonth,
    groupRule,
  };
}

/**
 * @internal The positions `from..to` (one day's sessions) in id order. Each
 * id is read once, then the local indices are sorted: a million sessions
 * spread over a year are about 2 700 a day.
 */
export function dayInIdOrder(idx: Int32Array, sessionIds: readonly string[], from: number, to: number): Int32Array {
  const n = to - from;
  const out = new Int32Array(n);
  if (n < 2) {
    if (n === 1) out[0] = from;
    return out;
  }
  const ids = new Array<string>(n);
  const local = new Array<number>(n);
  for (let k = 0; k < n; k++) {
    ids[k] = sessionIds[idx[from + k] ?? 0] ?? "";
    local[k] = k;
  }
  local.sort((a, b) => {
    const x = ids[a] ?? "";
    const y = ids[b] ?? "";
    return x < y ? -1 : x > y ? 1 : 0;
  });
  for (let k = 0; k < n; k++) out[k] = from + (local[k] ?? 0);
  return out;
}

/** @internal Orders ids by UTF-16 code units: deterministic, locale-free. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
