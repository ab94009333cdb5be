/**
 * Deterministic benchmark data: a year of Familjerådgivning sessions
 * (SON 2021-233), generated from a fixed seed so every run and every machine
 * sees the same input.
 *
 * - about 92 % individual sessions of 30–90 minutes;
 * - about 8 % group sessions of 3–8 participants, 45–135 minutes (so some
 *   fall outside the group rule's 5 participants / 60–120 minutes);
 * - dates spread over 2022 at random, ids in shuffled order: the input is
 *   in neither date nor id order;
 * - a few written call-offs (avrop) that raise the yearly cap during the year,
 *   sized so that the cap is crossed in December whatever the volume.
 *
 * Plain Node ESM, no dependencies.
 */
import { createWriteStream } from "node:fs";
import { once } from "node:events";

export const YEAR = 2022;
export const SEED = 0x5eed2022;

/** mulberry32: a small, fast, deterministic PRNG. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** All dates of the year as strings, shared (as a CSV reader would intern them). */
function datesOfYear(year) {
  const out = [];
  MONTH_LENGTHS.forEach((len, m) => {
    for (let d = 1; d <= len; d++) out.push(`${year}-${String(m + 1).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
  });
  return out;
}

/**
 * `n` sessions of the year, with ids `S0000001`… in shuffled order and dates
 * at random: neither the ids nor the dates are sorted, as an export from a
 * case system may arrive. The objects are allocated in array order, as a CSV
 * or JSON reader makes them.
 *
 * @param {number} n
 * @param {number} [seed]
 * @returns {{ id: string; date: string; minutes: number; kind: "individual" | "group"; participants?: number }[]}
 */
export function generateSessions(n, seed = SEED) {
  const random = rng(seed);
  const dates = datesOfYear(YEAR);
  const width = Math.max(7, String(n).length);
  // The ids in shuffled order (Fisher–Yates with the same generator).
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i + 1;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  const sessions = new Array(n);
  for (let i = 0; i < n; i++) {
    // Weekdays get most sessions; a few on weekends.
    let doy = Math.floor(random() * dates.length);
    const dow = (doy + 5) % 7; // 2022-01-01 was a Saturday: 0 = Monday
    if (dow >= 5 && random() < 0.8) doy = Math.max(0, doy - (dow - 4));
    const id = `S${String(order[i]).padStart(width, "0")}`;
    if (random() < 0.08) {
      const participants = 3 + Math.floor(random() * 6); // 3–8
      const minutes = 45 + Math.floor(random() * 91); // 45–135
      sessions[i] = { id, date: dates[doy], minutes, kind: "group", participants };
    } else {
      const minutes = 30 + Math.floor(random() * 61); // 30–90
      sessions[i] = { id, date: dates[doy], minutes, kind: "individual" };
    }
  }
  return sessions;
}

/**
 * Written call-offs sized to the volume: about 1.33 billable hours a session
 * (after the group rule's × 4) make some 1.33 n hours; the cap (2 590 h) plus
 * the call-offs come to 1.3 n hours, raised ahead of use (40 % in January,
 * then 25 %, 20 %, 15 %), so the cap is crossed in late December: the
 * December statement has lines within the cap and lines over it.
 *
 * @param {number} n
 */
export function generateCallOffs(n) {
  const extra = Math.max(400, Math.round(n * 1.3 - 2590));
  const shares = [
    ["A1", "01-03", 0.4],
    ["A2", "05-02", 0.25],
    ["A3", "08-15", 0.2],
    ["A4", "10-03", 0.15],
  ];
  return shares.map(([id, day, share]) => ({ id, date: `${YEAR}-${day}`, hours: String(Math.round(extra * share)), form: "written" }));
}

/**
 * Writes the sessions as the CLI's CSV (`id,date,minutes,kind,participants`).
 *
 * @param {string} path
 * @param {ReturnType<typeof generateSessions>} sessions
 */
export async function writeCsv(path, sessions) {
  const out = createWriteStream(path);
  const chunk = 20_000;
  let buffer = "id,date,minutes,kind,participants\n";
  for (let i = 0; i < sessions.length; i++) {
    const s = sessions[i];
    buffer += `${s.id},${s.date},${s.minutes},${s.kind},${s.participants ?? ""}\n`;
    if ((i + 1) % chunk === 0) {
      if (!out.write(buffer)) await once(out, "drain");
      buffer = "";
    }
  }
  out.end(buffer);
  await once(out, "finish");
}
