/**
 * The fields and records of an SIE 4 file, written the way SIE filformat 4B
 * §5 says (quoted by rule below). Not exported from the package.
 *
 * @module
 */
import { oreToString, RulesError, describeValue, type LocalDate } from "../index.js";
import { sieTextProblem } from "./posting.js";

/**
 * A text field, quoted: §5.7 *"Alla fält får omslutas av citationstecken
 * (ASCII 34) … Om ett citationstecken förekommer inuti ett fält ska det i
 * exportfilen föregås av en backslash (ASCII 92)"*. Every text is quoted,
 * also one without a space, so that a reader never has to guess where it
 * ends. The text must already be known to be writable ({@link checkedText}).
 *
 * @internal
 * @param text - the text, NFC, without control characters or backslashes
 * @returns the field
 */
export function quoted(text: string): string {
  return `"${text.replaceAll('"', '\\"')}"`;
}

/**
 * A text of the caller's as the file can hold it: NFC, and refused (never
 * changed) when it holds a control character, a backslash or a character
 * outside code page 437.
 *
 * @internal
 * @param value - the text
 * @param path - where it came from, for the error (e.g. `settlements.0.entries.3.lineId`)
 * @returns the text, NFC
 * @throws {@link index!RulesError | RulesError} `NOT_ENCODABLE` naming the path and what is wrong
 */
export function checkedText(value: string, path: string): string {
  const nfc = value.normalize("NFC");
  const problem = sieTextProblem(nfc);
  if (problem === null) return nfc;
  const expected = "text an SIE file can hold: code page 437, no control character, no backslash (SIE 4B §5.7, §5.8)";
  return fail(path, expected, `${describeValue(value)}, with ${problem}`);
}

function fail(path: string, expected: string, received: string): never {
  throw new RulesError("NOT_ENCODABLE", `${path}: expected ${expected}, received ${received}`, [{ path, expected, received }]);
}

/**
 * An amount: §5.9 *"Belopp ska skrivas med en punkt (ASCII 46) som
 * decimalavgränsare … Maximalt två öressiffror får anges. Eventuellt
 * minustecken skall anges före beloppet. Plustecken får ej anges."* Always
 * two decimals, no thousands separator.
 *
 * @internal
 * @param ore - integer öre
 * @returns e.g. `"-151.25"`
 */
export function amountField(ore: number): string {
  return oreToString(ore);
}

/**
 * A date: §5.10 *"Datum anges alltid i format ÅÅÅÅMMDD."*
 *
 * @internal
 * @param date - an ISO date
 * @returns e.g. `"20220430"`
 */
export function dateField(date: LocalDate): string {
  return date.replaceAll("-", "");
}

/**
 * An object list: §8.21 *"Denna lista innehåller parvis dimensionsnummer
 * och objektnummer"*, in braces, by dimension number; `{}` when empty.
 *
 * @internal
 * @param objects - dimension number → object code
 * @returns e.g. `{1 "2100" 20 "410"}`
 */
export function objectListField(objects: Readonly<Record<string, string>> | undefined): string {
  const pairs = Object.entries(objects ?? {}).sort(([a], [b]) => Number(a) - Number(b));
  return `{${pairs.map(([dim, code]) => `${dim} ${quoted(code)}`).join(" ")}}`;
}

/**
 * A record: its label and fields separated by one space (§5.7 *"De olika
 * fälten inom varje post avgränsas av ett eller flera mellanslag"*).
 *
 * @internal
 * @param label - e.g. `#TRANS`
 * @param fields - the fields, already written
 * @returns the line, without its line end
 */
export function record(label: string, ...fields: string[]): string {
  return fields.length === 0 ? label : `${label} ${fields.join(" ")}`;
}
