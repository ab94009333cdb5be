/**
 * An hour volume with an annual cost: Boendestöd 2018, "1275 timmar under
 * 2018 och därefter med 1700 timmar per år", 800 tkr a year. The implied
 * hourly price is 800 000 / 1 700 kr; each line is its minutes × 800 000 /
 * (1 700 × 60), rounded once. Hours beyond the year's volume are not payable.
 *
 * Run after `npm run build`:  npx tsx examples/statement-hour-volume.ts
 */
import { contracts, formatSek, statement, yearReport, type Session } from "verksamhetsuppdrag";

const april = statement(contracts.boendestod, "2018-04", {
  sessions: [
    { id: "B1", date: "2018-04-03", minutes: 50, kind: "individual" },
    { id: "B2", date: "2018-04-04", minutes: 60, kind: "individual" },
    { id: "B3", date: "2018-04-05", minutes: 45, kind: "individual" },
  ],
});
console.log(`Boendestöd ${april.month}   (${april.lines[0]?.clause ?? ""})`);
for (const line of april.lines) {
  console.log(`  ${line.description}: ${formatSek(line.amount)}   [${line.explanation.figures.priceBasis ?? ""}]`);
}
console.log(`  Att betala: ${formatSek(april.total)}`);
if (april.cap !== null) console.log(`  Timvolym 2018: ${april.cap.capHours.toString()} h (${april.cap.basis})\n`);

// A year that goes over the volume: 1 300 hours performed in 2018, 25 more than 1 275.
const sessions: Session[] = [];
for (let i = 0; i < 780; i++) {
  const month = 4 + (i % 9);
  sessions.push({ id: `H${i.toString()}`, date: `2018-${month.toString().padStart(2, "0")}-15`, minutes: 100, kind: "individual" });
}
const year = yearReport(contracts.boendestod, 2018, { sessions });
console.log(`Boendestöd 2018: ${year.months.length.toString()} månader`);
for (const u of year.capUsage ?? []) {
  console.log(`  ${u.month}: ${u.usedHours.toDecimalPlaces(2).toString()} h inom volymen, ${u.overHours.toDecimalPlaces(2).toString()} h över, kvar ${u.remaining.toDecimalPlaces(2).toString()} h`);
}
console.log(`  Att betala: ${formatSek(year.total)}; ej betalbart (över volymen, inget avrop): ${formatSek(year.notPayable)}`);
