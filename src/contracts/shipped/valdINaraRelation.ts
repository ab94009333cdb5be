/**
 * Verksamhetsuppdrag Våld i nära relation (SON 2019-755) as data.
 * Source: `vald-i-nara-relation-SON-2019-755.txt`.
 *
 * @module
 */
import { shippedContract } from "../parse.js";
import type { Contract, ContractInput } from "../schema.js";

const doc = "SON 2019-755";

/**
 * Domestic violence, SON 2019-755: 4 093 284 kr a year in 2019 prices, paid
 * as twelfths with quarterly reconciliation, adjusted by OPI from 2020-01-01,
 * until further notice. The text gives no start date: `term.start` is
 * `'unknown'` and the caller supplies one. Validated and deep-frozen at load.
 *
 * Also `contracts.valdINaraRelation` (the same object); imported by name, a bundler
 * leaves the other shipped commissions out.
 *
 * @example
 * ```ts
 * import { valdINaraRelation } from "verksamhetsuppdrag";
 * valdINaraRelation.term.start;                //=> "unknown"
 * valdINaraRelation.earlyTermination?.cureDays; //=> 30
 * ```
 */
export const valdINaraRelation: Contract = /* @__PURE__ */ shippedContract(() => ({
  id: "vald-i-nara-relation",
  title: "Verksamhetsuppdrag avseende Våld i nära relation, Leanlink Råd och Stöd",
  document: doc,
  reference: "SON 2019-755",
  date: "2019-11-26",
  source: "vald-i-nara-relation-SON-2019-755.txt",
  parties: { purchaser: "Linköpings kommun genom social- och omsorgsnämnden", provider: "Leanlink Råd och Stöd" },
  amends: null,
  term: {
    start: "unknown",
    end: null,
    extensions: null,
    clause: `${doc} §1.1`,
    quote: "Verksamhetsuppdraget gäller tills vidare.",
  },
  notice: {
    months: 12,
    form: "written",
    givenBy: "either",
    unlessAgreedOtherwise: true,
    clause: `${doc} §1.1`,
    quote: "Uppsägningstiden är 12 månader om parterna inte kommer överens om annat. Uppsägning ska vara skriftlig.",
  },
  compensation: {
    kind: "fixed-annual",
    amount: "4093284",
    priceYear: 2019,
    twelfths: true,
    premisesIncluded: null,
    reconciliation: {
      every: "quarter",
      clause: `${doc} §1.2`,
      quote: "Avstämning görs kvartalsvis.",
    },
    clause: `${doc} §1.2`,
    quote: "Ersättning är 4 093 284 kronor per år i 2019 års prisläge.",
  },
  indexation: {
    series: "OPI",
    fixedUntil: null,
    firstAdjustedYear: 2020,
    note: "The text names Sveriges Kommuner och Landsting (SKL), now Sveriges Kommuner och Regioner (SKR); OPI is the same series. It states no date until which the amount is fixed.",
    clause: `${doc} §1.2`,
    quote:
      "Från 2020-01-01 justeras ersättningen årsvis med omsorgsprisindex (OPI) som publiceras av Sveriges Kommuner och Landsting.",
  },
  callOffs: null,
  payment: {
    frequency: "monthly",
    inArrears: true,
    route: "autobokföring",
    clause: `${doc} §1.2`,
    quote:
      "Fakturering av ersättning sker via autobokföring med 1/12 del per månad. Avstämning görs kvartalsvis. Ersättning utbetalas månadsvis i efterskott för avtalade och fullgjorda prestationer.",
  },
  reporting: [
    {
      kind: "activity-report",
      dueMonth: 3,
      dueDay: 31,
      covers: "previous-calendar-year",
      clause: `${doc} §3.0 Uppföljning`,
      quote: "ska utföraren en gång per år, senast 31 mars, till beställaren redovisa en kortfattad verksamhetsberättelse",
    },
    {
      kind: "lex-sarah-summary",
      dueMonth: 3,
      dueDay: 31,
      covers: "previous-calendar-year",
      clause: `${doc} §3.0 Lex Sarah`,
      quote: "avseende föregående kalenderår ska lämnas till beställarens kontaktperson senast den 31 mars varje år",
    },
  ],
  earlyTermination: {
    cureDays: 30,
    noticeMonths: 3,
    noticeForm: "written",
    by: "purchaser",
    clause: `${doc} §5.3`,
    quote:
      "Om utföraren bryter mot uppdraget, och efter beställarens skriftliga meddelande härom inte inom trettio (30) dagar kan visa att påpekade brister har åtgärdats, har beställaren rätt att säga upp uppdraget med beaktande av en uppsägningstid om tre (3) månader.",
  },
  eligibility: { minimumAge: null, residency: null },
  serviceLevels: {
    firstMeetingWithinDays: null,
    reportWaitsOverDays: null,
    openingHours: {
      days: "workdays",
      from: "08:00",
      to: "17:00",
      clause: `${doc} §2.2`,
      quote: "Verksamheten ska kunna nås under vardagar 08:00 till 17:00, via personligt besök, telefon eller e-post.",
    },
  },
  insurance: {
    personalInjury: "20000000",
    propertyDamage: "20000000",
    pureEconomicLossCapPerIncident: "2000000",
    clause: `${doc} §4.0 Försäkringar`,
    quote:
      "Utföraren ska teckna ansvarsförsäkring med försäkringsbelopp omfattande 20 mnkr för personskada och 20 mnkr för sakskada. Ansvarsförsäkringen ska inkludera skydd för skada genom levererad produkt (produktansvar) och utökat skydd vid skada på omhändertagen egendom. Utförarens ansvar för ren förmögenhetsskada begränsas till 2 mnkr per skadetillfälle.",
  },
  expectedResults: [
    {
      description: "Children, women and men find it easy to get in touch with the service.",
      targetPercent: "100",
      clause: `${doc} §3.0 Förväntat resultat`,
      quote: "Barn/kvinnor och män ska uppleva att det varit lätt att komma i kontakt med verksamheten. (100%)",
    },
    {
      description: "Children feel they have gained understanding and have been listened to.",
      targetPercent: "100",
      clause: `${doc} §3.0 Förväntat resultat`,
      quote: "Barn ska uppleva att de nått en ökad förståelse och att de blivit lyssnade till. (100%)",
    },
    {
      description: "A child's school and leisure work or have normalised after the parent's break-up process.",
      targetPercent: "80",
      clause: `${doc} §3.0 Förväntat resultat`,
      quote:
        "Skola och fritid ska för ett barn, efter att de varit en del av sin förälders ”uppbrottsprocess”, vara fungerande/ha normaliserats. (80%)",
    },
    {
      description: "Women who have been through a break-up process feel they have a strategy for a new life situation.",
      targetPercent: "80",
      clause: `${doc} §3.0 Förväntat resultat`,
      quote: "Kvinnor som varit i en uppbrottsprocess ska uppfatta att de har en strategi för en ny livssituation. (80%)",
    },
    {
      description: "A violent parent has a better understanding of how violence affects the children in the family.",
      targetPercent: "80",
      clause: `${doc} §3.0 Förväntat resultat`,
      quote: "En våldsutövande förälder ska ha ökat sin förståelse för hur våld påverkar de barn som finns i familjen. (80%)",
    },
    {
      description: "A perpetrator feels they have gained other strategies for handling violence, anger and frustration.",
      targetPercent: "80",
      clause: `${doc} §3.0 Förväntat resultat`,
      quote: "En våldsutövare ska uppleva att denne fått alternativa strategier till att hantera våldet sin ilska/frustration. (80%)",
    },
    {
      description: "Women in a break-up process feel they have gained strategies that help them leave a violent or oppressive partner.",
      targetPercent: "80",
      clause: `${doc} §3.0 Förväntat resultat`,
      quote:
        "Kvinnor i uppbrottsprocessen upplever att de fått strategier som hjälper dem att lämna den partner/relation som utövat våld/förtryck. (80%)",
    },
    {
      description: "Proposals of methods and ways of working against honour-related violence and oppression can be presented.",
      targetPercent: "100",
      clause: `${doc} §3.0 Förväntat resultat`,
      quote: "Förslag till metoder och arbetsformer för att möta hedersrelaterat våld och förtryck ska kunna redovisas. (100%)",
    },
    {
      description: "Women, men and children feel the support they received improved their life situation.",
      targetPercent: "80",
      clause: `${doc} §3.0 Förväntat resultat`,
      quote: "Kvinnor, män och barn ska uppleva att det stöd de erhållit har bidragit till en förbättring av livssituationen. (80%)",
    },
  ],
  staffing: null,
  groups: null,
  notes: [
    "Start date: §1.1 says only \"Verksamhetsuppdraget gäller tills vidare\" and gives no start date, so term.start is \"unknown\". The price level (2019) and indexation from 2020-01-01 do not fix the start; the caller must supply one before anything that needs it (a statement, a first year) is computed.",
    "Indexation: OPI from 2020-01-01 (firstAdjustedYear 2020) on the 2019 price level; the text names SKL, now SKR. No fixedUntil date is stated.",
    "Payment: 1/12 of the annual amount a month by autobokföring, paid monthly in arrears, reconciled quarterly (\"Avstämning görs kvartalsvis\"); the text does not say what the reconciliation compares or how a difference is settled. It does not say whether premises are included (premisesIncluded: null).",
    "Reporting: the activity report (§3.0 Uppföljning) is due by 31 March and describes \"hur man arbetat under året\"; that it covers the previous calendar year is this library's reading. The Lex Sarah summary states \"föregående kalenderår\". A copy of each Lex Sarah notification to IVO goes to the social secretary at once (no fixed date).",
    "Insurance (§4.0): the 2 mnkr is a limit on the provider's liability for pure economic loss per incident, recorded with the two insurance amounts. \"saksador\" in §4.0 is the text's spelling.",
    "Early termination (§5.3) is the purchaser's right only; the 30 days are calendar days (the text says \"dagar\") counted from the written notice of breach. Whether a cure deadline on a weekend moves is a deadlines policy.",
    "Opening hours are a reachability requirement; coordinator support is also offered evenings and weekends when needed (§2.2). Not computed: renegotiation (§5.0), force majeure (§5.1), disputes (§5.2).",
    "The document is dated 2019-11-26 on its title page; the signature lines say only \"Linköping 2019\". The text has no call-off clause.",
  ],
}) satisfies ContractInput);
