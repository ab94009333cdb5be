import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

// The page is built from the library's TypeScript sources (../src), so it needs no `npm run build` first.
// Everything is bundled into the page's own files: no CDN, no fonts, no request to any other origin.
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "./",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
  logLevel: "warn",
});
