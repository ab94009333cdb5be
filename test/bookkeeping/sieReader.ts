/**
 * A small, strict SIE 4 reader for the tests only: it reads a file the way
 * SIE filformat 4B §5 describes it — independently of the writer, sharing
 * none of its code but the code page table — and throws, naming the line,
 * at anything a reader could stumble on: a record out of its group's order
 * (§5.12), a brace not alone on its line (§5.4), a line not ended by LF
 * (§5.5), a control character in a text (§5.7), an amount with a plus, a
 * comma or three decimals (§5.9), a date not YYYYMMDD (§5.10), a voucher
 * that does not sum to zero (#TRANS 4), an account or object used and not
 * declared, voucher numbers not ascending in their series (#VER 7).
 *
 * No SIE-gruppen validator (sietest.sie.se) can be reached from the test
 * machines, so this is the check of the files besides the golden file read
 * by hand.
 */
import { decodeCp437 } from "../../src/bookkeeping/cp437.js";

export interface SieRow {
  account: string;
  objects: [string, string][];
  amount: string;
  ore: number;
  date: string | undefined;
  text: string | undefined;
}

export interface SieVoucherRead {
  series: string;
  number: string;
  date: string;
  text: string;
  regdate: string | undefined;
  sign: string | undefined;
  rows: SieRow[];
}

export interface SieRead {
  /** Every top-level record's label, in order. */
  labels: string[];
  lineEnd: "crlf" | "lf";
  flag: string;
  program: string[];
  gen: string[];
  sieType: string;
  company: string;
  orgNumber: string | undefined;
  accounts: Map<string, string>;
  dimensions: Map<string, string>;
  objects: Map<string, Map<string, string>>;
  vouchers: SieVoucherRead[];
}

type Field = { text: string; quoted: boolean } | { list: string[] };

/** §5.7: fields separated by spaces or tabs; a field may be quoted, a quote inside preceded by a backslash; `{…}` an object list. */
function tokenize(line: string, at: string): Field[] {
  const fields: Field[] = [];
  let i = 0;
  const quotedField = (): string => {
    let text = "";
    i++;
    for (;;) {
      if (i >= line.length) throw new Error(`${at}: a quote is not closed`);
      const ch = line[i]!;
      if (ch === "\\") {
        if (line[i + 1] !== '"') throw new Error(`${at}: a backslash not before a quote (the writer never writes one)`);
        text += '"';
        i += 2;
        continue;
      }
      if (ch === '"') {
        i++;
        return text;
      }
      text += ch;
      i++;
    }
  };
  const bare = (): string => {
    const start = i;
    while (i < line.length && !" \t{}\"".includes(line[i]!)) i++;
    if (i === start) throw new Error(`${at}: unexpected ${JSON.stringify(line[i])} at ${i.toString()}`);
    return line.slice(start, i);
  };
  while (i < line.length) {
    const ch = line[i]!;
    if (ch === " " || ch === "\t") {
      i++;
      continue;
    }
    if (ch === '"') fields.push({ text: quotedField(), quoted: true });
    else if (ch === "{") {
      i++;
      const list: string[] = [];
      for (;;) {
        while (line[i] === " " || line[i] === "\t") i++;
        if (i >= line.length) throw new Error(`${at}: an object list is not closed`);
        if (line[i] === "}") {
          i++;
          break;
        }
        list.push(line[i] === '"' ? quotedField() : bare());
      }
      if (list.length % 2 !== 0) throw new Error(`${at}: an object list of dimension-object pairs has ${list.length.toString()} items`);
      fields.push({ list });
    } else fields.push({ text: bare(), quoted: false });
    if (i < line.length && line[i] !== " " && line[i] !== "\t") throw new Error(`${at}: fields must be separated by spaces (at ${i.toString()})`);
  }
  return fields;
}

function text(f: Field | undefined, at: string, what: string): string {
  if (f === undefined || !("text" in f)) throw new Error(`${at}: ${what} is missing`);
  return f.text;
}

const AMOUNT = /^-?(0|[1-9]\d*)(\.\d{1,2})?$/;

function amountOre(value: string, at: string): number {
  if (!AMOUNT.test(value)) throw new Error(`${at}: ${JSON.stringify(value)} is not an SIE amount (§5.9)`);
  const negative = value.startsWith("-");
  const [kr, dec = ""] = value.replace("-", "").split(".");
  const ore = Number(kr) * 100 + Number(dec.padEnd(2, "0"));
  if (!Number.isSafeInteger(ore)) throw new Error(`${at}: amount too large for the test reader`);
  return negative ? -ore : ore;
}

function dateOf(value: string, at: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (m === null) throw new Error(`${at}: ${JSON.stringify(value)} is not a date YYYYMMDD (§5.10)`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (mo < 1 || mo > 12 || d < 1 || d > days) throw new Error(`${at}: ${value} is not a date in the calendar`);
  return value;
}

/** The group of a top-level record (§5.12): 1 flag, 2 identification, 3 chart, 4 vouchers. */
const GROUP: Record<string, number> = {
  "#FLAGGA": 1,
  "#PROGRAM": 2,
  "#FORMAT": 2,
  "#GEN": 2,
  "#SIETYP": 2,
  "#FNAMN": 2,
  "#ORGNR": 2,
  "#KONTO": 3,
  "#DIM": 3,
  "#OBJEKT": 3,
  "#VER": 4,
};

/**
 * Reads an SIE 4I file as this package writes it.
 *
 * @param bytes - the file
 * @returns what it says
 * @throws Error naming the line for anything the spec does not allow
 */
export function readSie(bytes: Uint8Array): SieRead {
  const content = decodeCp437(bytes);
  if (!content.endsWith("\n")) throw new Error("the last record is not ended by a line feed (§5.5)");
  const raw = content.slice(0, -1).split("\n");
  const crlf = raw[0]?.endsWith("\r") ?? false;
  const lines = raw.map((l, n) => {
    if (l.endsWith("\r") !== crlf) throw new Error(`line ${(n + 1).toString()}: the line ends are mixed`);
    const line = crlf ? l.slice(0, -1) : l;
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(line)) throw new Error(`line ${(n + 1).toString()}: a control character (§5.7)`);
    return line;
  });
  const out: SieRead = {
    labels: [],
    lineEnd: crlf ? "crlf" : "lf",
    flag: "",
    program: [],
    gen: [],
    sieType: "",
    company: "",
    orgNumber: undefined,
    accounts: new Map(),
    dimensions: new Map(),
    objects: new Map(),
    vouchers: [],
  };
  let group = 0;
  let voucher: SieVoucherRead | null = null;
  let inBlock = false;
  const lastNumber = new Map<string, number>();
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    const at = `line ${(n + 1).toString()}`;
    if (line.trim() === "") continue;
    if (line === "{") {
      if (voucher === null || inBlock) throw new Error(`${at}: "{" not right after a #VER`);
      inBlock = true;
      continue;
    }
    if (line === "}") {
      if (!inBlock || voucher === null) throw new Error(`${at}: "}" without "{"`);
      if (voucher.rows.length === 0) throw new Error(`${at}: a voucher without #TRANS rows (#VER 1)`);
      const sum = voucher.rows.reduce((a, r) => a + r.ore, 0);
      if (sum !== 0) throw new Error(`${at}: voucher ${voucher.series} ${voucher.number} sums to ${sum.toString()} öre, not 0 (#TRANS 4)`);
      out.vouchers.push(voucher);
      voucher = null;
      inBlock = false;
      continue;
    }
    if (/^\s*[{}]/.test(line)) throw new Error(`${at}: a brace must stand alone on its line (§5.4)`);
    const fields = tokenize(line, at);
    const label = text(fields[0], at, "the label");
    if (!label.startsWith("#")) throw new Error(`${at}: a record starts with its label (§5.3)`);
    if (inBlock) {
      if (label !== "#TRANS") throw new Error(`${at}: only #TRANS inside a voucher, found ${label}`);
      const account = text(fields[1], at, "kontonr");
      if (!/^\d+$/.test(account)) throw new Error(`${at}: account ${account} is not numeric`);
      const list = fields[2];
      if (list === undefined || !("list" in list)) throw new Error(`${at}: the object list is missing`);
      const objects: [string, string][] = [];
      for (let k = 0; k < list.list.length; k += 2) objects.push([list.list[k]!, list.list[k + 1]!]);
      const amount = text(fields[3], at, "belopp");
      const date = fields[4] === undefined ? undefined : dateOf(text(fields[4], at, "transdat"), at);
      const rowText = fields[5] === undefined ? undefined : text(fields[5], at, "transtext");
      if (!out.accounts.has(account)) throw new Error(`${at}: account ${account} is not declared by #KONTO`);
      for (const [dim, code] of objects) {
        if (!out.dimensions.has(dim)) throw new Error(`${at}: dimension ${dim} is not declared by #DIM`);
        if (out.objects.get(dim)?.has(code) !== true) throw new Error(`${at}: object ${dim} ${code} is not declared by #OBJEKT`);
      }
      (voucher as SieVoucherRead).rows.push({ account, objects, amount, ore: amountOre(amount, at), date, text: rowText });
      continue;
    }
    if (voucher !== null) throw new Error(`${at}: a #VER is not followed by "{"`);
    out.labels.push(label);
    const g = GROUP[label];
    if (g === undefined) throw new Error(`${at}: ${label} is not a record this writer should write`);
    if (g < group) throw new Error(`${at}: ${label} after a record of a later group (§5.12)`);
    if (n === 0 && label !== "#FLAGGA") throw new Error("the first record must be #FLAGGA");
    group = g;
    const f = (k: number, what: string): string => text(fields[k], at, what);
    switch (label) {
      case "#FLAGGA":
        out.flag = f(1, "x");
        break;
      case "#PROGRAM":
        out.program = [f(1, "programnamn"), f(2, "version")];
        break;
      case "#FORMAT":
        if (f(1, "format") !== "PC8") throw new Error(`${at}: #FORMAT must be PC8`);
        break;
      case "#GEN":
        out.gen = [dateOf(f(1, "datum"), at), ...(fields[2] === undefined ? [] : [f(2, "sign")])];
        break;
      case "#SIETYP":
        out.sieType = f(1, "typnr");
        break;
      case "#FNAMN":
        out.company = f(1, "företagsnamn");
        break;
      case "#ORGNR":
        out.orgNumber = f(1, "orgnr");
        break;
      case "#KONTO":
        out.accounts.set(f(1, "kontonr"), f(2, "kontonamn"));
        break;
      case "#DIM":
        out.dimensions.set(f(1, "dimensionsnr"), f(2, "namn"));
        break;
      case "#OBJEKT": {
        const dim = f(1, "dimensionsnr");
        if (!out.dimensions.has(dim)) throw new Error(`${at}: #OBJEKT of dimension ${dim} before its #DIM`);
        let names = out.objects.get(dim);
        if (names === undefined) out.objects.set(dim, (names = new Map()));
        names.set(f(2, "objektnr"), f(3, "objektnamn"));
        break;
      }
      case "#VER": {
        const series = f(1, "serie");
        const number = f(2, "verno");
        if (number !== "") {
          const k = Number(number);
          if ((lastNumber.get(series) ?? 0) >= k) throw new Error(`${at}: voucher numbers of series ${series} must ascend (#VER 7)`);
          lastNumber.set(series, k);
        }
        voucher = {
          series,
          number,
          date: dateOf(f(3, "verdatum"), at),
          text: f(4, "vertext"),
          regdate: fields[5] === undefined ? undefined : dateOf(f(5, "regdatum"), at),
          sign: fields[6] === undefined ? undefined : f(6, "sign"),
          rows: [],
        };
        break;
      }
    }
  }
  if (voucher !== null || inBlock) throw new Error("the file ends inside a voucher");
  for (const label of ["#FLAGGA", "#PROGRAM", "#FORMAT", "#GEN", "#SIETYP", "#FNAMN"]) {
    if (!out.labels.includes(label)) throw new Error(`${label} is missing (mandatory in SIE 4I, §6)`);
  }
  return out;
}
