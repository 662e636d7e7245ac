// Which of the playbook's parameters a part of the plan reads: a path based on one
// ({ base: { kind: "param", name } }) or a field naming one ({ parameter: name }). Nested steps
// (a per-user block's) are their own part and are not entered.
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
