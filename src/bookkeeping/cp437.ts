/**
 * Code page 437 (IBM PC 8-bit extended ASCII), the only character set SIE 4
 * allows: SIE filformat 4B §5.8 *"Teckenrepertoaren i filen ska vara IBM PC
 * 8-bitars extended ASCII (Codepage 437)"*, and #FORMAT *"Tills vidare
 * tillåter standarden endast IBM Extended 8-bit ASCII (PC8 - codepage
 * 437)"*.
 *
 * The table is the package's own (no dependency, no platform codec): bytes
 * 0x00–0x7F are ASCII, bytes 0x80–0xFF the 128 characters below. A character
 * outside the table is never replaced by `?` or dropped: the encoder refuses
 * it, naming the field, the character and where it is.
 *
 * @module
 */
import { describeValue, RulesError } from "../index.js";

/** The characters of bytes 0x80–0xFF, in byte order. */
const HIGH =
  "\u00c7\u00fc\u00e9\u00e2\u00e4\u00e0\u00e5\u00e7\u00ea\u00eb\u00e8\u00ef\u00ee\u00ec\u00c4\u00c5" +
  "\u00c9\u00e6\u00c6\u00f4\u00f6\u00f2\u00fb\u00f9\u00ff\u00d6\u00dc\u00a2\u00a3\u00a5\u20a7\u0192" +
  "\u00e1\u00ed\u00f3\u00fa\u00f1\u00d1\u00aa\u00ba\u00bf\u2310\u00ac\u00bd\u00bc\u00a1\u00ab\u00bb" +
  "\u2591\u2592\u2593\u2502\u2524\u2561\u2562\u2556\u2555\u2563\u2551\u2557\u255d\u255c\u255b\u2510" +
  "\u2514\u2534\u252c\u251c\u2500\u253c\u255e\u255f\u255a\u2554\u2569\u2566\u2560\u2550\u256c\u2567" +
  "\u2568\u2564\u2565\u2559\u2558\u2552\u2553\u256b\u256a\u2518\u250c\u2588\u2584\u258c\u2590\u2580" +
  "\u03b1\u00df\u0393\u03c0\u03a3\u03c3\u00b5\u03c4\u03a6\u0398\u03a9\u03b4\u221e\u03c6\u03b5\u2229" +
  "\u2261\u00b1\u2265\u2264\u2320\u2321\u00f7\u2248\u00b0\u2219\u00b7\u221a\u207f\u00b2\u25a0\u00a0";

/** UTF-16 code unit → byte, for the 128 characters above. */
const BYTE_OF = new Map<number, number>(Array.from(HIGH, (ch, i) => [ch.charCodeAt(0), 0x80 + i]));

/**
 * The characters code page 437 holds above ASCII, in byte order (0x80 is
 * `Ç`, 0x86 `å`, 0x84 `ä`, 0x94 `ö`, 0x8F `Å`, 0x8E `Ä`, 0x99 `Ö`, 0xFF a
 * no-break space).
 *
 * @example
 * ```ts
 * CP437_HIGH.length;                          //=> 128
 * CP437_HIGH.indexOf("å") + 0x80 === 0x86;    //=> true
 * ```
 */
export const CP437_HIGH: string = HIGH;

/**
 * Where the first character of `text` that code page 437 cannot hold is, or
 * -1 when every character can be written. The text is looked at as it is
 * (see {@link encodeCp437} for the normalisation the encoder applies first).
 *
 * @internal
 * @param text - the text
 * @returns the index (in UTF-16 code units) of the first character outside the table, or -1
 */
export function firstUnencodable(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 || BYTE_OF.has(c)) continue;
    return i;
  }
  return -1;
}

/**
 * A character for a message: itself, its code point and, for one that
 * cannot be seen (a control or a space of another kind), only the code point.
 *
 * @internal
 * @param text - the text
 * @param at - where the character starts
 * @returns e.g. `"–" (U+2013)`
 */
export function describeCharacter(text: string, at: number): string {
  const cp = text.codePointAt(at) ?? 0;
  const code = `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
  const ch = String.fromCodePoint(cp);
  return /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(ch) ? `"${ch}" (${code})` : code;
}

/**
 * Encodes text as code page 437 bytes with the package's own table. The text
 * is first put in Unicode NFC, so that an "å" typed as "a" and a combining
 * ring is the one character code page 437 has; then every character must be
 * ASCII (0x00–0x7F) or one of {@link CP437_HIGH}.
 *
 * @param text - the text
 * @param field - what the text is, for the error (e.g. `"posting.company"`)
 * @returns one byte per character
 * @throws {@link index!RulesError | RulesError} `NOT_ENCODABLE` naming the field, the character
 *   (and its code point) and its position, for a character code page 437
 *   cannot hold (an en dash "–", "€", "→", an emoji); nothing is ever
 *   replaced or dropped
 * @example
 * ```ts
 * Array.from(encodeCp437("Åsa ö")); //=> [143, 115, 97, 32, 148]
 * encodeCp437("1–2", "transtext");
 * // throws RulesError NOT_ENCODABLE: transtext: the character "–" (U+2013) at position 2 is not in code page 437 …
 * ```
 */
export function encodeCp437(text: string, field = "text"): Uint8Array {
  const value: unknown = text;
  if (typeof value !== "string") {
    throw new RulesError("NOT_ENCODABLE", `${field}: expected text, received ${describeValue(value)}`, [{ path: field, expected: "text", received: describeValue(value) }]);
  }
  const nfc = text.normalize("NFC");
  const at = firstUnencodable(nfc);
  if (at >= 0) throw notEncodable(nfc, at, field);
  const out = new Uint8Array(nfc.length);
  for (let i = 0; i < nfc.length; i++) {
    const c = nfc.charCodeAt(i);
    out[i] = c < 0x80 ? c : (BYTE_OF.get(c) as number);
  }
  return out;
}

/**
 * The error for a character code page 437 cannot hold.
 *
 * @internal
 * @param text - the text (already normalised)
 * @param at - where the character is
 * @param field - the field
 * @returns the error, to be thrown
 */
export function notEncodable(text: string, at: number, field: string): RulesError {
  const expected = "text in code page 437 (SIE 4B §5.8: IBM PC 8-bit extended ASCII): ASCII, å ä ö Å Ä Ö é ü and the other characters of the table";
  const received = `${describeValue(text)}, whose character ${describeCharacter(text, at)} at position ${(at + 1).toString()} is not in code page 437`;
  return new RulesError("NOT_ENCODABLE", `${field}: the character ${describeCharacter(text, at)} at position ${(at + 1).toString()} is not in code page 437 (SIE 4B §5.8); write it another way (e.g. "-" for "–")`, [
    { path: field, expected, received },
  ]);
}

/**
 * Decodes code page 437 bytes with the same table as {@link encodeCp437}:
 * every byte is a character, so decoding never fails.
 *
 * @param bytes - the bytes
 * @returns the text
 * @example
 * ```ts
 * decodeCp437(new Uint8Array([143, 115, 97, 32, 148])); //=> "Åsa ö"
 * ```
 */
export function decodeCp437(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) out += CHARACTER_OF[b] as string;
  return out;
}

/** Byte → character, for all 256 bytes. */
const CHARACTER_OF: readonly string[] = Array.from({ length: 256 }, (_, b) => (b < 0x80 ? String.fromCharCode(b) : HIGH.charAt(b - 0x80)));
