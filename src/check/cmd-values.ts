// For playbooks that target cmd: every value that enters the batch script must
// pass the whitelist, and steps or probes batch cannot express are reported.
import { evidenceKinds } from "../evidence/index.js";
import type { EvidenceKind } from "../evidence/evidence-kind.js";
import { cmdSafeReason } from "../model/cmd-safe.js";
import { stepKinds } from "../steps/index.js";
import type { StepKind } from "../steps/step-kind.js";
import type { Check, CheckInput } from "./check.js";

const GLOB_FIELDS = new Set(["include", "pattern"]);

export const cmdValues: Check = (input) => {
  if (!input.plan.targets.includes("cmd")) return;
  visitSteps(input, input.doc.methods ?? [], "/methods", true);
  visitEvidence(input, input.doc.detection, "/detection");
};

function visitSteps(input: CheckInput, methods: any[], pointer: string, topLevel: boolean): void {
  methods.forEach((m, i) => {
    const steps = topLevel ? m.steps : [m];
    const base = topLevel ? `${pointer}/${i}/steps` : pointer;
    (steps ?? []).forEach((s: any, j: number) => {
      const at = topLevel ? `${base}/${j}` : `${pointer}`;
      checkEntry(
        input,
        stepKinds[s.kind as keyof typeof stepKinds] as StepKind | undefined,
        s,
        at,
        "step",
      );
      if (s.kind === "per-user")
        s.steps.forEach((inner: any, k: number) =>
          checkEntry(
            input,
            stepKinds[inner.kind as keyof typeof stepKinds] as StepKind,
            inner,
            `${at}/steps/${k}`,
            "step",
          ),
        );
    });
    (m.services ?? []).forEach((svc: string, k: number) =>
      checkValue(input, svc, `${pointer}/${i}/services/${k}`, "services", false),
    );
  });
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
  for (const field of kind.cmdFields) {
    const value = raw[field];
    const values: [unknown, string][] = Array.isArray(value)
      ? value.map((v, i) => [v, `${field}/${i}`])
      : [[value, field]];
    for (const [v, f] of values) {
      if (typeof v === "string")
        checkValue(
          input,
          v.replace(/^%[^%]+%/, ""),
          `${pointer}/${f}`,
          field,
          GLOB_FIELDS.has(field),
        );
    }
  }
}

function checkValue(
  input: CheckInput,
  value: string,
  pointer: string,
  field: string,
  glob: boolean,
): void {
  const reason = cmdSafeReason(value, glob);
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
