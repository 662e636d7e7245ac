// The batch file-contains probe keeps the .ps1's time window: a log last written 45 days ago is
// not searched (forfiles tells its age by date), one written today is; without forfiles (Windows
// XP) the age is unknown and the file is searched.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { rmSync, utimesSync } from "node:fs";
import { join } from "node:path";
import {
  AGE_LOG,
  AGE_TOKEN_LINE,
  compileFileAgePlaybook,
  FILE_AGE_ID,
} from "../support/file-age-playbook.js";
import type { SimulatedWindows } from "../support/simulated-windows-cmd.js";
import { recap, withSim } from "./scenario.js";
import { wineScenarios } from "./wine-gate.js";

const scenario = wineScenarios(import.meta.url);
const compliant = (stdout: string) => /Compliant \(exit 0\)/.test(recap(stdout));

/** Compiles the playbook, runs its .fix.cmd on the machine, removes the compiled folder. */
function runFix(sim: SimulatedWindows) {
  const out = compileFileAgePlaybook();
  try {
    return sim.run(join(out, FILE_AGE_ID, `${FILE_AGE_ID}.fix.cmd`));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function logWritten(sim: SimulatedWindows, daysAgo: number): void {
  sim.write(AGE_LOG.replace(/\\/g, "/"), AGE_TOKEN_LINE);
  const when = Date.now() / 1000 - daysAgo * 86400;
  utimesSync(join(sim.root, AGE_LOG.replace(/\\/g, "/")), when, when);
}

scenario("a log with the token written today is evidence", () =>
  withSim((sim) => {
    logWritten(sim, 0);
    const run = runFix(sim);
    assert.not.ok(compliant(run.stdout), run.stdout);
    assert.match(sim.logText(FILE_AGE_ID), "has 0x800B0109");
  }),
);

scenario("the same log last written 45 days ago is not searched: compliant", () =>
  withSim((sim) => {
    logWritten(sim, 45);
    const run = runFix(sim);
    assert.ok(compliant(run.stdout), run.stdout);
    assert.match(sim.logText(FILE_AGE_ID), "kbfix-age.log not written in the last 30 days");
  }),
);

scenario("no forfiles (Windows XP): the old log's age is unknown, so it is searched", () =>
  withSim((sim) => {
    logWritten(sim, 45);
    rmSync(join(sim.system32, "forfiles.exe"));
    const run = runFix(sim);
    assert.not.ok(compliant(run.stdout), run.stdout);
    assert.match(sim.logText(FILE_AGE_ID), "has 0x800B0109");
  }),
);

test.run();
