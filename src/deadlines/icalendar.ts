/**
 * iCalendar (RFC 5545) export of dated obligations as all-day events, for
 * Outlook, Google Calendar and the like. Written here rather than taken from
 * a package: the output must be deterministic (no clock, no random UIDs),
 * the events are all-day dates with no time zone, and the package keeps no
 * runtime dependency for it.
 *
 * @module
 */
import { addDays, parseLocalDate, type LocalDate } from "../calendar/index.js";
import { fieldError } from "../errors.js";
import { epochSeconds, icalUtc } from "./instant.js";
import { optionsObject } from "./internal.js";

/**
 * One all-day calendar entry. Every {@link Obligation} is one.
 *
 * @example
 * ```ts
 * const entry: CalendarEntry = { id: "familjeradgivning.activity-report.2023", date: "2024-03-31",
 *   title: "Verksamhetsberättelse 2023", clause: "SON 2021-233 §4.1" };
 * ```
 */
export interface CalendarEntry {
  /** Stable id; the event's UID is `<id>@<uidDomain>`. Unique within a calendar. */
  id: string;
  /** The day. */
  date: LocalDate;
  /** The event's SUMMARY. */
  title: string;
  /** The first part of the DESCRIPTION. */
  description?: string;
  /** The clause, added to the DESCRIPTION as "Källa: …". */
  clause?: string;
  /** The clause's Swedish sentence, added after the clause. */
  quote?: string;
}

/**
 * Options for {@link toICalendar}.
 *
 * @example
 * ```ts
 * const options: ICalendarOptions = { dtstamp: "2024-01-10T09:00:00Z", name: "Familjerådgivning – tidsfrister" };
 * ```
 */
export interface ICalendarOptions {
  /**
   * The DTSTAMP of every event, an ISO 8601 instant with `Z` or an offset.
   * The library has no clock: default `"1970-01-01T00:00:00Z"`, so the same
   * input always gives the same text. A caller that republishes a changed
   * calendar passes the time it was made.
   */
  dtstamp?: string;
  /** PRODID; default `"-//verksamhetsuppdrag//verksamhetsuppdrag//SV"`. */
  prodId?: string;
  /** The calendar's name (X-WR-CALNAME), shown by Outlook and Google Calendar; none by default. */
  name?: string;
  /** The part of each UID after `@`; default `"verksamhetsuppdrag"`. */
  uidDomain?: string;
}

const DEFAULT_DTSTAMP = "1970-01-01T00:00:00Z";
const DEFAULT_PRODID = "-//verksamhetsuppdrag//verksamhetsuppdrag//SV";
const MAX_OCTETS = 75;
const CRLF = "\r\n";

/** Control characters TEXT may not hold (all but tab, CR and LF, which are escaped). */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/** Half of a surrogate pair standing alone: UTF-8 cannot write it (it would become U+FFFD). */
const LONE_SURROGATE = /\p{Cs}/u;
/** The calendar's last day: its next day, the usual exclusive DTEND, cannot be written. */
const LAST_DAY = "9999-12-31";

function utf8Octets(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * Folds a content line (RFC 5545 §3.1): no line longer than 75 octets of
 * UTF-8, a continuation line starts with one space, and a multi-byte
 * character is never split.
 */
function fold(line: string): string {
  const lines: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const size = utf8Octets(ch.codePointAt(0) ?? 0);
    if (octets + size > MAX_OCTETS) {
      lines.push(current);
      current = " ";
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  lines.push(current);
  return lines.join(CRLF);
}

/** Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks. */
function escapeText(value: string): string {
  return value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, "\\n");
}

function text(value: unknown, field: string, required: boolean): string | undefined {
  if (value === undefined && !required) return undefined;
  if (typeof value !== "string" || (required && value.trim() === "")) {
    throw fieldError("INVALID_INPUT", field, required ? "a non-empty string" : "a string or nothing", value);
  }
  if (FORBIDDEN.test(value)) throw fieldError("INVALID_INPUT", field, "text without control characters (tab and line breaks are allowed)", value);
  if (LONE_SURROGATE.test(value)) throw fieldError("INVALID_INPUT", field, "well-formed Unicode text (no unpaired surrogate)", value);
  return value;
}

function compact(date: LocalDate): string {
  return date.replaceAll("-", "");
}

/**
 * Writes obligations (or any {@link CalendarEntry} list) as an RFC 5545
 * iCalendar text of all-day events.
 *
 * The calendar has `VERSION:2.0`, a `PRODID`, `CALSCALE:GREGORIAN` and
 * `METHOD:PUBLISH`. Each entry becomes a `VEVENT` with `UID` `<id>@<uidDomain>`
 * (stable, so re-importing updates rather than duplicates), `DTSTAMP` from
 * `options.dtstamp` (default `19700101T000000Z`: the library has no clock),
 * `DTSTART;VALUE=DATE:` the day and `DTEND;VALUE=DATE:` the next day (the end
 * is exclusive; on 9999-12-31, whose next day is beyond the calendar,
 * `DURATION:P1D` instead, which RFC 5545 reads the same), `SUMMARY` the title, `DESCRIPTION` the description followed
 * by `Källa: <clause>` and the quoted sentence, and `TRANSP:TRANSPARENT` (a
 * deadline does not make anyone busy). Values are escaped as TEXT (`\`, `;`,
 * `,`, line breaks), lines end in CRLF and are folded at 75 octets of UTF-8
 * without splitting a character. Events keep the order given.
 *
 * @param entries - the obligations, e.g. from {@link obligations}
 * @param options - `dtstamp`, `prodId`, `name`, `uidDomain`
 * @returns the iCalendar text, ending in CRLF
 * @throws {@link RulesError} `INVALID_INPUT` naming the entry field
 *   (`obligations.3.title`) for a missing or bad text (a control character
 *   other than tab and line breaks, an unpaired surrogate), `INVALID_DATE` for a
 *   bad date or `options.dtstamp`, `DUPLICATE_ID` for an id used twice
 * @example
 * ```ts
 * toICalendar([{ id: "familjeradgivning.activity-report.2023", date: "2024-03-31",
 *   title: "Verksamhetsberättelse 2023", clause: "SON 2021-233 §4.1" }]);
 * //=> "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//verksamhetsuppdrag//verksamhetsuppdrag//SV\r\n" +
 * //   "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nBEGIN:VEVENT\r\n" +
 * //   "UID:familjeradgivning.activity-report.2023@verksamhetsuppdrag\r\nDTSTAMP:19700101T000000Z\r\n" +
 * //   "DTSTART;VALUE=DATE:20240331\r\nDTEND;VALUE=DATE:20240401\r\nSUMMARY:Verksamhetsberättelse 2023\r\n" +
 * //   "DESCRIPTION:Källa: SON 2021-233 §4.1\r\nTRANSP:TRANSPARENT\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
 * ```
 */
export function toICalendar(entries: readonly CalendarEntry[], options?: ICalendarOptions): string {
  if (!Array.isArray(entries)) throw fieldError("INVALID_INPUT", "obligations", "an array of obligations", entries);
  const opts = optionsObject(options, "options");
  const dtstamp = icalUtc(epochSeconds(opts.dtstamp ?? DEFAULT_DTSTAMP, "options.dtstamp"));
  const prodId = text(opts.prodId ?? DEFAULT_PRODID, "options.prodId", true) ?? DEFAULT_PRODID;
  const name = text(opts.name, "options.name", false);
  const uidDomain = text(opts.uidDomain ?? "verksamhetsuppdrag", "options.uidDomain", true) ?? "";

  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", `PRODID:${escapeText(prodId)}`, "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
  if (name !== undefined) lines.push(`X-WR-CALNAME:${escapeText(name)}`);

  const seen = new Map<string, number>();
  entries.forEach((entry: unknown, i) => {
    const path = `obligations.${i.toString()}`;
    if (typeof entry !== "object" || entry === null) throw fieldError("INVALID_INPUT", path, "an object { id, date, title, … }", entry);
    const e = entry as Record<string, unknown>;
    const id = text(e.id, `${path}.id`, true) ?? "";
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      throw fieldError("DUPLICATE_ID", `${path}.id`, `an id not already used (obligations.${earlier.toString()}.id)`, id);
    }
    seen.set(id, i);
    const date = parseLocalDate(e.date, `${path}.date`);
    const title = text(e.title, `${path}.title`, true) ?? "";
    const description = text(e.description, `${path}.description`, false);
    const clause = text(e.clause, `${path}.clause`, false);
    const quote = text(e.quote, `${path}.quote`, false);
    const parts: string[] = [];
    if (description !== undefined && description !== "") parts.push(description);
    if (clause !== undefined) parts.push(`Källa: ${clause}${quote === undefined ? "" : `: "${quote}"`}`);
    lines.push(
      "BEGIN:VEVENT",
      `UID:${escapeText(`${id}@${uidDomain}`)}`,
      `DTSTAMP:${dtstamp}`,
      `DTSTART;VALUE=DATE:${compact(date)}`,
      // RFC 5545 §3.6.1: a DATE start with DURATION P1D is the same one-day event, for the day whose next day the calendar does not reach.
      date === LAST_DAY ? "DURATION:P1D" : `DTEND;VALUE=DATE:${compact(addDays(date, 1))}`,
      `SUMMARY:${escapeText(title)}`,
    );
    if (parts.length > 0) lines.push(`DESCRIPTION:${escapeText(parts.join("\n\n"))}`);
    lines.push("TRANSP:TRANSPARENT", "END:VEVENT");
  });
  lines.push("END:VCALENDAR");
  return lines.map(fold).join(CRLF) + CRLF;
}
