// A playbook that works under the bases KB articles name besides %windir%: %CommonAppData%
// (ProgramData from Vista on, the translated "Common AppData" shell folder on XP and 2003),
// %ALLUSERSPROFILE% and a folder on %SystemDrive%. Each step renames a vendor folder behind a
// `removes` guard; the detection is a large log in the %CommonAppData% folder. Both tiers run it.
import { compileFixture, fixturePlaybook } from "./fixture-playbook.js";

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
  return fixturePlaybook({
    id: BASES_ID,
    title: "Folders under the common application data, all users and the system drive",
    summary: "Renames a vendor cache under each base so the vendor rebuilds it.",
    sourceNotes: false,
    applies: null,
    evidence: [
      {
        id: "big-cache-log",
        kind: "file-size",
        path: `${COMMON_FOLDER}\\cache.log`,
        aboveBytes: 100,
      },
    ],
    methodTitle: "Rename the vendor folders",
    steps: [
      rename("r-common", COMMON_FOLDER, "Cache.old"),
      rename("r-allusers", ALLUSERS_FOLDER, "Queue.old"),
      rename("r-drive", `%SystemDrive%\\${driveFolder}`, "Vendor.old"),
    ],
  });
}

/** Compiles it; returns the folder holding <id>/<id>.ps1, .detect.ps1 and .fix.cmd. */
export function compileBasesPlaybook(driveFolder = "Spool\\Vendor"): string {
  return compileFixture(basesPlaybook(driveFolder));
}
