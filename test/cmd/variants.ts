// Plan variants for the Wine scenarios, each for a fact of Wine rather than of the
// article: Wine's ver reports NT 10.0 (so NT 5.x gates are widened), and Wine
// resets SystemRoot in every process (so %SystemRoot% paths use %windir%, which the
// harness can point at the simulated Windows). The playbooks themselves are unchanged.
import type { PathExpr } from "../../src/model/path-expr.js";
import type { Plan } from "../../src/plan/plan.js";
import { allProbes, allSteps } from "../../src/plan/walk.js";

function windirInsteadOfSystemRoot(value: unknown): void {
  if (!value || typeof value !== "object") return;
  if (Array.isArray(value)) return value.forEach(windirInsteadOfSystemRoot);
  const path = value as PathExpr;
  if (path.base?.kind === "env" && path.base.name === "SystemRoot") {
    path.base = { kind: "env", name: "windir" };
    return;
  }
  for (const [key, v] of Object.entries(value)) if (key !== "span") windirInsteadOfSystemRoot(v);
}

/**
 * The playbook's and the methods' Windows ranges opened to "NT 5.0 and later", which includes
 * Wine's 10.0. Step-level ranges stay: a Windows 2000-only step is not applicable under Wine.
 */
export function openWindowsRanges(plan: Plan): void {
  const open = (a: { windows?: { min?: string; max?: string } }) => {
    if (a.windows) a.windows = { min: "5.0" };
  };
  open(plan.applies);
  for (const m of plan.methods) open(m.applies);
}

/** Paths on %SystemRoot% moved to %windir% (the same folder on Windows). */
export function windirPaths(plan: Plan): void {
  for (const { step } of allSteps(plan)) windirInsteadOfSystemRoot(step);
  for (const probe of allProbes(plan.detection)) windirInsteadOfSystemRoot(probe);
}

/** A Windows range Wine's 10.0 is outside of: the not-applicable scenario. */
export function onlyWindowsXp(plan: Plan): void {
  plan.applies = { ...plan.applies, windows: { min: "5.1", max: "5.1" } };
}

/** kb822798 for Wine: NT 5.x gates opened and %SystemRoot% paths on %windir%. */
export function kb822798ForWine(plan: Plan): void {
  openWindowsRanges(plan);
  windirPaths(plan);
}
