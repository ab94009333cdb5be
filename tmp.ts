import { contracts, yearReport, statement } from "./src/index.js";
const c = contracts.beroendemottagningen;
try { const r = yearReport(contracts.familjeradgivning, 2022, { sessions: [{ id: "a", date: "2021-12-31", minutes: 0, kind: "individual" }, { id: "b", date: "2022-01-01", minutes: 0, kind: "individual" }] }); console.log(r.total.toFixed(2), r.warnings); } catch (e) { console.log("ERR", (e as Error).message); }
try { const r = yearReport(contracts.boendestod, 2018, { sessions: [{ id: "a", date: "2018-03-31", minutes: 10, kind: "individual" }, { id: "g", date: "2018-04-01", minutes: 90, kind: "group", participants: 3 }] }); console.log(r.total.toFixed(2), r.warnings); } catch (e) { console.log("ERR", (e as Error).message); }
