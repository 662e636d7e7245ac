// KB971058 on the simulated Windows 10: a Windows Update scan failure (event 25 in the client's
// Operational log), fixed by the article's reset without step 4 (services stopped, the BITS
// queue files deleted, the DLLs registered again, Winsock reset, services started at the end);
// when new failures follow, the reset with step 4 (folders renamed, BITS and wuauserv security
// descriptors set and read back with sc.exe sdshow) runs only with -AllowHighRisk.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { diffSnapshots, PsMachine } from "../../support/simulated-windows-ps.js";
import {
  BITS_SDDL,
  broken,
  ID,
  NETSH,
  PRESENT_DLLS,
  qmgrFiles,
  SC,
  scanFailure,
  SERVICES,
  STEP4_FOLDERS,
  SYS32,
  WUAUSERV_SDDL,
} from "./kb971058-machine.js";
import { pwshTest as run } from "../pwsh-gate.js";
import {
  checkedResult,
  detectFixDetect,
  detection,
  onMachine,
  remediation,
  stepsWith,
  type RunResult,
} from "./scenario.js";

const calls = (machine: PsMachine) => machine.calls().map((c) => `${c.program} ${c.arguments}`);
const regsvr32 = PRESENT_DLLS.map((dll) => `${SYS32}\\regsvr32.exe /s ${SYS32}\\${dll}`);
const messageOf = (result: RunResult, id: string) =>
  result.results.find((r) => r.id === id)!.message;

function assertServicesRunning(machine: PsMachine): void {
  for (const name of SERVICES)
    assert.is(machine.world.services[name].status, "Running", `${name} runs at the end`);
}

/** The first rung run on `machine`, then a new failure event: the evidence came back. */
async function firstRungThenNewFailure(machine: PsMachine): Promise<void> {
  const fix = await machine.run(remediation(ID));
  assert.is(fix.code, 3010, fix.recap);
  // The simulated event log keeps whole seconds: wait for the next one, so the new event is
  // newer than the run's own time, as it would be on Windows.
  await new Promise((resolve) => setTimeout(resolve, 1100));
  scanFailure(machine, 0);
}

run(
  "broken Windows 10: reset without step 4, exit 3010, then clean; a second run changes nothing",
  () =>
    onMachine(broken, async (machine) => {
      const [before, fix, after] = await detectFixDetect(machine, ID);
      assert.is(before!.code, 1, before!.recap);
      assert.match(before!.recap, "wu-scan-or-download-failure-event");
      assert.is(fix!.code, 3010, fix!.recap);
      const result = checkedResult(machine, fix!, ID);
      assert.is(result.outcome, "FixedSoftReboot");
      assert.equal(stepsWith(result, "changed"), [
        "first-delete-qmgr-dat",
        "first-register-dlls",
        "first-winsock-reset",
      ]);
      assert.equal(stepsWith(result, "not-applicable"), [
        "first-proxycfg-reset",
        "first-bits-running-for-reset",
        "first-bitsadmin-reset",
      ]);
      assert.equal(stepsWith(result, "skipped"), ["reset-with-step-4"]);
      assert.equal(qmgrFiles(machine), []);
      assertServicesRunning(machine);
      for (const name of SERVICES) {
        assert.is(machine.world.services[name].stops, 1, `${name} stopped once`);
        assert.is(machine.world.services[name].starts, 1, `${name} started once`);
      }
      assert.equal(calls(machine), [...regsvr32, `${NETSH} winsock reset`]);
      assert.match(
        messageOf(result, "first-register-dlls"),
        "not on this Windows, skipped: mshtml.dll",
      );
      for (const folder of STEP4_FOLDERS) assert.ok(machine.exists(folder), `${folder} untouched`);
      assert.is(after!.code, 0, after!.recap);

      const snapshot = machine.snapshot();
      const again = await machine.run(remediation(ID));
      assert.is(again.code, 0, again.recap);
      assert.is(checkedResult(machine, again, ID).outcome, "Compliant");
      assert.equal(diffSnapshots(snapshot, machine.snapshot()), []);
      assert.equal(calls(machine).length, regsvr32.length + 1, "nothing ran again");
    }),
);

run(
  "-WhatIf changes nothing, runs nothing and previews exactly what the real run changes",
  async () => {
    const preview = await onMachine(broken, async (machine) => {
      const snapshot = machine.snapshot();
      const whatIf = await machine.run(remediation(ID), { WhatIf: true });
      const result = checkedResult(machine, whatIf, ID);
      assert.ok(result.whatIf);
      assert.equal(diffSnapshots(snapshot, machine.snapshot()), []);
      assert.equal(machine.calls(), []);
      assert.equal(qmgrFiles(machine).length, 2);
      return stepsWith(result, "changed");
    });
    const real = await onMachine(broken, async (machine) =>
      stepsWith(checkedResult(machine, await machine.run(remediation(ID)), ID), "changed"),
    );
    assert.equal(preview, real);
  },
);

run("not applicable on Windows 2000 (NT 5.0): exit 3, nothing changed, nothing ran", () =>
  onMachine(
    () => broken({ version: "5.0.2195" }),
    async (machine) => {
      const snapshot = machine.snapshot();
      const [detect, fix] = await machine.runAll([
        { script: detection(ID) },
        { script: remediation(ID) },
      ]);
      assert.is(detect!.code, 0, detect!.recap);
      assert.is(fix!.code, 3, fix!.recap);
      assert.is(checkedResult(machine, fix!, ID).outcome, "NotApplicable");
      assert.equal(diffSnapshots(snapshot, machine.snapshot()), []);
      assert.equal(machine.calls(), []);
    },
  ),
);

run("netsh winsock reset exits 1: the step fails, exit 2 names it, services run again", () =>
  onMachine(broken, async (machine) => {
    machine.program(NETSH, { exitCodes: [1] });
    const fix = await machine.run(remediation(ID));
    const result = checkedResult(machine, fix, ID);
    assert.is(fix.code, 2, fix.recap);
    assert.equal(stepsWith(result, "failed"), ["first-winsock-reset"]);
    const step = result.results.find((r) => r.id === "first-winsock-reset")!;
    assert.is(step.after, "exit code 1");
    assert.match(step.message, "expected exit code 0");
    assertServicesRunning(machine);
  }),
);

run("new failures after the first reset: the reset with step 4 waits for -AllowHighRisk", () =>
  onMachine(broken, async (machine) => {
    await firstRungThenNewFailure(machine);
    const ran = calls(machine).length;
    const snapshot = machine.snapshot();
    const held = await machine.run(remediation(ID));
    const result = checkedResult(machine, held, ID);
    assert.is(held.code, 1, held.recap);
    assert.is(result.outcome, "StillPresent");
    assert.match(messageOf(result, "reset-with-step-4"), "runs only with -AllowHighRisk");
    assert.match(messageOf(result, "reset-without-step-4"), "the evidence came back");
    assert.equal(diffSnapshots(snapshot, machine.snapshot()), []);
    assert.is(calls(machine).length, ran, "nothing ran");
  }),
);

run(
  "-AllowHighRisk after new failures: folders renamed, sdset with the article's SDDLs, sdshow verifies",
  () =>
    onMachine(broken, async (machine) => {
      await firstRungThenNewFailure(machine);
      const ran = calls(machine).length;
      // One sc.exe handler answers both sdshow calls: its output holds both descriptors.
      machine.program(SC, { exitCodes: [0], stdout: `\r\n${BITS_SDDL}\r\n${WUAUSERV_SDDL}\r\n` });
      const fix = await machine.run(remediation(ID), { AllowHighRisk: true });
      const result = checkedResult(machine, fix, ID);
      assert.is(fix.code, 3010, fix.recap);
      assert.equal(stepsWith(result, "failed"), []);
      for (const id of ["again-sdset-bits", "again-sdset-wuauserv"])
        assert.match(messageOf(result, id), "verified:");
      assert.equal(calls(machine).slice(ran), [
        `${SC} sdset bits ${BITS_SDDL}`,
        `${SC} sdshow bits`,
        `${SC} sdset wuauserv ${WUAUSERV_SDDL}`,
        `${SC} sdshow wuauserv`,
        ...regsvr32,
        `${NETSH} winsock reset`,
      ]);
      for (const folder of STEP4_FOLDERS) {
        assert.not.ok(machine.exists(folder), `${folder} renamed`);
        assert.ok(machine.exists(`${folder}.bak\\edb.log`), `${folder}.bak keeps the content`);
      }
      assertServicesRunning(machine);
    }),
);

run(
  "-AllowHighRisk, but sdshow shows another descriptor: both sdset steps did not stick, exit 2",
  () =>
    onMachine(broken, async (machine) => {
      await firstRungThenNewFailure(machine);
      machine.program(SC, { exitCodes: [0], stdout: "\r\nD:(A;;CCLCSWRPWPDTLOCRRC;;;SY)\r\n" });
      const fix = await machine.run(remediation(ID), { AllowHighRisk: true });
      const result = checkedResult(machine, fix, ID);
      assert.is(fix.code, 2, fix.recap);
      assert.equal(stepsWith(result, "failed"), ["again-sdset-bits", "again-sdset-wuauserv"]);
      assert.match(
        messageOf(result, "again-sdset-bits"),
        `did not stick: again-sdshow-bits still finds the problem`,
      );
      assert.match(messageOf(result, "again-sdset-wuauserv"), `output lacks ${WUAUSERV_SDDL}`);
      assertServicesRunning(machine);
    }),
);

test.run();
