import { defineConfig, type Options } from "tsup";

type Plugin = NonNullable<Options["esbuildPlugins"]>[number];

/**
 * The command line imports the library through `src/index.ts`; in the build it
 * uses the package's own `dist/index.js` instead of bundling a second copy.
 */
const libraryExternal: Plugin = {
  name: "library-external",
  setup(build) {
    build.onResolve({ filter: /^(\.\.\/)+index\.js$/ }, (args) =>
      args.importer.includes("/src/cli/") ? { path: "./index.js", external: true } : undefined,
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
