#!/usr/bin/env node
/**
 * Time per session across sizes, for telling an algorithm that grows faster
 * than linearly from the memory hierarchy: a December statement (and the
 * plain-JS baseline doing the same work) on 25 000 to 2 000 000 sessions.
 * If the library's ns/session climbs where the baseline's climbs too, the
 * cause is the machine (caches, garbage collection of a larger heap), not a
 * rescan in the library.
 *
 *     npm run build && node bench/scaling.mjs [runs]
 *
 * (No forced garbage collection between runs: a full collection makes V8
 * drop optimised code, and the next call is several times slower.)
 *
 * `VU_DIST=/path/to/dist` measures another build.
 */
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";
import { baseline } from "./baseline.mjs";
import { generateCallOffs, generateSessions } from "./generate.mjs";

const runs = Number(process.argv[2] ?? 5);
const dist = process.env.VU_DIST ? pathToFileURL(resolve(process.env.VU_DIST, "index.js")).href : new URL("../dist/index.js", import.meta.url).href;
const lib = await import(dist);
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

console.log("sessions   statement ns/session   baseline ns/session   ratio");
for (const n of (process.env.SCALING_SIZES ?? "10000,25000,50000,100000,200000,400000,1000000,2000000").split(",").map(Number)) {
  const sessions = generateSessions(n);
  const callOffs = generateCallOffs(n);
  const time = (fn) => {
    const out = [];
    fn();
    for (let r = 0; r < runs; r++) {
      const t = performance.now();
      fn();
      out.push(performance.now() - t);
    }
    return median(out);
  };
  const lib1 = time(() => lib.statement(lib.contracts.familjeradgivning, "2022-12", { sessions, callOffs }));
  const base = time(() => baseline(sessions, callOffs, 2022, [12]));
  const ns = (ms) => ((ms * 1e6) / n).toFixed(0).padStart(10);
  console.log(`${n.toLocaleString("en").padStart(9)}   ${ns(lib1)}             ${ns(base)}          ${(lib1 / base).toFixed(2)}`);
}
