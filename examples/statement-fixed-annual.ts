/**
 * Fixed annual amounts paid as twelfths: Beroendemottagningen (tillägg
 * 2021, §3) and Våld i nära relation (SON 2019-755 §1.2, whose text gives no
 * start date, so the caller supplies one), with the quarterly
 * reconciliation of SON 2019-755 ("Avstämning görs kvartalsvis").
 *
 * Run after `npm run build`:  npx tsx examples/statement-fixed-annual.ts
 */
import { contracts, formatSek, statement, yearReport } from "verksamhetsuppdrag";

for (const month of ["2021-04", "2022-01", "2023-01", "2023-12"]) {
  const s = statement(contracts.beroendemottagningen, month);
  const line = s.lines[0];
  if (line === undefined) continue;
  const steps = s.indexation.steps.map((step) => `${step.year.toString()}: ${step.percent} % ${step.status} (${step.source})`).join("; ");
  console.log(`Beroendemottagningen ${month}: ${formatSek(s.total)}   ${line.clause}`);
  console.log(`  årsbelopp / annual ${formatSek(s.indexation.amount)}${steps === "" ? " (2021 års pris)" : ` — OPI ${steps}`}`);
  console.log(`  ${JSON.stringify(line.explanation.figures)}`);
}

const first = yearReport(contracts.beroendemottagningen, 2021);
console.log(`\nBeroendemottagningen 2021: ${first.months.length.toString()} månader (${first.months[0] ?? ""} – ${first.months.at(-1) ?? ""}), totalt ${formatSek(first.total)}\n`);

try {
  statement(contracts.valdINaraRelation, "2020-01");
} catch (error) {
  console.log(`Våld i nära relation without a start: ${(error as Error).message}\n`);
}

// The start date is not in the text; this one is an assumption of the example.
const vald = yearReport(contracts.valdINaraRelation, 2020, {
  start: "2020-01-01",
  paid: { "2020-01": "351340.21", "2020-02": "351340.21", "2020-03": "351340.21", "2020-04": "341107.00", "2020-05": "341107.00", "2020-06": "341107.00" },
});
console.log(`Våld i nära relation 2020: ${formatSek(vald.total)} (${formatSek(vald.statements[0]?.total ?? "0")} a month)`);
const rec = vald.reconciliation;
if (rec !== null) {
  console.log(`Avstämning kvartalsvis (${rec.clause ?? ""}): "${rec.quote ?? ""}"`);
  for (const q of rec.quarters) {
    const open = q.unreported.length > 0 ? `  (ingen betalning angiven för ${q.unreported.join(", ")})` : "";
    console.log(`  Q${q.quarter.toString()}: att betala ${formatSek(q.due)}, betalt ${formatSek(q.paid)}, skillnad ${formatSek(q.difference)}${open}`);
  }
}
