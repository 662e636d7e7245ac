// A playbook whose detection runs read-only Windows tools (command probes) and whose one-shot
// steps verify that they stuck: winmgmt /verifyrepository by its exit code, sc.exe sdshow bits
// against an SDDL string. Compiled through the real front and back end, for both tiers.
import { compileFixture, fixturePlaybook } from "../../support/fixture-playbook.js";

export const COMMAND_ID = "kb100003";
export const WINMGMT = "C:\\Windows\\System32\\wbem\\winmgmt.exe";
export const SC = "C:\\Windows\\System32\\sc.exe";
export const BITS_SDDL = "D:(A;;CCLCSWRPWPDTLOCRRC;;;SY)";

const playbook = (targets: string[]) =>
  fixturePlaybook({
    id: COMMAND_ID,
    title: "WMI repository and the BITS security descriptor",
    summary: "Command probes and verify.",
    targets,
    applies: { windows: { min: "6.1" }, context: "system" },
    evidence: [
      {
        id: "wmi-repo",
        kind: "command",
        program: "%windir%\\System32\\wbem\\winmgmt.exe",
        args: ["/verifyrepository"],
        cleanCodes: [0],
      },
    ],
    methodTitle: "Salvage the repository",
    steps: [
      {
        id: "salvage",
        kind: "run",
        program: "%windir%\\System32\\wbem\\winmgmt.exe",
        args: ["/salvagerepository"],
        guard: { evidence: "wmi-repo" },
        verify: { evidence: "wmi-repo" },
      },
      {
        id: "bits-sd",
        kind: "run",
        program: "%windir%\\System32\\sc.exe",
        args: ["config", "bits", "start=", "delayed-auto"],
        guard: { evidence: "wmi-repo" },
        verify: {
          id: "bits-sd-check",
          kind: "command",
          program: "%windir%\\System32\\sc.exe",
          args: ["sdshow", "bits"],
          cleanTokens: [BITS_SDDL],
        },
      },
    ],
  });

/** Compiles the playbook into a fresh folder; returns that folder. */
export function compileCommandPlaybook(targets = ["ps1", "cmd"]): string {
  return compileFixture(playbook(targets));
}
