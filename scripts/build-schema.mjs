// Writes dist/schema.json, the JSON Schema of a commission written as plain
// data (published as `verksamhetsuppdrag/schema.json`). Run after the tsup
// build: `node scripts/build-schema.mjs`. Plain Node ESM, no dependencies.
import { writeFileSync } from "node:fs";
import { loadDist } from "./loadDist.mjs";

const target = new URL("../dist/schema.json", import.meta.url);
const lib = await loadDist("build-schema", "index.js");
if (typeof lib.contractJsonSchema !== "function") {
  console.error("build-schema: dist/index.js does not export contractJsonSchema (src/index.ts must re-export src/contracts/index.ts)");
  process.exit(1);
}

writeFileSync(target, `${JSON.stringify(lib.contractJsonSchema(), null, 2)}\n`, "utf8");
console.log(`build-schema: wrote ${target.pathname}`);
