// Services as KB articles need them, in the .ps1 on the simulated Windows: a method's service
// is stopped after the services running on it and they all run again afterwards; pending states
// are waited through; a service something restarts behind our back is stopped again (bounded)
// and the result says so; services listed to start at the end are started whatever their state;
// automatic-delayed and not-disabled set what Windows keeps in the registry.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { PsMachine, type MachineOptions } from "../../support/simulated-windows-ps.js";
import { pwshTest as run } from "../pwsh-gate.js";
import { checkedResult, onMachine, type RunResult } from "./scenario.js";
import { compileServicesPlaybook, SERVICES_ID } from "./services-playbook.js";

const out = compileServicesPlaybook();
const script = join(out, SERVICES_ID, `${SERVICES_ID}.ps1`);
const SERVICES_KEY = "SYSTEM\\CurrentControlSet\\Services";

function machine(options: MachineOptions = {}): PsMachine {
  const m = new PsMachine(options);
  m.file("C:\\Windows\\marker.bin", 100);
  m.service("wuauserv", { status: "Running", start: 3, dependents: ["WuDep"] });
  m.service("WuDep", { status: "Running", start: 3 });
  m.service("AppIDSvc", { status: "Stopped", start: 3 });
  m.service("CryptSvc", { status: "Stopped", start: 4 });
  m.service("BITS", { status: "Running", start: 3, dependents: ["BitsDep"] });
  m.service("BitsDep", { status: "Running", start: 3 });
  return m;
}

const record = (result: RunResult, id: string) => result.results.find((r) => r.id === id);
const registryValue = (m: PsMachine, name: string, value: string) =>
  m.registryValue(`${SERVICES_KEY}\\${name}`, value)?.data;

run("method services: a running dependent is stopped first and both run again afterwards", () =>
  onMachine(machine, async (m) => {
    const result = checkedResult(m, await m.run(script), SERVICES_ID);
    assert.is(record(result, "s-work")?.status, "changed");
    const services = m.world.services;
    assert.is(services.wuauserv.status, "Running");
    assert.is(services.WuDep.status, "Running");
    assert.is(services.wuauserv.stops, 1);
    assert.is(services.WuDep.stops, 1);
    assert.is(services.WuDep.starts, 1);
  }),
);

run(
  "method services: a dependent still stopping is waited for (and, not running before, stays stopped)",
  () =>
    onMachine(
      () => {
        const m = machine();
        m.world.services.WuDep.status = "StopPending";
        return m;
      },
      async (m) => {
        const result = checkedResult(m, await m.run(script), SERVICES_ID);
        assert.is(record(result, "s-work")?.status, "changed");
        assert.is(m.world.services.WuDep.status, "Stopped");
        assert.is(m.world.services.WuDep.starts, undefined);
        assert.is(m.world.services.wuauserv.status, "Running");
      },
    ),
);

run("restart race: wuauserv restarted behind our back is stopped again and reported", () =>
  onMachine(
    () => {
      const m = machine();
      m.world.services.wuauserv.restartsBehind = 2;
      return m;
    },
    async (m) => {
      const result = checkedResult(m, await m.run(script), SERVICES_ID);
      assert.is(record(result, "s-work")?.status, "changed");
      const report = record(result, "m-stop:stop-wuauserv");
      assert.ok(report, "the restart is in the result");
      assert.match(report!.message, "started again behind our back 2 time(s)");
      assert.is(m.world.services.wuauserv.restartedBehind, 2);
      assert.is(m.world.services.wuauserv.status, "Running", "started again after the method");
    },
  ),
);

run(
  "restart race: a service restarted every time fails after the bounded retries; no steps run",
  () =>
    onMachine(
      () => {
        const m = machine();
        m.world.services.wuauserv.restartsBehind = 50;
        return m;
      },
      async (m) => {
        const result = checkedResult(m, await m.run(script), SERVICES_ID);
        const report = record(result, "m-stop:stop-wuauserv");
        assert.is(report?.status, "failed");
        assert.match(report!.message, "started again each time it stopped (4 times)");
        assert.is(record(result, "s-work"), undefined, "the steps did not run");
        assert.is(m.world.services.wuauserv.restartedBehind, 4);
      },
    ),
);

run("startAtEnd: AppIDSvc is started at the end whatever it was; -WhatIf leaves it", () =>
  onMachine(machine, async (m) => {
    checkedResult(m, await m.run(script, { WhatIf: true }), SERVICES_ID);
    assert.is(m.world.services.AppIDSvc.status, "Stopped");
    checkedResult(m, await m.run(script), SERVICES_ID);
    assert.is(m.world.services.AppIDSvc.status, "Running");
  }),
);

run("automatic-delayed: Start=2 and DelayedAutostart=1; the second run finds it ok", () =>
  onMachine(machine, async (m) => {
    const first = checkedResult(m, await m.run(script), SERVICES_ID);
    assert.is(record(first, "s-delayed")?.status, "changed");
    assert.is(record(first, "s-delayed")?.after, "start type AutomaticDelayedStart, Running");
    assert.is(registryValue(m, "wuauserv", "Start"), 2);
    assert.is(registryValue(m, "wuauserv", "DelayedAutostart"), 1);
    const second = checkedResult(m, await m.run(script), SERVICES_ID);
    assert.is(record(second, "s-delayed")?.status, "ok");
  }),
);

run("not-disabled: a disabled CryptSvc gets Windows 10's Automatic; a manual BITS is left", () =>
  onMachine(machine, async (m) => {
    const result = checkedResult(m, await m.run(script), SERVICES_ID);
    assert.is(record(result, "s-crypt")?.status, "changed");
    assert.is(registryValue(m, "CryptSvc", "Start"), 2);
    assert.is(record(result, "s-bits")?.status, "ok");
  }),
);

run("not-disabled on Windows 7: a disabled BITS gets Manual; CryptSvc (no row for 6.1) fails", () =>
  onMachine(
    () => {
      const m = machine({ version: "6.1.7601" });
      m.service("BITS", { status: "Stopped", start: 4, dependents: ["BitsDep"] });
      return m;
    },
    async (m) => {
      const result = checkedResult(m, await m.run(script), SERVICES_ID);
      assert.is(record(result, "s-bits")?.status, "changed");
      assert.is(registryValue(m, "BITS", "Start"), 3);
      assert.is(record(result, "s-crypt")?.status, "failed");
      assert.match(record(result, "s-crypt")!.message, "on NT 6.1 is not known to kbfix");
      assert.is(registryValue(m, "CryptSvc", "Start"), 4, "not guessed");
    },
  ),
);

run("state stopped: BITS's running dependent is stopped first and named in the result", () =>
  onMachine(machine, async (m) => {
    const result = checkedResult(m, await m.run(script), SERVICES_ID);
    const step = record(result, "s-bits-stopped");
    assert.is(step?.status, "changed", JSON.stringify(step));
    assert.match(step!.message, "stay stopped: BitsDep");
    assert.is(m.world.services.BITS.status, "Stopped");
    assert.is(m.world.services.BitsDep.status, "Stopped");
  }),
);

test.after(() => rmSync(out, { recursive: true, force: true }));
test.run();
