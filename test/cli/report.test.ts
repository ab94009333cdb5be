import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { activityReport, activityReportToJSON, contracts, expectedResults } from "../../src/index.js";
import { example, runCli, tempDir } from "./helpers.js";

const SESSIONS = example("familjeradgivning-2022-03.csv");
const INTAKES = example("familjeradgivning-2022-intakes.csv");
const ANSWERS = example("vald-i-nara-relation-2022-answers.json");

describe("report on the command line", () => {
  it("prints the report's own compilation: each figure with its clause", () => {
    const r = runCli(["report", "familjeradgivning", "--year", "2022", "--sessions", SESSIONS, "--intakes", INTAKES]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("Verksamhetsberättelse 2022: Verksamhetsuppdrag - Familjerådgivning (familjeradgivning)");
    expect(r.stdout).toMatch(/^Lämnas senast +2023-03-31 {2}SON 2021-233 §4\.1$/m);
    expect(r.stdout).toMatch(/^Antal besök\/tillfällen +21 {2}SON 2021-233 §4\.1$/m);
    expect(r.stdout).toMatch(/^Debiterbar tid, timmar +41,00 {2}SON 2021-233 §1\.2$/m);
    expect(r.stdout).toMatch(/^Besök per ärende, genomsnitt +1,89 \(uppdraget: 4–5, utanför\) {2}SON 2021-233 §2\.3$/m);
    expect(r.stdout).toMatch(/^Besöksavgifter, kr \(tillfaller beställaren\) +4\u00a0200,00 {2}SON 2021-233 §2\.3$/m);
    expect(r.stdout).toMatch(/^Erbjudna första samtal inom 14 dagar, andel % +42,86 {2}SON 2021-233 §2\.3$/m);
    expect(r.stdout).toMatch(/^Ersättning för året, kr +24\u00a0805,00 {2}SON 2021-233 §1\.2$/m);
    expect(r.stdout).toContain("Warnings (2):");
  });

  it("--format json is exactly activityReportToJSON, with the expected results when answers are given", () => {
    const r = runCli(["report", "vald-i-nara-relation", "--year", "2022", "--start", "2020-01-01", "--answers", ANSWERS, "--format", "json"]);
    expect(r.code).toBe(0);
    const report = activityReport(contracts.valdINaraRelation, 2022, { start: "2020-01-01" });
    const answers = [
      { yes: 41, total: 41 }, { yes: 18, total: 19 }, { yes: 14, total: 16 }, { yes: 22, total: 30 }, { yes: 9, total: 11 },
      { yes: 7, total: 9 }, { yes: 24, total: 28 }, { yes: 1, total: 1 }, { yes: 80, total: 95 },
    ];
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify({ ...activityReportToJSON(report), expectedResults: expectedResults(contracts.valdINaraRelation, answers) })));
    expect((JSON.parse(r.stdout) as { payment: { total: string } }).payment.total).toBe("4360630.91");
  });

  it("--format md writes a Swedish draft with headings, figures, clauses and the results", () => {
    const r = runCli(["report", "vald-i-nara-relation", "--year", "2022", "--start", "2020-01-01", "--answers", ANSWERS, "--format", "md"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("# Verksamhetsberättelse 2022 – Verksamhetsuppdrag avseende Våld i nära relation, Leanlink Råd och Stöd");
    expect(r.stdout).toContain("Lämnas senast 2023-03-31 enligt SON 2019-755 §3.0 Uppföljning");
    expect(r.stdout).toContain("## Sammanställning av utförda prestationer");
    expect(r.stdout).toContain("| Ersättning för året, kr | 4\u00a0360\u00a0630,91 | SON 2019-755 §1.2 |");
    expect(r.stdout).toContain("## Uppnådda resultat vad gäller uppställda mål");
    expect(r.stdout).toContain("| 4 | Kvinnor som varit i en uppbrottsprocess ska uppfatta att de har en strategi för en ny livssituation. (80%) | 80 % | 22/30 = 73,33 % | nej |");
    expect(r.stdout).toContain("6 av 9 förväntade resultat uppfyllda (SON 2019-755 §3.0 Förväntat resultat).");
  });

  it("--format csv gives one row per figure for Swedish Excel, no cell starting a formula", () => {
    const dir = tempDir();
    const groups = join(dir, "groups.json");
    writeFileSync(groups, JSON.stringify([{ id: "=HYPERLINK(1)", participants: 7 }, { id: "B", participants: 8 }]));
    const r = runCli(["report", "beroendemottagningen", "--year", "2022", "--groups", groups, "--format", "csv"]);
    expect(r.code).toBe(0);
    const rows = r.stdout.replace(/^\uFEFF/, "").split("\r\n");
    expect(rows[0]).toBe("contract;year;key;figure;value;clause");
    expect(rows).toContain("beroendemottagningen;2022;fullOperation;Hel verksamhet;ja;Beroendemottagningen tillägg 2021 §3");
    for (const cell of rows.flatMap((row) => row.split(";"))) expect(cell).not.toMatch(/^[=+@\t\r]/);
  });

  it("names the file, line and field of a bad intake, and refuses a year outside the term", () => {
    const dir = tempDir();
    const bad = join(dir, "intakes.csv");
    writeFileSync(bad, "id;firstContact;firstMeeting\nA;2022-01-03;2022-01-10\nB;2021-12-30;2022-01-10\n");
    const r = runCli(["report", "familjeradgivning", "--year", "2022", "--intakes", bad]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`${bad} line 3, field firstContact: expected a date in 2022, the year the report covers, received "2021-12-30"`);
    const outside = runCli(["report", "beroendemottagningen", "--year", "2020"]);
    expect(outside.code).toBe(1);
    expect(outside.stderr).toMatch(/2020 is outside the term of beroendemottagningen/);
    expect(outside.stderr).not.toMatch(/\n\s+at /);
    const usage = runCli(["report", "familjeradgivning", "--year", "2022", "--format", "pdf"]);
    expect(usage.code).toBe(2);
  });

  it("names the answer that is wrong", () => {
    const dir = tempDir();
    const answers = join(dir, "answers.json");
    writeFileSync(answers, JSON.stringify({ answers: [{ yes: 1, total: 1 }, { yes: 3, total: 2 }, ...Array.from({ length: 7 }, () => ({ yes: 1, total: 1 }))] }));
    const r = runCli(["report", "vald-i-nara-relation", "--year", "2022", "--start", "2020-01-01", "--answers", answers]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${answers}, field answers[1].yes: expected the yes-answers, an integer from 0 to total (2), received 3`);
  });
});
