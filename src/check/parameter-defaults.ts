// A parameter's default must be a value the parameter accepts, and a switch
// cannot default to on: Windows PowerShell's -File cannot pass -Switch:$false, so
// the 64-bit relaunch could never turn it off.
import type { PlanParameter } from "../plan/plan.js";
import type { Check } from "./check-input.js";

function defaultProblem(p: PlanParameter): string | undefined {
  const d = p.default;
  if (d === undefined) return undefined;
  if (p.type === "switch")
    return d === false
      ? undefined
      : "a switch cannot default to true (it could never be turned off through -File)";
  if (p.type === "int") {
    if (!Number.isInteger(d)) return `default ${JSON.stringify(d)} is not an integer`;
    if (
      (p.minimum !== undefined && (d as number) < p.minimum) ||
      (p.maximum !== undefined && (d as number) > p.maximum)
    )
      return `default ${d} is outside ${p.minimum ?? "*"}..${p.maximum ?? "*"}`;
    return undefined;
  }
  if (typeof d !== "string") return `default ${JSON.stringify(d)} is not a string`;
  if (p.type === "enum" && !(p.values ?? []).includes(d))
    return `default '${d}' is not one of ${(p.values ?? []).join(", ")}`;
  if (p.pattern && !safeRegex(p.pattern)?.test(d))
    return `default '${d}' does not match the pattern`;
  return undefined;
}

function safeRegex(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern);
  } catch {
    return undefined;
  }
}

export const parameterDefaults: Check = ({ plan, at }) => {
  for (const p of plan.parameters) {
    const problem = defaultProblem(p);
    if (problem)
      at(
        p.span,
        "error",
        "bad-default",
        `parameter '${p.name}': ${problem}`,
        "fix the default or remove it",
      );
    if (p.pattern && !safeRegex(p.pattern))
      at(
        p.span,
        "error",
        "bad-pattern",
        `parameter '${p.name}': the pattern is not a valid regular expression`,
        "PowerShell applies it with -match (.NET); keep to syntax .NET and JavaScript share",
      );
    if (p.type === "enum" && !p.values)
      at(
        p.span,
        "error",
        "enum-without-values",
        `enum parameter '${p.name}' lists no values`,
        "add values: [a, b]",
      );
    if (p.required && p.default !== undefined)
      at(
        p.span,
        "warning",
        "required-with-default",
        `parameter '${p.name}' is required but has a default`,
        "drop required, or drop the default",
      );
  }
};
