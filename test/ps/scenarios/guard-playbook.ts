// A playbook with one step of every kind, each behind a `creates` guard on its own flag file:
// with no flag files every guard is true (each step runs), with all of them every guard is
// false (each step is skipped). Compiled through the real front and back end.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dump } from "js-yaml";
import { analyzeBytes } from "../../../src/pipeline.js";
import { compilePlan } from "../../../src/pipeline.js";
import { stepKinds } from "../../../src/steps/index.js";

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

function playbook(targets: string[]): Record<string, unknown> {
  return {
    schemaVersion: 1,
    id: GUARD_ID,
    title: "Every step kind behind a guard",
    kb: [100002],
    source: {
      url: "https://support.microsoft.com/kb/100002",
      revision: "1.0",
      language: "en-US",
      notes: ["Test fixture."],
    },
    summary: "Guards on every kind.",
    targets,
    applies: { windows: { min: "5.1" }, context: "system" },
    parameters: [{ name: "CertFile", type: "path", description: "A certificate file." }],
    detection: {
      any: [{ id: "marker", kind: "file-size", path: "%windir%\\marker.bin", aboveBytes: 10 }],
    },
    strategy: "all",
    methods: [
      {
        id: "m1",
        kbMethod: 1,
        title: "Everything",
        risk: "low",
        reboot: "none",
        steps: GUARDED_STEPS,
      },
    ],
  };
}

/** Compiles the guard playbook; returns the folder holding <id>/<id>.ps1 (and .fix.cmd). */
export function compileGuardPlaybook(targets = ["ps1"]): string {
  const analysis = analyzeBytes(`${GUARD_ID}.yaml`, Buffer.from(dump(playbook(targets)), "utf8"));
  if (!analysis.plan) throw new Error(JSON.stringify(analysis.diagnostics, null, 2));
  const dir = mkdtempSync(join(tmpdir(), "kbfix-guards-"));
  for (const file of compilePlan(analysis.plan)) {
    mkdirSync(join(dir, file.path, ".."), { recursive: true });
    writeFileSync(join(dir, file.path), file.bytes);
  }
  return dir;
}

/** Every kind the compiler knows has a step here (so a new kind cannot skip this test). */
export const missingKinds = (): string[] =>
  Object.keys(stepKinds).filter((kind) => !GUARDED_STEPS.some((s) => s.kind === kind));
