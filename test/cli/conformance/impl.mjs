#!/usr/bin/env node
// The Node fallback of impl.py for machines without python3: the same three
// kinds (notice-end, term, revision), written the same way from the texts,
// money as BigInt öre (never a float). `--wrong` makes the same two mistakes.
import { readFileSync } from "node:fs";

const WRONG = process.argv.includes("--wrong");
const OPI = { 2020: "3.0", 2021: "1.5", 2022: "1.9" };

const pad = (n, w = 2) => String(n).padStart(w, "0");
const parseDate = (t) => t.split("-").map(Number);
const fmtDate = (y, m, d) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
const addMonths = (y, m, n) => {
  const total = y * 12 + (m - 1) + n;
  return [Math.floor(total / 12), (total % 12) + 1];
};
const lastDay = (y, m) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const error = (code) => ({ error: code });

function noticeEnd(contract, given) {
  const clause = contract.notice;
  if (clause === null) return error("NOT_IN_CONTRACT");
  if (given.form !== "written") return error("NOTICE_NOT_WRITTEN");
  const months = given.months ?? clause.months;
  const [y, m, d] = parseDate(given.receivedOn);
  const [ty, tm] = addMonths(y, m, months);
  if (given.rule === "end-of-month") return { end: fmtDate(ty, tm, lastDay(ty, tm)), months, clamped: false, clause: clause.clause };
  const clamped = d > lastDay(ty, tm);
  let end = fmtDate(ty, tm, Math.min(d, lastDay(ty, tm)));
  if (clamped && WRONG) {
    const [ny, nm] = addMonths(ty, tm, 1);
    end = fmtDate(ny, nm, 1);
  }
  return { end, months, clamped, clause: clause.clause };
}

function term(contract, given) {
  const used = given.extensionsUsed ?? 0;
  const t = contract.term;
  if (t.end === null) return used > 0 ? error("EXTENSION_NOT_ALLOWED") : { end: null };
  const ext = t.extensions;
  if (used > 0 && (ext === null || used > ext.count)) return error("EXTENSION_NOT_ALLOWED");
  let [ey, em] = parseDate(t.end);
  [ey, em] = addMonths(ey, em, used * (ext ? ext.months : 0));
  let [y, m] = parseDate(t.start);
  const byYear = {};
  while (y * 12 + m <= ey * 12 + em) {
    byYear[String(y)] = (byYear[String(y)] ?? 0) + 1;
    [y, m] = addMonths(y, m, 1);
  }
  return { end: fmtDate(ey, em, lastDay(ey, em)), months: Object.values(byYear).reduce((a, b) => a + b, 0), byYear };
}

/** A decimal string as an integer count of `scale` decimals. */
function scaled(text, scale) {
  const negative = text.startsWith("-");
  const [whole, fraction = ""] = (negative ? text.slice(1) : text).split(".");
  const value = BigInt(whole + fraction.padEnd(scale, "0"));
  return negative ? -value : value;
}
const money = (ore) => `${ore < 0n ? "-" : ""}${(ore < 0n ? -ore : ore) / 100n}.${pad(Number((ore < 0n ? -ore : ore) % 100n))}`;
/** a / b rounded half up (a, b positive) or down. */
const divide = (a, b, halfUp) => (halfUp ? (2n * a + b) / (2n * b) : a / b);

function percentOf(series, year) {
  const value = series.values?.[String(year)];
  if (value !== undefined) return { percent: String(value.percent), status: value.status ?? "unspecified" };
  const plain = series.percent?.[String(year)];
  if (plain !== undefined) return { percent: String(plain), status: "unspecified" };
  return { percent: OPI[year], status: "final" };
}

function annual(contract, series, year) {
  let ore = scaled(contract.compensation.amount, 2);
  for (let y = contract.indexation.firstAdjustedYear; y <= year; y++) {
    // percent with up to four decimals: ore × (1 000 000 + p × 10 000) / 1 000 000, half up.
    const p = scaled(percentOf(series, y).percent, 4);
    ore = divide(ore * (1000000n + p), 1000000n, true);
  }
  return ore;
}

const twelfth = (ore, month) => {
  const one = divide(ore, 12n, WRONG);
  return month === 12 ? ore - 11n * one : one;
};

function revision(contract, given) {
  const year = given.year;
  const through = Number(given.paidThrough.slice(5, 7));
  const before = annual(contract, given.from, year);
  const after = annual(contract, given.to, year);
  const months = [];
  let paid = 0n;
  let revised = 0n;
  for (let m = 1; m <= through; m++) {
    const p = twelfth(before, m);
    const r = twelfth(after, m);
    paid += p;
    revised += r;
    months.push({ month: `${pad(year, 4)}-${pad(m)}`, paid: money(p), revised: money(r), difference: money(r - p) });
  }
  const diff = revised - paid;
  return {
    months,
    paid: money(paid),
    revised: money(revised),
    difference: money(diff),
    direction: diff > 0n ? "owed-to-provider" : diff < 0n ? "reclaimed-from-provider" : "none",
    from: percentOf(given.from, year),
    to: percentOf(given.to, year),
  };
}

const KINDS = { "notice-end": noticeEnd, term, revision };
const question = JSON.parse(readFileSync(0, "utf8"));
const kind = KINDS[question.kind];
if (kind === undefined) {
  process.stderr.write(`impl.mjs: kind ${question.kind} is not implemented\n`);
  process.exit(3);
}
process.stdout.write(`${JSON.stringify(kind(question.contract, question.input ?? {}))}\n`);
