// The deployment routes an emitted PowerShell script is offered for, with the
// size each route accepts. One table: the compile warnings, the size tests, the
// deployment artifacts and the reviewers' README all read it (docs/deployment.md).
import { base64Length } from "./base64-length.js";

/**
 * Which emitted script a route takes. win32-installer: the small installer script that runs the
 * remediation from the Win32 app's package content (src/deploy/intune-win32-installer.ts).
 */
export type RouteInput = "detect" | "remediation" | "win32-installer";

export interface DeployRoute {
  id: string;
  name: string;
  input: RouteInput;
  /** Largest accepted script, in bytes (a KB read as 1,000 bytes: the stricter reading). */
  limitBytes: number;
  /** The limit as the vendor writes it. */
  limitText: string;
  /** base64: the limit applies to the script's base64 text, as the route carries it. */
  measured?: "base64";
  /**
   * For a detection route: the contract its script is built with, when it is not Intune's
   * (exit 1 = problem present). The ConfigMgr application contract has its own script.
   */
  detectContract?: "ConfigMgrApplication";
}

export const DEPLOY_ROUTES: readonly DeployRoute[] = [
  {
    id: "configmgr-application-detection",
    name: "ConfigMgr application detection script",
    input: "detect",
    limitBytes: 32_000,
    limitText: "32 KB",
    detectContract: "ConfigMgrApplication",
  },
  {
    id: "intune-win32-installer-script",
    name: 'Intune Win32 app "PowerShell script" installer',
    input: "win32-installer",
    limitBytes: 50_000,
    limitText: "50 KB",
  },
  {
    id: "graph-win32-script-content",
    name: "Graph Win32 app install script content",
    input: "win32-installer",
    limitBytes: 100_000,
    limitText: "100 KB (base64)",
    // win32LobAppScript.content is base64: the script's bytes grow by a third there.
    measured: "base64",
  },
  {
    id: "intune-remediations",
    name: "Intune Remediations (detection and remediation)",
    input: "remediation",
    limitBytes: 200_000,
    limitText: "200 KB",
  },
  {
    id: "intune-remediations-detection",
    name: "Intune Remediations detection script",
    input: "detect",
    limitBytes: 200_000,
    limitText: "200 KB",
  },
  {
    id: "intune-platform-script",
    name: "Intune platform script",
    input: "remediation",
    limitBytes: 200_000,
    limitText: "200 KB",
  },
];

export interface RouteFit {
  route: DeployRoute;
  bytes: number;
  fits: boolean;
}

/** What counts against a route's limit for a script of `bytes` bytes. */
export function routeSize(route: DeployRoute, bytes: number): number {
  return route.measured === "base64" ? base64Length(bytes) : bytes;
}

/** How a script of `bytes` bytes fares on every route that takes its kind. */
export function routeFits(input: RouteInput, bytes: number): RouteFit[] {
  return DEPLOY_ROUTES.filter((r) => r.input === input).map((route) => ({
    route,
    bytes,
    fits: routeSize(route, bytes) <= route.limitBytes,
  }));
}
