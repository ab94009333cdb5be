/**
 * Öppenvård vuxna tillägg, Beroendemottagningen (2021): the addendum to
 * Leanlink Råd och Stöd's commission for the addiction clinic, as data.
 * Source: `oppenvard-vuxna-beroendemottagningen-tillagg-2021.txt`.
 *
 * @module
 */
import { shippedContract } from "../parse.js";
import type { Contract, ContractInput } from "../schema.js";

const doc = "Beroendemottagningen tillägg 2021";

/**
 * The Beroendemottagningen addendum (*tillägg*, 2021): 2.5 FTE of mainly
 * 12-step treatment added to a 12.5-FTE commission; 1 827 000 kr a year in
 * 2021 prices from 2021-04-01, fixed to 2021-12-31, then adjusted by OPI.
 * Validated and deep-frozen at load.
 *
 * Also `contracts.beroendemottagningen` (the same object); imported by name, a bundler
 * leaves the other shipped commissions out.
 *
 * @example
 * ```ts
 * import { beroendemottagningen } from "verksamhetsuppdrag";
 * beroendemottagningen.compensation; //=> { kind: "fixed-annual", amount: "1827000", priceYear: 2021, … }
 * beroendemottagningen.term.start;   //=> "2021-04-01"
 * ```
 */
export const beroendemottagningen: Contract = /* @__PURE__ */ shippedContract(() => ({
  id: "beroendemottagningen",
  title: "Öppenvård vuxna tillägg verksamhetsuppdrag till Leanlink Råd och Stöd avseende Individ- och familjeomsorg, Beroendemottagningen",
  document: doc,
  reference: null,
  date: null,
  source: "oppenvard-vuxna-beroendemottagningen-tillagg-2021.txt",
  parties: { purchaser: "Social- och omsorgsnämnden", provider: "Leanlink Råd och Stöd" },
  amends: {
    description:
      "The ongoing commission to Leanlink Råd och Stöd for individ- och familjeomsorg öppenvård vuxna, Beroendemottagningen (the base commission, not part of this text).",
    staffingFte: "12.5",
    clause: `${doc} §1`,
    quote: "Det redan pågående uppdraget omfattar 12,5 årsarbetare.",
  },
  term: {
    start: "2021-04-01",
    end: null,
    extensions: null,
    clause: `${doc} §2`,
    quote: "Från 1 april 2021 och tills vidare.",
  },
  notice: {
    months: 12,
    form: "written",
    givenBy: "either",
    unlessAgreedOtherwise: true,
    clause: `${doc} §2`,
    quote: "Uppsägningstiden är 12 månader om parterna inte kommer överens om annat. Uppsägning ska vara skriftlig.",
  },
  compensation: {
    kind: "fixed-annual",
    amount: "1827000",
    priceYear: 2021,
    twelfths: true,
    premisesIncluded: true,
    reconciliation: null,
    clause: `${doc} §3`,
    quote: "För hel verksamhet utgår 1 827 000 kronor i 2021 års pris.",
  },
  indexation: {
    series: "OPI",
    fixedUntil: "2021-12-31",
    firstAdjustedYear: 2022,
    clause: `${doc} §3`,
    quote:
      "Ersättningen är fast till 31 december 2021. Från 1 januari 2022 justeras ersättningen årsvis med omsorgsprisindex (OPI) som publiceras av Sveriges Kommuner och Regioner (SKR).",
  },
  callOffs: {
    form: "written",
    atContractCompensation: true,
    clause: `${doc} §4`,
    quote:
      "Vid utökade ekonomiska medel kan social- och omsorgsnämnden skriftligen avropa ytterligare timmar/grupptimmar/platser utöver överenskommen volym till samma ersättning som regleras i detta uppdrag.",
  },
  payment: {
    frequency: "monthly",
    inArrears: true,
    clause: `${doc} §3`,
    quote: "Ersättning utbetalas månadsvis i efterskott för överenskomna och fullgjorda prestationer.",
  },
  reporting: [
    {
      kind: "activity-report",
      dueMonth: 3,
      dueDay: 31,
      covers: "previous-calendar-year",
      clause: `${doc} §5.5`,
      quote: "en gång per år, senast 31 mars, till Social- och omsorgsförvaltningen redovisa en kortfattad verksamhetsberättelse",
    },
  ],
  earlyTermination: null,
  eligibility: {
    minimumAge: {
      years: 18,
      clause: `${doc} §5`,
      quote: "Målgruppen är män och kvinnor från 18 år med missbruk eller beroendeproblematik.",
    },
    residency: null,
  },
  serviceLevels: { firstMeetingWithinDays: null, reportWaitsOverDays: null, openingHours: null },
  insurance: null,
  expectedResults: [],
  staffing: {
    fte: "2.5",
    clause: `${doc} §1`,
    quote: "Tillägget avser främst behandling enligt 12-stegsmodellen och omfattar 2,5 årsarbetare.",
  },
  groups: {
    count: 2,
    minParticipants: 6,
    maxParticipants: 8,
    clause: `${doc} §3`,
    quote: "Med hel verksamhet avses två grupper med 6-8 deltagare i varje grupp avseende behandling enligt 12-stegsmodellen.",
  },
  notes: [
    "The text has no diarienummer and no date (the signature lines carry none); the clause label \"Beroendemottagningen tillägg 2021\" is this library's. A second extraction of the same document (oppenvard-vuxna-beroendemottagningen-tillagg-2021.pdf-text.txt, with page numbers) states the same figures.",
    "Twelfths: §3 says only \"Ersättning utbetalas månadsvis i efterskott\". Paying the annual amount as 1/12 a month (twelfths: true) is this library's reading; the first year runs April-December 2021.",
    "The annual amount pays for \"hel verksamhet\", two groups running all year; the text does not say how the amount changes when fewer groups run.",
    "Reporting: §5.5 asks for a yearly activity report by 31 March on \"hur man arbetat under året\"; that it covers the previous calendar year is this library's reading. The yearly summary of the results of the efforts (\"En sammanfattning av genomförda insatser resultat\") has no date of its own.",
    "Not computed: the services of §5 (a 6-week primary programme, a motivation group two days a week), evening availability (§5.2), journals (§5.4), premises (§6), disputes (§9: negotiation, then kommunstyrelsen).",
    "The text has no early-termination, insurance, residency or expected-results clause.",
  ],
}) satisfies ContractInput);
