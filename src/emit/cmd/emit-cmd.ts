// The standalone batch target: <id>.fix.cmd, the same plan and semantics as the
// PowerShell remediation for every step and probe kind batch can express (the
// others are reported as manual or unknown at run time). See
// templates/cmd/runtime/CONTRACT.md for the batch runtime.
import type { Plan } from "../../plan/plan.js";
import { toScriptBytesOf } from "../bytes.js";
import type { EmittedFile } from "../emitted-file.js";
import { templates } from "../templates.js";
import { shakeCmdRuntime } from "./cmd-tree-shake.js";
import { cmdView } from "./cmd-view.js";

export function emitCmd(plan: Plan): EmittedFile[] {
  const name = `${plan.id}.fix.cmd`;
  const pieces = templates().renderPieces("cmd/fix.cmd", cmdView(plan, name));
  return [{ path: `${plan.id}/${name}`, bytes: toScriptBytesOf(name, shakeCmdRuntime(pieces)) }];
}
