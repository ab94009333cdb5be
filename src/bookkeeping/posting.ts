/**
 * The posting configuration (*konteringsinstruktion*): which of the
 * municipality's own accounts and objects a settlement is booked to, as
 * plain data validated by one zod schema, like a commission. No account
 * number is shipped: they come from the municipality's own chart, based on
 * Kommun-Bas; `examples/data/posting.json` is a made-up example.
 *
 * @module
 */
import { z } from "zod";
import { validatedData } from "../validation.js";
import { firstUnencodable } from "./cp437.js";

/** The most accounts, dimensions or objects of one kind a configuration may hold. */
const MAX_ENTRIES = 1000;
/** Labels: the company, account, dimension and object names, the voucher text. */
const MAX_TEXT = 200;
/** Codes: object codes. */
const MAX_CODE = 40;

/**
 * The placeholders of a posting configuration's `voucherText`: `{contract}` the
 * commission's id, `{month}` the month settled (a statement's month),
 * `{from}` the first month the settlement recomputed (a statement's month).
 *
 * @example
 * ```ts
 * VOUCHER_TEXT_PLACEHOLDERS; //=> ["contract", "month", "from"]
 * ```
 */
export const VOUCHER_TEXT_PLACEHOLDERS = Object.freeze(["contract", "month", "from"] as const);

/**
 * The voucher text (*vertext*) when the configuration gives none.
 *
 * @example
 * ```ts
 * DEFAULT_VOUCHER_TEXT; //=> "{contract} {month}"
 * ```
 */
export const DEFAULT_VOUCHER_TEXT = "{contract} {month}";

/**
 * What a text field of the file may hold, and why (SIE filformat 4B §5.7:
 * *"Kontrolltecken får ej förekomma inom en textsträng"*; §5.8: code page
 * 437; the backslash: §5.7 only says a quote inside a field is preceded by
 * one, and gives no way to write a backslash itself that every reader reads
 * back the same, so one is refused rather than guessed at).
 *
 * @internal
 * @param value - the text, already NFC
 * @returns what is wrong with it, or `null`
 */
export function sieTextProblem(value: string): string | null {
  // eslint-disable-next-line no-control-regex
  const control = /[\u0000-\u001f\u007f]/.exec(value);
  if (control !== null) return `a control character (U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}) at position ${(control.index + 1).toString()}: SIE 4B §5.7 allows none in a text`;
  const backslash = value.indexOf("\\");
  if (backslash >= 0) return `a backslash at position ${(backslash + 1).toString()}: SIE 4B §5.7 gives no way to write one that every reader reads back the same`;
  const at = firstUnencodable(value);
  if (at >= 0) {
    const cp = value.codePointAt(at) ?? 0;
    return `the character U+${cp.toString(16).toUpperCase().padStart(4, "0")} at position ${(at + 1).toString()}, which is not in code page 437 (SIE 4B §5.8)`;
  }
  return null;
}

/** Text the file can hold: not blank, at most `max` characters, and per {@link sieTextProblem}. */
function sieText(expected: string, max = MAX_TEXT) {
  return z
    .string({ error: expected })
    .max(max, { error: `${expected}, at most ${max.toString()} characters`, abort: true })
    .regex(/\S/, { error: `${expected}, not blank`, abort: true })
    .superRefine((value, ctx) => {
      const problem = sieTextProblem(value.normalize("NFC"));
      if (problem !== null) ctx.addIssue({ code: "custom", message: `${expected}, without ${problem}`, input: value });
    })
    .transform((value) => value.normalize("NFC"));
}

const ACCOUNT_EXPECTED = 'an account number: digits only, e.g. "4610" (SIE 4B #KONTO: "Kontonummer skall vara numeriskt")';
const account = z
  .string({ error: ACCOUNT_EXPECTED })
  .max(10, { error: `${ACCOUNT_EXPECTED}, at most 10 digits`, abort: true })
  .regex(/^\d+$/, { error: ACCOUNT_EXPECTED });

const DIMENSION_EXPECTED =
  'a dimension number (SIE 4B §8.17): "1" (kostnadsställe / ansvar), "6" (projekt), "7"–"10" (anställd, kund, leverantör, faktura) or "20"–"999" (free); ' +
  '"2" is a subdimension of 1 and "3"–"5", "11"–"19" are reserved';

/** Whether `key` is a dimension number this writer may use: 1, 6–10 or 20–999 (2 needs #UNDERDIM; 3–5 and 11–19 are reserved). */
function isUsableDimension(key: string): boolean {
  if (!/^[1-9]\d{0,2}$/.test(key)) return false;
  const n = Number(key);
  return n === 1 || (n >= 6 && n <= 10) || n >= 20;
}

const dimensionKey = z.string().refine(isUsableDimension, { error: DIMENSION_EXPECTED });

const OBJECT_CODE_EXPECTED = 'an object code (objektnr), e.g. "2100"';
const objectCode = sieText(OBJECT_CODE_EXPECTED, MAX_CODE);

/** A strict object whose wrong-type message says what it is. */
function obj<S extends z.core.$ZodLooseShape>(expected: string, shape: S) {
  return z.strictObject(shape, { error: (issue) => (issue.code === "invalid_type" ? expected : undefined) });
}

/** A record of at most {@link MAX_ENTRIES} entries; a bad key is reported as what a key must be. */
function record<K extends z.ZodType<string>, V extends z.ZodType>(expected: string, key: K, keyExpected: string, value: V) {
  return z
    .record(key, value, { error: (issue) => (issue.code === "invalid_key" ? `a key that is ${keyExpected}` : expected) })
    .refine((r) => Object.keys(r).length <= MAX_ENTRIES, { error: `${expected}, of at most ${MAX_ENTRIES.toString()} entries` });
}

const sideSchema = (what: string) =>
  obj(`${what} as an object { account, objects? }`, {
    account,
    objects: record(`the objects of ${what}: dimension number → object code, e.g. { "1": "2100" }`, dimensionKey, DIMENSION_EXPECTED, objectCode).optional(),
  });

const bookingSchema = (what: string, debit: string, credit: string) =>
  obj(`${what} as an object { debit, credit }`, {
    debit: sideSchema(debit),
    credit: sideSchema(credit),
  });

const VOUCHER_TEXT_EXPECTED = `the voucher text (vertext): text with the placeholders ${VOUCHER_TEXT_PLACEHOLDERS.map((p) => `{${p}}`).join(", ")}, e.g. "Avräkning {contract} {month}"`;

const voucherText = sieText(VOUCHER_TEXT_EXPECTED).superRefine((value, ctx) => {
  for (const m of value.matchAll(/\{([^}]*)\}|[{}]/g)) {
    const name = m[1];
    if (name === undefined || !(VOUCHER_TEXT_PLACEHOLDERS as readonly string[]).includes(name)) {
      ctx.addIssue({ code: "custom", message: `${VOUCHER_TEXT_EXPECTED}; ${JSON.stringify(m[0])} is not one of them`, input: value });
      return;
    }
  }
});

const dimensionSchema = obj("a dimension as an object { name, objects }", {
  name: sieText('the dimension\'s name, e.g. "Ansvar"'),
  objects: record('the dimension\'s objects: object code → name, e.g. { "2100": "Socialnämnden" }', objectCode, OBJECT_CODE_EXPECTED, sieText("the object's name")),
});

/**
 * The schema of a posting configuration. Every object is strict (an unknown
 * key is an error), every text must be writable in an SIE file (code page
 * 437, no control character, no backslash), and every account and object a
 * booking uses must be declared with its name (for `#KONTO`, `#DIM`,
 * `#OBJEKT`).
 *
 * @example
 * ```ts
 * postingConfigSchema.safeParse({}).success; //=> false
 * ```
 */
export const postingConfigSchema = obj("a posting configuration as an object", {
  company: sieText('the legal name of the municipality whose books the vouchers are for (#FNAMN, required in SIE 4I), e.g. "Linköpings kommun"'),
  orgNumber: z
    .string({ error: 'the organisation number (#ORGNR) with a hyphen after the sixth digit, e.g. "212000-0449"' })
    .regex(/^\d{6}-\d{4}$/, { error: 'the organisation number (#ORGNR) with a hyphen after the sixth digit, e.g. "212000-0449"' })
    .optional(),
  series: z
    .string({ error: 'the voucher series (serie): letters and digits, e.g. "B" or "LEV1"' })
    .regex(/^[A-Za-z0-9]{1,20}$/, { error: 'the voucher series (serie): 1–20 letters A–Z and digits, e.g. "B" or "LEV1"' }),
  firstNumber: z.union([z.int().min(1).max(999_999_999), z.null()], {
    error: "the number of the first voucher (verno): an integer 1–999999999, or null to leave the numbering to the finance system (SIE 4B #VER 6)",
  }),
  voucherText: voucherText.optional(),
  transactions: z
    .enum(["per-entry", "per-month-and-account"], { error: 'how ledger entries become #TRANS rows: "per-entry" (the default) or "per-month-and-account"' })
    .optional(),
  accounts: record('the accounts used, with their names (#KONTO): account number → name, e.g. { "4610": "Köp av verksamhet" }', account, ACCOUNT_EXPECTED, sieText("the account's name")),
  dimensions: record("the dimensions used, with their objects (#DIM, #OBJEKT): dimension number → { name, objects }", dimensionKey, DIMENSION_EXPECTED, dimensionSchema).optional(),
  payment: bookingSchema(
    "the booking of what is paid to the provider",
    "the debit side of the payment (the purchaser's cost)",
    "the credit side of the payment (the provider's revenue)",
  ),
  fees: bookingSchema(
    "the booking of the visit fees owed to the purchaser",
    "the debit side of the visit fees (the provider, who collected them)",
    "the credit side of the visit fees (the purchaser's revenue)",
  ).optional(),
})
  .superRefine((config, ctx) => {
    const sides: [string, { account: string; objects?: Record<string, string> | undefined } | undefined][] = [
      ["payment.debit", config.payment.debit],
      ["payment.credit", config.payment.credit],
      ["fees.debit", config.fees?.debit],
      ["fees.credit", config.fees?.credit],
    ];
    for (const [path, side] of sides) {
      if (side === undefined) continue;
      if (!Object.hasOwn(config.accounts, side.account)) {
        ctx.addIssue({ code: "custom", path: [...path.split("."), "account"], message: `an account named in accounts (#KONTO needs its name): add "${side.account}" to accounts`, input: side.account });
      }
      for (const [dim, code] of Object.entries(side.objects ?? {})) {
        const dimension = config.dimensions?.[dim];
        if (dimension === undefined) {
          ctx.addIssue({ code: "custom", path: [...path.split("."), "objects", dim], message: `a dimension declared in dimensions (#DIM needs its name): add "${dim}" to dimensions`, input: code });
        } else if (!Object.hasOwn(dimension.objects, code)) {
          ctx.addIssue({ code: "custom", path: [...path.split("."), "objects", dim], message: `an object of dimension ${dim} declared in dimensions.${dim}.objects (#OBJEKT needs its name)`, input: code });
        }
      }
    }
    for (const name of ["payment", "fees"] as const) {
      const booking = config[name];
      if (booking !== undefined && sideKey(booking.debit) === sideKey(booking.credit)) {
        ctx.addIssue({ code: "custom", path: [name, "credit"], message: `another account or other objects than ${name}.debit (the same on both sides books nothing)`, input: booking.credit.account });
      }
    }
  });

/** The account and objects of a side, as one comparable string. */
function sideKey(side: { account: string; objects?: Record<string, string> | undefined }): string {
  const objects = Object.entries(side.objects ?? {}).sort(([a], [b]) => Number(a) - Number(b));
  return JSON.stringify([side.account, objects]);
}

/**
 * A validated posting configuration, frozen.
 *
 * @example
 * ```ts
 * const posting: PostingConfig = parsePostingConfig(JSON.parse(fs.readFileSync("posting.json", "utf8")));
 * posting.payment.debit.account; //=> "4610"
 * ```
 */
export type PostingConfig = z.output<typeof postingConfigSchema>;

/**
 * A posting configuration as written in JSON, before validation.
 *
 * @example
 * ```ts
 * const input: PostingConfigInput = { company: "Exempelköpings kommun", series: "B", firstNumber: 1, accounts: { "4610": "Köp", "3610": "Intäkt" }, payment: { debit: { account: "4610" }, credit: { account: "3610" } } };
 * ```
 */
export type PostingConfigInput = z.input<typeof postingConfigSchema>;

/**
 * One side of a booking: an account and its objects (dimension number →
 * object code).
 *
 * @example
 * ```ts
 * const side: PostingSide = { account: "4610", objects: { "1": "2100" } };
 * ```
 */
export type PostingSide = PostingConfig["payment"]["debit"];

const validated = new WeakSet<object>();

/**
 * Validates a posting configuration written as plain data (JSON) and returns
 * it typed and deep-frozen; the caller's input is never changed.
 *
 * SIE 4B §6 makes `#FNAMN` mandatory in a 4I file (so `company` is required)
 * and recommends that every account and object used be declared (*"Det
 * rekommenderas därför att konton och objekt som används i en SIE-fil alltid
 * deklareras under #KONTO och #OBJEKT"*), so every account and object a
 * booking uses must have its name in `accounts` and `dimensions`.
 *
 * @param input - the configuration, e.g. from `JSON.parse`
 * @returns the validated configuration, deep-frozen
 * @throws {@link index!RulesError | RulesError} `INVALID_POSTING` whose `issues` name every bad
 *   field by path (`payment.debit.account`), what was expected and what was
 *   received; nothing else is ever thrown
 * @example
 * ```ts
 * const posting = parsePostingConfig({
 *   company: "Exempelköpings kommun", series: "B", firstNumber: 1,
 *   accounts: { "4610": "Köp av verksamhet", "3610": "Interna intäkter" },
 *   payment: { debit: { account: "4610" }, credit: { account: "3610" } },
 * });
 * posting.transactions; //=> undefined (one #TRANS pair per ledger entry)
 * parsePostingConfig({ ...posting, payment: { debit: { account: "46 10" }, credit: { account: "3610" } } });
 * // throws RulesError INVALID_POSTING: payment.debit.account: expected an account number: digits only, …
 * ```
 */
export function parsePostingConfig(input: unknown): PostingConfig {
  const posting = validatedData(postingConfigSchema, input, {
    code: "INVALID_POSTING",
    what: "posting configuration",
    whole: "(the configuration)",
    expected: "a posting configuration as plain JSON data",
  });
  validated.add(posting);
  return posting;
}

/**
 * A configuration handed to the writer: one from {@link parsePostingConfig}
 * passes at once, anything else is validated in full.
 *
 * @internal
 * @param value - the caller's configuration
 * @returns the validated configuration
 */
export function ensurePostingConfig(value: unknown): PostingConfig {
  if (typeof value === "object" && value !== null && validated.has(value)) return value as PostingConfig;
  return parsePostingConfig(value);
}
