/**
 * The page (web/) built with Vite, served on 127.0.0.1 and driven in Debian's
 * Chromium: a month of familjerådgivning checked as an economist would, its
 * downloads compared byte for byte with the command line's, a bad file's
 * error read, and not one request outside the page's own origin.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch, skipBrowser } from "./chromium.js";

const root = join(import.meta.dirname, "..", "..");
const out = join(root, "test-output");
const csvFile = join(root, "examples", "data", "familjeradgivning-2022-03.csv");

function cli(...args: string[]): Buffer {
  return execFileSync(process.execPath, [join(root, "dist", "cli.js"), ...args], { cwd: root });
}

/** `npm run web` itself: builds the page and serves it, printing the address (a free port here). */
async function startWeb(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(root, "scripts", "web.mjs"), "--port", "0"], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
  let printed = "";
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      printed += chunk.toString("utf8");
      const m = /The page: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(printed);
      if (m?.[1] !== undefined) resolve(m[1]);
    });
    child.once("exit", (code) => {
      reject(new Error(`scripts/web.mjs exited (${String(code)}) before printing the address:\n${printed}`));
    });
  });
  return { url, child };
}

async function downloaded(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.click(button)]);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

describe.skipIf(skipBrowser)("the page in Chromium", () => {
  let browser: Browser;
  let page: Page;
  let server: { url: string; child: ChildProcess };
  const requests: string[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(out, { recursive: true });
    server = await startWeb();
    browser = await launch();
    const context = await browser.newContext({ acceptDownloads: true, locale: "sv-SE", timezoneId: "Europe/Stockholm", viewport: { width: 1100, height: 900 } });
    page = await context.newPage();
    page.on("request", (r) => requests.push(r.url()));
    page.on("console", (m) => {
      if (m.type() === "error") consoleErrors.push(m.text());
    });
    page.on("pageerror", (e) => consoleErrors.push(e.message));
    await page.goto(server.url);
    await page.waitForSelector("body[data-ready=true]");
  });

  afterAll(async () => {
    await browser.close();
    server.child.kill();
  });

  it("says that no data leaves the computer, and labels every control", async () => {
    expect(await page.textContent("#privacy")).toContain("Inga uppgifter lämnar datorn.");
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
    expect(csp).toContain("connect-src 'none'");
    expect(await page.getAttribute("html", "lang")).toBe("sv");
    const ids = await page.locator("input, select").evaluateAll((list) => list.map((e) => String((e as { id?: unknown }).id)));
    expect(ids.length).toBe(8);
    for (const id of ids) expect(await page.locator(`label[for="${id}"]`).count(), id).toBe(1);
  });

  it("reads a sessions CSV and shows the month's total in Swedish format", async () => {
    await page.selectOption("#contract", "familjeradgivning");
    await page.setInputFiles("#sessions-file", csvFile);
    await page.fill("#month", "2022-03");
    await page.dispatchEvent("#month", "change");
    await page.waitForSelector("#statement:not([hidden])");
    expect(await page.textContent("#total")).toBe("24\u00a0805,00\u00a0kr");
    expect(await page.textContent("#sessions-status")).toBe("familjeradgivning-2022-03.csv: 21 samtal lästa (semikolonavgränsad, UTF-8)");
  });

  it("expands a line to its explanation and the contract's sentence", async () => {
    const first = page.locator("#lines li").first();
    expect(await first.locator(".explanation").isVisible()).toBe(false);
    await first.locator("summary").focus();
    await page.keyboard.press("Enter");
    const text = await first.locator(".explanation").innerText();
    expect(text).toContain("Regel: varje påbörjad kvart (started-quarter-hour) · SON 2021-233 §1.2");
    expect(text).toContain("kvartar\n4");
    expect(text).toContain("”Ersättning för familjerådgivning utgår med 605 kronor per timme i 2022 års prissättning.”");
  });

  it("draws the year's cap month by month", async () => {
    expect(await page.getAttribute("#cap-chart svg", "aria-label")).toBe("Taket 2022: 41 av 2590 timmar använda till och med 2022-12");
    expect(await page.locator("#cap-table tr").count()).toBe(13);
  });

  it("downloads the Excel-CSV byte for byte as the command line writes it", async () => {
    const { name, bytes } = await downloaded(page, "#download-csv");
    expect(name).toBe("familjeradgivning-2022-03.csv");
    const expected = cli("statement", "familjeradgivning", "--month", "2022-03", "--sessions", csvFile, "--format", "csv");
    expect(bytes.equals(expected)).toBe(true);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it("downloads the JSON byte for byte as the command line writes it", async () => {
    const { bytes } = await downloaded(page, "#download-json");
    expect(bytes.toString("utf8")).toBe(cli("statement", "familjeradgivning", "--month", "2022-03", "--sessions", csvFile, "--format", "json").toString("utf8"));
  });

  it("downloads the year's reporting deadlines as the command line's ICS (but for the DTSTAMP, the time of the download)", async () => {
    const { name, bytes } = await downloaded(page, "#download-ics");
    expect(name).toBe("familjeradgivning-2022-frister.ics");
    const stamp = /DTSTAMP:\d{8}T\d{6}Z/g;
    const expected = cli("deadlines", "familjeradgivning", "--year", "2022", "--format", "ics", "--dtstamp", "2000-01-01T00:00:00Z").toString("utf8");
    expect(bytes.toString("utf8").replace(stamp, "DTSTAMP:x")).toBe(expected.replace(stamp, "DTSTAMP:x"));
  });

  it("settles the month against an empty ledger and downloads the ledger as settle writes it", async () => {
    await page.click("#settle");
    expect(await page.textContent("#settlement-total")).toBe("Att boka nu: 24\u00a0805,00\u00a0kr (22 poster)");
    const { bytes } = await downloaded(page, "#download-ledger");
    const dir = mkdtempSync(join(tmpdir(), "web-ledger-"));
    cli("settle", "familjeradgivning", "--month", "2022-03", "--sessions", csvFile, "--ledger", join(dir, "ledger.json"));
    expect(bytes.toString("utf8")).toBe(readFileSync(join(dir, "ledger.json"), "utf8"));
    const settlement = await downloaded(page, "#download-settlement");
    expect(JSON.parse(settlement.bytes.toString("utf8"))).toMatchObject({ format: "verksamhetsuppdrag/settlement@1", contractId: "familjeradgivning", month: "2022-03" });
  });

  it("saves a screenshot of the statement view", async () => {
    await page.locator("#lines li").first().locator("summary").scrollIntoViewIfNeeded();
    await page.locator("#statement").screenshot({ path: join(out, "web-statement.png") });
    await page.screenshot({ path: join(out, "web-page.png"), fullPage: true });
    expect(readFileSync(join(out, "web-statement.png")).subarray(1, 4).toString("latin1")).toBe("PNG");
  });

  it("shows a bad file's error next to its input, naming line and field", async () => {
    const bad = join(out, "bad.csv");
    const lines = readFileSync(csvFile, "utf8").split("\r\n");
    lines[4] = (lines[4] ?? "").replace(/^([^;]*;[^;]*;)\d+;/, "$1x;");
    writeFileSync(bad, lines.join("\r\n"));
    await page.setInputFiles("#sessions-file", bad);
    const error = page.locator("#sessions-error");
    await error.waitFor({ state: "visible" });
    expect(await error.textContent()).toBe('Kunde inte läsa bad.csv – rad 5, fält minutes: expected a non-negative integer (whole minutes), received "x"');
    expect(await page.getAttribute("#sessions-file", "aria-invalid")).toBe("true");
  });

  it("reads a file dropped on the sessions field", async () => {
    const csv = readFileSync(csvFile);
    // What a drag from the file manager delivers: a drop event whose DataTransfer holds the file.
    await page.evaluate(`(() => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(${JSON.stringify([...csv])})], "dropped.csv", { type: "text/csv" }));
      document.getElementById("sessions-drop").dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
    })()`);
    await page.waitForSelector("#sessions-error[hidden]", { state: "attached" });
    expect(await page.textContent("#sessions-status")).toBe("dropped.csv: 21 samtal lästa (semikolonavgränsad, UTF-8)");
    expect(await page.textContent("#total")).toBe("24\u00a0805,00\u00a0kr");
  });

  it("reads what Excel's plain CSV (semikolonavgränsad) writes: Windows-1252, and says so", async () => {
    const text = readFileSync(csvFile, "utf8").replace(/^\uFEFF/, "").replace("FR-2203-01;2022-03-01;50;individual;;P-101;ja;;", "FR-2203-01;2022-03-01;50;individual;;P-101;ja;;Första samtalet, vän");
    const file = join(out, "windows-1252.csv");
    writeFileSync(file, Buffer.from(text, "latin1"));
    await page.setInputFiles("#sessions-file", file);
    // A locator, not waitForFunction: the page's CSP forbids evaluating a string, as it should.
    await page.locator("#sessions-status", { hasText: "windows-1252.csv" }).waitFor();
    const status = await page.textContent("#sessions-status");
    expect(status?.startsWith("windows-1252.csv: 21 samtal lästa (semikolonavgränsad, Windows-1252) – ")).toBe(true);
    expect(await page.textContent("#total")).toBe("24\u00a0805,00\u00a0kr");
  });

  it("made no request outside its own origin, and logged no error", () => {
    const origin = new URL(server.url).origin;
    const outside = requests.filter((u) => !(u.startsWith(`${origin}/`) || u.startsWith(`blob:${origin}/`) || u.startsWith("data:")));
    expect(outside).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
    expect(consoleErrors).toEqual([]);
  });
});
