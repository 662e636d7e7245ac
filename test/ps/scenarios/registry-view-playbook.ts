// A playbook that keeps a value in the 32-bit registry view (as a 32-bit program, e.g. an old
// ConfigMgr client, keeps its settings): the probe and the step name view 32. The 64-bit view
// holds the same key with other data, so a script that reached the wrong view would show it.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dump } from "js-yaml";
import { analyzeBytes, compilePlan } from "../../../src/pipeline.js";

export const VIEW_ID = "kb100005";
/** A key no Windows or Wine prefix has, below HKLM\SOFTWARE (the part Windows redirects). */
export const VIEW_KEY = "SOFTWARE\\KbfixSim\\View";
/** Where a 32-bit program's VIEW_KEY is on 64-bit Windows. */
export const VIEW_KEY_32 = "SOFTWARE\\WOW6432Node\\KbfixSim\\View";

const value = (view: 32 | 64) => ({
  key: `HKLM\\${VIEW_KEY}`,
  name: "Mode",
  type: "dword",
  view,
});

export const SET_32 = { id: "set-32", kind: "registry-value", ...value(32), data: 1 };
export const SET_64 = { id: "set-64", kind: "registry-value", ...value(64), data: 1 };
const PROBE_32 = { id: "mode-32", kind: "registry-value", ...value(32), expected: 1 };

function playbook(targets: string[], steps: object[]): Record<string, unknown> {
  return {
    schemaVersion: 1,
    id: VIEW_ID,
    title: "A value in the 32-bit registry view",
    kb: [100005],
    source: {
      url: "https://support.microsoft.com/kb/100005",
      revision: "1.0",
      language: "en-US",
      notes: ["Test fixture."],
    },
    summary: "Sets a 32-bit program's setting in the 32-bit registry view.",
    targets,
    applies: { windows: { min: "5.1" }, context: "system" },
    detection: { any: [PROBE_32] },
    strategy: "all",
    methods: [{ id: "m1", kbMethod: 1, title: "The value", risk: "low", reboot: "none", steps }],
  };
}

/** Compiles the playbook; returns the folder holding <id>/<id>.ps1 (and .fix.cmd). */
export function compileViewPlaybook(targets = ["ps1"], steps: object[] = [SET_32]): string {
  const yaml = dump(playbook(targets, steps));
  const analysis = analyzeBytes(`${VIEW_ID}.yaml`, Buffer.from(yaml, "utf8"));
  if (!analysis.plan) throw new Error(JSON.stringify(analysis.diagnostics, null, 2));
  const dir = mkdtempSync(join(tmpdir(), "kbfix-view-"));
  for (const file of compilePlan(analysis.plan)) {
    mkdirSync(join(dir, file.path, ".."), { recursive: true });
    writeFileSync(join(dir, file.path), file.bytes);
  }
  return dir;
}
