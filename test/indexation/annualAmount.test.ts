import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { contracts } from "../../src/contracts/shipped/index.js";
import { RulesError } from "../../src/errors.js";
import { errorOf, variant } from "../billing/helpers.js";
import { annualAmount, indexedAmount, OPI_2023_PRELIMINARY, OPI_VALUES, resolveSeries, visitFee } from "../../src/indexation/index.js";


describe("the shipped OPI values match ../shared/domain/OPI.md", () => {
  it("lists 2015–2023 with their sources and statuses", () => {
    const table = OPI_VALUES.map((v) => [v.year, v.percent, v.status]);
    expect(table).toEqual([
      [2015, "2.2", "final"],
      [2016, "2.6", "final"],
      [2017, "2.7", "final"],
      [2018, "2.6", "final"],
      [2019, "2.7", "final"],
      [2020, "3.0", "final"],
      [2021, "1.5", "final"],
      [2022, "1.9", "final"],
      [2023, "4.6", "final"],
    ]);
    expect(OPI_VALUES.filter((v) => v.year <= 2019).every((v) => v.source === "SKL cirkulär 18:63")).toBe(true);
    expect(OPI_VALUES.find((v) => v.year === 2022)?.published).toBe("2021-12-10");
    expect(OPI_VALUES.find((v) => v.year === 2023)?.published).toBe("2023-04-19");
    expect(OPI_2023_PRELIMINARY).toMatchObject({ year: 2023, percent: "3.5", status: "preliminary" });
  });
  it("is frozen", () => {
    expect(Object.isFrozen(OPI_VALUES)).toBe(true);
    expect(Object.isFrozen(OPI_VALUES[0])).toBe(true);
  });
});

describe("Beroendemottagningen §3: 1 827 000 kr in 2021 prices, fixed to 2021-12-31, OPI from 2022", () => {
  // Worked by hand: 1 827 000 × 1.019 = 1 861 713.00; × 1.046 = 1 947 351.798 → 1 947 351.80.
  it.each([
    [2021, "1827000.00"],
    [2022, "1861713.00"],
    [2023, "1947351.80"],
  ])("%i → %s kr", (year, expected) => {
    expect(annualAmount(contracts.beroendemottagningen, year).toFixed(2)).toBe(expected);
  });
  it("says which index value, status and source made 2023", () => {
    const a = indexedAmount(contracts.beroendemottagningen, 2023);
    expect(a.series).toBe("OPI");
    expect(a.steps.map((s) => [s.year, s.percent, s.status, s.before, s.after])).toEqual([
      [2022, "1.9", "final", "1827000.00", "1861713.00"],
      [2023, "4.6", "final", "1861713.00", "1947351.80"],
    ]);
    expect(a.steps[1]?.source).toContain("Definitivt omsorgsprisindex");
    expect(a.clause).toContain(contracts.beroendemottagningen.compensation.clause);
    expect(a.clause).toContain(contracts.beroendemottagningen.indexation?.clause);
  });
  it("uses the preliminary 3.5 % for 2023 when the caller says so: 1 926 872.96 kr", () => {
    // 1 861 713 × 1.035 = 1 926 872.955 → half-up 1 926 872.96
    const a = indexedAmount(contracts.beroendemottagningen, 2023, {
      index: { name: "OPI", values: { 2023: { percent: "3.5", status: "preliminary", source: "SKR Dec 2022" } } },
    });
    expect(a.amount.toFixed(2)).toBe("1926872.96");
    expect(a.steps[1]).toMatchObject({ percent: "3.5", status: "preliminary", source: "SKR Dec 2022" });
    expect(a.steps[0]).toMatchObject({ percent: "1.9", status: "final" });
  });
  it("lays the caller's short form over the shipped years (API.md example: +3.0 % in 2022)", () => {
    // 1 827 000 × 1.030 = 1 881 810.00
    expect(annualAmount(contracts.beroendemottagningen, 2022, { index: { name: "OPI", percent: { 2022: "3.0" } } }).toFixed(2)).toBe("1881810.00");
    const a = indexedAmount(contracts.beroendemottagningen, 2022, { index: { name: "OPI", percent: { 2022: 3 } } });
    expect(a.steps[0]).toMatchObject({ percent: "3", status: "unspecified", source: "caller-supplied" });
  });
  it("a year before the price year is an error", () => {
    expect(errorOf(() => annualAmount(contracts.beroendemottagningen, 2020)).code).toBe("INVALID_ARGUMENT");
  });
  it("a needed year that is not known is MISSING_INDEX naming every missing year", () => {
    const e = errorOf(() => annualAmount(contracts.beroendemottagningen, 2025));
    expect(e.code).toBe("MISSING_INDEX");
    expect(e.message).toContain("2024, 2025");
    expect(e.issues.map((i) => i.path)).toEqual(["options.index.2024", "options.index.2025"]);
    expect(annualAmount(contracts.beroendemottagningen, 2025, { index: { name: "OPI", percent: { 2024: "0", 2025: "0" } } }).toFixed(2)).toBe(
      "1947351.80",
    );
  });
});

describe("SON 2019-755 §1.2: 4 093 284 kr in 2019 prices, OPI from 2020-01-01", () => {
  // By hand: ×1.030 = 4 216 082.52; ×1.015 = 4 279 323.7578 → .76; ×1.019 = 4 360 630.911… → .91; ×1.046 = 4 561 219.931… → .93
  it.each([
    [2019, "4093284.00"],
    [2020, "4216082.52"],
    [2021, "4279323.76"],
    [2022, "4360630.91"],
    [2023, "4561219.93"],
  ])("%i → %s kr", (year, expected) => {
    expect(annualAmount(contracts.valdINaraRelation, year).toFixed(2)).toBe(expected);
  });
  it("rounds to whole kronor when asked: 4 216 083 → 4 279 324 → 4 360 631 → 4 561 220", () => {
    const kronor = [2020, 2021, 2022, 2023].map((y) => annualAmount(contracts.valdINaraRelation, y, { rounding: "yearly-krona" }).toFixed(2));
    expect(kronor).toEqual(["4216083.00", "4279324.00", "4360631.00", "4561220.00"]);
  });
  it("applies one cumulative factor when asked: 4 093 284 × 1.030 × 1.015 × 1.019 × 1.046 = 4 561 219.9310… → .93", () => {
    expect(annualAmount(contracts.valdINaraRelation, 2023, { rounding: "cumulative" }).toFixed(2)).toBe("4561219.93");
  });
  it("rejects an unknown rounding", () => {
    expect(errorOf(() => annualAmount(contracts.valdINaraRelation, 2020, { rounding: "nearest" as "cumulative" })).code).toBe("INVALID_ARGUMENT");
  });
});

describe("the rounding options differ where they should", () => {
  // A tiny commission: 0.05 kr in 2020 prices, +50 % in 2021 and 2022.
  // Yearly to the öre: 0.075 → 0.08; 0.08 × 1.5 = 0.12. Cumulative: 0.05 × 2.25 = 0.1125 → 0.11.
  const tiny = () =>
    variant(contracts.valdINaraRelation, (c) => {
      c.compensation.amount = "0.05";
      c.compensation.priceYear = 2020;
      c.term.start = "2020-01-01";
      c.indexation.firstAdjustedYear = 2021;
      c.indexation.fixedUntil = null;
    });
  const index = { name: "OPI", percent: { 2021: "50", 2022: "50" } };
  it("yearly-ore carries the rounded figure forward", () => {
    expect(annualAmount(tiny(), 2022, { index }).toFixed(2)).toBe("0.12");
  });
  it("cumulative rounds once", () => {
    expect(annualAmount(tiny(), 2022, { index, rounding: "cumulative" }).toFixed(2)).toBe("0.11");
  });
});

describe("Familjerådgivning §1.2: 605 kr an hour in 2022 prices, by the municipality's uplift model", () => {
  it("2022 needs no index", () => {
    expect(annualAmount(contracts.familjeradgivning, 2022).toFixed(2)).toBe("605.00");
    expect(indexedAmount(contracts.familjeradgivning, 2022).figure).toBe("hourly-rate");
  });
  it("2023 needs the caller's uppräkningsmodell: none is shipped", () => {
    const e = errorOf(() => annualAmount(contracts.familjeradgivning, 2023));
    expect(e.code).toBe("MISSING_INDEX");
    expect(e.message).toContain("uppräkningsmodell");
    expect(e.message).toContain("2023");
    // 605 × 1.032 = 624.36
    expect(annualAmount(contracts.familjeradgivning, 2023, { index: { name: "uppräkningsmodell", percent: { 2023: "3.2" } } }).toFixed(2)).toBe("624.36");
  });
  it("an OPI series for a contract indexed by the uplift model is INDEX_MISMATCH unless substituted on purpose", () => {
    const e = errorOf(() => annualAmount(contracts.familjeradgivning, 2023, { index: { name: "OPI", percent: { 2023: "4.6" } } }));
    expect(e.code).toBe("INDEX_MISMATCH");
    expect(e.message).toContain("uppräkningsmodell");
    // 605 × 1.046 = 632.83
    const a = indexedAmount(contracts.familjeradgivning, 2023, { index: { name: "OPI", percent: { 2023: "4.6" }, substitute: true } });
    expect(a.amount.toFixed(2)).toBe("632.83");
    expect(a.substituted).toBe(true);
    expect(a.series).toBe("OPI");
  });
  it("the visit fee (200 kr in 2022 prices, revised yearly) follows the rate by default, or is given, or stays", () => {
    expect(visitFee(contracts.familjeradgivning, 2022).amount.toFixed(2)).toBe("200.00");
    const index = { name: "uppräkningsmodell", percent: { 2023: "3.2" } };
    // 200 × 1.032 = 206.40
    const follow = visitFee(contracts.familjeradgivning, 2023, { index });
    expect(follow.amount.toFixed(2)).toBe("206.40");
    expect(follow.visitFeeRule).toBe("follow-rate");
    expect(visitFee(contracts.familjeradgivning, 2023, { rule: "unchanged" }).amount.toFixed(2)).toBe("200.00");
    const given = visitFee(contracts.familjeradgivning, 2023, { rule: { amounts: { 2023: "210" }, source: "SON 2022-301" } });
    expect(given.amount.toFixed(2)).toBe("210.00");
    expect(given.clause).toContain("SON 2022-301");
    expect(errorOf(() => visitFee(contracts.familjeradgivning, 2024, { rule: { amounts: { 2023: "210" } } })).code).toBe("MISSING_INDEX");
    expect(errorOf(() => visitFee(contracts.beroendemottagningen, 2022)).code).toBe("NOT_IN_CONTRACT");
  });
});

describe("Boendestöd has no indexation clause", () => {
  it("the annual cost stays 800 000 kr", () => {
    expect(annualAmount(contracts.boendestod, 2019).toFixed(2)).toBe("800000.00");
    expect(indexedAmount(contracts.boendestod, 2021).steps).toEqual([]);
  });
});

describe("bad series are clear errors", () => {
  it.each([
    [{ name: "OPI", percent: { 2022: "3,0" } }, "options.index.percent.2022"],
    [{ name: "OPI", percent: { 2022: NaN } }, "options.index.percent.2022"],
    [{ name: "OPI", percent: { "22": "3.0" } }, "options.index.percent.22"],
    [{ name: "OPI", percent: { 2022: "-100" } }, "options.index.percent.2022"],
    [{ name: "OPI" }, "options.index"],
    [{ name: "", percent: {} }, "options.index.name"],
    [{ name: "OPI", percent: {}, extra: 1 }, "options.index.extra"],
    [{ name: "OPI", values: { 2023: { percent: "3.5", status: "maybe" } } }, "options.index.values.2023.status"],
    [{ name: "OPI", values: { 2023: { percent: "3.5", published: "2022-13-01" } } }, "options.index.values.2023.published"],
    ["OPI", "options.index"],
  ])("%j → error at %s", (series, path) => {
    const e = errorOf(() => annualAmount(contracts.beroendemottagningen, 2022, { index: series as never }));
    expect(e.code).toBe("INVALID_INPUT");
    expect(e.issues[0]?.path).toBe(path);
  });
  it("__proto__ keys never reach Object.prototype", () => {
    const series = JSON.parse('{"name":"OPI","percent":{"__proto__":{"polluted":"1"}}}') as never;
    expect(() => resolveSeries("OPI", series)).toThrow(RulesError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("laws", () => {
  const percent = fc.integer({ min: -999, max: 99_999 }).map((n) => (n / 100).toFixed(2));
  const years = fc.array(percent, { minLength: 4, maxLength: 4 });
  const series = (ps: string[]) => ({ name: "OPI", percent: Object.fromEntries(ps.map((p, i) => [2020 + i, p])) });

  test.prop([fc.constantFrom(2020, 2021, 2022, 2023), fc.constantFrom("yearly-ore", "yearly-krona", "cumulative" as const)])(
    "0 % leaves the amount unchanged (to the öre; to the krona for whole-krona amounts)",
    (year, rounding) => {
      const zero = series(["0", "0", "0", "0"]);
      expect(annualAmount(contracts.valdINaraRelation, year, { index: zero, rounding }).toFixed(2)).toBe("4093284.00");
    },
  );
  test.prop([years, fc.constantFrom(2020, 2021, 2022, 2023)])("positive percentages never lower the amount", (ps, year) => {
    const positive = ps.map((p) => (p.startsWith("-") ? p.slice(1) : p));
    const before = annualAmount(contracts.valdINaraRelation, year - 1 < 2019 ? 2019 : year - 1, { index: series(positive) });
    const after = annualAmount(contracts.valdINaraRelation, year, { index: series(positive) });
    expect(after.greaterThanOrEqualTo(before)).toBe(true);
  });
  test.prop([years])("chaining is order-consistent: each year is the previous year's figure × its factor, rounded", (ps) => {
    const idx = series(ps);
    for (let year = 2020; year <= 2023; year++) {
      const a = indexedAmount(contracts.valdINaraRelation, year, { index: idx });
      const prev = annualAmount(contracts.valdINaraRelation, year - 1, { index: idx });
      const last = a.steps[a.steps.length - 1]!;
      expect(last.before).toBe(prev.toFixed(2));
      expect(a.steps.map((s) => s.year)).toEqual(Array.from({ length: year - 2019 }, (_, i) => 2020 + i));
      expect(prev.times(last.percent).dividedBy(100).plus(prev).toDecimalPlaces(2, 4).toFixed(2)).toBe(a.amount.toFixed(2));
    }
  });
});
