// One machine's latest run of one playbook, as the roll-up keeps it. A fleet of 100,000
// machines must fit in little memory while the documents themselves do not stay, so a run
// holds only shared or short values: interned strings, one shared StepFacts, its source as
// the folder (shared by every file in it) and the name, and the reason it failed only when
// the machine is still failing (the one place the report shows it).
import type { StepFacts } from "./step-facts.js";
import { clip } from "./short-text.js";

export interface MachineRun {
  playbookId: string;
  /** "unknown" when the source does not say (Intune's export has no tool version). */
  toolVersion: string;
  title: string;
  computer: string;
  /** finishedUtc in milliseconds, for ordering runs; -Infinity when unknown or unreadable. */
  finishedMs: number;
  outcome: string;
  /** null when the source does not give the remediation's exit code. */
  exitCode: number | null;
  whatIf: boolean;
  steps: StepFacts;
  /** The file (and CSV row) it came from: sourceFolder + sourceName. */
  sourceFolder: string;
  sourceName: string;
  /** Older runs of the same machine and playbook this one replaced. */
  superseded: number;
  /** Only for a machine still failing (outcome not settled). */
  failing: FailingDetail | undefined;
}

export interface FailingDetail {
  /** As the source wrote it; "" when unknown. */
  finishedUtc: string;
  /** Why the run ended as it did. */
  message: string;
}

/** Where a result file came from: its folder as the walk names it (shared by its files) and
 * its name; the two together are the path. */
export interface SourceName {
  folder: string;
  name: string;
}

export const sourceOf = (run: MachineRun): string => run.sourceFolder + run.sourceName;

/** Outcomes that mean the machine needs nothing more. */
export const SETTLED_OUTCOMES: ReadonlySet<string> = new Set([
  "Compliant",
  "Fixed",
  "FixedSoftReboot",
  "FixedHardReboot",
  "NotApplicable",
]);

export const isFixedOutcome = (outcome: string): boolean => outcome.startsWith("Fixed");

/** The detail a run keeps: none when settled, so the message is only built when needed. */
export function failingDetail(
  outcome: string,
  finishedUtc: string,
  message: () => string,
): FailingDetail | undefined {
  return SETTLED_OUTCOMES.has(outcome) ? undefined : { finishedUtc, message: clip(message()) };
}
