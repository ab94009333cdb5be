/**
 * Bytes to text for the sessions reader: UTF-8 (what Excel's "CSV UTF-8"
 * writes), or Windows-1252 (what its plain "CSV (semikolonavgränsad)" writes
 * on a Swedish Windows) when the bytes are not UTF-8. Streaming: bytes come
 * in chunks, a character cut by a chunk's end waits for the rest. No Node API.
 *
 * The choice: the bytes are read as UTF-8 while they are UTF-8. At the first
 * byte that is not, if every byte so far was ASCII (the header and rows
 * without å, ä, ö) the whole input is Windows-1252 — read so far identically
 * — and is read as such from there on, with a notice. If UTF-8 characters
 * came before it, the file mixes encodings, which is an error: guessing
 * would bill a name spelt two ways.
 *
 * @module
 */

/**
 * Windows-1252's characters for the bytes 0x80–0x9F (where it differs from
 * ISO-8859-1); the five bytes it leaves undefined are read as the C1 control
 * with the same number, as the WHATWG Encoding Standard does.
 */
const CP1252_80_9F = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

/**
 * Decodes Windows-1252 bytes.
 *
 * @internal
 * @param bytes - the bytes
 * @returns the text
 * @example
 * ```ts
 * windows1252(new Uint8Array([0x47, 0xf6, 0x74, 0x65, 0x80])); //=> "Göte€"
 * ```
 */
export function windows1252(bytes: Uint8Array): string {
  let text = "";
  const n = bytes.length;
  for (let start = 0; start < n; start += 8192) {
    const end = Math.min(n, start + 8192);
    const codes = new Array<number>(end - start);
    for (let k = start; k < end; k++) {
      const b = bytes[k] ?? 0;
      codes[k - start] = b >= 0x80 && b <= 0x9f ? (CP1252_80_9F[b - 0x80] ?? b) : b;
    }
    text += String.fromCharCode.apply(null, codes);
  }
  return text;
}

/**
 * How many bytes at the end of `bytes` begin a UTF-8 character that is not
 * complete (0–3): they are held for the next chunk.
 *
 * @internal Bytes that can never be
 * UTF-8 are left to the decoder, which refuses them.
 */
export function incompleteTail(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let k = 1; k <= 3 && k <= n; k++) {
    const c = bytes[n - k] ?? 0;
    if ((c & 0xc0) === 0x80) continue;
    const length = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return length > k ? k : 0;
  }
  return 0;
}

/**
 * The length of the longest prefix of `bytes` that is valid UTF-8 (the
 * rules of a `fatal` TextDecoder: no overlong forms, no surrogates, nothing
 * above U+10FFFF, no character cut short). Used only to name the line of a
 * bad byte.
 *
 * @param bytes - the bytes
 * @returns the offset of the first byte that does not start a valid character (`bytes.length` when all are valid)
 * @example
 * ```ts
 * validUtf8Length(Buffer.from("G\xf6teborg", "latin1")); //=> 1
 * validUtf8Length(Buffer.from("Göteborg"));               //=> 9
 * ```
 */
export function validUtf8Length(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const c = bytes[i] ?? 0;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0;
      else if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90;
      else if (c === 0xf4) hi = 0x8f;
    } else return i;
    if (i + need >= n) return i;
    const second = bytes[i + 1] ?? 0;
    if (second < lo || second > hi) return i;
    for (let k = 2; k <= need; k++) {
      const next = bytes[i + k] ?? 0;
      if (next < 0x80 || next > 0xbf) return i;
    }
    i += need + 1;
  }
  return n;
}


/** What a {@link TextDecoding} found: text, or the first byte it could not read in the encoding it settled on. */
export type Decoded = { text: string; error: null } | { text: string; error: "mixed-encodings" | "cut-short" };

/**
 * A streaming decoder that settles on UTF-8 or Windows-1252 (see the module).
 *
 * @internal
 * @example
 * ```ts
 * const d = new TextDecoding();
 * d.write(new Uint8Array([0x69, 0x64, 0x3b, 0xe5])).text; //=> "id;å" (0xE5 alone is not UTF-8: Windows-1252)
 * d.encoding; //=> "windows-1252"
 * ```
 */
export class TextDecoding {
  /** The encoding settled on; `'utf-8'` until a byte says otherwise. */
  encoding: "utf-8" | "windows-1252" = "utf-8";
  private readonly utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  private carry: Uint8Array | null = null;
  private sawNonAscii = false;

  /**
   * Decodes the next chunk.
   *
   * @param chunk - bytes
   * @returns the text decoded, and an error when the bytes mix encodings
   *   (the text then runs up to the first unreadable byte)
   */
  write(chunk: Uint8Array): Decoded {
    if (this.encoding === "windows-1252") return { text: windows1252(chunk), error: null };
    let bytes = chunk;
    if (this.carry !== null) {
      bytes = new Uint8Array(this.carry.length + chunk.length);
      bytes.set(this.carry);
      bytes.set(chunk, this.carry.length);
    }
    const keep = incompleteTail(bytes);
    this.carry = keep === 0 ? null : bytes.slice(bytes.length - keep);
    const whole = keep === 0 ? bytes : bytes.subarray(0, bytes.length - keep);
    const valid = validUtf8Length(whole);
    if (valid === whole.length) {
      if (!this.sawNonAscii) this.sawNonAscii = whole.some((b) => b >= 0x80);
      return { text: this.utf8.decode(whole), error: null };
    }
    const prefix = whole.subarray(0, valid);
    if (!this.sawNonAscii && !prefix.some((b) => b >= 0x80)) {
      // Nothing but ASCII so far: the same in both encodings. The rest, carry included, is Windows-1252.
      this.encoding = "windows-1252";
      const rest = this.carry === null ? whole.subarray(valid) : bytes.subarray(valid);
      this.carry = null;
      return { text: this.utf8.decode(prefix) + windows1252(rest), error: null };
    }
    return { text: this.utf8.decode(prefix), error: "mixed-encodings" };
  }

  /**
   * Ends the input.
   *
   * @returns the text of bytes held back, or an error when the input ends inside a UTF-8 character
   */
  end(): Decoded {
    if (this.carry === null) return { text: "", error: null };
    const held = this.carry;
    this.carry = null;
    if (!this.sawNonAscii) {
      this.encoding = "windows-1252";
      return { text: windows1252(held), error: null };
    }
    return { text: "", error: "cut-short" };
  }
}
