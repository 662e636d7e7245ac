// Which of the playbook's own parameters a part of the plan reads: a path based on
// a path parameter (%Name%\...), or a run argument { parameter: Name }.
import type { Plan } from "./plan.js";
import { allProbes } from "./walk.js";

/** The parameter names a plan node reads, nested steps and spans left out. */
export function parametersIn(value: unknown): string[] {
  if (value === null || typeof value !== "object") return [];
  if (Array.isArray(value)) return value.flatMap(parametersIn);
  const o = value as Record<string, unknown>;
  const base = o.base as { kind?: string; name?: string } | undefined;
  if (base?.kind === "param" && base.name) return [base.name];
  if (typeof o.parameter === "string") return [o.parameter];
  return Object.entries(o)
    .filter(([k]) => k !== "steps" && k !== "span" && k !== "fieldSpans")
    .flatMap(([, v]) => parametersIn(v));
}

/** The parameters the detection's probes read; a detection script ignores the others. */
export function parametersReadByDetection(plan: Plan): Set<string> {
  return new Set(allProbes(plan.detection).flatMap(parametersIn));
}
