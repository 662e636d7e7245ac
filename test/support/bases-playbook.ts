// A playbook that works under the bases KB articles name besides %windir%: %CommonAppData%
// (ProgramData from Vista on, the translated "Common AppData" shell folder on XP and 2003),
// %ALLUSERSPROFILE% and a folder on %SystemDrive%. Each step renames a vendor folder behind a
// `removes` guard; the detection is a large log in the %CommonAppData% folder. Both tiers run it.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dump } from "js-yaml";
import { analyzeBytes, compilePlan } from "../../src/pipeline.js";

export const BASES_ID = "kb100005";
export const COMMON_FOLDER = "%CommonAppData%\\Vendor\\Cache";
export const ALLUSERS_FOLDER = "%ALLUSERSPROFILE%\\Vendor\\Queue";

const rename = (id: string, path: string, newName: string) => ({
  id,
  kind: "rename",
  path,
  newName,
  guard: { removes: path },
});

/** `driveFolder`: the segments below %SystemDrive% of the third step, e.g. Spool\Vendor. */
export function basesPlaybook(driveFolder: string): Record<string, unknown> {
  return {
    schemaVersion: 1,
    id: BASES_ID,
    title: "Folders under the common application data, all users and the system drive",
    kb: [100005],
    source: { url: "https://support.microsoft.com/kb/100005", revision: "1.0" },
    summary: "Renames a vendor cache under each base so the vendor rebuilds it.",
    targets: ["ps1", "cmd"],
    detection: {
      any: [
        {
          id: "big-cache-log",
          kind: "file-size",
          path: `${COMMON_FOLDER}\\cache.log`,
          aboveBytes: 100,
        },
      ],
    },
    strategy: "all",
    methods: [
      {
        id: "m1",
        kbMethod: 1,
        title: "Rename the vendor folders",
        risk: "low",
        reboot: "none",
        steps: [
          rename("r-common", COMMON_FOLDER, "Cache.old"),
          rename("r-allusers", ALLUSERS_FOLDER, "Queue.old"),
          rename("r-drive", `%SystemDrive%\\${driveFolder}`, "Vendor.old"),
        ],
      },
    ],
  };
}

/** Compiles it; returns the folder holding <id>/<id>.ps1, .detect.ps1 and .fix.cmd. */
export function compileBasesPlaybook(driveFolder = "Spool\\Vendor"): string {
  const text = dump(basesPlaybook(driveFolder));
  const analysis = analyzeBytes(`${BASES_ID}.yaml`, Buffer.from(text, "utf8"));
  if (!analysis.plan) throw new Error(JSON.stringify(analysis.diagnostics, null, 2));
  const dir = mkdtempSync(join(tmpdir(), "kbfix-bases-"));
  for (const file of compilePlan(analysis.plan)) {
    mkdirSync(join(dir, file.path, ".."), { recursive: true });
    writeFileSync(join(dir, file.path), file.bytes);
  }
  return dir;
}
