// The site file (kbfix compile --site, kbfix validate --site) over the analysed plans: its values
// become parameter defaults, and what is wrong with them joins the diagnostics.
import { applySiteValues, unusedSitePlaybooks } from "../check/site-values.js";
import type { Diagnostic } from "../diagnostic.js";
import { loadSiteFile } from "../front/site-file.js";
import type { Plan } from "../plan/plan.js";

/**
 * The plans with the site file's values as their parameters' defaults (none: as they are). With
 * `complete` false some playbooks have errors, and so no plan: their ids are not reported unused.
 */
export function withSite(
  plans: Plan[],
  sitePath: string | undefined,
  complete: boolean,
): { plans: Plan[]; diagnostics: Diagnostic[] } {
  if (sitePath === undefined) return { plans, diagnostics: [] };
  const site = loadSiteFile(sitePath);
  const applied = plans.map((plan) => applySiteValues(site, plan));
  const unused = complete ? unusedSitePlaybooks(site, new Set(plans.map((p) => p.id))) : [];
  return {
    plans: applied.map((a) => a.plan),
    diagnostics: [...site.diagnostics, ...applied.flatMap((a) => a.diagnostics), ...unused],
  };
}
