/**
 * The figures of the 2022 activity report (verksamhetsberättelse) for
 * Familjerådgivning, from the same sessions the provider billed in March and
 * the intake queue, and the expected results of Våld i nära relation
 * (activityReport, expectedResults).
 *
 * Run after `npm run build`:  npx tsx examples/activity-report.ts
 */
import { readFileSync } from "node:fs";
import { activityReport, contracts, expectedResults, type Intake, type ResultAnswers, type Session } from "verksamhetsuppdrag";

/** One line of the example CSVs (semicolons, fields in double quotes where they hold one). */
function fields(line: string): string[] {
  const out: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line.charAt(i);
    if (quoted && ch === '"' && line.charAt(i + 1) === '"') {
      field += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (ch === ";" && !quoted) {
      out.push(field);
      field = "";
    } else {
      field += ch;
    }
  }
  return [...out, field];
}

/** The example CSVs are saved as Swedish Excel saves them: semicolons, a BOM, CRLF. */
function rows(file: string): Record<string, string>[] {
  const [header = "", ...lines] = readFileSync(new URL(`data/${file}`, import.meta.url), "utf8").replace(/^\uFEFF/, "").split(/\r?\n/).filter((l) => l !== "");
  const names = fields(header);
  return lines.map((line) => Object.fromEntries(fields(line).map((value, i) => [names[i] ?? "", value])));
}

const sessions: Session[] = rows("familjeradgivning-2022-03.csv").map((r) => ({
  id: r.id ?? "",
  date: r.date ?? "",
  minutes: Number(r.minutes),
  kind: r.kind === "group" ? "group" : "individual",
  ...(r.participants ? { participants: Number(r.participants) } : {}),
  ...(r.caseId ? { caseId: r.caseId } : {}),
  ...(r.resident ? { resident: r.resident === "ja" } : {}),
  ...(r.residencyException ? { residencyException: r.residencyException } : {}),
}));
const intakes: Intake[] = rows("familjeradgivning-2022-intakes.csv").map((r) => ({ id: r.id ?? "", firstContact: r.firstContact ?? "", firstMeeting: r.firstMeeting || null }));

const report = activityReport(contracts.familjeradgivning, 2022, { sessions, intakes });
console.log(`${report.title}: verksamhetsberättelse ${report.covers.toString()}, due ${report.due?.due ?? "–"} (${report.due?.clause ?? ""})`);
for (const f of report.figures) console.log(`  ${f.label.padEnd(60)} ${f.value.padStart(28)}  ${f.clause}`);

const { answers } = JSON.parse(readFileSync(new URL("data/vald-i-nara-relation-2022-answers.json", import.meta.url), "utf8")) as { answers: ResultAnswers[] };
const results = expectedResults(contracts.valdINaraRelation, answers);
console.log(`\n${contracts.valdINaraRelation.title}: expected results 2022`);
for (const r of results.results) console.log(`  ${(r.index + 1).toString()}. target ${r.targetPercent} %, measured ${r.share?.percent ?? "–"} %: ${r.met === true ? "met" : "not met"}`);
console.log(`  ${results.met.toString()} of ${results.results.length.toString()} met`);
