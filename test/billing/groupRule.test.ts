import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { billableHours, groupClientHours, groupRuleOf } from "../../src/billing/index.js";
import { contracts } from "../../src/contracts/shipped/index.js";
import { errorOf, variant } from "./helpers.js";

const rule = groupRuleOf(contracts.familjeradgivning);

describe("groupClientHours: four client hours per group hour (SON 2021-233 §1.2)", () => {
  it("reads every number from the contract's rule", () => {
    expect(rule).toMatchObject({ clientHoursPerGroupHour: 4, minParticipants: 5, minMinutes: 60, maxMinutes: 120, clause: "SON 2021-233 §1.2" });
  });

  it("a group of 6 for 90 minutes: 6 quarters = 1.5 h × 4 = 6 client hours", () => {
    const r = groupClientHours({ minutes: 90, participants: 6 });
    expect(r.clientHours.toFixed(2)).toBe("6.00");
    expect(r.groupHours.toFixed(2)).toBe("1.50");
    expect(r).toMatchObject({ ruleApplied: true, billable: true, factor: 4, warnings: [], clause: "SON 2021-233 §1.2" });
  });

  it.each([
    [60, 5, "4.00"],
    [120, 5, "8.00"],
    [61, 5, "5.00"],
    [119, 8, "8.00"],
  ])("%i minutes with %i participants → %s client hours", (minutes, participants, hours) => {
    expect(groupClientHours({ minutes, participants }).clientHours.toFixed(2)).toBe(hours);
  });

  it("counts whole completed group hours only with groupHours 'whole-hours' (genomförd grupptimme)", () => {
    expect(groupClientHours({ minutes: 90, participants: 6 }, { groupHours: "whole-hours" }).clientHours.toFixed(2)).toBe("4.00");
    expect(groupClientHours({ minutes: 119, participants: 6 }, { groupHours: "whole-hours" }).clientHours.toFixed(2)).toBe("4.00");
    expect(groupClientHours({ minutes: 120, participants: 6 }, { groupHours: "whole-hours" }).clientHours.toFixed(2)).toBe("8.00");
  });

  it.each([
    [90, 4, "participants"],
    [59, 6, "minutes"],
    [121, 6, "minutes"],
  ])("outside the rule (%i min, %i participants): actual time × 1 with a warning by default", (minutes, participants, why) => {
    const r = groupClientHours({ minutes, participants });
    expect(r.ruleApplied).toBe(false);
    expect(r.billable).toBe(true);
    expect(r.factor).toBe(1);
    expect(r.clientHours.toFixed(2)).toBe(billableHours(minutes).toFixed(2));
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toContain(why);
    expect(r.warnings[0]).toContain("SON 2021-233 §1.2");
  });

  it("'not-billable' gives no client hours; 'reject' throws GROUP_RULE_NOT_MET", () => {
    const r = groupClientHours({ minutes: 90, participants: 4 }, { outsideRule: "not-billable" });
    expect(r).toMatchObject({ ruleApplied: false, billable: false, factor: 0 });
    expect(r.clientHours.toFixed(2)).toBe("0.00");
    const e = errorOf(() => groupClientHours({ minutes: 90, participants: 4 }, { outsideRule: "reject" }));
    expect(e.code).toBe("GROUP_RULE_NOT_MET");
    expect(e.message).toContain("SON 2021-233 §1.2");
  });

  it("takes another commission's rule", () => {
    const other = variant(contracts.familjeradgivning, (c) => {
      c.compensation.groupRule.clientHoursPerGroupHour = 3;
      c.compensation.groupRule.minParticipants = 4;
    });
    expect(groupClientHours({ minutes: 90, participants: 4 }, { rule: groupRuleOf(other) }).clientHours.toFixed(2)).toBe("4.50");
    expect(errorOf(() => groupRuleOf(contracts.beroendemottagningen)).code).toBe("NOT_IN_CONTRACT");
  });

  it.each([
    [{ minutes: -1, participants: 5 }, {}, "session.minutes"],
    [{ minutes: 60, participants: 0 }, {}, "session.participants"],
    [{ minutes: 60.5, participants: 5 }, {}, "session.minutes"],
    [{ minutes: 60, participants: 5 }, { outsideRule: "maybe" }, "options.outsideRule"],
    [{ minutes: 60, participants: 5 }, { groupHours: "halves" }, "options.groupHours"],
    [{ minutes: 60, participants: 5 }, { rules: rule }, "options.rules"],
  ])("rejects bad input %j %j naming %s", (session, options, path) => {
    const e = errorOf(() => groupClientHours(session, options as Parameters<typeof groupClientHours>[1]));
    expect(e.code).toBe("INVALID_ARGUMENT");
    expect(e.issues[0]?.path).toBe(path);
  });

  test.prop([fc.integer({ min: 60, max: 120 }), fc.integer({ min: 5, max: 50 })])(
    "gives exactly 4 × the billable hours when the rule applies",
    (minutes, participants) => {
      const r = groupClientHours({ minutes, participants });
      expect(r.ruleApplied).toBe(true);
      expect(r.clientHours.eq(billableHours(minutes).times(4))).toBe(true);
    },
  );

  test.prop([fc.integer({ min: 0, max: 600 }), fc.integer({ min: 1, max: 50 })])("never gives less than the actual time when billable", (minutes, participants) => {
    const r = groupClientHours({ minutes, participants });
    expect(r.clientHours.gte(billableHours(minutes))).toBe(true);
  });
});
