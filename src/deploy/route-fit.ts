// Which script each route of DEPLOY_ROUTES takes, whether it fits, and the compile warning
// when it does not. A route whose script is over its limit gets no deployment artifact.
import { diagnostic, type Diagnostic } from "../diagnostic.js";
import type { EmittedFile } from "../emit/emitted-file.js";
import { DEPLOY_ROUTES, routeSize, type DeployRoute } from "../model/deploy-routes.js";
import type { Plan } from "../plan/plan.js";
import type { DeployScripts } from "./deploy-input.js";

export interface RouteScripts extends DeployScripts {
  /** The detection script built with the ConfigMgr application contract. */
  appDetect: EmittedFile;
  /** The Win32 app installer script that runs the remediation from the package content. */
  win32Installer: EmittedFile;
}

export interface RouteCheck {
  route: DeployRoute;
  file: EmittedFile;
  fits: boolean;
}

export function routeById(id: string): DeployRoute {
  const route = DEPLOY_ROUTES.find((r) => r.id === id);
  if (!route) throw new Error(`no deployment route '${id}' in DEPLOY_ROUTES`);
  return route;
}

export function scriptForRoute(route: DeployRoute, scripts: RouteScripts): EmittedFile {
  if (route.input === "remediation") return scripts.remediation;
  if (route.input === "win32-installer") return scripts.win32Installer;
  return route.detectContract === "ConfigMgrApplication" ? scripts.appDetect : scripts.detect;
}

export function checkRoutes(scripts: RouteScripts): RouteCheck[] {
  return DEPLOY_ROUTES.map((route) => {
    const file = scriptForRoute(route, scripts);
    return { route, file, fits: routeSize(route, file.bytes.length) <= route.limitBytes };
  });
}

/** True when every named route's script fits: the artifact that needs them may be written. */
export function routesFit(checks: readonly RouteCheck[], ids: readonly string[]): boolean {
  return ids.every((id) => checks.find((c) => c.route.id === routeById(id).id)!.fits);
}

function sizeText(route: DeployRoute, bytes: number): string {
  const measured = routeSize(route, bytes);
  return measured === bytes
    ? `${bytes} bytes`
    : `${bytes} bytes (${measured} as ${route.measured})`;
}

export function routeWarnings(
  plan: Plan,
  checks: readonly RouteCheck[],
  withArtifacts: ReadonlySet<string>,
): Diagnostic[] {
  return checks
    .filter((c) => !c.fits)
    .map(({ route, file }) =>
      diagnostic(
        plan.file,
        plan.fieldSpans.id ?? { line: 1, column: 1 },
        "warning",
        "deploy-route-size",
        `${file.path.split("/").pop()} is ${sizeText(route, file.bytes.length)}, over the ${route.limitText} ` +
          `(${route.limitBytes} bytes) limit of route ${route.id} (${route.name})` +
          (withArtifacts.has(route.id) ? "; its deployment files are not written" : ""),
        "deploy through a route the script fits (README.md lists them), or make the script smaller",
      ),
    );
}
