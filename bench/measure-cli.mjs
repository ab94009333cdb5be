#!/usr/bin/env node
/**
 * Runs the built command line in this process and reports its peak memory,
 * for machines without `/usr/bin/time -v`:
 *
 *     node bench/measure-cli.mjs statement familjeradgivning --month 2022-12 --sessions big.csv --format json
 *
 * The command's output goes to stdout as usual; on exit, `maxRSS <KB>` (from
 * `process.resourceUsage().maxRSS`) is written to stderr. Nothing else runs
 * in the process, so the figure is the command's own.
 */
const cli = new URL("../dist/cli.js", import.meta.url);
process.on("exit", () => {
  process.stderr.write(`\nmaxRSS ${process.resourceUsage().maxRSS.toString()}\n`);
});
// dist/cli.js reads process.argv.slice(2): keep the arguments where it expects them.
process.argv = [process.argv[0], cli.pathname, ...process.argv.slice(2)];
await import(cli.href);
