import { describe, expect, it } from "vitest";
import * as sie from "../../src/bookkeeping/index.js";
import { parsePostingConfig } from "../../src/bookkeeping/index.js";
import { errorOf } from "../billing/helpers.js";
import { examplePosting, postingWith } from "./helpers.js";

/** The paths of the issues of the INVALID_POSTING error of `input`. */
function badPaths(input: unknown): string[] {
  const e = errorOf(() => parsePostingConfig(input));
  expect(e.code).toBe("INVALID_POSTING");
  return e.issues.map((i) => i.path);
}

describe("the posting configuration", () => {
  it("the example file is valid, and comes back frozen and new", () => {
    const input = examplePosting();
    const posting = parsePostingConfig(input);
    expect(posting).toEqual(input);
    expect(posting).not.toBe(input);
    expect(Object.isFrozen(posting.payment.debit.objects)).toBe(true);
  });

  it("the shape of the API's example, with the names SIE needs, is valid; fees and dimensions may be left out", () => {
    const posting = parsePostingConfig({
      company: "Exempelköpings kommun",
      series: "B",
      firstNumber: 1,
      accounts: { "4610": "Köp", "3610": "Intäkt", "3611": "Avgifter", "3620": "Avgiftsintäkt" },
      dimensions: { "1": { name: "Ansvar", objects: { "2100": "Nämnden", "5300": "Utföraren" } } },
      payment: { debit: { account: "4610", objects: { "1": "2100" } }, credit: { account: "3610", objects: { "1": "5300" } } },
      fees: { debit: { account: "3611" }, credit: { account: "3620" } },
    });
    expect(posting.fees?.credit.account).toBe("3620");
    expect(parsePostingConfig({ company: "K", series: "1", firstNumber: null, accounts: { "1": "a", "2": "b" }, payment: { debit: { account: "1" }, credit: { account: "2" } } }).firstNumber).toBeNull();
  });

  it("ships no account numbers: a configuration without its own is refused, and the module exports none", () => {
    expect(badPaths({})).toEqual(["company", "series", "firstNumber", "accounts", "payment"]);
    const values = Object.entries(sie as Record<string, unknown>).filter(([k, v]) => typeof v === "object" && v !== null && k !== "postingConfigSchema");
    expect(values.map(([k]) => k).sort()).toEqual(["VOUCHER_TEXT_PLACEHOLDERS"]);
  });

  it("names every bad field", () => {
    expect(badPaths(postingWith((p) => (p.payment.debit.account = "46 10")))).toEqual(["payment.debit.account"]);
    expect(badPaths(postingWith((p) => (p.payment.debit.account = "4699")))).toEqual(["payment.debit.account"]);
    expect(badPaths(postingWith((p) => (p.fees.credit.objects = { "6": "P1" })))).toEqual(["fees.credit.objects.6"]);
    expect(badPaths(postingWith((p) => (p.fees.credit.objects = { "1": "9999" })))).toEqual(["fees.credit.objects.1"]);
    expect(badPaths(postingWith((p) => (p.dimensions["3"] = { name: "Reserverad", objects: {} })))).toEqual(["dimensions.3"]);
    expect(badPaths(postingWith((p) => (p.dimensions["2"] = { name: "Kostnadsbärare", objects: {} })))).toEqual(["dimensions.2"]);
    expect(badPaths(postingWith((p) => (p.payment.credit = p.payment.debit)))).toEqual(["payment.credit"]);
    expect(badPaths(postingWith((p) => (p.firstNumber = 0)))).toEqual(["firstNumber"]);
    expect(badPaths(postingWith((p) => (p.firstNumber = 1.5)))).toEqual(["firstNumber"]);
    expect(badPaths(postingWith((p) => (p.series = "B 2")))).toEqual(["series"]);
    expect(badPaths(postingWith((p) => (p.orgNumber = "2120000000")))).toEqual(["orgNumber"]);
    expect(badPaths(postingWith((p) => (p.transactions = "per-month")))).toEqual(["transactions"]);
    expect(badPaths(postingWith((p) => (p.voucherText = "Avräkning {kontrakt}")))).toEqual(["voucherText"]);
    expect(badPaths(postingWith((p) => (p.voucherText = "Avräkning {month")))).toEqual(["voucherText"]);
    expect(badPaths(postingWith((p) => (p.accounts["4610"] = "   ")))).toEqual(["accounts.4610"]);
    expect(badPaths(postingWith((p) => (p.konto = "4610")))).toEqual(["konto"]);
  });

  it("refuses a text the file cannot hold, saying why", () => {
    const dash = errorOf(() => parsePostingConfig(postingWith((p) => (p.company = "Kommun – ekonomi"))));
    expect(dash.issues[0]?.path).toBe("company");
    expect(dash.issues[0]?.expected).toContain("U+2013 at position 8, which is not in code page 437 (SIE 4B §5.8)");
    const tab = errorOf(() => parsePostingConfig(postingWith((p) => (p.accounts["3610"] = "Intern\tförsäljning"))));
    expect(tab.issues[0]?.expected).toContain("a control character (U+0009) at position 7: SIE 4B §5.7 allows none in a text");
    const backslash = errorOf(() => parsePostingConfig(postingWith((p) => {
          p.dimensions["1"].objects["2100"] = "Nämnd\\1";
        })));
    expect(backslash.issues[0]?.path).toBe("dimensions.1.objects.2100");
    expect(backslash.issues[0]?.expected).toContain("a backslash at position 6");
  });

  it("keeps a text in NFC, so what is written is what is decoded", () => {
    const posting = parsePostingConfig(postingWith((p) => (p.company = "Exempelko\u0308pings kommun")));
    expect(posting.company).toBe("Exempelköpings kommun");
  });

  it("the error message lists the problems for a person", () => {
    const e = errorOf(() => parsePostingConfig(postingWith((p) => (p.payment.debit.account = "46 10"))));
    expect(e.message).toMatch(/^Invalid posting configuration \(1 problem\): payment\.debit\.account: expected an account number: digits only/);
  });
});
