/**
 * A commission of one's own, written as JSON (examples/data/own-commission.json):
 * validated with parseContract, then a month's statement, the notice period
 * and the reporting deadlines. Also what parseContract says about a broken
 * copy.
 *
 * Run after `npm run build`:  npx tsx examples/own-commission.ts
 * The same from the command line:
 *   node dist/cli.js validate examples/data/own-commission.json
 *   node dist/cli.js statement examples/data/own-commission.json --month 2024-03 --sessions my.csv
 */
import { readFileSync } from "node:fs";
import { deadlines, formatSek, noticeEnd, parseContract, RulesError, statement } from "verksamhetsuppdrag";

const data: unknown = JSON.parse(readFileSync(new URL("./data/own-commission.json", import.meta.url), "utf8"));
const contract = parseContract(data);
console.log(`${contract.title} (${contract.id}), ${contract.compensation.kind}\n`);

const s = statement(contract, "2024-03", {
  sessions: [
    { id: "A1", date: "2024-03-04", minutes: 50, kind: "individual" },
    { id: "A2", date: "2024-03-11", minutes: 80, kind: "individual" },
    { id: "G1", date: "2024-03-13", minutes: 120, kind: "group", participants: 6 },
  ],
});
for (const line of [...s.lines, ...s.feeLines]) console.log(`${line.description}: ${formatSek(line.amount)} (${line.clause})`);
console.log(`Payable ${formatSek(s.total)}; visit fees owed to the purchaser ${formatSek(s.feesOwedToPurchaser)}\n`);

console.log(`Notice received 2024-08-31 ends the commission on ${noticeEnd(contract, { receivedOn: "2024-08-31", form: "written" })}`);
for (const d of deadlines(contract, 2025)) console.log(`${d.due} ${d.title} (${d.clause}), workday: ${String(d.workday)}`);

try {
  const copy = structuredClone(data) as { id: string; compensation: { rate: string }; term: { end: string | null } };
  copy.id = "Min Kommun";
  copy.compensation.rate = "650,00";
  copy.term.end = "2023-12-31";
  parseContract(copy);
} catch (error) {
  if (!(error instanceof RulesError)) throw error;
  console.log(`\nA broken copy: ${error.code}`);
  for (const issue of error.issues) console.log(`  ${issue.path}: expected ${issue.expected}, received ${issue.received}`);
}
