// The PowerShell target: remediation, detection and the .cmd launcher.
import type { Plan } from "../../plan/plan.js";
import { toScriptBytes } from "../bytes.js";
import type { EmittedFile } from "../emitted-file.js";
import { templates } from "../templates.js";
import { playbookView } from "../view.js";

export function emitPs1(plan: Plan): EmittedFile[] {
  const { render } = templates();
  const view = playbookView(plan, "ps1");
  const dir = plan.id;
  const file = (name: string, template: string, extra: object = {}): EmittedFile => ({
    path: `${dir}/${name}`,
    bytes: toScriptBytes(name, render(template, { ...view, ...extra })),
  });
  return [
    file(`${plan.id}.ps1`, "ps1/remediation.ps1"),
    file(`${plan.id}.detect.ps1`, "ps1/detect.ps1", { detectContract: "Intune" }),
    file(`${plan.id}.launch.cmd`, "cmd/launcher.cmd", { scriptName: `${plan.id}.ps1` }),
  ];
}
