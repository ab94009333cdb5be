import { buildSync } from "esbuild";
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

/**
 * The source files the main entry reaches (esbuild's own resolution, packages
 * left out): the ES-module build writes each of them as a file of its own.
 */
function mainEntryModules(): string[] {
  const { metafile } = buildSync({ entryPoints: ["src/index.ts"], bundle: true, packages: "external", write: false, metafile: true, platform: "neutral", logLevel: "silent" });
  return Object.keys(metafile.inputs).filter((path) => path.startsWith("src/"));
}

export default defineConfig([
  {
    // One file per module, as in src/: with "sideEffects": false in package.json a consumer's
    // bundler keeps only the modules it reaches (decimal.js only where money is computed).
    entry: mainEntryModules(),
    format: ["esm"],
    bundle: false,
    dts: false,
    sourcemap: true,
    clean: true,
    target: "node20",
  },
  {
    // The type declarations of the main entry, one file each for import and require.
    entry: { index: "src/index.ts" },
    format: ["esm", "cjs"],
    dts: { only: true, compilerOptions: { ignoreDeprecations: "6.0" } },
    clean: false,
    target: "node20",
  },
  {
    // CommonJS has no tree-shaking to serve: one file.
    entry: { index: "src/index.ts" },
    format: ["cjs"],
    dts: false,
    sourcemap: true,
    clean: false,
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
