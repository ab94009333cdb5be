/**
 * The runnable scenarios in examples/ run and print their figures. They
 * import the package by its own name, so they need dist/ (built by
 * `npm test`, or `npx tsup`).
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { root } from "./helpers.js";

function runExample(file: string): string {
  const [command, args] = file.endsWith(".sh") ? ["sh", [file]] : [process.execPath, ["--import", "tsx", file]];
  const r = spawnSync(command, args, { cwd: root, encoding: "utf8", timeout: 60_000 });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return r.stdout;
}

describe("examples", () => {
  it("a month of family counselling from a CSV", () => {
    const out = runExample("examples/family-counselling-csv.sh");
    expect(out).toMatch(/Payable to the provider\s+24\u00a0805,00\u00a0kr/);
    expect(out).toContain('"total": "24805.00"');
    expect(out).toContain("familjeradgivning;2022-03;familjeradgivning:2022-03:session:FR-2203-01;");
  });

  it("a year of twelfths under OPI", () => {
    const out = runExample("examples/twelfths-under-opi.ts");
    expect(out).toContain("Annual amount 2023: 1\u00a0947\u00a0351,80\u00a0kr");
    expect(out).toContain("2023-12     162\u00a0279,39\u00a0kr");
    expect(out).toContain("(= the annual amount: true)");
  });

  it("monthly settlements against a ledger", () => {
    const out = runExample("examples/settlement-monthly.ts");
    expect(out).toContain("Settlement 2022-03 (months 2022-03–2022-03): book 4\u00a0991,25\u00a0kr to the provider");
    expect(out).toContain("2022-03  session:S2   changed      −151,25\u00a0kr");
    expect(out).toContain("Settlement 2022-04 (months 2022-03–2022-04): book 907,50\u00a0kr");
    expect(out).toContain("book 0,00\u00a0kr to the provider, visit fees 0,00\u00a0kr owed to the purchaser\n  nothing to book");
    expect(out).toContain("Ledger: 9 entries");
  });

  it("a settlement as an SIE 4I voucher file", () => {
    const out = runExample("examples/bookkeeping-sie.ts");
    expect(out).toContain("#FORMAT PC8\n");
    expect(out).toContain('#TRANS 4610 {1 "2100" 20 "410"} 756.25 20220331 "familjeradgivning:2022-03:session:S2"\n');
    expect(out).toContain("Voucher B 1 of 2022-03-31: 6 rows, 1\u00a0761,25\u00a0kr debit = 1\u00a0761,25\u00a0kr credit");
    expect(out).toContain("1098 bytes in code page 437 (per-entry, line ends crlf)");
  });

  it("a notice and its last payment", () => {
    const out = runExample("examples/notice-last-payment.ts");
    expect(out).toContain("last day in force 2023-03-15");
    expect(out).toContain("2023-03: 78\u00a0522,25\u00a0kr  (15 of 31 days in force)");
  });

  it("a commission of one's own in JSON", () => {
    const out = runExample("examples/own-commission.ts");
    expect(out).toContain("Payable 6\u00a0825,00\u00a0kr");
    expect(out).toContain("compensation.rate: expected money");
  });

  it("the figures of an activity report and the expected results", () => {
    const out = runExample("examples/activity-report.ts");
    expect(out).toContain("verksamhetsberättelse 2022, due 2023-03-31 (SON 2021-233 §4.1)");
    expect(out).toMatch(/Erbjudna första samtal inom 14 dagar, andel % +42,86 {2}SON 2021-233 §2\.3/);
    expect(out).toMatch(/Ersättning för året, kr +24\u00a0805,00 {2}SON 2021-233 §1\.2/);
    expect(out).toContain("6 of 9 met");
  });

  it("the 2023 OPI back pay", () => {
    const out = runExample("examples/opi-2023-back-pay.ts");
    expect(out).toContain("back pay for January–April: 6\u00a0826,28\u00a0kr (owed-to-provider)");
  });
});
