/**
 * Golden figures: every number, amount, date and period the shipped
 * commissions state, written out by hand from the texts in
 * shared/contracts/. Not a snapshot: a change to any shipped figure, and any
 * figure added or removed, fails here until this table is changed on purpose.
 */
import { describe, expect, it } from "vitest";
import { boendestodProcuredOptions, contracts, type Contract } from "../../src/contracts/index.js";

const FIGURE = /^(\d{1,12}(\.\d{1,2})?|\d{4}-\d{2}-\d{2}|\d{2}:\d{2}|unknown)$/;
const TEXT_KEYS = new Set(["clause", "quote", "note", "notes", "description", "title", "document", "reference", "source"]);

/** Every leaf that is a number, or a string holding money, hours, a percentage, a date or a time. */
function figures(value: unknown, path = "", out: Record<string, unknown> = {}): Record<string, unknown> {
  if (Array.isArray(value)) {
    value.forEach((item, i) => figures(item, path === "" ? String(i) : `${path}.${i.toString()}`, out));
  } else if (typeof value === "object" && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      if (!TEXT_KEYS.has(key)) figures(child, path === "" ? key : `${path}.${key}`, out);
    }
  } else if (typeof value === "number" || (typeof value === "string" && FIGURE.test(value))) {
    out[path] = value;
  }
  return out;
}

const golden: Record<string, [Contract, Record<string, unknown>]> = {
  beroendemottagningen: [
    contracts.beroendemottagningen,
    {
      "amends.staffingFte": "12.5", // §1 "12,5 årsarbetare"
      "term.start": "2021-04-01", // §2 "Från 1 april 2021"
      "notice.months": 12, // §2
      "compensation.amount": "1827000", // §3 "1 827 000 kronor"
      "compensation.priceYear": 2021, // §3 "i 2021 års pris"
      "indexation.fixedUntil": "2021-12-31", // §3 "fast till 31 december 2021"
      "indexation.firstAdjustedYear": 2022, // §3 "Från 1 januari 2022"
      "reporting.0.dueMonth": 3, // §5.5 "senast 31 mars"
      "reporting.0.dueDay": 31,
      "eligibility.minimumAge.years": 18, // §5 "från 18 år"
      "staffing.fte": "2.5", // §1 "2,5 årsarbetare"
      "groups.count": 2, // §3 "två grupper"
      "groups.minParticipants": 6, // §3 "6-8 deltagare"
      "groups.maxParticipants": 8,
    },
  ],
  familjeradgivning: [
    contracts.familjeradgivning,
    {
      date: "2021-11-23",
      "term.start": "2022-01-01", // §1.1
      "notice.months": 12, // §1.1
      "compensation.rate": "605", // §1.2
      "compensation.priceYear": 2022, // §1.2
      "compensation.billableTime.minutesPerHour": 60, // §1.2
      "compensation.groupRule.clientHoursPerGroupHour": 4, // §1.2 "fyra klienttimmar"
      "compensation.groupRule.minParticipants": 5, // §1.2 "minst 5 deltagare"
      "compensation.groupRule.minMinutes": 60, // §1.2 "1-2 timmars"
      "compensation.groupRule.maxMinutes": 120,
      "compensation.yearlyCap.hours": "2590", // §1.2 "2 590 timmar per år"
      "compensation.visitFee.amount": "200", // §2.3 "200 kr per besök"
      "compensation.visitFee.priceYear": 2022,
      "compensation.visitFee.visitMinutes.min": 60, // §2.3 "mellan 1-2 timmar"
      "compensation.visitFee.visitMinutes.max": 120,
      "compensation.expectedVolume.cases": 300, // §1.2 "cirka 300 par/ärenden"
      "indexation.firstAdjustedYear": 2023, // interpretation, see indexation.note
      "reporting.0.dueMonth": 3, // §4.1
      "reporting.0.dueDay": 31,
      "reporting.1.dueMonth": 3, // §4.2
      "reporting.1.dueDay": 31,
      "serviceLevels.firstMeetingWithinDays.days": 14, // §2.3 "inom två veckor"
      "serviceLevels.reportWaitsOverDays.days": 14, // §2.3 "över 14 dagar"
      "serviceLevels.openingHours.from": "08:00", // §2.3
      "serviceLevels.openingHours.to": "17:00",
      "serviceLevels.perCase.hours": "7", // §2.3 "cirka 7 timmar"
      "serviceLevels.perCase.sessionsMin": 4, // §2.3 "4-5 samtal per par"
      "serviceLevels.perCase.sessionsMax": 5,
    },
  ],
  valdINaraRelation: [
    contracts.valdINaraRelation,
    {
      date: "2019-11-26",
      "term.start": "unknown", // §1.1 gives none
      "notice.months": 12, // §1.1
      "compensation.amount": "4093284", // §1.2
      "compensation.priceYear": 2019, // §1.2
      "indexation.firstAdjustedYear": 2020, // §1.2 "Från 2020-01-01"
      "reporting.0.dueMonth": 3, // §3.0 Uppföljning
      "reporting.0.dueDay": 31,
      "reporting.1.dueMonth": 3, // §3.0 Lex Sarah
      "reporting.1.dueDay": 31,
      "earlyTermination.cureDays": 30, // §5.3 "trettio (30) dagar"
      "earlyTermination.noticeMonths": 3, // §5.3 "tre (3) månader"
      "serviceLevels.openingHours.from": "08:00", // §2.2
      "serviceLevels.openingHours.to": "17:00",
      "insurance.personalInjury": "20000000", // §4.0 "20 mnkr för personskada"
      "insurance.propertyDamage": "20000000", // §4.0 "20 mnkr för sakskada"
      "insurance.pureEconomicLossCapPerIncident": "2000000", // §4.0 "2 mnkr per skadetillfälle"
      "expectedResults.0.targetPercent": "100",
      "expectedResults.1.targetPercent": "100",
      "expectedResults.2.targetPercent": "80",
      "expectedResults.3.targetPercent": "80",
      "expectedResults.4.targetPercent": "80",
      "expectedResults.5.targetPercent": "80",
      "expectedResults.6.targetPercent": "80",
      "expectedResults.7.targetPercent": "100",
      "expectedResults.8.targetPercent": "80",
    },
  ],
  boendestod: [
    contracts.boendestod,
    {
      "amends.volumeHoursPerYear": "42150", // Bakgrund "42 150 timmar per år"
      "amends.validUntil": "2019-12-31", // Bakgrund "gäller tom 2019-12-31"
      "term.start": "2018-04-01", // Förslag till beslut
      "term.end": "2019-12-31", // Förslag: 21 months, 9 of 2018 and 12 of 2019
      "term.extensions.count": 1, // Ärende "förlängning med ytterligare 2 år"
      "term.extensions.months": 24,
      "compensation.hoursPerYear": "1700",
      "compensation.annualCost": "800000", // "800 tkr"
      "compensation.statedYears.0.year": 2018,
      "compensation.statedYears.0.hours": "1275",
      "compensation.statedYears.0.cost": "600000", // "600 tkr"
      "compensation.statedYears.0.months": 9,
      "compensation.statedYears.1.year": 2019,
      "compensation.statedYears.1.hours": "1700",
      "compensation.statedYears.1.cost": "800000",
      "compensation.statedYears.1.months": 12,
    },
  ],
  "boendestod option Capio": [
    boendestodProcuredOptions.capio,
    {
      "amends.volumeHoursPerYear": "8000", // Bakgrund "8000 timmar per år"
      "term.start": "2018-01-01", // Bakgrund "Avtalen gäller 2018-01-01 till 2019-12-31"
      "term.end": "2019-12-31",
      "term.extensions.count": 1, // "förlängning om 2 år vid ett tillfälle"
      "term.extensions.months": 24,
      "compensation.hoursPerYear": "1930",
      "compensation.annualCost": "800000",
      "compensation.statedYears.0.year": 2018,
      "compensation.statedYears.0.hours": "1450", // as written (1 930 × 9/12 = 1 447.5)
      "compensation.statedYears.0.cost": "600000",
      "compensation.statedYears.0.months": 9,
      "compensation.statedYears.1.year": 2019,
      "compensation.statedYears.1.hours": "1930",
      "compensation.statedYears.1.cost": "800000",
      "compensation.statedYears.1.months": 12,
    },
  ],
};

const stadsmissionen = {
  ...golden["boendestod option Capio"]![1],
  "amends.volumeHoursPerYear": "11500", // Bakgrund "Stadsmissionen 11 500 timmar per år"
};
golden["boendestod option Stadsmissionen"] = [boendestodProcuredOptions.stadsmissionen, stadsmissionen];

describe("golden figures of the shipped commissions", () => {
  it.each(Object.entries(golden))("%s states exactly these figures", (_name, [contract, expected]) => {
    expect(figures(contract)).toEqual(expected);
  });

  it("the table covers every shipped contract", () => {
    const covered = new Set(Object.values(golden).map(([c]) => c.id));
    for (const c of [...Object.values(contracts), ...Object.values(boendestodProcuredOptions)]) {
      expect(covered.has(c.id), c.id).toBe(true);
    }
  });

  it("where the texts are silent, the data says so", () => {
    expect(contracts.boendestod.notice).toBeNull();
    expect(contracts.boendestod.reporting).toEqual([]);
    expect(contracts.boendestod.indexation).toBeNull();
    expect(contracts.valdINaraRelation.term.start).toBe("unknown");
    expect(contracts.valdINaraRelation.callOffs).toBeNull();
    expect(contracts.valdINaraRelation.indexation?.fixedUntil).toBeNull();
    expect(contracts.familjeradgivning.indexation?.fixedUntil).toBeNull();
    expect(contracts.beroendemottagningen.reference).toBeNull();
    expect(contracts.beroendemottagningen.earlyTermination).toBeNull();
    for (const c of Object.values(contracts)) expect(c.notes.length).toBeGreaterThan(0);
  });

  it("the kinds of compensation and the series named", () => {
    expect(Object.values(contracts).map((c) => [c.id, c.compensation.kind, c.indexation?.series ?? null])).toEqual([
      ["beroendemottagningen", "fixed-annual", "OPI"],
      ["familjeradgivning", "hourly", "uppräkningsmodell"],
      ["vald-i-nara-relation", "fixed-annual", "OPI"],
      ["boendestod", "hour-volume", null],
    ]);
  });
});
