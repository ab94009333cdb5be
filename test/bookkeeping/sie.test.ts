/**
 * The SIE 4I writer. The golden file `golden/familjeradgivning-2022-03-04.si`
 * was read by hand against SIE filformat 4B (2008-09-30), line by line:
 * `#FLAGGA 0` first (#FLAGGA 1); the identification records, then the chart,
 * then the vouchers (§5.12); `#FORMAT PC8` and every byte code page 437
 * (§5.8: "ö" is 0x94, "Å" 0x8F, "ä" 0x84); `#GEN` date YYYYMMDD and
 * signature (#GEN 3); `#SIETYP 4`; `#FNAMN` (mandatory in 4I, §6); `#KONTO`
 * numeric accounts with their names, `#DIM` before `#OBJEKT` (§8.7–8.8);
 * `#VER serie verno verdatum vertext regdatum sign` (#VER) with its `{` and
 * `}` alone on their lines (§5.4); `#TRANS kontonr {objektlista} belopp
 * transdat transtext` with the object list as dimension–object pairs
 * (§8.21–8.22), amounts with a point, two decimals and a leading minus
 * (§5.9); a quote inside the voucher text written `\"` (§5.7); CR LF line
 * ends (§5.5); each voucher summing to 0.00 (#TRANS 4): March 605.00 +
 * 756.25 + 400.00 = 1 761.25 debit against 1 761.25 credit, April −151.25 +
 * 453.75 + 200.00 + 605.00 + 200.00 on the debit accounts (907.50 to the
 * provider, 400.00 of visit fees) against the same on the credit accounts.
 * SIE-gruppen's validator cannot be reached from here; the test reader
 * (`sieReader.ts`) checks every file the tests write.
 */
import { readFileSync } from "node:fs";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { contracts, RulesError, settle, settlementToJSON, statement, statementToJSON, type Session, type Settlement } from "../../src/index.js";
import { CP437_HIGH, decodeCp437, parsePostingConfig, settlementsToSie, SIE_WRITER_VERSION, statementsToSie } from "../../src/bookkeeping/index.js";
import { errorOf } from "../billing/helpers.js";
import { garbage } from "../robustness/arbitraries.js";
import { examplePosting, postingWith } from "./helpers.js";
import { readSie, type SieRow } from "./sieReader.js";

const golden = readFileSync(new URL("./golden/familjeradgivning-2022-03-04.si", import.meta.url));
const posting = parsePostingConfig(examplePosting());
const GENERATED = { generated: { date: "2022-05-03" } };

const march: Session[] = [
  { id: "S1", date: "2022-03-02", minutes: 50, kind: "individual" },
  { id: "S2", date: "2022-03-09", minutes: 61, kind: "individual" },
];
const first = settle(contracts.familjeradgivning, "2022-03", { sessions: march });
const april = settle(contracts.familjeradgivning, "2022-04", {
  sessions: [march[0]!, { ...march[1]!, minutes: 46 }, { id: "S3", date: "2022-03-28", minutes: 45, kind: "individual" }, { id: "A1", date: "2022-04-05", minutes: 60, kind: "individual" }],
  paid: first.entries,
});

/** March's rows, [account, amount, transtext]: S1 605.00, S2 756.25 and two visit fees of 200 kr, each a debit and a credit. */
const MARCH_ROWS = [
  ["4610", "605.00", "familjeradgivning:2022-03:session:S1"],
  ["3610", "-605.00", "familjeradgivning:2022-03:session:S1"],
  ["4610", "756.25", "familjeradgivning:2022-03:session:S2"],
  ["3610", "-756.25", "familjeradgivning:2022-03:session:S2"],
  ["3611", "400.00", "familjeradgivning:2022-03:visit-fees"],
  ["3620", "-400.00", "familjeradgivning:2022-03:visit-fees"],
];

/** The öre of the rows on `account` with exactly `objects`. */
function oreOn(rows: readonly SieRow[], side: { account: string; objects?: Readonly<Record<string, string>> | undefined }): number {
  const objects = JSON.stringify(Object.entries(side.objects ?? {}).sort(([a], [b]) => Number(a) - Number(b)));
  return rows.filter((r) => r.account === side.account && JSON.stringify(r.objects) === objects).reduce((a, r) => a + r.ore, 0);
}

const ore = (d: { toFixed: (n: number) => string }): number => Math.round(Number(d.toFixed(2)) * 100);

describe("an SIE 4I file of settlements", () => {
  it("is byte for byte the golden file read by hand", () => {
    const p = postingWith((c) => {
      c.firstNumber = 41;
      c.voucherText = 'Avräkning {contract} {month} (från {from}), "bokföringsorder"';
    });
    const file = settlementsToSie([first, april], p, { generated: { date: "2022-05-03", signature: "Ekonom Åsa" } });
    expect(Buffer.from(file.bytes).equals(golden), file.text).toBe(true);
    expect(file.vouchers.map((v) => [v.series, v.number, v.date, v.entries, v.rows, v.turnover.toFixed(2)])).toEqual([
      ["B", 41, "2022-03-31", 3, 6, "1761.25"],
      ["B", 42, "2022-04-30", 5, 10, "1610.00"],
    ]);
    expect(file.conventions).toEqual({ transactions: "per-entry", voucherDate: "month-end", lineEnd: "crlf", program: { name: "verksamhetsuppdrag", version: SIE_WRITER_VERSION } });
    expect(file.skipped).toEqual([]);
  });

  it("reads back: every voucher balances, every account and object is declared, the texts are the line ids", () => {
    const read = readSie(golden);
    expect(read.flag).toBe("0");
    expect(read.sieType).toBe("4");
    expect(read.gen).toEqual(["20220503", "Ekonom Åsa"]);
    expect(read.company).toBe("Exempelköpings kommun");
    expect(read.vouchers.map((v) => v.text)).toEqual([
      'Avräkning familjeradgivning 2022-03 (från 2022-03), "bokföringsorder"',
      'Avräkning familjeradgivning 2022-04 (från 2022-03), "bokföringsorder"',
    ]);
    const [m, a] = read.vouchers as [(typeof read.vouchers)[number], (typeof read.vouchers)[number]];
    expect(m.rows.map((r) => [r.account, r.amount, r.text])).toEqual(MARCH_ROWS);
    expect(oreOn(a.rows, posting.payment.debit)).toBe(ore(april.total));
    expect(oreOn(a.rows, posting.payment.credit) + ore(april.total)).toBe(0);
    expect(oreOn(a.rows, posting.fees!.debit)).toBe(ore(april.feesOwedToPurchaser));
  });

  it("the same input gives the same bytes; the JSON of the settlements gives them too", () => {
    const a = settlementsToSie([first, april], posting, GENERATED);
    const b = settlementsToSie([first, april], posting, GENERATED);
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    const fromJson = settlementsToSie([settlementToJSON(first), settlementToJSON(april)] as unknown as Settlement[], examplePosting(), GENERATED);
    expect(Buffer.from(fromJson.bytes).equals(Buffer.from(a.bytes))).toBe(true);
    expect(decodeCp437(a.bytes)).toBe(a.text);
  });

  it("per month and account: the entries of a month summed per account, the totals unchanged", () => {
    const file = settlementsToSie([april], postingWith((p) => (p.transactions = "per-month-and-account")), { ...GENERATED, lineEnd: "lf" });
    const [v] = readSie(file.bytes).vouchers;
    expect(v!.rows.map((r) => [r.account, r.amount, r.text])).toEqual([
      ["4610", "302.50", "familjeradgivning 2022-03, 2 poster"],
      ["3610", "-302.50", "familjeradgivning 2022-03, 2 poster"],
      ["3611", "200.00", "familjeradgivning 2022-03, 1 post"],
      ["3620", "-200.00", "familjeradgivning 2022-03, 1 post"],
      ["4610", "605.00", "familjeradgivning 2022-04, 1 post"],
      ["3610", "-605.00", "familjeradgivning 2022-04, 1 post"],
      ["3611", "200.00", "familjeradgivning 2022-04, 1 post"],
      ["3620", "-200.00", "familjeradgivning 2022-04, 1 post"],
    ]);
    expect(file.text).not.toContain("\r");
    expect(file.conventions.transactions).toBe("per-month-and-account");
  });

  it("a settlement that books nothing has no voucher and is listed as skipped; numbering goes on", () => {
    const again = settle(contracts.familjeradgivning, "2022-03", { sessions: march, paid: first.entries });
    const file = settlementsToSie([again, first], posting, GENERATED);
    expect(file.skipped).toEqual([{ contractId: "familjeradgivning", month: "2022-03", reason: "no entries to book" }]);
    expect(file.vouchers.map((v) => v.number)).toEqual([1]);
    const empty = settlementsToSie([again], posting, GENERATED);
    expect(empty.text).not.toContain("#VER");
    expect(empty.text).not.toContain("#KONTO");
    expect(readSie(empty.bytes).vouchers).toEqual([]);
  });

  it("entries that cancel out on every account leave the summed voucher out", () => {
    const [e] = first.entries;
    const cancelling = { ...first, entries: [e!, { ...e!, entryId: "x", amount: e!.amount.negated() }] };
    const file = settlementsToSie([cancelling], postingWith((p) => (p.transactions = "per-month-and-account")), GENERATED);
    expect(file.vouchers).toEqual([]);
    expect(file.skipped[0]?.reason).toBe("its entries sum to zero on every account");
  });

  it("numbering left to the finance system, one voucher date for all, a program of the caller's", () => {
    const file = settlementsToSie([first, april], postingWith((p) => (p.firstNumber = null)), {
      generated: { date: "2022-05-03" },
      voucherDate: "2022-05-02",
      program: { name: "Ekonomiportalen", version: "2.1" },
    });
    expect(file.text).toContain('#PROGRAM "Ekonomiportalen" "2.1"\r\n');
    expect(file.text).toContain('#VER B "" 20220502 "Avräkning familjeradgivning 2022-03" 20220503\r\n');
    expect(file.vouchers.map((v) => v.number)).toEqual([null, null]);
    expect(readSie(file.bytes).vouchers.every((v) => v.rows.every((r) => r.date === "20220502"))).toBe(true);
    expect(file.conventions.voucherDate).toBe("2022-05-02");
  });

  it("refuses a line id code page 437 cannot hold, naming the entry", () => {
    const s = settle(contracts.familjeradgivning, "2022-03", { sessions: [{ id: "S–1", date: "2022-03-02", minutes: 50, kind: "individual" }] });
    const e = errorOf(() => settlementsToSie([s], posting, GENERATED));
    expect(e.code).toBe("NOT_ENCODABLE");
    expect(e.issues[0]?.path).toBe("settlements.0.entries.0.lineId");
    expect(e.message).toContain('"familjeradgivning:2022-03:session:S–1", with the character U+2013 at position 36, which is not in code page 437');
  });

  it("refuses bad input: a visit fee with no fees booking, a bad configuration, no #GEN date, options that are not", () => {
    const noFees = errorOf(() => settlementsToSie([first], postingWith((p) => delete p.fees), GENERATED));
    expect(noFees.code).toBe("INVALID_POSTING");
    expect(noFees.issues[0]?.path).toBe("fees");
    expect(noFees.message).toContain("settlements.0.entries.2 is a visit fee of 400.00");
    expect(errorOf(() => settlementsToSie([first], postingWith((p) => (p.series = "")), GENERATED)).code).toBe("INVALID_POSTING");
    expect(errorOf(() => settlementsToSie([first], posting, {} as never)).issues[0]?.path).toBe("options.generated");
    expect(errorOf(() => settlementsToSie([first], posting, { generated: { date: "2022-02-30" } })).issues[0]?.path).toBe("options.generated.date");
    expect(errorOf(() => settlementsToSie([first], posting, { ...GENERATED, voucherDate: "month-end" })).issues[0]?.path).toBe("options.voucherDate");
    expect(errorOf(() => settlementsToSie([first], posting, { ...GENERATED, lineEnd: "cr" as never })).issues[0]?.path).toBe("options.lineEnd");
    expect(errorOf(() => settlementsToSie([first], posting, { generated: { date: "2022-05-03", signature: "a\\b" } })).code).toBe("NOT_ENCODABLE");
    expect(errorOf(() => settlementsToSie(first as never, posting, GENERATED)).issues[0]?.path).toBe("settlements");
    const badAmount = { ...first, entries: [{ ...first.entries[0]!, amount: "605,00" }] };
    expect(errorOf(() => settlementsToSie([badAmount] as never, posting, GENERATED)).issues[0]?.path).toBe("settlements.0.entries.0.amount");
    const badKind = { ...first, entries: [{ ...first.entries[0]!, kind: "invoice" }] };
    expect(errorOf(() => settlementsToSie([badKind] as never, posting, GENERATED)).issues[0]?.path).toBe("settlements.0.entries.0.kind");
  });
});

describe("an SIE 4I file of statements", () => {
  it("books the payable lines on payment and the visit fees on fees", () => {
    const s = statement(contracts.familjeradgivning, "2022-03", { sessions: march });
    const file = statementsToSie([s], posting, GENERATED);
    const [v] = readSie(file.bytes).vouchers;
    expect(v!.rows.map((r) => [r.account, r.amount, r.text])).toEqual(MARCH_ROWS);
    // The same as the settlement of the month with nothing booked before, but for the voucher's source.
    expect(file.text).toBe(settlementsToSie([first], posting, GENERATED).text);
    expect(statementsToSie([statementToJSON(s)] as never, posting, GENERATED).text).toBe(file.text);
  });

  it("a fixed annual amount: the month's twelfth; a line not payable is not booked", () => {
    const s = statement(contracts.beroendemottagningen, "2021-04");
    const file = statementsToSie([s], posting, GENERATED);
    expect(file.vouchers[0]?.turnover.toFixed(2)).toBe("152250.00");
    const one = statement(contracts.familjeradgivning, "2022-03", { sessions: [{ id: "B1", date: "2022-03-01", minutes: 60, kind: "individual" }] });
    const notPayable = { ...one, lines: one.lines.map((l) => ({ ...l, payable: false })) };
    const [v] = readSie(statementsToSie([notPayable], posting, GENERATED).bytes).vouchers;
    expect(v!.rows.map((r) => [r.account, r.amount])).toEqual([
      ["3611", "200.00"],
      ["3620", "-200.00"],
    ]);
  });
});

/** A session of a month for the properties. */
const sessionOf = (month: string, prefix: string) => (s: { day: number; minutes: number }, i: number): Session => ({
  id: `${prefix}${i.toString()}`,
  date: `${month}-${s.day.toString().padStart(2, "0")}`,
  minutes: s.minutes,
  kind: "individual",
});
const sessionArb = fc.record({ day: fc.integer({ min: 1, max: 28 }), minutes: fc.integer({ min: 0, max: 200 }) });
const history = fc.record({
  march: fc.array(sessionArb, { maxLength: 10 }),
  changes: fc.array(fc.oneof(fc.constant<"keep" | "drop">("keep"), fc.constant<"keep" | "drop">("drop"), fc.integer({ min: 0, max: 200 })), { maxLength: 10 }),
  late: fc.array(sessionArb, { maxLength: 4 }),
  april: fc.array(sessionArb, { maxLength: 6 }),
  transactions: fc.constantFrom("per-entry" as const, "per-month-and-account" as const),
  lineEnd: fc.constantFrom("crlf" as const, "lf" as const),
});

describe("laws of the writer", () => {
  test.prop([history], { numRuns: 60 })(
    "every voucher balances; the payment debits sum to the settlement's total, the fee debits to its fees; the file reads back",
    ({ march: m, changes, late, april: a, transactions, lineEnd }) => {
      const marchSessions = m.map(sessionOf("2022-03", "M"));
      const s1 = settle(contracts.familjeradgivning, "2022-03", { sessions: marchSessions });
      const kept: Session[] = [];
      marchSessions.forEach((s, i) => {
        const c = changes[i] ?? "keep";
        if (c === "keep") kept.push(s);
        else if (c !== "drop") kept.push({ ...s, minutes: c });
      });
      const s2 = settle(contracts.familjeradgivning, "2022-04", { sessions: [...kept, ...late.map(sessionOf("2022-03", "L")), ...a.map(sessionOf("2022-04", "A"))], paid: s1.entries });
      const p = parsePostingConfig(postingWith((c) => (c.transactions = transactions)));
      const file = settlementsToSie([s1, s2], p, { ...GENERATED, lineEnd });
      const read = readSie(file.bytes);
      expect(decodeCp437(file.bytes)).toBe(file.text);
      const booked = [s1, s2].filter((s) => s.entries.length > 0);
      expect(read.vouchers.length + file.skipped.length).toBe(2);
      for (const [i, v] of read.vouchers.entries()) {
        const s = booked.find((b) => b.month === file.vouchers[i]?.month)!;
        expect(v.rows.reduce((x, r) => x + r.ore, 0)).toBe(0);
        expect(oreOn(v.rows, p.payment.debit)).toBe(ore(s.total));
        expect(oreOn(v.rows, p.payment.credit) + ore(s.total)).toBe(0);
        expect(oreOn(v.rows, p.fees!.debit)).toBe(ore(s.feesOwedToPurchaser));
        expect(v.rows.every((r) => /^-?\d+\.\d\d$/.test(r.amount) && r.ore !== 0)).toBe(true);
        if (transactions === "per-entry") expect(v.rows.map((r) => r.text)).toEqual(s.entries.flatMap((e) => [e.lineId, e.lineId]));
      }
    },
  );

  const idChar = fc.constantFrom(...[...Array.from({ length: 95 }, (_, k) => String.fromCharCode(32 + k)), ...Array.from(CP437_HIGH)].filter((ch) => ch !== "\\"));
  test.prop([fc.array(fc.array(idChar, { minLength: 1, maxLength: 12 }).map((a) => a.join("").trim()).filter((id) => id !== ""), { minLength: 1, maxLength: 5 })], { numRuns: 60 })(
    "any id of code page 437 is written and decoded back exactly (quotes escaped)",
    (ids) => {
      const unique = [...new Set(ids.map((id) => id.normalize("NFC")))];
      const s = settle(contracts.familjeradgivning, "2022-03", { sessions: unique.map((id, i) => ({ id, date: `2022-03-${(i + 1).toString().padStart(2, "0")}`, minutes: 30, kind: "individual" })) });
      const file = settlementsToSie([s], posting, GENERATED);
      const [v] = readSie(file.bytes).vouchers;
      expect(v!.rows.map((r) => r.text)).toEqual(s.entries.flatMap((e) => [e.lineId, e.lineId]));
    },
  );

  test.prop([fc.oneof(garbage, fc.constant([first])), fc.oneof(garbage, fc.constant(examplePosting())), fc.oneof(garbage, fc.constant(GENERATED))], { numRuns: 200 })(
    "hostile arguments give a RulesError or a file, never another error",
    (settlements, p, options) => {
      let file: ReturnType<typeof settlementsToSie> | undefined;
      try {
        file = settlementsToSie(settlements as Settlement[], p as never, options as never);
      } catch (e) {
        expect(RulesError.is(e), String(e)).toBe(true);
        return;
      }
      expect(readSie(file.bytes).vouchers.length).toBe(file.vouchers.length);
    },
  );
});

