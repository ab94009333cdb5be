/**
 * The page: a commission, its sessions and a month in, the statement out,
 * computed by the library in this browser. Plain DOM, no view library: a
 * handful of inputs and one result view re-rendered on each change.
 *
 * @module
 */
import {
  contracts,
  Decimal,
  formatSek,
  parseContract,
  parseSessionsCsv,
  RulesError,
  settle,
  settlementToJSON,
  statement,
  yearReport,
  deadlinesIcs,
  ledgerEntries,
  ledgerText,
  statementCsvLines,
  statementJsonText,
  type CallOff,
  type Contract,
  type IndexSeries,
  type PaidEntry,
  type Session,
  type Settlement,
  type Statement,
  type StatementInput,
  type StatementLine,
} from "./lib.js";
import { capChart } from "./chart.js";
import { explanationRows, quotesFor, ruleName } from "./explain.js";

/** Where an error is shown: next to the input that caused it. */
type Target = "contract" | "sessions" | "calloffs" | "index" | "start" | "month" | "ledger" | "download";

interface State {
  contract: Contract;
  sessions: readonly Session[] | null;
  sessionsName: string;
  locate: ((path: string) => { line: number; field?: string } | undefined) | null;
  callOffs: readonly CallOff[] | null;
  index: IndexSeries | null;
  ledger: unknown[] | null;
  statement: Statement | null;
  settlement: Settlement | null;
  monthTouched: boolean;
}

function el(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`the page lacks #${id}`);
  return found;
}

function inputEl(id: string): HTMLInputElement {
  const found = el(id);
  if (!(found instanceof HTMLInputElement)) throw new Error(`#${id} is not an input`);
  return found;
}

function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

const readErrors = new Map<Target, string>();
const computeErrors = new Map<Target, string[]>();

function showErrors(): void {
  for (const target of ["contract", "sessions", "calloffs", "index", "start", "month", "ledger", "download"] as const) {
    const texts = [readErrors.get(target), ...(computeErrors.get(target) ?? [])].filter((t): t is string => t !== undefined);
    const box = el(`${target}-error`);
    box.textContent = texts.join("\n");
    box.hidden = texts.length === 0;
    const input = document.getElementById(target === "sessions" || target === "contract" || target === "calloffs" || target === "index" || target === "ledger" ? `${target}-file` : target);
    if (input !== null) {
      if (texts.length === 0) input.removeAttribute("aria-invalid");
      else input.setAttribute("aria-invalid", "true");
    }
  }
}

/** The library's `line 5, field minutes: …` in Swedish terms: `rad 5, fält minutes: …`. */
function swedishPlace(message: string): string {
  return message.replace(/^line (\d+)(?:, field ([^:]+))?: /, (_, line: string, field: string | undefined) => `rad ${line}${field === undefined ? "" : `, fält ${field}`}: `);
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

const shipped: readonly Contract[] = Object.values(contracts);

const state: State = {
  contract: shipped[0] as Contract,
  sessions: null,
  sessionsName: "",
  locate: null,
  callOffs: null,
  index: null,
  ledger: null,
  statement: null,
  settlement: null,
  monthTouched: false,
};

// ---------------------------------------------------------------- inputs

async function readJson(file: File): Promise<unknown> {
  const text = await file.text();
  try {
    return JSON.parse(text.startsWith("\uFEFF") ? text.slice(1) : text) as unknown;
  } catch (error) {
    throw new Error(`${file.name}: inte giltig JSON (${errorText(error)})`, { cause: error });
  }
}

async function loadContractFile(file: File): Promise<void> {
  readErrors.delete("contract");
  try {
    state.contract = parseContract(await readJson(file));
    el("contract-status").textContent = `Eget uppdrag: ${state.contract.title} (${state.contract.id}) från ${file.name}`;
  } catch (error) {
    readErrors.set("contract", error instanceof RulesError ? `${file.name}: ${errorText(error)}` : errorText(error));
  }
  update();
}

async function loadSessionsFile(file: File): Promise<void> {
  readErrors.delete("sessions");
  state.sessions = null;
  state.locate = null;
  el("sessions-status").textContent = "";
  try {
    const read = parseSessionsCsv(new Uint8Array(await file.arrayBuffer()));
    state.sessions = read.sessions;
    state.locate = (path) => read.locate(path);
    state.sessionsName = file.name;
    const notices = read.notices.length === 0 ? "" : ` – ${read.notices.join("; ")}`;
    el("sessions-status").textContent =
      `${file.name}: ${read.sessions.length.toString()} samtal lästa (${read.delimiter === ";" ? "semikolonavgränsad" : "kommaavgränsad"}, ${read.encoding === "utf-8" ? "UTF-8" : "Windows-1252"})${notices}`;
    if (!state.monthTouched) {
      const latest = read.sessions.reduce<string>((m, s) => (s.date > m ? s.date : m), "");
      if (latest !== "") inputEl("month").value = latest.slice(0, 7);
    }
  } catch (error) {
    readErrors.set("sessions", `Kunde inte läsa ${file.name} – ${swedishPlace(errorText(error))}`);
  }
  update();
}

async function loadListFile(file: File, target: "calloffs" | "index"): Promise<void> {
  readErrors.delete(target);
  try {
    const data = await readJson(file);
    if (target === "calloffs") {
      const list = Array.isArray(data) ? data : typeof data === "object" && data !== null && Array.isArray((data as { callOffs?: unknown }).callOffs) ? (data as { callOffs: unknown[] }).callOffs : null;
      if (list === null) throw new Error(`${file.name}: förväntade en lista av avrop [{ "id", "date", "hours", "form" }]`);
      state.callOffs = list as CallOff[];
    } else {
      if (typeof data !== "object" || data === null || Array.isArray(data)) throw new Error(`${file.name}: förväntade en indexserie { "name": "OPI", "percent": { "2024": "4.1" } }`);
      state.index = data as IndexSeries;
    }
  } catch (error) {
    if (target === "calloffs") state.callOffs = null;
    else state.index = null;
    readErrors.set(target, errorText(error));
  }
  update();
}

async function loadLedgerFile(file: File): Promise<void> {
  readErrors.delete("ledger");
  try {
    const entries = ledgerEntries(await readJson(file));
    if (entries === null) throw new Error(`${file.name}: förväntade en huvudbok { "format": "verksamhetsuppdrag/ledger@1", "entries": [...] } eller en lista av poster`);
    state.ledger = entries;
  } catch (error) {
    state.ledger = null;
    readErrors.set("ledger", errorText(error));
  }
  state.settlement = null;
  renderSettlement();
  showErrors();
}

// ---------------------------------------------------------------- computing

function input(): StatementInput {
  const out: StatementInput = {};
  if (state.sessions !== null) out.sessions = state.sessions;
  if (state.callOffs !== null) out.callOffs = state.callOffs;
  if (state.index !== null) out.index = state.index;
  const start = inputEl("start").value;
  if (start !== "") out.start = start;
  return out;
}

/** Which input an issue path of the library belongs to. */
function targetOf(path: string): Target {
  if (path.startsWith("sessions")) return "sessions";
  if (path.startsWith("callOffs")) return "calloffs";
  if (path.startsWith("index") || path.startsWith("options.index")) return "index";
  if (path === "start" || path === "input.start") return "start";
  if (path.startsWith("paid")) return "ledger";
  return "month";
}

/** A computation's RulesError shown next to the inputs it names, with the file's line and field. */
function placeComputeError(error: unknown, fallback: Target): void {
  if (!(error instanceof RulesError) || error.issues.length === 0) {
    computeErrors.set(fallback, [errorText(error)]);
    return;
  }
  for (const issue of error.issues) {
    const target = targetOf(issue.path);
    let where = issue.path;
    if (target === "sessions") {
      const at = state.locate?.(issue.path);
      if (at !== undefined) where = `${state.sessionsName}, rad ${at.line.toString()}${at.field === undefined ? "" : `, fält ${at.field}`}`;
    }
    const list = computeErrors.get(target) ?? [];
    list.push(error.issues.length === 1 && !error.message.startsWith(issue.path) ? `${where}: ${error.message}` : `${where}: expected ${issue.expected}, received ${issue.received}`);
    computeErrors.set(target, list);
  }
}

function update(): void {
  computeErrors.clear();
  state.statement = null;
  state.settlement = null;
  const month = inputEl("month").value;
  if (!readErrors.has("contract")) {
    if (!/^\d{4}-\d{2}$/.test(month)) computeErrors.set("month", ["Välj en månad (ÅÅÅÅ-MM)."]);
    else {
      try {
        state.statement = statement(state.contract, month, input());
      } catch (error) {
        placeComputeError(error, "month");
      }
    }
  }
  renderStatement();
  renderCap();
  renderSettlement();
  showErrors();
}

// ---------------------------------------------------------------- rendering

const UNIT_SV: Readonly<Record<StatementLine["unit"], string>> = { hour: "h", month: "mån", visit: "besök" };

function quantityText(q: Decimal): string {
  if (q.decimalPlaces() <= 4) return q.toFixed().replace(".", ",");
  return `${q.toDecimalPlaces(4, Decimal.ROUND_DOWN).toFixed().replace(".", ",")}…`;
}

function hours(q: Decimal): string {
  return `${quantityText(q)} h`;
}

function lineItem(s: Statement, l: StatementLine, payableText: string): HTMLLIElement {
  const head = h(
    "summary",
    {},
    `${l.date ?? s.month} · ${l.description} · ${quantityText(l.quantity)} ${UNIT_SV[l.unit]} × ${formatSek(l.unitPrice)} = `,
    h("span", { class: `amount${l.payable ? "" : " not-payable"}` }, formatSek(l.amount)),
    payableText === "" ? "" : ` (${payableText})`,
  );
  const figures = h("dl", {});
  for (const [k, v] of explanationRows(l.explanation)) figures.append(h("dt", {}, k), h("dd", {}, v));
  const body = h("div", { class: "explanation" }, h("p", {}, `Regel: ${ruleName(l.explanation.rule)} (${l.explanation.rule}) · ${l.clause}`), figures);
  for (const w of l.warnings) body.append(h("p", { class: "error" }, `Varning: ${w}`));
  const quotes = quotesFor(state.contract, l);
  if (quotes.length > 0) {
    body.append(h("p", {}, `Avtalstexten (${l.clause}):`));
    for (const q of quotes) body.append(h("blockquote", { lang: "sv" }, `”${q}”`));
  }
  return h("li", { "data-line": l.id }, h("details", {}, head, body));
}

function pairs(list: HTMLElement, rows: readonly (readonly [string, string, string?])[]): void {
  list.replaceChildren();
  for (const [k, v, id] of rows) list.append(h("dt", {}, k), h("dd", id === undefined ? {} : { id }, v));
}

function renderStatement(): void {
  const section = el("statement");
  const s = state.statement;
  section.hidden = s === null;
  if (s === null) return;
  const c = state.contract;
  const t = s.term;
  const unit = s.compensationKind === "hourly" ? "per timme" : "per år";
  const steps = s.indexation.steps.map((x) => `${x.year.toString()} ${x.percent.replace(".", ",")} % (${x.status === "final" ? "slutligt" : "preliminärt"})`).join(", ");
  pairs(el("summary"), [
    ["Uppdrag", `${c.title} (${c.id})`],
    ["Månad", s.month],
    ["Avtalstid", `${t.start} – ${t.end ?? "tills vidare"} (${t.clause}); ${t.daysInForce.toString()} av månadens ${t.daysInMonth.toString()} dagar`],
    ["Pris", `${formatSek(s.indexation.amount)} ${unit} för ${s.indexation.year.toString()}${steps === "" ? ` (${s.indexation.base.priceYear.toString()} års priser)` : ` (${formatSek(s.indexation.base.amount)} i ${s.indexation.base.priceYear.toString()} års priser; ${s.indexation.series ?? "index"} ${steps})`}`],
    ["Betalning", `månadsvis i efterskott (${s.clause})`],
  ]);
  const lines = el("lines");
  lines.replaceChildren();
  for (const l of s.lines) lines.append(lineItem(s, l, l.payable ? "" : "betalas inte"));
  for (const l of s.feeLines) lines.append(lineItem(s, l, "tillfaller beställaren"));
  if (s.lines.length === 0 && s.feeLines.length === 0) lines.append(h("li", {}, "Inga rader: inga samtal i månaden."));
  const totals: [string, string, string?][] = [["Att betala till utföraren", formatSek(s.total), "total"]];
  if (!s.notPayable.isZero() || s.compensationKind !== "fixed-annual") totals.push(["Betalas inte", formatSek(s.notPayable), "not-payable"]);
  if (s.visitFeeIndexation !== null) totals.push(["Besöksavgifter till beställaren", formatSek(s.feesOwedToPurchaser), "fees"]);
  if (s.cap !== null) {
    const cap = s.cap;
    totals.push([
      cap.kind === "yearly-cap" ? `Årligt tak (${cap.clause})` : `Timvolym (${cap.clause})`,
      `${hours(cap.capHours)}; använt före månaden ${hours(cap.usedBefore)}, i månaden ${hours(cap.usedInMonth)}, över taket ${hours(cap.overInMonth)}, kvar ${hours(cap.remaining)}`,
    ]);
  }
  pairs(el("totals"), totals);
  const warnings = el("warnings");
  warnings.replaceChildren();
  if (s.warnings.length > 0) warnings.append(h("h3", {}, `Varningar (${s.warnings.length.toString()})`), h("ul", {}, ...s.warnings.map((w) => h("li", {}, w))));
}

function renderCap(): void {
  const section = el("cap");
  const s = state.statement;
  const chart = el("cap-chart");
  const table = el("cap-table");
  chart.replaceChildren();
  table.replaceChildren();
  section.hidden = true;
  if (s === null || s.cap === null) return;
  const year = Number(s.month.slice(0, 4));
  let usage;
  try {
    usage = yearReport(state.contract, year, input()).capUsage;
  } catch (error) {
    placeComputeError(error, "month");
    return;
  }
  if (usage === null) return;
  section.hidden = false;
  chart.append(capChart(usage, year));
  table.append(
    h("caption", {}, `Taket ${year.toString()} i timmar`),
    h("tr", {}, ...["Månad", "Utfört", "Inom taket", "Över taket", "Använt hittills", "Tak", "Kvar"].map((x, i) => h("th", i === 0 ? { scope: "col" } : { scope: "col", class: "num" }, x))),
    ...usage.map((u) =>
      h(
        "tr",
        {},
        h("th", { scope: "row" }, u.month),
        ...[u.performedHours, u.usedHours, u.overHours, u.usedToDate, u.capHours, u.remaining].map((v) => h("td", { class: "num" }, quantityText(v))),
      ),
    ),
  );
}

const REASON_SV: Readonly<Record<string, string>> = { new: "ny", changed: "ändrad", removed: "borttagen" };

function renderSettlement(): void {
  const section = el("settlement");
  section.hidden = state.statement === null;
  const result = el("settlement-result");
  result.replaceChildren();
  const downloads = el("settlement-downloads");
  const st = state.settlement;
  downloads.hidden = st === null;
  if (st === null) return;
  result.append(
    h("h3", {}, `Avräkning ${st.month} (från ${st.from})`),
    h(
      "table",
      {},
      h("tr", {}, ...["Månad", "Att betala", "Bokfört", "Skillnad", "Poster"].map((x, i) => h("th", i === 0 ? { scope: "col" } : { scope: "col", class: "num" }, x))),
      ...st.months.map((m) =>
        h("tr", {}, h("th", { scope: "row" }, m.month), ...[formatSek(m.due), formatSek(m.paid), formatSek(m.difference), m.entries.toString()].map((v) => h("td", { class: "num" }, v))),
      ),
    ),
  );
  if (st.entries.length === 0) result.append(h("p", { id: "settlement-total" }, "Inget att boka: huvudboken stämmer redan."));
  else {
    result.append(
      h(
        "table",
        {},
        h("tr", {}, ...["Månad", "Rad", "Orsak", "Belopp", "Beskrivning"].map((x) => h("th", { scope: "col" }, x))),
        ...st.entries.map((e) =>
          h("tr", {}, h("td", {}, e.month), h("td", {}, e.lineId.slice(e.contractId.length + 9)), h("td", {}, REASON_SV[e.reason] ?? e.reason), h("td", { class: "num" }, `${formatSek(e.amount)}${e.kind === "fee" ? " (avgift)" : ""}`), h("td", {}, e.description)),
        ),
      ),
      h("p", { id: "settlement-total" }, `Att boka nu: ${formatSek(st.total)} (${st.entries.length.toString()} poster)`),
    );
  }
  for (const w of st.warnings) result.append(h("p", { class: "error" }, `Varning: ${w}`));
}

function runSettlement(): void {
  computeErrors.delete("ledger");
  state.settlement = null;
  const month = inputEl("month").value;
  try {
    state.settlement = settle(state.contract, month, { ...input(), paid: (state.ledger ?? []) as PaidEntry[] });
  } catch (error) {
    placeComputeError(error, "ledger");
  }
  renderSettlement();
  showErrors();
}

// ---------------------------------------------------------------- downloads

function download(name: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = h("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 10_000);
}

function withStatement(write: (s: Statement) => void): void {
  readErrors.delete("download");
  const s = state.statement;
  if (s === null) readErrors.set("download", "Ingen utbetalning att ladda ner.");
  else {
    try {
      write(s);
    } catch (error) {
      readErrors.set("download", errorText(error));
    }
  }
  showErrors();
}

/** Now, to the second, in UTC: the DTSTAMP of the calendar (as the command line without --dtstamp). */
function nowStamp(): string {
  return `${new Date().toISOString().slice(0, 19)}Z`;
}

// ---------------------------------------------------------------- wiring

function fileOf(event: Event): File | undefined {
  return (event.target as HTMLInputElement).files?.[0];
}

function main(): void {
  const select = el("contract") as HTMLSelectElement;
  for (const c of shipped) select.append(h("option", { value: c.id }, `${c.id} – ${c.reference ?? c.document}`));
  select.value = "familjeradgivning";
  state.contract = shipped.find((c) => c.id === select.value) ?? state.contract;
  select.addEventListener("change", () => {
    state.contract = shipped.find((c) => c.id === select.value) ?? state.contract;
    readErrors.delete("contract");
    inputEl("contract-file").value = "";
    el("contract-status").textContent = "";
    update();
  });
  const month = inputEl("month");
  const now = new Date();
  const last = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  month.value = `${last.getFullYear().toString()}-${String(last.getMonth() + 1).padStart(2, "0")}`;
  month.addEventListener("change", () => {
    state.monthTouched = true;
    update();
  });
  el("start").addEventListener("change", update);
  el("contract-file").addEventListener("change", (e) => {
    const f = fileOf(e);
    if (f !== undefined) void loadContractFile(f);
  });
  el("sessions-file").addEventListener("change", (e) => {
    const f = fileOf(e);
    if (f !== undefined) void loadSessionsFile(f);
  });
  el("calloffs-file").addEventListener("change", (e) => {
    const f = fileOf(e);
    if (f !== undefined) void loadListFile(f, "calloffs");
  });
  el("index-file").addEventListener("change", (e) => {
    const f = fileOf(e);
    if (f !== undefined) void loadListFile(f, "index");
  });
  el("ledger-file").addEventListener("change", (e) => {
    const f = fileOf(e);
    if (f !== undefined) void loadLedgerFile(f);
  });
  const drop = el("sessions-drop");
  drop.addEventListener("dragover", (e) => {
    e.preventDefault();
    drop.classList.add("over");
  });
  drop.addEventListener("dragleave", () => {
    drop.classList.remove("over");
  });
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    drop.classList.remove("over");
    const f = e.dataTransfer?.files[0];
    if (f !== undefined) void loadSessionsFile(f);
  });
  // A file dropped elsewhere on the page must not navigate away from it (the page would open the file).
  window.addEventListener("dragover", (e) => {
    e.preventDefault();
  });
  window.addEventListener("drop", (e) => {
    e.preventDefault();
  });
  el("inputs").addEventListener("submit", (e) => {
    e.preventDefault();
  });
  el("download-csv").addEventListener("click", () => {
    withStatement((s) => {
      download(`${s.contractId}-${s.month}.csv`, [...statementCsvLines(s, state.contract)].join(""), "text/csv;charset=utf-8");
    });
  });
  el("download-json").addEventListener("click", () => {
    withStatement((s) => {
      download(`${s.contractId}-${s.month}.json`, statementJsonText(s), "application/json");
    });
  });
  el("download-ics").addEventListener("click", () => {
    withStatement((s) => {
      const year = Number(s.month.slice(0, 4));
      const start = inputEl("start").value;
      download(`${s.contractId}-${year.toString()}-frister.ics`, deadlinesIcs(state.contract, year, { dtstamp: nowStamp(), ...(start === "" ? {} : { start }) }), "text/calendar;charset=utf-8");
    });
  });
  el("settle").addEventListener("click", runSettlement);
  el("download-ledger").addEventListener("click", () => {
    const st = state.settlement;
    if (st !== null) download(`huvudbok-${st.contractId}.json`, ledgerText(st.contractId, state.ledger ?? [], st), "application/json");
  });
  el("download-settlement").addEventListener("click", () => {
    const st = state.settlement;
    if (st !== null) download(`avrakning-${st.contractId}-${st.month}.json`, `${JSON.stringify(settlementToJSON(st), null, 2)}\n`, "application/json");
  });
  update();
  document.body.dataset.ready = "true";
}

main();
