// The detection script with another reporting contract (templates/ps1/runtime/detect.ps1):
// the compiled detection script itself, with its one contract line changed, so a variant always
// has exactly the runtime and checks of the script it comes from.
import { EmitError } from "../emit/bytes.js";
import type { EmittedFile } from "../emit/emitted-file.js";
import { psString } from "../emit/quote-ps.js";
import { deployDir } from "./deploy-input.js";

export type DetectContract = "ConfigMgrApplication" | "ConfigMgrSetting";

const SUFFIX: Record<DetectContract, string> = {
  ConfigMgrApplication: "appdetect",
  ConfigMgrSetting: "discovery",
};

const contractLine = (contract: string) =>
  Buffer.from(`\r\n$script:KbDetectContract = ${psString(contract)}\r\n`, "latin1");

const INTUNE_LINE = contractLine("Intune");

/** Works on the bytes: a variant is a copy of the detection script with one line swapped. */
export function detectVariant(
  id: string,
  detect: EmittedFile,
  contract: DetectContract,
): EmittedFile {
  const bytes = detect.bytes;
  const at = bytes.indexOf(INTUNE_LINE);
  if (at < 0 || bytes.indexOf(INTUNE_LINE, at + 1) >= 0)
    throw new EmitError(`${detect.path}: expected one line setting the Intune detection contract`);
  return {
    path: `${deployDir(id)}/${id}.${SUFFIX[contract]}.ps1`,
    bytes: Buffer.concat([
      bytes.subarray(0, at),
      contractLine(contract),
      bytes.subarray(at + INTUNE_LINE.length),
    ]),
  };
}
