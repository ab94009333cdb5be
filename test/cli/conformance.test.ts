/**
 * `verksamhetsuppdrag conformance` and `answer`, run as a user runs them:
 * the library itself passes every case; a small independent implementation
 * (test/cli/conformance/impl.py, Python's decimal; impl.mjs, the same in
 * Node with BigInt, for machines without python3) passes the kinds it
 * implements, and its `--wrong` mode fails with a clear diff.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, root, runCli, tempDir } from "./helpers.js";

const python = spawnSync("python3", ["--version"]).status === 0;
const impl = (file: string, wrong = false): string => `${file.endsWith(".py") ? "python3" : JSON.stringify(process.execPath)} ${JSON.stringify(join(root, "test", "cli", "conformance", file))}${wrong ? " --wrong" : ""}`;
const KINDS = ["--kind", "notice-end", "--kind", "term", "--kind", "revision"];
/** Whether a process runs: a killed one that nobody has reaped (a zombie, state Z) does not. */
function running(pid: number): boolean {
  const stat = `/proc/${pid.toString()}/stat`;
  if (existsSync("/proc/self/stat")) return existsSync(stat) && !/^\d+ \(.*\) Z /.test(readFileSync(stat, "utf8"));
  return spawnSync("kill", ["-0", pid.toString()]).status === 0;
}
const summary = (stdout: string): string => stdout.trimEnd().split("\n").at(-1) ?? "";

describe("conformance", () => {
  it("passes every case with the library's own answer command", () => {
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(cli)} answer`;
    const r = runCli(["conformance", "--command", command], { timeout: 120_000 });
    expect(r.stderr).toBe("");
    expect(summary(r.stdout)).toBe(`107 cases: 107 passed, 0 failed (command: ${command})`);
    expect(r.stdout).not.toContain("FAIL");
    expect(r.code).toBe(0);
  });

  describe.each([
    ["impl.py (python3, decimal)", "impl.py", !python],
    ["impl.mjs (Node, BigInt)", "impl.mjs", false],
  ])("an independent implementation: %s", (_name, file, skip) => {
    it.skipIf(skip)("passes the kinds it implements", () => {
      const r = runCli(["conformance", "--command", impl(file), ...KINDS]);
      expect(summary(r.stdout)).toBe(`11 cases: 11 passed, 0 failed (command: ${impl(file)})`);
      expect(r.code).toBe(0);
    });

    it.skipIf(skip)("--wrong fails with a clear diff, exit 1", () => {
      const r = runCli(["conformance", "--command", impl(file, true), ...KINDS]);
      expect(r.code).toBe(1);
      expect(summary(r.stdout)).toBe(`11 cases: 8 passed, 3 failed (command: ${impl(file, true)})`);
      expect(r.stdout).toMatch(/^deadlines-notice\/1 +notice-end +FAIL +A notice received on 29 February 2024 ends on 28 February 2025$/m);
      const failures = r.stdout.slice(r.stdout.indexOf("Failures:"));
      expect(failures).toContain(
        [
          "deadlines-notice/1 (notice-end): A notice received on 29 February 2024 ends on 28 February 2025",
          '  end: expected "2025-02-28", got "2025-03-01"',
          "",
          "deadlines-notice/4 (notice-end): One month agreed otherwise from 31 January 2024 ends on 29 February 2024",
          '  end: expected "2024-02-29", got "2024-03-01"',
          "",
          "statement-revision-opi-2023/1 (revision): Beroendemottagningen, back pay for January–April 2023",
          '  months.0.paid: expected "160572.74", got "160572.75"',
          '  months.0.revised: expected "162279.31", got "162279.32"',
        ].join("\n"),
      );
      expect(failures).toContain('\n  paid: expected "642290.96", got "642291.00"\n');
    });
  });

  it("gives the results as JSON", () => {
    const r = runCli(["conformance", "--command", impl("impl.mjs", true), "--kind", "term", "--kind", "notice-end", "--format", "json"]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { format: string; cases: number; passed: number; failed: number; results: { case: string; passed: boolean; problem: string | null; differences: unknown[] }[] };
    expect([out.format, out.cases, out.passed, out.failed]).toEqual(["verksamhetsuppdrag/conformance@1", 10, 8, 2]);
    expect(out.results.find((x) => x.case === "deadlines-notice/1")).toEqual({
      case: "deadlines-notice/1",
      kind: "notice-end",
      title: "A notice received on 29 February 2024 ends on 28 February 2025",
      passed: false,
      problem: null,
      differences: [{ path: "end", expected: "2025-02-28", actual: "2025-03-01" }],
    });
  });

  it("reports a command the shell cannot run on one line, exit 1, no stack trace", () => {
    const r = runCli(["conformance", "--command", "no-such-implementation-14", "--kind", "term"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^verksamhetsuppdrag: --command "no-such-implementation-14": the shell could not run it \(exit 127, command not found\): .*not found\n$/);
  });

  it("fails a case whose command prints no JSON or exits non-zero, naming why", () => {
    const r = runCli(["conformance", "--command", "echo not json", "--kind", "revision"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("statement-revision-opi-2023/1 (revision): Beroendemottagningen, back pay for January–April 2023\n  the answer line 1, column 1: expected");
    const exit = runCli(["conformance", "--command", "echo broken >&2; exit 3", "--kind", "revision"]);
    expect(exit.stdout).toContain("\n  exit code 3: broken\n");
    expect(summary(exit.stdout)).toBe("1 case: 0 passed, 1 failed (command: echo broken >&2; exit 3)");
  });

  it("kills a case's whole process group when it takes longer than --timeout", () => {
    const dir = tempDir();
    const pidFile = join(dir, "pid");
    const started = Date.now();
    const r = runCli(["conformance", "--command", `sleep 30 & echo $! > ${JSON.stringify(pidFile)}; wait`, "--kind", "revision", "--timeout", "500"]);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("\n  no answer within 500 ms: its process group was killed\n");
    const pid = Number(readFileSync(pidFile, "utf8"));
    expect(running(pid), `the shell's child ${pid.toString()}`).toBe(false);
  });

  it("checks its options and the cases file", () => {
    expect(runCli(["conformance"]).stderr).toContain("conformance: --command is required");
    expect(runCli(["conformance", "--command", "x", "--kind", "payroll"]).code).toBe(2);
    const dir = tempDir();
    writeFileSync(join(dir, "cases.json"), JSON.stringify({ format: "other" }));
    const r = runCli(["conformance", "--command", "x", "--cases", join(dir, "cases.json")]);
    expect([r.code, r.stderr]).toEqual([1, `verksamhetsuppdrag: ${join(dir, "cases.json")}, field format: expected "verksamhetsuppdrag/cases@1", received "other"\n`]);
  });
});

describe("answer", () => {
  const run = (stdin: string): { code: number | null; stdout: string; stderr: string } => {
    const r = spawnSync(process.execPath, [cli, "answer"], { input: stdin, encoding: "utf8" });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it("prints the library's answer to a question on stdin", () => {
    const cases = JSON.parse(readFileSync(join(root, "dist", "cases.json"), "utf8")) as { cases: { id: string; kind: string; contract: unknown; input: unknown }[] };
    const worked = cases.cases.find((c) => c.id === "deadlines-boendestod-term/1")!;
    const r = run(JSON.stringify({ format: "verksamhetsuppdrag/question@1", case: worked.id, kind: worked.kind, contract: worked.contract, input: worked.input }));
    expect(r).toEqual({ code: 0, stdout: '{"end":"2019-12-31","months":21,"byYear":{"2018":9,"2019":12}}\n', stderr: "" });
  });

  it("refuses what is not a question, exit 1, one line", () => {
    expect(run("[1,")).toEqual({ code: 1, stdout: "", stderr: expect.stringMatching(/^verksamhetsuppdrag: standard input line 1, column 4: expected .*\n$/) });
    expect(run('{"format":"x"}')).toEqual({ code: 1, stdout: "", stderr: 'verksamhetsuppdrag: question.format: expected "verksamhetsuppdrag/question@1", received "x"\n' });
  });

  it("is built", () => {
    expect(existsSync(cli)).toBe(true);
  });
});
