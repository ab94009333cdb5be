/**
 * The year's cap used month by month as a small inline SVG: a bar per month
 * of the hours used so far within the cap (over the cap in red on top) and
 * a dashed line at the cap. The page's table beside it holds the figures.
 *
 * @module
 */
import type { CapUsageMonth } from "./lib.js";

const SVG = "http://www.w3.org/2000/svg";
const MONTHS = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"] as const;

function node(tag: string, attrs: Record<string, string>, text?: string): SVGElement {
  const n = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v);
  if (text !== undefined) n.textContent = text;
  return n;
}

/**
 * Draws the cap usage of a year. Heights are for the eye only (pixels from
 * hours as floating point); every figure a reader relies on is in the table.
 *
 * @param usage - the year report's `capUsage`
 * @param year - the year
 * @returns the SVG element
 */
export function capChart(usage: readonly CapUsageMonth[], year: number): SVGElement {
  const width = 520;
  const height = 180;
  const top = 12;
  const bottom = 24;
  const left = 8;
  const plot = height - top - bottom;
  const overToDate: number[] = [];
  let over = 0;
  for (const u of usage) {
    over += Number(u.overHours.toString());
    overToDate.push(over);
  }
  const cap = Math.max(...usage.map((u) => Number(u.capHours.toString())), 1);
  const scaleMax = Math.max(cap, ...usage.map((u, i) => Number(u.usedToDate.toString()) + (overToDate[i] ?? 0)));
  const y = (h: number): number => top + plot - (h / scaleMax) * plot;
  const slot = (width - left) / 12;
  const last = usage[usage.length - 1];
  const label = last === undefined ? `Taket ${year.toString()}` : `Taket ${year.toString()}: ${last.usedToDate.toFixed()} av ${last.capHours.toFixed()} timmar använda till och med ${last.month}`;
  const svg = node("svg", { viewBox: `0 0 ${width.toString()} ${height.toString()}`, role: "img", "aria-label": label, width: String(width), height: String(height) });
  svg.append(node("title", {}, label));
  usage.forEach((u, i) => {
    const m = Number(u.month.slice(5, 7)) - 1;
    const x = left + m * slot + slot * 0.15;
    const w = slot * 0.7;
    const used = Number(u.usedToDate.toString());
    const overNow = overToDate[i] ?? 0;
    svg.append(node("rect", { class: "used", x: x.toFixed(1), y: y(used).toFixed(1), width: w.toFixed(1), height: (y(0) - y(used)).toFixed(1) }));
    if (overNow > 0) svg.append(node("rect", { class: "over", x: x.toFixed(1), y: y(used + overNow).toFixed(1), width: w.toFixed(1), height: (y(used) - y(used + overNow)).toFixed(1) }));
    svg.append(node("text", { x: (x + w / 2).toFixed(1), y: String(height - 8), "text-anchor": "middle" }, MONTHS[m] ?? u.month));
  });
  svg.append(node("line", { class: "cap", x1: String(left), x2: String(width), y1: y(cap).toFixed(1), y2: y(cap).toFixed(1) }));
  svg.append(node("text", { x: String(width - 4), y: (y(cap) - 3).toFixed(1), "text-anchor": "end" }, `tak ${cap.toString()} h`));
  return svg;
}
