// A parameter's default must be a value the parameter accepts, and a switch
// cannot default to on: Windows PowerShell's -File cannot pass -Switch:$false, so
// the 64-bit relaunch could never turn it off.
import type { PlanParameter } from "../plan/plan.js";
import type { Check } from "./check-input.js";

/** A value as the author wrote it: numbers as numbers (JSON would show NaN as null). */
const shown = (value: unknown) =>
  typeof value === "number" ? String(value) : JSON.stringify(value);

/**
 * An int both scripts take as a default: PowerShell's [int], and with a batch script whole numbers
 * of up to nine digits without a sign (what the batch argument check and quoting accept).
 */
function intProblem(p: PlanParameter, n: number, what: string, batch: boolean): string | undefined {
  if ((p.minimum !== undefined && n < p.minimum) || (p.maximum !== undefined && n > p.maximum))
    return `${what} ${n} is outside ${p.minimum ?? "*"}..${p.maximum ?? "*"}`;
  if (batch && (n < 0 || n > 999_999_999))
    return `${what} ${n} is outside what the batch script takes (0..999999999)`;
  if (n < -2_147_483_648 || n > 2_147_483_647) return `${what} ${n} is outside PowerShell's [int]`;
  return undefined;
}

/**
 * Why `value` is not one the parameter accepts (`what` names it: "default", "site value"; `batch`:
 * the playbook has a batch script too), or undefined when it is.
 */
export function valueProblem(
  p: PlanParameter,
  value: unknown,
  what: string,
  batch: boolean,
): string | undefined {
  if (p.type === "switch")
    return value === false
      ? undefined
      : `${what} ${shown(value)}: a switch can only be false (on by default it could never be turned off through -File)`;
  if (p.type === "int")
    return Number.isInteger(value)
      ? intProblem(p, value as number, what, batch)
      : `${what} ${shown(value)} is not an integer`;
  if (typeof value !== "string") return `${what} ${shown(value)} is not a string`;
  if (p.type === "enum" && !(p.values ?? []).includes(value))
    return `${what} '${value}' is not one of ${(p.values ?? []).join(", ")}`;
  if (p.pattern && !safeRegex(p.pattern)?.test(value))
    return `${what} '${value}' does not match the pattern`;
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
  const batch = plan.targets.includes("cmd");
  for (const p of plan.parameters) {
    const problem =
      p.default === undefined ? undefined : valueProblem(p, p.default, "default", batch);
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
