// TEMPORARY stand-in for the library's parseSessionsCsv (issue 15, part 2), with its pinned signature.
// Delete when src/index.ts exports it; web/src/lib.ts then re-exports the library's own.
import { RulesError, type Session } from "../../src/index.js";

interface Read {
  sessions: readonly Session[];
  delimiter: "," | ";";
  encoding: "utf-8" | "windows-1252";
  notices: string[];
  locate(path: string): { line: number; field?: string } | undefined;
}

function fail(line: number, field: string, expected: string, value: string): never {
  throw new RulesError("INVALID_INPUT", `line ${line.toString()}, field ${field}: expected ${expected}, received ${JSON.stringify(value)}`);
}

export function parseSessionsCsv(input: string | Uint8Array, options: { maxRows?: number } = {}): Read {
  let encoding: Read["encoding"] = "utf-8";
  const notices: string[] = [];
  let text: string;
  if (typeof input === "string") text = input;
  else {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(input);
    } catch {
      text = new TextDecoder("windows-1252").decode(input);
      encoding = "windows-1252";
      notices.push("the file is not UTF-8: read as Windows-1252");
    }
  }
  if (text.startsWith("\uFEFF")) text = text.slice(1);
  const lines = text.split(/\r?\n/);
  const head = lines[0] ?? "";
  const delimiter: Read["delimiter"] = head.includes(";") ? ";" : ",";
  const names = head.split(delimiter).map((h) => h.trim());
  const col = (n: string): number => names.indexOf(n);
  for (const req of ["id", "date", "minutes", "kind"]) if (col(req) < 0) fail(1, req, "a column heading", head);
  const sessions: Session[] = [];
  const lineOf: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const raw = lines[i] ?? "";
    if (raw.trim() === "") continue;
    if (options.maxRows !== undefined && sessions.length >= options.maxRows) fail(i + 1, "id", `at most ${options.maxRows.toString()} rows`, raw);
    const cells = raw.split(delimiter);
    const cell = (n: string): string => (col(n) < 0 ? "" : (cells[col(n)] ?? "").trim());
    const line = i + 1;
    const minutes = cell("minutes");
    if (!/^\d+$/.test(minutes)) fail(line, "minutes", "a non-negative integer (whole minutes)", minutes);
    const kind = cell("kind");
    if (kind !== "individual" && kind !== "group") fail(line, "kind", '"individual" or "group"', kind);
    const s: Session = { id: cell("id"), date: cell("date"), minutes: Number(minutes), kind };
    const p = cell("participants");
    if (p !== "") {
      if (!/^\d+$/.test(p)) fail(line, "participants", "a non-negative integer", p);
      s.participants = Number(p);
    }
    const caseId = cell("caseId");
    if (caseId !== "") s.caseId = caseId;
    const resident = cell("resident").toLowerCase();
    if (resident !== "") s.resident = ["ja", "yes", "true", "1"].includes(resident);
    const exception = cell("residencyException");
    if (exception !== "") s.residencyException = exception;
    sessions.push(s);
    lineOf.push(line);
  }
  return {
    sessions,
    delimiter,
    encoding,
    notices,
    locate(path) {
      const m = /^sessions\.(\d+)(?:\.(\w+))?/.exec(path);
      if (m === null) return undefined;
      const line = lineOf[Number(m[1])];
      if (line === undefined) return undefined;
      return m[2] === undefined ? { line } : { line, field: m[2] };
    },
  };
}
