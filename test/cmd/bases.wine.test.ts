// The bases beyond %windir% in the .fix.cmd under Wine (ver says NT 10.0, so %CommonAppData% is
// ProgramData): %ALLUSERSPROFILE% is the environment's value and %SystemDrive% a drive letter
// with a folder below it. Wine sets SystemDrive to C: (its drive_c) whatever the caller passes,
// so the folder on the system drive is made there, under a name of its own; the pwsh tier
// covers a %SystemDrive% that is not a drive letter.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { BASES_ID, compileBasesPlaybook } from "../support/bases-playbook.js";
import type { SimulatedWindows } from "../support/simulated-windows-cmd.js";
import { toWinPath, winePrefix } from "../support/wine.js";
import { resultLines, withSim } from "./scenario.js";
import { wineScenarios } from "./wine-gate.js";

const scenario = wineScenarios(import.meta.url);

/** The vendor folders, and the playbook with its system-drive folder on Wine's C:. */
function prepare(sim: SimulatedWindows) {
  sim.write("ProgramData/Vendor/Cache/cache.log", 500);
  sim.write("AllUsers/Vendor/Queue/q.dat", 10);
  const drive = mkdtempSync(join(winePrefix, "drive_c", "kbfix-bases-"));
  mkdirSync(join(drive, "Vendor"));
  writeFileSync(join(drive, "Vendor", "job.spl"), "x");
  const out = compileBasesPlaybook(`${basename(drive)}\\Vendor`);
  return {
    out,
    drive,
    fix: join(out, BASES_ID, `${BASES_ID}.fix.cmd`),
    env: { ALLUSERSPROFILE: toWinPath(join(sim.root, "AllUsers")) },
  };
}

scenario("%CommonAppData%, %ALLUSERSPROFILE% and %SystemDrive% folders are renamed", () =>
  withSim((sim) => {
    const { out, drive, fix, env } = prepare(sim);
    try {
      const run = sim.run(fix, [], env);
      const log = sim.logText(BASES_ID);
      assert.is(run.code, 0, log);
      for (const id of ["r-common", "r-allusers", "r-drive"])
        assert.match(resultLines(log, id)[0] ?? "", "changed", log);
      assert.ok(existsSync(join(sim.root, "ProgramData/Vendor/Cache.old/cache.log")));
      assert.ok(existsSync(join(sim.root, "AllUsers/Vendor/Queue.old/q.dat")));
      assert.ok(existsSync(join(drive, "Vendor.old", "job.spl")));
    } finally {
      rmSync(out, { recursive: true, force: true });
      rmSync(drive, { recursive: true, force: true });
    }
  }),
);

test.run();
