// A playbook whose detection runs read-only Windows tools (command probes) and whose one-shot
// steps verify that they stuck: winmgmt /verifyrepository by its exit code, sc.exe sdshow bits
// against an SDDL string. Compiled through the real front and back end, for both tiers.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dump } from "js-yaml";
import { analyzeBytes, compilePlan } from "../../../src/pipeline.js";

export const COMMAND_ID = "kb100003";
export const WINMGMT = "C:\\Windows\\System32\\wbem\\winmgmt.exe";
export const SC = "C:\\Windows\\System32\\sc.exe";
export const BITS_SDDL = "D:(A;;CCLCSWRPWPDTLOCRRC;;;SY)";

const playbook = (targets: string[]) => ({
  schemaVersion: 1,
  id: COMMAND_ID,
  title: "WMI repository and the BITS security descriptor",
  kb: [100003],
  source: {
    url: "https://support.microsoft.com/kb/100003",
    revision: "1.0",
    language: "en-US",
    notes: ["Test fixture."],
  },
  summary: "Command probes and verify.",
  targets,
  applies: { windows: { min: "6.1" }, context: "system" },
  detection: {
    any: [
      {
        id: "wmi-repo",
        kind: "command",
        program: "%windir%\\System32\\wbem\\winmgmt.exe",
        args: ["/verifyrepository"],
        cleanCodes: [0],
      },
    ],
  },
  strategy: "all",
  methods: [
    {
      id: "m1",
      kbMethod: 1,
      title: "Salvage the repository",
      risk: "low",
      reboot: "none",
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
    },
  ],
});

/** Compiles the playbook into a fresh folder; returns that folder. */
export function compileCommandPlaybook(targets = ["ps1", "cmd"]): string {
  const bytes = Buffer.from(dump(playbook(targets), { lineWidth: -1 }), "utf8");
  const analysis = analyzeBytes(`${COMMAND_ID}.yaml`, bytes);
  const errors = analysis.diagnostics.filter((d) => d.severity === "error");
  if (errors.length || !analysis.plan) throw new Error(errors.map((e) => e.message).join("\n"));
  const out = mkdtempSync(join(tmpdir(), "kbfix-command-"));
  for (const file of compilePlan(analysis.plan)) {
    mkdirSync(join(out, file.path, ".."), { recursive: true });
    writeFileSync(join(out, file.path), file.bytes);
  }
  return out;
}
