/**
 * The package's own code page 437 table, checked against an independent
 * one: `cp437-high.txt` holds bytes 0x80–0xFF decoded by glibc's iconv
 * (`iconv -f CP437 -t UTF-8`), written once when the table was made.
 */
import { readFileSync } from "node:fs";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { CP437_HIGH, decodeCp437, encodeCp437 } from "../../src/bookkeeping/index.js";
import { errorOf } from "../billing/helpers.js";

const iconv = readFileSync(new URL("./cp437-high.txt", import.meta.url), "utf8");
const ALPHABET = [...Array.from({ length: 128 }, (_, b) => String.fromCharCode(b)), ...Array.from(CP437_HIGH)];

describe("code page 437", () => {
  it("the table is glibc iconv's, character for character", () => {
    expect(Array.from(CP437_HIGH)).toEqual(Array.from(iconv));
    expect(CP437_HIGH).toHaveLength(128);
    expect(new Set(CP437_HIGH).size).toBe(128);
  });

  it("writes the Swedish letters as code page 437 has them", () => {
    expect(Array.from(encodeCp437("åäöÅÄÖéü"))).toEqual([0x86, 0x84, 0x94, 0x8f, 0x8e, 0x99, 0x82, 0x81]);
    expect(decodeCp437(new Uint8Array([0x86, 0x84, 0x94, 0x8f, 0x8e, 0x99]))).toBe("åäöÅÄÖ");
  });

  it("puts text in NFC first: an å typed as a + combining ring is the one byte 0x86", () => {
    expect(Array.from(encodeCp437("a\u030a"))).toEqual([0x86]);
  });

  it("refuses a character outside the table, naming the field, the character and where it is", () => {
    const e = errorOf(() => encodeCp437("Avräkning 1–2", "posting.voucherText"));
    expect(e.code).toBe("NOT_ENCODABLE");
    expect(e.message).toContain('posting.voucherText: the character "–" (U+2013) at position 12 is not in code page 437');
    expect(e.issues[0]?.path).toBe("posting.voucherText");
    for (const ch of ["€", "→", "×", "😀", "\u200b", "Ł"]) expect(errorOf(() => encodeCp437(`x${ch}`)).code).toBe("NOT_ENCODABLE");
    expect(errorOf(() => encodeCp437(5 as unknown as string)).code).toBe("NOT_ENCODABLE");
  });

  test.prop([fc.array(fc.constantFrom(...ALPHABET), { maxLength: 200 }).map((a) => a.join(""))])("decoding the bytes gives the text back, one byte a character", (text) => {
    const bytes = encodeCp437(text);
    expect(bytes).toHaveLength(text.length);
    expect(decodeCp437(bytes)).toBe(text);
  });

  test.prop([fc.uint8Array({ maxLength: 300 })])("every byte decodes, and encodes back to itself", (bytes) => {
    expect(Array.from(encodeCp437(decodeCp437(bytes)))).toEqual(Array.from(bytes));
  });

  test.prop([fc.string({ unit: "grapheme", maxLength: 20 })])("any text is encoded exactly when its NFC form is in the table, and refused otherwise", (text) => {
    const inTable = Array.from(text.normalize("NFC")).every((ch) => ALPHABET.includes(ch));
    if (inTable) expect(decodeCp437(encodeCp437(text))).toBe(text.normalize("NFC"));
    else expect(errorOf(() => encodeCp437(text)).code).toBe("NOT_ENCODABLE");
  });
});
