import { describe, expect, it } from "vitest";
import { statement, yearReport, type Session } from "../../src/billing/index.js";
import type { HourVolumeCompensation } from "../../src/contracts/schema.js";
import { boendestodProcuredOptions, contracts } from "../../src/contracts/shipped/index.js";
import { monthsInForce } from "../../src/contracts/term.js";
import { Decimal } from "../../src/money/index.js";
import { errorOf, kr, variant } from "./helpers.js";

const bo = contracts.boendestod;
const comp = bo.compensation as HourVolumeCompensation;

describe("hour volume (Boendestöd 2018)", () => {
  it("1 700 h × 9/12 = 1 275 h and 800 tkr × 9/12 = 600 tkr reproduce the text's figures for 2018 (and 2019)", () => {
    for (const stated of comp.statedYears) {
      const months = monthsInForce(bo, stated.year);
      expect(months).toBe(stated.months);
      expect(new Decimal(comp.hoursPerYear).times(months).dividedBy(12).eq(stated.hours)).toBe(true);
      expect(new Decimal(comp.annualCost).times(months).dividedBy(12).eq(stated.cost)).toBe(true);
    }
    const pro = statement(bo, "2018-04", { policies: { partYearVolume: "pro-rata" } });
    const stated = statement(bo, "2018-04");
    expect(kr(pro.cap!.baseHours)).toBe("1275.00");
    expect(kr(stated.cap!.baseHours)).toBe("1275.00");
    expect(pro.cap!.basis).toBe("1700 × 9 / 12");
    expect(stated.warnings).toEqual([]);
  });

  it("pays minutes × 800 000 / (1 700 × 60), rounded once per line", () => {
    const sessions: Session[] = [
      { id: "B1", date: "2018-04-03", minutes: 50, kind: "individual" },
      { id: "B2", date: "2018-04-04", minutes: 60, kind: "individual" },
      { id: "B3", date: "2018-04-05", minutes: 45, kind: "individual" },
    ];
    const s = statement(bo, "2018-04", { sessions });
    // 50 × 800 000 / 102 000 = 392.156… → 392.16; 60 min: 470.588… → 470.59; 45 min: 352.941… → 352.94
    expect(s.lines.map((l) => kr(l.amount))).toEqual(["392.16", "470.59", "352.94"]);
    expect(kr(s.total)).toBe("1215.69");
    expect(kr(s.lines[0]!.unitPrice)).toBe("470.59");
    expect(s.lines[1]!.quantity.toString()).toBe("1");
    expect(s.lines[0]!.explanation.rule).toBe("hour-volume");
    expect(s.lines[0]!.explanation.figures.priceBasis).toContain("800000.00");
    expect(s.lines[0]!.clause).toBe("Boendestöd 2018, Förslag");
    expect(s.compensationKind).toBe("hour-volume");
    expect(s.feeLines).toEqual([]);
  });

  it("a full year's volume costs the annual cost: 1 700 h → 800 000.00 (2019)", () => {
    const sessions: Session[] = [];
    // 1 700 hours as 1 020 sessions of 100 minutes over the year
    for (let i = 0; i < 1020; i++) sessions.push({ id: `H${i.toString()}`, date: `2019-${String(1 + (i % 12)).padStart(2, "0")}-15`, minutes: 100, kind: "individual" });
    const r = yearReport(bo, 2019, { sessions });
    // Priced cumulatively from 1 January: 1 700 h × 800 000 / 1 700 = 800 000.00 exactly
    // (rounding each line on its own would give 1 020 × 784.31 = 799 996.20).
    expect(kr(r.total)).toBe("800000.00");
    // January: 85 sessions × 100 min = 8 500 min; 8 500 × 800 000 / 102 000 = 66 666.666… → 66 666.67
    expect(kr(r.statements[0]!.total)).toBe("66666.67");
    // February: round(17 000 min × …) − 66 666.67 = 133 333.33 − 66 666.67 = 66 666.66
    expect(kr(r.statements[1]!.total)).toBe("66666.66");
    expect(kr(r.notPayable)).toBe("0.00");
    expect(kr(r.capUsage!.at(-1)!.usedToDate)).toBe("1700.00");
    expect(kr(r.capUsage!.at(-1)!.remaining)).toBe("0.00");
  });

  it("hours beyond the year's volume are not payable; no call-off clause, so call-offs are NOT_IN_CONTRACT", () => {
    const sessions: Session[] = [];
    for (let i = 0; i < 765; i++) sessions.push({ id: `H${i.toString()}`, date: "2018-05-15", minutes: 100, kind: "individual" }); // 1 275 h
    sessions.push({ id: "Z", date: "2018-06-01", minutes: 60, kind: "individual" });
    const s = statement(bo, "2018-06", { sessions });
    expect(s.lines[0]).toMatchObject({ id: "boendestod:2018-06:session:Z:over-cap", payable: false, clause: "Boendestöd 2018, Förslag" });
    expect(kr(s.notPayable)).toBe("470.59");
    expect(s.lines[0]!.description).toContain("timvolymen");
    const e = errorOf(() => statement(bo, "2018-06", { sessions, callOffs: [{ id: "A", date: "2018-06-01", hours: 10, form: "written" }] }));
    expect(e.code).toBe("NOT_IN_CONTRACT");
  });

  it("outside the term (2018-04-01 to 2019-12-31) is OUTSIDE_TERM", () => {
    expect(errorOf(() => statement(bo, "2018-03")).code).toBe("OUTSIDE_TERM");
    expect(errorOf(() => statement(bo, "2020-01")).code).toBe("OUTSIDE_TERM");
  });

  it("uses the stated part-year figure where pro-rata differs (Capio's option: 1 450 h stated, 1 930 × 9/12 = 1 447.5)", () => {
    const capio = boendestodProcuredOptions.capio;
    const stated = statement(capio, "2018-04");
    expect(kr(stated.cap!.baseHours)).toBe("1450.00");
    expect(stated.warnings[0]).toContain("1447.5");
    expect(kr(statement(capio, "2018-04", { policies: { partYearVolume: "pro-rata" } }).cap!.baseHours)).toBe("1447.50");
  });

  it("the volume and the cost matter", () => {
    const s1 = { id: "B1", date: "2019-04-03", minutes: 60, kind: "individual" } as const;
    const cheaper = variant(bo, (c) => {
      c.compensation.annualCost = "680000";
    });
    expect(kr(statement(cheaper, "2019-04", { sessions: [s1] }).total)).toBe("400.00");
    const more = variant(bo, (c) => {
      c.compensation.hoursPerYear = "2000";
      c.compensation.statedYears = [];
    });
    expect(kr(statement(more, "2019-04", { sessions: [s1] }).total)).toBe("400.00");
    expect(kr(statement(more, "2019-04").cap!.baseHours)).toBe("2000.00");
  });

  it("the pro-rata volume counts the months of the year the term covers as monthsInForce does, part months included", () => {
    const terms: [string, string | null][] = [
      ["2024-02-29", "2025-03-01"],
      ["2018-04-01", "2019-12-31"],
      ["2018-04-30", "2018-05-01"],
      ["2018-12-31", null],
      ["2017-06-15", "2020-01-31"],
    ];
    for (const [start, end] of terms) {
      const c = variant(bo, (x) => {
        x.term = { ...x.term, start, end, extensions: null };
        (x.compensation as { statedYears: unknown[] }).statedYears = [];
      });
      for (let year = Number(start.slice(0, 4)); year <= Number((end ?? "2026").slice(0, 4)); year++) {
        const months = monthsInForce(c, year);
        const month = year === Number(start.slice(0, 4)) ? start.slice(0, 7) : `${year.toString()}-01`;
        const s = statement(c, month, { policies: { partYearVolume: "pro-rata" } });
        expect(s.cap!.basis, `${start}..${end ?? ""} ${year.toString()}`).toBe(`1700 × ${months.toString()} / 12`);
      }
    }
  });
});
