// KB971058 under Wine, the first reset: a Windows Update scan failure (event 25 in the client's
// Operational log) -> the reset without step 4 (services stopped and started at the end, qmgr*.dat
// deleted, the DLLs registered, netsh winsock reset), exit 3010 as the .ps1, leaving the state
// kb971058-scenario.ts writes for the ladder suites; a second run and check mode change nothing;
// netsh failing names its step. Windows 2000 cannot be simulated (Wine is NT 10.0): the
// not-applicable case uses the XP-only variant, as kb2328240's does. The ladder across runs is in
// kb971058-rung2.wine.test.ts and kb971058-restart.wine.test.ts (one suite ran ~13 full script
// runs, too close to the time a suite may take on a loaded machine).
// The fakes have no netsh (installed here like the other simple fakes).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { compileTo } from "./compile-fixture.js";
import {
  broken,
  ID,
  ladderFile,
  qmgrFiles,
  rememberedState,
  RUNG_ONE_STATE,
  SERVICES,
  STEP4_FOLDERS,
  toolCalls,
} from "./kb971058-scenario.js";
import {
  assertCode,
  mutatingCalls,
  recap,
  resultLines,
  withSim,
  checkModeCalls,
} from "./scenario.js";
import { onlyWindowsXp } from "./variants.js";
import { wineScenarios } from "./wine-gate.js";

const scenario = wineScenarios(import.meta.url);

scenario(
  "broken -> reset without step 4, exit 3010 as the .ps1; a second run changes nothing",
  () =>
    withSim((sim) => {
      const { fix } = compileTo(join(sim.root, "out"), ID);
      broken(sim);
      const run = sim.run(fix);
      const log = sim.logText(ID);
      assertCode(run, 3010, log);
      assert.match(recap(run.stdout), `kbfix ${ID}: FixedSoftReboot (exit 3010)`);
      assert.equal(qmgrFiles(sim), []);
      for (const name of SERVICES) assert.is(sim.service(name).state, 4, `${name} runs`);
      for (const name of SERVICES)
        assert.match(log, `started service ${name} at the end of the method`);
      const registered = toolCalls(sim, "regsvr32").map((c) => c.replace(/^.*\\/, ""));
      assert.equal(registered, [
        'atl.dll"',
        'softpub.dll"',
        'wintrust.dll"',
        'dssenh.dll"',
        'rsaenh.dll"',
        'cryptdlg.dll"',
        'initpki.dll"',
        'wuapi.dll"',
        'qmgr.dll"',
      ]);
      assert.equal(toolCalls(sim, "netsh"), ['netsh  "winsock" "reset"']);
      assert.match(resultLines(log, "first-proxycfg-reset")[0]!, "not-applicable");
      assert.match(resultLines(log, "reset-with-step-4")[0]!, "skipped");
      for (const folder of STEP4_FOLDERS.slice(0, 2))
        assert.ok(existsSync(join(sim.root, folder)), `${folder} untouched`);
      // The state the ladder suites start from (rungOneRemembered) is exactly what this run left.
      assert.equal(rememberedState(sim), RUNG_ONE_STATE);

      const before = sim.snapshot();
      sim.clearCalls();
      const again = sim.run(fix);
      assertCode(again, 0, sim.logText(ID));
      assert.match(recap(again.stdout), `kbfix ${ID}: Compliant (exit 0)`);
      assert.equal(sim.snapshot(), before);
      assert.equal(mutatingCalls(sim.calls()), []);
      assert.equal(toolCalls(sim, "netsh"), []);
    }),
);

scenario("check mode: would reset, changes nothing, runs nothing, exit 1", () =>
  withSim((sim) => {
    const { fix } = compileTo(join(sim.root, "out"), ID);
    broken(sim);
    const before = sim.snapshot({ withState: true });
    const run = sim.run(fix, ["check"]);
    const log = sim.logText(ID);
    assertCode(run, 1, log);
    assert.match(recap(run.stdout), "check mode: nothing was changed");
    for (const step of ["first-delete-qmgr-dat", "first-register-dlls", "first-winsock-reset"])
      assert.match(resultLines(log, step)[0]!, "changed (check mode: would change");
    assert.equal(sim.snapshot({ withState: true }), before);
    assert.equal(checkModeCalls(sim.calls()), []);
    assert.equal(toolCalls(sim, "netsh"), []);
    for (const name of SERVICES) assert.is(sim.service(name).state, 4);
    assert.not.ok(existsSync(ladderFile(sim)), "check mode remembers no method");
  }),
);

scenario("netsh winsock reset exits 1 -> exit 2, the step named, services run again", () =>
  withSim((sim) => {
    const { fix } = compileTo(join(sim.root, "out"), ID);
    broken(sim);
    sim.failTool("netsh", 1);
    const run = sim.run(fix);
    const log = sim.logText(ID);
    assertCode(run, 2, log);
    assert.match(recap(run.stdout), "StepFailed (exit 2)");
    assert.match(recap(run.stdout), "failed: first-winsock-reset");
    for (const name of SERVICES) assert.is(sim.service(name).state, 4, `${name} runs`);
  }),
);

scenario("not applicable (a variant limited to Windows XP): exit 3, nothing changed", () =>
  withSim((sim) => {
    const { fix } = compileTo(join(sim.root, "out"), ID, onlyWindowsXp);
    broken(sim);
    const before = sim.snapshot();
    const run = sim.run(fix);
    assertCode(run, 3, sim.logText(ID));
    assert.match(recap(run.stdout), "NotApplicable (exit 3)");
    assert.equal(sim.snapshot(), before);
    assert.equal(mutatingCalls(sim.calls()), []);
  }),
);

test.run();
