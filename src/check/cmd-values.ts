// For playbooks that target cmd: every value that enters the batch script must
// pass the whitelist (step and probe fields, guard paths, services, parameter
// defaults), and steps or probes batch cannot express are reported.
import { evidenceKinds } from "../evidence/index.js";
import type { EvidenceKind } from "../evidence/evidence-kind.js";
import { cmdSafeReason } from "../model/cmd-safe.js";
import { stepKinds } from "../steps/index.js";
import type { StepKind } from "../steps/step-kind.js";
import type { Check, CheckInput } from "./check-input.js";

const GLOB_FIELDS = new Set(["include", "pattern"]);

export const cmdValues: Check = (input) => {
  if (!input.plan.targets.includes("cmd")) return;
  (input.doc.methods ?? []).forEach((m: any, i: number) => {
    (m.services ?? []).forEach((svc: string, k: number) =>
      checkValue(input, svc, `/methods/${i}/services/${k}`, "services", false),
    );
    (m.startAtEnd ?? []).forEach((svc: string, k: number) =>
      checkValue(input, svc, `/methods/${i}/startAtEnd/${k}`, "startAtEnd", false),
    );
    (m.steps ?? []).forEach((s: any, j: number) => visitStep(input, s, `/methods/${i}/steps/${j}`));
  });
  visitEvidence(input, input.doc.detection, "/detection");
  (input.doc.parameters ?? []).forEach((p: any, i: number) => {
    if (typeof p.default === "string")
      checkValue(input, p.default, `/parameters/${i}/default`, "default", false);
  });
};

function visitStep(input: CheckInput, step: any, pointer: string): void {
  checkEntry(
    input,
    stepKinds[step.kind as keyof typeof stepKinds] as StepKind | undefined,
    step,
    pointer,
    "step",
  );
  for (const which of ["creates", "removes"]) {
    const path = step.guard?.[which];
    if (typeof path === "string")
      checkValue(input, withoutBase(path), `${pointer}/guard/${which}`, which, false);
  }
  if (step.kind === "per-user")
    (step.steps ?? []).forEach((inner: any, k: number) =>
      visitStep(input, inner, `${pointer}/steps/${k}`),
    );
}

function visitEvidence(input: CheckInput, node: any, pointer: string): void {
  if (!node) return;
  for (const group of ["any", "all"]) {
    if (node[group])
      return node[group].forEach((n: any, i: number) =>
        visitEvidence(input, n, `${pointer}/${group}/${i}`),
      );
  }
  checkEntry(
    input,
    evidenceKinds[node.kind as keyof typeof evidenceKinds] as EvidenceKind | undefined,
    node,
    pointer,
    "probe",
  );
}

function checkEntry(
  input: CheckInput,
  kind: StepKind | EvidenceKind | undefined,
  raw: any,
  pointer: string,
  what: string,
): void {
  if (!kind) return;
  if (!kind.targets.cmd) {
    input.atPointer(
      pointer,
      "warning",
      "cmd-unsupported",
      `${what} '${raw.id}' (${kind.kind}) cannot be expressed in batch: ${kind.targets.why}`,
      "the batch script reports it as manual; use the PowerShell script for full coverage",
    );
    return;
  }
  const switches = new Set((kind as StepKind).cmdSwitchFields ?? []);
  for (const field of kind.cmdFields) {
    const value = raw[field];
    const values: [unknown, string][] = Array.isArray(value)
      ? value.map((v, i) => [v, `${field}/${i}`])
      : [[value, field]];
    for (const [v, f] of values) {
      if (typeof v === "string")
        checkValue(
          input,
          withoutBase(v),
          `${pointer}/${f}`,
          field,
          GLOB_FIELDS.has(field),
          switches.has(field),
        );
    }
  }
}

/** The %base% of a path is emitted by the compiler, not copied: only the rest is checked. */
function withoutBase(value: string): string {
  return value.replace(/^%[^%]+%/, "");
}

function checkValue(
  input: CheckInput,
  value: string,
  pointer: string,
  field: string,
  glob: boolean,
  switchAllowed = false,
): void {
  const reason = cmdSafeReason(value, glob, switchAllowed);
  if (reason) {
    input.atPointer(
      pointer,
      "error",
      "cmd-unsafe-value",
      `${field} value ${reason} (target cmd)`,
      "change the value, or remove cmd from targets to emit PowerShell only",
    );
  }
}
