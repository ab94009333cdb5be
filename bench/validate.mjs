#!/usr/bin/env node
/**
 * Contract validation speed (issue 16): `parseContract` on each shipped
 * commission as plain JSON (the path of a hand-built or file contract), on an
 * invalid one (six bad fields: the error path, issues and message), and
 * `contractSchema.safeParse` directly. tinybench, median µs per call.
 *
 *     npm run build && node bench/validate.mjs
 *
 * `VU_DIST=/path/to/dist` measures another build (e.g. main's, for a
 * before/after comparison in the same minutes).
 */
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";
import { Bench } from "tinybench";

const dist = process.env.VU_DIST ? pathToFileURL(resolve(process.env.VU_DIST, "index.js")).href : new URL("../dist/index.js", import.meta.url).href;
const lib = await import(dist);

const plain = Object.fromEntries(Object.entries(lib.contracts).map(([name, c]) => [name, JSON.parse(JSON.stringify(c))]));
const f = plain.familjeradgivning;
const invalid = {
  ...f,
  id: "Not A Slug",
  date: "2021-02-30",
  compensation: { ...f.compensation, rate: "12,5", priceYear: 2030, extra: true },
  term: { ...f.term, end: "2000-01-01" },
};
const time = Number(process.env.BENCH_TIME_MS ?? 1000);
const bench = new Bench({ time, warmupTime: 200 });
for (const [name, c] of Object.entries(plain)) bench.add(`parseContract ${name}`, () => lib.parseContract(c));
bench.add("parseContract invalid (6 problems)", () => {
  try {
    lib.parseContract(invalid);
  } catch (e) {
    if (e.code !== "INVALID_CONTRACT") throw e;
    return;
  }
  throw new Error("expected INVALID_CONTRACT");
});
bench.add("contractSchema.safeParse familjeradgivning", () => lib.contractSchema.safeParse(f));
await bench.run();
console.log(`${"task".padEnd(44)}  median µs     min µs   samples`);
for (const t of bench.tasks) {
  const lat = t.result.latency;
  console.log(`${t.name.padEnd(44)} ${(lat.p50 * 1000).toFixed(1).padStart(10)} ${(lat.min * 1000).toFixed(1).padStart(10)} ${String(lat.samplesCount).padStart(9)}`);
}
