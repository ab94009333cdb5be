#!/usr/bin/env node
/**
 * Summarises a V8 `.cpuprofile` (from `node --cpu-prof`): the functions with
 * the most self time, and with the most total (inclusive) time.
 *
 *     node --cpu-prof --cpu-prof-dir=/tmp/prof bench/profile.mjs statement 1000000
 *     node bench/profile-summary.mjs /tmp/prof/*.cpuprofile [--top 25] [--lines]
 *
 * `--lines` adds the hottest source lines (V8's position ticks).
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";

const args = process.argv.slice(2);
let top = 25;
let lines = false;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--top") top = Number(args[++i]);
  else if (args[i] === "--lines") lines = true;
  else files.push(args[i]);
}
if (files.length === 0) {
  console.error("usage: node bench/profile-summary.mjs FILE.cpuprofile… [--top N]");
  process.exit(2);
}

/**
 * @param {string} file
 * @returns {{ total: number; rows: { name: string; self: number; inclusive: number }[] }}
 */
export function summarise(file) {
  const profile = JSON.parse(readFileSync(file, "utf8"));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // Sample time: timeDeltas[i] belongs to samples[i].
  const selfUs = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    selfUs.set(id, (selfUs.get(id) ?? 0) + dt);
    total += dt;
  });
  const keyOf = (n) => {
    const f = n.callFrame;
    const where = f.url ? `${basename(f.url)}:${f.lineNumber + 1}` : "";
    return `${f.functionName || "(anonymous)"} ${where}`.trim();
  };
  const self = new Map();
  const inclusive = new Map();
  for (const [id, us] of selfUs) {
    const node = nodes.get(id);
    const key = keyOf(node);
    self.set(key, (self.get(key) ?? 0) + us);
    // Inclusive: each distinct function on the stack once.
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const k = keyOf(nodes.get(at));
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + us);
    }
  }
  const lineTicks = new Map();
  for (const n of profile.nodes) {
    for (const p of n.positionTicks ?? []) {
      const key = `${basename(n.callFrame.url || "?")}:${p.line} (${n.callFrame.functionName || "(anonymous)"})`;
      lineTicks.set(key, (lineTicks.get(key) ?? 0) + p.ticks);
    }
  }
  const rows = [...self.keys()].map((name) => ({ name, self: self.get(name) ?? 0, inclusive: inclusive.get(name) ?? 0 }));
  for (const [name, us] of inclusive) if (!self.has(name)) rows.push({ name, self: 0, inclusive: us });
  return { total, rows, lineTicks };
}

for (const file of files) {
  const { total, rows, lineTicks } = summarise(file);
  const pct = (us) => `${((100 * us) / total).toFixed(1).padStart(5)} %`;
  const ms = (us) => `${(us / 1000).toFixed(0).padStart(7)} ms`;
  console.log(`\n${file}: ${(total / 1000).toFixed(0)} ms sampled`);
  console.log("\nTop self time:");
  for (const r of [...rows].sort((a, b) => b.self - a.self).slice(0, top)) console.log(`${ms(r.self)} ${pct(r.self)}  ${r.name}`);
  console.log("\nTop total time:");
  for (const r of [...rows].sort((a, b) => b.inclusive - a.inclusive).slice(0, top)) console.log(`${ms(r.inclusive)} ${pct(r.inclusive)}  ${r.name}`);
  if (lines) {
    const all = [...lineTicks.values()].reduce((a, b) => a + b, 0);
    console.log("\nTop source lines (share of line samples):");
    for (const [key, ticks] of [...lineTicks].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      console.log(`${((100 * ticks) / all).toFixed(1).padStart(5)} %  ${key}`);
    }
  }
}
