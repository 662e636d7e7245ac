// The one-line summaries kbfix scripts print last, read back out of text (Intune keeps a
// script's output). The remediation's recap:
//   kbfix <id>: <Outcome> (exit N) ok=.. changed=.. skipped=.. failed=.. not-applicable=.. manual=.. log=<path>
// (or, when even the recap failed: kbfix <id>: StepFailed (exit 2): unexpected error: ...), and
// the detection's line: kbfix <id>: evidence present: ... | no current evidence (...) |
// not applicable: ... | detection error: ...

export interface RecapLine {
  playbookId: string;
  outcome: string;
  exitCode: number;
  failed: number;
  detail: string;
}

export type DetectionState = "present" | "absent" | "not-applicable" | "error";

export interface DetectionLine {
  playbookId: string;
  state: DetectionState;
  detail: string;
}

const RECAP = /^kbfix (\S+): ([A-Za-z]+) \(exit (-?\d+)\)(.*)$/;
const DETECTION =
  /^kbfix (\S+): (evidence present|no current evidence|not applicable|detection error)(.*)$/;
const STATES: Record<string, DetectionState> = {
  "evidence present": "present",
  "no current evidence": "absent",
  "not applicable": "not-applicable",
  "detection error": "error",
};

const linesOf = (text: string) => text.split(/\r?\n|\r/).map((line) => line.trim());

/** The last recap line in the text, if any. */
export function findRecap(text: string): RecapLine | undefined {
  let found: RecapLine | undefined;
  for (const line of linesOf(text)) {
    const m = RECAP.exec(line);
    if (!m) continue;
    const rest = m[4]!;
    const failed = /\bfailed=(\d+)/.exec(rest);
    found = {
      playbookId: m[1]!,
      outcome: m[2]!,
      exitCode: Number(m[3]),
      failed: failed ? Number(failed[1]) : 0,
      detail: rest.startsWith(":") ? rest.slice(1).trim() : "",
    };
  }
  return found;
}

/** The last detection line in the text, if any. */
export function findDetection(text: string): DetectionLine | undefined {
  let found: DetectionLine | undefined;
  for (const line of linesOf(text)) {
    const m = DETECTION.exec(line);
    if (m)
      found = {
        playbookId: m[1]!,
        state: STATES[m[2]!]!,
        detail: m[3]!.replace(/^[:\s]+/, "").trim(),
      };
  }
  return found;
}
