/**
 * The `<contract>` argument: a shipped commission's id, or a JSON file with
 * a commission of one's own, validated by the library's `parseContract`.
 *
 * @module
 */
import { contracts, parseContract, RulesError, type Contract } from "../index.js";
import { InputError } from "./errors.js";
import { readJsonFile } from "./jsonFile.js";

/**
 * The shipped commissions, in the order the command lists them.
 *
 * @returns the four shipped contracts
 * @example
 * ```ts
 * shippedContracts().map((c) => c.id);
 * //=> ["beroendemottagningen", "familjeradgivning", "vald-i-nara-relation", "boendestod"]
 * ```
 */
export function shippedContracts(): Contract[] {
  return [contracts.beroendemottagningen, contracts.familjeradgivning, contracts.valdINaraRelation, contracts.boendestod];
}

/**
 * Finds a shipped commission by its id (`vald-i-nara-relation`) or by its
 * key in `contracts` (`valdINaraRelation`).
 *
 * @param name - the id or key
 * @returns the contract, or `undefined`
 * @example
 * ```ts
 * shippedContract("familjeradgivning")?.compensation.kind; //=> "hourly"
 * shippedContract("nope"); //=> undefined
 * ```
 */
export function shippedContract(name: string): Contract | undefined {
  const byKey = (contracts as Readonly<Record<string, Contract | undefined>>)[name];
  if (byKey !== undefined && Object.hasOwn(contracts, name)) return byKey;
  return shippedContracts().find((c) => c.id === name);
}

/**
 * Reads the `<contract>` argument: a shipped id, else a path to a JSON
 * file holding a commission, which is validated with `parseContract`.
 *
 * @param arg - the argument as given
 * @returns the validated contract
 * @throws {@link InputError} for an unknown id, a file that cannot be read,
 *   or a commission that does not validate (every issue listed by path)
 * @example
 * ```ts
 * (await loadContract("familjeradgivning")).id;                 //=> "familjeradgivning"
 * (await loadContract("examples/data/own-commission.json")).id; //=> "min-kommun-samtalsstod"
 * ```
 */
export async function loadContract(arg: string): Promise<Contract> {
  const shipped = shippedContract(arg);
  if (shipped !== undefined) return shipped;
  if (!looksLikePath(arg)) {
    throw new InputError(
      `unknown contract ${JSON.stringify(arg)}: expected one of ${shippedContracts()
        .map((c) => c.id)
        .join(", ")}, or a path to a .json file (see 'verksamhetsuppdrag contracts')`,
    );
  }
  return parseContractFile(await readJsonFile(arg), arg);
}

/**
 * Validates a commission read from a file, reporting every issue as
 * `file, field path: expected …, received …`.
 *
 * @param data - the parsed JSON
 * @param file - the file's name, for messages
 * @returns the validated contract
 * @throws {@link InputError} listing every issue
 * @example
 * ```ts
 * parseContractFile({ id: "x" }, "x.json"); // throws: x.json: not a valid commission (… problems): …
 * ```
 */
export function parseContractFile(data: unknown, file: string): Contract {
  try {
    return parseContract(data);
  } catch (error) {
    if (error instanceof RulesError && error.code === "INVALID_CONTRACT") {
      const lines = error.issues.map((i) => `${i.path === "" ? "(the commission)" : i.path}: expected ${i.expected}, received ${i.received}`);
      const total = error.issues.length + error.moreIssues;
      const count = total === 1 ? "1 problem" : `${total.toString()} problems`;
      if (error.moreIssues > 0) lines.push(`… and ${error.moreIssues.toString()} more`);
      throw new InputError(`${file}: not a valid commission (${count}):\n${lines.map((l) => `  ${l}`).join("\n")}`);
    }
    throw error;
  }
}

function looksLikePath(arg: string): boolean {
  return /\.json$/i.test(arg) || arg.includes("/") || arg.includes("\\");
}
