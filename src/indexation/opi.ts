import type { IndexValue } from "./series.js";

/**
 * Omsorgsprisindex (OPI), as published by SKR (before 2020 SKL) together with
 * Vårdföretagarna and Sobona: the yearly percentage change, each with its
 * status and source. Values are data, never a formula: the 2020 figure is not
 * what the 80/20 formula gives (SKR adjusted it for a one-off payment).
 *
 * To add next year's figure when SKR publishes it, add one entry here with its
 * cirkulär and date (see docs/indexation.md) — or pass it as an
 * {@link IndexSeries} without waiting for a release.
 *
 * @example
 * ```ts
 * OPI_VALUES.find((v) => v.year === 2022)?.percent; //=> "1.9"
 * ```
 */
export const OPI_VALUES: readonly IndexValue[] = /* @__PURE__ */ Object.freeze(
  /* @__PURE__ */ (
    [
      { year: 2015, percent: "2.2", status: "final", source: "SKL cirkulär 18:63", published: "2018-12-12" },
      { year: 2016, percent: "2.6", status: "final", source: "SKL cirkulär 18:63", published: "2018-12-12" },
      { year: 2017, percent: "2.7", status: "final", source: "SKL cirkulär 18:63", published: "2018-12-12" },
      { year: 2018, percent: "2.6", status: "final", source: "SKL cirkulär 18:63", published: "2018-12-12" },
      { year: 2019, percent: "2.7", status: "final", source: "SKL cirkulär 18:63", published: "2018-12-12" },
      {
        year: 2020,
        percent: "3.0",
        status: "final",
        source: "SKR cirkulär of 16 Dec 2020 (table 2017–2021)",
        published: "2020-12-16",
        note: "Preliminary in December 2019 (that value is not at hand); the final value is shipped.",
      },
      { year: 2021, percent: "1.5", status: "final", source: "SKR cirkulär of 16 Dec 2020", published: "2020-12-16" },
      { year: 2022, percent: "1.9", status: "final", source: "SKR, definitive OPI for 2022", published: "2021-12-10" },
      {
        year: 2023,
        percent: "4.6",
        status: "final",
        source: 'SKR cirkulär "Definitivt omsorgsprisindex (OPI) för 2023"; Vårdföretagarna, April 2023',
        published: "2023-04-19",
        note: "Replaced the preliminary 3.5 % of December 2022 (see OPI_2023_PRELIMINARY).",
      },
    ] as const satisfies readonly IndexValue[]
  ).map((v) => Object.freeze({ ...v })),
);

/**
 * The preliminary OPI for 2023 (3.5 %, December 2022), later replaced by the
 * final 4.6 % of 19 April 2023. Kept so that what was paid in early 2023 can
 * be recomputed and the back pay worked out ({@link indexRevision}).
 *
 * @example
 * ```ts
 * OPI_2023_PRELIMINARY.percent; //=> "3.5"
 * ```
 */
export const OPI_2023_PRELIMINARY: IndexValue = /* @__PURE__ */ Object.freeze({
  year: 2023,
  percent: "3.5",
  status: "preliminary",
  source: "SKR, preliminary OPI for 2023 (December 2022)",
  published: null,
  note: "Published in December 2022 while no wage agreement for 2023 existed; exact date not at hand.",
});
