/**
 * A month of family counselling (Familjerådgivning, SON 2021-233 §1.2 and
 * §2.3): one line per session, every started quarter hour at 605 kr an hour,
 * a group of six for 90 minutes as 4 × 1.5 client hours, the visit fees owed
 * to the purchaser, and every figure with its clause.
 *
 * Run after `npm run build`:  npx tsx examples/statement-hourly.ts
 */
import { contracts, formatSek, statement, type Statement } from "verksamhetsuppdrag";

function print(s: Statement): void {
  console.log(`${s.contractId} ${s.month} (${s.clause})`);
  for (const line of s.lines) {
    const paid = line.payable ? "" : "  [betalas inte / not payable]";
    console.log(`  ${line.description}`);
    console.log(`    ${line.quantity.toString()} tim × ${formatSek(line.unitPrice)} = ${formatSek(line.amount)}${paid}   ${line.clause}`);
    console.log(`    ${line.id}  ${JSON.stringify(line.explanation.figures)}`);
  }
  console.log(`  Att betala / total:              ${formatSek(s.total)}`);
  console.log(`  Ej betalbart / not payable:      ${formatSek(s.notPayable)}`);
  console.log(`  Avgifter till beställaren / fees: ${formatSek(s.feesOwedToPurchaser)}`);
  if (s.cap !== null) console.log(`  Takvolym / cap: ${s.cap.usedBefore.plus(s.cap.usedInMonth).toString()} of ${s.cap.capHours.toString()} h used (${s.cap.clause})`);
  for (const w of s.warnings) console.log(`  ! ${w}`);
  console.log(`  Policies: ${JSON.stringify(s.policies)}\n`);
}

const march = statement(contracts.familjeradgivning, "2022-03", {
  sessions: [
    { id: "S1", date: "2022-03-02", minutes: 50, kind: "individual" },
    { id: "S2", date: "2022-03-09", minutes: 61, kind: "individual" },
    { id: "G1", date: "2022-03-10", minutes: 90, kind: "group", participants: 6 },
    { id: "G2", date: "2022-03-17", minutes: 90, kind: "group", participants: 4 },
    { id: "S3", date: "2022-03-21", minutes: 75, kind: "individual", resident: false },
  ],
});
print(march);

// The same group of four under the stricter reading: not billable at all.
const strict = statement(contracts.familjeradgivning, "2022-03", {
  sessions: [{ id: "G2", date: "2022-03-17", minutes: 90, kind: "group", participants: 4 }],
  policies: { groupOutsideRule: "not-billable" },
});
print(strict);
