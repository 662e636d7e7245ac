// Stage 4: a schema-valid playbook value becomes the typed plan. Kinds lower
// their own fields; this file only walks the document and fills defaults.
import type { Diagnostic } from "../diagnostic.js";
import { evidenceKinds, isEvidenceKindName } from "../evidence/index.js";
import type { PlanEvidence, PlanProbeBase } from "../evidence/evidence-kind.js";
import type { SourceMap } from "../front/source-map.js";
import { isStepKindName, stepKinds, type PlanStep } from "../steps/index.js";
import type { PlanGuard, PlanStepBase, PlanVerify, StepKind } from "../steps/step-kind.js";
import { allProbes } from "./walk.js";
import type { EvidenceKind } from "../evidence/evidence-kind.js";
import { fieldSpans } from "./field-spans.js";
import { lowerContext, type LowerScope } from "./lower-context.js";
import type { Plan, PlanMethod, PlanParameter } from "./plan.js";

/** The kinds a per-user step may hold, as each kind declares (`perUser`). */
const PER_USER_KINDS = Object.values(stepKinds)
  .filter((k) => (k as StepKind).perUser)
  .map((k) => k.kind);

type Raw = Record<string, any>;

export function lowerPlaybook(
  file: string,
  /** The loaded source; its hash is read only when a stage asks for plan.sha256. */
  source: { readonly sha256: string },
  doc: Raw,
  map: SourceMap,
  diagnostics: Diagnostic[],
): Plan {
  const parameters: PlanParameter[] = (doc.parameters ?? []).map((p: Raw, i: number) => ({
    required: false,
    ...p,
    span: map.value(`/parameters/${i}`),
    fieldSpans: fieldSpans(map, `/parameters/${i}`, p),
  }));
  const scope: LowerScope = {
    file,
    map,
    diagnostics,
    parameterTypes: new Map(parameters.map((p) => [p.name, p.type])),
    lowerSteps: (pointer, raw, inPerUser) =>
      raw.map((s, i) => lowerStep(scope, `${pointer}/${i}`, s as Raw, inPerUser)),
  };
  const plan: Plan = {
    file,
    get sha256() {
      return source.sha256;
    },
    schemaVersion: doc.schemaVersion,
    id: doc.id,
    title: doc.title,
    kb: doc.kb ?? [],
    source: {
      url: doc.source.url,
      revision: doc.source.revision,
      language: doc.source.language,
      notes: doc.source.notes ?? [],
    },
    summary: doc.summary,
    targets: doc.targets,
    applies: doc.applies ?? {},
    parameters,
    detection: lowerEvidence(scope, "/detection", doc.detection),
    strategy: doc.strategy,
    methods: doc.methods.map((m: Raw, i: number) => lowerMethod(scope, `/methods/${i}`, m)),
    fieldSpans: fieldSpans(map, "", doc),
  };
  resolveVerifyReferences(plan);
  return plan;
}

function lowerMethod(scope: LowerScope, pointer: string, m: Raw): PlanMethod {
  return {
    id: m.id,
    kbMethod: m.kbMethod,
    title: m.title,
    summary: m.summary,
    risk: m.risk,
    reboot: m.reboot,
    applies: m.applies ?? {},
    services: m.services ?? [],
    startAtEnd: m.startAtEnd ?? [],
    steps: scope.lowerSteps(`${pointer}/steps`, m.steps, false) as PlanStep[],
    span: scope.map.value(pointer),
    fieldSpans: fieldSpans(scope.map, pointer, m),
  };
}

function lowerStep(scope: LowerScope, pointer: string, raw: Raw, inPerUser: boolean): PlanStepBase {
  const ctx = lowerContext(scope, pointer, inPerUser);
  const base: PlanStepBase = {
    id: raw.id,
    kind: raw.kind,
    span: scope.map.value(pointer),
    fieldSpans: fieldSpans(scope.map, pointer, raw),
  };
  if (raw.title) base.title = raw.title;
  if (raw.guard) base.guard = lowerGuard(raw.guard, ctx);
  if (raw.verify) base.verify = lowerVerify(scope, `${pointer}/verify`, raw.verify, inPerUser);
  if (raw.applies) base.applies = raw.applies;
  if (!isStepKindName(raw.kind)) return base;
  const kind = stepKinds[raw.kind] as StepKind;
  // A kind with a block of steps (per-user) reports its own nesting.
  if (inPerUser && !kind.perUser && !kind.ps1.block) {
    ctx.error(
      "kind",
      "not-per-user",
      `a ${raw.kind} step cannot run per user`,
      `per-user steps may be: ${PER_USER_KINDS.join(", ")}`,
    );
  }
  const lowered = kind.lower(raw, ctx);
  return { ...base, ...(lowered ?? {}), ...(lowered ? {} : { invalid: true }) } as PlanStepBase;
}

function lowerGuard(raw: Raw, ctx: ReturnType<typeof lowerContext>): PlanGuard | undefined {
  if (raw.evidence) return { kind: "evidence", id: raw.evidence };
  const which = raw.creates ? "creates" : "removes";
  const path = ctx.path(`guard/${which}`, raw[which]);
  return path && { kind: which, path };
}

function lowerVerify(
  scope: LowerScope,
  pointer: string,
  raw: Raw,
  inPerUser: boolean,
): PlanVerify | undefined {
  const span = scope.map.value(pointer);
  if (inPerUser) {
    lowerContext(scope, pointer, true).error(
      "",
      "bad-verify",
      "a step inside a per-user step cannot verify: its probe would not see the profile",
      "put verify: on a step outside per-user",
    );
    return undefined;
  }
  if (typeof raw.evidence === "string") return { ref: raw.evidence, span };
  const probe = lowerEvidence(scope, pointer, raw) as PlanVerify["probe"] & { invalid?: boolean };
  return probe && !probe.invalid ? { probe, span } : undefined;
}

/** A verify that names a detection probe gets a copy of it (checks report unknown ids). */
function resolveVerifyReferences(plan: Plan): void {
  const probes = new Map(allProbes(plan.detection).map((p) => [p.id, p]));
  const visit = (step: PlanStepBase) => {
    if (step.verify?.ref) {
      const probe = probes.get(step.verify.ref);
      if (probe) step.verify.probe = { ...(probe as PlanVerify["probe"] & object) };
    }
    for (const inner of (step as { steps?: PlanStepBase[] }).steps ?? []) visit(inner);
  };
  for (const method of plan.methods) method.steps.forEach(visit);
}

function lowerEvidence(scope: LowerScope, pointer: string, raw: Raw): PlanEvidence {
  const span = scope.map.value(pointer);
  for (const group of ["any", "all"] as const) {
    if (raw[group])
      return {
        kind: group,
        span,
        items: raw[group].map((r: Raw, i: number) =>
          lowerEvidence(scope, `${pointer}/${group}/${i}`, r),
        ),
      };
  }
  const ctx = lowerContext(scope, pointer, false);
  const base: PlanProbeBase & Record<string, unknown> = {
    id: raw.id,
    kind: raw.kind,
    span,
    fieldSpans: fieldSpans(scope.map, pointer, raw),
  };
  if (raw.applies) base.applies = raw.applies;
  if (!isEvidenceKindName(raw.kind)) return base;
  const lowered = (evidenceKinds[raw.kind] as EvidenceKind).lower(raw, ctx);
  return { ...base, ...(lowered ?? { invalid: true }) };
}
