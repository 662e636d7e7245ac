// Runtime a playbook's data cannot reach. Each feature cut names a feature of the
// playbook (of the playbook as a whole here, or of a kind's steps or probes, declared by
// the kind as runtimeCuts), the runtime functions only that feature calls, and the guard every call
// of them sits behind in templates/ps1/runtime: a condition on the data the body
// passes (a method's Services, the strategy, a step's Backup...). A playbook without
// the feature writes data that makes the guard false, so those calls are dead in its
// scripts and the shaker does not follow them (tree-shake.ts). A kept line that names
// a cut function outside its guard is an EmitError, never a silent drop.
import type { Plan } from "../../plan/plan.js";
import { allPlanProbes, allSteps } from "../../plan/walk.js";
import type { KindRuntimeCut } from "../../model/runtime-cut.js";
import { evidenceKinds, type EvidenceKindName } from "../../evidence/index.js";
import { stepKinds, type StepKindName } from "../../steps/index.js";

export interface FeatureCut {
  /** What the playbook has or lacks, in words (for messages and docs). */
  feature: string;
  /** True when the playbook has the feature: its scripts keep the functions. */
  has: (plan: Plan) => boolean;
  /** Functions the shaker does not follow when the feature is absent. */
  cut: readonly string[];
  /**
   * How every line that calls a cut function starts (after its indentation): a one-line
   * `if (...) { ... }` whose condition the absent feature's data makes false.
   */
  guard: string;
}

const hasVerify = (plan: Plan): boolean =>
  allSteps(plan).some((v) => (v.step as { verify?: unknown }).verify !== undefined);

/** Cuts of the playbook as a whole: its methods, strategy, parameters, verify probes. */
const PLAYBOOK_CUTS: readonly FeatureCut[] = [
  {
    // The method partial writes `Services` only for a method that has some; it defaults to @().
    feature: "a method that stops services while its steps run",
    has: (plan) => plan.methods.some((m) => m.services.length > 0),
    cut: ["Stop-KbMethodServices", "Start-KbMethodServices"],
    guard: "if ($Services.Count -gt 0) { ",
  },
  {
    // StartAtEnd is written only for a method that has it; the parameter defaults to @().
    feature: "a method that starts services at its end",
    has: (plan) => plan.methods.some((m) => m.startAtEnd.length > 0),
    cut: ["Start-KbMethodEndServices"],
    guard: "if ($StartAtEnd.Count -gt 0) { ",
  },
  {
    // $script:KbPlaybook carries Strategy; the ladder across runs exists only for escalate.
    feature: "strategy escalate (the ladder across runs)",
    has: (plan) => plan.strategy === "escalate",
    cut: ["Get-KbLadderSkip", "Set-KbLadderFromState", "Get-KbLadderForState"],
    guard: "if ([string]$script:KbPlaybook['Strategy'] -eq 'escalate') { ",
  },
  {
    // $script:KbRequiredParameters lists the required parameters: @() without any.
    feature: "a required playbook parameter",
    has: (plan) => plan.parameters.some((p) => p.required),
    cut: ["Get-KbMissingParameters"],
    guard: "if ($script:KbRequiredParameters.Count -gt 0) { ",
  },
  {
    // A step's call passes -Verify only when the step has verify; the parameter defaults to $null.
    feature: "a step with verify (a probe run after it changed something)",
    has: hasVerify,
    cut: ["Confirm-KbOneShotOutcome"],
    guard: "if ($null -ne $Verify -and $outcome['Status'] -eq 'changed') { ",
  },
];

type AnyCut = KindRuntimeCut<never>;

interface NodeCuts {
  node: unknown;
  cuts: readonly AnyCut[];
}

const nodesOf = new WeakMap<Plan, NodeCuts[]>();

/** Every step and probe of the plan (detection and verify), each with the cuts its kind declares. */
function nodesWithCuts(plan: Plan): NodeCuts[] {
  let nodes = nodesOf.get(plan);
  if (!nodes) nodesOf.set(plan, (nodes = walkNodes(plan)));
  return nodes;
}

function walkNodes(plan: Plan): NodeCuts[] {
  const cutsOf = (cuts: readonly unknown[] | undefined) => (cuts ?? []) as readonly AnyCut[];
  return [
    ...allSteps(plan).map(({ step }) => ({
      node: step,
      cuts: cutsOf(stepKinds[step.kind as StepKindName].runtimeCuts),
    })),
    ...allPlanProbes(plan).map((probe) => ({
      node: probe,
      cuts: cutsOf(evidenceKinds[probe.kind as EvidenceKindName].runtimeCuts),
    })),
  ];
}

/**
 * The cuts the kinds declare, in registry order: two kinds may declare the same cut object (a
 * registry view), and then a node of either keeps its functions.
 */
const KIND_CUTS: readonly AnyCut[] = [
  ...new Set(
    [...Object.values(stepKinds), ...Object.values(evidenceKinds)].flatMap(
      (k) => (k.runtimeCuts ?? []) as readonly AnyCut[],
    ),
  ),
];

function kindCut(cut: AnyCut): FeatureCut {
  const has = (plan: Plan) =>
    nodesWithCuts(plan).some(({ node, cuts }) => cuts.includes(cut) && cut.has(node as never));
  return { feature: cut.feature, has, cut: cut.cut, guard: cut.guard };
}

export const FEATURE_CUTS: readonly FeatureCut[] = [...PLAYBOOK_CUTS, ...KIND_CUTS.map(kindCut)];

/**
 * The cuts whose feature the playbook lacks: what its scripts leave out. A function another
 * cut names whose feature the playbook has stays (two kinds may cut one function, each for its
 * own feature).
 */
export function absentFeatures(
  plan: Plan,
  cuts: readonly FeatureCut[] = FEATURE_CUTS,
): FeatureCut[] {
  const present = cuts.filter((c) => c.has(plan));
  const needed = new Set(present.flatMap((c) => c.cut));
  return cuts
    .filter((c) => !present.includes(c))
    .map((c) =>
      c.cut.some((f) => needed.has(f)) ? { ...c, cut: c.cut.filter((f) => !needed.has(f)) } : c,
    )
    .filter((c) => c.cut.length > 0);
}

/** A line calling a cut function is dead when it is `<guard>...}` on its own, with no else. */
export function isGuardedLine(line: string, guard: string): boolean {
  const code = line.trim();
  return code.startsWith(guard) && code.endsWith("}") && !/\belse(if)?\b/.test(code);
}
