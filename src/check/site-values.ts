// A site file's values for one plan: each must name a parameter the playbook declares and be a
// value that parameter accepts, as a default must, and one both scripts can carry. A value that
// passes becomes the parameter's default (and the parameter optional: the site gives it), so
// every script and every route has it without arguments. Diagnostics point into the site file.
import { diagnostic, type Diagnostic } from "../diagnostic.js";
import type { SiteFile, SiteValue } from "../front/site-file.js";
import { cmdSafeReason } from "../model/cmd-safe.js";
import { scriptTextReason } from "../model/script-text.js";
import type { Plan, PlanParameter } from "../plan/plan.js";
import { valueProblem } from "./parameter-defaults.js";

/** A full path: a drive, a share or a %base%; a relative one would depend on the working folder. */
const FULL_PATH = /^([A-Za-z]:\\|\\\\[^\\]+\\[^\\]+|%[A-Za-z_][A-Za-z0-9_]*%(\\|$))/;

function problemOf(p: PlanParameter, value: SiteValue["value"]): string | undefined {
  const typeProblem = valueProblem(p, value, "site value");
  if (typeProblem) return typeProblem;
  if (typeof value !== "string") return undefined;
  const textProblem = scriptTextReason(value);
  if (textProblem) return `site value ${JSON.stringify(value)} ${textProblem}`;
  if (p.type === "path" && !FULL_PATH.test(value))
    return `site value '${value}' is not a full path (C:\\..., \\\\server\\share\\... or %base%\\...)`;
  return undefined;
}

function applyOne(site: SiteFile, plan: Plan, v: SiteValue, out: Diagnostic[]): void {
  const p = plan.parameters.find((q) => q.name.toLowerCase() === v.parameter.toLowerCase());
  if (!p) {
    const names = plan.parameters.map((q) => q.name).join(", ") || "none";
    const message = `playbook '${plan.id}' has no parameter '${v.parameter}'`;
    const hint = `its parameters: ${names}`;
    out.push(diagnostic(site.file, v.keySpan, "error", "site-unknown-parameter", message, hint));
    return;
  }
  const problem = problemOf(p, v.value);
  if (problem) {
    const message = `parameter '${p.name}' of '${plan.id}': ${problem}`;
    const hint = "give a value the parameter accepts, as its description says";
    out.push(diagnostic(site.file, v.valueSpan, "error", "site-bad-value", message, hint));
    return;
  }
  const batch = typeof v.value === "string" ? cmdSafeReason(v.value) : undefined;
  if (batch) {
    const message = `site value of '${p.name}' ${batch}: the batch script leaves the parameter out, and steps that read it are manual there`;
    const hint = "use the PowerShell script, or a value without that character";
    out.push(diagnostic(site.file, v.valueSpan, "warning", "cmd-unsafe-value", message, hint));
  }
  Object.assign(p, { default: v.value, required: false, site: true });
}

/**
 * The plan with the site's values as parameter defaults (a copy: the analysis keeps its own),
 * and what was wrong with them.
 */
export function applySiteValues(
  site: SiteFile,
  plan: Plan,
): { plan: Plan; diagnostics: Diagnostic[] } {
  const values = site.values.filter((v) => v.playbook === plan.id);
  if (!values.length) return { plan, diagnostics: [] };
  const copy: Plan = { ...plan, parameters: plan.parameters.map((p) => ({ ...p })) };
  const diagnostics: Diagnostic[] = [];
  for (const v of values) applyOne(site, copy, v, diagnostics);
  return { plan: copy, diagnostics };
}

/** Playbook ids the site file names that no compiled playbook has (a typo, or a subset). */
export function unusedSitePlaybooks(site: SiteFile, ids: ReadonlySet<string>): Diagnostic[] {
  return [...site.playbooks]
    .filter(([id]) => !ids.has(id))
    .map(([id, span]) =>
      diagnostic(
        site.file,
        span,
        "warning",
        "site-unknown-playbook",
        `no compiled playbook has the id '${id}': its site values are not used`,
        "check the id against the playbooks' `id:` lines, or compile that playbook too",
      ),
    );
}
