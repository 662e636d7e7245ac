// Guards for every step kind in the .fix.cmd (the .ps1 half is test/ps/scenarios/guards):
// a true guard lets the step run, a false one skips it and names the guard.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { rmSync } from "node:fs";
import { join } from "node:path";
import {
  compileGuardPlaybook,
  GUARD_ID,
  GUARDED_STEPS,
  missingKinds,
} from "../ps/scenarios/guard-playbook.js";
import type { SimulatedWindows } from "../support/simulated-windows-cmd.js";
import { writeFakeTool } from "../support/wine.js";
import { resultLines, withSim } from "./scenario.js";
import { wineTest } from "./wine-gate.js";

const out = compileGuardPlaybook(["ps1", "cmd"]);
const fix = join(out, GUARD_ID, `${GUARD_ID}.fix.cmd`);

function prepare(sim: SimulatedWindows, flags: boolean): void {
  sim.write("Windows/marker.bin", 100);
  sim.setService("CryptSvc", { start: 4, state: 1 });
  sim.write("Windows/Temp/tmp1.cat", 10);
  sim.attributes("Windows/inf", "+h");
  sim.ownKey("HKLM\\Software\\X");
  writeFakeTool(join(sim.root, "ProgramData", "Tools"), "tool", {
    exitCode: 0,
    recordTo: sim.callsLog,
  });
  sim.addUserProfile(`S-1-5-21-4242-${process.pid}-7-1002`, "alice");
  if (flags) for (const step of GUARDED_STEPS) sim.write(`Windows/guard-${step.kind}.flag`, "");
}

/** What a step that runs reports in batch: certificates are manual there (no store access). */
const expected = (kind: string): string =>
  kind === "manual" || kind === "certificate" ? "manual" : "changed";

wineTest("the guard playbook has a step of every kind", () => {
  assert.equal(missingKinds(), []);
});

wineTest("every kind: a true guard lets the step run", () =>
  withSim((sim) => {
    prepare(sim, false);
    sim.run(fix, ["CertFile", "C:\\x.cer"]);
    const log = sim.logText(GUARD_ID);
    for (const step of GUARDED_STEPS) {
      const id = step.kind === "per-user" ? "g-per-user-cache@LocalSystem" : String(step.id);
      const line = resultLines(log, id)[0] ?? `(no result for ${id})`;
      assert.match(line, `[${id}] ${expected(step.kind)}`, line);
    }
  }),
);

wineTest("every kind: a false guard skips the step and names the guard", () =>
  withSim((sim) => {
    prepare(sim, true);
    const before = sim.snapshot();
    sim.clearCalls();
    sim.run(fix, ["CertFile", "C:\\x.cer"]);
    const log = sim.logText(GUARD_ID);
    for (const step of GUARDED_STEPS) {
      const line = resultLines(log, String(step.id))[0] ?? `(no result for ${step.id})`;
      assert.match(line, `[${step.id}] skipped; guard: `, line);
      assert.match(line, `guard-${step.kind}.flag already exists`);
    }
    assert.equal(sim.snapshot(), before);
  }),
);

test.after(() => rmSync(out, { recursive: true, force: true }));
test.run();
