/**
 * The `verksamhetsuppdrag` command's entry point (built to `dist/cli.js`).
 * It only wires `process` to {@link run}: the arguments in, file descriptors
 * 1 and 2 out (every write checked), the exit code into `process.exitCode`.
 *
 * @module
 */
import { EXIT } from "./errors.js";
import { fdSink } from "./output.js";
import { run } from "./run.js";

// The streams are written with checked synchronous writes to fd 1 and 2, not
// through process.stdout: a stream over a file does not report a short write
// (a full disk, `ulimit -f`), and its errors arrive after the exit code is set.
// A closed pipe (`verksamhetsuppdrag demo | head`) is not an error (fdSink).
const stderr = fdSink(2);

run(process.argv.slice(2), { stdout: fdSink(1), stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    // run() reports every error itself; this is only a last guard.
    try {
      stderr.write("verksamhetsuppdrag: internal error\n");
    } catch {
      // Nowhere left to report to.
    }
    process.exitCode = EXIT.INTERNAL;
  },
);
