// A playbook whose only evidence is a log file holding a trust HRESULT, counted only when the
// file was written in the last 30 days: the file-contains time window, run by the PowerShell
// and the batch scenarios (an old log with the token is not evidence in either).
import { compileFixture, fixturePlaybook } from "./fixture-playbook.js";

export const FILE_AGE_ID = "kb100014";
export const AGE_LOG = "Windows\\kbfix-age.log";
export const AGE_TOKEN_LINE = "2026-01-02 10:00:00 FATAL: Validating signature: 0x800B0109\r\n";

/** Compiles it into a fresh folder and returns the folder (holding <id>/...). */
export function compileFileAgePlaybook(): string {
  return compileFixture(
    fixturePlaybook({
      id: FILE_AGE_ID,
      title: "A trust failure in a log file",
      summary: "For tests.",
      applies: null,
      sourceNotes: false,
      evidence: [
        {
          id: "age-log",
          kind: "file-contains",
          path: `%windir%\\kbfix-age.log`,
          tokens: ["0x800B0109"],
          withinDays: 30,
        },
      ],
      methodTitle: "Look",
      steps: [{ id: "look", kind: "manual", text: "Look at the log." }],
    }),
    true,
  );
}
