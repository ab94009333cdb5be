/**
 * Boendestödjande insatser, utökat verksamhetsuppdrag (2018): the decision
 * proposal that extends Leanlink Råd och stöd Stödteam's housing-support
 * commission and calls off options from the two procured providers, as data.
 * Source: `boendestodjande-insatser-utokat-uppdrag-2018.txt`.
 *
 * The proposal has no numbered sections; clauses name its headings
 * ("Förslag till beslut", "Ärende", "Bakgrund", "Förslag").
 *
 * @module
 */
import { parseContract, shippedContract } from "../parse.js";
import type { Contract, ContractInput } from "../schema.js";

const doc = "Boendestöd 2018";
const source = "boendestodjande-insatser-utokat-uppdrag-2018.txt";
const purchaser = "Omsorgsnämnden";

const extensionQuote =
  "Optionerna/verksamhetsuppdraget föreslås följa grundavtalen vilket innebär en avtalstid på 2 år med möjlighet till förlängning med ytterligare 2 år.";
const periodQuote = "Optionerna och verksamhetsuppdraget föreslås för 21 månader fördelat på 9 månader 2018 och 12 månader 2019";

/**
 * `notes` followed by the notes every Boendestöd commission shares (a
 * function, not a spread in place: a bundler keeps an array spread, and with
 * it the contracts and their schema, in every bundle).
 */
// @__NO_SIDE_EFFECTS__
function withCommonNotes(notes: readonly string[]): string[] {
  return [...notes, ...commonNotes];
}

const commonNotes = [
  "The text is a decision proposal (förslag till beslut) to omsorgsnämnden, not a signed commission. It has no diarienummer and no date of its own; MBL §19 negotiation was held 2018-03-05.",
  "The text has no notice clause, no indexation clause, no payment clause and no reporting clause: notice, indexation and payment are null and reporting is empty. Nothing is copied from the other commissions.",
  "Context figures in the text that are not rules here: the procured contracts' total budget (about 27 mnkr/år), today's need (about 75 500 hours a year for about 620 people, about 10 hours per person and month), about 10 new applications and 5-6 closed cases a month, 16,8 mnkr for special individual efforts, 1,4 mnkr a year reserved and the 2,4 mnkr proposed for the options and the extension.",
  "The text spells \"boendestöjande\" for \"boendestödjande\" in its title and first paragraphs, \"Capiro Psykiatri AB\" once for Capio, \"stötid\" for \"stödtid\", and in \"Förslag\" names \"familjestödjande insatser\" where the options concern boendestödjande insatser. Quotes keep the text's spelling.",
];

/**
 * Housing support (*boendestödjande insatser*), Leanlink Råd och stöd
 * Stödteam's extended commission from 2018-04-01: 1 700 hours and 800 tkr a
 * year, stated as 1 275 hours and 600 tkr for the nine months of 2018.
 * Validated and deep-frozen at load.
 *
 * Also `contracts.boendestod` (the same object); imported by name, a bundler
 * leaves the other shipped commissions out.
 *
 * @example
 * ```ts
 * import { boendestod } from "verksamhetsuppdrag";
 * boendestod.compensation; //=> { kind: "hour-volume", hoursPerYear: "1700", annualCost: "800000", hourlyPrice: null, … }
 * boendestod.term.end;     //=> "2019-12-31"
 * ```
 */
export const boendestod: Contract = /* @__PURE__ */ shippedContract(() => ({
  id: "boendestod",
  title: "Boendestöjande insatser, utökat verksamhetsuppdrag med Leanlink Råd och stöd Stödteam",
  document: doc,
  reference: null,
  date: null,
  source,
  parties: { purchaser, provider: "Leanlink Råd och stöd Stödteam" },
  amends: {
    description:
      "Leanlink Råd och stöd's existing commission for boendestödjande insatser (nuvarande avtal); 7 800 of its hours also include socialt områdesarbete.",
    volumeHoursPerYear: "42150",
    validUntil: "2019-12-31",
    clause: `${doc}, Bakgrund`,
    quote: "Nuvarande avtal gäller tom 2019-12-31 och omfattar 42 150 timmar per år inklusive 7 800 timmar som även omfattar socialt områdesarbete.",
  },
  term: {
    start: "2018-04-01",
    end: "2019-12-31",
    extensions: { count: 1, months: 24, clause: `${doc}, Ärende`, quote: extensionQuote },
    clause: `${doc}, Förslag till beslut`,
    quote:
      "Leanlink Råd och stöd Stödteam erhåller utökat verksamhetsuppdrag avseende boendestöjande insatser från 2018- 04-01 med 1275 timmar under 2018 och därefter med 1700 timmar per år.",
  },
  notice: null,
  compensation: {
    kind: "hour-volume",
    hoursPerYear: "1700",
    annualCost: "800000",
    hourlyPrice: null,
    proRating: "months-in-force",
    statedYears: [
      { year: 2018, hours: "1275", cost: "600000", months: 9, clause: `${doc}, Förslag`, quote: periodQuote },
      { year: 2019, hours: "1700", cost: "800000", months: 12, clause: `${doc}, Förslag`, quote: periodQuote },
    ],
    clause: `${doc}, Förslag`,
    quote: "Leanlink Råd och stöd:\t1275\t600 tkr\t1700\t800 tkr",
  },
  indexation: null,
  callOffs: null,
  payment: null,
  reporting: [],
  earlyTermination: null,
  eligibility: { minimumAge: null, residency: null },
  serviceLevels: { firstMeetingWithinDays: null, reportWaitsOverDays: null, openingHours: null },
  insurance: null,
  expectedResults: [],
  staffing: null,
  groups: null,
  notes: withCommonNotes([
    "Term: from 2018-04-01 (Förslag till beslut) for 21 months, 9 of 2018 and 12 of 2019 (Förslag), so to 2019-12-31, when the existing commission also ends. \"Ärende\" says the options and the commission follow the base contracts, \"en avtalstid på 2 år med möjlighet till förlängning med ytterligare 2 år\": recorded as one extension of 24 months. The 21 months, not 2 years, are the proposed term.",
    "Hours and cost per year: 1 700 hours and 800 tkr; 2018 is stated as 1 275 hours and 600 tkr (= 9/12 of the year's figures, as the text writes them). The text gives no hourly price: hourlyPrice is null and the implied price is annualCost ÷ hoursPerYear, not rounded.",
  ]),
}) satisfies ContractInput);

// @__NO_SIDE_EFFECTS__
function procuredOption(options: {
  id: string;
  provider: string;
  row: string;
  procuredHours: string;
}): Contract {
  return parseContract({
    id: options.id,
    title: `Option: boendestödjande insatser, ${options.provider}`,
    document: doc,
    reference: null,
    date: null,
    source,
    parties: { purchaser, provider: options.provider },
    amends: {
      description: `The contract ${options.provider} won in omsorgsnämnden's procurement of boendestödjande insatser and personligt stöd (spring 2017); the option adds hours on its terms.`,
      volumeHoursPerYear: options.procuredHours,
      clause: `${doc}, Bakgrund`,
      quote: "Vid upphandlingen tilldelades Capio psykiatri AB 8000 timmar per år samt Stadsmissionen 11 500 timmar per år.",
    },
    term: {
      start: "2018-01-01",
      end: "2019-12-31",
      extensions: {
        count: 1,
        months: 24,
        clause: `${doc}, Bakgrund`,
        quote: "Avtalen gäller 2018-01-01 till 2019-12-31 med möjlighet till förlängning om 2 år vid ett tillfälle.",
      },
      clause: `${doc}, Bakgrund`,
      quote: "Avtalen gäller 2018-01-01 till 2019-12-31 med möjlighet till förlängning om 2 år vid ett tillfälle.",
    },
    notice: null,
    compensation: {
      kind: "hour-volume",
      hoursPerYear: "1930",
      annualCost: "800000",
      hourlyPrice: null,
      proRating: "months-in-force",
      statedYears: [
        { year: 2018, hours: "1450", cost: "600000", months: 9, clause: `${doc}, Förslag`, quote: periodQuote },
        { year: 2019, hours: "1930", cost: "800000", months: 12, clause: `${doc}, Förslag`, quote: periodQuote },
      ],
      clause: `${doc}, Förslag`,
      quote: options.row,
    },
    indexation: null,
    callOffs: null,
    payment: null,
    reporting: [],
    earlyTermination: null,
    eligibility: { minimumAge: null, residency: null },
    serviceLevels: { firstMeetingWithinDays: null, reportWaitsOverDays: null, openingHours: null },
    insurance: null,
    expectedResults: [],
    staffing: null,
    groups: null,
    notes: [
      `The option is called off under ${options.provider}'s procured contract (${options.procuredHours} hours a year); the term and its one extension of 2 years are that contract's (Bakgrund). "Ersättning och övriga villkor utgår i enlighet med gällande avtal": the contract's price, notice and other terms are not in this text.`,
      "The option runs 21 months, 9 of 2018 and 12 of 2019 (Förslag). The text does not state the option's start date; nine months ending 2018-12-31 would mean from 2018-04-01, like Leanlink's, but that is not written for the procured providers. Use statedYears for 2018, not a pro-rating over the contract's term.",
      "The text writes 1 450 hours for 2018 where 1 930 × 9/12 = 1 447.5. statedYears keeps 1 450 exactly as written; the cost, 600 tkr, is exactly 9/12 of 800 tkr. The text gives no hourly price: hourlyPrice is null.",
      "Call-offs: \"Vid omfördelade eller utökade ekonomiska medel kan beställaren avropa ytterligare timmar utöver tilldelade volymer.\" The text does not say they must be written, so callOffs is null.",
      ...commonNotes,
    ],
  } satisfies ContractInput);
}

/**
 * The options called off from the two procured housing-support providers
 * (Capio psykiatri AB, Stadsmissionen) in the same 2018 decision proposal:
 * 1 930 hours and 800 tkr a year each, stated as 1 450 hours and 600 tkr for
 * 2018, under contracts that run 2018-01-01 – 2019-12-31 with one extension
 * of 2 years. Not part of {@link contracts}; validated and deep-frozen at load.
 *
 * @example
 * ```ts
 * boendestodProcuredOptions.capio.compensation; //=> { kind: "hour-volume", hoursPerYear: "1930", annualCost: "800000", … }
 * boendestodProcuredOptions.stadsmissionen.amends?.volumeHoursPerYear; //=> "11500"
 * ```
 */
export const boendestodProcuredOptions: Readonly<{ capio: Contract; stadsmissionen: Contract }> = /* @__PURE__ */ Object.freeze({
  capio: procuredOption({
    id: "boendestod-option-capio",
    provider: "Capio psykiatri AB",
    row: "Capio psykiatri AB\t1450\t600 tkr\t1930\t800 tkr",
    procuredHours: "8000",
  }),
  stadsmissionen: procuredOption({
    id: "boendestod-option-stadsmissionen",
    provider: "Stadsmissionen i Linköping",
    row: "Stadsmissionen:\t1450\t600 tkr\t1930\t800 tkr",
    procuredHours: "11500",
  }),
});
