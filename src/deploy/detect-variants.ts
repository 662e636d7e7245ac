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
  `\r\n$script:KbDetectContract = ${psString(contract)}\r\n`;

export function detectVariant(
  id: string,
  detect: EmittedFile,
  contract: DetectContract,
): EmittedFile {
  const text = detect.bytes.toString("latin1");
  const intune = contractLine("Intune");
  const at = text.indexOf(intune);
  if (at < 0 || text.indexOf(intune, at + 1) >= 0)
    throw new EmitError(`${detect.path}: expected one line setting the Intune detection contract`);
  const variant = text.slice(0, at) + contractLine(contract) + text.slice(at + intune.length);
  return {
    path: `${deployDir(id)}/${id}.${SUFFIX[contract]}.ps1`,
    bytes: Buffer.from(variant, "latin1"),
  };
}
