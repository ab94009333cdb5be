/**
 * Opening hours (*verksamhetstid*): whether a commission must be reachable at
 * a given moment, in Swedish time.
 *
 * @module
 */
import { ensureContract } from "../contracts/parse.js";
import { isWorkday, makeDate, type LocalDate } from "../calendar/index.js";
import type { Contract } from "../contracts/schema.js";
import { RulesError } from "../errors.js";
import { epochSeconds } from "./instant.js";

/** The time zone the contracts' clock times are read in. */
const TIME_ZONE = "Europe/Stockholm";

/**
 * Whether a commission is open at a moment, and why.
 *
 * @example
 * ```ts
 * const s: OpeningStatus = openingStatus(contracts.familjeradgivning, "2024-04-02T06:30:00Z");
 * s.open;      //=> true
 * s.localTime; //=> "08:30:00"
 * ```
 */
export interface OpeningStatus {
  /** True when the moment falls on a workday and `from` ≤ local time < `to`. */
  open: boolean;
  /** The timestamp as given. */
  timestamp: string;
  /** Always `"Europe/Stockholm"`. */
  timeZone: string;
  /** The date in Sweden at that moment. */
  localDate: LocalDate;
  /** The wall-clock time in Sweden, `HH:MM:SS`. */
  localTime: string;
  /** Whether `localDate` is a workday (*vardag*). */
  workday: boolean;
  /** Opening time, `HH:MM`. */
  from: string;
  /** Closing time, `HH:MM` (not included). */
  to: string;
  /** The clause, e.g. `"SON 2021-233 §2.3"`. */
  clause: string;
  /** The clause's Swedish sentence, when the contract data carries it. */
  quote?: string;
}

/** The Stockholm wall clock at `seconds` since the epoch, by the runtime's time-zone data. */
function stockholm(seconds: number): { date: LocalDate; time: string } {
  const formatter = new Intl.DateTimeFormat("en-GB", {
    timeZone: TIME_ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  });
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of formatter.formatToParts(seconds * 1000)) parts[part.type] = part.value;
  const date = makeDate(Number(parts.year), Number(parts.month), Number(parts.day));
  return { date, time: `${parts.hour ?? ""}:${parts.minute ?? ""}:${parts.second ?? ""}` };
}

/**
 * Whether a commission is open at a moment, with the Swedish local date and
 * time, the workday test and the clause.
 *
 * Implements the opening hours of the contract data, e.g. SON 2021-233 §2.3
 * *"Verksamheten ska kunna nås under verksamhetstid, vardagar 08:00 till
 * 17:00"* (SON 2019-755 §2.2 likewise). The timestamp is a moment (ISO 8601
 * with `Z` or an offset); it is converted to Swedish wall-clock time with
 * `Intl.DateTimeFormat` and the time zone `Europe/Stockholm`, so daylight
 * saving time is followed (CET +01:00 in winter, CEST +02:00 from the last
 * Sunday of March to the last Sunday of October). It is open when that date
 * is a workday ({@link isWorkday}: Monday–Friday, not a public holiday,
 * midsommarafton, julafton or nyårsafton) and `from` ≤ time < `to`: at 08:00
 * open, at 17:00 closed. A timestamp without a zone is rejected rather than
 * guessed.
 *
 * @param contract - a parsed commission with opening hours
 * @param timestamp - an ISO 8601 instant, e.g. `"2024-04-02T06:30:00Z"`
 * @returns whether it is open, and the local date, time and workday test behind it
 * @throws {@link RulesError} `NOT_IN_CONTRACT` when the commission states no
 *   opening hours; `INVALID_DATE` for a timestamp that is not an instant
 *   with a zone
 * @example
 * ```ts
 * openingStatus(contracts.familjeradgivning, "2024-03-29T07:30:00Z");
 * //=> { open: false, localDate: "2024-03-29", localTime: "08:30:00", workday: false, from: "08:00", to: "17:00",
 * //     clause: "SON 2021-233 §2.3", timeZone: "Europe/Stockholm", … } (långfredagen)
 * ```
 */
export function openingStatus(contract: Contract, timestamp: string): OpeningStatus {
  contract = ensureContract(contract);
  const hours = contract.serviceLevels.openingHours;
  if (hours === null) {
    throw new RulesError("NOT_IN_CONTRACT", `${contract.id}: the commission states no opening hours (verksamhetstid)`);
  }
  const { date, time } = stockholm(epochSeconds(timestamp, "timestamp"));
  const workday = isWorkday(date); // hours.days is always "workdays" (the schema allows nothing else)
  const open = workday && `${hours.from}:00` <= time && time < `${hours.to}:00`;
  const status: OpeningStatus = {
    open,
    timestamp,
    timeZone: TIME_ZONE,
    localDate: date,
    localTime: time,
    workday,
    from: hours.from,
    to: hours.to,
    clause: hours.clause,
  };
  if (hours.quote !== undefined) status.quote = hours.quote;
  return status;
}

/**
 * Whether a commission must be reachable at a moment: the `open` of
 * {@link openingStatus}.
 *
 * Implements e.g. SON 2021-233 §2.3 *"vardagar 08:00 till 17:00"*, in
 * Swedish time (Europe/Stockholm, daylight saving followed), on workdays,
 * from the opening time up to but not including the closing time.
 *
 * @param contract - a parsed commission with opening hours
 * @param timestamp - an ISO 8601 instant with `Z` or an offset
 * @returns true when open
 * @throws {@link RulesError} `NOT_IN_CONTRACT` without opening hours;
 *   `INVALID_DATE` for a timestamp without a zone or not a real moment
 * @example
 * ```ts
 * isOpen(contracts.familjeradgivning, "2024-04-02T06:30:00Z"); //=> true  (08:30 CEST)
 * isOpen(contracts.familjeradgivning, "2024-04-02T15:30:00Z"); //=> false (17:30 CEST)
 * isOpen(contracts.familjeradgivning, "2024-10-28T07:00:00Z"); //=> true  (08:00 CET)
 * isOpen(contracts.familjeradgivning, "2024-04-02T08:30:00");  // throws RulesError INVALID_DATE
 * ```
 */
export function isOpen(contract: Contract, timestamp: string): boolean {
  return openingStatus(contract, timestamp).open;
}
