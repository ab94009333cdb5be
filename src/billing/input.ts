/**
 * What a caller gives a statement — sessions, call-offs, index, policies —
 * and its validation at the edge. Validation is a cheap scan per session (no
 * regular expression, no allocation beyond a few typed arrays), because a
 * year may hold a million sessions.
 *
 * @module
 */
import { dayNumber, isLocalDate, type LocalDate } from "../calendar/index.js";
import { describeValue, fieldError, RulesError } from "../errors.js";
import type { VisitFeeRule } from "../indexation/annualAmount.js";
import type { IndexSeries } from "../indexation/series.js";
import type { BillingPolicies, ResolvedBillingPolicies } from "./policies.js";
import { resolvePolicies } from "./policies.js";
import { hoursToTicks, MAX_SESSION_MINUTES } from "./units.js";

/**
 * One performed session (*besök*, *samtal*, *grupptillfälle*). More fields
 * are allowed (e.g. columns of a CSV file) and ignored.
 *
 * @example
 * ```ts
 * const s: Session = { id: "S17", date: "2022-03-04", minutes: 50, kind: "individual", resident: true };
 * const g: Session = { id: "G1", date: "2022-03-08", minutes: 90, kind: "group", participants: 6 };
 * ```
 */
export interface Session {
  /** Unique within the input; appears in the line id. */
  id: string;
  /** The day it was performed. */
  date: LocalDate;
  /** The performed time in whole minutes, 0 or more. */
  minutes: number;
  /** `'individual'` (one client, a couple, a family) or `'group'`. */
  kind: "individual" | "group";
  /** Participants; required for `'group'` (an integer 1 or more). */
  participants?: number;
  /** The case (*ärende*); required for individual sessions under `quarterRounding: 'per-month-per-case'`. */
  caseId?: string;
  /** The client's age in years, when known (checked against a minimum age, e.g. Beroendemottagningen §5). */
  age?: number;
  /** Whether the client is registered or living in the municipality (SON 2021-233 §2.3), when known. */
  resident?: boolean;
  /** The recorded exception agreed with the administration for a non-resident (SON 2021-233 §2.3). */
  residencyException?: string;
}

/**
 * A call-off (*avrop*) of more hours than the yearly cap or volume. It raises
 * that year's cap from its date on. Only a written call-off counts.
 *
 * @example
 * ```ts
 * const c: CallOff = { id: "A1", date: "2022-11-15", hours: "100", form: "written" };
 * ```
 */
export interface CallOff {
  /** Unique among the call-offs. */
  id: string;
  /** The day it was made; it raises the cap from this day on. */
  date: LocalDate;
  /** Hours called off, more than zero, at most two decimals. */
  hours: number | string;
  /** Must be `'written'` (*"skriftligen avropa"*); `'oral'` is an error. */
  form: "written" | "oral";
}

/**
 * The input of {@link statement}. Every field is optional.
 *
 * @example
 * ```ts
 * const input: StatementInput = {
 *   sessions: [{ id: "S1", date: "2022-03-04", minutes: 50, kind: "individual" }],
 *   callOffs: [],
 *   policies: { overCap: "not-payable" },
 * };
 * ```
 */
export interface StatementInput {
  /** The performed sessions of the year so far (earlier months only count towards the yearly cap; other years are ignored, but validated). */
  sessions?: readonly Session[];
  /** Call-offs (*avrop*); other years are ignored, but validated. */
  callOffs?: readonly CallOff[];
  /** The index series, laid over the shipped values (see indexation). */
  index?: IndexSeries;
  /** The policies; the defaults are {@link DEFAULT_BILLING_POLICIES}. */
  policies?: BillingPolicies;
  /** The start date, where the contract's text gives none (SON 2019-755). */
  start?: LocalDate;
  /** How the visit fee is carried to later years; default `'follow-rate'` (see indexation's `visitFee`). */
  visitFeeRule?: VisitFeeRule;
}

/** @internal Sessions as typed arrays, in input order. */
export interface ParsedSessions {
  count: number;
  source: readonly Session[];
  day: Int32Array;
  minutes: Int32Array;
  /** 1 for a group session. */
  group: Uint8Array;
  /** 0 when not given. */
  participants: Int32Array;
  /** The age in years, -1 when not given (for eligibility, without reading the session again). */
  age: Int16Array;
  /** 1 when the session says `resident: false` and records no `residencyException`. */
  nonResident: Uint8Array;
}

/** @internal A validated call-off. */
export interface ParsedCallOff {
  id: string;
  date: LocalDate;
  day: number;
  ticks: number;
  hours: string;
}

/** @internal A validated input. */
export interface ParsedInput {
  sessions: ParsedSessions;
  callOffs: ParsedCallOff[];
  index: IndexSeries | undefined;
  policies: Readonly<ResolvedBillingPolicies>;
  start: LocalDate | undefined;
  visitFeeRule: VisitFeeRule | undefined;
  /** Extra keys the caller allowed (e.g. `paid` of a year report), unvalidated. */
  extra: Record<string, unknown>;
}

const INPUT_KEYS = ["sessions", "callOffs", "index", "policies", "start", "visitFeeRule"];

/** @internal Validates a statement input; never mutates it. */
export function parseInput(value: unknown, extraKeys: readonly string[] = []): ParsedInput {
  if (value === undefined) value = {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw fieldError("INVALID_INPUT", "input", "an object { sessions?, callOffs?, index?, policies?, start? } or nothing", value);
  }
  const input = value as Record<string, unknown>;
  const extra: Record<string, unknown> = {};
  for (const key of Object.keys(input)) {
    if (extraKeys.includes(key)) extra[key] = input[key];
    else if (!INPUT_KEYS.includes(key)) {
      throw fieldError("INVALID_INPUT", key, `no such field (${[...INPUT_KEYS, ...extraKeys].join(", ")})`, input[key]);
    }
  }
  const policies = resolvePolicies(input.policies, "policies");
  let start: LocalDate | undefined;
  if (input.start !== undefined) {
    if (!isLocalDate(input.start)) throw fieldError("INVALID_INPUT", "start", "a date YYYY-MM-DD", input.start);
    start = input.start;
  }
  const index = input.index;
  if (index !== undefined && (typeof index !== "object" || index === null || Array.isArray(index))) {
    throw fieldError("INVALID_INPUT", "index", "an index series { name, percent } or { name, values }", index);
  }
  return {
    sessions: parseSessions(input.sessions, policies.quarterRounding === "per-month-per-case"),
    callOffs: parseCallOffs(input.callOffs),
    index: index as IndexSeries | undefined,
    policies,
    start,
    visitFeeRule: parseVisitFeeRule(input.visitFeeRule),
    extra,
  };
}

function parseVisitFeeRule(value: unknown): VisitFeeRule | undefined {
  if (value === undefined || value === "follow-rate" || value === "unchanged") return value;
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    const v = value as Record<string, unknown>;
    const keysOk = Object.keys(v).every((k) => k === "amounts" || k === "source");
    if (keysOk && typeof v.amounts === "object" && v.amounts !== null && !Array.isArray(v.amounts) && (v.source === undefined || typeof v.source === "string")) {
      return value as VisitFeeRule;
    }
  }
  throw fieldError("INVALID_INPUT", "visitFeeRule", "'follow-rate', 'unchanged' or { amounts: { year: fee }, source? }", value);
}

const EMPTY: readonly Session[] = Object.freeze([]);

function parseSessions(value: unknown, needCase: boolean): ParsedSessions {
  if (value === undefined) value = EMPTY;
  if (!Array.isArray(value)) throw fieldError("INVALID_INPUT", "sessions", "an array of sessions", value);
  const list = value as readonly unknown[];
  const n = list.length;
  const out: ParsedSessions = {
    count: n,
    source: list as readonly Session[],
    day: new Int32Array(n),
    minutes: new Int32Array(n),
    group: new Uint8Array(n),
    participants: new Int32Array(n),
    age: new Int16Array(n).fill(-1),
    nonResident: new Uint8Array(n),
  };
  const ids = new IdTable(list as readonly Session[]);
  const days = new DayCache();
  for (let i = 0; i < n; i++) {
    const s = list[i];
    if (typeof s !== "object" || s === null) throw fieldError("INVALID_INPUT", `sessions.${i.toString()}`, "a session { id, date, minutes, kind, participants? }", s);
    const r = s as Record<string, unknown>;
    const id = r.id;
    if (typeof id !== "string" || id.length === 0) throw fieldError("INVALID_INPUT", `sessions.${i.toString()}.id`, "a non-empty string", id);
    const date = r.date;
    const day = days.day(date);
    if (day === -1 && !isLocalDate(date)) throw fieldError("INVALID_INPUT", `sessions.${i.toString()}.date`, "a date YYYY-MM-DD", date);
    const minutes = r.minutes;
    if (typeof minutes !== "number" || !Number.isSafeInteger(minutes) || minutes < 0 || minutes > MAX_SESSION_MINUTES) {
      throw fieldError("INVALID_INPUT", `sessions.${i.toString()}.minutes`, `whole minutes, an integer 0–${MAX_SESSION_MINUTES.toString()}`, minutes);
    }
    const kind = r.kind;
    let group = 0;
    if (kind === "group") group = 1;
    else if (kind !== "individual") throw fieldError("INVALID_INPUT", `sessions.${i.toString()}.kind`, "'individual' or 'group'", kind);
    const participants = r.participants;
    if (participants !== undefined) {
      if (typeof participants !== "number" || !Number.isSafeInteger(participants) || participants < 1 || participants > 1_000_000) {
        throw fieldError("INVALID_INPUT", `sessions.${i.toString()}.participants`, "an integer 1 or more", participants);
      }
      out.participants[i] = participants;
    } else if (group === 1) {
      throw fieldError("INVALID_INPUT", `sessions.${i.toString()}.participants`, "the number of participants (required for a group session)", participants);
    }
    if (r.caseId !== undefined || (needCase && group === 0)) {
      if (typeof r.caseId !== "string" || r.caseId.length === 0) {
        const why = needCase ? "the case id, required by quarterRounding 'per-month-per-case'" : "a non-empty string";
        throw fieldError("INVALID_INPUT", `sessions.${i.toString()}.caseId`, why, r.caseId);
      }
    }
    if (r.age !== undefined) {
      if (typeof r.age !== "number" || !Number.isSafeInteger(r.age) || r.age < 0 || r.age > 150) {
        throw fieldError("INVALID_INPUT", `sessions.${i.toString()}.age`, "an age in whole years, 0–150", r.age);
      }
      out.age[i] = r.age;
    }
    if (r.resident !== undefined && typeof r.resident !== "boolean") {
      throw fieldError("INVALID_INPUT", `sessions.${i.toString()}.resident`, "true or false", r.resident);
    }
    if (r.residencyException !== undefined && (typeof r.residencyException !== "string" || r.residencyException.trim() === "")) {
      throw fieldError("INVALID_INPUT", `sessions.${i.toString()}.residencyException`, "the recorded exception, a non-empty string", r.residencyException);
    }
    if (r.resident === false && r.residencyException === undefined) out.nonResident[i] = 1;
    if (!ids.add(id, i)) {
      throw new RulesError("DUPLICATE_ID", `sessions.${i.toString()}.id: the id ${describeValue(id)} is used by an earlier session; a session is never billed twice`, [
        { path: `sessions.${i.toString()}.id`, expected: "an id not used by another session", received: describeValue(id) },
      ]);
    }
    out.day[i] = day;
    out.minutes[i] = minutes;
    out.group[i] = group;
  }
  return out;
}

/**
 * A set of ids for duplicate detection: an open-addressing table over an
 * FNV-1a hash of the id's UTF-16 code units, each slot holding the full hash
 * and the session's index side by side, so two ids are compared as strings
 * only when their hashes are equal. About three times faster than a `Set`
 * of a million strings; equality is still `===`.
 */
class IdTable {
  /** Pairs (hash, index + 1) into the list; 0 means an empty slot. */
  private readonly table: Int32Array;
  private readonly mask: number;
  constructor(private readonly list: readonly Session[]) {
    let size = 16;
    while (size < list.length * 2) size *= 2;
    this.table = new Int32Array(size * 2);
    this.mask = size - 1;
  }
  /** Adds the id of session `i`; returns false when an earlier session has it. */
  add(id: string, i: number): boolean {
    let h = 0x811c9dc5;
    for (let k = 0; k < id.length; k++) {
      h ^= id.charCodeAt(k);
      h = Math.imul(h, 0x01000193);
    }
    let slot = h & this.mask;
    for (;;) {
      const at = slot * 2;
      const entry = this.table[at + 1] ?? 0;
      if (entry === 0) {
        this.table[at] = h;
        this.table[at + 1] = i + 1;
        return true;
      }
      if (this.table[at] === h && this.list[entry - 1]?.id === id) return false;
      slot = (slot + 1) & this.mask;
    }
  }
}

/**
 * Day numbers of date strings seen before: inputs repeat the same few
 * hundred dates, and a string's hash is cached by the engine.
 */
class DayCache {
  private readonly days = new Map<string, number>();
  /** The day number of `date`, or -1 when it is not a valid date. */
  day(date: unknown): number {
    if (typeof date !== "string") return -1;
    const known = this.days.get(date);
    if (known !== undefined) return known;
    if (!isLocalDate(date)) return -1;
    const day = dayNumber(date);
    if (this.days.size < 100_000) this.days.set(date, day);
    return day;
  }
}

function parseCallOffs(value: unknown): ParsedCallOff[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw fieldError("INVALID_INPUT", "callOffs", "an array of call-offs", value);
  const ids = new Set<string>();
  return (value as readonly unknown[]).map((c, i) => {
    const path = `callOffs.${i.toString()}`;
    if (typeof c !== "object" || c === null) throw fieldError("INVALID_INPUT", path, "a call-off { id, date, hours, form }", c);
    const r = c as Record<string, unknown>;
    if (typeof r.id !== "string" || r.id.length === 0) throw fieldError("INVALID_INPUT", `${path}.id`, "a non-empty string", r.id);
    if (!isLocalDate(r.date)) throw fieldError("INVALID_INPUT", `${path}.date`, "a date YYYY-MM-DD", r.date);
    const ticks = hoursToTicks(r.hours, `${path}.hours`);
    if (ticks === 0) throw fieldError("INVALID_INPUT", `${path}.hours`, "more than zero hours", r.hours);
    if (r.form === "oral") {
      throw new RulesError(
        "CALL_OFF_NOT_WRITTEN",
        `${path}.form: the call-off ${describeValue(r.id)} of ${describeValue(r.hours)} hours is oral; only a written call-off raises the cap ("skriftligen avropa")`,
        [{ path: `${path}.form`, expected: "'written'", received: "\"oral\"" }],
      );
    }
    if (r.form !== "written") throw fieldError("INVALID_INPUT", `${path}.form`, "'written' (or 'oral', which is refused)", r.form);
    if (ids.has(r.id)) {
      throw new RulesError("DUPLICATE_ID", `${path}.id: the id ${describeValue(r.id)} is used by an earlier call-off`, [
        { path: `${path}.id`, expected: "an id not used by another call-off", received: describeValue(r.id) },
      ]);
    }
    ids.add(r.id);
    return { id: r.id, date: r.date, day: dayNumber(r.date), ticks, hours: String(r.hours) };
  });
}
