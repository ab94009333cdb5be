/**
 * What a caller gives a statement — sessions, call-offs, index, policies —
 * and its validation at the edge. Validation is a cheap scan per session (no
 * regular expression, no allocation beyond a few typed arrays), because a
 * year may hold a million sessions; duplicate ids are found by sorting the
 * ids' hashes, not by probing a hash table.
 *
 * @module
 */
import { dayNumber, isLocalDate, type LocalDate } from "../calendar/index.js";
import { arrayLength, guarded, normalizeId, ownElements, ownFields, plainCopy, prototypeCarries, unreadable } from "../callerData.js";
import { describeValue, fieldError, RulesError } from "../errors.js";
import { parseVisitFeeRule, type VisitFeeRule } from "../indexation/annualAmount.js";
import { oreToString } from "../money/index.js";
import type { IndexSeries } from "../indexation/series.js";
import type { BillingPolicies, ResolvedBillingPolicies } from "./policies.js";
import { resolvePolicies } from "./policies.js";
import { hoursToTicks, MAX_SESSION_MINUTES } from "./units.js";
import { fnv } from "./reconcile.js";

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

/**
 * The most sessions one input may hold: ten times the largest year the
 * benchmarks compute (1 000 000). A longer array is refused before anything
 * is allocated for it (`INVALID_INPUT` at `sessions`); the command line
 * stops reading a sessions file at the row after this many.
 *
 * @example
 * ```ts
 * import { MAX_SESSIONS } from "verksamhetsuppdrag";
 * MAX_SESSIONS; //=> 10000000
 * ```
 */
export const MAX_SESSIONS = 10_000_000;
/** The most call-offs one input may hold. */
const MAX_CALL_OFFS = 100_000;
/** The longest id (of a session, case or call-off), in UTF-16 code units. */
const MAX_ID_LENGTH = 1_000;

/**
 * @internal Sessions as validated copies, in input order: each caller
 * object was read once, and everything after validation reads only these.
 */
export interface ParsedSessions {
  count: number;
  /** The ids, trimmed and NFC (see `normalizeId`). */
  ids: string[];
  /** The dates, `YYYY-MM-DD`. */
  dates: string[];
  /** The case ids (normalised like ids), `undefined` when not given; `null` when no session gives one. */
  caseIds: (string | undefined)[] | null;
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
  /** Each id's hash ({@link hashOfId}): its duplicates are found by it, and its lines are matched by it with what was booked. */
  hash: Int32Array;
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
  /** Extra keys the caller allowed (e.g. `paid` of a year report), copied once as plain data, not yet validated. */
  extra: Record<string, unknown>;
  /** Extra keys read once as they are, for their reader to copy (a settlement's `paid`, a list too long for a deep copy). */
  raw: Record<string, unknown>;
}

const INPUT_KEYS = ["sessions", "callOffs", "index", "policies", "start", "visitFeeRule"];

/** @internal Validates a statement input; never mutates it, and reads each of its objects once. */
export function parseInput(value: unknown, extraKeys: readonly string[] = [], rawKeys: readonly string[] = []): ParsedInput {
  if (value === undefined) value = {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw fieldError("INVALID_INPUT", "input", "an object { sessions?, callOffs?, index?, policies?, start? } or nothing", value);
  }
  const raw = value;
  const keys = guarded("input", () => Object.keys(raw));
  for (const key of keys) {
    if (!extraKeys.includes(key) && !rawKeys.includes(key) && !INPUT_KEYS.includes(key)) {
      throw fieldError("INVALID_INPUT", key, `no such field (${[...INPUT_KEYS, ...extraKeys, ...rawKeys].join(", ")})`, guarded(key, () => (raw as Record<string, unknown>)[key]));
    }
  }
  const input = ownFields(raw, [...INPUT_KEYS, ...extraKeys, ...rawKeys], "input");
  const extra: Record<string, unknown> = {};
  for (const key of extraKeys) if (input[key] !== undefined) extra[key] = plainCopy(input[key], key);
  const rawValues: Record<string, unknown> = {};
  for (const key of rawKeys) if (input[key] !== undefined) rawValues[key] = input[key];
  const policies = resolvePolicies(plainCopy(input.policies, "policies"), "policies");
  let start: LocalDate | undefined;
  if (input.start !== undefined) {
    if (!isLocalDate(input.start)) throw fieldError("INVALID_INPUT", "start", "a date YYYY-MM-DD", input.start);
    start = input.start;
  }
  const index = plainCopy(input.index, "index");
  if (index !== undefined && (typeof index !== "object" || index === null || Array.isArray(index))) {
    throw fieldError("INVALID_INPUT", "index", "an index series { name, percent } or { name, values }", index);
  }
  return {
    sessions: parseSessions(input.sessions, policies.quarterRounding === "per-month-per-case"),
    callOffs: parseCallOffs(input.callOffs),
    index: index as IndexSeries | undefined,
    policies,
    start,
    visitFeeRule: visitFeeRuleOf(input.visitFeeRule),
    extra,
    raw: rawValues,
  };
}

/** The rule as validated plain data: decided fees as two-decimal strings. */
function visitFeeRuleOf(value: unknown): VisitFeeRule | undefined {
  if (value === undefined) return undefined;
  const rule = parseVisitFeeRule(value, "visitFeeRule", "INVALID_INPUT");
  if (typeof rule === "string") return rule;
  const amounts: Record<number, string> = {};
  for (const [year, ore] of rule.amounts) amounts[year] = oreToString(ore);
  return rule.source === undefined ? { amounts } : { amounts, source: rule.source };
}

/** The fields of a session that are read, each once. */
const SESSION_KEYS = ["id", "date", "minutes", "kind", "participants", "caseId", "age", "resident", "residencyException"] as const;
type SessionFields = Partial<Record<(typeof SESSION_KEYS)[number], unknown>>;

function parseSessions(value: unknown, needCase: boolean): ParsedSessions {
  if (value === undefined) value = [];
  const n = arrayLength(value, "sessions", "an array of sessions", MAX_SESSIONS);
  const list = value as readonly unknown[];
  const out: ParsedSessions = {
    count: n,
    ids: new Array<string>(n),
    dates: new Array<string>(n),
    caseIds: null,
    day: new Int32Array(n),
    minutes: new Int32Array(n),
    group: new Uint8Array(n),
    participants: new Int32Array(n),
    age: new Int16Array(n).fill(-1),
    nonResident: new Uint8Array(n),
    hash: new Int32Array(n),
  };
  // Every session is checked in input order; ids are hashed here and their
  // duplicates found after the loop (see firstDuplicateId). The first problem
  // in input order is the one reported: a duplicate id before the first bad
  // field, else that field.
  const hashes = out.hash;
  const days = new DayCache();
  // A plain object may be read directly (each field once) unless
  // Object.prototype itself carries one of the fields.
  const direct = !prototypeCarries(SESSION_KEYS);
  let checked = 0;
  let failure: { error: unknown } | null = null;
  try {
    for (let i = 0; i < n; i++) {
      const fields = sessionFields(list, i, direct);
      hashes[i] = checkSession(fields, i, needCase, days, out);
      checked = i + 1;
    }
  } catch (error) {
    failure = { error };
  }
  const duplicate = firstDuplicateId(out.ids, hashes, checked);
  if (duplicate !== -1) {
    const at = `sessions.${duplicate.toString()}.id`;
    const first = `sessions.${firstUse(out.ids, duplicate).toString()}.id`;
    const id = describeValue(out.ids[duplicate]);
    throw new RulesError("DUPLICATE_ID", `${at}: the id ${id} is used by an earlier session (${first}); a session is never billed twice`, [
      { path: at, expected: `an id not used by another session (first used by ${first})`, received: id },
    ]);
  }
  if (failure !== null) throw failure.error;
  return out;
}

/**
 * The fields of session `i`, each read once: straight from a plain object
 * when `direct`, else own properties only. A hole, a throwing getter or a
 * Proxy trap is an error naming the session.
 */
function sessionFields(list: readonly unknown[], i: number, direct: boolean): SessionFields {
  try {
    const s = Object.hasOwn(list, i) ? list[i] : undefined;
    if (typeof s !== "object" || s === null || Array.isArray(s)) {
      throw fieldError("INVALID_INPUT", `sessions.${i.toString()}`, "a session { id, date, minutes, kind, participants? }", s);
    }
    if (direct && Object.getPrototypeOf(s) === Object.prototype) {
      const r = s as Record<string, unknown>;
      return {
        id: r.id,
        date: r.date,
        minutes: r.minutes,
        kind: r.kind,
        participants: r.participants,
        caseId: r.caseId,
        age: r.age,
        resident: r.resident,
        residencyException: r.residencyException,
      };
    }
    return ownFields(s, SESSION_KEYS, `sessions.${i.toString()}`);
  } catch (error) {
    if (error instanceof RulesError) throw error;
    throw unreadable(`sessions.${i.toString()}`, error);
  }
}

/** What a session's lines other than its own add to the line id (`…:session:S17:over-cap`). */
const LINE_SUFFIXES: readonly string[] = [":over-cap", ":outside-term", ":not-billable"];

/** An id of a session, case or call-off: a non-empty string, kept trimmed and NFC. */
function idOf(value: unknown, path: string, why = "a non-empty string"): string {
  if (typeof value === "string" && value.length <= MAX_ID_LENGTH) {
    const id = normalizeId(value);
    if (id.length > 0) return id;
  }
  throw fieldError("INVALID_INPUT", path, `${why} of at most ${MAX_ID_LENGTH.toString()} characters, not only white space`, value);
}

/** Checks session `i` and writes its facts into `out`; returns the hash of its id. */
function checkSession(r: SessionFields, i: number, needCase: boolean, days: DayCache, out: ParsedSessions): number {
  const id = idOf(r.id, `sessions.${i.toString()}.id`);
  // A line id is `…:session:<id>`, and a session's other lines add a suffix: an id ending in one would name another session's line.
  if (id.includes(":") && LINE_SUFFIXES.some((suffix) => id.endsWith(suffix))) {
    throw fieldError("INVALID_INPUT", `sessions.${i.toString()}.id`, `an id that does not end in ${LINE_SUFFIXES.map((x) => `"${x}"`).join(", ")} (the line ids of a session's other lines end so)`, id);
  }
  const date = r.date;
  const day = days.day(date);
  if (day === -1) throw fieldError("INVALID_INPUT", `sessions.${i.toString()}.date`, "a date YYYY-MM-DD", date);
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
      throw fieldError("INVALID_INPUT", `sessions.${i.toString()}.participants`, "an integer 1–1 000 000", participants);
    }
    out.participants[i] = participants;
  } else if (group === 1) {
    throw fieldError("INVALID_INPUT", `sessions.${i.toString()}.participants`, "the number of participants (required for a group session)", participants);
  }
  if (r.caseId !== undefined || (needCase && group === 0)) {
    const why = needCase && r.caseId === undefined ? "the case id, required by quarterRounding 'per-month-per-case'" : "a non-empty string";
    const caseId = idOf(r.caseId, `sessions.${i.toString()}.caseId`, why);
    out.caseIds ??= new Array<string | undefined>(out.count);
    out.caseIds[i] = caseId;
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
  out.ids[i] = id;
  out.dates[i] = date as string;
  out.day[i] = day;
  out.minutes[i] = minutes;
  out.group[i] = group;
  return hashOfId(id);
}

/** @internal FNV-1a over the id's UTF-16 code units. */
export function hashOfId(id: string): number {
  return fnv(id, 0, id.length);
}

/** Bits of the hash sorted on per pass of {@link firstDuplicateId}: 3 passes, 2 048 buckets each. */
const RADIX_BITS = 11;

/**
 * @internal The first session (or ledger entry), in input order, among the
 * first `count` whose id an earlier one has; -1 when there is none. The sessions are sorted by the
 * hash of their id with a stable radix sort (three passes of 11 bits, each a
 * sequential read and 2 048 write streams), then only ids with equal hashes
 * are compared as strings (`===`). A hash table of a million ids cost a
 * cache miss a probe; these are sequential passes (the duplicate check of
 * 1 M sessions: 184 → 53 ms, measured with `node --cpu-prof`).
 */
export function firstDuplicateId(ids: readonly string[], hashes: Int32Array, count: number): number {
  let keys: Int32Array = hashes.subarray(0, count);
  let index: Int32Array = new Int32Array(count);
  for (let k = 0; k < count; k++) index[k] = k;
  let nextKeys: Int32Array = new Int32Array(count);
  let nextIndex: Int32Array = new Int32Array(count);
  const buckets = 1 << RADIX_BITS;
  const start = new Int32Array(buckets);
  for (let shift = 0; shift < 32; shift += RADIX_BITS) {
    start.fill(0);
    for (let k = 0; k < count; k++) {
      const b = ((keys[k] ?? 0) >>> shift) & (buckets - 1);
      start[b] = (start[b] ?? 0) + 1;
    }
    let sum = 0;
    for (let b = 0; b < buckets; b++) {
      const size = start[b] ?? 0;
      start[b] = sum;
      sum += size;
    }
    for (let k = 0; k < count; k++) {
      const key = keys[k] ?? 0;
      const b = (key >>> shift) & (buckets - 1);
      const at = start[b] ?? 0;
      start[b] = at + 1;
      nextKeys[at] = key;
      nextIndex[at] = index[k] ?? 0;
    }
    // The caller's hashes are read, never written: the first pass's source is replaced by a scratch array of its own.
    [keys, nextKeys] = [nextKeys, shift === 0 ? new Int32Array(count) : keys];
    [index, nextIndex] = [nextIndex, index];
  }
  // Equal hashes are now side by side, each run in input order.
  let first = -1;
  for (let k = 0; k < count; ) {
    let end = k + 1;
    while (end < count && keys[end] === keys[k]) end++;
    if (end - k > 1) {
      const seen = new Set<string>();
      for (let p = k; p < end; p++) {
        const i = index[p] ?? 0;
        const id = ids[i] ?? "";
        if (seen.has(id)) {
          if (first === -1 || i < first) first = i;
          break;
        }
        seen.add(id);
      }
    }
    k = end;
  }
  return first;
}

/** The first session whose id is that of session `i` (found only for an error message: one pass over the ids before it). */
function firstUse(ids: readonly string[], i: number): number {
  const id = ids[i];
  for (let k = 0; k < i; k++) if (ids[k] === id) return k;
  return i;
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

const CALL_OFF_KEYS = ["id", "date", "hours", "form"] as const;

function parseCallOffs(value: unknown): ParsedCallOff[] {
  if (value === undefined) return [];
  const list = ownElements(value, "callOffs", "an array of call-offs", MAX_CALL_OFFS);
  const ids = new Map<string, number>();
  return list.map((c, i) => {
    const path = `callOffs.${i.toString()}`;
    if (typeof c !== "object" || c === null || Array.isArray(c)) throw fieldError("INVALID_INPUT", path, "a call-off { id, date, hours, form }", c);
    const r = ownFields(c, CALL_OFF_KEYS, path);
    const id = idOf(r.id, `${path}.id`);
    if (!isLocalDate(r.date)) throw fieldError("INVALID_INPUT", `${path}.date`, "a date YYYY-MM-DD", r.date);
    const ticks = hoursToTicks(r.hours, `${path}.hours`);
    if (ticks === 0) throw fieldError("INVALID_INPUT", `${path}.hours`, "more than zero hours", r.hours);
    if (r.form === "oral") {
      throw new RulesError(
        "CALL_OFF_NOT_WRITTEN",
        `${path}.form: the call-off ${describeValue(id)} of ${describeValue(r.hours)} hours is oral; only a written call-off raises the cap ("skriftligen avropa")`,
        [{ path: `${path}.form`, expected: "'written'", received: "\"oral\"" }],
      );
    }
    if (r.form !== "written") throw fieldError("INVALID_INPUT", `${path}.form`, "'written' (or 'oral', which is refused)", r.form);
    const earlier = ids.get(id);
    if (earlier !== undefined) {
      const first = `callOffs.${earlier.toString()}.id`;
      throw new RulesError("DUPLICATE_ID", `${path}.id: the id ${describeValue(id)} is used by an earlier call-off (${first})`, [
        { path: `${path}.id`, expected: `an id not used by another call-off (first used by ${first})`, received: describeValue(id) },
      ]);
    }
    ids.set(id, i);
    return { id, date: r.date, day: dayNumber(r.date), ticks, hours: String(r.hours) };
  });
}

/**
 * @internal Session `i` as the validated copy holds it (never the caller's
 * object): id and case id normalised, `participants` only when given.
 */
export function sessionAt(sessions: ParsedSessions, i: number): Session {
  const session: Session = {
    id: sessions.ids[i] ?? "",
    date: sessions.dates[i] ?? "",
    minutes: sessions.minutes[i] ?? 0,
    kind: sessions.group[i] === 1 ? "group" : "individual",
  };
  const participants = sessions.participants[i] ?? 0;
  if (participants > 0) session.participants = participants;
  const caseId = sessions.caseIds?.[i];
  if (caseId !== undefined) session.caseId = caseId;
  return session;
}
