/**
 * Small helpers the statement builders share. Not exported from the package.
 *
 * @module
 */
import type { IndexedAmount } from "../indexation/annualAmount.js";
import type { YearMonth } from "../calendar/index.js";
import { fromOre, toOre, type Decimal } from "../money/index.js";
import type { Statement, StatementLine } from "./types.js";

/** @internal Joins clause references, each once, in order. */
export function clauses(...list: (string | null | undefined)[]): string {
  const out: string[] = [];
  for (const entry of list) {
    if (entry === null || entry === undefined) continue;
    for (const part of entry.split("; ")) if (part !== "" && !out.includes(part)) out.push(part);
  }
  return out.join("; ");
}

/** @internal Warnings about the index values behind a figure: preliminary values may be revised. */
export function indexWarnings(indexed: IndexedAmount, what: string): string[] {
  return indexed.steps
    .filter((step) => step.status === "preliminary")
    .map(
      (step) =>
        `${what} for ${indexed.year.toString()} uses the preliminary ${indexed.series ?? "index"} value ${step.percent} % for ${step.year.toString()} (${step.source}); when the final value is published, indexRevision gives the difference`,
    );
}

/** @internal A cache of Decimals by öre, since many lines share an amount. */
export class DecimalCache {
  private readonly byOre = new Map<number, Decimal>();
  /** The Decimal of `ore` öre in kronor. */
  of(ore: number): Decimal {
    let d = this.byOre.get(ore);
    if (d === undefined) {
      d = fromOre(ore);
      this.byOre.set(ore, d);
    }
    return d;
  }
}

/** @internal Assembles a statement, summing the lines exactly in öre. */
export function assemble(
  base: Omit<Statement, "total" | "notPayable" | "feesOwedToPurchaser" | "warnings" | "lines" | "feeLines">,
  lines: { line: StatementLine; ore: number }[],
  feeLines: { line: StatementLine; ore: number }[],
  statementWarnings: string[],
): Statement {
  let total = 0;
  let notPayable = 0;
  let fees = 0;
  const warnings = [...statementWarnings];
  for (const { line, ore } of lines) {
    if (line.payable) total += ore;
    else notPayable += ore;
    for (const w of line.warnings) warnings.push(w);
  }
  for (const { line, ore } of feeLines) {
    fees += ore;
    for (const w of line.warnings) warnings.push(w);
  }
  return {
    ...base,
    lines: lines.map((l) => l.line),
    total: fromOre(total),
    notPayable: fromOre(notPayable),
    feesOwedToPurchaser: fromOre(fees),
    feeLines: feeLines.map((l) => l.line),
    warnings,
  };
}

/** @internal A month's totals (öre) and warnings, as its statement would sum them. */
export interface MonthSummary {
  month: YearMonth;
  total: number;
  notPayable: number;
  fees: number;
  warnings: string[];
}

/** @internal The summary of a built statement. */
export function summarize(s: Statement): MonthSummary {
  return {
    month: s.month,
    total: toOre(s.total, "total"),
    notPayable: toOre(s.notPayable, "notPayable"),
    fees: toOre(s.feesOwedToPurchaser, "feesOwedToPurchaser"),
    warnings: s.warnings,
  };
}

/**
 * @internal The same string, stored flat. V8 keeps a string built with `+`
 * or a template literal as a tree of its parts (a "cons string", about 32
 * bytes a node) until its characters are read; reading one flattens it, and
 * the collector then drops the tree. A statement keeps one id and one
 * description per line — a description took 256 bytes as a tree and 83 flat
 * (measured, Node 20).
 */
export function flat(text: string): string {
  text.charCodeAt(0);
  return text;
}

/**
 * @internal Makes `target[key]` a value built on its first read and then kept: an
 * enumerable property like any other (JSON, spreading, deep equality and
 * `structuredClone` all read it), replaced by a plain data property after
 * that first read where the object still allows it (not when frozen).
 */
export function builtOnFirstRead<T extends object, K extends keyof T>(target: T, key: K, build: () => T[K]): void {
  let value: { v: T[K] } | null = null;
  Reflect.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get(): T[K] {
      value ??= { v: build() };
      Reflect.defineProperty(target, key, { value: value.v, enumerable: true, configurable: true, writable: true });
      return value.v;
    },
    set(v: T[K]): void {
      value = { v };
      Reflect.defineProperty(target, key, { value: v, enumerable: true, configurable: true, writable: true });
    },
  });
}
