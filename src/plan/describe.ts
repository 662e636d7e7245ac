// The plan in words, shared by `kbfix explain` and the reviewers' README: what
// is checked, what would change, in order, per method.
import { evidenceKinds } from "../evidence/index.js";
import type { EvidenceKind, PlanEvidence, PlanProbeBase } from "../evidence/evidence-kind.js";
import { windowsName } from "../model/nt-version.js";
import { PRODUCTS } from "../model/products.js";
import { stepKinds } from "../steps/index.js";
import type { PlanGuard, PlanStepBase, StepKind } from "../steps/step-kind.js";
import type { Applicability, Plan, PlanMethod } from "./plan.js";
import { nestedSteps } from "./walk.js";

export function describeApplicability(a: Applicability): string {
  const parts: string[] = [];
  if (a.windows) {
    const { min, max } = a.windows;
    const range =
      min && max
        ? min === max
          ? windowsName(min)
          : `${windowsName(min)} to ${windowsName(max)}`
        : min
          ? `${windowsName(min)} and later`
          : `up to ${windowsName(max!)}`;
    parts.push(`${range} (NT ${min ?? "*"}-${max ?? "*"})`);
  }
  if (a.architecture) parts.push(a.architecture.join("/"));
  if (a.product) {
    const p = a.product;
    parts.push(
      `${PRODUCTS[p.id].title} installed${p.minVersion ? ` >= ${p.minVersion}` : ""}${p.belowVersion ? ` < ${p.belowVersion}` : ""}`,
    );
  }
  if (a.context) parts.push(`runs as ${a.context === "system" ? "SYSTEM" : "the user"}`);
  return parts.length ? parts.join("; ") : "any Windows";
}

export function describeEvidence(e: PlanEvidence, indent = ""): string[] {
  if (e.kind === "any" || e.kind === "all") {
    const items = e.items as PlanEvidence[];
    return [
      `${indent}${e.kind === "any" ? "any" : "all"} of:`,
      ...items.flatMap((i) => describeEvidence(i, indent + "  ")),
    ];
  }
  const kind = evidenceKinds[e.kind as keyof typeof evidenceKinds] as EvidenceKind | undefined;
  const probe = e as PlanProbeBase;
  return [`${indent}- [${probe.id}] ${kind ? kind.describe(probe) : probe.kind}`];
}

export function describeGuard(g: PlanGuard | undefined): string {
  if (!g) return "";
  if (g.kind === "evidence")
    return g.id === "detection"
      ? "only while detection finds the problem"
      : `only while evidence '${g.id}' is present`;
  return g.kind === "creates"
    ? `skipped when ${g.path.text} exists`
    : `only while ${g.path.text} exists`;
}

const IDEMPOTENCE_WORDS: Record<StepKind["idempotence"], string> = {
  state: "test, then set only what differs, then test again",
  "one-shot": "one-shot",
  report: "reported, changes nothing",
  composite: "per profile, as its steps",
};

export function describeStep(step: PlanStepBase): string {
  const kind = stepKinds[step.kind as keyof typeof stepKinds] as StepKind | undefined;
  const what = kind ? kind.describe(step) : step.kind;
  const how = kind ? IDEMPOTENCE_WORDS[kind.idempotence] : "unknown kind";
  const guard = describeGuard(step.guard);
  const verify = describeVerify(step);
  return `${what} [${step.id}; ${how}${guard ? `; ${guard}` : ""}${verify ? `; ${verify}` : ""}]`;
}

/** "then fails unless [probe] ... finds no problem" */
function describeVerify(step: PlanStepBase): string {
  const probe = step.verify?.probe;
  if (!probe) return "";
  const kind = evidenceKinds[probe.kind as keyof typeof evidenceKinds] as EvidenceKind | undefined;
  const what = kind ? kind.describe(probe as PlanProbeBase) : probe.kind;
  return `then verified: did not stick if [${probe.id}] ${what}`;
}

export function describeMethod(m: PlanMethod): string[] {
  const lines = [
    `Method ${m.kbMethod}: ${m.title} (${m.id}) - risk ${m.risk}${m.risk === "high" ? " (opt-in)" : ""}, reboot ${m.reboot}`,
  ];
  if (Object.keys(m.applies).length) lines.push(`  applies: ${describeApplicability(m.applies)}`);
  if (m.services.length)
    lines.push(
      `  stops ${m.services.join(", ")} first and starts it again afterwards, whatever happens`,
    );
  if (m.startAtEnd.length)
    lines.push(
      `  starts ${m.startAtEnd.join(", ")} at the end, whatever state they were in before`,
    );
  m.steps.forEach((s, i) => {
    lines.push(`  ${i + 1}. ${describeStep(s)}`);
    nestedSteps(s).forEach((inner, j) =>
      lines.push(`     ${i + 1}.${j + 1} ${describeStep(inner)}`),
    );
  });
  return lines;
}

export function describePlan(plan: Plan): string[] {
  return [
    `${plan.id}: ${plan.title} (${plan.kb.length ? `KB${plan.kb.join(", KB")}` : plan.source.url}, revision ${plan.source.revision})`,
    `Applies to: ${describeApplicability(plan.applies)}`,
    plan.strategy === "escalate"
      ? "Strategy: escalate - methods run in order; detection runs again after each, and the run stops once it is clean. A failed method stops the run: no later method runs."
      : "Strategy: all - every applicable method runs in order. A failed method stops the run: no later method runs.",
    "",
    "Detection (the problem is present when):",
    ...describeEvidence(plan.detection, "  "),
    "",
    ...plan.methods.flatMap((m) => [...describeMethod(m), ""]),
  ];
}
