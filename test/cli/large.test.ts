/**
 * A 100 000-row sessions CSV, generated, run through the built command
 * within a generous time limit: the file is streamed, and every row (of
 * every month) is checked by the library.
 */
import { createWriteStream } from "node:fs";
import { join } from "node:path";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "./helpers.js";

const ROWS = 100_000;

async function generate(path: string): Promise<void> {
  const out = createWriteStream(path);
  out.write("\uFEFFid;date;minutes;kind;participants;caseId\r\n");
  for (let i = 0; i < ROWS; i++) {
    const month = 1 + Math.floor((i * 12) / ROWS);
    const day = 1 + (i % 28);
    const date = `2022-${month.toString().padStart(2, "0")}-${day.toString().padStart(2, "0")}`;
    const row = i % 10 === 0 ? `S${i.toString()};${date};90;group;6;G${(i % 50).toString()}` : `S${i.toString()};${date};${(30 + (i % 90)).toString()};individual;;P${(i % 3000).toString()}`;
    if (!out.write(`${row}\r\n`)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

describe("a large CSV", () => {
  it(`${ROWS.toString()} rows run within the time limit`, async () => {
    const path = join(tempDir(), "large.csv");
    await generate(path);
    const started = Date.now();
    const r = runCli(["statement", "familjeradgivning", "--month", "2022-03", "--sessions", path, "--format", "json"], { timeout: 60_000 });
    const seconds = (Date.now() - started) / 1000;
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as { lines: unknown[]; total: string; notPayable: string; cap: { usedBefore: string; remaining: string } };
    // January and February use up the cap of 2 590 hours: March is reported, not paid.
    expect(s.cap.usedBefore).toBe("2590");
    expect(s.total).toBe("0.00");
    expect(s.notPayable).toMatch(/^\d+\.\d{2}$/);
    expect(s.lines.length).toBeGreaterThan(8000);
    expect(seconds).toBeLessThan(30);
  });
});
