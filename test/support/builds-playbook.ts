// A playbook that tells Windows 10 and Windows 11 apart by build: a playbook range from
// 10.0.17763 (1809) on, a step and a probe for builds up to 10.0.19045 (Windows 10 22H2) and a
// step and a probe for 10.0.22000 (Windows 11) and later. Both tiers run it: the probe of the
// other Windows is not applicable, neither evidence nor clean.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dump } from "js-yaml";
import { analyzeBytes, compilePlan } from "../../src/pipeline.js";

export const BUILDS_ID = "kb100004";
export const FLAG_KEY = "HKLM\\Software\\X";
const WIN10 = { windows: { max: "10.0.19045" } };
const WIN11 = { windows: { min: "10.0.22000" } };

const flagStep = (id: string, name: string, applies: object) => ({
  id,
  kind: "registry-value",
  key: FLAG_KEY,
  name,
  type: "dword",
  data: 1,
  applies,
});
const flagProbe = (id: string, name: string, applies: object) => ({
  id,
  kind: "registry-value",
  key: FLAG_KEY,
  name,
  type: "dword",
  expected: 1,
  applies,
});

/** `group`: how the detection joins the two probes. */
export function buildsPlaybook(group: "any" | "all" = "any"): Record<string, unknown> {
  return {
    schemaVersion: 1,
    id: BUILDS_ID,
    title: "Windows 10 and Windows 11 by build",
    kb: [100004],
    source: { url: "https://support.microsoft.com/kb/100004", revision: "1.0" },
    summary: "Sets one flag on Windows 10 1809 to 22H2 and another on Windows 11.",
    targets: ["ps1", "cmd"],
    applies: { windows: { min: "10.0.17763" } },
    detection: {
      [group]: [flagProbe("win10-flag", "Win10", WIN10), flagProbe("win11-flag", "Win11", WIN11)],
    },
    strategy: "all",
    methods: [
      {
        id: "m1",
        kbMethod: 1,
        title: "Set the flag of this Windows",
        risk: "low",
        reboot: "none",
        steps: [flagStep("s-win10", "Win10", WIN10), flagStep("s-win11", "Win11", WIN11)],
      },
    ],
  };
}

/** Compiles it; returns the folder holding <id>/<id>.ps1, .detect.ps1 and .fix.cmd. */
export function compileBuildsPlaybook(group: "any" | "all" = "any"): string {
  const text = dump(buildsPlaybook(group));
  const analysis = analyzeBytes(`${BUILDS_ID}.yaml`, Buffer.from(text, "utf8"));
  if (!analysis.plan) throw new Error(JSON.stringify(analysis.diagnostics, null, 2));
  const dir = mkdtempSync(join(tmpdir(), "kbfix-builds-"));
  for (const file of compilePlan(analysis.plan)) {
    mkdirSync(join(dir, file.path, ".."), { recursive: true });
    writeFileSync(join(dir, file.path), file.bytes);
  }
  return dir;
}
