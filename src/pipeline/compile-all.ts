// The whole pipeline over many playbooks, as `kbfix compile` runs it: every playbook through
// the front end first, so all of its errors are reported together and nothing is emitted when
// one is wrong; then each through the back end, whose errors and deployment warnings (a route
// the scripts do not fit) join the front end's.
import { hasErrors, sortDiagnostics, type Diagnostic } from "../diagnostic.js";
import type { EmittedFile } from "../emit/emitted-file.js";
import { emitPlaybook } from "./emit.js";
import { analyzeWithSite } from "./analyze-with-site.js";

export interface CompiledPlaybooks {
  /** How many playbooks were found. */
  playbooks: number;
  diagnostics: Diagnostic[];
  /** Every file of every playbook; none when any diagnostic is an error. */
  files: EmittedFile[];
}

export function compilePlaybooks(paths: readonly string[], sitePath?: string): CompiledPlaybooks {
  const { playbooks, plans, diagnostics } = analyzeWithSite(paths, sitePath);
  if (hasErrors(diagnostics)) return { playbooks, diagnostics, files: [] };
  const emitted = plans.map((plan) => emitPlaybook(plan));
  const all = sortDiagnostics([...diagnostics, ...emitted.flatMap((e) => e.diagnostics)]);
  const files = hasErrors(all) ? [] : emitted.flatMap((e) => e.files);
  return { playbooks, diagnostics: all, files };
}
