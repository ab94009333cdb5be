import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { statement, yearReport, type Session, type StatementInput } from "../../src/billing/index.js";
import { contracts } from "../../src/contracts/shipped/index.js";
import { applyNotice } from "../../src/deadlines/notice.js";
import { Decimal } from "../../src/money/index.js";
import { errorOf, kr, variant } from "./helpers.js";

const fam = contracts.familjeradgivning;
/** Familjerådgivning with a cap of 10 hours, so that crossing it takes a few sessions. */
const small = variant(fam, (c) => {
  c.compensation.yearlyCap.hours = "10";
});

const example: Session[] = [
  { id: "S1", date: "2022-03-02", minutes: 50, kind: "individual" },
  { id: "S2", date: "2022-03-09", minutes: 61, kind: "individual" },
  { id: "G1", date: "2022-03-10", minutes: 90, kind: "group", participants: 6 },
];

function twoHours(id: string, date: string): Session {
  return { id, date, minutes: 120, kind: "individual" };
}

describe("hourly (Familjerådgivning, SON 2021-233 §1.2)", () => {
  it("the worked example: 605.00 + 756.25 + 3 630.00 = 4 991.25, and 3 visits × 200 owed to the purchaser", () => {
    const s = statement(fam, "2022-03", { sessions: example });
    expect(s.lines.map((l) => [l.id, kr(l.quantity), kr(l.unitPrice), kr(l.amount), l.payable])).toEqual([
      ["familjeradgivning:2022-03:session:S1", "1.00", "605.00", "605.00", true],
      ["familjeradgivning:2022-03:session:S2", "1.25", "605.00", "756.25", true],
      ["familjeradgivning:2022-03:session:G1", "6.00", "605.00", "3630.00", true],
    ]);
    expect(kr(s.total)).toBe("4991.25");
    expect(kr(s.notPayable)).toBe("0.00");
    expect(kr(s.feesOwedToPurchaser)).toBe("600.00");
    expect(s.feeLines).toHaveLength(1);
    expect(s.feeLines[0]).toMatchObject({ id: "familjeradgivning:2022-03:visit-fees", kind: "visit-fee", unit: "visit", payable: false, clause: "SON 2021-233 §2.3" });
    expect(s.compensationKind).toBe("hourly");
    expect(s.clause).toBe("SON 2021-233 §1.2");
    expect(s.warnings).toEqual([]);
  });

  it("explains each line as data", () => {
    const [s1, s2, g1] = statement(fam, "2022-03", { sessions: example }).lines;
    expect(s1!.explanation).toEqual({
      rule: "started-quarter-hour",
      inputs: { sessionId: "S1", date: "2022-03-02", minutes: 50, kind: "individual" },
      policy: { quarterRounding: "per-session" },
      figures: { quarters: "4", hours: "1", unitPrice: "605.00", amount: "605.00" },
    });
    expect(s2!.explanation.figures).toMatchObject({ quarters: "5", hours: "1.25", amount: "756.25" });
    expect(g1!.explanation).toMatchObject({
      rule: "group-rule",
      inputs: { participants: 6, minutes: 90 },
      policy: { groupHours: "quarter-rounded", groupOutsideRule: "actual-time" },
      figures: { groupQuarters: "6", groupHours: "1.5", factor: "4", clientHours: "6", quarters: "24", amount: "3630.00" },
    });
    expect(s1!.clause).toBe("SON 2021-233 §1.2");
  });

  it("sessions of earlier months only count towards the cap; later months and other years are ignored", () => {
    const sessions = [...example, twoHours("J1", "2022-01-10"), twoHours("A1", "2022-04-01"), twoHours("X1", "2021-03-01"), twoHours("Y1", "2023-03-01")];
    const s = statement(fam, "2022-03", { sessions });
    expect(s.lines.map((l) => l.sessionId)).toEqual(["S1", "S2", "G1"]);
    expect(kr(s.cap!.usedBefore)).toBe("2.00");
    expect(kr(s.cap!.usedInMonth)).toBe("8.25");
  });

  it("but sessions of other years are still validated", () => {
    const e = errorOf(() => statement(fam, "2022-03", { sessions: [...example, { id: "Y1", date: "2023-02-30", minutes: 60, kind: "individual" }] }));
    expect(e.code).toBe("INVALID_INPUT");
    expect(e.issues[0]?.path).toBe("sessions.3.date");
  });
});

describe("the term", () => {
  it("a session after the term's end is a line of its own, not payable, and does not use the cap", () => {
    const ended = applyNotice(fam, { receivedOn: "2021-06-15", form: "written" });
    expect(ended.term.end).toBe("2022-06-15");
    const s = statement(ended, "2022-06", { sessions: [twoHours("IN", "2022-06-10"), twoHours("OUT", "2022-06-20")] });
    expect(s.lines.map((l) => [l.id, l.payable, l.kind])).toEqual([
      ["familjeradgivning:2022-06:session:IN", true, "session"],
      ["familjeradgivning:2022-06:session:OUT:outside-term", false, "outside-term"],
    ]);
    expect(kr(s.total)).toBe("1210.00");
    expect(kr(s.notPayable)).toBe("1210.00");
    expect(kr(s.cap!.usedInMonth)).toBe("2.00");
    expect(kr(s.feesOwedToPurchaser)).toBe("200.00");
    expect(s.term).toMatchObject({ end: "2022-06-15", daysInForce: 15, daysInMonth: 30 });
    expect(errorOf(() => statement(ended, "2022-07")).code).toBe("OUTSIDE_TERM");
  });
});

describe("the yearly cap of 2 590 hours (SON 2021-233 §1.2)", () => {
  it("reads the cap from the contract", () => {
    expect(kr(statement(fam, "2022-03").cap!.capHours)).toBe("2590.00");
    expect(statement(fam, "2022-03").cap!.clause).toBe("SON 2021-233 §1.2");
  });

  it("hours beyond 2 590 go to notPayable on a line of their own", () => {
    // 1 295 sessions of 2 hours from 1 January fill the cap exactly; one more in December is over it.
    const sessions: Session[] = [];
    for (let i = 0; i < 1295; i++) sessions.push(twoHours(`F${i.toString().padStart(4, "0")}`, `2022-${String(1 + (i % 11)).padStart(2, "0")}-10`));
    sessions.push({ id: "D1", date: "2022-12-05", minutes: 50, kind: "individual" });
    const s = statement(fam, "2022-12", { sessions });
    expect(s.lines).toHaveLength(1);
    expect(s.lines[0]).toMatchObject({ id: "familjeradgivning:2022-12:session:D1:over-cap", kind: "over-cap", payable: false, clause: "SON 2021-233 §1.2" });
    expect(kr(s.total)).toBe("0.00");
    expect(kr(s.notPayable)).toBe("605.00");
    expect(s.cap).toMatchObject({ kind: "yearly-cap" });
    expect(kr(s.cap!.usedBefore)).toBe("2590.00");
    expect(kr(s.cap!.remaining)).toBe("0.00");
    expect(kr(s.cap!.overInMonth)).toBe("1.00");
    expect(s.lines[0]!.explanation.policy.overCap).toBe("not-payable");
  });

  it("splits the session that crosses the cap, and orders a day's sessions by id", () => {
    const sessions: Session[] = [
      twoHours("A", "2022-02-01"),
      twoHours("B", "2022-02-02"),
      twoHours("C", "2022-02-03"),
      twoHours("D", "2022-02-04"), // 8 h used
      { id: "Z", date: "2022-02-05", minutes: 90, kind: "individual" }, // same day, later id
      { id: "Y", date: "2022-02-05", minutes: 150, kind: "individual" }, // 2.5 h: 2 h within, 0.5 h over
    ];
    const s = statement(small, "2022-02", { sessions });
    expect(s.lines.map((l) => [l.id.split(":").slice(3).join(":"), kr(l.quantity), kr(l.amount), l.payable])).toEqual([
      ["A", "2.00", "1210.00", true],
      ["B", "2.00", "1210.00", true],
      ["C", "2.00", "1210.00", true],
      ["D", "2.00", "1210.00", true],
      ["Y", "2.00", "1210.00", true],
      ["Y:over-cap", "0.50", "302.50", false],
      ["Z:over-cap", "1.50", "907.50", false],
    ]);
    expect(kr(s.total)).toBe("6050.00");
    expect(kr(s.notPayable)).toBe("1210.00");
  });

  it("a written call-off raises the cap from its date; an oral one is refused", () => {
    const sessions = [twoHours("A", "2022-05-02"), twoHours("B", "2022-05-03"), twoHours("C", "2022-05-04"), twoHours("D", "2022-05-05"), twoHours("E", "2022-05-06")];
    sessions.push(twoHours("F", "2022-05-09"), twoHours("G", "2022-05-20"));
    const callOffs = [{ id: "AV1", date: "2022-05-10", hours: "4", form: "written" as const }];
    const s = statement(small, "2022-05", { sessions, callOffs });
    expect(s.lines.filter((l) => !l.payable).map((l) => l.sessionId)).toEqual(["F"]); // before the call-off
    expect(s.lines.filter((l) => l.payable).map((l) => l.sessionId)).toEqual(["A", "B", "C", "D", "E", "G"]);
    expect(kr(s.cap!.capHours)).toBe("14.00");
    expect(s.cap!.callOffs).toEqual([{ id: "AV1", date: "2022-05-10", hours: "4", clause: "SON 2021-233 §1.2" }]);
    const oral = errorOf(() => statement(small, "2022-05", { sessions, callOffs: [{ id: "AV1", date: "2022-05-10", hours: "4", form: "oral" }] }));
    expect(oral.code).toBe("CALL_OFF_NOT_WRITTEN");
    expect(oral.issues[0]?.path).toBe("callOffs.0.form");
  });

  it("pays beyond the cap with a warning under overCap 'pay-with-warning'", () => {
    const sessions = [twoHours("A", "2022-05-02"), twoHours("B", "2022-05-03"), twoHours("C", "2022-05-04"), twoHours("D", "2022-05-05"), twoHours("E", "2022-05-06"), twoHours("F", "2022-05-09")];
    const s = statement(small, "2022-05", { sessions, policies: { overCap: "pay-with-warning" } });
    expect(kr(s.total)).toBe("7260.00");
    expect(kr(s.notPayable)).toBe("0.00");
    const over = s.lines.find((l) => l.kind === "over-cap")!;
    expect(over.payable).toBe(true);
    expect(over.warnings[0]).toContain("without a written call-off");
    expect(s.warnings).toContain(over.warnings[0]);
    expect(s.policies.overCap).toBe("pay-with-warning");
  });
});

describe("group sessions outside the rule, in a statement", () => {
  const four: Session = { id: "G4", date: "2022-03-10", minutes: 90, kind: "group", participants: 4 };
  it("'actual-time' (default): 1.5 h × 605 = 907.50 with a warning", () => {
    const s = statement(fam, "2022-03", { sessions: [four] });
    expect(kr(s.total)).toBe("907.50");
    expect(s.lines[0]!.explanation.rule).toBe("group-rule-not-met:actual-time");
    expect(s.warnings[0]).toContain("group rule not met");
  });
  it("'not-billable': reported, not payable", () => {
    const s = statement(fam, "2022-03", { sessions: [four], policies: { groupOutsideRule: "not-billable" } });
    expect(kr(s.total)).toBe("0.00");
    expect(kr(s.notPayable)).toBe("907.50");
    expect(s.lines[0]).toMatchObject({ id: "familjeradgivning:2022-03:session:G4:not-billable", kind: "group-rule-not-met", payable: false });
  });
  it("'reject': GROUP_RULE_NOT_MET naming the session", () => {
    const e = errorOf(() => statement(fam, "2022-03", { sessions: [four], policies: { groupOutsideRule: "reject" } }));
    expect(e.code).toBe("GROUP_RULE_NOT_MET");
    expect(e.issues[0]?.path).toBe("sessions.0");
  });
  it("'whole-hours': a 90-minute group is one group hour, 4 client hours", () => {
    const s = statement(fam, "2022-03", { sessions: [{ ...four, participants: 6 }], policies: { groupHours: "whole-hours" } });
    expect(kr(s.total)).toBe("2420.00");
  });
});

describe("quarterRounding 'per-month-per-case'", () => {
  it("sums a case's minutes in the month and rounds once", () => {
    const sessions: Session[] = [
      { id: "K1", date: "2022-03-01", minutes: 10, kind: "individual", caseId: "C1" },
      { id: "K2", date: "2022-03-08", minutes: 10, kind: "individual", caseId: "C1" },
      { id: "K3", date: "2022-03-15", minutes: 10, kind: "individual", caseId: "C1" },
      { id: "K4", date: "2022-03-15", minutes: 10, kind: "individual", caseId: "C2" },
    ];
    const perSession = statement(fam, "2022-03", { sessions });
    expect(kr(perSession.total)).toBe("605.00"); // 4 × 1 quarter
    const perCase = statement(fam, "2022-03", { sessions, policies: { quarterRounding: "per-month-per-case" } });
    // C1: 30 min → 2 quarters; C2: 10 min → 1 quarter; 3 × 151.25
    expect(kr(perCase.total)).toBe("453.75");
    expect(perCase.lines.map((l) => kr(l.quantity))).toEqual(["0.25", "0.25", "0.00", "0.25"]);
    expect(perCase.lines[2]!.explanation.figures).toMatchObject({ caseMinutesInMonth: "30", caseQuartersInMonth: "2", quartersBefore: "2", quartersAfter: "2" });
  });
  it("needs a caseId on individual sessions", () => {
    const e = errorOf(() => statement(fam, "2022-03", { sessions: example, policies: { quarterRounding: "per-month-per-case" } }));
    expect(e.code).toBe("INVALID_INPUT");
    expect(e.issues[0]?.path).toBe("sessions.0.caseId");
  });
});

describe("visit fees (SON 2021-233 §2.3)", () => {
  it("per participant on request", () => {
    const s = statement(fam, "2022-03", { sessions: example, policies: { visitFee: "per-participant" } });
    expect(kr(s.feesOwedToPurchaser)).toBe("1600.00"); // 1 + 1 + 6 participants
  });
  it("the fee rule is an input for later years", () => {
    const index = { name: "uppräkningsmodell", percent: { 2023: "2.5" } };
    const s = statement(fam, "2023-03", { sessions: [{ ...example[0]!, date: "2023-03-02" }], index, visitFeeRule: { amounts: { 2023: "210" }, source: "SON 2022-xx" } });
    expect(kr(s.total)).toBe("620.13"); // 605 × 1.025 = 620.125 → 620.13
    expect(kr(s.feesOwedToPurchaser)).toBe("210.00");
    expect(s.visitFeeIndexation?.clause).toContain("SON 2022-xx");
  });
  it("a year without its uplift figure is MISSING_INDEX naming the input field", () => {
    const e = errorOf(() => statement(fam, "2023-03"));
    expect(e.code).toBe("MISSING_INDEX");
    expect(e.message).toContain("2023");
    expect(e.issues[0]?.path).toBe("index.2023");
  });
});

describe("residency (SON 2021-233 §2.3)", () => {
  it("warns about a non-resident without a recorded exception", () => {
    const s = statement(fam, "2022-03", {
      sessions: [
        { id: "R1", date: "2022-03-02", minutes: 60, kind: "individual", resident: false },
        { id: "R2", date: "2022-03-02", minutes: 60, kind: "individual", resident: false, residencyException: "SOF beslut 2022-02-20" },
        { id: "R3", date: "2022-03-02", minutes: 60, kind: "individual", resident: true },
      ],
    });
    expect(s.warnings).toHaveLength(1);
    expect(s.warnings[0]).toContain("R1");
    expect(s.warnings[0]).toContain("Linköping");
    expect(s.lines[0]!.warnings).toEqual(s.warnings);
    expect(kr(s.total)).toBe("1815.00");
  });
});

describe("validation", () => {
  const good = example[0]!;
  it.each([
    [{ ...good, minutes: -1 }, "sessions.0.minutes"],
    [{ ...good, minutes: 1.5 }, "sessions.0.minutes"],
    [{ ...good, minutes: "50" }, "sessions.0.minutes"],
    [{ ...good, minutes: Number.NaN }, "sessions.0.minutes"],
    [{ ...good, date: "2022-3-2" }, "sessions.0.date"],
    [{ ...good, id: "" }, "sessions.0.id"],
    [{ ...good, kind: "couple" }, "sessions.0.kind"],
    [{ ...good, kind: "group" }, "sessions.0.participants"],
    [{ ...good, participants: 0 }, "sessions.0.participants"],
    [{ ...good, age: -3 }, "sessions.0.age"],
    [{ ...good, resident: "yes" }, "sessions.0.resident"],
    [{ ...good, residencyException: "" }, "sessions.0.residencyException"],
    [null, "sessions.0"],
  ])("rejects %j naming %s, its value and the expectation", (session, path) => {
    const e = errorOf(() => statement(fam, "2022-03", { sessions: [session as Session] }));
    expect(e.code).toBe("INVALID_INPUT");
    expect(e.issues[0]?.path).toBe(path);
    expect(e.message).toContain(path);
    expect(e.message).toContain("expected");
  });

  it("names the index of the bad session", () => {
    const e = errorOf(() => statement(fam, "2022-03", { sessions: [...example, { ...good, id: "S9", minutes: -5 }] }));
    expect(e.issues[0]).toEqual({ path: "sessions.3.minutes", expected: expect.stringContaining("integer") as string, received: "-5" });
  });

  it("a repeated id is DUPLICATE_ID, never billed twice", () => {
    const e = errorOf(() => statement(fam, "2022-03", { sessions: [...example, { ...good, date: "2022-03-20" }] }));
    expect(e.code).toBe("DUPLICATE_ID");
    expect(e.issues[0]?.path).toBe("sessions.3.id");
    const c = errorOf(() =>
      statement(fam, "2022-03", {
        callOffs: [
          { id: "A", date: "2022-03-01", hours: 1, form: "written" },
          { id: "A", date: "2022-03-02", hours: 1, form: "written" },
        ],
      }),
    );
    expect(c.code).toBe("DUPLICATE_ID");
  });

  it("an array is no session and no call-off (was read as an object without fields)", () => {
    const e = errorOf(() => statement(fam, "2022-03", { sessions: [[good]] as unknown as Session[] }));
    expect(e.issues).toEqual([{ path: "sessions.0", expected: "a session { id, date, minutes, kind, participants? }", received: "an array of 1" }]);
    const c = errorOf(() => statement(fam, "2022-03", { callOffs: [[]] as unknown as [] }));
    expect(c.issues[0]).toEqual({ path: "callOffs.0", expected: "a call-off { id, date, hours, form }", received: "an array of 0" });
  });

  it("a repeated id names the session that used it first (of any year), in the message and the issue", () => {
    const e = errorOf(() => statement(fam, "2022-03", { sessions: [{ ...good, id: "K-0" }, { ...good, id: "K-1", date: "2023-03-04" }, { ...good, id: "K-1" }] }));
    expect(e.message).toBe('sessions.2.id: the id "K-1" is used by an earlier session (sessions.1.id); a session is never billed twice');
    expect(e.issues).toEqual([{ path: "sessions.2.id", expected: "an id not used by another session (first used by sessions.1.id)", received: '"K-1"' }]);
    const c = errorOf(() =>
      statement(fam, "2022-03", {
        callOffs: [
          { id: "A", date: "2022-03-01", hours: 1, form: "written" },
          { id: "B", date: "2022-03-01", hours: 1, form: "written" },
          { id: " A", date: "2022-03-02", hours: 1, form: "written" },
        ],
      }),
    );
    expect(c.message).toBe('callOffs.2.id: the id "A" is used by an earlier call-off (callOffs.0.id)');
    expect(c.issues[0]?.expected).toBe("an id not used by another call-off (first used by callOffs.0.id)");
  });

  it("reports the first problem in input order: a duplicate before a bad field, a bad field before a duplicate", () => {
    const a = { ...good, id: "A" };
    const bad = { ...good, id: "B", minutes: -1 };
    const first = errorOf(() => statement(fam, "2022-03", { sessions: [a, { ...a }, bad] }));
    expect([first.code, first.issues[0]?.path]).toEqual(["DUPLICATE_ID", "sessions.1.id"]);
    const second = errorOf(() => statement(fam, "2022-03", { sessions: [a, bad, { ...a }] }));
    expect([second.code, second.issues[0]?.path]).toEqual(["INVALID_INPUT", "sessions.1.minutes"]);
    // A session with a bad field and a repeated id: its field is checked first.
    const both = errorOf(() => statement(fam, "2022-03", { sessions: [a, { ...a, minutes: -1 }] }));
    expect([both.code, both.issues[0]?.path]).toEqual(["INVALID_INPUT", "sessions.1.minutes"]);
  });

  test.prop([fc.array(fc.stringMatching(/^[a-c]{1,3}$/), { maxLength: 60 })], { numRuns: 200 })(
    "a duplicate id is found at the first session whose id an earlier one has",
    (ids) => {
      const sessions = ids.map((id) => ({ ...good, id }));
      const seen = new Set<string>();
      const expected = ids.findIndex((id) => (seen.has(id) ? true : (seen.add(id), false)));
      if (expected === -1) {
        expect(statement(fam, "2022-03", { sessions }).lines).toHaveLength(ids.length);
      } else {
        const e = errorOf(() => statement(fam, "2022-03", { sessions }));
        expect([e.code, e.issues[0]?.path]).toEqual(["DUPLICATE_ID", `sessions.${expected.toString()}.id`]);
      }
    },
  );

  it.each([
    [{ policies: { overCap: "sometimes" } }, "policies.overCap"],
    [{ policies: { roundingOfQuarters: "per-session" } }, "policies.roundingOfQuarters"],
    [{ polices: {} }, "polices"],
    [{ sessions: "none" }, "sessions"],
    [{ callOffs: [{ id: "A", date: "2022-03-01", hours: "1,5", form: "written" }] }, "callOffs.0.hours"],
    [{ callOffs: [{ id: "A", date: "2022-03-01", hours: 0, form: "written" }] }, "callOffs.0.hours"],
    [{ callOffs: [{ id: "A", date: "2022-03-01", hours: 2, form: "email" }] }, "callOffs.0.form"],
    [{ start: "2022-01-01T00:00" }, "start"],
    [{ visitFeeRule: "yearly" }, "visitFeeRule"],
  ])("rejects input %j at %s", (input, path) => {
    const e = errorOf(() => statement(fam, "2022-03", input as StatementInput));
    expect(e.code).toBe("INVALID_INPUT");
    expect(e.issues[0]?.path).toBe(path);
  });

  it("rejects a bad month (INVALID_ARGUMENT) and a bad contract (INVALID_CONTRACT, naming the fields)", () => {
    expect(errorOf(() => statement(fam, "2022-3")).code).toBe("INVALID_ARGUMENT");
    const e = errorOf(() => statement({} as typeof fam, "2022-03"));
    expect(e.code).toBe("INVALID_CONTRACT");
    expect(e.issues.map((i) => i.path)).toContain("compensation");
    // A hand-built contract that is valid works like a parsed one.
    const literal = JSON.parse(JSON.stringify(fam)) as typeof fam;
    expect(statement(literal, "2022-03", { sessions: example }).total.toFixed(2)).toBe(statement(fam, "2022-03", { sessions: example }).total.toFixed(2));
  });

  it("never changes its input", () => {
    const input: StatementInput = { sessions: structuredClone(example), callOffs: [{ id: "A", date: "2022-03-01", hours: "4", form: "written" }], policies: { overCap: "not-payable" } };
    const before = JSON.stringify(input);
    statement(fam, "2022-03", input);
    yearReport(fam, 2022, input);
    expect(JSON.stringify(input)).toBe(before);
    const frozen = Object.freeze({ sessions: Object.freeze(example.map((s) => Object.freeze({ ...s }))) });
    expect(kr(statement(fam, "2022-03", frozen).total)).toBe("4991.25");
  });
});

// ---------------------------------------------------------------------------
// Laws

const sessionArb = (month: number | null) =>
  fc.record({
    day: fc.integer({ min: 1, max: 28 }),
    month: month === null ? fc.integer({ min: 1, max: 6 }) : fc.constant(month),
    minutes: fc.integer({ min: 0, max: 200 }),
    group: fc.boolean(),
    participants: fc.integer({ min: 1, max: 9 }),
  });

function toSessions(raw: { day: number; month: number; minutes: number; group: boolean; participants: number }[], prefix = "S"): Session[] {
  return raw.map((r, i) => ({
    id: `${prefix}${i.toString()}`,
    date: `2022-${r.month.toString().padStart(2, "0")}-${r.day.toString().padStart(2, "0")}`,
    minutes: r.minutes,
    kind: r.group ? "group" : "individual",
    ...(r.group ? { participants: r.participants } : {}),
  }));
}

const sum = (values: Decimal[]): Decimal => values.reduce((a, b) => a.plus(b), new Decimal(0));

describe("laws of the hourly statement", () => {
  const many = fc.array(sessionArb(null), { maxLength: 40 });
  const callOffArb = fc.array(fc.record({ month: fc.integer({ min: 1, max: 6 }), day: fc.integer({ min: 1, max: 28 }), hours: fc.integer({ min: 1, max: 6 }) }), { maxLength: 3 });

  test.prop([many, callOffArb])("the total is the sum of the payable lines; notPayable of the others", (raw, offs) => {
    const callOffs = offs.map((o, i) => ({ id: `A${i.toString()}`, date: `2022-0${o.month.toString()}-${o.day.toString().padStart(2, "0")}`, hours: o.hours, form: "written" as const }));
    for (const month of ["2022-03", "2022-06"]) {
      const s = statement(small, month, { sessions: toSessions(raw), callOffs });
      expect(sum(s.lines.filter((l) => l.payable).map((l) => l.amount)).eq(s.total)).toBe(true);
      expect(sum(s.lines.filter((l) => !l.payable).map((l) => l.amount)).eq(s.notPayable)).toBe(true);
      expect(sum(s.feeLines.map((l) => l.amount)).eq(s.feesOwedToPurchaser)).toBe(true);
    }
  });

  test.prop([many, callOffArb])("payable hours in a year never exceed the cap plus the written call-offs", (raw, offs) => {
    const callOffs = offs.map((o, i) => ({ id: `A${i.toString()}`, date: `2022-0${o.month.toString()}-${o.day.toString().padStart(2, "0")}`, hours: o.hours, form: "written" as const }));
    const r = yearReport(small, 2022, { sessions: toSessions(raw), callOffs });
    const payable = sum(r.statements.flatMap((s) => s.lines.filter((l) => l.payable).map((l) => l.quantity)));
    const limit = new Decimal(10).plus(offs.reduce((a, o) => a + o.hours, 0));
    expect(payable.lte(limit)).toBe(true);
    const used = r.capUsage!.at(-1)!.usedToDate;
    expect(used.eq(payable)).toBe(true);
  });

  test.prop([many, fc.integer({ min: 0, max: 1_000_000 })])("shuffling the sessions changes nothing", (raw, seed) => {
    const sessions = toSessions(raw);
    const shuffled = [...sessions];
    let x = seed;
    for (let i = shuffled.length - 1; i > 0; i--) {
      x = (x * 1103515245 + 12345) % 2147483648;
      const j = x % (i + 1);
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    const a = statement(small, "2022-04", { sessions });
    const b = statement(small, "2022-04", { sessions: shuffled });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  test.prop([many, sessionArb(4)])("adding a session of the month never lowers the month's total", (raw, extra) => {
    const sessions = toSessions(raw);
    const before = statement(small, "2022-04", { sessions });
    const after = statement(small, "2022-04", { sessions: [...sessions, ...toSessions([extra], "X")] });
    expect(after.total.gte(before.total)).toBe(true);
  });
});
