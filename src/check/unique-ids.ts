// Ids name steps in logs, results and -Method arguments: they must be unique.
import { allProbes, allSteps } from "../plan/walk.js";
import type { Check } from "./check-input.js";
import type { Span } from "../diagnostic.js";

export const uniqueIds: Check = ({ plan, at }) => {
  const groups: [string, { id: string; span: Span }[]][] = [
    ["method", plan.methods],
    ["step", allSteps(plan).map((v) => v.step)],
    ["evidence", allProbes(plan.detection)],
    ["parameter", plan.parameters.map((p) => ({ id: p.name, span: p.span }))],
  ];
  for (const [what, items] of groups) {
    const first = new Map<string, Span>();
    for (const item of items) {
      const earlier = first.get(item.id.toLowerCase());
      if (earlier) {
        at(
          item.span,
          "error",
          "duplicate-id",
          `${what} id '${item.id}' is already used at line ${earlier.line}`,
          "give each a unique id",
        );
      } else first.set(item.id.toLowerCase(), item.span);
    }
  }
};
