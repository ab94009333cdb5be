import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { boendestodProcuredOptions, contractJsonSchema, contracts } from "../../src/contracts/index.js";

const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(contractJsonSchema());
const ownExample: unknown = JSON.parse(readFileSync(new URL("./own-example.json", import.meta.url), "utf8"));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Plain = Record<string, any>;
const plain = (value: unknown): Plain => JSON.parse(JSON.stringify(value)) as Plain;

describe("contractJsonSchema", () => {
  it("is a draft 2020-12 schema with an $id, title and description", () => {
    const schema = contractJsonSchema();
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.$id).toMatch(/schema\.json$/);
    expect(schema.title).toMatch(/verksamhetsuppdrag/);
    expect(typeof schema.description).toBe("string");
    expect(schema.additionalProperties).toBe(false);
  });

  it("returns a fresh object each call, identical in content", () => {
    expect(contractJsonSchema()).not.toBe(contractJsonSchema());
    expect(JSON.stringify(contractJsonSchema())).toBe(JSON.stringify(contractJsonSchema()));
  });

  it.each([...Object.entries(contracts), ...Object.entries(boendestodProcuredOptions)])(
    "accepts the shipped %s",
    (_name, contract) => {
      const ok = validate(plain(contract));
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    },
  );

  it("accepts the documented own example", () => {
    expect(validate(ownExample)).toBe(true);
  });

  const broken: [string, (c: Plain) => void][] = [
    ["money as a number", (c) => (c.compensation.amount = 1827000)],
    ["money with a decimal comma", (c) => (c.compensation.amount = "1827000,50")],
    ["an unknown key", (c) => (c.compensation.ammount = "1")],
    ["a missing clause", (c) => delete c.term.clause],
    ["an unknown compensation kind", (c) => (c.compensation.kind = "fixed")],
    ["a date in another format", (c) => (c.term.start = "1 april 2021")],
    ["a fractional month", (c) => (c.notice.months = 1.5)],
    ["an oral notice", (c) => (c.notice.form = "oral")],
  ];
  it.each(broken)("rejects %s", (_name, breakIt) => {
    const c = plain(contracts.beroendemottagningen);
    breakIt(c);
    expect(validate(c)).toBe(false);
  });
});
