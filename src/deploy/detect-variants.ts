// The detection script again, built with another reporting contract (templates/ps1/runtime/
// detect.ps1): ConfigMgr application detection and ConfigMgr configuration item discovery.
import { toScriptBytes } from "../emit/bytes.js";
import type { EmittedFile } from "../emit/emitted-file.js";
import { templates } from "../emit/templates.js";
import { playbookView } from "../emit/view.js";
import type { Plan } from "../plan/plan.js";
import { deployDir } from "./deploy-input.js";

export type DetectContract = "ConfigMgrApplication" | "ConfigMgrSetting";

const SUFFIX: Record<DetectContract, string> = {
  ConfigMgrApplication: "appdetect",
  ConfigMgrSetting: "discovery",
};

export function detectVariant(plan: Plan, contract: DetectContract): EmittedFile {
  const name = `${plan.id}.${SUFFIX[contract]}.ps1`;
  const view = { ...playbookView(plan, "ps1"), detectContract: contract };
  return {
    path: `${deployDir(plan.id)}/${name}`,
    bytes: toScriptBytes(name, templates().render("ps1/detect.ps1", view)),
  };
}
