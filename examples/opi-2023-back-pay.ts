/**
 * The 2023 OPI back pay: SKR published a preliminary OPI of 3.5 % for 2023
 * in December 2022 and the final 4.6 % on 19 April 2023. Months already paid
 * under 3.5 % are owed the difference (indexRevision).
 *
 * Run after `npm run build`:  npx tsx examples/opi-2023-back-pay.ts
 */
import { contracts, formatSek, indexRevision } from "verksamhetsuppdrag";

const preliminary = { name: "OPI", values: { 2023: { percent: "3.5", status: "preliminary" as const, source: "SKR, December 2022" } } };
const final = { name: "OPI", values: { 2023: { percent: "4.6", status: "final" as const, source: "SKR, 19 April 2023" } } };

for (const [contract, input] of [
  [contracts.beroendemottagningen, {}],
  [contracts.valdINaraRelation, { start: "2020-01-01" }], // the text gives no start: assumed here
] as const) {
  const r = indexRevision(contract, 2023, { from: preliminary, to: final, paidThrough: "2023-04", input });
  console.log(contract.title);
  console.log(`  annual 2023: ${formatSek(r.from.indexation.amount)} at 3.5 % → ${formatSek(r.to.indexation.amount)} at 4.6 % (${r.clause})`);
  for (const m of r.months) console.log(`  ${m.month}: paid ${formatSek(m.paid)}, due ${formatSek(m.revised)}, difference ${formatSek(m.difference)}`);
  console.log(`  back pay for January–April: ${formatSek(r.difference)} (${r.direction})\n`);
}
