/**
 * A month of a fixed annual amount (*en tolftedel per månad*):
 * Beroendemottagningen §3, SON 2019-755 §1.2.
 *
 * Not exported from the package.
 *
 * @module
 */
import type { FixedAnnualCompensation } from "../contracts/schema.js";
import { RulesError } from "../errors.js";
import { oreToString, shareOfOre, twelfthsOre } from "../money/index.js";
import { assemble, clauses, DecimalCache, indexWarnings } from "./common.js";
import { daysInForce, type BillingContext } from "./context.js";
import { eligibilityWarnings } from "./eligibility.js";
import type { Statement, StatementLine } from "./types.js";
import { ratio } from "./units.js";

/** @internal The statement of `month` (1–12) of a fixed annual amount. */
export function fixedAnnualMonth(ctx: BillingContext, month: number): Statement {
  const { contract, year, indexation, term, input } = ctx;
  const comp = contract.compensation as FixedAnnualCompensation;
  const ym = `${year.toString()}-${month.toString().padStart(2, "0")}`;
  if (!comp.twelfths) {
    throw new RulesError(
      "NOT_IN_CONTRACT",
      `${contract.id}: the compensation is not paid as twelfths (compensation.twelfths is false, ${comp.clause}); the text gives no monthly amount`,
    );
  }
  const policies = input.policies;
  const months = twelfthsOre(indexation.ore, policies.twelfthsRemainder);
  const twelfth = months[month - 1] ?? 0;
  const remainder = indexation.ore - Math.floor(indexation.ore / 12) * 12;
  const window = daysInForce(term, year, month);
  const partial = window.days < window.length;
  let ore = twelfth;
  let rule = "twelfth";
  const figures: Record<string, string> = {
    annualAmount: oreToString(indexation.ore),
    twelfthRoundedDown: oreToString(Math.floor(indexation.ore / 12)),
    remainder: oreToString(remainder),
    remainderMonth: policies.twelfthsRemainder === "last" ? "12" : "1",
    twelfth: oreToString(twelfth),
    daysInForce: window.days.toString(),
    daysInMonth: window.length.toString(),
  };
  const cache = new DecimalCache();
  let quantity = ratio(1, 1);
  if (partial) {
    rule = `twelfth-partial-month:${policies.partialMonth}`;
    if (policies.partialMonth === "days") {
      ore = shareOfOre(twelfth, window.days, window.length, "half-up");
      quantity = ratio(window.days, window.length);
      figures.share = `${oreToString(twelfth)} × ${window.days.toString()} / ${window.length.toString()}, rounded half-up to the öre`;
    } else if (policies.partialMonth === "nothing") {
      ore = 0;
      quantity = ratio(0, 1);
    }
  }
  figures.amount = oreToString(ore);
  const warnings = indexWarnings(indexation, "the annual amount");
  if (partial) {
    warnings.push(
      `${ym}: the commission is in force ${window.days.toString()} of ${window.length.toString()} days (term ${term.start} to ${term.end ?? "further notice"}); partialMonth '${policies.partialMonth}'`,
    );
  }
  const clause = clauses(indexation.clause, contract.payment?.clause, partial ? term.clause : null);
  const line: StatementLine = {
    id: `${contract.id}:${ym}:twelfth`,
    kind: "twelfth",
    description: partial
      ? `Tolftedel ${ym}, ${window.days.toString()} av ${window.length.toString()} dagar / Monthly twelfth, ${window.days.toString()} of ${window.length.toString()} days`
      : `Tolftedel ${ym} / Monthly twelfth`,
    quantity,
    unit: "month",
    unitPrice: cache.of(twelfth),
    amount: cache.of(ore),
    payable: true,
    clause,
    warnings: [],
    explanation: {
      rule,
      inputs: {
        year,
        month: ym,
        priceYear: indexation.base.priceYear,
        baseAmount: indexation.base.amount,
        series: indexation.series,
        termStart: term.start,
        termStartSource: term.startSource,
        termEnd: term.end,
      },
      policy: { twelfthsRemainder: policies.twelfthsRemainder, partialMonth: policies.partialMonth, indexRounding: policies.indexRounding },
      figures,
    },
  };
  // Eligibility, where the sessions carry the facts (they do not change the amount).
  const eligibility: string[] = [];
  const s = input.sessions;
  for (let i = 0; i < s.count; i++) {
    const day = s.day[i] ?? 0;
    if (day < window.first || day > window.last) continue;
    for (const w of eligibilityWarnings(contract, s, i)) eligibility.push(w);
  }
  eligibility.sort();
  return assemble(
    {
      contractId: contract.id,
      month: ym,
      compensationKind: "fixed-annual",
      policies,
      indexation,
      visitFeeIndexation: null,
      cap: null,
      term: { start: term.start, startSource: term.startSource, end: term.end, clause: term.clause, daysInForce: window.days, daysInMonth: window.length },
      clause: contract.payment?.clause ?? comp.clause,
    },
    [{ line, ore }],
    [],
    [...warnings, ...eligibility],
  );
}
