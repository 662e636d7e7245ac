// One machine's latest run of one playbook, as the roll-up keeps it: a few short fields, so
// a fleet of 100,000 machines fits in memory while the documents themselves do not stay.

export interface FailedStep {
  step: string;
  method: string;
  message: string;
}

export interface MachineRun {
  playbookId: string;
  /** "unknown" when the source does not say (Intune's export has no tool version). */
  toolVersion: string;
  title: string;
  computer: string;
  /** As the source wrote it; "" when unknown. */
  finishedUtc: string;
  /** finishedUtc in milliseconds, for ordering runs; -Infinity when unknown or unreadable. */
  finishedMs: number;
  outcome: string;
  /** null when the source does not give the remediation's exit code. */
  exitCode: number | null;
  message: string;
  whatIf: boolean;
  /** Ladder methods that ran (did more than skip), in ladder order. */
  reached: string[];
  /** Methods with a real (not -WhatIf) change, in ladder order. */
  changed: string[];
  /** Methods with a failed step. */
  failed: string[];
  failedSteps: FailedStep[];
  /** The file (and CSV row) it came from. */
  source: string;
  /** Older runs of the same machine and playbook this one replaced. */
  superseded: number;
}

/** Outcomes that mean the machine needs nothing more. */
export const SETTLED_OUTCOMES: ReadonlySet<string> = new Set([
  "Compliant",
  "Fixed",
  "FixedSoftReboot",
  "FixedHardReboot",
  "NotApplicable",
]);

export const isFixedOutcome = (outcome: string): boolean => outcome.startsWith("Fixed");

/** Short text only: a hostile or runaway message must not grow the roll-up's memory. */
export function clip(text: string, max = 300): string {
  return text.length > max ? text.slice(0, max - 3) + "..." : text;
}

/** The same method ids recur on every machine: keep one copy of each string. */
const interned = new Map<string, string>();
export function intern(text: string): string {
  const known = interned.get(text);
  if (known !== undefined) return known;
  if (interned.size < 100_000) interned.set(text, text);
  return text;
}
