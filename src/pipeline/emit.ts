// The back half of the pipeline: plan -> every file of out/<id>/ (scripts, deployment
// artifacts, README, manifest), with emit failures as positioned diagnostics.
import { diagnostic, type Diagnostic } from "../diagnostic.js";
import { deployDiagnostics, emitDeployArtifacts } from "../deploy/deploy-artifacts.js";
import { deployReadmeView } from "../deploy/deploy-readme.js";
import { EmitError } from "../emit/bytes.js";
import { emitCmd } from "../emit/cmd/emit-cmd.js";
import { sharingHashes, type EmittedFile } from "../emit/emitted-file.js";
import { emitManifest } from "../emit/manifest.js";
import { emitPs1 } from "../emit/ps1/emit-ps1.js";
import { QuoteError } from "../emit/quote-ps.js";
import { emitReadme } from "../emit/readme.js";
import { sharingViews } from "../emit/view.js";
import type { Plan } from "../plan/plan.js";

/** The back end: every file of out/<id>/, in memory, and where they can be deployed. */
function emitFiles(plan: Plan): { files: EmittedFile[]; warnings: Diagnostic[] } {
  return sharingViews(() => sharingHashes(() => emitFilesOnce(plan)));
}

function emitFilesOnce(plan: Plan): { files: EmittedFile[]; warnings: Diagnostic[] } {
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
    warnings: deployDiagnostics(plan, scripts),
  };
}

/** Every file of out/<id>/. Throws EmitError or QuoteError (emitPlaybook reports them). */
export function compilePlan(plan: Plan): EmittedFile[] {
  return emitFiles(plan).files;
}

/**
 * The back end as a stage: the files and the deployment warnings, or one positioned error. A
 * quoting failure at a field is the author's value; anything else (a template or runtime file
 * that breaks its own rules, a thrown bug) is kbfix's, reported as such, never as a stack trace.
 */
export function emitPlaybook(plan: Plan): { files: EmittedFile[]; diagnostics: Diagnostic[] } {
  try {
    const { files, warnings } = emitFiles(plan);
    return { files, diagnostics: warnings };
  } catch (error) {
    return { files: [], diagnostics: [emitFailure(plan, error)] };
  }
}

function emitFailure(plan: Plan, error: unknown): Diagnostic {
  const atId = plan.fieldSpans.id || { line: 1, column: 1 };
  if (error instanceof EmitError && error.span)
    return diagnostic(
      plan.file,
      error.span,
      "error",
      "emit-value",
      `cannot emit this playbook: ${error.message}`,
      "change the value; every value must be one the target script can carry exactly",
    );
  return diagnostic(
    plan.file,
    atId,
    "error",
    "internal-error",
    `kbfix failed while emitting this playbook: ${error instanceof Error ? error.message : String(error)}`,
    "please report this with the playbook attached",
  );
}
