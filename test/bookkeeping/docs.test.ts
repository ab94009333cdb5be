import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { contracts, settle } from "../../src/index.js";
import { parsePostingConfig, settlementsToSie } from "../../src/bookkeeping/index.js";
import { examplePostingText } from "./helpers.js";

const doc = readFileSync(new URL("../../docs/bookkeeping.md", import.meta.url), "utf8");

describe("docs/bookkeeping.md", () => {
  it("shows the example posting file verbatim, and documents every one of its fields", () => {
    const blocks = [...doc.matchAll(/```json\n([\s\S]*?)\n```/g)].map((m) => m[1]);
    expect(blocks).toContain(examplePostingText.trimEnd());
    for (const field of Object.keys(JSON.parse(examplePostingText) as object)) expect(doc, field).toContain(`| \`${field}\` |`);
  });

  it("shows the file the example gives, as the library writes it", () => {
    const march = settle(contracts.familjeradgivning, "2022-03", {
      sessions: [
        { id: "S1", date: "2022-03-02", minutes: 50, kind: "individual" },
        { id: "S2", date: "2022-03-09", minutes: 61, kind: "individual" },
      ],
    });
    const file = settlementsToSie([march], parsePostingConfig(JSON.parse(examplePostingText)), { generated: { date: "2022-04-04", signature: "ekonom" }, lineEnd: "lf" });
    const shown = /```text\n(#FLAGGA[\s\S]*?)```/.exec(doc)?.[1];
    expect(shown).toBe(file.text);
    expect(doc).toContain(`file.vouchers[0]?.turnover.toFixed(2); //=> "${file.vouchers[0]!.turnover.toFixed(2)}"`);
  });
});
