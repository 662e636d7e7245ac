// The view a template sees: the plan plus the names of the partials to use for
// each step and probe, and the facts the header needs. No quoting happens here.
import type { PlanEvidence, PlanProbeBase } from "../evidence/evidence-kind.js";
import { evidenceKinds, type EvidenceKindName } from "../evidence/index.js";
import { EXIT_CODES, DETECTION_EXIT_CODES } from "../model/exit-codes.js";
import type { Applicability, Plan, PlanMethod } from "../plan/plan.js";
import { allPlanProbes, allProbes, allSteps } from "../plan/walk.js";
import { SCHEMA_VERSION } from "../schema/playbook-schema.js";
import type { PlanStepBase } from "../steps/step-kind.js";
import { TOOL_NAME, TOOL_VERSION } from "../version.js";

export type StepView = Omit<PlanStepBase, "applies"> & {
  applies: Applicability | false;
  partial: string;
  inPerUser: boolean;
  /** A step holding steps (per-user): they run in a script block after the call. */
  hasSteps: boolean;
  steps?: StepView[];
  [field: string]: unknown;
};
export type EvidenceView = { partial: string; mode?: string; items?: EvidenceView[] } & Record<
  string,
  unknown
>;

export interface PlaybookView {
  plan: Plan;
  tool: { name: string; version: string; schemaVersion: number };
  sourceName: string;
  methods: (PlanMethod & { stepViews: StepView[] })[];
  detection: EvidenceView;
  methodIds: string[];
  exitCodes: typeof EXIT_CODES;
  detectionExitCodes: typeof DETECTION_EXIT_CODES;
  stepKinds: string[];
  probeKinds: string[];
  parameterNames: string[];
  parameterViews: Record<string, unknown>[];
  hasParameters: boolean;
  historyProbeIds: string[];
  requiredParameters: string[];
  scriptName?: string;
  /** The remediation script's file name, for the detection script's help. */
  remediationName: string;
}

/** File names that are safe to show in a comment; anything else is withheld. */
export function safeSourceName(file: string): string {
  const posix = file.replace(/\\/g, "/");
  return /^[A-Za-z0-9._/-]{1,200}$/.test(posix)
    ? posix
    : "(playbook path withheld: unusual characters)";
}

function stepView(target: string, step: PlanStepBase, inPerUser: boolean): StepView {
  const nested = (step as { steps?: PlanStepBase[] }).steps;
  return {
    ...step,
    // Strict templates throw on absent keys: optional fields are always present.
    guard: step.guard,
    applies: step.applies ?? false,
    partial: target === "ps1" ? "ps1/partials/step-call" : "cmd/steps/call",
    inPerUser,
    hasSteps: nested !== undefined,
    ...(nested ? { steps: nested.map((s) => stepView(target, s, true)) } : {}),
  };
}

/**
 * The detection with every probe call on one line (ps1/probes/inline): the layout of the
 * detection scripts, which ConfigMgr takes only up to 32 KB, where the remediation splits a long
 * call into one field per line. One copy per view, so both detection scripts share its text.
 */
export function inlineProbes(view: EvidenceView): EvidenceView {
  let inline = inlined.get(view);
  if (!inline) inlined.set(view, (inline = inlineCopy(view)));
  return inline;
}

const inlined = new WeakMap<EvidenceView, EvidenceView>();

function inlineCopy(view: EvidenceView): EvidenceView {
  if (view.items) return { ...view, items: view.items.map(inlineProbes) };
  return { ...view, partial: "ps1/probes/inline" };
}

function evidenceView(target: string, e: PlanEvidence): EvidenceView {
  if (e.kind === "any" || e.kind === "all") {
    return {
      partial: `${target}/probes/group`,
      mode: e.kind,
      items: (e.items as PlanEvidence[]).map((i) => evidenceView(target, i)),
    };
  }
  // Probes are calls generated from their kind's declaration, for each target.
  const partial = `${target}/probes/call`;
  // Strict templates throw on absent keys: applies is always present.
  return { ...(e as PlanProbeBase), applies: (e as PlanProbeBase).applies ?? false, partial };
}

/** Views shared while one plan is emitted (sharingViews); undefined outside of it. */
let shared: Map<string, { plan: Plan; view: PlaybookView }> | undefined;

/**
 * Runs `emit` with one view per plan and target: the scripts, admin headers and README of a
 * compile all read the same view, so it is built once. Templates only read views; outside of
 * this (tests that change a plan and emit again) every call builds a fresh one.
 */
export function sharingViews<T>(emit: () => T): T {
  const outer = shared;
  shared = new Map();
  try {
    return emit();
  } finally {
    shared = outer;
  }
}

export function playbookView(plan: Plan, target: "ps1" | "cmd"): PlaybookView {
  const known = shared?.get(target);
  if (known?.plan === plan) return known.view;
  const view = buildPlaybookView(plan, target);
  shared?.set(target, { plan, view });
  return view;
}

function buildPlaybookView(plan: Plan, target: "ps1" | "cmd"): PlaybookView {
  return {
    plan,
    tool: { name: TOOL_NAME, version: TOOL_VERSION, schemaVersion: SCHEMA_VERSION },
    sourceName: safeSourceName(plan.file),
    methods: plan.methods.map((m) => ({
      ...m,
      stepViews: m.steps.map((s) => stepView(target, s, false)),
    })),
    detection: evidenceView(target, plan.detection),
    methodIds: plan.methods.map((m) => m.id),
    exitCodes: EXIT_CODES,
    detectionExitCodes: DETECTION_EXIT_CODES,
    stepKinds: [...new Set(allSteps(plan).map((v) => v.step.kind))].sort(),
    probeKinds: [...new Set(allPlanProbes(plan).map((p) => p.kind))].sort(),
    parameterNames: plan.parameters.map((p) => p.name),
    remediationName: `${plan.id}.ps1`,
    hasParameters: plan.parameters.length > 0,
    requiredParameters: plan.parameters.filter((p) => p.required).map((p) => p.name),
    historyProbeIds: allProbes(plan.detection)
      .filter((p) => evidenceKinds[p.kind as EvidenceKindName]?.history)
      .map((p) => p.id),
    parameterViews: plan.parameters.map((p) => ({
      ...p,
      hasDefault: p.default !== undefined,
      range: p.minimum !== undefined || p.maximum !== undefined,
      minimum: p.minimum ?? -2147483648,
      maximum: p.maximum ?? 2147483647,
      pattern: p.pattern ?? false,
      values: p.values ?? false,
      // A detection script accepts and ignores the parameters its probes do not read (emit-ps1).
      ignored: false,
    })),
  };
}
