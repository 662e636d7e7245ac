// Some routes start the remediation with no arguments at all: Intune Remediations and platform
// scripts, the Win32 app's installer script and a ConfigMgr configuration item's remediation. A
// parameter the steps or probes read that has no default has no value there: a required one
// stops every such run (BadArguments), an optional one leaves the steps that read it without it.
// Group Policy (psscripts.ini's Parameters) and the ConfigMgr application's install command
// take arguments, so the warning points there.
import { diagnostic, type Diagnostic } from "../diagnostic.js";
import type { Plan, PlanParameter } from "../plan/plan.js";
import { usersOfParameter } from "../plan/cmd-carry.js";

const WITHOUT_ARGUMENTS =
  "Intune Remediations and platform scripts, the Intune Win32 app installer and ConfigMgr configuration items";

/** "step 'ccmcertfix' gets", "step 'a', probe 'b' get": what reads the parameter. */
function readersText(users: string[]): string {
  return `${users.join(", ")} ${users.length === 1 ? "gets" : "get"}`;
}

function warning(plan: Plan, p: PlanParameter, users: string[]): Diagnostic {
  const effect = p.required
    ? "the remediation stops with BadArguments (6) there"
    : `${readersText(users)} no value there`;
  return diagnostic(
    plan.file,
    p.span,
    "warning",
    "deploy-parameter-unset",
    `parameter '${p.name}' has no default and ${WITHOUT_ARGUMENTS} start the remediation ` +
      `without arguments: ${effect}`,
    "give the parameter a default, or this site's value (kbfix compile --site), or deploy where " +
      "arguments are passed: Group Policy (psscripts.ini Parameters) or the ConfigMgr application's install command",
  );
}

export function unsetParameterWarnings(plan: Plan): Diagnostic[] {
  return plan.parameters
    .filter((p) => p.default === undefined)
    .map((p) => ({ p, users: usersOfParameter(plan, p.name) }))
    .filter(({ p, users }) => p.required || users.length > 0)
    .map(({ p, users }) => warning(plan, p, users));
}
