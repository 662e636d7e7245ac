// Visiting every step (per-user steps included) and every probe of a plan.
import type { PlanEvidence, PlanProbeBase } from "../evidence/evidence-kind.js";
import type { PlanStep } from "../steps/index.js";
import type { Plan, PlanMethod } from "./plan.js";

export interface StepVisit {
  method: PlanMethod;
  step: PlanStep;
  /** The per-user step this one runs inside, if any. */
  parent?: PlanStep;
}

export function allSteps(plan: Plan): StepVisit[] {
  return plan.methods.flatMap((method) =>
    method.steps.flatMap((step) => [
      { method, step },
      ...(step.kind === "per-user"
        ? step.steps.map((inner) => ({ method, step: inner as PlanStep, parent: step }))
        : []),
    ]),
  );
}

export function allProbes(evidence: PlanEvidence): PlanProbeBase[] {
  if (evidence.kind === "any" || evidence.kind === "all") {
    return (evidence.items as PlanEvidence[]).flatMap(allProbes);
  }
  return [evidence as PlanProbeBase];
}
