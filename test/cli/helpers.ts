/**
 * Runs the built command (`node dist/cli.js …`) as a separate process, the
 * way a user does. `npm test` builds dist/ first; on your own, run
 * `npx tsup` before these tests.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll } from "vitest";

export const root = resolve(import.meta.dirname, "../..");
export const cli = join(root, "dist", "cli.js");
export const example = (name: string): string => join(root, "examples", "data", name);

export interface Run {
  code: number | null;
  stdout: string;
  stdoutBytes: Buffer;
  stderr: string;
}

export function runCli(args: readonly string[], options: { cwd?: string; timeout?: number } = {}): Run {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: build with 'npx tsup' (npm test does it for you)`);
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: options.cwd ?? root,
    timeout: options.timeout ?? 30_000,
    env: { ...process.env, NODE_OPTIONS: "" },
    maxBuffer: 256 * 1024 * 1024,
  });
  return {
    code: result.status,
    stdoutBytes: result.stdout,
    stdout: result.stdout.toString("utf8"),
    stderr: result.stderr.toString("utf8"),
  };
}

const made: string[] = [];

// Every test file that uses tempDir() removes its folders when it is done.
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "verksamhetsuppdrag-cli-"));
  made.push(dir);
  return dir;
}
