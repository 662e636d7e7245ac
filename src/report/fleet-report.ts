// The roll-up's result, the one model every format renders. Its JSON form (kbfix report
// --format json) is documented in docs/result-json.md; keys keep this order.
import type { InputProblem, ProblemKind } from "./input-problems.js";

export const REPORT_VERSION = 1;

export interface OutcomeBucket {
  /** null: the source gave no exit code (an Intune row without the remediation's recap). */
  exitCode: number | null;
  machines: number;
  /** Outcome name -> machines, names sorted. */
  outcomes: Record<string, number>;
}

export interface MethodFigures {
  method: string;
  /** Machines where the method did more than skip. */
  reached: number;
  /** Machines where it changed something (-WhatIf previews excluded). */
  changed: number;
  /** Machines whose run ended Fixed* with this method the last one that changed something. */
  fixed: number;
  /** Machines where one of its steps failed. */
  failed: number;
}

export interface FailingStep {
  step: string;
  method: string;
  message: string;
  machines: number;
}

export interface FailingMachine {
  computer: string;
  outcome: string;
  exitCode: number | null;
  step: string;
  message: string;
  finishedUtc: string;
  source: string;
}

export interface PlaybookReport {
  playbookId: string;
  toolVersion: string;
  title: string;
  machines: number;
  superseded: number;
  whatIfRuns: number;
  outcomes: OutcomeBucket[];
  methods: MethodFigures[];
  failingSteps: FailingStep[];
  failingMachines: FailingMachine[];
}

export interface InputSummary {
  resultFiles: number;
  csvFiles: number;
  csvRows: number;
  runs: number;
  legacyRuns: number;
  superseded: number;
  machines: number;
  ignoredFiles: number;
  problems: number;
}

export interface FleetReport {
  reportVersion: number;
  inputs: InputSummary;
  playbooks: PlaybookReport[];
  problemCounts: Record<ProblemKind, number>;
  problems: InputProblem[];
}
