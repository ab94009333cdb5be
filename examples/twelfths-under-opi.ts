/**
 * A year of twelfths under OPI: Beroendemottagningen's 1 827 000 kr in 2021
 * prices, carried to 2023 by OPI (1.9 % for 2022, 4.6 % for 2023) and paid
 * as twelve twelfths that sum exactly to the year.
 *
 * Run after `npm run build`:  npx tsx examples/twelfths-under-opi.ts
 */
import { contracts, formatSek, indexedAmount, twelfths, yearReport } from "verksamhetsuppdrag";

const contract = contracts.beroendemottagningen;
const year = 2023;

const indexed = indexedAmount(contract, year);
console.log(`${contract.title}\n`);
console.log(`Base: ${formatSek(indexed.base.amount)} in ${indexed.base.priceYear.toString()} prices (${indexed.base.clause})`);
for (const step of indexed.steps) {
  console.log(`  ${step.year.toString()}: ${indexed.series ?? ""} ${step.percent} % (${step.status}, ${step.source}): ${formatSek(step.before)} → ${formatSek(step.after)}`);
}
console.log(`Annual amount ${year.toString()}: ${formatSek(indexed.amount)}\n`);

const months = twelfths(indexed.amount);
console.log("twelfths():", months.map((m) => m.toFixed(2)).join(", "));

const report = yearReport(contract, year);
console.log("\nmonth     paid");
for (const s of report.statements) console.log(`${s.month}  ${formatSek(s.total).padStart(16)}`);
console.log(`total    ${formatSek(report.total).padStart(16)}  (= the annual amount: ${String(report.total.equals(indexed.amount))})`);
