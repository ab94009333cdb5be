import { defineConfig, type Options } from "tsup";

type Plugin = NonNullable<Options["esbuildPlugins"]>[number];

/**
 * The command line and the `sie` and `testing` subpaths import the library through
 * `src/index.ts`; in the build they use the package's own `dist/index.js`
 * (`dist/index.cjs` from CommonJS) instead of bundling a second copy, so a
 * Decimal or RulesError of one is the same class as the other's.
 */
const libraryExternal: Plugin = {
  name: "library-external",
  setup(build) {
    const index = build.initialOptions.format === "cjs" ? "./index.cjs" : "./index.js";
    build.onResolve({ filter: /^(\.\.\/)+index\.js$/ }, (args) =>
      /\/src\/(cli|bookkeeping|testing)\//.test(args.importer) ? { path: index, external: true } : undefined,
    );
    build.onResolve({ filter: /^\.\.\/bookkeeping\/index\.js$/ }, (args) =>
      /\/src\/(cli|testing)\//.test(args.importer) ? { path: build.initialOptions.format === "cjs" ? "./sie.cjs" : "./sie.js", external: true } : undefined,
    );
  },
};

export default defineConfig([
  {
    entry: { index: "src/index.ts" },
    format: ["esm", "cjs"],
    dts: { compilerOptions: { ignoreDeprecations: "6.0" } },
    sourcemap: true,
    clean: true,
    target: "node20",
    treeshake: true,
  },
  {
    // No rollup treeshake here: esbuild itself then writes each format, so the plugin knows which index to point at.
    entry: { sie: "src/bookkeeping/index.ts", testing: "src/testing/index.ts" },
    format: ["esm", "cjs"],
    dts: { compilerOptions: { ignoreDeprecations: "6.0" } },
    sourcemap: true,
    clean: false,
    target: "node20",
    esbuildPlugins: [libraryExternal],
  },
  {
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    dts: false,
    sourcemap: true,
    clean: false,
    target: "node20",
    banner: { js: "#!/usr/bin/env node" },
    esbuildPlugins: [libraryExternal],
  },
]);
