// A playbook whose only evidence is a Windows Update client event with two data tokens, matched
// any or all: the event probe's token logic, run by the PowerShell and the batch scenarios.
import { compileFixture, fixturePlaybook } from "./fixture-playbook.js";

export const UPDATE_LOG = "Microsoft-Windows-WindowsUpdateClient/Operational";
export const UPDATE_PROVIDER = "Microsoft-Windows-WindowsUpdateClient";

/** Compiles it into a fresh folder and returns the folder (holding <id>/...). */
export function compileEventTokensPlaybook(
  id: string,
  match: "any" | "all",
  ids: number[],
  targets: string[],
  level = "error",
): string {
  const evidence = {
    id: "wu-install-failed",
    kind: "event",
    log: UPDATE_LOG,
    provider: UPDATE_PROVIDER,
    ids,
    level,
    dataContains: ["0x800B0109", "KB5034441"],
    dataMatch: match,
  };
  return compileFixture(
    fixturePlaybook({
      id,
      title: "Windows Update trust failures",
      summary: "For tests.",
      targets,
      applies: null,
      sourceNotes: false,
      evidence: [evidence],
      methodTitle: "Look",
      steps: [{ id: "look", kind: "manual", text: "Look at the update history." }],
    }),
  );
}
