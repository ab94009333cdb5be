/**
 * A hand-written plain-JS baseline for the benchmark: the same work as
 * `statement` / `yearReport` on Familjerådgivning (SON 2021-233), with none of
 * the library's generality — the contract's figures are constants here.
 *
 * What it does, for every session of the input:
 * - validation: `id` a non-empty string; `date` exactly `YYYY-MM-DD` and a real
 *   calendar date; `minutes` a safe integer 0–527 040; `kind` `'individual'`
 *   or `'group'`; `participants` an integer 1–1 000 000 when given, required
 *   for a group; a repeated id is an error;
 * - call-offs: id, date, hours (at most two decimals), form `'written'`;
 * - billable time in integer ticks (1/6000 h): started quarter hours
 *   (⌈minutes / 15⌉), the group rule (≥ 5 participants, 60–120 minutes:
 *   4 client hours per group hour), otherwise the group's own time × 1;
 * - the yearly cap of 2 590 hours, raised by the call-offs from their dates,
 *   walked in date order with a counting sort by day; the sessions of a day
 *   on which the cap is crossed, and of the months asked for, in id order;
 * - money in integer öre (605 kr/h, half-up once per line), each month's
 *   lines (one per session, a second when the cap splits it) with id,
 *   description, quantity, unit price, amount and clause; the totals; visit
 *   fees (200 kr per visit) owed to the purchaser.
 *
 * It throws a plain Error on bad input. Its totals are checked against the
 * library's in bench/run.mjs, so the two really do the same work.
 */

const RATE_ORE = 60500;
const FEE_ORE = 20000;
const CAP_TICKS = 2590 * 6000;
const TICKS_PER_QUARTER = 1500;
const MAX_MINUTES = 527040;
const CLAUSE = "SON 2021-233 §1.2";
const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(y) {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Days since 1970-01-01 of a valid `YYYY-MM-DD`, or -1e9 when not valid. */
function dayOf(s) {
  if (typeof s !== "string" || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return -1e9;
  let y = 0;
  for (let k = 0; k < 4; k++) {
    const c = s.charCodeAt(k) - 48;
    if (c < 0 || c > 9) return -1e9;
    y = y * 10 + c;
  }
  const m1 = s.charCodeAt(5) - 48;
  const m2 = s.charCodeAt(6) - 48;
  const d1 = s.charCodeAt(8) - 48;
  const d2 = s.charCodeAt(9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return -1e9;
  const m = m1 * 10 + m2;
  const d = d1 * 10 + d2;
  if (y < 1000 || m < 1 || m > 12 || d < 1) return -1e9;
  const dim = m === 2 && isLeap(y) ? 29 : MONTH_LENGTHS[m - 1];
  if (d > dim) return -1e9;
  // days from civil (H. Hinnant)
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function oreText(ore) {
  const sign = ore < 0 ? "-" : "";
  const a = Math.abs(ore);
  const kr = Math.floor(a / 100);
  const o = a - kr * 100;
  return `${sign}${kr}.${o < 10 ? "0" : ""}${o}`;
}

/** ticks × 60500 / 6000, half-up: exact in doubles for any ticks of a year. */
function amountOf(ticks) {
  const n = ticks * RATE_ORE;
  const q = Math.floor(n / 6000);
  const r = n - q * 6000;
  return r * 2 >= 6000 ? q + 1 : q;
}

function hoursToTicks(h) {
  const text = typeof h === "number" && Number.isFinite(h) ? String(h) : h;
  if (typeof text !== "string" || !/^(0|[1-9]\d{0,8})(\.\d{1,2})?$/.test(text)) throw new Error(`hours: ${String(h)}`);
  const [w, f = ""] = text.split(".");
  return (Number(w) * 100 + Number(f.padEnd(2, "0"))) * 60;
}

function bad(i, field, value) {
  return new Error(`sessions.${i}.${field}: bad value ${String(value)}`);
}

/**
 * @param {readonly object[]} sessions
 * @param {readonly object[]} callOffs
 * @param {number} year
 * @param {readonly number[]} months - the months (1–12) whose totals (and lines) to compute
 * @param {boolean} [withLines] - whether to build the months' lines (default true); without, only the totals, as a year report's own figures
 * @returns {{ month: string; lines: object[]; total: string; notPayable: string; fees: string }[]}
 */
export function baseline(sessions, callOffs, year, months, withLines = true) {
  const n = sessions.length;
  const day = new Int32Array(n);
  const ticks = new Float64Array(n);
  const group = new Uint8Array(n);
  const seen = new Set();
  for (let i = 0; i < n; i++) {
    const s = sessions[i];
    if (typeof s !== "object" || s === null) throw bad(i, "", s);
    const id = s.id;
    if (typeof id !== "string" || id.length === 0) throw bad(i, "id", id);
    const d = dayOf(s.date);
    if (d === -1e9) throw bad(i, "date", s.date);
    const minutes = s.minutes;
    if (typeof minutes !== "number" || !Number.isSafeInteger(minutes) || minutes < 0 || minutes > MAX_MINUTES) throw bad(i, "minutes", minutes);
    const p = s.participants;
    if (p !== undefined && (typeof p !== "number" || !Number.isSafeInteger(p) || p < 1 || p > 1_000_000)) throw bad(i, "participants", p);
    const quarters = Math.ceil(minutes / 15);
    if (s.kind === "group") {
      if (p === undefined) throw bad(i, "participants", p);
      group[i] = 1;
      ticks[i] = (p >= 5 && minutes >= 60 && minutes <= 120 ? quarters * 4 : quarters) * TICKS_PER_QUARTER;
    } else if (s.kind === "individual") {
      ticks[i] = quarters * TICKS_PER_QUARTER;
    } else throw bad(i, "kind", s.kind);
    if (seen.has(id)) throw new Error(`sessions.${i}.id: duplicate ${id}`);
    seen.add(id);
    day[i] = d;
  }

  const yearStart = dayOf(`${year}-01-01`);
  const days = isLeap(year) ? 366 : 365;
  const raise = new Float64Array(days);
  const offIds = new Set();
  callOffs.forEach((c, i) => {
    if (typeof c.id !== "string" || c.id.length === 0 || offIds.has(c.id)) throw new Error(`callOffs.${i}.id`);
    offIds.add(c.id);
    const d = dayOf(c.date);
    if (d === -1e9) throw new Error(`callOffs.${i}.date`);
    const t = hoursToTicks(c.hours);
    if (t === 0) throw new Error(`callOffs.${i}.hours`);
    if (c.form !== "written") throw new Error(`callOffs.${i}.form`);
    if (d >= yearStart && d < yearStart + days) raise[d - yearStart] += t;
  });

  // Counting sort of the year's sessions by day.
  const start = new Int32Array(days + 1);
  for (let i = 0; i < n; i++) {
    const doy = day[i] - yearStart;
    if (doy >= 0 && doy < days) start[doy + 1]++;
  }
  for (let d = 0; d < days; d++) start[d + 1] += start[d];
  const fill = start.slice(0, days);
  const order = new Int32Array(start[days]);
  for (let i = 0; i < n; i++) {
    const doy = day[i] - yearStart;
    if (doy >= 0 && doy < days) order[fill[doy]++] = i;
  }
  // A day's sessions in id order: the ids are read once, then sorted.
  const inIdOrder = (list) => {
    const keyed = new Array(list.length);
    for (let k = 0; k < list.length; k++) keyed[k] = { id: sessions[list[k]].id, i: list[k] };
    keyed.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const out = new Array(list.length);
    for (let k = 0; k < list.length; k++) out[k] = keyed[k].i;
    return out;
  };
  const wanted = new Uint8Array(13);
  for (const m of months) wanted[m] = 1;
  const monthOfDoy = new Uint8Array(days);
  let d0 = 0;
  for (let m = 0; m < 12; m++) {
    const len = m === 1 && isLeap(year) ? 29 : MONTH_LENGTHS[m];
    monthOfDoy.fill(m + 1, d0, d0 + len);
    d0 += len;
  }

  // The cap in date order; a day is put in id order when it is crossed or its lines are wanted.
  const payable = new Float64Array(n);
  const out = new Map();
  let cap = CAP_TICKS;
  let used = 0;
  for (let d = 0; d < days; d++) {
    cap += raise[d];
    const from = start[d];
    const to = start[d + 1];
    if (from === to) continue;
    const month = monthOfDoy[d];
    let today = order.subarray(from, to);
    let dayTotal = 0;
    for (let k = 0; k < today.length; k++) dayTotal += ticks[today[k]];
    const crossed = dayTotal > cap - used;
    if (crossed || (withLines && wanted[month] === 1)) today = inIdOrder(today);
    let left = cap - used;
    for (let k = 0; k < today.length; k++) {
      const i = today[k];
      const take = Math.min(ticks[i], Math.max(0, left));
      payable[i] = take;
      left -= take;
    }
    used = Math.min(cap, used + dayTotal);
    if (wanted[month] !== 1) continue;
    let st = out.get(month);
    if (st === undefined) {
      st = { month: `${year}-${String(month).padStart(2, "0")}`, lines: [], total: 0, notPayable: 0, visits: 0 };
      out.set(month, st);
    }
    for (let k = 0; k < today.length; k++) {
      const i = today[k];
      const t = ticks[i];
      const pay = payable[i];
      const payOre = amountOf(pay);
      const overOre = t > pay ? amountOf(t) - payOre : 0;
      st.visits++;
      if (pay > 0 || t === 0) st.total += payOre;
      st.notPayable += overOre;
      if (!withLines) continue;
      const s = sessions[i];
      const base = `familjeradgivning:${st.month}:session:${s.id}`;
      const what = group[i] === 1 ? `Grupp ${s.date} (${s.id}), ${s.participants} deltagare, ${s.minutes} min` : `Samtal ${s.date} (${s.id}), ${s.minutes} min`;
      if (pay > 0 || t === 0) {
        st.lines.push({ id: base, description: what, quantity: String(pay / 6000), unitPrice: "605.00", amount: oreText(payOre), payable: true, clause: CLAUSE });
      }
      if (t > pay) {
        st.lines.push({ id: `${base}:over-cap`, description: `${what}, över takvolymen`, quantity: String((t - pay) / 6000), unitPrice: "605.00", amount: oreText(overOre), payable: false, clause: CLAUSE });
      }
    }
  }
  return months.map((m) => {
    const st = out.get(m) ?? { month: `${year}-${String(m).padStart(2, "0")}`, lines: [], total: 0, notPayable: 0, visits: 0 };
    return { month: st.month, lines: st.lines, total: oreText(st.total), notPayable: oreText(st.notPayable), fees: oreText(st.visits * FEE_ORE) };
  });
}
