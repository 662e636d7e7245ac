// The standalone batch target (separate issue): until it lands, playbooks that
// list cmd get only the PowerShell files and the launcher.
import type { Plan } from "../../plan/plan.js";
import type { EmittedFile } from "../emitted-file.js";

export function emitCmd(_plan: Plan): EmittedFile[] {
  return [];
}
