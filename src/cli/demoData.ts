/**
 * The sample data of `verksamhetsuppdrag demo`, embedded in the program so
 * that the demo runs the same from the repository, from `dist/` and from an
 * installed package. The same sessions ship as CSV in `examples/data/`
 * (a test keeps the two equal).
 *
 * @module
 */
import type { LocalDate, Session } from "../index.js";

/**
 * Family counselling (SON 2021-233), March 2022: individual and couple
 * sessions per case, group sessions with 4 to 8 participants, and two
 * non-residents, one with a recorded exception. Also in
 * `examples/data/familjeradgivning-2022-03.csv` (semicolon separated, as
 * Swedish Excel saves it).
 *
 * @example
 * ```ts
 * DEMO_FAMILJERADGIVNING_SESSIONS.length; //=> 21
 * ```
 */
export const DEMO_FAMILJERADGIVNING_SESSIONS: readonly Session[] = Object.freeze([
  { id: "FR-2203-01", date: "2022-03-01", minutes: 50, kind: "individual", caseId: "P-101", resident: true },
  { id: "FR-2203-02", date: "2022-03-01", minutes: 75, kind: "individual", caseId: "P-102", resident: true },
  { id: "FR-2203-03", date: "2022-03-02", minutes: 60, kind: "individual", caseId: "P-103", resident: true },
  { id: "FR-2203-04", date: "2022-03-03", minutes: 90, kind: "group", participants: 6, caseId: "G-1" },
  { id: "FR-2203-05", date: "2022-03-04", minutes: 61, kind: "individual", caseId: "P-101", resident: true },
  { id: "FR-2203-06", date: "2022-03-07", minutes: 45, kind: "individual", caseId: "P-104", resident: true },
  { id: "FR-2203-07", date: "2022-03-08", minutes: 50, kind: "individual", caseId: "P-105", resident: false, residencyException: "Överenskommelse med förvaltningen 2022-02-14; dnr SOF 2022-51" },
  { id: "FR-2203-08", date: "2022-03-09", minutes: 120, kind: "group", participants: 8, caseId: "G-1" },
  { id: "FR-2203-09", date: "2022-03-10", minutes: 55, kind: "individual", caseId: "P-102", resident: true },
  { id: "FR-2203-10", date: "2022-03-11", minutes: 90, kind: "individual", caseId: "P-106", resident: true },
  { id: "FR-2203-11", date: "2022-03-15", minutes: 50, kind: "individual", caseId: "P-103", resident: true },
  { id: "FR-2203-12", date: "2022-03-16", minutes: 90, kind: "group", participants: 4, caseId: "G-2" },
  { id: "FR-2203-13", date: "2022-03-17", minutes: 65, kind: "individual", caseId: "P-107", resident: true },
  { id: "FR-2203-14", date: "2022-03-18", minutes: 50, kind: "individual", caseId: "P-101", resident: true },
  { id: "FR-2203-15", date: "2022-03-22", minutes: 80, kind: "individual", caseId: "P-104", resident: true },
  { id: "FR-2203-16", date: "2022-03-23", minutes: 50, kind: "individual", caseId: "P-108", resident: false },
  { id: "FR-2203-17", date: "2022-03-24", minutes: 105, kind: "group", participants: 7, caseId: "G-1" },
  { id: "FR-2203-18", date: "2022-03-25", minutes: 60, kind: "individual", caseId: "P-105", resident: false, residencyException: "Överenskommelse med förvaltningen 2022-02-14; dnr SOF 2022-51" },
  { id: "FR-2203-19", date: "2022-03-29", minutes: 50, kind: "individual", caseId: "P-106", resident: true },
  { id: "FR-2203-20", date: "2022-03-30", minutes: 70, kind: "individual", caseId: "P-102", resident: true },
  { id: "FR-2203-21", date: "2022-03-31", minutes: 45, kind: "individual", caseId: "P-109", resident: true },
]);

/**
 * Housing support (Boendestöd 2018), March 2019: ten visits. Also in
 * `examples/data/boendestod-2019-03.csv` (comma separated).
 *
 * @example
 * ```ts
 * DEMO_BOENDESTOD_SESSIONS[0]?.minutes; //=> 60
 * ```
 */
export const DEMO_BOENDESTOD_SESSIONS: readonly Session[] = Object.freeze([
  { id: "BS-1903-01", date: "2019-03-01", minutes: 60, kind: "individual", caseId: "B-11" },
  { id: "BS-1903-02", date: "2019-03-04", minutes: 90, kind: "individual", caseId: "B-12" },
  { id: "BS-1903-03", date: "2019-03-06", minutes: 45, kind: "individual", caseId: "B-11" },
  { id: "BS-1903-04", date: "2019-03-08", minutes: 120, kind: "individual", caseId: "B-13" },
  { id: "BS-1903-05", date: "2019-03-12", minutes: 75, kind: "individual", caseId: "B-14" },
  { id: "BS-1903-06", date: "2019-03-14", minutes: 60, kind: "individual", caseId: "B-12" },
  { id: "BS-1903-07", date: "2019-03-19", minutes: 50, kind: "individual", caseId: "B-15" },
  { id: "BS-1903-08", date: "2019-03-21", minutes: 90, kind: "individual", caseId: "B-13" },
  { id: "BS-1903-09", date: "2019-03-26", minutes: 30, kind: "individual", caseId: "B-11" },
  { id: "BS-1903-10", date: "2019-03-28", minutes: 105, kind: "individual", caseId: "B-14" },
]);

/**
 * The start the demo supplies for Våld i nära relation (SON 2019-755), whose
 * text gives none: 2020-01-01, the day its indexation starts (*"Från
 * 2020-01-01 justeras ersättningen årsvis med omsorgsprisindex"*). An
 * assumption of the demo, said so in its output; real use passes the real
 * start with `--start`.
 *
 * @example
 * ```ts
 * DEMO_VALD_START; //=> "2020-01-01"
 * ```
 */
export const DEMO_VALD_START: LocalDate = "2020-01-01";

/**
 * The sample month of each shipped commission in the demo.
 *
 * @example
 * ```ts
 * DEMO_MONTHS.familjeradgivning; //=> "2022-03"
 * ```
 */
export const DEMO_MONTHS: Readonly<Record<string, string>> = Object.freeze({
  beroendemottagningen: "2023-03",
  familjeradgivning: "2022-03",
  "vald-i-nara-relation": "2023-03",
  boendestod: "2019-03",
});
