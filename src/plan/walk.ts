// Visiting every step (per-user steps included) and every probe of a plan.
// Entries whose own lowering failed are skipped: their errors are reported already.
import type { PlanEvidence, PlanProbeBase } from "../evidence/evidence-kind.js";
import { stepKinds, type PlanStep } from "../steps/index.js";
import type { StepKind } from "../steps/step-kind.js";
import type { Plan, PlanMethod } from "./plan.js";

export interface StepVisit {
  method: PlanMethod;
  step: PlanStep;
  /** The per-user step this one runs inside, if any. */
  parent?: PlanStep;
}

const valid = (entry: { invalid?: boolean }) => !entry.invalid;

/**
 * Visits by methods list: the checks, the views and each script's runtime cuts walk the same
 * plan about a dozen times. A plan's methods and steps are fixed once lowered (a step's fields
 * may change, and a visit holds the step itself), and a plan with other methods has another list.
 */
const visits = new WeakMap<readonly PlanMethod[], readonly StepVisit[]>();

export function allSteps(plan: Plan): readonly StepVisit[] {
  let known = visits.get(plan.methods);
  if (!known) visits.set(plan.methods, (known = visitSteps(plan.methods)));
  return known;
}

/** The steps a step runs inside itself: the field its kind passes as a block (per-user). */
export function nestedSteps(step: PlanStep): PlanStep[] {
  const field = (stepKinds[step.kind] as StepKind | undefined)?.ps1.block?.field;
  return field ? ((step as unknown as Record<string, PlanStep[]>)[field] ?? []) : [];
}

function visitSteps(methods: readonly PlanMethod[]): StepVisit[] {
  return methods.flatMap((method) =>
    method.steps.filter(valid).flatMap((step) => {
      const inner = nestedSteps(step).filter(valid);
      return [{ method, step }, ...inner.map((s) => ({ method, step: s, parent: step }))];
    }),
  );
}

/** Every probe a plan runs: the detection's, then each step's verify probe written in place. */
export function allPlanProbes(plan: Plan): PlanProbeBase[] {
  return [
    ...allProbes(plan.detection),
    ...allSteps(plan).flatMap((v) => (v.step.verify?.probe ? [v.step.verify.probe] : [])),
  ];
}

export function allProbes(evidence: PlanEvidence): PlanProbeBase[] {
  if (evidence.kind === "any" || evidence.kind === "all") {
    return (evidence.items as PlanEvidence[]).flatMap(allProbes);
  }
  return (evidence as { invalid?: boolean }).invalid ? [] : [evidence as PlanProbeBase];
}
