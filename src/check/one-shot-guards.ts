// One-shot actions cannot be tested by state, so each needs a guard that makes
// a second run a no-op (docs/emitted-script-rules.md#one-shot-guards). Inside per-user, the per-user step's own guard counts.
import { stepKinds } from "../steps/index.js";
import { allSteps } from "../plan/walk.js";
import type { Check } from "./check-input.js";

export const oneShotGuards: Check = ({ plan, at }) => {
  for (const { step, parent } of allSteps(plan)) {
    const kind = stepKinds[step.kind];
    if (kind?.idempotence === "one-shot" && !step.guard && !parent?.guard) {
      at(
        step.span,
        "error",
        "missing-guard",
        `one-shot step '${step.id}' (${step.kind}) has no guard`,
        "add guard: { evidence: detection } (or creates: / removes:) so a repeat run does not act again",
      );
    }
  }
};
