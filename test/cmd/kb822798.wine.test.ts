// KB822798 under Wine, escalating through the article's methods. Variant: the NT 5.x gates
// are opened and %SystemRoot% paths use %windir% (test/cmd/variants.ts: Wine reports NT 10.0
// and resets SystemRoot in every process).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { onlyWindowsXp } from "./variants.js";
import { broken, compile, POLICY_KEY } from "./kb822798-scenario.js";
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

const ID = "kb822798";
const F750 = "Windows/System32/CatRoot/{F750E6C3-38EE-11D1-85E5-00C04FC295EE}";

scenario(
  "broken -> fixed (exit 0) by methods 1 and 2, then the escalation stops; a second run changes nothing",
  () =>
    withSim((sim) => {
      const fix = compile(sim);
      broken(sim);
      sim.write("Windows/System32/oldcatroot2/from-an-earlier-run", "x");
      const run = sim.run(fix);
      const log = sim.logText(ID);
      assertCode(run, 0, log);
      assert.match(recap(run.stdout), `kbfix ${ID}: Fixed (exit 0)`);
      assert.equal(sim.service("CryptSvc"), { start: 2, state: 4 });
      const system32 = join(sim.windir, "System32");
      assert.not.ok(existsSync(join(system32, "catroot2")), "catroot2 renamed");
      assert.ok(existsSync(join(system32, "oldcatroot2.1", "edb.log")), "to a free name");
      assert.ok(existsSync(join(system32, "CatRoot")), "CatRoot is never renamed");
      assert.equal(readdirSync(join(sim.root, F750)), ["nt5.cat"], "only tmp*.cat deleted");
      assert.match(log, "the evidence is gone after method 2: the remaining methods are skipped");
      assert.match(resultLines(log, "register-crypto-dlls")[0]!, "skipped");

      const before = sim.snapshot();
      sim.clearCalls();
      const again = sim.run(fix);
      assertCode(again, 0, sim.logText(ID));
      assert.match(recap(again.stdout), `kbfix ${ID}: Compliant (exit 0)`);
      assert.equal(sim.snapshot(), before);
      assert.equal(mutatingCalls(sim.calls()), []);
      assert.equal(sim.service("CryptSvc"), { start: 2, state: 4 });
    }),
);

scenario(
  "check mode (with highrisk): every method reports what it would change; nothing changes; exit 1",
  () =>
    withSim((sim) => {
      const fix = compile(sim);
      broken(sim);
      sim.attributes("Windows/System32/catroot2", "+s");
      const before = sim.snapshot({ withState: true });
      const run = sim.run(fix, ["check", "highrisk"]);
      const log = sim.logText(ID);
      assertCode(run, 1, log);
      assert.match(recap(run.stdout), "StillPresent (exit 1)");
      const would = "changed (check mode: would change; nothing was changed)";
      for (const id of [
        "cryptsvc-automatic-running",
        "rename-catroot2-to-oldcatroot2",
        "delete-tmp-cat-f750e6c3",
        "regsvr32-crypto-dlls",
        "attrib-catroot2",
        "non-driver-signing-policy-00",
        "rename-edb-log-to-tst",
        "set-aside-oem-files",
        "empty-softwaredistribution",
      ])
        assert.match(resultLines(log, id)[0] ?? `${id}: no result`, would);
      assert.match(resultLines(log, "in-place-upgrade-guidance")[0]!, "] manual; see README.md");
      assert.match(
        resultLines(log, "root-microsoft-root-authority")[0]!,
        "cannot be done by the batch script",
      );
      assert.equal(sim.snapshot({ withState: true }), before);
      assert.equal(checkModeCalls(sim.calls()), []);
      assert.equal(sim.service("CryptSvc"), { start: 4, state: 1 });
      assert.equal(sim.service("wuauserv"), { start: 2, state: 4 });
      assert.is(sim.readRegistryValue(POLICY_KEY, "Policy"), undefined);
      assert.match(sim.attributes("Windows/System32/catroot2"), /s/);
    }),
);

scenario(
  "methods 3, 4, 5, 10, 11 for real while edb.log stays oversized: each kind changes its state; exit 4",
  () =>
    withSim((sim) => {
      const fix = compile(sim);
      broken(sim);
      sim.attributes("Windows/System32/catroot2", "+s");
      const args = [
        "register-crypto-dlls",
        "clear-hidden-attribute",
        "non-driver-signing-silently-succeed",
        "clear-softwaredistribution",
        "in-place-upgrade",
      ].flatMap((m) => ["method", m]);
      const run = sim.run(fix, args);
      const log = sim.logText(ID);
      assertCode(run, 4, log);
      assert.match(recap(run.stdout), "ManualActionNeeded (exit 4)");
      assert.match(
        resultLines(log, "regsvr32-crypto-dlls")[0]!,
        "skipped, not on this Windows: gpkcsp.dll sccbase.dll slbcsp.dll",
      );
      assert.is(sim.calls().filter((c) => c.startsWith("regsvr32 /s ")).length, 7);
      assert.match(resultLines(log, "attrib-catroot2")[0]!, "changed");
      assert.match(resultLines(log, "attrib-windir")[0]!, "] ok");
      assert.not.match(sim.attributes("Windows/System32/catroot2"), /s/);
      assert.is(sim.readRegistryValue(POLICY_KEY, "Policy"), "00");
      assert.match(
        resultLines(log, "non-driver-signing-gpo-windows-2000")[0]!,
        "not-applicable; Windows NT 10.0 is newer than NT 5.0",
      );
      const backup = join(sim.windir, "SoftwareDistribution.kbfix-backup-1");
      assert.equal(readdirSync(backup).sort(), ["DataStore", "Download"]);
      assert.equal(readdirSync(join(sim.windir, "SoftwareDistribution")), []);
      assert.equal(sim.service("wuauserv"), { start: 2, state: 4 });
      assert.match(resultLines(log, "rename-catroot2")[0]!, "not selected by a method argument");
    }),
);

scenario(
  "method 9 is high risk: skipped without highrisk, with it the oem files are kept as *.kbfix-bak",
  () =>
    withSim((sim) => {
      const fix = compile(sim);
      broken(sim);
      sim.setService("CryptSvc", { start: 2, state: 4 });
      const args = ["method", "clear-temporary-catalogs-and-oem-files"];
      const skipped = sim.run(fix, args);
      assertCode(skipped, 1, sim.logText(ID));
      assert.match(sim.logText(ID), "high risk: runs only with the argument highrisk");
      assert.ok(existsSync(join(sim.windir, "inf", "oem1.inf")));
      const run = sim.run(fix, [...args, "highrisk"]);
      assertCode(run, 0, sim.logText(ID));
      assert.equal(readdirSync(join(sim.windir, "inf")).sort(), [
        "machine.inf",
        "oem1.PNF.kbfix-bak",
        "oem1.inf.kbfix-bak",
      ]);
      assert.equal(readdirSync(join(sim.root, F750)), ["nt5.cat"]);
      assert.ok(existsSync(join(sim.windir, "System32", "oldcatroot2")));
      assert.equal(sim.service("CryptSvc"), { start: 2, state: 4 }, "stopped, started again");
      assert.ok(sim.calls().includes('net stop "CryptSvc"'));
    }),
);

scenario("not applicable (a variant limited to Windows XP): exit 3, nothing changed", () =>
  withSim((sim) => {
    const fix = compile(sim, onlyWindowsXp);
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
