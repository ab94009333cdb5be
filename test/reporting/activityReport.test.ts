import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  activityReport,
  activityReportToJSON,
  boendestodProcuredOptions,
  contracts,
  Decimal,
  expectedResults,
  insuranceCheck,
  liabilityCap,
  RulesError,
  statement,
  visitFee,
  yearReport,
  type Session,
} from "../../src/index.js";
import { errorOf, variant } from "../billing/helpers.js";

const FR = contracts.familjeradgivning;

/** A year of Familjerådgivning sessions: individual ones with cases, some groups. */
const sessionsOf2022: fc.Arbitrary<Session[]> = fc
  .array(
    fc.record({
      day: fc.integer({ min: 1, max: 365 }),
      minutes: fc.integer({ min: 0, max: 200 }),
      group: fc.boolean(),
      participants: fc.integer({ min: 1, max: 9 }),
      caseNo: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }),
    }),
    { maxLength: 40 },
  )
  .map((rows) =>
    rows.map((r, i): Session => {
      const date = new Date(Date.UTC(2022, 0, r.day)).toISOString().slice(0, 10);
      const base = { id: `S${i.toString()}`, date, minutes: r.minutes };
      if (r.group) return { ...base, kind: "group", participants: r.participants };
      return r.caseNo === undefined ? { ...base, kind: "individual" } : { ...base, kind: "individual", caseId: `P${r.caseNo.toString()}` };
    }),
  );

describe("activityReport", () => {
  it("uses the billing's own figures: billable hours are the sessions' line hours, what was due is the year report's total", () => {
    fc.assert(
      fc.property(sessionsOf2022, (sessions) => {
        const r = activityReport(FR, 2022, { sessions });
        const y = yearReport(FR, 2022, { sessions });
        let hours = new Decimal(0);
        for (const s of y.statements) for (const l of s.lines) hours = hours.plus(l.quantity);
        expect(r.billableHours?.equals(hours)).toBe(true);
        expect(r.payment.total.equals(y.total)).toBe(true);
        expect(r.visitFees?.amount.equals(y.feesOwedToPurchaser)).toBe(true);
        expect(r.sessions).toBe(sessions.length);
        expect(r.individualSessions + r.groupSessions.sessions).toBe(r.sessions);
      }),
      { numRuns: 60 },
    );
  });

  it("the averages give the totals back exactly: per case summed is the total, and total ÷ cases rounds to the average", () => {
    fc.assert(
      fc.property(sessionsOf2022, (sessions) => {
        const r = activityReport(FR, 2022, { sessions });
        const caseIds = [...new Set(sessions.filter((s) => s.kind === "individual" && s.caseId !== undefined).map((s) => s.caseId))];
        expect(r.cases).toBe(caseIds.length);
        if (caseIds.length === 0) {
          expect(r.hoursPerCase).toBeNull();
          return;
        }
        let hours = new Decimal(0);
        let count = 0;
        for (const id of caseIds) {
          const one = activityReport(FR, 2022, { sessions: sessions.filter((s) => s.kind === "individual" && s.caseId === id) });
          expect(one.cases).toBe(1);
          hours = hours.plus(one.hoursPerCase?.total ?? 0);
          count += one.sessionsPerCase?.total.toNumber() ?? 0;
        }
        expect(r.hoursPerCase?.total.equals(hours)).toBe(true);
        expect(r.sessionsPerCase?.total.toNumber()).toBe(count);
        const exact = hours.dividedBy(caseIds.length);
        expect(r.hoursPerCase?.average.minus(exact).abs().lessThanOrEqualTo("0.005")).toBe(true);
        expect(r.hoursPerCase?.average.decimalPlaces()).toBeLessThanOrEqual(2);
      }),
      { numRuns: 40 },
    );
  });

  it("does not depend on the order of the sessions", () => {
    fc.assert(
      fc.property(sessionsOf2022.chain((s) => fc.tuple(fc.constant(s), fc.shuffledSubarray(s, { minLength: s.length }))), ([sessions, shuffled]) => {
        expect(activityReportToJSON(activityReport(FR, 2022, { sessions: shuffled }))).toEqual(activityReportToJSON(activityReport(FR, 2022, { sessions })));
      }),
      { numRuns: 30 },
    );
  });

  it("holds the sessions per case against 4–5 exactly, and the 'cirka 7' hours only as a figure", () => {
    const four = Array.from({ length: 4 }, (_, i): Session => ({ id: `A${i.toString()}`, date: "2022-05-02", minutes: 105, kind: "individual", caseId: "A" }));
    const r = activityReport(FR, 2022, { sessions: four });
    expect(r.sessionsPerCase?.guidance?.within).toBe(true);
    expect(r.hoursPerCase?.total.toFixed(2)).toBe("7.00");
    expect(r.hoursPerCase?.guidance).toMatchObject({ within: null, clause: "SON 2021-233 §2.3" });
    expect(r.hoursPerCase?.guidance?.low.toFixed()).toBe("7");
    const performed = activityReport(FR, 2022, { sessions: four, caseHours: "performed" });
    expect(performed.options.caseHours).toBe("performed");
    expect(performed.hoursPerCase?.total.toFixed(2)).toBe("7.00");
  });

  it("counts a 17-year-old's sessions against Beroendemottagningen's 18 years, and asks 'performed' of a fixed amount", () => {
    const r = activityReport(contracts.beroendemottagningen, 2022, {
      sessions: [
        { id: "a", date: "2022-02-01", minutes: 60, kind: "individual", age: 17, caseId: "x" },
        { id: "b", date: "2022-02-08", minutes: 60, kind: "individual", age: 18, caseId: "x" },
      ],
    });
    expect(r.eligibility.underAge).toBe(1);
    expect(r.billableHours).toBeNull();
    expect(errorOf(() => activityReport(contracts.beroendemottagningen, 2022, { caseHours: "billable" })).code).toBe("INVALID_INPUT");
  });

  it("refuses what it cannot report on, naming the field", () => {
    expect(errorOf(() => activityReport(FR, 2021)).code).toBe("OUTSIDE_TERM");
    expect(errorOf(() => activityReport(FR, 2022, { asOf: "2022-02-30" })).issues[0]?.path).toBe("asOf");
    expect(errorOf(() => activityReport(FR, 2022, { roll: "sometimes" as never })).issues[0]?.path).toBe("roll");
    expect(errorOf(() => activityReport(contracts.beroendemottagningen, 2022, { groups: [{ id: "A", participants: 7 }, { id: "A", participants: 6 }] })).code).toBe("DUPLICATE_ID");
    const e = errorOf(() => activityReport(FR, 2022, { intakes: [{ id: "a", firstContact: "2022-12-01", firstMeeting: null }], asOf: "2022-06-30" }));
    expect(e.issues[0]).toMatchObject({ path: "intakes.0.firstContact" });
    expect(e.message).not.toContain("options.");
    expect(() => activityReport(FR, 2022, { paid: {} } as never)).toThrow(RulesError);
  });
});

describe("expectedResults", () => {
  const targets = contracts.valdINaraRelation.expectedResults.map((r) => Number(r.targetPercent));

  it("meets a target exactly when 100 × yes ≥ target × total; a 100 % target only when every answer is yes", () => {
    const answer = fc.integer({ min: 0, max: 60 }).chain((total) => fc.record({ yes: fc.integer({ min: 0, max: total }), total: fc.constant(total) }));
    fc.assert(
      fc.property(fc.array(answer, { minLength: 9, maxLength: 9 }), (answers) => {
        const e = expectedResults(contracts.valdINaraRelation, answers);
        e.results.forEach((r, i) => {
          const a = answers[i] ?? { yes: 0, total: 0 };
          if (a.total === 0) expect(r.met).toBeNull();
          else expect(r.met).toBe(a.yes * 100 >= (targets[i] ?? 0) * a.total);
          if (targets[i] === 100 && a.total > 0) expect(r.met).toBe(a.yes === a.total);
        });
        expect(e.met).toBe(e.results.filter((r) => r.met === true).length);
        expect(e.allMet).toBe(e.met === 9);
      }),
    );
  });

  it("names a bad count", () => {
    const ok = Array.from({ length: 9 }, () => ({ yes: 1, total: 1 }));
    expect(errorOf(() => expectedResults(contracts.valdINaraRelation, [...ok.slice(0, 8), { yes: 1.5, total: 2 }])).issues[0]?.path).toBe("answers.8.yes");
    expect(errorOf(() => expectedResults(contracts.valdINaraRelation, [{ yes: 0, total: -1 }, ...ok.slice(1)])).issues[0]?.path).toBe("answers.0.total");
    expect(errorOf(() => expectedResults(contracts.valdINaraRelation, "nine" as never)).code).toBe("INVALID_INPUT");
  });
});

describe("insuranceCheck and liabilityCap", () => {
  const ore = fc.integer({ min: 0, max: 5_000_000_000 }).map((o) => (o / 100).toFixed(2));

  it("each insured amount is held against its own minimum, to the öre", () => {
    fc.assert(
      fc.property(ore, ore, (personalInjury, propertyDamage) => {
        const r = insuranceCheck(contracts.valdINaraRelation, { personalInjury, propertyDamage });
        const short = [new Decimal(personalInjury).lessThan(20_000_000), new Decimal(propertyDamage).lessThan(20_000_000)];
        expect(r.ok).toBe(!short[0] && !short[1]);
        expect(r.shortfalls.map((s) => s.kind)).toEqual([...(short[0] ? ["personal-injury"] : []), ...(short[1] ? ["property-damage"] : [])]);
        for (const s of r.shortfalls) expect(s.covered.plus(s.missing).equals(s.required)).toBe(true);
      }),
    );
  });

  it("the provider answers for the claim up to 2 MSEK per incident, and the rest is beyond the cap", () => {
    fc.assert(
      fc.property(ore, (amount) => {
        const r = liabilityCap(contracts.valdINaraRelation, { kind: "pure-economic-loss", amount });
        expect(r.liable.equals(Decimal.min(amount, 2_000_000))).toBe(true);
        expect(r.liable.plus(r.beyondCap).toFixed(2)).toBe(new Decimal(amount).toFixed(2));
        expect(r.capped).toBe(new Decimal(amount).greaterThan(2_000_000));
      }),
    );
    expect(errorOf(() => liabilityCap(contracts.valdINaraRelation, { kind: "pure-economic-loss", amount: 0.1 + 0.2 })).code).toBe("INVALID_MONEY");
    expect(errorOf(() => insuranceCheck(contracts.valdINaraRelation, { personalInjury: "20000000" } as never)).issues[0]?.path).toBe("cover.propertyDamage");
  });
});

describe("the rule parameters the field walk found unread", () => {
  it("a call-off clause at another compensation refuses call-offs instead of billing them at the contract's rate", () => {
    const other = variant(FR, (c) => {
      c.callOffs.atContractCompensation = false;
    });
    const e = errorOf(() => statement(other, "2022-11", { callOffs: [{ id: "A1", date: "2022-11-15", hours: "100", form: "written" }] }));
    expect(e.code).toBe("NOT_IN_CONTRACT");
    expect(e.message).toContain("another compensation");
    expect(statement(FR, "2022-11", { callOffs: [{ id: "A1", date: "2022-11-15", hours: "100", form: "written" }] }).cap?.capHours.toFixed()).toBe("2690");
  });

  it("a visit fee the text does not revise stays as it is unless the caller says otherwise", () => {
    const index = { name: "uppräkningsmodell", percent: { 2023: "5" } };
    expect(visitFee(FR, 2023, { index }).amount.toFixed(2)).toBe("210.00");
    const fixed = variant(FR, (c) => {
      c.compensation.visitFee.revisedYearly = false;
    });
    expect(visitFee(fixed, 2023, { index }).amount.toFixed(2)).toBe("200.00");
    expect(visitFee(fixed, 2023, { index }).visitFeeRule).toBe("unchanged");
    expect(visitFee(fixed, 2023, { index, rule: "follow-rate" }).amount.toFixed(2)).toBe("210.00");
  });

  it("the activity report sets what was due beside the cost the text states for the year", () => {
    const capio = boendestodProcuredOptions.capio;
    const r = activityReport(capio, 2018);
    expect(r.payment.statedCost?.toFixed(2)).toBe("600000.00");
    expect(r.payment.total.minus(r.payment.statedCost ?? 0).equals(r.payment.statedDifference ?? 1)).toBe(true);
    expect(activityReport(FR, 2022).payment.statedCost).toBeNull();
  });
});
