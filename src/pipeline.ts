// The pipeline, one way and in one place: load -> validate (schema) -> lower ->
// check -> plan -> emit. Each stage's diagnostics are collected; a later stage
// runs only on valid input, and every failure, emit included, is a positioned
// diagnostic. Stages import only downward; this module is the one that drives them.
import { basename, extname } from "node:path";
import { diagnostic, hasErrors, sortDiagnostics, type Diagnostic } from "./diagnostic.js";
import { runChecks } from "./check/check.js";
import { EmitError } from "./emit/bytes.js";
import { emitCmd } from "./emit/cmd/emit-cmd.js";
import type { EmittedFile } from "./emit/emitted-file.js";
import { emitManifest } from "./emit/manifest.js";
import { emitPs1 } from "./emit/ps1/emit-ps1.js";
import { QuoteError } from "./emit/quote-ps.js";
import { emitReadme } from "./emit/readme.js";
import { loadPlaybookBytes, loadPlaybookFile, type LoadResult } from "./front/load.js";
import { validateAgainstSchema } from "./front/validate.js";
import { deployDiagnostics, emitDeployArtifacts } from "./deploy/deploy-artifacts.js";
import { deployReadmeView } from "./deploy/deploy-readme.js";
import { lowerPlaybook } from "./plan/lower.js";
import type { Plan } from "./plan/plan.js";

export interface Analysis {
  file: string;
  plan?: Plan;
  diagnostics: Diagnostic[];
}

export function analyzePlaybook(path: string, displayName = path): Analysis {
  return analyzeLoaded(path, loadPlaybookFile(path, displayName));
}

/** For tests and tools that hold the bytes already. */
export function analyzeBytes(path: string, bytes: Uint8Array): Analysis {
  return analyzeLoaded(path, loadPlaybookBytes(path, bytes));
}

function analyzeLoaded(path: string, loaded: LoadResult): Analysis {
  const displayName = loaded.file;
  const diagnostics = [...loaded.diagnostics];
  const done = (plan?: Plan): Analysis => ({
    file: displayName,
    plan,
    diagnostics: sortDiagnostics(diagnostics),
  });
  if (hasErrors(diagnostics) || loaded.value === undefined) return done();
  diagnostics.push(...validateAgainstSchema(displayName, loaded.value, loaded.map));
  if (hasErrors(diagnostics)) return done();
  const doc = loaded.value as Record<string, any>;
  let plan: Plan;
  try {
    plan = lowerPlaybook(displayName, loaded.sha256, doc, loaded.map, diagnostics);
    diagnostics.push(...runChecks(plan, doc, loaded.map));
  } catch (error) {
    // A bug, not the author's fault: still a positioned message, never a stack trace.
    diagnostics.push(
      diagnostic(
        displayName,
        { line: 1, column: 1 },
        "error",
        "internal-error",
        `kbfix failed while checking this playbook: ${(error as Error).message}`,
        "please report this with the playbook attached",
      ),
    );
    return done();
  }
  const stem = basename(path, extname(path));
  if (stem !== plan.id) {
    diagnostics.push(
      diagnostic(
        displayName,
        loaded.map.value("/id"),
        "warning",
        "id-file-mismatch",
        `playbook id '${plan.id}' differs from the file name '${stem}'`,
        `rename the file to ${plan.id}.yaml`,
      ),
    );
  }
  return done(hasErrors(diagnostics) ? undefined : plan);
}

/** The back end: every file of out/<id>/, in memory, and where they can be deployed. */
function emitFiles(plan: Plan): { files: EmittedFile[]; warnings: Diagnostic[] } {
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

/** The back end as a stage: the files and the deployment warnings, or a positioned error. */
export function emitPlaybook(plan: Plan): { files: EmittedFile[]; diagnostics: Diagnostic[] } {
  try {
    const { files, warnings } = emitFiles(plan);
    return { files, diagnostics: warnings };
  } catch (error) {
    if (!(error instanceof QuoteError || error instanceof EmitError)) throw error;
    const span = (error instanceof EmitError && error.span) ||
      plan.fieldSpans.id || { line: 1, column: 1 };
    const d = diagnostic(
      plan.file,
      span,
      "error",
      "emit-value",
      `cannot emit this playbook: ${error.message}`,
      "change the value; every value must be one the target script can carry exactly",
    );
    return { files: [], diagnostics: [d] };
  }
}
