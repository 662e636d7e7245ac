// Ids name steps in logs, results and -Method arguments: they must be unique.
// A probe written inline under a step's verify: reports its result under its own id next to the
// detection probes and the steps, so it must differ from both (a verify: { evidence: X } reuses
// probe X on purpose and is not a new id).
import { allProbes, allSteps } from "../plan/walk.js";
import type { Check } from "./check-input.js";
import type { Span } from "../diagnostic.js";
import type { Plan } from "../plan/plan.js";

interface Named {
  id: string;
  span: Span;
}

export const uniqueIds: Check = ({ plan, at }) => {
  const steps = allSteps(plan).map((v) => v.step);
  const verifyProbes = inlineVerifyProbes(plan);
  const groups: [string, Named[]][] = [
    ["method", plan.methods],
    ["step", steps],
    ["evidence", [...allProbes(plan.detection), ...verifyProbes]],
    ["parameter", plan.parameters.map((p) => ({ id: p.name, span: p.span }))],
  ];
  const report = (item: Named, what: string, earlier: Span) =>
    at(
      item.span,
      "error",
      "duplicate-id",
      `${what} id '${item.id}' is already used at line ${earlier.line}`,
      "give each a unique id",
    );
  for (const [what, items] of groups) {
    const first = new Map<string, Span>();
    for (const item of items) {
      const earlier = first.get(item.id.toLowerCase());
      if (earlier) report(item, what, earlier);
      else first.set(item.id.toLowerCase(), item.span);
    }
  }
  const stepIds = new Map(steps.map((s) => [s.id.toLowerCase(), s.span]));
  for (const probe of verifyProbes) {
    const step = stepIds.get(probe.id.toLowerCase());
    if (step) report(probe, "verify probe", step);
  }
};

/** Probes written under a step's verify: (not the copies a verify: { evidence: X } gets). */
function inlineVerifyProbes(plan: Plan): Named[] {
  return allSteps(plan).flatMap(({ step }) => {
    const probe = step.verify?.probe;
    if (!probe || step.verify?.ref !== undefined) return [];
    return [{ id: probe.id, span: probe.span }];
  });
}
