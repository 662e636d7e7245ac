// The PowerShell target: remediation, detection and the .cmd launcher. Each
// script carries only the runtime its body reaches, after a hashed marker.
import type { Plan } from "../../plan/plan.js";
import { TOOL_VERSION } from "../../version.js";
import { EmitError, toScriptBytes } from "../bytes.js";
import type { EmittedFile } from "../emitted-file.js";
import { RUNTIME_SECTION_SLOT, RUNTIME_SHA256_SLOT, templates } from "../templates.js";
import { playbookView } from "../view.js";
import { runtimeLibrary } from "./runtime-library.js";
import { runtimeSection, type RuntimeSection } from "./runtime-section.js";
import { treeShake } from "./tree-shake.js";

export interface Ps1Script extends EmittedFile {
  runtime: RuntimeSection;
}

/** The rendered body with the runtime it reaches put in its slot. */
export function withRuntime(
  name: string,
  rendered: string,
): { text: string; runtime: RuntimeSection } {
  const runtime = runtimeSection(treeShake(runtimeLibrary(), rendered), TOOL_VERSION);
  const text = fillSlots(name, rendered, [
    [RUNTIME_SECTION_SLOT, runtime.text],
    [RUNTIME_SHA256_SLOT, `'${runtime.sha256}'`],
  ]);
  return { text, runtime };
}

/** Each slot, placed exactly once by the template, replaced by its value; one copy of the text. */
function fillSlots(name: string, text: string, slots: [slot: string, value: string][]): string {
  const found = slots.map(([slot, value]) => {
    const at = text.indexOf(slot);
    if (at < 0 || text.indexOf(slot, at + slot.length) >= 0)
      throw new EmitError(`${name}: the template must place ${JSON.stringify(slot)} exactly once`);
    return { at, end: at + slot.length, value };
  });
  found.sort((a, b) => a.at - b.at);
  let out = "";
  let from = 0;
  for (const { at, end, value } of found) (out += text.slice(from, at) + value), (from = end);
  return out + text.slice(from);
}

export function emitPs1(plan: Plan): EmittedFile[] {
  const { render } = templates();
  const view = playbookView(plan, "ps1");
  const dir = plan.id;
  const script = (name: string, template: string, extra: object = {}): Ps1Script => {
    const { text, runtime } = withRuntime(name, render(template, { ...view, ...extra }));
    return { path: `${dir}/${name}`, bytes: toScriptBytes(name, text), runtime };
  };
  return [
    script(`${plan.id}.ps1`, "ps1/remediation.ps1"),
    script(`${plan.id}.detect.ps1`, "ps1/detect.ps1", { detectContract: "Intune" }),
    {
      path: `${dir}/${plan.id}.launch.cmd`,
      bytes: toScriptBytes(
        `${plan.id}.launch.cmd`,
        render("cmd/launcher.cmd", { ...view, scriptName: `${plan.id}.ps1` }),
      ),
    },
  ];
}
