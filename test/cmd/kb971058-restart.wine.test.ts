// KB971058 under Wine, the ladder restarting at rung 1: after a first reset (its state written as
// a real run leaves it, kb971058-scenario.ts) and new failures, live evidence, a memory 30 or more
// days old, a ladder file that names no method, or no forfiles (XP) make the next run start at
// rung 1 again. Wine has no forfiles: the simulated Windows has a built one
// (test/cmd/fake-forfiles.ts) that keeps Windows' date rule.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { compileTo } from "./compile-fixture.js";
import {
  assertRestartedAtRungOne,
  broken,
  ID,
  ladderFile,
  lastRunLog,
  qmgrFiles,
  rungOneRemembered,
  withQueueFileProbe,
} from "./kb971058-scenario.js";
import { withSim } from "./scenario.js";
import { wineScenarios } from "./wine-gate.js";

const scenario = wineScenarios(import.meta.url);

scenario("new failures and a live probe's evidence: the ladder restarts at rung 1", () =>
  withSim((sim) => {
    const { fix } = compileTo(join(sim.root, "out"), ID, withQueueFileProbe);
    broken(sim);
    rungOneRemembered(sim);
    const run = sim.run(fix, ["highrisk"]);
    assert.match(lastRunLog(sim), "live evidence (not only events or log lines)");
    assertRestartedAtRungOne(sim, run);
    assert.equal(qmgrFiles(sim), []);
  }),
);

scenario("new failures 31 days after the first reset: the ladder restarts at rung 1", () =>
  withSim((sim) => {
    const { fix } = compileTo(join(sim.root, "out"), ID);
    broken(sim);
    rungOneRemembered(sim);
    const monthAgo = Date.now() / 1000 - 31 * 86400;
    utimesSync(ladderFile(sim), monthAgo, monthAgo);
    const run = sim.run(fix, ["highrisk"]);
    assert.match(lastRunLog(sim), "was tried 30 or more days ago");
    assertRestartedAtRungOne(sim, run);
  }),
);

scenario("a ladder file that names no method is ignored with a warning: rung 1 again", () =>
  withSim((sim) => {
    const { fix } = compileTo(join(sim.root, "out"), ID);
    broken(sim);
    rungOneRemembered(sim);
    writeFileSync(
      ladderFile(sim),
      '"reset-with-step-4" & echo planted>"%TEMP%\\kbfix-planted"\r\n',
    );
    const run = sim.run(fix, ["highrisk"]);
    assert.match(
      lastRunLog(sim),
      /WARNING: ignoring .*fix\.cmd\.ladder: it does not name a method/,
    );
    assertRestartedAtRungOne(sim, run);
    assert.is(readFileSync(ladderFile(sim), "utf8"), "reset-without-step-4\r\n");
  }),
);

scenario(
  "no forfiles (Windows XP): the memory's age is unknown, the ladder restarts at rung 1",
  () =>
    withSim((sim) => {
      const { fix } = compileTo(join(sim.root, "out"), ID);
      broken(sim);
      rungOneRemembered(sim);
      rmSync(join(sim.system32, "forfiles.exe"));
      const run = sim.run(fix, ["highrisk"]);
      assert.match(lastRunLog(sim), "no forfiles.exe (Windows XP)");
      assertRestartedAtRungOne(sim, run);
    }),
);

test.run();
