/**
 * Insurance and liability (SON 2019-755 §4.0 *Ansvar*, *Försäkringar*): is
 * the provider's liability insurance at least what the contract requires,
 * and how much of a claim for pure economic loss the provider answers for.
 * See `docs/reporting.md`.
 *
 * @module
 */
import { ensureContract } from "../contracts/parse.js";
import type { Contract, InsuranceClause } from "../contracts/schema.js";
import { ownFields } from "../callerData.js";
import { fieldError, RulesError } from "../errors.js";
import { fromOre, toOre, type Decimal, type MoneyInput } from "../money/index.js";

/**
 * The kind of damage an insurance amount covers: *personskada* or *sakskada*.
 *
 * @example
 * ```ts
 * const kind: InsuranceKind = "property-damage";
 * ```
 */
export type InsuranceKind = "personal-injury" | "property-damage";

/**
 * What the provider's liability insurance covers, per kind of damage.
 *
 * @example
 * ```ts
 * const cover: InsuranceCover = { personalInjury: "20000000", propertyDamage: "15000000" };
 * ```
 */
export interface InsuranceCover {
  /** The insured amount for personal injury (*personskada*), in kronor. */
  personalInjury: MoneyInput;
  /** The insured amount for property damage (*sakskada*), in kronor. */
  propertyDamage: MoneyInput;
}

/**
 * One insured amount below the contract's minimum.
 *
 * @example
 * ```ts
 * const s: InsuranceShortfall = insuranceCheck(contracts.valdINaraRelation,
 *   { personalInjury: "20000000", propertyDamage: "15000000" }).shortfalls[0]!;
 * [s.kind, s.missing.toFixed(2)]; //=> ["property-damage", "5000000.00"]
 * ```
 */
export interface InsuranceShortfall {
  /** Which amount falls short. */
  kind: InsuranceKind;
  /** The contract's minimum. */
  required: Decimal;
  /** What the insurance covers. */
  covered: Decimal;
  /** `required − covered`, more than zero. */
  missing: Decimal;
}

/**
 * The result of {@link insuranceCheck}.
 *
 * @example
 * ```ts
 * const r: InsuranceCheck = insuranceCheck(contracts.valdINaraRelation, { personalInjury: "20000000", propertyDamage: "20000000" });
 * r.ok; //=> true
 * ```
 */
export interface InsuranceCheck {
  /** True when every amount is at least the contract's minimum. */
  ok: boolean;
  /** The amounts below the minimum, personal injury first; empty when `ok`. */
  shortfalls: InsuranceShortfall[];
  /** The contract's minimum per kind. */
  required: { personalInjury: Decimal; propertyDamage: Decimal };
  /** The clause, e.g. `"SON 2019-755 §4.0 Försäkringar"`. */
  clause: string;
  /** The clause's Swedish text, when the contract data carries it. */
  quote: string | null;
}

/**
 * A claim against the provider.
 *
 * @example
 * ```ts
 * const claim: LiabilityClaim = { kind: "pure-economic-loss", amount: "2750000" };
 * ```
 */
export interface LiabilityClaim {
  /** Only pure economic loss (*ren förmögenhetsskada*) is limited by the contract. */
  kind: "pure-economic-loss";
  /** The loss of one incident (*skadetillfälle*), in kronor, 0 or more. */
  amount: MoneyInput;
}

/**
 * The result of {@link liabilityCap}.
 *
 * @example
 * ```ts
 * const r: LiabilityCap = liabilityCap(contracts.valdINaraRelation, { kind: "pure-economic-loss", amount: "2750000" });
 * [r.liable.toFixed(2), r.capped]; //=> ["2000000.00", true]
 * ```
 */
export interface LiabilityCap {
  /** What the provider answers for: the claim, at most the cap. */
  liable: Decimal;
  /** True when the claim is over the cap (the rest is not the provider's). */
  capped: boolean;
  /** The cap per incident. */
  cap: Decimal;
  /** The claim as given. */
  claimed: Decimal;
  /** `claimed − liable`: what the cap leaves outside the provider's liability. */
  beyondCap: Decimal;
  /** The clause. */
  clause: string;
  /** The clause's Swedish text, when the contract data carries it. */
  quote: string | null;
}

function insuranceOf(contract: Contract): InsuranceClause {
  if (contract.insurance === null) {
    throw new RulesError("NOT_IN_CONTRACT", `${contract.id}: the commission has no insurance and liability clause`, [
      { path: "contract.insurance", expected: "an insurance clause (e.g. SON 2019-755 §4.0)", received: "null" },
    ]);
  }
  return contract.insurance;
}

/** The fields of a caller's argument object, each read once; anything but an object is an `INVALID_ARGUMENT`. */
function argumentFields<K extends string>(value: unknown, path: string, expected: string, keys: readonly K[]): Partial<Record<K, unknown>> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw fieldError("INVALID_ARGUMENT", path, expected, value);
  return ownFields(value, keys, path);
}

/** A non-negative amount of money from a caller's field, in öre. */
function amountOre(value: unknown, path: string): number {
  const ore = toOre(value, path);
  if (ore < 0) throw fieldError("INVALID_MONEY", path, "an amount of 0 kronor or more", value);
  return ore;
}

/**
 * Checks the provider's liability insurance against the contract's minimum.
 *
 * Implements SON 2019-755 §4.0 *"Utföraren ska teckna ansvarsförsäkring med
 * försäkringsbelopp omfattande 20 mnkr för personskada och 20 mnkr för
 * sakskada."* Each amount is held against its own minimum: a large personal
 * injury cover does not make up for a small property damage cover. An amount
 * equal to the minimum is enough (*omfattande*, "amounting to").
 *
 * @param contract - a parsed commission with an insurance clause
 * @param cover - the insured amounts `{ personalInjury, propertyDamage }`
 * @returns `ok`, the shortfalls, the minimums and the clause
 * @throws {@link RulesError} `NOT_IN_CONTRACT` when the commission has no
 *   insurance clause; `INVALID_MONEY` naming the field for an amount that is
 *   not exact money or is negative; `INVALID_ARGUMENT` when `cover` is not an object
 * @example
 * ```ts
 * const r = insuranceCheck(contracts.valdINaraRelation, { personalInjury: "25000000", propertyDamage: "15000000" });
 * r.ok; //=> false
 * r.shortfalls.map((s) => [s.kind, s.missing.toFixed(2)]); //=> [["property-damage", "5000000.00"]]
 * insuranceCheck(contracts.familjeradgivning, { personalInjury: 0, propertyDamage: 0 }); // throws RulesError NOT_IN_CONTRACT
 * ```
 */
export function insuranceCheck(contract: Contract, cover: InsuranceCover): InsuranceCheck {
  const insurance = insuranceOf(ensureContract(contract));
  const fields = argumentFields(cover, "cover", "an object { personalInjury, propertyDamage } of insured amounts", ["personalInjury", "propertyDamage"]);
  const rows: { kind: InsuranceKind; required: number; covered: number }[] = [
    { kind: "personal-injury", required: toOre(insurance.personalInjury, "contract.insurance.personalInjury"), covered: amountOre(fields.personalInjury, "cover.personalInjury") },
    { kind: "property-damage", required: toOre(insurance.propertyDamage, "contract.insurance.propertyDamage"), covered: amountOre(fields.propertyDamage, "cover.propertyDamage") },
  ];
  const shortfalls = rows
    .filter((row) => row.covered < row.required)
    .map((row) => ({ kind: row.kind, required: fromOre(row.required), covered: fromOre(row.covered), missing: fromOre(row.required - row.covered) }));
  return {
    ok: shortfalls.length === 0,
    shortfalls,
    required: { personalInjury: fromOre(rows[0]?.required ?? 0), propertyDamage: fromOre(rows[1]?.required ?? 0) },
    clause: insurance.clause,
    quote: insurance.quote ?? null,
  };
}

/**
 * The provider's liability for one incident of pure economic loss, limited
 * by the contract.
 *
 * Implements SON 2019-755 §4.0 *"Utförarens ansvar för ren förmögenhetsskada
 * begränsas till 2 mnkr per skadetillfälle."* The cap is per incident: pass
 * each incident's loss on its own (two incidents of 1.5 MSEK are 3 MSEK of
 * liability, one of 3 MSEK is 2 MSEK). Personal injury and property damage
 * (*"samtliga person- och saksador"* [sic], §4.0) have no cap in the text, so
 * only `kind: 'pure-economic-loss'` is accepted: the library does not invent
 * a limit the contract does not set.
 *
 * @param contract - a parsed commission with an insurance and liability clause
 * @param claim - `{ kind: 'pure-economic-loss', amount }` for one incident
 * @returns what the provider is liable for, whether the cap applied, and the clause
 * @throws {@link RulesError} `NOT_IN_CONTRACT` when the commission has no such
 *   clause; `INVALID_ARGUMENT` for another kind of claim; `INVALID_MONEY` for
 *   an amount that is not exact money or is negative
 * @example
 * ```ts
 * liabilityCap(contracts.valdINaraRelation, { kind: "pure-economic-loss", amount: "1500000" }).liable.toFixed(2); //=> "1500000.00"
 * liabilityCap(contracts.valdINaraRelation, { kind: "pure-economic-loss", amount: "3000000" }).capped;           //=> true
 * ```
 */
export function liabilityCap(contract: Contract, claim: LiabilityClaim): LiabilityCap {
  const insurance = insuranceOf(ensureContract(contract));
  const fields = argumentFields(claim, "claim", "an object { kind: 'pure-economic-loss', amount }", ["kind", "amount"]);
  if (fields.kind !== "pure-economic-loss") {
    throw fieldError(
      "INVALID_ARGUMENT",
      "claim.kind",
      `"pure-economic-loss": the contract limits only that (${insurance.clause}); personal injury and property damage have no cap in the text`,
      fields.kind,
    );
  }
  const claimed = amountOre(fields.amount, "claim.amount");
  const cap = toOre(insurance.pureEconomicLossCapPerIncident, "contract.insurance.pureEconomicLossCapPerIncident");
  const liable = Math.min(claimed, cap);
  return {
    liable: fromOre(liable),
    capped: claimed > cap,
    cap: fromOre(cap),
    claimed: fromOre(claimed),
    beyondCap: fromOre(claimed - liable),
    clause: insurance.clause,
    quote: insurance.quote ?? null,
  };
}
