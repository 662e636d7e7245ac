// out/<id>/deploy/: the files each deployment route needs, from the plan and the scripts the
// compiler emitted. Pure: the same input gives the same bytes. A route whose script is over its
// DEPLOY_ROUTES limit gets no files (and a warning: deployDiagnostics).
import type { Diagnostic } from "../diagnostic.js";
import type { EmittedFile } from "../emit/emitted-file.js";
import type { Plan } from "../plan/plan.js";
import { APPLICATION_ROUTES, emitApplication } from "./configmgr-application.js";
import { emitCmAdminScript } from "./configmgr-admin-script.js";
import { emitConfigurationItem } from "./configmgr-configuration-item.js";
import { deployScripts, type DeployInput } from "./deploy-input.js";
import { appDetectScript, detectVariant } from "./detect-variants.js";
import { emitGroupPolicy, gpoBudgetWarnings } from "./group-policy.js";
import { emitIntune, INTUNE_ROUTES } from "./intune-remediation.js";
import { emitWin32Installer, WIN32_ROUTES } from "./intune-win32-installer.js";
import { unsetParameterWarnings } from "./route-arguments.js";
import { checkRoutes, routesFit, routeWarnings, type RouteCheck } from "./route-fit.js";

interface DeployPlan {
  input: DeployInput;
  appDetect: EmittedFile;
  win32Installer: EmittedFile;
  checks: RouteCheck[];
}

/** compile asks for the artifacts, the warnings and the README's route table of one set of
 * scripts: the variants and route checks are built once per set. */
const planned = new WeakMap<readonly EmittedFile[], DeployPlan>();

function deployPlan(plan: Plan, emitted: readonly EmittedFile[]): DeployPlan {
  const known = planned.get(emitted);
  if (known && known.input.plan === plan) return known;
  const built = buildDeployPlan(plan, emitted);
  planned.set(emitted, built);
  return built;
}

function buildDeployPlan(plan: Plan, emitted: readonly EmittedFile[]): DeployPlan {
  const scripts = deployScripts(plan.id, emitted);
  const input = { plan, scripts };
  const appDetect = appDetectScript(plan);
  const win32Installer = emitWin32Installer(input);
  const checks = checkRoutes({ ...scripts, appDetect, win32Installer });
  return { input, appDetect, win32Installer, checks };
}

export function emitDeployArtifacts(plan: Plan, emitted: readonly EmittedFile[]): EmittedFile[] {
  const { input, appDetect, win32Installer, checks } = deployPlan(plan, emitted);
  const intune = routesFit(checks, INTUNE_ROUTES);
  const application = routesFit(checks, APPLICATION_ROUTES);
  return [
    ...(intune ? emitIntune(input) : []),
    ...(application ? emitApplication(input, appDetect) : []),
    ...emitConfigurationItem(
      input,
      detectVariant(plan.id, input.scripts.detect, "ConfigMgrSetting"),
    ),
    emitCmAdminScript(plan, application),
    ...emitGroupPolicy(input),
    ...(routesFit(checks, WIN32_ROUTES) ? [win32Installer] : []),
  ];
}

/**
 * Routes the scripts do not fit (naming the route and its limit), the startup-script budget, and
 * parameters the routes without arguments leave unset.
 */
export function deployDiagnostics(plan: Plan, emitted: readonly EmittedFile[]): Diagnostic[] {
  const { checks } = deployPlan(plan, emitted);
  const withArtifacts = new Set<string>([...INTUNE_ROUTES, ...APPLICATION_ROUTES, ...WIN32_ROUTES]);
  return [
    ...routeWarnings(plan, checks, withArtifacts),
    ...gpoBudgetWarnings(plan),
    ...unsetParameterWarnings(plan),
  ];
}

/** Per route: the script it takes, its size, and whether it fits (for the README). */
export function deployRouteChecks(plan: Plan, emitted: readonly EmittedFile[]): RouteCheck[] {
  return deployPlan(plan, emitted).checks;
}
