// What the README's deployment section says, from the same checks and files compile used,
// so it cannot claim a route the scripts do not fit or a file that was not written.
import type { DeployReadmeView } from "../emit/readme.js";
import type { EmittedFile } from "../emit/emitted-file.js";
import type { Plan } from "../plan/plan.js";
import {
  APPLICATION_DESCRIPTOR,
  applicationContent,
  maximumRuntimeMinutes,
} from "./configmgr-application.js";
import { CM_SCRIPT } from "./configmgr-admin-script.js";
import { CI_DESCRIPTOR } from "./configmgr-configuration-item.js";
import { deployRouteChecks } from "./deploy-artifacts.js";
import { deployDir, deployScripts, fileName } from "./deploy-input.js";
import { overGpoBudget, PS_SCRIPTS_INI, SCRIPTS_INI } from "./group-policy.js";
import { INTUNE_BODY, INTUNE_SCRIPT } from "./intune-remediation.js";
import { win32InstallerName } from "./intune-win32-installer.js";
import { GPO_SCRIPT_WAIT_SECONDS, worstCaseSeconds } from "./time-budget.js";

export function deployReadmeView(
  plan: Plan,
  scripts: readonly EmittedFile[],
  deploy: readonly EmittedFile[],
): DeployReadmeView {
  const dir = deployDir(plan.id);
  const has = (name: string) => deploy.some((f) => f.path === `${dir}/${name}`);
  const rel = (name: string) => `deploy/${name}`;
  return {
    routes: deployRouteChecks(plan, scripts).map(({ route, file, fits }) => ({
      id: route.id,
      name: route.name,
      script: file.path.slice(plan.id.length + 1),
      bytes: file.bytes.length,
      limit: route.limitText,
      fits: fits ? "yes" : "no",
    })),
    intune: has(INTUNE_BODY) ? { body: rel(INTUNE_BODY), script: rel(INTUNE_SCRIPT) } : false,
    application: has(APPLICATION_DESCRIPTOR)
      ? {
          descriptor: rel(APPLICATION_DESCRIPTOR),
          content: applicationContent(deployScripts(plan.id, scripts)).map(fileName),
          appDetect: rel(`${plan.id}.appdetect.ps1`),
          maximumRuntimeMins: maximumRuntimeMinutes(plan),
        }
      : false,
    configurationItem: {
      descriptor: rel(CI_DESCRIPTOR),
      discovery: rel(`${plan.id}.discovery.ps1`),
    },
    win32: has(win32InstallerName(plan.id))
      ? { installer: rel(win32InstallerName(plan.id)) }
      : false,
    cmScript: rel(CM_SCRIPT),
    gpo: {
      psIni: rel(PS_SCRIPTS_INI),
      ini: rel(SCRIPTS_INI),
      worstSeconds: worstCaseSeconds(plan),
      budgetSeconds: GPO_SCRIPT_WAIT_SECONDS,
      over: overGpoBudget(plan),
    },
  };
}
