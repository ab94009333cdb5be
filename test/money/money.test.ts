import { fc, test } from "@fast-check/vitest";
import { Decimal as GlobalDecimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { RulesError } from "../../src/errors.js";
import { splitOrePart } from "../../src/money/money.js";
import {
  addMoney,
  Decimal,
  divideRound,
  formatSek,
  fromOre,
  moneyToJson,
  oreToString,
  parseRoundingMode,
  roundToOre,
  shareOfOre,
  split,
  splitOre,
  sumOre,
  toOre,
  twelfths,
  twelfthsOre,
} from "../../src/money/index.js";

const NBSP = "\u00a0";
const MAX_ORE = 100_000_000_000_000; // 10^12 kr in öre

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof RulesError) return e.code;
    return `not a RulesError: ${String(e)}`;
  }
  return "no error";
}

describe("toOre reads money exactly", () => {
  it.each([
    ["605", 60500],
    ["605.00", 60500],
    ["605.5", 60550],
    ["0.05", 5],
    ["1827000", 182700000],
    ["-12.34", -1234],
    [605, 60500],
    [1.15, 115],
    [4093284.05, 409328405],
  ])("%s → %d öre", (input, expected) => {
    expect(toOre(input)).toBe(expected);
  });

  it("reads a Decimal of this package and of the caller's decimal.js", () => {
    expect(toOre(new Decimal("341107.00"))).toBe(34110700);
    expect(toOre(new GlobalDecimal("152250.25"))).toBe(15225025);
  });

  it.each([
    [0.1 + 0.2],
    [NaN],
    [Infinity],
    [-Infinity],
    ["12,5"],
    ["abc"],
    ["1.234"],
    [""],
    [" 12"],
    ["1e3"],
    ["01"],
    [1.005],
    [null],
    [undefined],
    [{}],
    [[]],
    [true],
    [12n],
    ["99999999999999999999"],
  ])("rejects %s with INVALID_MONEY", (input) => {
    expect(code(() => toOre(input))).toBe("INVALID_MONEY");
  });

  it("rejects a Decimal with more than two decimals or not finite", () => {
    expect(code(() => toOre(new Decimal("1.001")))).toBe("INVALID_MONEY");
    expect(code(() => toOre(new Decimal(NaN)))).toBe("INVALID_MONEY");
  });

  it("names the field, the value and the expectation", () => {
    try {
      toOre("12,5", "compensation.rate");
      expect.unreachable();
    } catch (e) {
      const err = e as RulesError;
      expect(err.message).toContain("compensation.rate");
      expect(err.message).toContain('"12,5"');
      expect(err.message).toContain("at most two decimals");
      expect(err.issues).toEqual([{ path: "compensation.rate", expected: expect.stringContaining("two decimals"), received: '"12,5"' }]);
    }
  });
});

describe("our Decimal is isolated from the caller's settings", () => {
  it("a caller's Decimal.set(precision: 7) does not change our sums", () => {
    const before = GlobalDecimal.precision;
    try {
      GlobalDecimal.set({ precision: 7, rounding: GlobalDecimal.ROUND_DOWN });
      // Measured with a shared config: 4 093 284.05 + 0.01 becomes 4 093 280.
      expect(new GlobalDecimal("4093284.05").plus("0.01").toString()).toBe("4093284");
      expect(addMoney("4093284.05", "0.01").toFixed(2)).toBe("4093284.06");
      expect(twelfths("4093284").map((d) => d.toFixed(2))).toEqual(Array(12).fill("341107.00"));
      expect(fromOre(409328405).toString()).toBe("4093284.05");
    } finally {
      GlobalDecimal.set({ precision: before, rounding: GlobalDecimal.ROUND_HALF_UP });
    }
  });
});

describe("formatting", () => {
  it("writes Swedish kronor", () => {
    expect(formatSek("1827000")).toBe(`1${NBSP}827${NBSP}000,00${NBSP}kr`);
    expect(formatSek("4991.25", { unit: false })).toBe(`4${NBSP}991,25`);
    expect(formatSek(new Decimal("0.05"))).toBe(`0,05${NBSP}kr`);
    expect(formatSek("-152250")).toBe(`\u2212152${NBSP}250,00${NBSP}kr`);
  });
  it("formats amounts beyond float precision exactly", () => {
    expect(formatSek("90071992547409.91")).toBe(`90${NBSP}071${NBSP}992${NBSP}547${NBSP}409,91${NBSP}kr`);
  });
  it("writes JSON money with two decimals", () => {
    expect(oreToString(15225000)).toBe("152250.00");
    expect(oreToString(-5)).toBe("-0.05");
    expect(oreToString(0)).toBe("0.00");
    expect(moneyToJson(605)).toBe("605.00");
  });
});

describe("rounding", () => {
  it("rounds half-up by default, with the named alternatives", () => {
    expect(roundToOre("0.005")).toBe(1);
    expect(roundToOre("0.005", "half-even")).toBe(0);
    expect(roundToOre("0.015", "half-even")).toBe(2);
    expect(roundToOre("0.019", "down")).toBe(1);
    expect(roundToOre("0.011", "up")).toBe(2);
    expect(roundToOre("-0.005")).toBe(-1);
    expect(roundToOre("-0.005", "down")).toBe(0);
  });
  it("divideRound agrees with the definition on small cases", () => {
    expect(divideRound(7, 2)).toBe(4);
    expect(divideRound(7, 2, "half-even")).toBe(4);
    expect(divideRound(5, 2, "half-even")).toBe(2);
    expect(divideRound(-7, 2)).toBe(-4);
    expect(divideRound(7, 3, "up")).toBe(3);
    expect(divideRound(-7, 3, "down")).toBe(-2);
    expect(code(() => divideRound(1, 0))).toBe("INVALID_ARGUMENT");
  });
  it("rejects an unknown rounding mode", () => {
    expect(parseRoundingMode("half-up")).toBe("half-up");
    expect(code(() => parseRoundingMode("nearest"))).toBe("INVALID_ARGUMENT");
  });
  it("shares an amount by days: 15 of 30 days of 341 107 kr", () => {
    expect(shareOfOre(34110700, 15, 30)).toBe(17055350);
    // 1/3 of 1.00 kr is 0.333… → 0.33
    expect(shareOfOre(100, 1, 3)).toBe(33);
  });

  const modes = fc.constantFrom("half-up", "half-even", "down", "up" as const);
  test.prop([fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.bigInt({ min: 1n, max: 10n ** 12n }), modes])(
    "divideRound is within one of the exact quotient and agrees between the number and BigInt paths",
    (n, d, mode) => {
      const exactFloor = n >= 0n ? n / d : -((-n + d - 1n) / d);
      let result: number;
      try {
        result = divideRound(n, d, mode);
      } catch (e) {
        expect((e as RulesError).code).toBe("OVERFLOW");
        return;
      }
      const r = BigInt(result);
      expect(r === exactFloor || r === exactFloor + 1n).toBe(true);
      if (Number.isSafeInteger(Number(n)) && BigInt(Number(n)) === n && d <= BigInt(Number.MAX_SAFE_INTEGER)) {
        expect(divideRound(Number(n), Number(d), mode)).toBe(result);
      }
    },
  );
  test.prop([fc.integer({ min: -MAX_ORE, max: MAX_ORE }), modes])("rounding is idempotent", (ore, mode) => {
    const once = roundToOre(new Decimal(ore).dividedBy(1000), mode);
    expect(roundToOre(fromOre(once), mode)).toBe(once);
  });
});

describe("twelfths (en tolftedel per månad)", () => {
  it("1 827 000 kr gives twelve equal 152 250 kr", () => {
    expect(twelfths("1827000").map((d) => d.toFixed(2))).toEqual(Array(12).fill("152250.00"));
  });
  it("4 093 284 kr gives twelve 341 107 kr (SON 2019-755 §1.2)", () => {
    expect(twelfthsOre(409328400)).toEqual(Array(12).fill(34110700));
  });
  it("an amount that does not divide puts the remainder on the last month, or the first", () => {
    // 1 911 025.51 kr = 191 102 551 öre; /12 = 15 925 212 rest 7
    const last = twelfthsOre(191102551);
    expect(last.slice(0, 11)).toEqual(Array(11).fill(15925212));
    expect(last[11]).toBe(15925219);
    const first = twelfths("1911025.51", { remainder: "first" }).map((d) => d.toFixed(2));
    expect(first[0]).toBe("159252.19");
    expect(first[1]).toBe("159252.12");
  });
  it("rejects a negative annual amount and an unknown remainder option", () => {
    expect(code(() => twelfths("-1"))).toBe("INVALID_MONEY");
    expect(code(() => twelfths("1", { remainder: "middle" as "last" }))).toBe("INVALID_ARGUMENT");
  });
  test.prop([fc.integer({ min: 0, max: MAX_ORE }), fc.constantFrom("last", "first" as const)])(
    "sum exactly to the whole; the eleven ordinary months are equal and the remainder month differs by less than 12 öre",
    (ore, remainder) => {
      const months = twelfthsOre(ore, remainder);
      expect(months).toHaveLength(12);
      expect(months.reduce((a, b) => a + b, 0)).toBe(ore);
      const ordinary = remainder === "last" ? months.slice(0, 11) : months.slice(1);
      const extra = remainder === "last" ? months[11]! : months[0]!;
      expect(new Set(ordinary).size).toBe(1);
      expect(extra - ordinary[0]!).toBeGreaterThanOrEqual(0);
      expect(extra - ordinary[0]!).toBeLessThan(12);
      const asDecimals = twelfths(fromOre(ore), { remainder });
      expect(asDecimals.reduce((a, b) => a.plus(b), new Decimal(0)).equals(fromOre(ore))).toBe(true);
    },
  );
});

describe("split by weights", () => {
  it("splits a year's amount by the days of two months", () => {
    // 1 827 000 × 31/59 = 959 949.152… and × 28/59 = 867 050.847…: 0.15 + 0.85 adds the öre back.
    expect(split("1827000", [31, 28]).map(String)).toEqual(["959949.15", "867050.85"]);
  });
  it("gives left-over öre to the largest remainders, the earlier first on a tie", () => {
    expect(splitOre(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(splitOre(2, [1, 1, 1])).toEqual([1, 1, 0]);
    expect(splitOre(10, [0, 3, 0])).toEqual([0, 10, 0]);
  });
  it("rejects empty, negative, fractional or all-zero weights", () => {
    expect(code(() => splitOre(100, []))).toBe("INVALID_ARGUMENT");
    expect(code(() => splitOre(100, [1, -1]))).toBe("INVALID_ARGUMENT");
    expect(code(() => splitOre(100, [0.5]))).toBe("INVALID_ARGUMENT");
    expect(code(() => splitOre(100, [0, 0]))).toBe("INVALID_ARGUMENT");
  });
  test.prop([fc.integer({ min: 0, max: MAX_ORE }), fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 40 })])(
    "parts sum to the whole and each is within one öre of its exact share",
    (ore, weights) => {
      fc.pre(weights.some((w) => w > 0));
      const parts = splitOre(ore, weights);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(ore);
      const total = weights.reduce((a, b) => a + b, 0);
      parts.forEach((p, i) => {
        const exact = (BigInt(ore) * BigInt(weights[i]!)) / BigInt(total);
        expect(BigInt(p) - exact >= 0n && BigInt(p) - exact <= 1n).toBe(true);
      });
    },
  );
  it("splitOrePart is one part of splitOre: 34, 33, 33 of 100 by 1 : 1 : 1; bad arguments are INVALID_ARGUMENT", () => {
    expect([0, 1, 2].map((i) => splitOrePart(100, [1, 1, 1], i))).toEqual([34, 33, 33]);
    expect(splitOrePart(10, [0, 3, 0], 1)).toBe(10);
    expect(code(() => splitOrePart(100, [1, 1], 2))).toBe("INVALID_ARGUMENT");
    expect(code(() => splitOrePart(100, [0, 0], 0))).toBe("INVALID_ARGUMENT");
    expect(code(() => splitOrePart(100, [1, -1], 0))).toBe("INVALID_ARGUMENT");
  });
  test.prop([
    fc.oneof(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: MAX_ORE })),
    fc.array(fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 1_000_000 })), { minLength: 1, maxLength: 40 }),
    fc.nat(),
  ])("splitOrePart(total, weights, i) = splitOre(total, weights)[i], in plain numbers and in BigInts", (ore, weights, at) => {
    fc.pre(weights.some((w) => w > 0));
    const i = at % weights.length;
    expect(splitOrePart(ore, weights, i)).toBe(splitOre(ore, weights)[i]);
  });
  it("sumOre refuses to leave the exact range", () => {
    expect(sumOre([1, 2, 3])).toBe(6);
    expect(code(() => sumOre([Number.MAX_SAFE_INTEGER, 1]))).toBe("OVERFLOW");
  });
});

describe("toOre reads money text the fast way and the general way alike", () => {
  const reference = (t: string): number | "error" => {
    if (!/^-?(0|[1-9]\d*)(\.\d{1,2})?$/.test(t)) return "error";
    const ore = new Decimal(t).times(100);
    return ore.abs().greaterThan(Number.MAX_SAFE_INTEGER) ? "error" : ore.isZero() ? 0 : ore.toNumber();
  };
  const read = (t: string): number | "error" => {
    try {
      return toOre(t, "x");
    } catch (e) {
      if (e instanceof RulesError && e.code === "INVALID_MONEY") return "error";
      throw e;
    }
  };
  it("on every string of digits, signs and points", () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom("0", "1", "9", "-", ".", "+", "e", " ") , maxLength: 20 }), (t) => {
        expect(read(t)).toBe(reference(t));
      }), { numRuns: 20_000 });
  });
  it("on every amount of two decimals up to 15 digits", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), (o) => {
        const digits = (o < 0n ? -o : o).toString().padStart(3, "0");
        const text = `${o < 0n ? "-" : ""}${digits.slice(0, -2)}.${digits.slice(-2)}`;
        expect(read(text)).toBe(reference(text));
        expect(read(text)).toBe(Number(o));
      }),
      { numRuns: 20_000 },
    );
    for (const t of ["-0.00", "00.10", "0.05", "-.50", "1.5", "12,50", "999999999999999.99", "90071992547409.91", "90071992547409.92"]) expect(read(t)).toBe(reference(t));
  });
});
