/**
 * Verksamhetsuppdrag Familjerådgivning (SON 2021-233) as data.
 * Source: `familjeradgivning-SON-2021-233.txt`.
 *
 * @module
 */
import { shippedContract } from "../parse.js";
import type { Contract, ContractInput } from "../schema.js";

const doc = "SON 2021-233";

/**
 * Family counselling, SON 2021-233: 605 kr an hour in 2022 prices, billed
 * per started quarter hour, at most 2 590 hours a year, from 2022-01-01 until
 * further notice, uplifted by the municipality's own model. Validated and
 * deep-frozen at load.
 *
 * Also `contracts.familjeradgivning` (the same object); imported by name, a bundler
 * leaves the other shipped commissions out.
 *
 * @example
 * ```ts
 * import { familjeradgivning } from "verksamhetsuppdrag";
 * familjeradgivning.compensation.kind; //=> "hourly"
 * familjeradgivning.notice?.months;    //=> 12
 * ```
 */
export const familjeradgivning: Contract = /* @__PURE__ */ shippedContract(() => ({
  id: "familjeradgivning",
  title: "Verksamhetsuppdrag - Familjerådgivning",
  document: doc,
  reference: "SON 2021-233",
  date: "2021-11-23",
  source: "familjeradgivning-SON-2021-233.txt",
  parties: { purchaser: "Social- och omsorgsnämnden", provider: "Leanlink Råd och Stöd" },
  amends: null,
  term: {
    start: "2022-01-01",
    end: null,
    extensions: null,
    clause: `${doc} §1.1`,
    quote: "Verksamhetsuppdraget gäller från och med den 1 januari 2022 och tills vidare.",
  },
  notice: {
    months: 12,
    form: "written",
    givenBy: "either",
    unlessAgreedOtherwise: true,
    clause: `${doc} §1.1`,
    quote:
      "Uppsägningstiden är 12 månader från vardera parten om parterna inte kommer överens om annat. Uppsägning ska vara skriftlig.",
  },
  compensation: {
    kind: "hourly",
    rate: "605",
    priceYear: 2022,
    billableTime: {
      minutesPerHour: 60,
      unit: "started-quarter-hour",
      billable: "direct-client-related",
      clause: `${doc} §1.2`,
      quote:
        "För utförd tid som över- eller understiger hel klocktimme om 60 minuter utgår en fjärdedels timersättning för varje påbörjad kvart.",
    },
    groupRule: {
      clientHoursPerGroupHour: 4,
      minParticipants: 5,
      minMinutes: 60,
      maxMinutes: 120,
      clause: `${doc} §1.2`,
      quote:
        "Grundprincipen är att Leanlink får debitera fyra klienttimmar för varje genomförd grupptimme med minst 5 deltagare. Principen gäller för gruppverksamhet som omfattar 1-2 timmars verksamhet per grupptillfälle.",
    },
    yearlyCap: {
      hours: "2590",
      clause: `${doc} §1.2`,
      quote: "Maximal beställningsvolym är 2 590 timmar per år.",
    },
    visitFee: {
      amount: "200",
      priceYear: 2022,
      revisedYearly: true,
      owedTo: "purchaser",
      visitMinutes: { min: 60, max: 120 },
      clause: `${doc} §2.3`,
      quote:
        "Avgiften för familjerådgivningen är 200 kr per besök i 2022 års pris. Avgiften revideras varje år. Ett besök beräknas vara mellan 1-2 timmar. Avgiften tas ut av Leanlink men tillfaller Social- och omsorgsförvaltningen.",
    },
    expectedVolume: {
      cases: 300,
      clause: `${doc} §1.2`,
      quote: "Uppdraget beräknas omfatta cirka 300 par/ärenden per år i Linköping.",
    },
    clause: `${doc} §1.2`,
    quote: "Ersättning för familjerådgivning utgår med 605 kronor per timme i 2022 års prissättning.",
  },
  indexation: {
    series: "uppräkningsmodell",
    fixedUntil: null,
    firstAdjustedYear: 2023,
    note: "The text names the municipality's uplift model but no adjustment date. The rate is in 2022 prices and the term starts 2022-01-01, so the first uplift is read as 2023 (firstAdjustedYear). The model's figures are an input.",
    clause: `${doc} §1.2`,
    quote: "Uppräkning av ersättningen sker enligt kommunens uppräkningsmodell.",
  },
  callOffs: {
    form: "written",
    atContractCompensation: true,
    clause: `${doc} §1.2`,
    quote:
      "Vid utökade ekonomiska medel kan social- och omsorgsförvaltningen skriftligen avropa ytterligare timmar/grupptimmar. Ersättningen sker utifrån gällande verksamhetsuppdrag.",
  },
  payment: {
    frequency: "monthly",
    inArrears: true,
    route: "bokföringsorder",
    clause: `${doc} §1.2`,
    quote: "Ersättning erhålls månadsvis i efterskott via bokföringsorder för avtalade och fullgjorda prestationer.",
  },
  reporting: [
    {
      kind: "activity-report",
      dueMonth: 3,
      dueDay: 31,
      covers: "previous-calendar-year",
      clause: `${doc} §4.1`,
      quote: "en gång per år, senast 31 mars, till Social- och omsorgsförvaltningen redovisa en kortfattad verksamhetsberättelse",
    },
    {
      kind: "lex-sarah-summary",
      dueMonth: 3,
      dueDay: 31,
      covers: "previous-calendar-year",
      clause: `${doc} §4.2`,
      quote: "avseende föregående kalenderår ska lämnas till Social- och omsorgsförvaltningen senast den 31 mars varje år",
    },
  ],
  earlyTermination: null,
  eligibility: {
    minimumAge: null,
    residency: {
      municipality: "Linköping",
      exceptions: "by-agreement",
      clause: `${doc} §2.3`,
      quote:
        "Verksamhetsuppdraget omfattar endast insatser till personer som är folkbokförda/stadigvarande boende i Linköpings kommun. I undantagsfall, efter överenskommelse med Social- och omsorgsförvaltningen, kan insatser ges till andra personer som är folkbokförda/stadigvarande boende i andra kommuner.",
    },
  },
  serviceLevels: {
    firstMeetingWithinDays: {
      days: 14,
      clause: `${doc} §2.3`,
      quote: "Målsättningen är att den enskilde ska kunna erbjudas ett personligt samtal inom två veckor.",
    },
    reportWaitsOverDays: {
      days: 14,
      clause: `${doc} §2.3`,
      quote: "Om väntetider över 14 dagar uppstår under en längre tid ska Social- och omsorgsförvaltningen informeras om detta.",
    },
    openingHours: {
      days: "workdays",
      from: "08:00",
      to: "17:00",
      clause: `${doc} §2.3`,
      quote: "Verksamheten ska kunna nås under verksamhetstid, vardagar 08:00 till 17:00, via telefon med telefonsvarare, e-post och Leanlinks hemsida.",
    },
    perCase: {
      hours: "7",
      sessionsMin: 4,
      sessionsMax: 5,
      clause: `${doc} §2.3`,
      quote: "Den genomsnittliga stödtiden per par motsvarar cirka 7 timmar, vilket innebär 4-5 samtal per par.",
    },
  },
  insurance: null,
  expectedResults: [],
  staffing: null,
  groups: null,
  notes: [
    "Indexation: \"Uppräkning av ersättningen sker enligt kommunens uppräkningsmodell\" gives no date. The 605 kr rate is in 2022 prices and the term starts 2022-01-01, so the first uplift is read as 2023 (indexation.firstAdjustedYear). The uplift model's figures are not in the text; they are an input.",
    "The visit fee is per visit (besök), revised every year (its later amounts are an input), collected by Leanlink and owed to Social- och omsorgsförvaltningen (the purchaser's side).",
    "\"Inom två veckor\" is recorded as 14 days; it is a goal (målsättning), not a deadline. Waits over 14 days must be reported only when they persist \"under en längre tid\", which the text does not define.",
    "About 300 couples/cases a year (\"cirka\") is an estimate, not a volume commitment; the binding figure is the yearly cap (maximal beställningsvolym). The text's \"cirka 7 timmar\" and \"4-5 samtal\" per couple are guidance (serviceLevels.perCase): the activity report holds its averages per case against them; nothing is billed by them, and \"cirka\" sets no tolerance, so no verdict is given on the hours.",
    "Billable time: only direct client-related time (\"direkt klientrelaterad tid\": personal meetings and some preparation and follow-up). Whether quarter hours are rounded per session or per month, how a group session's hours are counted before the times four, and what happens below 5 participants are billing policies, not contract data.",
    "The hourly price includes all costs, premises too; the premises' share must be reportable separately on request. State grants go to social- och omsorgsnämnden (§1.2).",
    "The document is dated 2021-11-23 on its title page; the signature lines (\"Linköping 2021-\") carry no full date. Disputes (§8): dialogue, then kommunstyrelsen.",
    "The text has no early-termination, insurance, staffing or expected-results clause, and no journal requirement (§2.4).",
  ],
}) satisfies ContractInput);
