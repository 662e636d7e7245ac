// The whole pipeline over many playbooks, as `kbfix compile` runs it: every playbook through
// the front end first, so all of its errors are reported together and nothing is emitted when
// one is wrong; then each through the back end, whose errors and deployment warnings (a route
// the scripts do not fit) join the front end's.
import { hasErrors, sortDiagnostics, type Diagnostic } from "../diagnostic.js";
import type { EmittedFile } from "../emit/emitted-file.js";
import { analyzeAll } from "./analyze-all.js";
import { emitPlaybook } from "./emit.js";
import { withSite } from "./with-site.js";

export interface CompiledPlaybooks {
  /** How many playbooks were found. */
  playbooks: number;
  diagnostics: Diagnostic[];
  /** Every file of every playbook; none when any diagnostic is an error. */
  files: EmittedFile[];
}

export function compilePlaybooks(paths: readonly string[], sitePath?: string): CompiledPlaybooks {
  const { analyses, diagnostics } = analyzeAll(paths);
  const plans = analyses.flatMap((a) => (a.plan ? [a.plan] : []));
  const site = withSite(plans, sitePath, !hasErrors(diagnostics));
  const front = sortDiagnostics([...diagnostics, ...site.diagnostics]);
  if (hasErrors(front)) return { playbooks: analyses.length, diagnostics: front, files: [] };
  const emitted = site.plans.map((plan) => emitPlaybook(plan));
  const all = sortDiagnostics([...front, ...emitted.flatMap((e) => e.diagnostics)]);
  const files = hasErrors(all) ? [] : emitted.flatMap((e) => e.files);
  return { playbooks: analyses.length, diagnostics: all, files };
}
