/**
 * A statement line's explanation for a person: the rule in Swedish, its
 * figures with a decimal comma, and the contract's own sentences behind it.
 *
 * @module
 */
import type { Contract, LineExplanation, StatementLine } from "./lib.js";

const RULES: Readonly<Record<string, string>> = {
  "started-quarter-hour": "varje påbörjad kvart",
  "group-rule": "klienttimmar per grupptimme",
  "group-rule-not-met": "gruppregeln är inte uppfylld",
  "over-cap": "över årets tak",
  "outside-term": "utanför avtalstiden",
  twelfth: "en tolftedel per månad",
  "visit-fee": "besöksavgift till beställaren",
};

/**
 * The Swedish name of a line's rule.
 *
 * @param rule - the explanation's `rule`
 * @returns e.g. `"varje påbörjad kvart"`, or the rule itself when unknown
 */
export function ruleName(rule: string): string {
  return RULES[rule] ?? rule;
}

const LABELS: Readonly<Record<string, string>> = {
  minutes: "minuter",
  quarters: "kvartar",
  hours: "timmar",
  unitPrice: "á-pris (kr)",
  amount: "belopp (kr)",
  groupQuarters: "gruppkvartar",
  groupHours: "grupptimmar",
  factor: "klienttimmar per grupptimme",
  clientHours: "klienttimmar",
  participants: "deltagare",
  visits: "besök",
  fee: "avgift (kr)",
  sessionId: "samtal",
  date: "datum",
  kind: "slag",
  month: "månad",
  sessions: "samtal",
  owedTo: "tillfaller",
  feeRule: "avgiftsregel",
  note: "anmärkning",
};

function value(v: string | number | boolean | null): string {
  if (v === null) return "–";
  if (typeof v === "boolean") return v ? "ja" : "nej";
  const text = String(v);
  return /^-?\d+\.\d+$/.test(text) ? text.replace(".", ",") : text;
}

/**
 * The rows of a line's explanation: its inputs, figures and policies.
 *
 * @param e - the explanation
 * @returns `[label, value]` pairs
 */
export function explanationRows(e: LineExplanation): [string, string][] {
  const rows: [string, string][] = [];
  for (const [k, v] of Object.entries(e.inputs)) rows.push([`Indata: ${LABELS[k] ?? k}`, value(v)]);
  for (const [k, v] of Object.entries(e.figures)) rows.push([LABELS[k] ?? k, value(v)]);
  for (const [k, v] of Object.entries(e.policy)) rows.push([`Val: ${k}`, v]);
  return rows;
}

/** The parts of a commission a line of each kind comes from, most specific first. */
const SOURCES: Readonly<Record<StatementLine["kind"], readonly string[]>> = {
  session: ["compensation", "compensation.billableTime"],
  "over-cap": ["compensation.yearlyCap", "compensation", "callOffs"],
  "group-rule-not-met": ["compensation.groupRule"],
  "outside-term": ["term"],
  twelfth: ["compensation", "payment"],
  "visit-fee": ["compensation.visitFee"],
};

function at(contract: Contract, path: string): unknown {
  let node: unknown = contract;
  for (const key of path.split(".")) node = typeof node === "object" && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  return node;
}

function quoteOf(node: unknown): string | undefined {
  if (typeof node !== "object" || node === null) return undefined;
  const q = (node as { quote?: unknown }).quote;
  return typeof q === "string" ? q : undefined;
}

/**
 * The contract's sentences a line comes from: its kind's parts of the
 * commission (a group session also the group rule), each quoted once.
 *
 * @param contract - the commission
 * @param line - the line
 * @returns the Swedish sentences
 */
export function quotesFor(contract: Contract, line: StatementLine): string[] {
  const paths = [...SOURCES[line.kind]];
  if (line.explanation.rule === "group-rule") paths.push("compensation.groupRule");
  const quotes: string[] = [];
  for (const p of paths) {
    const q = quoteOf(at(contract, p));
    if (q !== undefined && !quotes.includes(q)) quotes.push(q);
  }
  return quotes;
}
