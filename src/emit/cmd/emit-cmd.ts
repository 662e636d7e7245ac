// The standalone batch target: <id>.fix.cmd, the same plan and semantics as the
// PowerShell remediation for every step and probe kind batch can express (the
// others are reported as manual or unknown at run time). It carries the batch
// runtime subroutines its body reaches, after a hashed marker. See
// templates/cmd/runtime/CONTRACT.md for the batch runtime.
import type { Plan } from "../../plan/plan.js";
import { TOOL_VERSION } from "../../version.js";
import { toScriptBytesAround } from "../bytes.js";
import type { EmittedFile } from "../emitted-file.js";
import { aroundSlot } from "../slots.js";
import { RUNTIME_SECTION_SLOT, templates } from "../templates.js";
import { cmdRuntimeLibrary } from "./cmd-runtime-library.js";
import { cmdRuntimeSection, type CmdRuntimeSection } from "./cmd-runtime-section.js";
import { shakeCmdRuntime } from "./cmd-tree-shake.js";
import { cmdView } from "./cmd-view.js";

export interface CmdScript extends EmittedFile {
  runtime: CmdRuntimeSection;
}

export function emitCmd(plan: Plan): CmdScript[] {
  const name = `${plan.id}.fix.cmd`;
  const rendered = templates().render("cmd/fix.cmd", cmdView(plan, name));
  const library = cmdRuntimeLibrary();
  const runtime = cmdRuntimeSection(library, shakeCmdRuntime(library, rendered), TOOL_VERSION);
  const [before, after] = aroundSlot(name, rendered, RUNTIME_SECTION_SLOT);
  const bytes = toScriptBytesAround(name, before, runtime.block, after);
  return [{ path: `${plan.id}/${name}`, bytes, runtime }];
}
