// Steps that delete or move data act only below a known base (never a parameter,
// never the base itself) and never on folders Windows cannot rebuild.
import { DRIVE_BASE, MACHINE_BASES, type PathExpr } from "../model/path-expr.js";
import { allSteps } from "../plan/walk.js";
import { stepKinds, type PlanStep } from "../steps/index.js";
import type { StepKind } from "../steps/step-kind.js";
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

/**
 * Top-level folders of the system drive a rename or clear must never target, lowercase:
 * Windows, the program and profile folders, and what setup and recovery keep there.
 */
const PROTECTED_ON_SYSTEM_DRIVE = [
  "windows",
  "program files",
  "program files (x86)",
  "programdata",
  "users",
  "documents and settings",
  "boot",
  "recovery",
  "system volume information",
  "$recycle.bin",
];

/** What a destructive kind (its `destructive` declaration) deletes or moves. */
function targetOf(step: PlanStep): { path: PathExpr; wholeFolder: boolean } | undefined {
  const destructive = (stepKinds[step.kind] as StepKind).destructive;
  if (!destructive) return undefined;
  const path = (step as unknown as Record<string, PathExpr>)[destructive.field]!;
  return { path, wholeFolder: destructive.wholeFolder };
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
        `destructive steps must start at a machine base (${MACHINE_BASES.map((b) => `%${b}%`).join(", ")}) or %profile%`,
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
  if (path.base.kind !== "env") return false;
  const below = path.segments.map((s) => s.toLowerCase());
  if (path.base.name === DRIVE_BASE) {
    // %SystemDrive%\Windows\System32 is as protected as %windir%\System32.
    if (below[0] === "windows") return PROTECTED_UNDER_WINDIR.includes(below.slice(1).join("\\"));
    return below.length === 1 && PROTECTED_ON_SYSTEM_DRIVE.includes(below[0]!);
  }
  if (!["windir", "SystemRoot"].includes(path.base.name)) return false;
  return PROTECTED_UNDER_WINDIR.includes(below.join("\\"));
}
