// The detection script with another reporting contract (templates/ps1/runtime/detect.ps1).
// ConfigMgrSetting: the compiled detection script itself, with its one contract line changed, so
// it has exactly the runtime and checks of the script it comes from. ConfigMgrApplication: the
// same template and data rendered with its own entry (Start-KbAppDetect: no 64-bit relaunch,
// ConfigMgr runs application detection 64-bit), tree-shaken into its own runtime section.
import { EmitError } from "../emit/bytes.js";
import type { EmittedFile } from "../emit/emitted-file.js";
import { emitAppDetectPs1, type Ps1Script } from "../emit/ps1/emit-ps1.js";
import { psString } from "../emit/quote-ps.js";
import type { Plan } from "../plan/plan.js";
import { deployDir } from "./deploy-input.js";

export type DetectContract = "ConfigMgrApplication" | "ConfigMgrSetting";

const SUFFIX: Record<DetectContract, string> = {
  ConfigMgrApplication: "appdetect",
  ConfigMgrSetting: "discovery",
};

const contractLine = (contract: string) =>
  Buffer.from(`\r\n$script:KbDetectContract = ${psString(contract)}\r\n`, "latin1");

const INTUNE_LINE = contractLine("Intune");

/** <id>.appdetect.ps1: the detection for the ConfigMgr application route. */
export function appDetectScript(plan: Plan): Ps1Script {
  return emitAppDetectPs1(
    plan,
    `${deployDir(plan.id)}/${plan.id}.${SUFFIX.ConfigMgrApplication}.ps1`,
  );
}

/** Works on the bytes: a variant is a copy of the detection script with one line swapped. */
export function detectVariant(
  id: string,
  detect: EmittedFile,
  contract: Exclude<DetectContract, "ConfigMgrApplication">,
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
    // The same runtime section as the detection it copies: manifest.json lists it for both.
    ...("runtime" in detect ? { runtime: (detect as Ps1Script).runtime } : {}),
  };
}
