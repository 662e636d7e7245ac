// The back-end pipeline: plan -> every file of out/<id>/, in memory. No step- or
// target-specific code lives here; each target emits its own files.
import type { Diagnostic } from "./diagnostic.js";
import type { Plan } from "./plan/plan.js";
import type { EmittedFile } from "./emit/emitted-file.js";
import { emitManifest } from "./emit/manifest.js";
import { emitPs1 } from "./emit/ps1/emit-ps1.js";
import { emitReadme } from "./emit/readme.js";
import { emitCmd } from "./emit/cmd/emit-cmd.js";
import { deployDiagnostics, emitDeployArtifacts } from "./deploy/deploy-artifacts.js";
import { deployReadmeView } from "./deploy/deploy-readme.js";

export function compilePlan(plan: Plan): EmittedFile[] {
  return compilePlanWithDiagnostics(plan).files;
}

/** The files, and the warnings about where they can be deployed. */
export function compilePlanWithDiagnostics(plan: Plan): {
  files: EmittedFile[];
  diagnostics: Diagnostic[];
} {
  const scripts = [...emitPs1(plan), ...(plan.targets.includes("cmd") ? emitCmd(plan) : [])];
  const deploy = emitDeployArtifacts(plan, scripts);
  const cmd = scripts.find((f) => f.path.endsWith(".fix.cmd"));
  const readme = emitReadme(plan, {
    cmdName: cmd?.path.split("/").pop(),
    deploy: deployReadmeView(plan, scripts, deploy),
  });
  const files = [...scripts, ...deploy, readme];
  return {
    files: [...files, emitManifest(plan, files)],
    diagnostics: deployDiagnostics(plan, scripts),
  };
}
