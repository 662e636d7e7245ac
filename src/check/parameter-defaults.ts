// A parameter's default must be a value the parameter accepts, and a switch
// cannot default to on: Windows PowerShell's -File cannot pass -Switch:$false, so
// the 64-bit relaunch could never turn it off.
import type { PlanParameter } from "../plan/plan.js";
import type { Check } from "./check-input.js";

/**
 * Why `value` is not one the parameter accepts (`what` names it: "default", "site value"), or
 * undefined when it is.
 */
/** A value as the author wrote it: numbers as numbers (JSON would show NaN as null). */
const shown = (value: unknown) =>
  typeof value === "number" ? String(value) : JSON.stringify(value);

export function valueProblem(p: PlanParameter, value: unknown, what: string): string | undefined {
  if (p.type === "switch")
    return value === false
      ? undefined
      : `a switch cannot ${what === "default" ? "default to" : `have the ${what}`} ${shown(value)} (it could never be turned off through -File)`;
  if (p.type === "int") {
    if (!Number.isInteger(value)) return `${what} ${shown(value)} is not an integer`;
    const n = value as number;
    if ((p.minimum !== undefined && n < p.minimum) || (p.maximum !== undefined && n > p.maximum))
      return `${what} ${n} is outside ${p.minimum ?? "*"}..${p.maximum ?? "*"}`;
    return undefined;
  }
  if (typeof value !== "string") return `${what} ${shown(value)} is not a string`;
  if (p.type === "enum" && !(p.values ?? []).includes(value))
    return `${what} '${value}' is not one of ${(p.values ?? []).join(", ")}`;
  if (p.pattern && !safeRegex(p.pattern)?.test(value))
    return `${what} '${value}' does not match the pattern`;
  return undefined;
}

function defaultProblem(p: PlanParameter): string | undefined {
  return p.default === undefined ? undefined : valueProblem(p, p.default, "default");
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
