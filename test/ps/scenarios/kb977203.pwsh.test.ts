// KB977203 on the simulated Windows: a ConfigMgr 2007 client (32-bit, so its version is under
// WOW6432Node on 64-bit Windows) whose certificates fail to import (0x80092024 in CcmExec.log,
// a NUL inside a friendly name in the SMS store). CCMCertFix.exe repairs the certificates; the
// client patch is manual guidance.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { compileWithSite } from "../../support/site-compile.js";
import { diffSnapshots, PsMachine } from "../../support/simulated-windows-ps.js";
import { broken, client, CLIENT_KEY, ID, PARAMS, TOOLS } from "./kb977203-machine.js";
import { pwshTest as run } from "../pwsh-gate.js";
import {
  checkedResult,
  detectFixDetect,
  detection,
  onMachine,
  remediation,
  stepsWith,
} from "./scenario.js";
import { tempDir } from "../../support/temp-dir.js";

const ccmCertFixCalls = (machine: PsMachine) =>
  machine.calls().filter((c) => c.program.endsWith("CCMCertFix.exe"));

run(
  "patched client with broken certificates: CCMCertFix runs once, fixed; a second run changes nothing",
  () =>
    onMachine(broken, async (machine) => {
      const [before, fix, after] = await detectFixDetect(machine, ID, PARAMS);
      assert.is(before!.code, 1, before!.recap);
      const result = checkedResult(machine, fix!, ID);
      assert.is(fix!.code, 0, fix!.recap);
      assert.equal(stepsWith(result, "changed"), ["ccmcertfix"]);
      assert.equal(stepsWith(result, "skipped"), ["client-patch-sp1", "client-patch-sp2"]);
      assert.equal(
        ccmCertFixCalls(machine).map((c) => `${c.program} ${c.arguments}`),
        [`${TOOLS}\\CCMCertFix.exe CCMCertFix.log`],
      );
      assert.is(after!.code, 0, after!.recap);

      const snapshot = machine.snapshot();
      const again = await machine.run(remediation(ID), PARAMS);
      assert.is(again.code, 0, again.recap);
      assert.equal(diffSnapshots(snapshot, machine.snapshot()), []);
      assert.is(
        ccmCertFixCalls(machine).length,
        1,
        "the guard keeps CCMCertFix from running again",
      );
    }),
);

run(
  "-WhatIf: nothing runs, nothing changes, and the preview lists what the real run changes",
  async () => {
    const preview = await onMachine(broken, async (machine) => {
      const snapshot = machine.snapshot();
      const whatIf = await machine.run(remediation(ID), { ...PARAMS, WhatIf: true });
      const result = checkedResult(machine, whatIf, ID);
      assert.equal(diffSnapshots(snapshot, machine.snapshot()), []);
      assert.equal(machine.calls(), []);
      return stepsWith(result, "changed");
    });
    const real = await onMachine(broken, async (machine) =>
      stepsWith(checkedResult(machine, await machine.run(remediation(ID), PARAMS), ID), "changed"),
    );
    assert.equal(preview, real);
    assert.equal(real, ["ccmcertfix"]);
  },
);

run("unpatched SP2 client: the patch is reported as manual work -> exit 4", () =>
  onMachine(
    () => client("4.00.6487.2000"),
    async (machine) => {
      const fix = await machine.run(remediation(ID), PARAMS);
      const result = checkedResult(machine, fix, ID);
      assert.is(fix.code, 4, fix.recap);
      assert.ok(stepsWith(result, "manual").includes("client-patch-sp2"));
    },
  ),
);

run("CCMCertFix fails or hangs: the step fails, exit 2 names it", async () => {
  for (const handler of [{ exitCodes: [1] }, { exitCodes: [0], hang: true }]) {
    await onMachine(broken, async (machine) => {
      machine.program(`${TOOLS}\\CCMCertFix.exe`, handler);
      const fix = await machine.run(remediation(ID), PARAMS);
      const result = checkedResult(machine, fix, ID);
      assert.is(fix.code, 2, fix.recap);
      assert.equal(stepsWith(result, "failed"), ["ccmcertfix"]);
    });
  }
});

run(
  "not applicable: no ConfigMgr client, or a ConfigMgr 2012 client -> exit 3, nothing changed",
  async () => {
    const machines = [
      () => {
        const machine = broken();
        delete machine.world.registry[CLIENT_KEY];
        return machine;
      },
      () => client("5.00.8968.1000"),
    ];
    for (const build of machines) {
      await onMachine(build, async (machine) => {
        const snapshot = machine.snapshot();
        const [detect, fix] = await machine.runAll([
          { script: detection(ID), params: PARAMS },
          { script: remediation(ID), params: PARAMS },
        ]);
        assert.is(detect!.code, 0, detect!.recap);
        assert.is(fix!.code, 3, fix!.recap);
        assert.equal(diffSnapshots(snapshot, machine.snapshot()), []);
        assert.equal(machine.calls(), []);
      });
    }
  },
);

run("without -CcmCertFixFolder the CCMCertFix step fails and says why (exit 2); nothing runs", () =>
  onMachine(broken, async (machine) => {
    const fix = await machine.run(remediation(ID));
    const result = checkedResult(machine, fix, ID);
    assert.is(fix.code, 2, fix.recap);
    assert.equal(stepsWith(result, "failed"), ["ccmcertfix"]);
    assert.match(result.results.find((r) => r.id === "ccmcertfix")!.message, "CcmCertFixFolder");
    assert.equal(machine.calls(), []);
  }),
);

run(
  "built with a site value for CcmCertFixFolder, a run without arguments runs CCMCertFix from it",
  () =>
    onMachine(broken, async (machine) => {
      const dir = tempDir("kbfix-site-");
      try {
        const out = compileWithSite(dir, ["playbooks/kb977203.yaml"], {
          kb977203: { CcmCertFixFolder: TOOLS },
        });
        const fix = await machine.run(join(out, ID, `${ID}.ps1`));
        const result = checkedResult(machine, fix, ID);
        assert.is(fix.code, 0, fix.recap);
        assert.equal(stepsWith(result, "changed"), ["ccmcertfix"]);
        assert.equal(
          ccmCertFixCalls(machine).map((c) => c.program),
          [`${TOOLS}\\CCMCertFix.exe`],
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }),
);

test.run();
