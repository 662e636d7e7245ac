// KB822798 on the simulated Windows: the escalation ladder (method 1 fixes CryptSvc; new
// trust errors move to the next methods across runs; live evidence restarts), -WhatIf
// against the real run, and the run-level exits (busy, not elevated, bad arguments).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { holdMutex } from "../../support/mutex-holder.js";
import { diffSnapshots } from "../../support/simulated-windows-ps.js";
import { pwshTest as run } from "../pwsh-gate.js";
import {
  appendTrustError,
  broken,
  CATROOT2,
  DLLS,
  healthy,
  ID,
  nextSecond,
  WU_LOG,
} from "./kb822798-machine.js";
import {
  checkedResult,
  detectFixDetect,
  detection,
  onMachine,
  remediation,
  resultOf,
  stepsWith,
} from "./scenario.js";

const certainChanges = (id: string, machine: Parameters<typeof resultOf>[0]) =>
  resultOf(machine, id)
    .results.filter(
      (r) => r.status === "changed" && !(r as { conditionalOn?: string }).conditionalOn,
    )
    .map((r) => r.id)
    .sort();

run(
  "broken machine: method 1 starts CryptSvc, the run stops there, detection turns clean; a second run changes nothing",
  () =>
    onMachine(broken, async (machine) => {
      const [before, fix, after] = await detectFixDetect(machine, ID);
      assert.is(before!.code, 1, before!.recap);
      assert.match(before!.recap, "wu-client-trust-error-events");
      assert.not.match(before!.recap, "windowsupdate-log-trust-errors");
      const result = checkedResult(machine, fix!, ID);
      assert.is(fix!.code, 0, fix!.recap);
      assert.equal(stepsWith(result, "changed"), ["cryptsvc-automatic-running"]);
      assert.equal(
        machine.registryValue("SYSTEM\\CurrentControlSet\\Services\\CryptSvc", "Start"),
        { kind: "DWord", data: 2 },
      );
      assert.is(machine.world.services.CryptSvc.status, "Running");
      assert.is(after!.code, 0, after!.recap);
      const snapshot = machine.snapshot();
      const again = await machine.run(remediation(ID));
      assert.is(again.code, 0, again.recap);
      assert.equal(diffSnapshots(snapshot, machine.snapshot()), []);
      assert.equal(machine.calls(), [], "no tool ran");
    }),
);

run(
  "-WhatIf: no change; the certain changes are the real run's, later methods are marked conditional",
  async () => {
    const preview = await onMachine(broken, async (machine) => {
      const snapshot = machine.snapshot();
      const whatIf = await machine.run(remediation(ID), { WhatIf: true });
      assert.equal(diffSnapshots(snapshot, machine.snapshot()), []);
      assert.equal(machine.calls(), []);
      const result = checkedResult(machine, whatIf, ID);
      const conditional = result.results
        .filter((r) => (r as { conditionalOn?: string }).conditionalOn === "cryptsvc-automatic")
        .map((r) => r.id);
      assert.equal(conditional, [
        "regsvr32-crypto-dlls",
        "rename-edb-log-to-tst",
        "empty-softwaredistribution",
      ]);
      return certainChanges(ID, machine);
    });
    const real = await onMachine(broken, async (machine) => {
      await machine.run(remediation(ID));
      return certainChanges(ID, machine);
    });
    assert.equal(preview, real);
  },
);

run(
  "escalation across runs: new trust errors move to the next method, live evidence restarts the ladder",
  () =>
    onMachine(broken, async (machine) => {
      const first = await machine.run(remediation(ID));
      assert.is(first.code, 0, first.recap);

      await nextSecond();
      appendTrustError(machine, 0);
      const second = await machine.run(remediation(ID));
      const secondResult = checkedResult(machine, second, ID);
      assert.is(second.code, 3010, second.recap); // method 3 registers DLLs: soft reboot
      assert.equal(stepsWith(secondResult, "changed"), ["regsvr32-crypto-dlls"]);
      assert.match(
        secondResult.results.find((r) => r.id === "cryptsvc-automatic")!.message,
        "tried up to method cryptsvc-automatic",
      );
      assert.equal(
        machine.calls().map((c) => `${c.program} ${c.arguments}`),
        DLLS.map(
          (dll) => `C:\\Windows\\System32\\regsvr32.exe /s C:\\Windows\\System32\\${dll}.dll`,
        ),
      );

      await nextSecond();
      appendTrustError(machine, 0);
      const third = await machine.run(remediation(ID));
      assert.is(third.code, 0, third.recap);
      assert.equal(stepsWith(checkedResult(machine, third, ID), "changed"), [
        "rename-edb-log-to-tst",
      ]);
      assert.equal(machine.list(CATROOT2), ["catdb", "edb.tst"]);
      assert.is(
        machine.world.services.CryptSvc.status,
        "Running",
        "CryptSvc started again after the rename",
      );

      machine.service("CryptSvc", { status: "Stopped", start: 3 });
      const fourth = await machine.run(remediation(ID));
      assert.is(fourth.code, 0, fourth.recap);
      assert.equal(stepsWith(checkedResult(machine, fourth, ID), "changed"), [
        "cryptsvc-automatic-running",
      ]);
    }),
);

run("busy: another run holds the playbook's mutex -> 1618, nothing changed", () =>
  onMachine(broken, async (machine) => {
    const snapshot = machine.snapshot();
    const holder = await holdMutex(machine, `Global\\kbfix-${ID}`);
    try {
      const fix = await machine.run(remediation(ID));
      assert.is(fix.code, 1618, fix.recap);
    } finally {
      holder.release();
    }
    assert.equal(diffSnapshots(snapshot, machine.snapshot()), []);
  }),
);

run("not elevated -> 5; bad -Method -> 6; both change nothing", async () => {
  await onMachine(
    () => broken({ account: "user" }),
    async (machine) => {
      const snapshot = machine.snapshot();
      const fix = await machine.run(remediation(ID));
      assert.is(fix.code, 5, fix.recap);
      assert.equal(diffSnapshots(snapshot, machine.snapshot()), []);
    },
  );
  await onMachine(broken, async (machine) => {
    const snapshot = machine.snapshot();
    const fix = await machine.run(remediation(ID), { Method: "no-such-method" });
    assert.is(fix.code, 6, fix.recap);
    assert.match(fix.recap, "BadArguments");
    assert.equal(diffSnapshots(snapshot, machine.snapshot()), []);
  });
});

run(
  "XP, where WindowsUpdate.log is the evidence: a state file owned by an untrusted account is ignored, all evidence counts again",
  () =>
    onMachine(
      () => healthy({ version: "5.1.2600", architecture: "X86" }),
      async (machine) => {
        appendTrustError(machine);
        const state = "C:\\ProgramData\\kbfix\\kb822798\\state.json";
        const seen = { [WU_LOG]: Buffer.byteLength(machine.read(WU_LOG)) };
        machine.file(
          state,
          JSON.stringify({
            playbook: ID,
            lastSuccessUtc: new Date().toISOString(),
            fileOffsets: seen,
            ladder: null,
          }),
        );
        machine.world.owners[state.toLowerCase()] = "S-1-5-18";
        const trusted = await machine.run(detection(ID));
        assert.is(trusted.code, 0, "a trusted state: the log lines were seen before");
        machine.world.owners[state.toLowerCase()] = "S-1-5-21-100-200-300-1001";
        const forged = await machine.run(detection(ID));
        assert.is(forged.code, 1, "a state a user could have written is ignored");
        assert.match(forged.recap, "windowsupdate-log-trust-errors");
      },
    ),
);

run("Windows 10: a trust error event from before the last successful run is not evidence", () =>
  onMachine(healthy, async (machine) => {
    appendTrustError(machine);
    const state = "C:\\ProgramData\\kbfix\\kb822798\\state.json";
    machine.file(
      state,
      JSON.stringify({ playbook: ID, lastSuccessUtc: new Date().toISOString(), ladder: null }),
    );
    machine.world.owners[state.toLowerCase()] = "S-1-5-18";
    const seenBefore = await machine.run(detection(ID));
    assert.is(seenBefore.code, 0, seenBefore.recap);
    await nextSecond();
    appendTrustError(machine, 0);
    const newer = await machine.run(detection(ID));
    assert.is(newer.code, 1, newer.recap);
    assert.match(newer.recap, "wu-client-trust-error-events");
  }),
);

test.run();
