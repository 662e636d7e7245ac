// Windows builds in applicability, and probes with their own applies, in the .fix.cmd under
// Wine, whose ver prints 10.0.18362 (Windows 10 1903): the Windows 10 step and probe apply,
// the Windows 11 ones (10.0.22000 and later) do not, and a not-applicable probe is left out of
// any and all.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { BUILDS_ID, compileBuildsPlaybook, FLAG_KEY } from "../support/builds-playbook.js";
import { assertCode, resultLines, withSim } from "./scenario.js";
import { wineScenarios } from "./wine-gate.js";

const scenario = wineScenarios(import.meta.url);

function fixOf(group: "any" | "all"): { out: string; fix: string } {
  const out = compileBuildsPlaybook(group);
  return { out, fix: join(out, BUILDS_ID, `${BUILDS_ID}.fix.cmd`) };
}

scenario("Windows 10 1903 (Wine): the build decides which step runs; clean afterwards", () =>
  withSim((sim) => {
    const { out, fix } = fixOf("any");
    try {
      sim.ownKey(FLAG_KEY);
      const run = sim.run(fix);
      const log = sim.logText(BUILDS_ID);
      assertCode(run, 0, log);
      assert.is(sim.readRegistryValue(FLAG_KEY, "Win10"), "0x1");
      assert.match(
        resultLines(log, "s-win11")[0]!,
        "not-applicable; Windows NT 10.0.18362 is older than NT 10.0.22000",
      );
      assert.match(log, "evidence win11-flag: not applicable; Windows NT 10.0.18362 is older");
      assert.match(log, "Windows NT 10.0.18362 (from ver)");
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }),
);

scenario("all: the probe that does not apply is left out, the one that does decides", () =>
  withSim((sim) => {
    const { out, fix } = fixOf("all");
    try {
      sim.ownKey(FLAG_KEY);
      const check = sim.run(fix, ["check"]);
      const log = sim.logText(BUILDS_ID);
      // Win10 is missing: with the Windows 11 probe left out, all of one is present.
      assert.match(log, "evidence: PRESENT");
      assert.is(sim.readRegistryValue(FLAG_KEY, "Win10"), undefined);
      assert.ok(check.code !== 0, log);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }),
);

test.run();
