// HKCU values in every profile in the .fix.cmd (the .ps1 half is test/ps/scenarios/hkcu): a
// loaded hive (HKU\<SID>) is changed in place, an unloaded one is loaded from NTUSER.DAT with
// reg load and unloaded again, a hive in use fails only its profile and leaves nothing loaded, a
// second run changes nothing, and check mode changes nothing.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { rmSync } from "node:fs";
import { join } from "node:path";
import {
  ALICE,
  BOB,
  bobHive,
  CAROL,
  compileHkcuPlaybook,
  DAVE,
  HKCU_ID,
  HKCU_STEPS,
  prepareHkcuWine,
  PROXY_KEY,
} from "../ps/scenarios/hkcu-playbook.js";
import type { SimulatedWindows } from "../support/simulated-windows-cmd.js";
import { resultLines, withSim } from "./scenario.js";
import { wineTest } from "./wine-gate.js";

const out = compileHkcuPlaybook(["ps1", "cmd"], HKCU_STEPS.slice(0, 1));
const fix = join(out, HKCU_ID, `${HKCU_ID}.fix.cmd`);
const prepare = prepareHkcuWine;

const status = (log: string, id: string): string => {
  const line = resultLines(log, id)[0] ?? "";
  return /\] ([a-z-]+)/.exec(line)?.[1] ?? `(no result for ${id})`;
};
const statuses = (log: string, step: string) =>
  [ALICE, BOB, CAROL, DAVE].map((s) => status(log, `${step}@${s}`));
const regCalls = (sim: SimulatedWindows) =>
  sim
    .calls()
    .filter((c) => /^reg (load|unload) /i.test(c))
    .map((c) => c.replace(/kbfix-\d+-/, "kbfix-<n>-").replace(/ "[^"]*NTUSER\.DAT"$/i, " <file>"));

wineTest(
  "a loaded hive is changed in place, an unloaded one loaded from NTUSER.DAT and unloaded",
  () =>
    withSim((sim) => {
      prepare(sim);
      sim.run(fix);
      const log = sim.logText(HKCU_ID);
      assert.equal(statuses(log, "hk-proxy"), ["changed", "changed", "failed", "skipped"], log);
      assert.is(sim.readRegistryValue(`HKU\\${ALICE}\\${PROXY_KEY}`, "ProxyEnable"), "0x0");
      assert.is(sim.hiveFileValue(bobHive, PROXY_KEY, "ProxyEnable"), "0x0");
      assert.equal(sim.loadedByReg(), []);
      assert.not.match(sim.registry(["query HKU"]).stdout, /kbfix-/i);
      assert.equal(regCalls(sim), [
        `reg load "HKU\\kbfix-<n>-${BOB}" <file>`,
        `reg unload "HKU\\kbfix-<n>-${BOB}"`,
        `reg load "HKU\\kbfix-<n>-${CAROL}" <file>`,
      ]);
      assert.match(resultLines(log, `hk-proxy@${DAVE}`)[0] ?? "", "NTUSER.DAT does not exist");
    }),
);

wineTest("a second run changes nothing; check mode changes nothing", () =>
  withSim((sim) => {
    prepare(sim);
    sim.run(fix, ["check"]);
    let log = sim.logText(HKCU_ID);
    assert.equal(statuses(log, "hk-proxy"), ["changed", "changed", "failed", "skipped"], log);
    assert.is(sim.readRegistryValue(`HKU\\${ALICE}\\${PROXY_KEY}`, "ProxyEnable"), "0x1");
    assert.is(sim.hiveFileValue(bobHive, PROXY_KEY, "ProxyEnable"), "0x1");
    assert.equal(sim.loadedByReg(), []);
    assert.equal(
      sim.calls().filter((c) => /^reg add /i.test(c)),
      [],
    );
    sim.run(fix);
    sim.clearCalls();
    rmSync(join(sim.windir, "Logs", "kbfix", `${HKCU_ID}.fix.log`), { force: true });
    sim.run(fix);
    log = sim.logText(HKCU_ID);
    assert.equal(statuses(log, "hk-proxy"), ["ok", "ok", "failed", "skipped"], log);
    assert.equal(sim.loadedByReg(), []);
    assert.equal(
      sim.calls().filter((c) => /^reg add /i.test(c)),
      [],
    );
  }),
);

wineTest("a hive that will not unload fails its step and says what is left loaded", () =>
  withSim((sim) => {
    prepare(sim);
    sim.stuckHives();
    sim.run(fix);
    const line = resultLines(sim.logText(HKCU_ID), `hk-proxy@${BOB}`)[0] ?? "";
    assert.match(line, "failed");
    assert.match(line, `is still loaded as HKEY_USERS\\kbfix-`);
    // Left for the operator (the key names whose it is); the test removes it.
    for (const name of sim.loadedByReg()) sim.registry([`delete "HKU\\${name}" /f`]);
  }),
);

test.after(() => rmSync(out, { recursive: true, force: true }));
test.run();
