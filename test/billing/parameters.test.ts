/**
 * Every clause parameter is used: change one number in a copy of a contract
 * and some figure of a statement must change. A parameter the code ignored
 * would fail here.
 */
import { describe, expect, it } from "vitest";
import { statement, type Session, type Statement, type StatementInput } from "../../src/billing/index.js";
import type { Contract } from "../../src/contracts/schema.js";
import { contracts } from "../../src/contracts/shipped/index.js";
import { variant, type Json } from "./helpers.js";

const sessions: Session[] = [
  { id: "S1", date: "2022-03-02", minutes: 50, kind: "individual" },
  { id: "G1", date: "2022-03-10", minutes: 90, kind: "group", participants: 5 },
  { id: "G2", date: "2022-03-11", minutes: 60, kind: "group", participants: 6 },
  { id: "G3", date: "2022-03-12", minutes: 120, kind: "group", participants: 6 },
];
/** Enough hours before March to bring the 2 590-hour cap within reach. */
const filler: Session[] = Array.from({ length: 1290 }, (_, i) => ({ id: `F${i.toString()}`, date: "2022-01-15", minutes: 120, kind: "individual" as const }));

/** The figures of a statement that any parameter could move. */
function figures(s: Statement): string {
  return JSON.stringify({
    total: s.total,
    notPayable: s.notPayable,
    fees: s.feesOwedToPurchaser,
    lines: s.lines.map((l) => [l.id, l.quantity, l.amount, l.payable]),
    cap: s.cap?.capHours,
  });
}

const cases: [string, Contract, (c: Json) => void, string, StatementInput][] = [
  ["hourly rate (605)", contracts.familjeradgivning, (c) => (c.compensation.rate = "606"), "2022-03", { sessions }],
  ["group factor (4)", contracts.familjeradgivning, (c) => (c.compensation.groupRule.clientHoursPerGroupHour = 3), "2022-03", { sessions }],
  ["group minimum participants (5)", contracts.familjeradgivning, (c) => (c.compensation.groupRule.minParticipants = 6), "2022-03", { sessions }],
  ["group minimum minutes (60)", contracts.familjeradgivning, (c) => (c.compensation.groupRule.minMinutes = 61), "2022-03", { sessions }],
  ["group maximum minutes (120)", contracts.familjeradgivning, (c) => (c.compensation.groupRule.maxMinutes = 119), "2022-03", { sessions }],
  ["yearly cap (2 590)", contracts.familjeradgivning, (c) => (c.compensation.yearlyCap.hours = "2589"), "2022-03", { sessions: [...filler, ...sessions] }],
  ["visit fee (200)", contracts.familjeradgivning, (c) => (c.compensation.visitFee.amount = "210"), "2022-03", { sessions }],
  ["term start (2022-01-01)", contracts.familjeradgivning, (c) => (c.term.start = "2022-03-11"), "2022-03", { sessions }],
  ["annual amount (1 827 000)", contracts.beroendemottagningen, (c) => (c.compensation.amount = "1827100"), "2022-03", {}],
  ["price year (2021)", contracts.beroendemottagningen, (c) => ((c.compensation.priceYear = 2020), (c.term.start = "2020-04-01"), (c.indexation.fixedUntil = "2020-12-31"), (c.indexation.firstAdjustedYear = 2021)), "2022-03", {}],
  ["first adjusted year (2022)", contracts.beroendemottagningen, (c) => ((c.indexation.firstAdjustedYear = 2023), (c.indexation.fixedUntil = "2022-12-31")), "2022-03", {}],
  ["term start (2021-04-01)", contracts.beroendemottagningen, (c) => (c.term.start = "2021-04-02"), "2021-04", {}],
  ["hours per year (1 700)", contracts.boendestod, (c) => (c.compensation.hoursPerYear = "1800"), "2019-03", { sessions: [{ id: "B1", date: "2019-03-04", minutes: 50, kind: "individual" }] }],
  ["annual cost (800 000)", contracts.boendestod, (c) => (c.compensation.annualCost = "800100"), "2019-03", { sessions: [{ id: "B1", date: "2019-03-04", minutes: 50, kind: "individual" }] }],
  ["stated hours of 2018 (1 275)", contracts.boendestod, (c) => (c.compensation.statedYears[0].hours = "1274"), "2018-04", {}],
  ["stated months of 2018 (9)", contracts.boendestod, (c) => (c.compensation.statedYears[0].months = 8), "2018-04", { policies: { partYearVolume: "pro-rata" } }],
];

describe("every clause parameter matters", () => {
  it.each(cases)("%s", (_name, base, patch, month, input) => {
    const changed = variant(base, patch);
    expect(figures(statement(changed, month, input))).not.toBe(figures(statement(base, month, input)));
  });
});
