// The longest a remediation run can take, from the waits its runtime allows: what a Group Policy
// startup script has to fit into (MaxGPOScriptWait, 600 s unless a policy changes it), and what
// a ConfigMgr deployment type's maximum run time must allow. The constants mirror the runtime
// (templates/ps1/runtime: services.ps1, steps/register-dlls.ps1); a test keeps them equal.
import type { Plan, PlanMethod } from "../plan/plan.js";
import type { PlanStep } from "../steps/index.js";
import type { PlanStepBase } from "../steps/step-kind.js";

export const SERVICE_WAIT_SECONDS = 60;
export const REGISTER_WAIT_SECONDS = 60;
/** Windows' default for all startup scripts together. */
export const GPO_SCRIPT_WAIT_SECONDS = 600;

export interface TimeItem {
  what: string;
  seconds: number;
}

/** A service stop or start may wait twice: for a pending state to settle, then for the change. */
const SERVICE_CHANGE_SECONDS = 2 * SERVICE_WAIT_SECONDS;

function stepItems(method: PlanMethod, step: PlanStepBase): TimeItem[] {
  const s = step as PlanStep;
  const what = `${method.id}/${s.id}`;
  switch (s.kind) {
    case "run":
      return [{ what: `${what}: program timeout`, seconds: s.timeoutSeconds }];
    case "service":
      return [{ what: `${what}: service change`, seconds: SERVICE_CHANGE_SECONDS }];
    case "register-dlls":
      return [
        {
          what: `${what}: regsvr32 x${s.dlls.length}`,
          seconds: s.dlls.length * REGISTER_WAIT_SECONDS,
        },
      ];
    case "per-user":
      return s.steps.flatMap((inner) => stepItems(method, inner));
    default:
      return [];
  }
}

function methodItems(method: PlanMethod): TimeItem[] {
  const services = method.services.map((name) => ({
    what: `${method.id}: stop and restart ${name}`,
    seconds: 2 * SERVICE_CHANGE_SECONDS,
  }));
  const atEnd = method.startAtEnd.map((name) => ({
    what: `${method.id}: start ${name} at the end`,
    seconds: SERVICE_CHANGE_SECONDS,
  }));
  return [...services, ...method.steps.flatMap((step) => stepItems(method, step)), ...atEnd];
}

/** Every wait of every method: the worst case runs them all (strategy escalate may stop early). */
export function worstCaseItems(plan: Plan): readonly TimeItem[] {
  return budgetOf(plan).items;
}

export function worstCaseSeconds(plan: Plan): number {
  return budgetOf(plan).seconds;
}

/**
 * Worked out once per plan's methods: the README, the ConfigMgr application and the Group
 * Policy check each ask, up to five times a compile. Keyed on the methods array, which no
 * stage changes once lowered (as the step walk of plan/walk.ts is).
 */
const budgets = new WeakMap<readonly PlanMethod[], { items: TimeItem[]; seconds: number }>();

function budgetOf(plan: Plan): { items: TimeItem[]; seconds: number } {
  let budget = budgets.get(plan.methods);
  if (!budget) {
    const items = plan.methods.flatMap(methodItems).filter((item) => item.seconds > 0);
    budget = { items, seconds: items.reduce((sum, item) => sum + item.seconds, 0) };
    budgets.set(plan.methods, budget);
  }
  return budget;
}
