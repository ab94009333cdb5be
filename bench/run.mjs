#!/usr/bin/env node
/**
 * The benchmark (`npm run bench`; not part of `npm test`). For 10 000,
 * 100 000 and 1 000 000 generated Familjerådgivning sessions of 2022
 * (bench/generate.mjs, fixed seed) it measures, against the BUILT package
 * (../dist/index.js):
 *
 * - a December `statement`, a `yearReport` and a December `settle` against
 *   the ledger of January–November, with tinybench (median of
 *   several runs), next to a hand-written plain-JS baseline doing the same
 *   work in the same process (bench/baseline.mjs; its totals are checked
 *   against the library's first);
 * - each workload's peak memory, in a child process of its own (peak RSS,
 *   and the part above the process with its input loaded);
 * - the command line on a CSV of that size: wall time and the child's peak
 *   RSS (`/usr/bin/time -v`, or bench/measure-cli.mjs where that is missing).
 *
 * It prints a table and writes bench/results.json.
 *
 * Environment: `BENCH_SIZES=10000,100000` to choose sizes; `BENCH_RUNS=3`
 * to set the runs per task (default 15 / 7 / 5 by size); `BENCH_CLI_RUNS`
 * (default 3); `BENCH_OUT` for another results file.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, openSync, closeSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Bench } from "tinybench";
import { baseline } from "./baseline.mjs";
import { generateCallOffs, generateSessions, writeCsv, YEAR } from "./generate.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const distIndex = join(root, "dist", "index.js");
const cliPath = join(root, "dist", "cli.js");
const MONTH = `${YEAR}-12`;
const ALL_MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

if (!existsSync(distIndex) || !existsSync(cliPath)) {
  console.error("bench: dist/ is missing; run `npm run build` (npm run bench does)");
  process.exit(1);
}
const lib = await import(distIndex);

/** What January–November booked: the ledger a December settlement reads (as JSON, as a ledger file holds it). */
function ledgerThroughNovember(sessions, callOffs) {
  const booked = lib.settle(lib.contracts.familjeradgivning, `${YEAR}-11`, { sessions, callOffs, from: `${YEAR}-01` });
  return JSON.parse(JSON.stringify(lib.settlementToJSON(booked).entries));
}

/** The workloads, by name: the library's and the baseline's. */
function workloads(sessions, callOffs, ledger = null) {
  const contract = lib.contracts.familjeradgivning;
  let paid = ledger;
  return {
    // December settled against the eleven months already booked (the ledger is made once, outside the timing).
    settle: () => lib.settle(contract, MONTH, { sessions, callOffs, paid: (paid ??= ledgerThroughNovember(sessions, callOffs)) }),
    statement: () => lib.statement(contract, MONTH, { sessions, callOffs }),
    "baseline statement": () => baseline(sessions, callOffs, YEAR, [12]),
    yearReport: () => lib.yearReport(contract, YEAR, { sessions, callOffs }),
    "baseline year": () => baseline(sessions, callOffs, YEAR, ALL_MONTHS, false),
    // The same report with its statements read: every line of the year built and explained.
    "yearReport + lines": () => {
      const report = lib.yearReport(contract, YEAR, { sessions, callOffs });
      if (report.statements.length !== 12) throw new Error("expected 12 statements");
      return report;
    },
    "baseline year lines": () => baseline(sessions, callOffs, YEAR, ALL_MONTHS, true),
  };
}

// ---------------------------------------------------------------------------
// Child mode: one workload once, reporting its peak memory.
if (process.argv[2] === "--memory") {
  const [, , , name, sizeText] = process.argv;
  const n = Number(sizeText);
  const sessions = generateSessions(n);
  const callOffs = generateCallOffs(n);
  const work = workloads(sessions, callOffs, name === "settle" ? ledgerThroughNovember(sessions, callOffs) : null)[name];
  const before = process.resourceUsage().maxRSS;
  const result = work();
  const after = process.resourceUsage().maxRSS;
  process.stdout.write(`${JSON.stringify({ name, n, inputKB: before, peakKB: after, kept: result === undefined ? 0 : 1 })}\n`);
  process.exit(0);
}

// ---------------------------------------------------------------------------
const sizes = (process.env.BENCH_SIZES ?? "10000,100000,1000000").split(",").map(Number);
const cliRuns = Number(process.env.BENCH_CLI_RUNS ?? 3);
const runsFor = (n) => Number(process.env.BENCH_RUNS ?? (n >= 1_000_000 ? 5 : n >= 100_000 ? 7 : 15));
const work = join(tmpdir(), `verksamhetsuppdrag-bench-${process.pid.toString()}`);
mkdirSync(work, { recursive: true });
const timeBin = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;
const loadStart = loadavg();
const started = new Date();

const log = (text) => process.stderr.write(`${text}\n`);
// No forced garbage collection between runs: a full collection makes V8 drop
// optimised code and feedback, so the next call runs 5–10× slower at 10 000
// sessions (measured); each run pays for some of the previous run's garbage
// instead, as in a service that computes statement after statement.
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Runs a command, returning its exit code, stderr and wall time; stdout goes to `outFile`. */
function runChild(command, args, outFile) {
  return new Promise((resolve, reject) => {
    const out = outFile === undefined ? "pipe" : openSync(outFile, "w");
    const t0 = performance.now();
    const child = spawn(command, args, { stdio: ["ignore", out, "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => {
      const ms = performance.now() - t0;
      if (typeof out === "number") closeSync(out);
      resolve({ code, stdout, stderr, ms });
    });
  });
}

/** Peak RSS in KB of a measured CLI run. */
function peakOf(result) {
  if (timeBin !== null) {
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr);
    if (m !== null) return Number(m[1]);
  }
  const m = /^maxRSS (\d+)$/m.exec(result.stderr);
  return m === null ? Number.NaN : Number(m[1]);
}

async function measureCli(n, csv, callOffsFile, expectedTotal) {
  const cliArgs = [cliPath, "statement", "familjeradgivning", "--month", MONTH, "--sessions", csv, "--call-offs", callOffsFile, "--format", "json"];
  const command = timeBin ?? process.execPath;
  const args = timeBin !== null ? ["-v", process.execPath, ...cliArgs] : [join(here, "measure-cli.mjs"), ...cliArgs.slice(1)];
  const runs = [];
  for (let r = 0; r < cliRuns; r++) {
    const outFile = join(work, `out-${n.toString()}.json`);
    const result = await runChild(command, args, outFile);
    if (result.code !== 0) throw new Error(`CLI failed on ${n.toString()} sessions (exit ${String(result.code)}): ${result.stderr.slice(-2000)}`);
    if (r === 0) {
      const total = JSON.parse(readFileSync(outFile, "utf8")).total;
      if (total !== expectedTotal) throw new Error(`CLI total ${String(total)} differs from the library's ${expectedTotal}`);
    }
    rmSync(outFile, { force: true });
    runs.push({ ms: result.ms, peakKB: peakOf(result) });
    log(`  cli ${n.toString()} run ${(r + 1).toString()}: ${result.ms.toFixed(0)} ms, peak ${(peakOf(result) / 1024).toFixed(0)} MB`);
  }
  return {
    medianMs: median(runs.map((r) => r.ms)),
    peakMB: Math.max(...runs.map((r) => r.peakKB)) / 1024,
    medianPeakMB: median(runs.map((r) => r.peakKB)) / 1024,
    runs,
    measuredWith: timeBin !== null ? "/usr/bin/time -v" : "bench/measure-cli.mjs (process.resourceUsage().maxRSS)",
  };
}

async function measureMemory(name, n) {
  const result = await runChild(process.execPath, [fileURLToPath(import.meta.url), "--memory", name, String(n)]);
  if (result.code !== 0) throw new Error(`memory child ${name} ${n.toString()} failed: ${result.stderr}`);
  const m = JSON.parse(result.stdout.trim().split("\n").pop());
  return { peakMB: m.peakKB / 1024, inputMB: m.inputKB / 1024, aboveInputMB: (m.peakKB - m.inputKB) / 1024 };
}

/** Checks that the baseline computes exactly what the library does, so the ratio compares like with like. */
function verify(sessions, callOffs) {
  const w = workloads(sessions, callOffs);
  const s = w.statement();
  const [b] = w["baseline statement"]();
  const same =
    s.total.toFixed(2) === b.total &&
    s.notPayable.toFixed(2) === b.notPayable &&
    s.feesOwedToPurchaser.toFixed(2) === b.fees &&
    s.lines.length === b.lines.length &&
    s.lines.every((l, k) => l.id === b.lines[k].id && l.amount.toFixed(2) === b.lines[k].amount && l.payable === b.lines[k].payable);
  const y = w.yearReport();
  const by = w["baseline year"]();
  const byLines = w["baseline year lines"]();
  // Money as integer öre (BigInt), from "1234.50" or a Decimal's toFixed(2).
  const ore = (text) => BigInt(text.replace(".", ""));
  const sum = (list, key) => list.reduce((acc, st) => acc + ore(st[key]), 0n);
  const sameYear =
    ore(y.total.toFixed(2)) === sum(by, "total") &&
    ore(y.notPayable.toFixed(2)) === sum(by, "notPayable") &&
    y.statements.every((st, k) => st.total.toFixed(2) === by[k].total && st.notPayable.toFixed(2) === by[k].notPayable && st.lines.length === byLines[k].lines.length && st.total.toFixed(2) === byLines[k].total);
  if (!same || !sameYear) throw new Error("the baseline's figures differ from the library's: the comparison would not be fair");
  return { decemberTotal: s.total.toFixed(2), decemberNotPayable: s.notPayable.toFixed(2), decemberLines: s.lines.length, yearTotal: y.total.toFixed(2) };
}

const results = [];
for (const n of sizes) {
  log(`\n${n.toLocaleString("en")} sessions`);
  let sessions = generateSessions(n);
  let callOffs = generateCallOffs(n);
  const figures = verify(sessions, callOffs);
  log(`  verified: baseline = library (December total ${figures.decemberTotal}, ${figures.decemberLines.toString()} lines; year ${figures.yearTotal})`);

  const runs = runsFor(n);
  const bench = new Bench({ name: `${n.toString()} sessions`, iterations: runs, time: 0, warmupIterations: 1, warmupTime: 0, throws: true });
  // Each call's CPU time too (user + system, all threads of the process): on a
  // shared machine it moves less with the other processes' load than wall time.
  const cpu = {};
  const ledger = ledgerThroughNovember(sessions, callOffs);
  const settled = lib.settle(lib.contracts.familjeradgivning, MONTH, { sessions, callOffs, paid: ledger });
  if (settled.total.toFixed(2) !== figures.decemberTotal) throw new Error(`December's settlement ${settled.total.toFixed(2)} differs from its statement ${figures.decemberTotal}`);
  log(`  ledger: ${ledger.length.toString()} entries for January–November; December's settlement books its statement (${figures.decemberTotal})`);
  for (const [name, fn] of Object.entries(workloads(sessions, callOffs, ledger))) {
    cpu[name] = [];
    bench.add(
      name,
      () => {
        const c0 = process.cpuUsage();
        fn();
        const c = process.cpuUsage(c0);
        cpu[name].push((c.user + c.system) / 1000);
      },
    );
  }
  bench.addEventListener("cycle", (e) => {
    const t = e.task;
    if (t?.result?.latency) log(`  ${t.name}: median ${t.result.latency.p50.toFixed(0)} ms over ${t.result.latency.samplesCount.toString()} runs`);
  });
  await bench.run();
  const timing = {};
  for (const task of bench.tasks) {
    const r = task.result;
    if (r.state !== "completed") throw new Error(`${task.name}: ${r.state} ${r.error?.message ?? ""}`);
    // The calls before the measured ones were tinybench's warm-up.
    const measured = cpu[task.name].slice(-r.latency.samplesCount);
    timing[task.name] = { medianMs: r.latency.p50, meanMs: r.latency.mean, minMs: r.latency.min, maxMs: r.latency.max, runs: r.latency.samplesCount, cpuMedianMs: median(measured) };
  }

  const csv = join(work, `sessions-${n.toString()}.csv`);
  const callOffsFile = join(work, `call-offs-${n.toString()}.json`);
  await writeCsv(csv, sessions);
  writeFileSync(callOffsFile, JSON.stringify(callOffs));
  sessions = null;
  callOffs = null;

  const memory = {};
  for (const name of ["statement", "baseline statement", "yearReport", "baseline year", "yearReport + lines", "baseline year lines", "settle"]) memory[name] = await measureMemory(name, n);
  const cli = await measureCli(n, csv, callOffsFile, figures.decemberTotal);
  rmSync(csv, { force: true });

  const entry = (name, base) => ({
    medianMs: timing[name].medianMs,
    meanMs: timing[name].meanMs,
    minMs: timing[name].minMs,
    maxMs: timing[name].maxMs,
    runs: timing[name].runs,
    cpuMedianMs: timing[name].cpuMedianMs,
    sessionsPerSecond: Math.round(n / (timing[name].medianMs / 1000)),
    peakMB: memory[name].peakMB,
    aboveInputMB: memory[name].aboveInputMB,
    baseline: { medianMs: timing[base].medianMs, cpuMedianMs: timing[base].cpuMedianMs, peakMB: memory[base].peakMB, aboveInputMB: memory[base].aboveInputMB },
    ratioToBaseline: timing[name].medianMs / timing[base].medianMs,
  });
  results.push({
    sessions: n,
    figures,
    statement: entry("statement", "baseline statement"),
    yearReport: entry("yearReport", "baseline year"),
    yearReportLines: entry("yearReport + lines", "baseline year lines"),
    settle: {
      medianMs: timing.settle.medianMs,
      cpuMedianMs: timing.settle.cpuMedianMs,
      runs: timing.settle.runs,
      ledgerEntries: ledger.length,
      peakMB: memory.settle.peakMB,
      aboveInputMB: memory.settle.aboveInputMB,
      ratioToYearReport: timing.settle.medianMs / timing.yearReport.medianMs,
    },
    cli,
  });
}
rmSync(work, { recursive: true, force: true });

// ---------------------------------------------------------------------------
const bySize = new Map(results.map((r) => [r.sessions, r]));
const scaling = [];
for (const r of results) {
  const small = bySize.get(r.sessions / 10);
  if (small === undefined) continue;
  for (const what of ["statement", "yearReport", "yearReportLines", "settle"]) {
    scaling.push({ what, from: small.sessions, to: r.sessions, timeFactor: r[what].medianMs / small[what].medianMs });
  }
  scaling.push({ what: "cli", from: small.sessions, to: r.sessions, timeFactor: r.cli.medianMs / small.cli.medianMs });
}
const million = bySize.get(1_000_000);
const targets = [];
if (million !== undefined) {
  targets.push({ target: "December statement, 1 000 000 sessions ≤ 1 s", limit: 1000, measured: million.statement.medianMs, unit: "ms", met: million.statement.medianMs <= 1000 });
  targets.push({ target: "December statement within 3× the baseline", limit: 3, measured: million.statement.ratioToBaseline, unit: "×", met: million.statement.ratioToBaseline <= 3 });
  targets.push({ target: "year report, 1 000 000 sessions ≤ 2 s", limit: 2000, measured: million.yearReport.medianMs, unit: "ms", met: million.yearReport.medianMs <= 2000 });
  targets.push({ target: "settle December, 1 000 000 sessions, 11 months booked ≤ 1.5 s", limit: 1500, measured: million.settle.medianMs, unit: "ms", met: million.settle.medianMs <= 1500 });
  targets.push({ target: "settle December within 2× the year report", limit: 2, measured: million.settle.ratioToYearReport, unit: "×", met: million.settle.ratioToYearReport <= 2 });
  targets.push({ target: "CLI, 1 000 000-row CSV, peak memory ≤ 300 MB", limit: 300, measured: million.cli.peakMB, unit: "MB", met: million.cli.peakMB <= 300 });
}
for (const s of scaling.filter((x) => x.what !== "cli")) {
  targets.push({ target: `${s.what}: 10× the sessions (${s.from.toString()} → ${s.to.toString()}) ≤ 12× the time`, limit: 12, measured: s.timeFactor, unit: "×", met: s.timeFactor <= 12 });
}

const report = {
  generatedAt: started.toISOString(),
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? "unknown",
    totalMemoryMB: Math.round(totalmem() / 1024 / 1024),
    node: process.version,
    v8: process.versions.v8,
    platform: `${process.platform} ${process.arch}`,
    loadAverageAtStart: loadStart.map((x) => Number(x.toFixed(2))),
    loadAverageAtEnd: loadavg().map((x) => Number(x.toFixed(2))),
  },
  workload: {
    contract: "familjeradgivning (SON 2021-233)",
    year: YEAR,
    month: MONTH,
    generator: "bench/generate.mjs, fixed seed: ~92 % individual 30–90 min, ~8 % groups of 3–8 participants 45–135 min, shuffled, 4 written call-offs; the cap is crossed in late December",
    cli: `node dist/cli.js statement familjeradgivning --month ${MONTH} --sessions <n>.csv --call-offs <n>.json --format json`,
  },
  results,
  scaling,
  targets,
};
const outPath = process.env.BENCH_OUT ?? join(here, "results.json");
writeFileSync(outPath, `${JSON.stringify(report, null, 2)}\n`);

// ---------------------------------------------------------------------------
const fmtMs = (ms) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
const rows = [["sessions", "task", "median ms", "cpu ms", "sessions/s", "peak MB", "baseline ms", "ratio"]];
for (const r of results) {
  for (const what of ["statement", "yearReport", "yearReportLines"]) {
    const e = r[what];
    rows.push([r.sessions.toLocaleString("en"), what === "yearReportLines" ? "yearReport + lines" : what, fmtMs(e.medianMs), fmtMs(e.cpuMedianMs), e.sessionsPerSecond.toLocaleString("en"), e.peakMB.toFixed(0), fmtMs(e.baseline.medianMs), `${e.ratioToBaseline.toFixed(2)}×`]);
  }
  rows.push([r.sessions.toLocaleString("en"), "settle Dec", fmtMs(r.settle.medianMs), fmtMs(r.settle.cpuMedianMs), Math.round(r.sessions / (r.settle.medianMs / 1000)).toLocaleString("en"), r.settle.peakMB.toFixed(0), "", `${r.settle.ratioToYearReport.toFixed(2)}× yr`]);
  rows.push([r.sessions.toLocaleString("en"), "CLI (json)", fmtMs(r.cli.medianMs), "", Math.round(r.sessions / (r.cli.medianMs / 1000)).toLocaleString("en"), r.cli.peakMB.toFixed(0), "", ""]);
}
const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
const line = (row) => row.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  ");
console.log(`\nverksamhetsuppdrag benchmark — ${report.machine.cpus.toString()} cores, Node ${process.version}, load ${report.machine.loadAverageAtStart.join(" ")} → ${report.machine.loadAverageAtEnd.join(" ")}`);
console.log(line(rows[0]));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
for (const row of rows.slice(1)) console.log(line(row));
if (scaling.length > 0) {
  console.log("\nScaling (time factor for 10× the sessions):");
  for (const s of scaling) console.log(`  ${s.what.padEnd(10)} ${s.from.toLocaleString("en")} → ${s.to.toLocaleString("en")}: ${s.timeFactor.toFixed(2)}×`);
}
if (targets.length > 0) {
  console.log("\nTargets:");
  for (const t of targets) console.log(`  ${t.met ? "met   " : "MISSED"} ${t.target}: ${t.unit === "×" ? t.measured.toFixed(2) : t.measured.toFixed(0)} ${t.unit}`);
}
console.log(`\nWrote ${outPath}`);
