// The front half of validate and compile: every playbook analysed, then the site file (--site)
// over the plans: its values become parameter defaults, and what is wrong with them joins the
// diagnostics.
import { applySiteValues, unusedSitePlaybooks } from "../check/site-values.js";
import { hasErrors, sortDiagnostics, type Diagnostic } from "../diagnostic.js";
import { loadSiteFile } from "../front/site-file.js";
import type { Plan } from "../plan/plan.js";
import { analyzeAll } from "./analyze-all.js";

/** What `kbfix validate` and `compile` read: every playbook, then the site file's values on them. */
export interface SiteAnalysis {
  /** How many playbooks were found. */
  playbooks: number;
  /** The plans (with the site's defaults) of the playbooks that passed. */
  plans: Plan[];
  /** The playbooks' diagnostics and the site file's, in order. */
  diagnostics: Diagnostic[];
}

export function analyzeWithSite(paths: readonly string[], sitePath?: string): SiteAnalysis {
  const { analyses, diagnostics } = analyzeAll(paths);
  const plans = analyses.flatMap((a) => (a.plan ? [a.plan] : []));
  if (sitePath === undefined) return { playbooks: analyses.length, plans, diagnostics };
  // A playbook with errors has no plan, and so no id: the site's other ids are not called unused.
  const site = loadSiteFile(sitePath);
  const applied = plans.map((plan) => applySiteValues(site, plan));
  const unused = hasErrors(diagnostics)
    ? []
    : unusedSitePlaybooks(site, new Set(plans.map((p) => p.id)));
  return {
    playbooks: analyses.length,
    plans: applied.map((a) => a.plan),
    diagnostics: sortDiagnostics([
      ...diagnostics,
      ...site.diagnostics,
      ...applied.flatMap((a) => a.diagnostics),
      ...unused,
    ]),
  };
}
