/**
 * Every exported function, fed hostile arguments (see arbitraries.ts and
 * table.ts), either returns a sound result or throws a RulesError: never a
 * TypeError or RangeError, never NaN or a missing figure, never a changed
 * input, never a hang.
 *
 * The calls run in a worker thread (fuzz-worker.mjs) watched from here: a
 * call that does not return within HANG_MS ends the worker, and the test
 * names the call. A call slower than runner.SLOW_MS fails too.
 *
 * Deterministic by default (a fixed seed); `ROBUSTNESS_SEED=random` (or a
 * number) explores other inputs, `ROBUSTNESS_SCALE=10` ten times as many,
 * and a failure prints its seed.
 *
 * @module
 */
import { Worker } from "node:worker_threads";
import { afterAll, describe, expect, it } from "vitest";
import type { FuzzReport } from "./runner.js";
import { TABLE } from "./table.js";

const NUM_RUNS = 60;
const HANG_MS = 20_000;
const SCALE = Number(process.env.ROBUSTNESS_SCALE ?? 1);
const SEED = process.env.ROBUSTNESS_SEED === "random" ? Date.now() % 2 ** 31 : Number(process.env.ROBUSTNESS_SEED ?? 20_221_231);

type Result = { report: FuzzReport } | { hang: string };

type Message = { type: "ready" } | { type: "call"; text: string } | { type: "done"; report: FuzzReport };

/** One worker, restarted after a hang. */
class Fuzzer {
  private worker: Worker | null = null;
  private ready: Promise<void> = Promise.resolve();
  /** Where the worker's messages and errors go while a function is fuzzed. */
  private listener: { message: (m: Message) => void; error: (e: unknown) => void } | null = null;

  private start(): Worker {
    const worker = new Worker(new URL("./fuzz-worker.mjs", import.meta.url));
    this.ready = new Promise<void>((resolve, reject) => {
      worker.on("message", (m: Message) => {
        if (m.type === "ready") resolve();
        else this.listener?.message(m);
      });
      worker.on("error", (e) => {
        reject(e);
        this.listener?.error(e);
      });
    });
    this.worker = worker;
    return worker;
  }

  async run(name: string): Promise<Result> {
    const worker = this.worker ?? this.start();
    await this.ready;
    return new Promise<Result>((resolve, reject) => {
      let last = `${name}: before its first call`;
      let lastAt = Date.now();
      const finish = (): void => {
        clearInterval(watchdog);
        this.listener = null;
      };
      const watchdog = setInterval(() => {
        if (Date.now() - lastAt < HANG_MS) return;
        finish();
        this.worker = null;
        void worker.terminate();
        resolve({ hang: last });
      }, 250);
      this.listener = {
        message: (m) => {
          if (m.type === "call") {
            last = m.text;
            lastAt = Date.now();
          } else if (m.type === "done") {
            finish();
            resolve({ report: m.report });
          }
        },
        error: (e) => {
          finish();
          this.worker = null;
          reject(e instanceof Error ? e : new Error(String(e)));
        },
      };
      worker.postMessage({ name, numRuns: NUM_RUNS, seed: SEED, scale: SCALE });
    });
  }

  async stop(): Promise<void> {
    await this.worker?.terminate();
    this.worker = null;
  }
}

const fuzzer = new Fuzzer();
afterAll(async () => {
  await fuzzer.stop();
});

describe("every exported function, fed hostile input, returns a sound result or throws a RulesError", () => {
  for (const name of Object.keys(TABLE)) {
    it(name, async () => {
      const result = await fuzzer.run(name);
      if ("hang" in result) expect.fail(`${name} did not return within ${(HANG_MS / 1000).toString()} s (seed ${SEED.toString()}): ${result.hang}`);
      const { report } = result;
      if (report.skipped !== undefined) {
        // A table row for a function not exported yet (e.g. one being written): nothing to call.
        expect(report.skipped).toBe("not exported (yet)");
        return;
      }
      expect(report.failure, report.failure).toBeUndefined();
      expect(report.returned + report.rejected).toBe(report.runs);
    });
  }
});
