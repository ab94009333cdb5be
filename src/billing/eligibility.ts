/**
 * Eligibility warnings, where the input carries the facts: the minimum age
 * (Beroendemottagningen §5) and residency (SON 2021-233 §2.3). A warning,
 * never a refusal: whether the session is paid stays the economist's call.
 *
 * Not exported from the package.
 *
 * @module
 */
import type { Contract } from "../contracts/schema.js";
import type { ParsedSessions } from "./input.js";

/**
 * @internal The warnings for session `i`, empty when none applies or the
 * facts are not given. Reads only the facts kept at validation.
 */
export function eligibilityWarnings(contract: Contract, sessions: ParsedSessions, i: number): string[] {
  const out: string[] = [];
  const { minimumAge, residency } = contract.eligibility;
  const age = sessions.age[i] ?? -1;
  if (minimumAge !== null && age >= 0 && age < minimumAge.years) {
    out.push(
      `session ${sessions.ids[i] ?? ""}: participant aged ${age.toString()}, under the target group's minimum age of ${minimumAge.years.toString()} (${minimumAge.clause})`,
    );
  }
  if (residency !== null && sessions.nonResident[i] === 1) {
    out.push(
      `session ${sessions.ids[i] ?? ""}: client not registered or living in ${residency.municipality} and no exception recorded (${residency.clause}${residency.exceptions === "by-agreement" ? ": only by agreement with the administration" : ""})`,
    );
  }
  return out;
}
