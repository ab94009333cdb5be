/**
 * Expected results (*förväntat resultat*, SON 2019-755 §3.0): the share of
 * yes-answers per result, held against its target.
 *
 * @module
 */
import { ensureContract } from "../contracts/parse.js";
import type { Contract } from "../contracts/schema.js";
import { ownElements, ownFields } from "../callerData.js";
import { fieldError, RulesError } from "../errors.js";
import { Exact } from "../money/decimal.js";
import { percentText } from "../money/money.js";
import type { Share } from "../deadlines/index.js";

/**
 * The answers to one expected result: how many of those asked said yes.
 *
 * @example
 * ```ts
 * const a: ResultAnswers = { yes: 41, total: 50 };
 * ```
 */
export interface ResultAnswers {
  /** Answers that the result was reached, an integer 0 or more. */
  yes: number;
  /** All answers, an integer at least `yes`. */
  total: number;
}

/**
 * One expected result, measured.
 *
 * @example
 * ```ts
 * const r: ExpectedResultOutcome = expectedResults(contracts.valdINaraRelation,
 *   Array(9).fill({ yes: 1, total: 1 })).results[0]!;
 * [r.targetPercent, r.met]; //=> ["100", true]
 * ```
 */
export interface ExpectedResultOutcome {
  /** Its position in the contract's list, from 0. */
  index: number;
  /** The result, in plain words. */
  description: string;
  /** The target, a percentage string, e.g. `"80"`. */
  targetPercent: string;
  /** The yes-answers of all answers, exact, with the percentage to two decimals; `null` when there were no answers. */
  share: Share | null;
  /** True when the share is at least the target (compared exactly, not on the rounded percentage); `null` without answers. */
  met: boolean | null;
  /** The clause. */
  clause: string;
  /** The Swedish sentence with its target, when the contract data carries it. */
  quote: string | null;
}

/**
 * The result of {@link expectedResults}.
 *
 * @example
 * ```ts
 * const e: ExpectedResultsEvaluation = expectedResults(contracts.valdINaraRelation, Array(9).fill({ yes: 4, total: 5 }));
 * [e.met, e.results.length]; //=> [6, 9] (80 % meets the six 80 % targets, not the three of 100 %)
 * ```
 */
export interface ExpectedResultsEvaluation {
  /** The commission's id. */
  contractId: string;
  /** Each result in the contract's order. */
  results: ExpectedResultOutcome[];
  /** How many results met their target. */
  met: number;
  /** How many results were measured (had answers). */
  measured: number;
  /** True when every result was measured and met. */
  allMet: boolean;
}

/** The most answers one result takes: far beyond any survey of a service. */
const MAX_ANSWERS = 1_000_000_000;

function count(value: unknown, path: string, max: number, expected: string): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0 || value > max) throw fieldError("INVALID_INPUT", path, expected, value);
  return value;
}

/**
 * Measures each expected result of the commission against its target.
 *
 * Implements SON 2019-755 §3.0 *Förväntat resultat*, e.g. *"Barn/kvinnor och
 * män ska uppleva att det varit lätt att komma i kontakt med verksamheten.
 * (100%)"*: one `{ yes, total }` per result, in the contract's order (the
 * text does not say how a result is measured; a count of yes-answers among
 * those asked is the form its percentages take). The share is `yes / total`,
 * kept exact; it meets the target when `100 × yes ≥ target × total`, so a
 * target of 100 % is met only when every answer is yes, and a share that
 * rounds to the target but is below it is not met. A result without answers
 * (`total: 0`) is not measured: `met: null`.
 *
 * @param contract - a parsed commission with expected results
 * @param answers - one `{ yes, total }` per expected result, in order
 * @returns each result with its target, share and `met`, and the counts
 * @throws {@link RulesError} `NOT_IN_CONTRACT` when the commission lists no
 *   expected results; `INVALID_INPUT` naming the answer for the wrong number
 *   of answers, a count that is not a non-negative integer, or `yes > total`
 * @example
 * ```ts
 * const answers = [
 *   { yes: 50, total: 50 }, { yes: 30, total: 30 }, { yes: 17, total: 20 }, { yes: 12, total: 16 },
 *   { yes: 9, total: 10 }, { yes: 40, total: 50 }, { yes: 45, total: 50 }, { yes: 8, total: 10 }, { yes: 7, total: 10 },
 * ];
 * const e = expectedResults(contracts.valdINaraRelation, answers);
 * e.results[2]?.share?.percent; //=> "85.00"
 * e.results[3]?.met;            //=> false (75 % of an 80 % target)
 * ```
 */
export function expectedResults(contract: Contract, answers: readonly ResultAnswers[]): ExpectedResultsEvaluation {
  contract = ensureContract(contract);
  const expected = contract.expectedResults;
  if (expected.length === 0) {
    throw new RulesError("NOT_IN_CONTRACT", `${contract.id}: the commission lists no expected results`, [
      { path: "contract.expectedResults", expected: "a list of expected results with targets (e.g. SON 2019-755 §3.0)", received: "an empty list" },
    ]);
  }
  const list = ownElements(answers, "answers", `a list of ${expected.length.toString()} answers { yes, total }, one per expected result`, expected.length);
  if (list.length !== expected.length) {
    throw fieldError("INVALID_INPUT", "answers", `${expected.length.toString()} answers { yes, total }, one per expected result in the contract's order`, `${list.length.toString()} answers`);
  }
  const results = expected.map((result, index): ExpectedResultOutcome => {
    const path = `answers.${index.toString()}`;
    const raw = list[index];
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw fieldError("INVALID_INPUT", path, "an object { yes, total }", raw);
    const fields = ownFields(raw, ["yes", "total"], path);
    const total = count(fields.total, `${path}.total`, MAX_ANSWERS, "the number of answers, an integer 0 or more");
    const yes = count(fields.yes, `${path}.yes`, total, `the yes-answers, an integer from 0 to total (${total.toString()})`);
    const measured = total > 0;
    return {
      index,
      description: result.description,
      targetPercent: result.targetPercent,
      share: measured ? { numerator: yes, denominator: total, percent: percentText(yes, total) } : null,
      met: measured ? new Exact(yes).times(100).greaterThanOrEqualTo(new Exact(result.targetPercent).times(total)) : null,
      clause: result.clause,
      quote: result.quote ?? null,
    };
  });
  const met = results.filter((r) => r.met === true).length;
  const measured = results.filter((r) => r.met !== null).length;
  return { contractId: contract.id, results, met, measured, allMet: met === results.length };
}
