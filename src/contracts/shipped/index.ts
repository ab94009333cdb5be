/**
 * The shipped commissions, each validated by {@link parseContract} and
 * deep-frozen when this module loads.
 *
 * @module
 */
import type { Contract } from "../schema.js";
import { beroendemottagningen } from "./beroendemottagningen.js";
import { boendestod } from "./boendestod.js";
import { familjeradgivning } from "./familjeradgivning.js";
import { valdINaraRelation } from "./valdINaraRelation.js";

export { boendestodProcuredOptions } from "./boendestod.js";

/**
 * The four commissions the package ships, validated and deep-frozen:
 * Beroendemottagningen (fixed annual, 2021 addendum), Familjerådgivning
 * (hourly, SON 2021-233), Våld i nära relation (fixed annual, SON 2019-755,
 * start date unknown) and Boendestöd (hour volume, 2018).
 *
 * @example
 * ```ts
 * import { contracts } from "verksamhetsuppdrag";
 * contracts.familjeradgivning.id;            //=> "familjeradgivning"
 * contracts.valdINaraRelation.id;            //=> "vald-i-nara-relation"
 * contracts.beroendemottagningen.term.start; //=> "2021-04-01"
 * ```
 */
export const contracts: Readonly<{
  beroendemottagningen: Contract;
  familjeradgivning: Contract;
  valdINaraRelation: Contract;
  boendestod: Contract;
}> = /* @__PURE__ */ Object.freeze({ beroendemottagningen, familjeradgivning, valdINaraRelation, boendestod });
