/**
 * The worker thread that fuzzes the exported functions (see fuzz.test.ts).
 * It runs outside vitest so that the test can end it when a call hangs: a
 * synchronous endless loop cannot be interrupted in the thread it runs in.
 * TypeScript is loaded with tsx, the source tree directly.
 */
import { parentPort } from "node:worker_threads";

const { register } = await import("tsx/esm/api");
register();
const { fuzz } = await import("./runner.ts");

parentPort.on("message", (message) => {
  const report = fuzz(message.name, message.numRuns, message.seed, (text) => parentPort.postMessage({ type: "call", text }), message.scale);
  parentPort.postMessage({ type: "done", report });
});
parentPort.postMessage({ type: "ready" });
