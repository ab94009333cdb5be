/**
 * Instants (a moment in time, ISO 8601 with `Z` or an offset) for the two
 * places that need one: opening hours and the iCalendar `DTSTAMP`. Parsed
 * with integer arithmetic on the package's calendar; no `Date` object.
 * Not exported from the package.
 *
 * @module
 */
import { dayNumber, fromDayNumber, isLocalDate } from "../calendar/index.js";
import { fieldError } from "../errors.js";

const INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const EXPECTED = 'an ISO 8601 instant with "Z" or an offset, e.g. "2024-03-31T06:30:00Z" or "2024-03-31T08:30:00+02:00"';

/**
 * Parses an ISO 8601 instant: `YYYY-MM-DDTHH:MM[:SS[.fff]]` followed by `Z`
 * or `±HH:MM` (offsets up to 18:00). A timestamp without a zone is
 * rejected: it does not name a moment.
 *
 * @param value - the timestamp
 * @param field - the field named in an error
 * @returns whole seconds since 1970-01-01T00:00:00Z (fractions dropped)
 * @throws RulesError `INVALID_DATE` for anything else
 * @example
 * ```ts
 * epochSeconds("1970-01-01T01:00:00+01:00", "timestamp"); //=> 0
 * ```
 */
export function epochSeconds(value: unknown, field: string): number {
  const m = typeof value === "string" ? INSTANT.exec(value) : null;
  if (m === null) throw fieldError("INVALID_DATE", field, EXPECTED, value);
  const [, date = "", hh = "", mm = "", ss = "00", zone = ""] = m;
  const hour = Number(hh);
  const minute = Number(mm);
  const second = Number(ss);
  let offset = 0;
  if (zone !== "Z") {
    const oh = Number(zone.slice(1, 3));
    const om = Number(zone.slice(4, 6));
    if (oh > 18 || om > 59 || (oh === 18 && om > 0)) throw fieldError("INVALID_DATE", field, EXPECTED, value);
    offset = (zone.startsWith("-") ? -1 : 1) * (oh * 3600 + om * 60);
  }
  if (!isLocalDate(date) || hour > 23 || minute > 59 || second > 59) throw fieldError("INVALID_DATE", field, EXPECTED, value);
  return dayNumber(date) * 86400 + hour * 3600 + minute * 60 + second - offset;
}

function pad(n: number): string {
  return n < 10 ? `0${n.toString()}` : n.toString();
}

/**
 * An instant in iCalendar's UTC form, `YYYYMMDDTHHMMSSZ`.
 *
 * @param seconds - seconds since 1970-01-01T00:00:00Z
 * @returns e.g. `"20240331T063000Z"`
 * @example
 * ```ts
 * icalUtc(0); //=> "19700101T000000Z"
 * ```
 */
export function icalUtc(seconds: number): string {
  const day = Math.floor(seconds / 86400);
  const rest = seconds - day * 86400;
  const date = fromDayNumber(day).replaceAll("-", "");
  return `${date}T${pad(Math.floor(rest / 3600))}${pad(Math.floor((rest % 3600) / 60))}${pad(rest % 60)}Z`;
}
