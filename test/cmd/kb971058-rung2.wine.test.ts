// KB971058 under Wine, rung 2 of the ladder: after a first reset (its state written as a real run
// leaves it, kb971058-scenario.ts), new failures make the next run skip rung 1 ("the evidence came
// back"); the reset with step 4 waits for the argument highrisk, then renames the folders and runs
// sc sdset, read back with sc sdshow. One case selects rung 2 with "method reset-with-step-4".
// The fakes have no sc sdset: this suite's sc answers sdset with 0 and changes nothing, so what
// sdshow shows (the service's .sddl file) decides whether the descriptor "stuck".
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { compileTo } from "./compile-fixture.js";
import {
  BITS_SDDL,
  broken,
  ID,
  ladderFile,
  lastRunLog,
  RUNG2,
  rungOneRemembered,
  scWithSdset,
  SERVICES,
  toolCalls,
  WUAUSERV_SDDL,
} from "./kb971058-scenario.js";
import { assertCode, mutatingCalls, recap, resultLines, withSim } from "./scenario.js";
import { wineScenarios } from "./wine-gate.js";

const scenario = wineScenarios(import.meta.url);

scenario(
  "new failures after the first reset: rung 1 skipped, the reset with step 4 waits for highrisk, then sdset and sdshow verifies",
  () =>
    withSim((sim) => {
      const { fix } = compileTo(join(sim.root, "out"), ID);
      broken(sim);
      scWithSdset(sim, BITS_SDDL, WUAUSERV_SDDL);
      rungOneRemembered(sim);
      const held = sim.run(fix);
      const heldLog = lastRunLog(sim);
      assertCode(held, 1, heldLog);
      assert.match(recap(held.stdout), "StillPresent (exit 1)");
      assert.match(
        resultLines(heldLog, "reset-without-step-4")[0]!,
        "skipped; tried up to method reset-without-step-4 in an earlier run (within the last 30 days); the evidence came back, so the article's next method runs",
      );
      assert.match(
        resultLines(heldLog, "reset-with-step-4")[0]!,
        "high risk: runs only with the argument highrisk",
      );
      assert.equal(mutatingCalls(sim.calls()), []);
      assert.equal(toolCalls(sim, "netsh"), []);

      const run = sim.run(fix, ["highrisk"]);
      const log = lastRunLog(sim);
      assertCode(run, 3010, log);
      assert.match(resultLines(log, "reset-without-step-4")[0]!, "the evidence came back");
      assert.match(resultLines(log, "again-sdset-bits")[0]!, "changed");
      assert.match(resultLines(log, "again-sdset-wuauserv")[0]!, "changed");
      assert.equal(
        // Unquoted: the run step quotes every argument, the fake records the line as given.
        toolCalls(sim, "sc")
          .map((c) => c.replace(/"/g, "").replace(/ +/g, " "))
          .filter((c) => /^sc sd(set|show) /.test(c)),
        [
          `sc sdset bits ${BITS_SDDL}`,
          "sc sdshow bits",
          `sc sdset wuauserv ${WUAUSERV_SDDL}`,
          "sc sdshow wuauserv",
        ],
      );
      // Not checked here: the renames. The batch script's %SystemRoot% is Wine's own
      // (C:\windows), not the simulated tree, so it finds no folder to rename ("ok; ... does not
      // exist"); kb822798 compiles a windirPaths variant for that. The .ps1 suite checks them.
      for (const name of SERVICES) assert.is(sim.service(name).state, 4, `${name} runs`);
      assert.is(readFileSync(ladderFile(sim), "utf8"), "reset-with-step-4\r\n");
    }),
);

scenario(
  "new failures after rung 2, the article's last: no method is left, a warning, nothing runs, exit 1",
  () =>
    withSim((sim) => {
      const { fix } = compileTo(join(sim.root, "out"), ID);
      broken(sim);
      rungOneRemembered(sim);
      writeFileSync(ladderFile(sim), "reset-with-step-4\r\n");
      const run = sim.run(fix, ["highrisk"]);
      const log = lastRunLog(sim);
      assertCode(run, 1, log);
      assert.match(log, "WARNING: only history evidence came back");
      for (const method of ["reset-without-step-4", "reset-with-step-4"])
        assert.match(
          resultLines(log, method)[0]!,
          "skipped; tried up to method reset-with-step-4 in an earlier run (within the last 30 days), the article's last; the evidence came back and no method is left to try",
        );
      assert.equal(mutatingCalls(sim.calls()), []);
      assert.equal(toolCalls(sim, "netsh"), []);
      assert.is(readFileSync(ladderFile(sim), "utf8"), "reset-with-step-4\r\n");
    }),
);

scenario("highrisk, but sdshow shows another descriptor: the sdset steps fail, exit 2", () =>
  withSim((sim) => {
    const { fix } = compileTo(join(sim.root, "out"), ID);
    broken(sim);
    scWithSdset(sim, "D:(A;;CCLCSWRPWPDTLOCRRC;;;SY)", "D:(A;;CCLCSWRPWPDTLOCRRC;;;SY)");
    const run = sim.run(fix, ["highrisk", ...RUNG2]);
    const log = sim.logText(ID);
    assertCode(run, 2, log);
    assert.match(recap(run.stdout), "failed: again-sdset-bits");
    assert.match(resultLines(log, "again-sdset-wuauserv")[0]!, "failed");
  }),
);

test.run();
