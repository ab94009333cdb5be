import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseContract } from "../../src/contracts/index.js";

const doc = readFileSync(new URL("../../docs/contracts.md", import.meta.url), "utf8");
const exampleText = readFileSync(new URL("./own-example.json", import.meta.url), "utf8");

describe("docs/contracts.md", () => {
  it("shows the own example verbatim", () => {
    const blocks = [...doc.matchAll(/```json\n([\s\S]*?)\n```/g)].map((m) => m[1]);
    expect(blocks).toContain(exampleText.trimEnd());
  });

  it("the own example parses, and is not one of the four", () => {
    const contract = parseContract(JSON.parse(exampleText));
    expect(contract.id).toBe("exempelkoping-samtalsstod-unga");
    expect(contract.compensation).toMatchObject({ kind: "hourly", rate: "742.50", yearlyCap: { hours: "1800" } });
    expect(contract.indexation).toMatchObject({ series: "OPI", firstAdjustedYear: 2025 });
  });

  it("documents every top-level field of a contract", () => {
    const fields = Object.keys(JSON.parse(exampleText) as object);
    for (const field of fields) expect(doc, field).toContain(`\`${field}\``);
  });
});
