/**
 * Shared helpers for the deadline tests.
 *
 * @module
 */
import { expect } from "vitest";
import { fc } from "@fast-check/vitest";
import { RulesError, type RulesErrorCode } from "../../src/errors.js";
import { fromDayNumber } from "../../src/calendar/index.js";

/**
 * Runs `fn` and checks that it throws a RulesError with `code`; returns it.
 *
 * @example
 * ```ts
 * expectRulesError(() => noticeEnd(c, bad), "NOTICE_NOT_WRITTEN");
 * ```
 */
export function expectRulesError(fn: () => unknown, code: RulesErrorCode): RulesError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(RulesError);
    expect((e as RulesError).code).toBe(code);
    return e as RulesError;
  }
  throw new Error(`expected a RulesError ${code}, but nothing was thrown`);
}

/** Dates 1990-01-01 .. 2099-12-31 (day numbers since 1970-01-01). */
export const dateArb = fc.integer({ min: 7305, max: 47481 }).map(fromDayNumber);
