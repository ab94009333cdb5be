/**
 * `answer` (src/testing/answer.ts): the library's answer to a question,
 * money as strings with two decimals, a refused computation as its error
 * code, and a malformed question as a RulesError naming the field.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { contracts } from "../../src/index.js";
import { answer, QUESTION_FORMAT } from "../../src/testing/index.js";
import { errorOf } from "../billing/helpers.js";

const question = (kind: string, input: unknown, contract: unknown = contracts.familjeradgivning): unknown =>
  JSON.parse(JSON.stringify({ format: QUESTION_FORMAT, case: "test/1", kind, contract, input }));


describe("answer", () => {
  it("answers a statement with money as two-decimal strings", () => {
    const a = answer(question("statement", { month: "2022-03", sessions: [{ id: "S1", date: "2022-03-02", minutes: 61, kind: "individual" }] })) as Record<string, unknown>;
    expect({ total: a.total, notPayable: a.notPayable, fees: a.feesOwedToPurchaser }).toEqual({ total: "756.25", notPayable: "0.00", fees: "200.00" });
    expect((a.lines as { amount: string; quantity: string }[]).map((l) => [l.quantity, l.amount])).toEqual([["1.25", "756.25"]]);
  });

  it("answers the figures a contract-figures question asks for, and leaves out a path that is not there", () => {
    expect(answer(question("contract-figures", { paths: ["compensation.rate", "notice.months", "no.such.path"] }))).toEqual({ "compensation.rate": "605", "notice.months": 12 });
  });

  it("answers a refused computation with its error code", () => {
    const a = answer(question("notice-end", { receivedOn: "2024-03-15", form: "oral" })) as Record<string, unknown>;
    expect(a.error).toBe("NOTICE_NOT_WRITTEN");
    expect(typeof a.message).toBe("string");
  });

  it("answers a term, with its months only when it has an end", () => {
    expect(answer(question("term", null, contracts.boendestod))).toEqual({ end: "2019-12-31", months: 21, byYear: { "2018": 9, "2019": 12 } });
    expect(answer(question("term", null))).toEqual({ end: null });
  });

  it("answers a bookkeeping question with the vouchers read back from the SIE file", () => {
    const posting = JSON.parse(readFileSync(new URL("../../examples/data/posting.json", import.meta.url), "utf8")) as unknown;
    expect(answer(question("bookkeeping", { posting, generated: "2021-05-03", steps: [{ month: "2021-04" }] }, contracts.beroendemottagningen))).toEqual({
      vouchers: [
        {
          number: 1,
          date: "2021-04-30",
          text: "Avräkning beroendemottagningen 2021-04",
          rows: [
            ["4610", "152250.00", "beroendemottagningen:2021-04:twelfth"],
            ["3610", "-152250.00", "beroendemottagningen:2021-04:twelfth"],
          ],
        },
      ],
    });
  });

  it("refuses a malformed question with a RulesError naming the field, the value and what was expected", () => {
    expect(errorOf(() => answer([])).message).toBe("question: expected a JSON object, received an array of 0");
    const format = errorOf(() => answer({ format: "v0", kind: "term" }));
    expect([format.code, format.message]).toEqual(["INVALID_INPUT", 'question.format: expected "verksamhetsuppdrag/question@1", received "v0"']);
    expect(errorOf(() => answer({ format: QUESTION_FORMAT, kind: "payroll" })).message).toBe('question.kind: expected one of the case kinds (CASE_KINDS), received "payroll"');
    expect(errorOf(() => answer({ format: QUESTION_FORMAT, kind: "term", contract: { id: "x" } })).code).toBe("INVALID_CONTRACT");
  });

  it("answers a bad field of the input as the library answers bad input: its error, naming the field", () => {
    expect(answer(question("statement", { month: 202203 }))).toEqual({ error: "INVALID_INPUT", message: "question.input.month: expected a string, received 202203" });
    expect(answer(question("settlement", { steps: "2022-03" }))).toEqual({ error: "INVALID_INPUT", message: 'question.input.steps: expected a list, received "2022-03"' });
    expect((answer(question("statement", { month: "2022-13" })) as { error: string }).error).toBe("INVALID_ARGUMENT");
  });
});
