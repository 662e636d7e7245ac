// Steps that delete or move data act only below a known base (never a parameter,
// never the base itself) and never on folders Windows cannot rebuild.
import type { PathExpr } from "../model/path-expr.js";
import { allSteps } from "../plan/walk.js";
import type { PlanStep } from "../steps/index.js";
import type { Check } from "./check-input.js";

/** Folders a rename or clear must never target, lowercase, relative to %windir%. */
const PROTECTED_UNDER_WINDIR = [
  "",
  "system32",
  "syswow64",
  "system32\\catroot",
  "system32\\config",
  "system32\\drivers",
  "inf",
  "winsxs",
];

function targetOf(step: PlanStep): { path: PathExpr; wholeFolder: boolean } | undefined {
  if (step.kind === "rename" || step.kind === "clear-folder")
    return { path: step.path, wholeFolder: true };
  if (step.kind === "delete-files") return { path: step.folder, wholeFolder: false };
  return undefined;
}

export const destructivePaths: Check = ({ plan, at }) => {
  for (const { step } of allSteps(plan)) {
    const target = targetOf(step);
    if (!target) continue;
    const { path, wholeFolder } = target;
    if (path.base.kind === "param") {
      at(
        step.span,
        "error",
        "destructive-path-base",
        `step '${step.id}' deletes or moves under parameter path '${path.text}'`,
        "destructive steps must start at %windir%, %SystemRoot%, %ProgramData%, %ProgramFiles% or %profile%",
      );
    } else if (wholeFolder && path.segments.length === 0) {
      at(
        step.span,
        "error",
        "protected-path",
        `step '${step.id}' would act on the base folder '${path.text}' itself`,
        "name a folder below the base",
      );
    } else if (wholeFolder && isProtected(path)) {
      at(
        step.span,
        "error",
        "protected-path",
        `step '${step.id}' would rename or empty '${path.text}', which Windows does not rebuild`,
        "act on a folder Windows recreates (e.g. catroot2, never catroot)",
      );
    }
  }
};

function isProtected(path: PathExpr): boolean {
  if (path.base.kind !== "env" || !["windir", "SystemRoot"].includes(path.base.name)) return false;
  return PROTECTED_UNDER_WINDIR.includes(path.segments.join("\\").toLowerCase());
}
