/**
 * The handlers of the worked cases' kinds (`test/cases/kinds/*.ts`), by
 * kind, for the runners of the YAML (`test/cases.test.ts`) and of the
 * published JSON (`test/casesJson.test.ts`).
 *
 * @module
 */
/// <reference types="vite/client" />
import type { CaseHandler } from "./case.js";

const handlerModules = import.meta.glob<CaseHandler>("./kinds/*.ts", { eager: true });

/** Every kind's handler. */
export const handlers = new Map<string, CaseHandler>();
for (const [file, module] of Object.entries(handlerModules)) {
  if (typeof module.kind !== "string" || typeof module.run !== "function") {
    throw new Error(`${file} must export kind: string and run(testCase)`);
  }
  if (handlers.has(module.kind)) throw new Error(`kind "${module.kind}" is handled twice (${file})`);
  handlers.set(module.kind, module);
}
