/**
 * `conformance --command "<cmd>"` (run another implementation through the
 * worked cases) and `answer` (the library's own answer to one question, so
 * that the library itself can be run through `conformance` as the
 * reference).
 *
 * @module
 */
import { spawn } from "node:child_process";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { answer } from "../../testing/answer.js";
import { CASE_KINDS, CASES_FORMAT, isCaseKind, questionOf, type CaseKind, type CasesFile, type JsonValue, type WorkedCase } from "../../testing/cases.js";
import { compareAnswer, describeDifference, type Difference } from "../../testing/conformance.js";
import { choiceValue, integerValue, listOption, requireOption, stringOption, type CommandSpec } from "../args.js";
import type { Command } from "../command.js";
import { InputError, UsageError } from "../errors.js";
import { jsonText, renderTable } from "../format.js";
import { MAX_JSON_BYTES, parseJsonText, readJsonFile } from "../jsonFile.js";
import { dataOutput, textOutput } from "../output.js";

/** The largest answer read from a command, in bytes (64 MiB): beyond it the case fails. */
const MAX_ANSWER_BYTES = 64 * 1024 * 1024;

/**
 * The spec of `conformance`.
 *
 * @example
 * ```ts
 * conformanceSpec.name; //=> "conformance"
 * ```
 */
export const conformanceSpec: CommandSpec = {
  name: "conformance",
  summary: "Run another implementation through the worked cases and compare its answers",
  positionals: [],
  options: {
    command: { type: "string", short: "c", value: "CMD", description: "the command to run per case, through the shell (required): question JSON on its stdin, answer JSON on its stdout" },
    cases: { type: "string", value: "FILE", description: "the cases file (default: the package's cases.json)" },
    kind: { type: "string", short: "k", multiple: true, value: "KIND", description: `run only cases of this kind (repeatable): ${CASE_KINDS.join(", ")}` },
    timeout: { type: "string", value: "MS", description: "milliseconds a case may take before its process group is killed (default 10000)" },
    jobs: { type: "string", short: "j", value: "N", description: "cases run at the same time (default: the number of CPUs, at most 4)" },
    format: { type: "string", short: "f", value: "table|json", description: "output format (default table)" },
  },
  details:
    "Each case's question is written as JSON to the command's stdin; the command prints its answer as\n" +
    "JSON on stdout. Expected figures must be in the answer (a subset), decimals compared as numbers\n" +
    '("10" equals "10.00"). docs/testing.md documents every kind\'s question and answer.\n' +
    "Exits 0 when every case passes, 1 when one fails or the command cannot be run.\n\n" +
    "Examples:\n" +
    '  verksamhetsuppdrag conformance --command "python3 my_impl.py" --kind statement\n' +
    '  verksamhetsuppdrag conformance --command "verksamhetsuppdrag answer"   # the library itself',
};

/**
 * The spec of `answer`.
 *
 * @example
 * ```ts
 * answerSpec.name; //=> "answer"
 * ```
 */
export const answerSpec: CommandSpec = {
  name: "answer",
  summary: "Answer one worked-case question (JSON on stdin) as the library computes it",
  positionals: [],
  options: {},
  details:
    "Reads a question as 'conformance' writes it and prints the library's answer as JSON: the reference\n" +
    "other implementations are compared with. A computation the library refuses is answered\n" +
    '{"error": CODE, "message": ...}; a question that is not one exits 1.',
};

/** How one case went. */
interface CaseResult {
  case: string;
  kind: CaseKind;
  title: string;
  passed: boolean;
  /** Why the case failed before any comparison (timeout, exit code, no JSON). */
  problem: string | null;
  differences: Difference[];
}

/** What running the command once gave. */
interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  stderr: string;
  timedOut: boolean;
  tooLarge: boolean;
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // The group is gone already.
  }
}

/** Runs `command` through the shell in its own process group, the question on its stdin. */
function runOnce(command: string, stdin: string, timeoutMs: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, { shell: true, detached: true, stdio: ["pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    let outBytes = 0;
    let err = "";
    let timedOut = false;
    let tooLarge = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(new InputError(`--command ${JSON.stringify(command)}: could not be started (${error.message})`));
    });
    child.stdout.on("data", (chunk: Buffer) => {
      outBytes += chunk.length;
      if (outBytes > MAX_ANSWER_BYTES) {
        tooLarge = true;
        killGroup(child.pid);
      } else out.push(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      if (err.length < 4096) err += chunk.toString("utf8");
    });
    // A command that exits without reading its stdin is its own affair: the answer decides.
    child.stdin.on("error", () => undefined);
    child.stdin.end(stdin);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      // Whatever the command left running in its group goes with it.
      killGroup(child.pid);
      resolve({ code, signal, stdout: Buffer.concat(out), stderr: err, timedOut, tooLarge });
    });
  });
}

const firstLine = (text: string): string => text.trim().split("\n")[0]?.slice(0, 300) ?? "";

async function runCase(worked: WorkedCase, command: string, timeoutMs: number): Promise<CaseResult> {
  const base = { case: worked.id, kind: worked.kind, title: worked.title };
  const fail = (problem: string): CaseResult => ({ ...base, passed: false, problem, differences: [] });
  const run = await runOnce(command, `${JSON.stringify(questionOf(worked))}\n`, timeoutMs);
  if (run.code === 127 || run.code === 126) {
    const why = run.code === 127 ? "command not found" : "not executable";
    throw new InputError(`--command ${JSON.stringify(command)}: the shell could not run it (exit ${run.code.toString()}, ${why})${run.stderr.trim() === "" ? "" : `: ${firstLine(run.stderr)}`}`);
  }
  if (run.timedOut) return fail(`no answer within ${timeoutMs.toString()} ms: its process group was killed`);
  if (run.tooLarge) return fail(`an answer of more than ${(MAX_ANSWER_BYTES / 1024 / 1024).toString()} MiB`);
  if (run.code !== 0) {
    const how = run.code === null ? `killed by ${run.signal ?? "a signal"}` : `exit code ${run.code.toString()}`;
    return fail(`${how}${run.stderr.trim() === "" ? "" : `: ${firstLine(run.stderr)}`}`);
  }
  let actual: JsonValue;
  try {
    actual = parseJsonText(new TextDecoder("utf-8", { fatal: true }).decode(run.stdout), "the answer") as JsonValue;
  } catch (error) {
    return fail(error instanceof Error ? error.message : "the answer is not JSON");
  }
  const differences = compareAnswer(worked.kind, worked.expected, actual);
  return { ...base, passed: differences.length === 0, problem: null, differences };
}

/** The cases file, checked enough to run: its format, and each case's id, kind and expected figures. */
function casesOf(data: unknown, label: string): WorkedCase[] {
  const file = data as Partial<CasesFile> | null;
  if (typeof file !== "object" || file === null || file.format !== CASES_FORMAT) {
    throw new InputError(`${label}, field format: expected ${JSON.stringify(CASES_FORMAT)}, received ${JSON.stringify((file as { format?: unknown } | null)?.format ?? null)}`);
  }
  if (!Array.isArray(file.cases)) throw new InputError(`${label}, field cases: expected a list of cases`);
  file.cases.forEach((c: Partial<WorkedCase> | null, i) => {
    if (typeof c !== "object" || c === null || typeof c.id !== "string" || !isCaseKind(c.kind) || typeof c.contract !== "object" || !("expected" in c)) {
      throw new InputError(`${label}, field cases[${i.toString()}]: expected a case with id, kind (one of ${CASE_KINDS.join(", ")}), contract and expected`);
    }
  });
  return file.cases;
}

/** Runs `work` over `items` with at most `jobs` at a time; results in the items' order. */
async function inParallel<T, R>(items: readonly T[], jobs: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, items.length) }, worker));
  return results;
}

function tableReport(results: readonly CaseResult[], command: string): string {
  const rows = results.map((r) => [r.case, r.kind, r.passed ? "pass" : "FAIL", r.title]);
  let text = renderTable([{ header: "case" }, { header: "kind" }, { header: "result" }, { header: "title" }], rows);
  const failed = results.filter((r) => !r.passed);
  if (failed.length > 0) {
    text += "\nFailures:\n";
    for (const r of failed) {
      text += `\n${r.case} (${r.kind}): ${r.title}\n`;
      if (r.problem !== null) text += `  ${r.problem}\n`;
      for (const d of r.differences) text += `  ${describeDifference(d)}\n`;
    }
  }
  const passed = results.length - failed.length;
  return `${text}\n${results.length.toString()} ${results.length === 1 ? "case" : "cases"}: ${passed.toString()} passed, ${failed.length.toString()} failed (command: ${command})\n`;
}

/**
 * Runs `conformance`: every case (of the kinds asked) through the command,
 * then a pass/fail table with each failure's differences, or JSON. Exit 1
 * when a case fails.
 *
 * @example
 * ```ts
 * await conformanceCommand.run(parseCommandArgs(conformanceSpec, ["--command", "node dist/cli.js answer"]), context);
 * //=> { kind: "text", chunks: ["case  kind  result  title\n…84 cases: 84 passed, 0 failed …\n"], exitCode: 0 }
 * ```
 */
export const conformanceCommand: Command = {
  spec: conformanceSpec,
  run: async (args) => {
    const command = requireOption(args, "command", "conformance");
    if (command.trim() === "") throw new UsageError('conformance: --command: expected a command to run, received ""', "conformance");
    const format = choiceValue(stringOption(args, "format") ?? "table", ["table", "json"] as const, "--format", "conformance");
    const kinds = listOption(args, "kind").map((k) => choiceValue(k, CASE_KINDS, "--kind", "conformance"));
    const timeoutText = stringOption(args, "timeout");
    const timeout = timeoutText === undefined ? 10_000 : integerValue(timeoutText, "--timeout");
    if (timeout < 1) throw new InputError(`--timeout: expected milliseconds, 1 or more, received ${timeoutText ?? ""}`);
    const jobsText = stringOption(args, "jobs");
    const jobs = jobsText === undefined ? Math.min(4, availableParallelism()) : integerValue(jobsText, "--jobs");
    if (jobs < 1) throw new InputError(`--jobs: expected a number of cases, 1 or more, received ${jobsText ?? ""}`);
    const file = stringOption(args, "cases");
    const path = file ?? fileURLToPath(new URL("./cases.json", import.meta.url));
    const all = casesOf(await readJsonFile(path, file ?? "the package's cases.json", MAX_JSON_BYTES), file ?? "cases.json");
    const cases = kinds.length === 0 ? all : all.filter((c) => kinds.includes(c.kind));
    if (cases.length === 0) throw new InputError(`${file ?? "cases.json"}: no case of kind ${kinds.join(", ")}`);
    const results = await inParallel(cases, jobs, (c) => runCase(c, command, timeout));
    const failed = results.filter((r) => !r.passed).length;
    const exitCode = failed === 0 ? 0 : 1;
    if (format === "json") {
      return { ...dataOutput(jsonText({ format: "verksamhetsuppdrag/conformance@1", command, cases: results.length, passed: results.length - failed, failed, results })), exitCode };
    }
    return { ...textOutput(tableReport(results, command)), exitCode };
  },
};

/** Standard input, whole, at most {@link MAX_JSON_BYTES}. */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > MAX_JSON_BYTES) throw new InputError(`standard input: expected a question of at most ${(MAX_JSON_BYTES / 1024 / 1024).toString()} MiB, received more`);
    chunks.push(chunk);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new InputError("standard input: expected UTF-8 text, received bytes that are not UTF-8");
  }
}

/**
 * Runs `answer`: the question on stdin, the library's answer on stdout.
 *
 * @example
 * ```ts
 * // echo '{"format":"verksamhetsuppdrag/question@1","case":"x","kind":"term","contract":{…},"input":null}' | verksamhetsuppdrag answer
 * //=> {"end":"2019-12-31","months":21,"byYear":{"2018":9,"2019":12}}
 * ```
 */
export const answerCommand: Command = {
  spec: answerSpec,
  run: async () => dataOutput(`${JSON.stringify(answer(parseJsonText(await readStdin(), "standard input")))}\n`),
};
