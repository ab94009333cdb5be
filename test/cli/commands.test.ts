/**
 * Every subcommand and output format, run as a separate process on the
 * built command (dist/cli.js).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/sessions/csv.js";
import { DEMO_BOENDESTOD_SESSIONS } from "../../src/cli/demoData.js";
import { contracts, statement } from "../../src/index.js";
import { example, root, runCli, tempDir } from "./helpers.js";

const MONEY = /^-?\d+\.\d{2}$/;
const FAMILY_CSV = example("familjeradgivning-2022-03.csv");

function ok(args: readonly string[]) {
  const r = runCli(args);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return r;
}

describe("global options", () => {
  it("--version prints the version from package.json", () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
    expect(ok(["--version"]).stdout).toBe(`${pkg.version}\n`);
    expect(ok(["-V"]).stdout).toBe(`${pkg.version}\n`);
  });

  it("--help lists every command", () => {
    const { stdout } = ok(["--help"]);
    for (const name of ["contracts", "show", "validate", "schema", "statement", "year", "deadlines", "notice", "demo"]) {
      expect(stdout).toContain(`  ${name} `);
    }
  });

  it("no command is a usage error: help on stderr, exit 2, nothing on stdout", () => {
    const r = runCli([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("Usage: verksamhetsuppdrag <command>");
  });

  it.each(["contracts", "show", "validate", "schema", "statement", "year", "deadlines", "notice", "demo"])("%s --help", (name) => {
    const { stdout } = ok([name, "--help"]);
    expect(stdout).toMatch(new RegExp(`^Usage: verksamhetsuppdrag ${name}`));
    expect(stdout).toContain("-h, --help");
    expect(ok(["help", name]).stdout).toBe(stdout);
  });

  it("the statement help lists the library's policies with their defaults", () => {
    const { stdout } = ok(["statement", "--help"]);
    expect(stdout).toContain("quarterRounding=per-session");
    expect(stdout).toContain("overCap=not-payable");
  });
});

describe("contracts, show, validate, schema", () => {
  it("contracts lists the four shipped commissions", () => {
    const { stdout } = ok(["contracts"]);
    for (const id of ["beroendemottagningen", "familjeradgivning", "vald-i-nara-relation", "boendestod"]) expect(stdout).toContain(id);
    expect(stdout).toContain("605,00\u00a0kr per hour");
    const json = JSON.parse(ok(["contracts", "--format", "json"]).stdout) as { id: string; compensation: string; reference: string }[];
    expect(json.map((c) => c.id)).toEqual(["beroendemottagningen", "familjeradgivning", "vald-i-nara-relation", "boendestod"]);
    expect(json[1]).toMatchObject({ compensation: "hourly", reference: "SON 2021-233" });
    const csv = ok(["contracts", "--format", "csv"]).stdoutBytes;
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it("show prints the key figures with their clauses", () => {
    const { stdout } = ok(["show", "familjeradgivning"]);
    expect(stdout).toMatch(/Compensation\s+605,00\u00a0kr per hour in 2022 prices\s+SON 2021-233 §1\.2/);
    expect(stdout).toMatch(/Yearly cap\s+2590 hours\s+SON 2021-233 §1\.2/);
    expect(stdout).toMatch(/Notice\s+12 months, written/);
    const vald = ok(["show", "vald-i-nara-relation"]).stdout;
    expect(vald).toContain("start not stated in the text");
    const json = JSON.parse(ok(["show", "boendestod", "--format", "json"]).stdout) as { id: string };
    expect(json.id).toBe("boendestod");
  });

  it("show reads a commission of one's own from JSON", () => {
    expect(ok(["show", example("own-commission.json")]).stdout).toContain("650,00\u00a0kr per hour in 2024 prices");
  });

  it("validate says OK for a valid commission", () => {
    expect(ok(["validate", example("own-commission.json")]).stdout).toMatch(/^OK: .*own-commission\.json is a valid commission \(id min-kommun-samtalsstod, hourly\)\n$/);
  });

  it("schema prints the JSON Schema", () => {
    const schema = JSON.parse(ok(["schema"]).stdout) as { $schema: string; required: string[] };
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.required).toContain("compensation");
  });
});

describe("statement", () => {
  const args = ["statement", "familjeradgivning", "--month", "2022-03", "--sessions", FAMILY_CSV];

  it("table: Swedish number format, totals, warnings and policies", () => {
    const { stdout } = ok(args);
    expect(stdout).toContain("Statement 2022-03: Verksamhetsuppdrag - Familjerådgivning (familjeradgivning)");
    expect(stdout).toMatch(/Payable to the provider\s+24\u00a0805,00\u00a0kr/);
    expect(stdout).toMatch(/Visit fees owed to the purchaser\s+4\u00a0200,00\u00a0kr/);
    expect(stdout).toContain("3\u00a0630,00\u00a0kr");
    expect(stdout).toContain("session FR-2203-12: group rule not met");
    expect(stdout).toContain("session FR-2203-16: client not registered");
    expect(stdout).not.toContain("session FR-2203-07: client not registered"); // an exception is recorded
    expect(stdout).toContain("Policies: quarterRounding=per-session");
  });

  it("json: the Statement itself, money as strings with two decimals", () => {
    const s = JSON.parse(ok([...args, "--format", "json"]).stdout) as {
      contractId: string;
      total: string;
      notPayable: string;
      feesOwedToPurchaser: string;
      lines: { amount: string; unitPrice: string; quantity: string; sessionId: string }[];
      cap: { capHours: string; usedInMonth: string };
    };
    expect(s.contractId).toBe("familjeradgivning");
    expect(s.total).toBe("24805.00");
    expect(s.notPayable).toBe("0.00");
    expect(s.feesOwedToPurchaser).toBe("4200.00");
    expect(s.lines).toHaveLength(21);
    for (const line of s.lines) {
      expect(line.amount).toMatch(MONEY);
      expect(line.unitPrice).toMatch(MONEY);
    }
    expect(s.lines.find((l) => l.sessionId === "FR-2203-02")?.quantity).toBe("1.25");
    expect(s.cap.capHours).toBe("2590");
    expect(s.cap.usedInMonth).toBe("41");
    const sum = s.lines.reduce((acc, l) => acc + Math.round(Number(l.amount) * 100), 0);
    expect(sum).toBe(2480500);
  });

  it("csv: BOM, semicolons, decimal comma without thousands separator, CRLF", () => {
    const r = ok([...args, "--format", "csv"]);
    expect([...r.stdoutBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = r.stdout.slice(1);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toContain("\n");
    const rows = text.split("\r\n").slice(0, -1);
    expect(rows[0]).toBe("contract;month;line;date;kind;description;quantity;unit;unit price;amount;payable;clause;warnings");
    expect(rows.find((r) => r.includes("FR-2203-02;"))).toContain(";1,25;hour;605,00;756,25;yes;");
    expect(rows).toContain("familjeradgivning;2022-03;total payable;;total;;;;;24805,00;;;");
    expect(text).not.toContain("24 805");
    expect(text).not.toContain("24\u00a0805");
  });

  it("fixed annual: a twelfth, indexed by OPI", () => {
    expect(JSON.parse(ok(["statement", "beroendemottagningen", "--month", "2021-04", "--format", "json"]).stdout)).toMatchObject({ total: "152250.00" });
    const s = JSON.parse(ok(["statement", "vald-i-nara-relation", "--month", "2023-03", "--start", "2020-01-01", "--format", "json"]).stdout) as {
      total: string;
      term: { startSource: string };
    };
    expect(s.total).toBe("380101.66");
    expect(s.term.startSource).toBe("input");
  });

  it("hour volume (boendestöd) from a comma-separated CSV: the library's figures, unchanged", () => {
    const s = JSON.parse(ok(["statement", "boendestod", "--month", "2019-03", "--sessions", example("boendestod-2019-03.csv"), "--format", "json"]).stdout) as {
      total: string;
      lines: { amount: string }[];
    };
    const expected = statement(contracts.boendestod, "2019-03", { sessions: DEMO_BOENDESTOD_SESSIONS });
    expect(s.lines).toHaveLength(10);
    expect(s.total).toBe(expected.total.toFixed(2));
    expect(s.lines.map((l) => l.amount)).toEqual(expected.lines.map((l) => l.amount.toFixed(2)));
  });

  it("sessions as JSON give the same statement as the CSV", () => {
    const dir = tempDir();
    const fromCsv = JSON.parse(ok([...args, "--format", "json"]).stdout) as { total: string; lines: unknown[] };
    // Write the example as JSON, both as an array and as { sessions: [...] }.
    const [header, ...records] = parseCsv(readFileSync(FAMILY_CSV, "utf8"));
    const list = records.map(({ fields }) => {
      const o: Record<string, unknown> = {};
      header!.fields.forEach((h, i) => {
        const v = fields[i] ?? "";
        if (v === "" || h === "comment") return;
        if (h === "minutes" || h === "participants") o[h] = Number(v);
        else if (h === "resident") o[h] = v === "ja";
        else o[h] = v;
      });
      return o;
    });
    writeFileSync(join(dir, "array.json"), JSON.stringify(list));
    writeFileSync(join(dir, "wrapped.json"), JSON.stringify({ sessions: list }));
    for (const file of ["array.json", "wrapped.json"]) {
      const s = JSON.parse(ok(["statement", "familjeradgivning", "--month", "2022-03", "--sessions", join(dir, file), "--format", "json"]).stdout) as {
        total: string;
        lines: unknown[];
      };
      expect(s).toEqual(fromCsv);
    }
  });

  it("earlier months count towards the cap; later months and other years are passed over", () => {
    const dir = tempDir();
    const rows = ["id,date,minutes,kind,participants"];
    // 2021 and 2023 rows are ignored; 2 590 hours in January and February fill the cap.
    rows.push("OLD,2021-12-31,600,individual,", "NEW,2023-01-02,600,individual,");
    for (let i = 0; i < 259; i++) rows.push(`F${i.toString()},2022-0${(1 + (i % 2)).toString()}-10,600,individual,`);
    rows.push("M1,2022-03-01,60,individual,", "A1,2022-04-01,60,individual,");
    writeFileSync(join(dir, "cap.csv"), rows.join("\n"));
    const s = JSON.parse(ok(["statement", "familjeradgivning", "--month", "2022-03", "--sessions", join(dir, "cap.csv"), "--format", "json"]).stdout) as {
      total: string;
      notPayable: string;
      cap: { usedBefore: string; remaining: string };
    };
    expect(s.cap.usedBefore).toBe("2590");
    expect(s.total).toBe("0.00");
    expect(s.notPayable).toBe("605.00");
    const paid = JSON.parse(
      ok(["statement", "familjeradgivning", "--month", "2022-03", "--sessions", join(dir, "cap.csv"), "--policy", "overCap=pay-with-warning", "--format", "json"]).stdout,
    ) as { total: string; policies: { overCap: string } };
    expect(paid.total).toBe("605.00");
    expect(paid.policies.overCap).toBe("pay-with-warning");
  });

  it("written call-offs from JSON raise the cap", () => {
    const dir = tempDir();
    const rows = ["id,date,minutes,kind,participants"];
    for (let i = 0; i < 259; i++) rows.push(`F${i.toString()},2022-01-10,600,individual,`);
    rows.push("M1,2022-03-01,60,individual,");
    writeFileSync(join(dir, "cap.csv"), rows.join("\n"));
    writeFileSync(join(dir, "avrop.json"), JSON.stringify([{ id: "A1", date: "2022-02-15", hours: "10", form: "written" }]));
    const s = JSON.parse(
      ok(["statement", "familjeradgivning", "--month", "2022-03", "--sessions", join(dir, "cap.csv"), "--call-offs", join(dir, "avrop.json"), "--format", "json"]).stdout,
    ) as { total: string; cap: { capHours: string } };
    expect(s.cap.capHours).toBe("2600");
    expect(s.total).toBe("605.00");
  });

  it("an index series from JSON supplies the years the package does not know", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "opi.json"), JSON.stringify({ name: "OPI", percent: { 2024: "4.1" } }));
    const s = JSON.parse(ok(["statement", "beroendemottagningen", "--month", "2024-01", "--index", join(dir, "opi.json"), "--format", "json"]).stdout) as {
      total: string;
      indexation: { amount: string; steps: { year: number; percent: string }[] };
    };
    expect(s.indexation.steps.at(-1)).toMatchObject({ year: 2024, percent: "4.1" });
    expect(s.total).toMatch(MONEY);
  });

  it("--explain shows how each line was made", () => {
    expect(ok([...args, "--explain"]).stdout).toContain("familjeradgivning:2022-03:session:FR-2203-04: group-rule:");
  });

  it("a CSV with BOM, semicolons, CRLF and quoted fields reads like a plain one", () => {
    const dir = tempDir();
    const plain = "id,date,minutes,kind,participants,case\nS1,2022-03-02,50,individual,,P1\nG1,2022-03-03,90,group,6,G\nS2,2022-03-04,61,individual,,P2\n";
    const excel =
      "\uFEFFid;date;minutes;kind;participants;case;note\r\n" +
      '"S1";2022-03-02;50;individual;;P1;"say ""hej""; ok"\r\n' +
      'G1;"2022-03-03";90;group;6;G;"two\r\nlines"\r\n' +
      "\r\n" +
      "S2;2022-03-04; 61 ;Individual;;P2;\r\n";
    writeFileSync(join(dir, "plain.csv"), plain);
    writeFileSync(join(dir, "excel.csv"), excel);
    const a = JSON.parse(ok(["statement", "familjeradgivning", "--month", "2022-03", "--sessions", join(dir, "plain.csv"), "--format", "json"]).stdout) as {
      total: string;
    };
    const b = JSON.parse(ok(["statement", "familjeradgivning", "--month", "2022-03", "--sessions", join(dir, "excel.csv"), "--format", "json"]).stdout) as {
      total: string;
    };
    expect(a.total).toBe("4991.25");
    expect(b).toEqual(a);
  });
});

describe("year", () => {
  it("the year report with the quarterly reconciliation", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "paid.json"), JSON.stringify({ "2023-01": "380101.66", "2023-02": "380101.66", "2023-03": "380101.66", "2023-04": "380000.00" }));
    const args = ["year", "vald-i-nara-relation", "--year", "2023", "--start", "2020-01-01", "--paid", join(dir, "paid.json")];
    const r = JSON.parse(ok([...args, "--format", "json"]).stdout) as {
      total: string;
      statements: { total: string }[];
      reconciliation: { clause: string; quarters: { quarter: number; due: string; paid: string; difference: string; unreported: string[] }[] };
    };
    expect(r.total).toBe("4561219.93");
    expect(r.statements).toHaveLength(12);
    expect(r.reconciliation.clause).toBe("SON 2019-755 §1.2");
    expect(r.reconciliation.quarters[0]).toMatchObject({ quarter: 1, due: "1140304.98", paid: "1140304.98", difference: "0.00", unreported: [] });
    expect(r.reconciliation.quarters[1]).toMatchObject({ quarter: 2, paid: "380000.00", unreported: ["2023-05", "2023-06"] });
    const table = ok(args).stdout;
    expect(table).toMatch(/total\s+4\u00a0561\u00a0219,93\u00a0kr/);
    expect(table).toContain("Quarterly reconciliation (SON 2019-755 §1.2)");
    const csv = ok([...args, "--format", "csv"]).stdout;
    expect(csv.startsWith("\uFEFFcontract;month;payable;")).toBe(true);
    expect(csv).toContain("vald-i-nara-relation;Q1;2023-01;2023-03;1140304,98;1140304,98;0,00;\r\n");
  });

  it("an hourly year shows the cap month by month", () => {
    const r = JSON.parse(ok(["year", "familjeradgivning", "--year", "2022", "--sessions", FAMILY_CSV, "--format", "json"]).stdout) as {
      total: string;
      capUsage: { month: string; usedHours: string; capHours: string }[];
    };
    expect(r.total).toBe("24805.00");
    expect(r.capUsage.find((u) => u.month === "2022-03")).toMatchObject({ usedHours: "41", capHours: "2590" });
  });
});

describe("deadlines", () => {
  it("table: kept on 31 March and flagged, or moved to the next workday", () => {
    const kept = ok(["deadlines", "familjeradgivning", "--year", "2024"]).stdout;
    expect(kept).toMatch(/2024-03-31\s+sön\s+NO\s+Verksamhetsberättelse 2023\s+2023\s+SON 2021-233 §4\.1/);
    const moved = ok(["deadlines", "familjeradgivning", "--year", "2024", "--roll", "next-workday"]).stdout;
    expect(moved).toMatch(/2024-04-02\s+tis\s+yes\s+Verksamhetsberättelse 2023/);
    expect(moved).toContain("moved from 2024-03-31");
  });

  it("json: the library's deadlines", () => {
    const list = JSON.parse(ok(["deadlines", "familjeradgivning", "--year", "2024", "--format", "json"]).stdout) as {
      due: string;
      kind: string;
      covers: number;
      workday: boolean;
    }[];
    expect(list.map((d) => [d.due, d.kind, d.covers, d.workday])).toEqual([
      ["2024-03-31", "activity-report", 2023, false],
      ["2024-03-31", "lex-sarah-summary", 2023, false],
    ]);
  });

  it("ics: RFC 5545 with CRLF line ends and all-day events", () => {
    const ics = ok(["deadlines", "familjeradgivning", "--year", "2024", "--format", "ics"]).stdout;
    expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(ics).toContain("DTSTART;VALUE=DATE:20240331\r\n");
    expect(ics).toContain("UID:familjeradgivning.activity-report.2023@verksamhetsuppdrag\r\n");
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
  });

  it("--all lists payments and reconciliations too; --start supplies the missing start", () => {
    const all = ok(["deadlines", "vald-i-nara-relation", "--year", "2024", "--start", "2020-01-01", "--all", "--format", "json"]).stdout;
    const kinds = new Set((JSON.parse(all) as { kind: string }[]).map((o) => o.kind));
    expect([...kinds].sort()).toEqual(["activity-report", "lex-sarah-summary", "payment", "reconciliation"]);
    const ics = ok(["deadlines", "vald-i-nara-relation", "--year", "2024", "--start", "2020-01-01", "--all", "--format", "ics"]).stdout;
    expect(ics.match(/BEGIN:VEVENT/g)!.length).toBeGreaterThan(12);
  });
});

describe("notice", () => {
  it("a written notice ends the commission on the same date, clamped", () => {
    const table = ok(["notice", "familjeradgivning", "--received", "2024-02-29"]).stdout;
    expect(table).toMatch(/last day in force\s+2025-02-28/);
    const p = JSON.parse(ok(["notice", "familjeradgivning", "--received", "2024-02-29", "--format", "json"]).stdout) as { end: string; clamped: boolean };
    expect(p).toMatchObject({ end: "2025-02-28", clamped: true });
    const agreed = JSON.parse(ok(["notice", "beroendemottagningen", "--received", "2024-06-15", "--months", "3", "--format", "json"]).stdout) as {
      end: string;
      monthsFrom: string;
    };
    expect(agreed).toMatchObject({ end: "2024-09-15", monthsFrom: "agreed" });
  });
});

describe("demo", () => {
  it("shows a month of each shipped commission and the coming deadlines", () => {
    const { stdout } = ok(["demo", "--today", "2025-01-15"]);
    for (const id of ["(beroendemottagningen)", "(familjeradgivning)", "(vald-i-nara-relation)", "(boendestod)"]) expect(stdout).toContain(id);
    expect(stdout).toMatch(/Payable to the provider\s+24\u00a0805,00\u00a0kr/);
    expect(stdout).toContain("The demo assumes 2020-01-01");
    expect(stdout).toMatch(/Reporting deadlines from 2025-01-15 up to 2026-01-15/);
    expect(stdout).toMatch(/2025-03-31\s+mån\s+yes\s+familjeradgivning\s+Verksamhetsberättelse 2024/);
  });

  it("runs on the clock by default", () => {
    expect(ok(["demo"]).stdout).toContain("Reporting deadlines from ");
  });
});
