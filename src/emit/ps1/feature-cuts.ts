// Runtime a playbook's data cannot reach. Each feature cut names a feature of the
// playbook, the runtime functions only that feature calls, and the guard every call
// of them sits behind in templates/ps1/runtime: a condition on the data the body
// passes (a method's Services, the strategy, a step's Backup...). A playbook without
// the feature writes data that makes the guard false, so those calls are dead in its
// scripts and the shaker does not follow them (tree-shake.ts). A kept line that names
// a cut function outside its guard is an EmitError, never a silent drop.
import type { Plan } from "../../plan/plan.js";
import { allProbes, allSteps } from "../../plan/walk.js";

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

const stepsOfKind = (plan: Plan, kind: string) =>
  allSteps(plan)
    .map((v) => v.step)
    .filter((s) => s.kind === kind);

const hasVerify = (plan: Plan): boolean =>
  allSteps(plan).some((v) => (v.step as { verify?: unknown }).verify !== undefined);

const hasUserHive = (plan: Plan): boolean =>
  stepsOfKind(plan, "registry-value").some((s) => (s as { hive?: string }).hive === "user");

/** A registry value in a named view: a step's, a detection probe's or a verify probe's. */
const hasRegistryView = (plan: Plan): boolean => {
  const steps = allSteps(plan).map((v) => v.step);
  const probes = [
    ...allProbes(plan.detection),
    ...steps.flatMap((s) => (s.verify?.probe ? [s.verify.probe] : [])),
  ];
  return [...steps, ...probes].some(
    (x) => x.kind === "registry-value" && (x as { view?: number }).view !== undefined,
  );
};

const hasBackup = (plan: Plan, kind: string): boolean =>
  stepsOfKind(plan, kind).some((s) => (s as { backup?: boolean }).backup === true);

export const FEATURE_CUTS: readonly FeatureCut[] = [
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
    // Every clear-folder call passes Backup; Invoke-KbClearFolderStep puts it in $Step.
    feature: "a clear-folder step with backup",
    has: (plan) => hasBackup(plan, "clear-folder"),
    cut: ["Move-KbEntriesToBackup"],
    guard: "if ($Step['Backup']) { ",
  },
  {
    // A registry-value call passes -ProfileSid only inside per-user, where its key is HKCU.
    feature: "a registry-value step under HKCU (every profile's hive)",
    has: hasUserHive,
    cut: ["Invoke-KbProfileRegistryValueStep"],
    guard: "if ($ProfileSid.Length -gt 0) { ",
  },
  {
    // A registry call passes -View only when the step or probe names one; it defaults to 0.
    feature: "a registry value in a named 32- or 64-bit view",
    has: hasRegistryView,
    cut: ["Open-KbRegistryViewRoot"],
    guard: "if ($View -ne 0) { ",
  },
  {
    // A service step's StartType is the playbook's word, or $null when it sets none.
    feature: "a service step with startType not-disabled",
    has: (plan) =>
      stepsOfKind(plan, "service").some(
        (s) => (s as { startType?: string }).startType === "not-disabled",
      ),
    cut: ["Get-KbServiceDefaultStartType"],
    guard: "if ($Step['StartType'] -eq 'not-disabled') { ",
  },
  {
    // A step's call passes -Verify only when the step has verify; the parameter defaults to $null.
    feature: "a step with verify (a probe run after it changed something)",
    has: hasVerify,
    cut: ["Confirm-KbOneShotOutcome"],
    guard: "if ($null -ne $Verify -and $outcome['Status'] -eq 'changed') { ",
  },
  {
    feature: "a delete-files step with backup",
    has: (plan) => hasBackup(plan, "delete-files"),
    cut: ["Rename-KbFilesToBackup"],
    guard: "if ($Step['Backup']) { ",
  },
];

/** The cuts whose feature the playbook lacks: what its scripts leave out. */
export function absentFeatures(plan: Plan): FeatureCut[] {
  return FEATURE_CUTS.filter((c) => !c.has(plan));
}

/** A line calling a cut function is dead when it is `<guard>...}` on its own, with no else. */
export function isGuardedLine(line: string, guard: string): boolean {
  const code = line.trim();
  return code.startsWith(guard) && code.endsWith("}") && !/\belse(if)?\b/.test(code);
}
