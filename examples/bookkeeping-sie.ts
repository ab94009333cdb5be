/**
 * From a settlement to the finance system: March 2022 of Familjerådgivning
 * (SON 2021-233, paid "via bokföringsorder", §1.2) settled and written as an
 * SIE 4I voucher file with the example posting configuration
 * (examples/data/posting.json: made-up accounts; use your own chart's). The
 * file is printed as text here; its `bytes` (code page 437) are what the
 * finance system reads in.
 *
 * Run after `npm run build`:  npx tsx examples/bookkeeping-sie.ts
 */
import { readFileSync } from "node:fs";
import { contracts, formatSek, settle } from "verksamhetsuppdrag";
import { parsePostingConfig, settlementsToSie } from "verksamhetsuppdrag/sie";

const posting = parsePostingConfig(JSON.parse(readFileSync(new URL("./data/posting.json", import.meta.url), "utf8")));
const march = settle(contracts.familjeradgivning, "2022-03", {
  sessions: [
    { id: "S1", date: "2022-03-02", minutes: 50, kind: "individual" },
    { id: "S2", date: "2022-03-09", minutes: 61, kind: "individual" },
  ],
});
const file = settlementsToSie([march], posting, { generated: { date: "2022-04-04", signature: "ekonom" } });
// fs.writeFileSync("bokforingsorder.si", file.bytes) would write the file itself.
process.stdout.write(file.text.replaceAll("\r\n", "\n"));
for (const v of file.vouchers) {
  console.log(`Voucher ${v.series} ${String(v.number)} of ${v.date}: ${v.rows.toString()} rows, ${formatSek(v.turnover)} debit = ${formatSek(v.turnover)} credit`);
}
console.log(`${file.bytes.length.toString()} bytes in code page 437 (${file.conventions.transactions}, line ends ${file.conventions.lineEnd})`);
