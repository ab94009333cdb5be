/**
 * The `verksamhetsuppdrag` command's entry point (built to `dist/cli.js`).
 * It only wires `process` to {@link run}: the arguments in, the two streams
 * out, the exit code into `process.exitCode` (never `process.exit`, so the
 * output is flushed first).
 *
 * @module
 */
import { EXIT } from "./errors.js";
import { run } from "./run.js";

// A closed pipe (`verksamhetsuppdrag demo | head`) is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exitCode ??= EXIT.OK;
  else process.exitCode = EXIT.INTERNAL;
});

run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    // run() reports every error itself; this is only a last guard.
    process.stderr.write("verksamhetsuppdrag: internal error\n");
    process.exitCode = EXIT.INTERNAL;
  },
);
