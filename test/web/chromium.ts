/**
 * Debian's Chromium for the browser tests, driven by playwright-core (no
 * browser is ever downloaded). Without /usr/bin/chromium the tests skip on a
 * developer's machine and fail in CI, where .ci/run installs it.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";

/** Whether the browser tests run here. */
export const haveChromium = existsSync(CHROMIUM);

/** In CI a missing browser is a failure, never a skip. */
export const inCi = process.env.CI !== undefined && process.env.CI !== "" && process.env.CI !== "false";

if (!haveChromium && !inCi) {
  console.warn(`browser tests skipped: ${CHROMIUM} is absent (apt-get install -y chromium); in CI (CI set) they fail instead`);
}

/** Whether to skip the browser tests: only without Chromium and outside CI. */
export const skipBrowser = !haveChromium && !inCi;

/**
 * Launches headless Chromium.
 *
 * @returns the browser
 * @throws Error in CI when Chromium is absent
 */
export async function launch(): Promise<Browser> {
  if (!haveChromium) throw new Error(`${CHROMIUM} is absent in CI: .ci/run installs it with apt-get install -y chromium`);
  return chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu"] });
}
