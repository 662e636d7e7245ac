// The whole pipeline over many playbooks, as `kbfix compile` runs it: every playbook through
// the front end first, so all of its errors are reported together and nothing is emitted when
// one is wrong; then each through the back end, whose errors and deployment warnings (a route
// the scripts do not fit) join the front end's.
import { hasErrors, sortDiagnostics, type Diagnostic } from "../diagnostic.js";
import { applySiteValues, unusedSitePlaybooks } from "../check/site-values.js";
import type { EmittedFile } from "../emit/emitted-file.js";
import { loadSiteFile } from "../front/site-file.js";
import type { Plan } from "../plan/plan.js";
import { analyzeAll } from "./analyze-all.js";
import { emitPlaybook } from "./emit.js";

export interface CompiledPlaybooks {
  /** How many playbooks were found. */
  playbooks: number;
  diagnostics: Diagnostic[];
  /** Every file of every playbook; none when any diagnostic is an error. */
  files: EmittedFile[];
}

export function compilePlaybooks(paths: readonly string[], sitePath?: string): CompiledPlaybooks {
  const { analyses, diagnostics } = analyzeAll(paths);
  const site = withSite(
    analyses.flatMap((a) => (a.plan ? [a.plan] : [])),
    sitePath,
  );
  const front = [...diagnostics, ...site.diagnostics];
  if (hasErrors(front)) return { playbooks: analyses.length, diagnostics: front, files: [] };
  const emitted = site.plans.map((plan) => emitPlaybook(plan));
  const all = sortDiagnostics([...front, ...emitted.flatMap((e) => e.diagnostics)]);
  const files = hasErrors(all) ? [] : emitted.flatMap((e) => e.files);
  return { playbooks: analyses.length, diagnostics: all, files };
}

/** The plans with the site file's values as their parameters' defaults (none: as they are). */
function withSite(plans: Plan[], sitePath?: string): { plans: Plan[]; diagnostics: Diagnostic[] } {
  if (sitePath === undefined) return { plans, diagnostics: [] };
  const site = loadSiteFile(sitePath);
  const applied = plans.map((plan) => applySiteValues(site, plan));
  return {
    plans: applied.map((a) => a.plan),
    diagnostics: [
      ...site.diagnostics,
      ...applied.flatMap((a) => a.diagnostics),
      ...unusedSitePlaybooks(site, new Set(plans.map((p) => p.id))),
    ],
  };
}
