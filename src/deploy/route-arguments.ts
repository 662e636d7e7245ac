// Some routes start the remediation with no arguments at all: Intune Remediations and platform
// scripts, the Win32 app's installer script and a ConfigMgr configuration item's remediation. A
// parameter the steps or probes read that has no default has no value there: a required one
// stops every such run (BadArguments), an optional one leaves the steps that read it without it.
// Group Policy (psscripts.ini's Parameters) and the ConfigMgr application's install command
// take arguments, so the warning points there.
import { diagnostic, type Diagnostic } from "../diagnostic.js";
import type { Plan, PlanParameter } from "../plan/plan.js";
import { parametersIn } from "../plan/parameters-read.js";
import { allProbes, allSteps } from "../plan/walk.js";

const WITHOUT_ARGUMENTS =
  "Intune Remediations and platform scripts, the Intune Win32 app installer and ConfigMgr configuration items";

/** Parameter name -> the ids of the steps and probes that read it. */
function readers(plan: Plan): Map<string, string[]> {
  const byName = new Map<string, string[]>();
  const nodes = [...allProbes(plan.detection), ...allSteps(plan).map((v) => v.step)];
  for (const node of nodes)
    for (const name of new Set(parametersIn(node)))
      byName.set(name, [...(byName.get(name) ?? []), node.id]);
  return byName;
}

/** "'ccmcertfix' gets", "'a', 'b' get": the steps and probes that read it, by id. */
function readersText(ids: string[]): string {
  return `${ids.map((id) => `'${id}'`).join(", ")} ${ids.length === 1 ? "gets" : "get"}`;
}

function warning(plan: Plan, p: PlanParameter, ids: string[]): Diagnostic {
  const effect = p.required
    ? "the remediation stops with BadArguments (6) there"
    : `${readersText(ids)} no value there`;
  return diagnostic(
    plan.file,
    p.span,
    "warning",
    "deploy-parameter-unset",
    `parameter '${p.name}' has no default and ${WITHOUT_ARGUMENTS} start the remediation ` +
      `without arguments: ${effect}`,
    "give the parameter a default, or deploy where arguments are passed: Group Policy " +
      "(psscripts.ini Parameters) or the ConfigMgr application's install command",
  );
}

export function unsetParameterWarnings(plan: Plan): Diagnostic[] {
  const read = readers(plan);
  return plan.parameters
    .filter((p) => p.default === undefined && (p.required || read.has(p.name)))
    .map((p) => warning(plan, p, read.get(p.name) ?? []));
}
