// A runtime cut a kind declares: runtime functions only a feature of its steps or probes
// calls, behind a guard the data of a step without the feature makes false. The PowerShell
// shaker leaves them out of the scripts of a playbook none of whose nodes of the kind has the
// feature (emit/ps1/feature-cuts.ts collects these with the playbook-wide cuts).
export interface KindRuntimeCut<Node> {
  /** What a step or probe has, in words (for messages and docs). */
  readonly feature: string;
  /** True when this node has the feature: the scripts keep the functions. */
  readonly has: (node: Node) => boolean;
  /** Functions the shaker does not follow when no node has the feature. */
  readonly cut: readonly string[];
  /** How every line that calls a cut function starts (feature-cuts.ts: isGuardedLine). */
  readonly guard: string;
}

/**
 * The cut of a step kind with an optional backup (clear-folder, delete-files): its function that
 * backs up instead of deleting, called behind the Backup flag the step's call always passes.
 */
export function backupCut(kind: string, fn: string): KindRuntimeCut<{ backup: boolean }> {
  return {
    feature: `a ${kind} step with backup`,
    has: (step) => step.backup,
    cut: [fn],
    guard: "if ($Step['Backup']) { ",
  };
}
