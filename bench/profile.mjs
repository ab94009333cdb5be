#!/usr/bin/env node
/**
 * One workload of the benchmark, run a few times, for a CPU profile:
 *
 *     npm run build
 *     node --cpu-prof --cpu-prof-dir=/tmp/prof bench/profile.mjs statement 1000000 [runs]
 *     node --cpu-prof --cpu-prof-dir=/tmp/prof bench/profile.mjs year 1000000
 *     node --cpu-prof --cpu-prof-dir=/tmp/prof bench/profile.mjs year-lines 1000000   (statements read)
 *     node --cpu-prof --cpu-prof-dir=/tmp/prof bench/profile.mjs baseline 1000000
 *     node --cpu-prof --cpu-prof-dir=/tmp/prof bench/profile.mjs settle 1000000   (December, January–November booked)
 *     node bench/profile-summary.mjs /tmp/prof/*.cpuprofile --lines
 *
 * `VU_DIST=/path/to/dist` profiles another build (e.g. a scratch copy with a
 * candidate fix) instead of ../dist.
 */
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";
import { generateCallOffs, generateSessions } from "./generate.mjs";
import { baseline } from "./baseline.mjs";

const [what = "statement", sizeText = "1000000", runsText = "5"] = process.argv.slice(2);
const n = Number(sizeText);
const runs = Number(runsText);
const dist = process.env.VU_DIST ? pathToFileURL(resolve(process.env.VU_DIST, "index.js")).href : new URL("../dist/index.js", import.meta.url).href;
const lib = await import(dist);
const sessions = generateSessions(n);
const callOffs = generateCallOffs(n);
/** What January–November booked, as a ledger file holds it (made once, before the runs). */
const ledger = what === "settle" ? JSON.parse(JSON.stringify(lib.settlementToJSON(lib.settle(lib.contracts.familjeradgivning, "2022-11", { sessions, callOffs, from: "2022-01" })).entries)) : [];
const work = {
  statement: () => lib.statement(lib.contracts.familjeradgivning, "2022-12", { sessions, callOffs }),
  year: () => lib.yearReport(lib.contracts.familjeradgivning, 2022, { sessions, callOffs }),
  "year-lines": () => lib.yearReport(lib.contracts.familjeradgivning, 2022, { sessions, callOffs }).statements,
  baseline: () => baseline(sessions, callOffs, 2022, [12]),
  "baseline-year": () => baseline(sessions, callOffs, 2022, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]),
  settle: () => lib.settle(lib.contracts.familjeradgivning, "2022-12", { sessions, callOffs, paid: ledger }),
}[what];
if (work === undefined) throw new Error(`unknown workload ${what}: statement, year, year-lines, baseline, baseline-year, settle`);
for (let r = 0; r < runs; r++) {
  const t = performance.now();
  work();
  console.log(`${what} ${n.toString()} run ${(r + 1).toString()}: ${(performance.now() - t).toFixed(0)} ms`);
}
