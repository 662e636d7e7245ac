// A declared parameter nothing uses is probably a typo or a leftover.
import type { Check } from "./check-input.js";

export const unusedParameters: Check = ({ plan, at }) => {
  const used = new Set<string>();
  collectUses({ methods: plan.methods, detection: plan.detection }, used);
  for (const p of plan.parameters) {
    if (!used.has(p.name)) {
      at(
        p.span,
        "warning",
        "unused-parameter",
        `parameter '${p.name}' is declared but no step or probe uses it`,
        `use it as %${p.name}% in a path, { parameter: ${p.name} } in run args, or importFrom: ${p.name}`,
      );
    }
  }
};

/** Finds parameter uses anywhere in the plan: path bases, run arguments, imports. */
function collectUses(node: unknown, used: Set<string>): void {
  if (Array.isArray(node)) return node.forEach((n) => collectUses(n, used));
  if (!node || typeof node !== "object") return;
  const record = node as Record<string, any>;
  if (record.kind === "param" && typeof record.name === "string") used.add(record.name);
  if (typeof record.parameter === "string") used.add(record.parameter);
  if (typeof record.importFrom === "string") used.add(record.importFrom);
  // Spans (a node's and its fields') hold positions only: most of the objects of a plan.
  // Keys, not entries: this visits every node of the plan, and a pair array per field was most
  // of what the walk allocated.
  for (const key of Object.keys(record))
    if (key !== "span" && key !== "fieldSpans") collectUses(record[key], used);
}
