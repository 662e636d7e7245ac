// A guard `evidence: <id>` must name a probe of the detection (or 'detection').
import { suggestion } from "../front/did-you-mean.js";
import { allProbes, allSteps } from "../plan/walk.js";
import type { Check } from "./check-input.js";

export const DETECTION_GUARD = "detection";

export const guardReferences: Check = ({ plan, at }) => {
  const ids = [DETECTION_GUARD, ...allProbes(plan.detection).map((p) => p.id)];
  for (const { step } of allSteps(plan)) {
    if (step.guard?.kind === "evidence" && !ids.includes(step.guard.id)) {
      at(
        step.span,
        "error",
        "unknown-evidence",
        `step '${step.id}' is guarded by unknown evidence '${step.guard.id}'`,
        suggestion(step.guard.id, ids),
      );
    }
  }
};
