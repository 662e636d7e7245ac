// Exit codes that mean success, for every step kind that starts a program (run, register-dlls):
// one schema fragment and one default, so the kinds cannot drift apart.
import { arrayOf, described } from "../model/json-schema.js";

export const DEFAULT_SUCCESS_CODES: readonly number[] = [0];

/** Exit codes are DWORDs; a program's exit code reads back in PowerShell as a signed Int32. */
export const successCodesProperty = described(
  "Success codes",
  "Exit codes that mean success; default [0]. Signed 32-bit, as Windows reports them (0xC0000005 is -1073741819).",
  arrayOf(
    { type: "integer", minimum: -2147483648, maximum: 2147483647 },
    { minItems: 1, maxItems: 32, uniqueItems: true },
  ),
);

export function lowerSuccessCodes(raw: number[] | undefined): number[] {
  return raw ?? [...DEFAULT_SUCCESS_CODES];
}
