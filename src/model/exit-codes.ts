// The one exit-code table: the scripts, the manifest and the reviewers' README
// are all generated from it, so they cannot disagree.

export interface ExitCode {
  outcome: string;
  code: number;
  meaning: string;
}

export const EXIT_CODES: readonly ExitCode[] = [
  { outcome: "Compliant", code: 0, meaning: "no evidence of the problem: nothing was changed" },
  {
    outcome: "Fixed",
    code: 0,
    meaning: "the problem was found and is gone now; no restart needed",
  },
  {
    outcome: "FixedSoftReboot",
    code: 3010,
    meaning: "fixed; a method asks for a restart (ConfigMgr: soft reboot)",
  },
  {
    outcome: "FixedHardReboot",
    code: 1641,
    meaning:
      "fixed; a method needs a restart now (ConfigMgr: hard reboot). The script never restarts by itself",
  },
  {
    outcome: "StillPresent",
    code: 1,
    meaning:
      "the evidence is still there after every applicable method (with -WhatIf: changes are pending)",
  },
  {
    outcome: "StepFailed",
    code: 2,
    meaning:
      "a step failed; the log and the JSON result name it. Services stopped by the script were started again",
  },
  {
    outcome: "NotApplicable",
    code: 3,
    meaning:
      "this Windows version, architecture or product is not covered by the article: nothing was changed",
  },
  {
    outcome: "ManualActionNeeded",
    code: 4,
    meaning: "the evidence remains and a remaining method is manual guidance (see the log)",
  },
  {
    outcome: "NotElevated",
    code: 5,
    meaning: "not running as an administrator or SYSTEM: nothing was changed",
  },
  {
    outcome: "BadArguments",
    code: 6,
    meaning: "an unknown -Method id or an invalid parameter value: nothing was changed",
  },
  {
    outcome: "Busy",
    code: 1618,
    meaning: "another run of the same playbook is in progress (ConfigMgr retries 1618)",
  },
];

export const DETECTION_EXIT_CODES: readonly ExitCode[] = [
  {
    outcome: "Present",
    code: 1,
    meaning:
      "evidence of the problem is present (Intune runs the remediation); also when detection itself failed",
  },
  { outcome: "Absent", code: 0, meaning: "no current evidence, or not applicable to this machine" },
];
