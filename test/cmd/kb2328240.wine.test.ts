// KB2328240 under Wine: CAPI2 event 4107 with authrootstl.cab -> every profile's
// CryptnetUrlCache emptied; a second run, check mode, a file in use, not applicable.
// No variant is needed for 10.0: the playbook applies from NT 6.0 on.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { SimulatedWindows } from "../support/simulated-windows-cmd.js";
import { SERVICE_PROFILES } from "../support/simulated-windows-cmd.js";
import { compileTo } from "./compile-fixture.js";
import { whileHeld } from "./file-holder.js";
import { onlyWindowsXp } from "./variants.js";
import { wineScenarios } from "./wine-gate.js";
import {
  assertCode,
  mutatingCalls,
  recap,
  resultLines,
  withSim,
  checkModeCalls,
} from "./scenario.js";

const scenario = wineScenarios(import.meta.url);

const ID = "kb2328240";
const SID = `S-1-5-21-4242-${process.pid}-7-1001`;
const URL =
  "http://www.download.windowsupdate.com/msdownload/update/v3/static/trustedr/en/authrootstl.cab";

/** Event 4107 with the cab URL in its data, and a user with a filled cache. */
function broken(sim: SimulatedWindows): string {
  sim.addEvent(4107, 120, URL);
  return sim.addUserProfile(SID, "alice");
}

scenario(
  "broken -> fixed (exit 0): every profile's cache emptied, folders kept; a second run changes nothing",
  () =>
    withSim((sim) => {
      const { fix } = compileTo(join(sim.root, "out"), ID);
      const alice = broken(sim);
      const run = sim.run(fix);
      const log = sim.logText(ID);
      assertCode(run, 0, log);
      assert.match(recap(run.stdout), `kbfix ${ID}: Fixed (exit 0)`);
      for (const profile of [alice, ...SERVICE_PROFILES]) {
        assert.equal(sim.cacheEntries(profile), [], `${profile} still has cache entries`);
        assert.ok(
          existsSync(
            join(sim.root, profile, "AppData/LocalLow/Microsoft/CryptnetUrlCache/Content"),
          ),
        );
      }
      assert.equal(resultLines(log, `clear-cryptnet-content@${SID}`).length, 1);
      assert.match(resultLines(log, `clear-cryptnet-metadata@LocalService`)[0]!, "changed");
      const state = join(sim.programData, "kbfix", ID, "capi2-event-4107-authroot.cmd-state");
      assert.is(
        readFileSync(state, "utf8").trim(),
        "120",
        "the newest record id is the new baseline",
      );

      // The 4107 event stays in the log, but it is not newer than the fix: nothing to do.
      const before = sim.snapshot();
      sim.clearCalls();
      const again = sim.run(fix);
      assertCode(again, 0, sim.logText(ID));
      assert.match(recap(again.stdout), `kbfix ${ID}: Compliant (exit 0)`);
      assert.equal(sim.snapshot(), before);
      assert.equal(mutatingCalls(sim.calls()), []);
    }),
);

scenario("check mode: lists what would change, changes nothing, exit 1 (changes pending)", () =>
  withSim((sim) => {
    const { fix } = compileTo(join(sim.root, "out"), ID);
    broken(sim);
    const before = sim.snapshot({ withState: true });
    const run = sim.run(fix, ["check"]);
    const log = sim.logText(ID);
    assertCode(run, 1, log);
    assert.match(recap(run.stdout), "StillPresent (exit 1)");
    assert.match(recap(run.stdout), "check mode: nothing was changed");
    assert.match(
      resultLines(log, `clear-cryptnet-content@${SID}`)[0]!,
      "changed (check mode: would change; nothing was changed)",
    );
    assert.equal(sim.snapshot({ withState: true }), before);
    assert.equal(checkModeCalls(sim.calls()), []);
  }),
);

scenario("a cache file in use: exit 2, the step named, the other profiles still cleared", () =>
  withSim(async (sim) => {
    const { fix } = compileTo(join(sim.root, "out"), ID);
    const alice = broken(sim);
    const held = join(
      sim.root,
      alice,
      "AppData/LocalLow/Microsoft/CryptnetUrlCache/Content/7396C420A8E1BC1DA97F1AF0D10BAD21",
    );
    const run = await whileHeld(sim.root, [held], () => sim.run(fix));
    const log = sim.logText(ID);
    assertCode(run, 2, log);
    assert.match(recap(run.stdout), `StepFailed (exit 2)`);
    assert.match(recap(run.stdout), `failed: clear-cryptnet-content@${SID}`);
    assert.match(resultLines(log, `clear-cryptnet-content@${SID}`)[0]!, "failed");
    assert.equal(sim.cacheEntries(SERVICE_PROFILES[1]!), []);
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
    assert.match(sim.logText(ID), "Windows NT 10.0 is newer than NT 5.1");
    assert.equal(sim.snapshot(), before);
    assert.equal(mutatingCalls(sim.calls()), []);
  }),
);

test.run();
