/**
 * A notice and its last payment: Beroendemottagningen receives a written
 * notice on 2022-03-15. With 12 months' notice (§2) the commission ends on
 * 2023-03-15; March 2023 pays its days' share of the twelfth (15 of 31 days,
 * policy partialMonth: 'days').
 *
 * Run after `npm run build`:  npx tsx examples/notice-last-payment.ts
 */
import { applyNotice, contracts, formatSek, noticePeriod, statement } from "verksamhetsuppdrag";

const notice = { receivedOn: "2022-03-15", form: "written" as const };
const period = noticePeriod(contracts.beroendemottagningen, notice);
console.log(`Notice received ${period.receivedOn}: ${period.months.toString()} months (${period.clause}) → last day in force ${period.end}`);

const ended = applyNotice(contracts.beroendemottagningen, notice);
console.log(`Term after the notice: ${ended.term.start} – ${ended.term.end ?? "?"}`);
console.log(`Note added to the contract: ${ended.notes.at(-1) ?? ""}\n`);

for (const month of ["2023-02", "2023-03"]) {
  const s = statement(ended, month);
  const line = s.lines[0];
  console.log(`${month}: ${formatSek(s.total)}  (${s.term.daysInForce.toString()} of ${s.term.daysInMonth.toString()} days in force)`);
  if (line !== undefined) console.log(`  ${line.description}: ${JSON.stringify(line.explanation.figures)}`);
}

try {
  statement(ended, "2023-04");
} catch (error) {
  console.log(`\n2023-04: ${(error as Error).message}`);
}
