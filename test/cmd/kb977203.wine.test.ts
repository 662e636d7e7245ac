// KB977203 under Wine: a ConfigMgr 2007 client (ProductVersion in Wine's registry) whose
// CcmExec.log shows 0x80092024 -> CCMCertFix.exe runs; the client patch is manual guidance.
// No variant is needed: the product, not the Windows version, decides where it applies.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { SimulatedWindows } from "../support/simulated-windows-cmd.js";
import { toWinPath } from "../support/wine.js";
import { compileWithSite } from "../support/site-compile.js";
import { compileTo } from "./compile-fixture.js";
import {
  assertCode,
  mutatingCalls,
  recap,
  resultLines,
  withSim,
  checkModeCalls,
} from "./scenario.js";
import { wineScenarios } from "./wine-gate.js";

const scenario = wineScenarios(import.meta.url);

const ID = "kb977203";
const CLIENT = "HKLM\\SOFTWARE\\Microsoft\\SMS\\Mobile Client";
const CCMEXEC = "Windows/System32/CCM/Logs/CcmExec.log";

/** A ConfigMgr client of `version` whose CcmExec.log has the import failure. */
function broken(sim: SimulatedWindows, version = "4.00.6487.2111"): string[] {
  sim.ownKey("HKLM\\SOFTWARE\\Microsoft\\SMS");
  sim.setRegistryValue(CLIENT, "ProductVersion", "REG_SZ", version);
  sim.write(
    CCMEXEC,
    "OSDSMPClient: Failed to import the client certificate store (0x80092024)\r\n",
  );
  return ["CcmCertFixFolder", toWinPath(sim.tools)];
}

function compile(sim: SimulatedWindows): string {
  return compileTo(join(sim.root, "out"), ID).fix;
}

const ccmCertFixCalls = (sim: SimulatedWindows) =>
  sim.calls().filter((c) => c.startsWith("CCMCertFix"));

scenario(
  // The certificate probe is PowerShell's alone: once the log is clean the evidence is undecided,
  // so batch calls the machine neither fixed nor compliant (exit 4, and it says why).
  "patched client, 0x80092024 logged -> CCMCertFix runs, then exit 4 (undecided); a second run changes nothing",
  () =>
    withSim((sim) => {
      const fix = compile(sim);
      const args = broken(sim);
      const run = sim.run(fix, args);
      const log = sim.logText(ID);
      assertCode(run, 4, log);
      assert.match(recap(run.stdout), `kbfix ${ID}: ManualActionNeeded (exit 4)`);
      assert.match(
        log,
        "evidence: undecided; a probe only the PowerShell script checks decides it",
      );
      assert.match(log, "evidence sms-cert-friendly-name-nul: not checked");
      assert.match(recap(run.stdout), "1 evidence probe(s) the batch script cannot check");
      assert.equal(ccmCertFixCalls(sim), ['CCMCertFix  "CCMCertFix.log"']);
      assert.match(
        resultLines(log, "client-patch-sp2")[0]!,
        "skipped; guard: evidence sp2-client-unpatched is not present now",
      );
      assert.match(resultLines(log, "task-sequence-changes")[0]!, "] manual; see README.md");

      const before = sim.snapshot();
      sim.clearCalls();
      const again = sim.run(fix, args);
      assertCode(again, 4, sim.logText(ID));
      assert.match(recap(again.stdout), `kbfix ${ID}: ManualActionNeeded (exit 4)`);
      assert.match(
        sim.logText(ID),
        "the evidence is undecided: 1 probe(s) only the PowerShell script checks decide it",
      );
      assert.equal(sim.snapshot(), before);
      assert.equal(mutatingCalls(sim.calls()), []);

      // New evidence after the fix: the log grew with the HRESULT again -> CCMCertFix again.
      sim.write(CCMEXEC, readFileSync(join(sim.root, CCMEXEC), "utf8") + "(0x80092024)\r\n");
      const third = sim.run(fix, args);
      assertCode(third, 4, sim.logText(ID));
      assert.match(recap(third.stdout), `kbfix ${ID}: ManualActionNeeded (exit 4)`);
      assert.is(ccmCertFixCalls(sim).length, 1);
    }),
);

scenario("an unpatched SP2 client: CCMCertFix runs, the client patch is manual -> exit 4", () =>
  withSim((sim) => {
    const fix = compile(sim);
    const run = sim.run(fix, broken(sim, "4.00.6487.2000"));
    const log = sim.logText(ID);
    assertCode(run, 4, log);
    assert.match(recap(run.stdout), "ManualActionNeeded (exit 4)");
    assert.match(resultLines(log, "client-patch-sp2")[0]!, "] manual");
    assert.match(resultLines(log, "client-patch-sp1")[0]!, "skipped");
    assert.is(ccmCertFixCalls(sim).length, 1);
  }),
);

scenario("check mode: would run CCMCertFix, runs nothing, exit 1", () =>
  withSim((sim) => {
    const fix = compile(sim);
    const args = broken(sim);
    const before = sim.snapshot({ withState: true });
    const run = sim.run(fix, ["check", ...args]);
    const log = sim.logText(ID);
    assertCode(run, 1, log);
    assert.match(
      resultLines(log, "ccmcertfix")[0]!,
      "changed (check mode: would change; nothing was changed)",
    );
    assert.equal(checkModeCalls(sim.calls()), []);
    assert.equal(sim.snapshot({ withState: true }), before);
  }),
);

scenario("run: CCMCertFix exits 1 -> exit 2, ccmcertfix named", () =>
  withSim((sim) => {
    const fix = compile(sim);
    const args = broken(sim);
    sim.failTool("CCMCertFix", 1);
    const run = sim.run(fix, args);
    const log = sim.logText(ID);
    assertCode(run, 2, log);
    assert.match(recap(run.stdout), "StepFailed (exit 2)");
    assert.match(recap(run.stdout), "failed: ccmcertfix");
    assert.match(resultLines(log, "ccmcertfix")[0]!, "CCMCertFix.exe exited with 1");
  }),
);

scenario(
  "without CcmCertFixFolder the run step fails and says why; a relative folder is a bad argument",
  () =>
    withSim((sim) => {
      const fix = compile(sim);
      broken(sim);
      const run = sim.run(fix);
      assertCode(run, 2, sim.logText(ID));
      assert.match(resultLines(sim.logText(ID), "ccmcertfix")[0]!, "CcmCertFixFolder is not set");
      const bad = sim.run(fix, ["CcmCertFixFolder", "relative\\folder"]);
      assert.is(bad.code, 6);
      assert.match(
        recap(bad.stdout),
        "BadArguments (exit 6): the CcmCertFixFolder value is not a full path",
      );
    }),
);

scenario("no ConfigMgr client: not applicable, exit 3, nothing changed", () =>
  withSim((sim) => {
    const fix = compile(sim);
    sim.write(CCMEXEC, "0x80092024\r\n");
    const before = sim.snapshot();
    const run = sim.run(fix, ["CcmCertFixFolder", toWinPath(sim.tools)]);
    assertCode(run, 3, sim.logText(ID));
    assert.match(sim.logText(ID), "configmgr-client is not installed");
    assert.equal(sim.snapshot(), before);
    assert.equal(mutatingCalls(sim.calls()), []);
  }),
);

scenario(
  "built with a site value for CcmCertFixFolder, a run without arguments runs CCMCertFix",
  () =>
    withSim((sim) => {
      const folder = toWinPath(sim.tools);
      const out = compileWithSite(sim.root, ["playbooks/kb977203.yaml"], {
        kb977203: { CcmCertFixFolder: folder },
      });
      broken(sim);
      const run = sim.run(join(out, ID, `${ID}.fix.cmd`));
      assertCode(run, 4, sim.logText(ID));
      assert.equal(ccmCertFixCalls(sim), ['CCMCertFix  "CCMCertFix.log"']);
      assert.match(resultLines(sim.logText(ID), "ccmcertfix")[0]!, "changed");
    }),
);

test.run();
