// Every input the roll-up could not use is counted by kind and named, so nothing is dropped
// silently. Names are kept up to a limit per kind (a folder of 100,000 broken files must not
// fill the report); the counts are always complete.

import { compareText } from "./compare-text.js";

export type ProblemKind =
  | "not-found"
  | "unreadable"
  | "too-large"
  | "invalid-json"
  | "foreign-json"
  | "unsupported-version"
  | "invalid-result"
  | "not-a-result-file"
  | "symlink-skipped"
  | "invalid-csv"
  | "csv-row-without-kbfix";

export const PROBLEM_KINDS: readonly ProblemKind[] = [
  "not-found",
  "unreadable",
  "too-large",
  "invalid-json",
  "foreign-json",
  "unsupported-version",
  "invalid-result",
  "not-a-result-file",
  "symlink-skipped",
  "invalid-csv",
  "csv-row-without-kbfix",
];

export interface InputProblem {
  kind: ProblemKind;
  path: string;
  message: string;
}

export class InputProblems {
  private readonly named: InputProblem[] = [];
  private readonly counts = new Map<ProblemKind, number>();

  constructor(private readonly namedPerKind = 200) {}

  add(kind: ProblemKind, path: string, message: string): void {
    const count = (this.counts.get(kind) ?? 0) + 1;
    this.counts.set(kind, count);
    if (count <= this.namedPerKind) this.named.push({ kind, path, message });
  }

  get total(): number {
    let total = 0;
    for (const count of this.counts.values()) total += count;
    return total;
  }

  /** Counts of every kind, in the fixed kind order, zeros included. */
  countsByKind(): Record<ProblemKind, number> {
    const entries = PROBLEM_KINDS.map((kind) => [kind, this.counts.get(kind) ?? 0] as const);
    return Object.fromEntries(entries) as Record<ProblemKind, number>;
  }

  /** The named problems, ordered by kind, then path, then message. */
  list(): InputProblem[] {
    const rank = (kind: ProblemKind) => PROBLEM_KINDS.indexOf(kind);
    return [...this.named].sort(
      (a, b) =>
        rank(a.kind) - rank(b.kind) ||
        compareText(a.path, b.path) ||
        compareText(a.message, b.message),
    );
  }
}
