// A playbook that exercises what a real KB needs of services (kbfix issue 10 section 3): a
// method's service with running dependents, one restarted behind our back, services started at
// the end whatever their state (KB971058's last step), Automatic (Delayed Start), and
// not-disabled from the table of shipped start types. Compiled through the real front and back
// end, for both targets; the pwsh and wine tiers run the same playbook.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dump } from "js-yaml";
import { analyzeBytes, compilePlan } from "../../../src/pipeline.js";

export const SERVICES_ID = "kb100003";

const playbook = {
  schemaVersion: 1,
  id: SERVICES_ID,
  title: "Services as KB articles need them",
  kb: [100003],
  source: {
    url: "https://support.microsoft.com/kb/100003",
    revision: "1.0",
    language: "en-US",
    notes: ["Test fixture."],
  },
  summary: "Stop with dependents, restart races, start at the end, start types.",
  targets: ["ps1", "cmd"],
  applies: { windows: { min: "5.1" }, context: "system" },
  detection: {
    any: [{ id: "marker", kind: "file-size", path: "%windir%\\marker.bin", aboveBytes: 10 }],
  },
  strategy: "all",
  methods: [
    {
      id: "m-stop",
      kbMethod: 1,
      title: "Work with Windows Update stopped",
      risk: "low",
      reboot: "none",
      services: ["wuauserv"],
      startAtEnd: ["AppIDSvc"],
      steps: [
        {
          id: "s-work",
          kind: "registry-value",
          key: "HKLM\\Software\\KbfixTest",
          name: "Worked",
          type: "dword",
          data: 1,
        },
      ],
    },
    {
      id: "m-types",
      kbMethod: 2,
      title: "Start types",
      risk: "low",
      reboot: "none",
      steps: [
        { id: "s-delayed", kind: "service", name: "wuauserv", startType: "automatic-delayed" },
        { id: "s-crypt", kind: "service", name: "CryptSvc", startType: "not-disabled" },
        { id: "s-bits", kind: "service", name: "BITS", startType: "not-disabled" },
      ],
    },
    {
      id: "m-bits",
      kbMethod: 3,
      title: "Stop BITS",
      risk: "low",
      reboot: "none",
      steps: [{ id: "s-bits-stopped", kind: "service", name: "BITS", state: "stopped" }],
    },
  ],
};

/** Compiles the playbook; returns the folder holding <id>/<id>.ps1 and <id>/<id>.fix.cmd. */
export function compileServicesPlaybook(): string {
  const yaml = Buffer.from(dump(playbook), "utf8");
  const analysis = analyzeBytes(`${SERVICES_ID}.yaml`, yaml);
  if (!analysis.plan) throw new Error(JSON.stringify(analysis.diagnostics, null, 2));
  const dir = mkdtempSync(join(tmpdir(), "kbfix-services-"));
  for (const file of compilePlan(analysis.plan)) {
    mkdirSync(join(dir, file.path, ".."), { recursive: true });
    writeFileSync(join(dir, file.path), file.bytes);
  }
  return dir;
}
