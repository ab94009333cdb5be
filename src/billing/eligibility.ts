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
import type { Session } from "./input.js";

/** @internal The warnings for one session, empty when none applies or the facts are not given. */
export function eligibilityWarnings(contract: Contract, session: Session): string[] {
  const out: string[] = [];
  const { minimumAge, residency } = contract.eligibility;
  if (minimumAge !== null && session.age !== undefined && session.age < minimumAge.years) {
    out.push(
      `session ${session.id}: participant aged ${session.age.toString()}, under the target group's minimum age of ${minimumAge.years.toString()} (${minimumAge.clause})`,
    );
  }
  if (residency !== null && session.resident === false && session.residencyException === undefined) {
    out.push(
      `session ${session.id}: client not registered or living in ${residency.municipality} and no exception recorded (${residency.clause}${residency.exceptions === "by-agreement" ? ": only by agreement with the administration" : ""})`,
    );
  }
  return out;
}
