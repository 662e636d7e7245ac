// A playbook with one step of every kind, each behind a `creates` guard on its own flag file:
// with no flag files every guard is true (each step runs), with all of them every guard is
// false (each step is skipped). Compiled through the real front and back end.
import { stepKinds } from "../../../src/steps/index.js";
import { compileFixture, fixturePlaybook } from "../../support/fixture-playbook.js";

export const GUARD_ID = "kb100002";
export const flagFile = (kind: string): string => `C:\\Windows\\guard-${kind}.flag`;

const guarded = (kind: string, step: Record<string, unknown>) => ({
  id: `g-${kind}`,
  kind,
  ...step,
  guard: { creates: `%windir%\\guard-${kind}.flag` },
});

/** One step per kind, each with something to do on the machine guardMachine() builds. */
export const GUARDED_STEPS = [
  guarded("service", { name: "CryptSvc", startType: "automatic", state: "running" }),
  guarded("rename", { path: "%windir%\\System32\\catroot2", newName: "oldcatroot2" }),
  guarded("clear-folder", { path: "%windir%\\SoftwareDistribution" }),
  guarded("delete-files", { folder: "%windir%\\Temp", pattern: "tmp*.cat" }),
  guarded("attributes", { path: "%windir%\\inf", clear: ["hidden"] }),
  guarded("registry-value", {
    key: "HKLM\\Software\\X",
    name: "Value",
    type: "string",
    data: "on",
  }),
  guarded("register-dlls", { dlls: ["%windir%\\System32\\softpub.dll"] }),
  guarded("run", { program: "%ProgramData%\\Tools\\tool.exe", args: ["log.txt"] }),
  guarded("certificate", { store: "Root", subject: "Test Root", importFrom: "CertFile" }),
  guarded("per-user", {
    steps: [
      {
        id: "g-per-user-cache",
        kind: "clear-folder",
        path: "%profile%\\AppData\\LocalLow\\Microsoft\\CryptnetUrlCache\\Content",
      },
    ],
  }),
  guarded("manual", { text: "Do this by hand." }),
];

/** Compiles the guard playbook; returns the folder holding <id>/<id>.ps1 (and .fix.cmd). */
export function compileGuardPlaybook(targets = ["ps1"]): string {
  return compileFixture(
    fixturePlaybook({
      id: GUARD_ID,
      title: "Every step kind behind a guard",
      summary: "Guards on every kind.",
      targets,
      parameters: [{ name: "CertFile", type: "path", description: "A certificate file." }],
      steps: GUARDED_STEPS,
    }),
  );
}

/** Every kind the compiler knows has a step here (so a new kind cannot skip this test). */
export const missingKinds = (): string[] =>
  Object.keys(stepKinds).filter((kind) => !GUARDED_STEPS.some((s) => s.kind === kind));
