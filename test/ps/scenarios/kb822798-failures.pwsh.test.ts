// KB822798 with a failure injected in each mutating step: the step fails and is named (exit 2,
// log and JSON result), services a method stopped are started again, nothing is removed
// without its backup, and no later method runs after a failed one.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { PsMachine } from "../../support/simulated-windows-ps.js";
import { pwshTest as run } from "../pwsh-gate.js";
import { appendTrustError, broken, CATROOT2, healthy, ID } from "./kb822798-machine.js";
import {
  checkedResult,
  logOf,
  onMachine,
  remediation,
  stepsWith,
  type RunResult,
} from "./scenario.js";

/** CryptSvc healthy, a trust error logged: method 1 has nothing to do. */
function trustErrorOnly(): PsMachine {
  const machine = healthy();
  appendTrustError(machine);
  return machine;
}

async function failedRun(
  machine: PsMachine,
  params: Record<string, unknown> = {},
): Promise<RunResult> {
  const fix = await machine.run(remediation(ID), params);
  const result = checkedResult(machine, fix, ID);
  assert.is(fix.code, 2, fix.recap);
  assert.is(result.outcome, "StepFailed");
  for (const id of stepsWith(result, "failed")) assert.match(logOf(machine, ID), `[${id}] failed`);
  return result;
}

/** No method after the failed one ran: each was skipped, saying why. */
function assertLadderStopped(result: RunResult, failedMethod: string): void {
  const methods = [...new Set(result.results.map((r) => r.method))];
  for (const method of methods.slice(methods.indexOf(failedMethod) + 1)) {
    for (const record of result.results.filter((r) => r.method === method)) {
      if (record.status === "not-applicable") continue;
      assert.is(record.status, "skipped", `${record.id} after the failed method`);
      assert.match(record.message, `method ${failedMethod} failed`);
    }
  }
}

run("CryptSvc's start type cannot be changed: method 1 fails, the ladder stops, no tool runs", () =>
  onMachine(broken, async (machine) => {
    machine.world.services.CryptSvc.fail = ["config"];
    const result = await failedRun(machine);
    assert.equal(stepsWith(result, "failed"), ["cryptsvc-automatic-running"]);
    assertLadderStopped(result, "cryptsvc-automatic");
    assert.equal(machine.calls(), []);
    assert.equal(machine.list(CATROOT2), ["catdb", "edb.log"]);
  }),
);

run("CryptSvc will not start: method 1 fails (the start type it did set is reported)", () =>
  onMachine(broken, async (machine) => {
    machine.world.services.CryptSvc.fail = ["start"];
    const result = await failedRun(machine);
    const step = result.results.find((r) => r.id === "cryptsvc-automatic-running")!;
    assert.is(step.status, "failed");
    assert.match(step.message, "Cannot start service CryptSvc");
    assertLadderStopped(result, "cryptsvc-automatic");
  }),
);

run("regsvr32 fails for a DLL: method 3 fails and names the DLL", () =>
  onMachine(trustErrorOnly, async (machine) => {
    machine.program("regsvr32.exe", { exitCodes: [0, 0, 5] });
    const result = await failedRun(machine);
    const step = result.results.find((r) => r.id === "regsvr32-crypto-dlls")!;
    assert.is(step.status, "failed");
    assert.match(step.message, "initpki.dll");
    assertLadderStopped(result, "register-crypto-dlls");
  }),
);

run("edb.log is locked: the rename fails, CryptSvc is running again, edb.log is untouched", () =>
  onMachine(trustErrorOnly, async (machine) => {
    machine.fault("locked", `${CATROOT2}\\edb.log`);
    const result = await failedRun(machine, { Method: "rename-edb-log" });
    assert.equal(stepsWith(result, "failed"), ["rename-edb-log-to-tst"]);
    assert.equal(machine.list(CATROOT2), ["catdb", "edb.log"]);
    const cryptsvc = machine.world.services.CryptSvc;
    assert.equal([cryptsvc.status, cryptsvc.stops, cryptsvc.starts], ["Running", 1, 1]);
  }),
);

run("CryptSvc will not stop: the method's steps do not run", () =>
  onMachine(trustErrorOnly, async (machine) => {
    machine.world.services.CryptSvc.fail = ["stop"];
    const result = await failedRun(machine, { Method: "rename-edb-log" });
    assert.equal(stepsWith(result, "failed"), ["rename-edb-log:stop-CryptSvc"]);
    assert.equal(machine.list(CATROOT2), ["catdb", "edb.log"]);
    assert.is(machine.world.services.CryptSvc.status, "Running");
  }),
);

run("CryptSvc will not start again after the rename: reported as its own failure", () =>
  onMachine(trustErrorOnly, async (machine) => {
    machine.world.services.CryptSvc.fail = ["start"];
    const result = await failedRun(machine, { Method: "rename-edb-log" });
    assert.equal(stepsWith(result, "changed"), ["rename-edb-log-to-tst"]);
    assert.equal(stepsWith(result, "failed"), ["rename-edb-log:start-CryptSvc"]);
  }),
);

run(
  "a locked file in SoftwareDistribution: nothing is lost (moved or still in place), wuauserv runs again",
  () =>
    onMachine(trustErrorOnly, async (machine) => {
      machine.fault("locked", "C:\\Windows\\SoftwareDistribution\\DataStore\\DataStore.edb");
      const result = await failedRun(machine, { Method: "clear-softwaredistribution" });
      assert.equal(stepsWith(result, "failed"), ["empty-softwaredistribution"]);
      const backups = machine
        .list("C:\\Windows")
        .filter((n) => n.startsWith("SoftwareDistribution.kbfix-backup"));
      assert.is(backups.length, 1, `one backup folder: ${backups}`);
      assert.ok(
        machine.exists(`C:\\Windows\\${backups[0]}\\Download\\update.cab`),
        "moved into the backup",
      );
      assert.ok(
        machine.exists("C:\\Windows\\SoftwareDistribution\\DataStore\\DataStore.edb"),
        "the locked file stays",
      );
      assert.is(machine.world.services.wuauserv.status, "Running");
    }),
);

run("the non-driver signing policy cannot be written (XP): the step fails", () =>
  onMachine(
    () => {
      const machine = healthy({ version: "5.1.2600", architecture: "X86" });
      appendTrustError(machine);
      return machine.fault("registryDeny", "SOFTWARE\\Microsoft\\Non-Driver Signing");
    },
    async (machine) => {
      const result = await failedRun(machine, { Method: "non-driver-signing-silently-succeed" });
      assert.equal(stepsWith(result, "failed"), ["non-driver-signing-policy-00"]);
      assert.is(
        machine.registryValue("SOFTWARE\\Microsoft\\Non-Driver Signing", "Policy"),
        undefined,
      );
    },
  ),
);

test.run();
