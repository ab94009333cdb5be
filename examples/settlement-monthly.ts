/**
 * A quarter of monthly settlements for Familjerådgivning (SON 2021-233):
 * each month is settled against the ledger so far; in April a March session
 * arrives late and another is corrected, and the settlement books exactly the
 * differences, on March's lines. Re-running a settlement books nothing.
 *
 * Run after `npm run build`:  npx tsx examples/settlement-monthly.ts
 */
import { contracts, formatSek, settle, settlementToJSON, type LedgerEntryJSON, type Session, type YearMonth } from "verksamhetsuppdrag";

const contract = contracts.familjeradgivning;
const ledger: LedgerEntryJSON[] = [];
const known: Record<YearMonth, Session[]> = {
  // What the case-management system held when each month was settled.
  "2022-03": [
    { id: "S1", date: "2022-03-02", minutes: 50, kind: "individual" },
    { id: "S2", date: "2022-03-09", minutes: 61, kind: "individual" },
    { id: "G1", date: "2022-03-10", minutes: 90, kind: "group", participants: 6 },
  ],
  "2022-04": [
    { id: "S1", date: "2022-03-02", minutes: 50, kind: "individual" },
    { id: "S2", date: "2022-03-09", minutes: 46, kind: "individual" }, // corrected from 61 minutes
    { id: "G1", date: "2022-03-10", minutes: 90, kind: "group", participants: 6 },
    { id: "S3", date: "2022-03-28", minutes: 45, kind: "individual" }, // registered late
    { id: "A1", date: "2022-04-05", minutes: 60, kind: "individual" },
  ],
};

for (const month of ["2022-03", "2022-04", "2022-04"] as const) {
  const s = settle(contract, month, { sessions: known[month], paid: ledger });
  console.log(`Settlement ${month} (months ${s.from}–${s.month}): book ${formatSek(s.total)} to the provider, visit fees ${formatSek(s.feesOwedToPurchaser)} owed to the purchaser`);
  for (const e of s.entries) console.log(`  ${e.month}  ${e.lineId.slice(contract.id.length + 9).padEnd(12)} ${e.reason.padEnd(8)} ${formatSek(e.amount).padStart(14)}  ${e.clause}`);
  if (s.entries.length === 0) console.log("  nothing to book: every line is booked as due");
  ledger.push(...settlementToJSON(s).entries);
}
console.log(`Ledger: ${ledger.length.toString()} entries`);
