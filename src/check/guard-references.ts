// A guard `evidence: <id>` must name a probe of the detection (or 'detection'); a verify
// names one probe, of a live kind (history evidence outlasts the fix).
import { suggestion } from "../front/did-you-mean.js";
import { evidenceKinds, type EvidenceKindName } from "../evidence/index.js";
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
    const ref = step.verify?.ref;
    if (ref !== undefined && !step.verify!.probe) {
      at(
        step.verify!.span,
        "error",
        "unknown-evidence",
        `step '${step.id}' verifies with unknown evidence '${ref}'`,
        suggestion(ref, ids.slice(1)),
      );
    }
    const probe = step.verify?.probe;
    if (probe && evidenceKinds[probe.kind as EvidenceKindName]?.history) {
      at(
        step.verify!.span,
        "error",
        "bad-verify",
        `step '${step.id}' verifies with ${probe.kind} evidence, which still shows the old problem after a fix`,
        "verify with live evidence: a state (service-state, registry-value, file-size, command ...)",
      );
    }
  }
};
