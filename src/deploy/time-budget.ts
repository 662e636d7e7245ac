// The longest a remediation run can take, from the waits its runtime allows: what a Group Policy
// startup script has to fit into (MaxGPOScriptWait, 600 s unless a policy changes it), and what
// a ConfigMgr deployment type's maximum run time must allow. Each step kind declares its own
// waits (`waits` on the kind, from the runtime's constants in model/runtime-waits.ts).
import type { Plan, PlanMethod } from "../plan/plan.js";
import { SERVICE_CHANGE_SECONDS, type StepWait } from "../model/runtime-waits.js";
import { stepKinds, type StepKindName } from "../steps/index.js";
import type { PlanStepBase, StepKind } from "../steps/step-kind.js";

/** Windows' default for all startup scripts together. */
export const GPO_SCRIPT_WAIT_SECONDS = 600;

export type TimeItem = StepWait;

/** A step's waits, as its kind declares them; a step holding steps (per-user) adds theirs. */
function stepItems(method: PlanMethod, step: PlanStepBase): TimeItem[] {
  const kind = stepKinds[step.kind as StepKindName] as StepKind;
  const what = `${method.id}/${step.id}`;
  const own = (kind?.waits?.(step) ?? []).map((w) => ({
    what: `${what}: ${w.what}`,
    seconds: w.seconds,
  }));
  const nested = (step as { steps?: PlanStepBase[] }).steps ?? [];
  return [...own, ...nested.flatMap((inner) => stepItems(method, inner))];
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
