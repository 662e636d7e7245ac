// A playbook that sets HKCU values in every user profile (a per-user step holding
// registry-value steps), and the profiles both simulated Windows get for it: a logged-on user
// (hive loaded as HKEY_USERS\<SID>), a user whose hive is only the file NTUSER.DAT, one whose
// NTUSER.DAT is in use (it cannot be loaded) and one without NTUSER.DAT.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dump } from "js-yaml";
import { analyzeBytes, compilePlan } from "../../../src/pipeline.js";

export const HKCU_ID = "kb100004";
// Keys no Windows or Wine prefix has: the Wine tests may delete them again from Wine's own user.
export const PROXY_KEY = "Software\\KbfixSim\\Internet Settings";
export const POLICY_KEY = "Software\\KbfixSim\\Policies";

export const HKCU_STEPS = [
  {
    id: "hk-proxy",
    kind: "registry-value",
    key: `HKCU\\${PROXY_KEY}`,
    name: "ProxyEnable",
    type: "dword",
    data: 0,
  },
  {
    id: "hk-policy",
    kind: "registry-value",
    key: `HKCU\\${POLICY_KEY}`,
    name: "Mode",
    type: "string",
    data: "safe",
  },
];

function playbook(targets: string[]): Record<string, unknown> {
  return {
    schemaVersion: 1,
    id: HKCU_ID,
    title: "HKCU values in every profile",
    kb: [100004],
    source: {
      url: "https://support.microsoft.com/kb/100004",
      revision: "1.0",
      language: "en-US",
      notes: ["Test fixture."],
    },
    summary: "Turns the proxy off and sets a policy value for every user.",
    targets,
    applies: { windows: { min: "5.1" }, context: "system" },
    detection: {
      any: [{ id: "marker", kind: "file-size", path: "%windir%\\marker.bin", aboveBytes: 10 }],
    },
    strategy: "all",
    methods: [
      {
        id: "m1",
        kbMethod: 1,
        title: "Every profile",
        risk: "low",
        reboot: "none",
        steps: [{ id: "hk", kind: "per-user", includeServiceProfiles: false, steps: HKCU_STEPS }],
      },
    ],
  };
}

/** Compiles the playbook; returns the folder holding <id>/<id>.ps1 (and .fix.cmd). */
export function compileHkcuPlaybook(targets = ["ps1"]): string {
  const analysis = analyzeBytes(`${HKCU_ID}.yaml`, Buffer.from(dump(playbook(targets)), "utf8"));
  if (!analysis.plan) throw new Error(JSON.stringify(analysis.diagnostics, null, 2));
  const dir = mkdtempSync(join(tmpdir(), "kbfix-hkcu-"));
  for (const file of compilePlan(analysis.plan)) {
    mkdirSync(join(dir, file.path, ".."), { recursive: true });
    writeFileSync(join(dir, file.path), file.bytes);
  }
  return dir;
}
