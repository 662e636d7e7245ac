// The front half of the pipeline: load -> validate (schema, then every string of the
// document) -> lower -> check.
// Every stage's diagnostics are collected; a later stage runs only on valid input.
// Kept apart from the back half so `kbfix validate` never loads the emitters.
import { basename, extname } from "node:path";
import { diagnostic, hasErrors, sortDiagnostics, type Diagnostic } from "../diagnostic.js";
import { runChecks } from "../check/check.js";
import { documentValueDiagnostics } from "../front/document-values.js";
import { loadPlaybookBytes, loadPlaybookFile, type LoadResult } from "../front/load.js";
import { validateAgainstSchema } from "../front/validate.js";
import { lowerPlaybook } from "../plan/lower.js";
import type { Plan } from "../plan/plan.js";

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
  diagnostics.push(...documentValueDiagnostics(displayName, loaded.value, loaded.map));
  const doc = loaded.value as Record<string, any>;
  let plan: Plan;
  try {
    plan = lowerPlaybook(displayName, loaded, doc, loaded.map, diagnostics);
    diagnostics.push(...runChecks(plan));
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
