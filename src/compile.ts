// The back-end pipeline: plan -> every file of out/<id>/, in memory. No step- or
// target-specific code lives here; each target emits its own files.
import type { Plan } from "./plan/plan.js";
import type { EmittedFile } from "./emit/emitted-file.js";
import { emitManifest } from "./emit/manifest.js";
import { emitPs1 } from "./emit/ps1/emit-ps1.js";
import { emitReadme } from "./emit/readme.js";
import { emitCmd } from "./emit/cmd/emit-cmd.js";

export function compilePlan(plan: Plan): EmittedFile[] {
  const scripts = [...emitPs1(plan), ...(plan.targets.includes("cmd") ? emitCmd(plan) : [])];
  const cmd = scripts.find((f) => f.path.endsWith(".fix.cmd"));
  const readme = emitReadme(plan, { cmdName: cmd?.path.split("/").pop() });
  const files = [...scripts, readme];
  return [...files, emitManifest(plan, files)];
}
