/**
 * The package's version, read at run time from its package.json, found
 * relative to the running file: `dist/cli.js` → `../package.json`, in the
 * repository and in `node_modules/verksamhetsuppdrag` alike.
 *
 * @module
 */
import { createRequire } from "node:module";

/**
 * The version of the installed package, e.g. `"0.1.0"`.
 *
 * Looks for the package.json one and two folders up from this file (the
 * built `dist/cli.js`, or `src/cli/*.ts` when run from source) and takes the
 * first whose name is `verksamhetsuppdrag`.
 *
 * @returns the version, or `"unknown"` when no package.json is found
 * @example
 * ```ts
 * packageVersion(); //=> "0.1.0"
 * ```
 */
export function packageVersion(): string {
  const require = createRequire(import.meta.url);
  for (const candidate of ["../package.json", "../../package.json"]) {
    try {
      const pkg = require(candidate) as { name?: unknown; version?: unknown };
      if (pkg.name === "verksamhetsuppdrag" && typeof pkg.version === "string") return pkg.version;
    } catch {
      // not there: try the next
    }
  }
  return "unknown";
}
