import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { billableHours } from "../../src/billing/index.js";
import { errorOf } from "./helpers.js";

describe("billableHours: every started quarter hour (SON 2021-233 §1.2)", () => {
  it.each([
    [0, "0.00"],
    [1, "0.25"],
    [15, "0.25"],
    [16, "0.50"],
    [50, "1.00"],
    [60, "1.00"],
    [61, "1.25"],
    [90, "1.50"],
    [120, "2.00"],
    [155_400, "2590.00"], // 2 590 h = 10 360 quarters
  ])("%i minutes → %s h", (minutes, hours) => {
    expect(billableHours(minutes).toFixed(2)).toBe(hours);
  });

  it("prices a quarter at 605 kr/h exactly: 15 125 öre", () => {
    expect(billableHours(1).times(605).toFixed(2)).toBe("151.25");
    expect(billableHours(61).times(605).toFixed(2)).toBe("756.25");
  });

  it.each([-1, 1.5, Number.NaN, Infinity, 2 ** 53, "50", null])("rejects %s with INVALID_ARGUMENT", (minutes) => {
    const e = errorOf(() => billableHours(minutes as number));
    expect(e.code).toBe("INVALID_ARGUMENT");
    expect(e.issues[0]?.path).toBe("minutes");
  });

  const minutes = fc.integer({ min: 0, max: 1_000_000 });

  test.prop([minutes, minutes])("is monotonic in minutes", (a, b) => {
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    expect(billableHours(lo).lte(billableHours(hi))).toBe(true);
  });

  test.prop([minutes])("is at least the actual time and less than it plus 15 minutes", (m) => {
    const hours = billableHours(m);
    expect(hours.times(60).gte(m)).toBe(true);
    expect(hours.times(60).lt(m + 15)).toBe(true);
  });

  test.prop([minutes])("is a multiple of 0.25", (m) => {
    expect(billableHours(m).times(4).isInteger()).toBe(true);
  });
});
