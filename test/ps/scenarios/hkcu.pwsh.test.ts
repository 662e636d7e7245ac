// HKCU values in every profile (per-user + registry-value) on the simulated Windows: a loaded
// hive is changed in place, an unloaded one is loaded from NTUSER.DAT under a temporary name and
// unloaded again, a hive in use fails only its own profile and leaves nothing loaded, a second
// run changes nothing, and -WhatIf changes nothing (not even leaving a hive loaded).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { rmSync } from "node:fs";
import { join } from "node:path";
import type { HiveKeys } from "../../support/simulated-windows-ps.js";
import { pwshTest as run } from "../pwsh-gate.js";
import {
  ALICE,
  BOB,
  BOB_HIVE,
  CAROL,
  CAROL_HIVE,
  compileHkcuPlaybook,
  DAVE,
  HKCU_ID,
  hkcuMachine,
  POLICY_KEY,
  PROXY_KEY,
  proxyOn,
} from "./hkcu-playbook.js";
import { checkedResult, onMachine, type RunResult } from "./scenario.js";

const machine = () => hkcuMachine();

const out = compileHkcuPlaybook();
const script = join(out, HKCU_ID, `${HKCU_ID}.ps1`);
const record = (result: RunResult, id: string) => {
  const found = result.results.find((r) => r.id === id);
  assert.ok(found, `no record ${id} in ${result.results.map((r) => r.id).join(", ")}`);
  return found!;
};
const statuses = (result: RunResult, step: string) =>
  [ALICE, BOB, CAROL, DAVE].map((s) => record(result, `${step}@${s}`).status);
const value = (keys: HiveKeys | undefined, key: string, name: string) => keys?.[key]?.[name];

run("a loaded hive is changed in place, an unloaded one loaded from NTUSER.DAT and unloaded", () =>
  onMachine(machine, async (m) => {
    const result = checkedResult(m, await m.run(script), HKCU_ID);
    assert.equal(statuses(result, "hk-proxy"), ["changed", "changed", "failed", "skipped"]);
    assert.equal(statuses(result, "hk-policy"), ["changed", "changed", "failed", "skipped"]);
    // The per-user step's own record: the profiles found and those whose steps ran, typed.
    const perUser = record(result, "hk") as unknown as Record<string, unknown>;
    assert.equal(
      [perUser.beforeValue, perUser.afterValue],
      [
        { profiles: 4, processed: [] },
        { profiles: 4, processed: [ALICE, BOB, CAROL, DAVE] },
      ],
    );
    // alice: in HKEY_USERS\<SID>, her file untouched (Windows writes it at logoff).
    const alice = m.loadedHiveKeys(ALICE);
    assert.equal(value(alice, PROXY_KEY, "ProxyEnable"), { kind: "DWord", data: 0 });
    assert.equal(value(alice, PROXY_KEY, "ProxyServer"), { kind: "String", data: "p:80" });
    assert.equal(value(alice, POLICY_KEY, "Mode"), { kind: "String", data: "safe" });
    assert.equal(m.hiveFileKeys("C:\\Users\\alice\\NTUSER.DAT"), proxyOn());
    // bob: his file holds the change and nothing of his stays loaded.
    const bob = m.hiveFileKeys(BOB_HIVE);
    assert.equal(value(bob, PROXY_KEY, "ProxyEnable"), { kind: "DWord", data: 0 });
    assert.equal(value(bob, POLICY_KEY, "Mode"), { kind: "String", data: "safe" });
    assert.equal(m.loadedHives(), [ALICE]);
    const loads = m.calls().filter((c) => /reg\.exe$/i.test(c.program));
    assert.equal(
      loads.map((c) => c.arguments.replace(/kbfix-\d+-/, "kbfix-<pid>-")),
      // Profile by profile, each step loading and unloading the hive it changes.
      [
        `load HKU\\kbfix-<pid>-${BOB} ${BOB_HIVE}`,
        `unload HKU\\kbfix-<pid>-${BOB}`,
        `load HKU\\kbfix-<pid>-${BOB} ${BOB_HIVE}`,
        `unload HKU\\kbfix-<pid>-${BOB}`,
        `load HKU\\kbfix-<pid>-${CAROL} ${CAROL_HIVE}`,
        `load HKU\\kbfix-<pid>-${CAROL} ${CAROL_HIVE}`,
      ],
    );
    // carol: her own failure, named; dave: no hive file, skipped with the reason.
    assert.match(record(result, `hk-proxy@${CAROL}`).message, "not loaded");
    assert.match(record(result, `hk-proxy@${DAVE}`).message, "NTUSER.DAT does not exist");
    assert.equal(m.hiveFileKeys(CAROL_HIVE), proxyOn());
    assert.is(result.outcome, "StepFailed");
  }),
);

run("a second run changes nothing; a hive file is left as it was", () =>
  onMachine(machine, async (m) => {
    await m.run(script);
    const before = m.snapshot();
    const result = checkedResult(m, await m.run(script), HKCU_ID);
    assert.equal(statuses(result, "hk-proxy"), ["ok", "ok", "failed", "skipped"]);
    assert.equal(statuses(result, "hk-policy"), ["ok", "ok", "failed", "skipped"]);
    assert.equal(m.snapshot(), before);
  }),
);

run("-WhatIf reads every hive, predicts the changes and changes nothing", () =>
  onMachine(machine, async (m) => {
    const before = m.snapshot();
    const result = checkedResult(m, await m.run(script, { WhatIf: true }), HKCU_ID);
    const proxy = record(result, `hk-proxy@${BOB}`);
    assert.is(proxy.status, "changed");
    assert.is(proxy.whatIf, true);
    assert.match(proxy.message, `HKCU\\${PROXY_KEY}\\ProxyEnable: would set to DWord 0`);
    assert.is(record(result, `hk-proxy@${ALICE}`).whatIf, true);
    assert.equal(m.snapshot(), before);
    assert.equal(m.loadedHives(), [ALICE]);
  }),
);

run("a hive that will not unload fails its step and says what is left loaded", () =>
  onMachine(
    () => machine().fault("hiveStuck", BOB_HIVE.toLowerCase()),
    async (m) => {
      const result = checkedResult(m, await m.run(script), HKCU_ID);
      const bob = record(result, `hk-proxy@${BOB}`);
      assert.is(bob.status, "failed");
      assert.match(bob.message, `${BOB_HIVE} is still loaded as HKEY_USERS\\kbfix-`);
      assert.match(bob.message, "reg unload exit 1");
      assert.is(record(result, `hk-proxy@${ALICE}`).status, "changed");
      // Two tries, each after collecting garbage; the next step finds the hive still loaded.
      const unloads = m.calls().filter((c) => /^unload /.test(c.arguments));
      assert.is(unloads.length, 4);
    },
  ),
);

test.after(() => rmSync(out, { recursive: true, force: true }));
test.run();
