// KB822798 under Wine, one injected failure per mutating step kind (and per service
// stop/start around a method): the documented exit code 2, the step named in the log
// and the recap, and every service the method stopped running again.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { SimulatedWindows } from "../support/simulated-windows-cmd.js";
import { whileHeld } from "./file-holder.js";
import type { Plan } from "../../src/plan/plan.js";
import { broken, compile, POLICY_KEY } from "./kb822798-scenario.js";
import { kb822798ForWine } from "./variants.js";
import { assertCode, recap, resultLines, withSim } from "./scenario.js";
import { wineScenarios } from "./wine-gate.js";

const scenario = wineScenarios(import.meta.url);

const ID = "kb822798";

function runMethod(sim: SimulatedWindows, method: string) {
  return sim.run(compile(sim), ["method", method]);
}

/** Exit 2, the recap naming `failedIds`, and a failed record for each in the log. */
function assertFailed(
  sim: SimulatedWindows,
  run: { code: number; stdout: string },
  failedIds: string[],
) {
  const log = sim.logText(ID);
  assertCode(run, 2, log);
  assert.match(recap(run.stdout), `kbfix ${ID}: StepFailed (exit 2)`);
  assert.match(recap(run.stdout), `failed: ${failedIds.join(" ")}`);
  for (const id of failedIds)
    assert.match(resultLines(log, id)[0] ?? `${id}: no result`, "] failed");
}

scenario("service: sc config fails -> exit 2, cryptsvc-automatic-running named", () =>
  withSim((sim) => {
    broken(sim);
    sim.failService("CryptSvc", "config", 5);
    assertFailed(sim, runMethod(sim, "cryptsvc-automatic"), ["cryptsvc-automatic-running"]);
    assert.equal(sim.service("CryptSvc"), { start: 4, state: 1 });
  }),
);

scenario("a failed method stops the ladder: no later method runs, as in the .ps1", () =>
  withSim((sim) => {
    broken(sim);
    sim.failService("CryptSvc", "config", 5);
    const run = sim.run(compile(sim));
    const log = sim.logText(ID);
    assertFailed(sim, run, ["cryptsvc-automatic-running"]);
    for (const later of ["rename-catroot2", "register-crypto-dlls", "clear-softwaredistribution"]) {
      const line = resultLines(log, later)[0] ?? `${later}: no result`;
      assert.match(line, "] skipped", line);
      assert.match(line, "method cryptsvc-automatic failed: no later method runs", line);
    }
    assert.ok(existsSync(join(sim.windir, "System32", "catroot2")), "not renamed");
    assert.not.ok(
      sim.calls().some((c) => c.startsWith("regsvr32")),
      "no DLL registered",
    );
  }),
);

scenario(
  "rename and delete-files: catroot2 and tmp1.cat in use -> exit 2, CryptSvc running again",
  () =>
    withSim(async (sim) => {
      broken(sim);
      sim.setService("CryptSvc", { start: 2, state: 4 });
      const fix = compile(sim);
      const held = [
        join(sim.windir, "System32", "catroot2"),
        join(
          sim.windir,
          "System32",
          "CatRoot",
          "{F750E6C3-38EE-11D1-85E5-00C04FC295EE}",
          "tmp1.cat",
        ),
      ];
      const run = await whileHeld(sim.root, held, () =>
        sim.run(fix, ["method", "rename-catroot2"]),
      );
      assertFailed(sim, run, ["rename-catroot2-to-oldcatroot2", "delete-tmp-cat-f750e6c3"]);
      assert.ok(existsSync(held[0]!) && existsSync(held[1]!));
      assert.equal(
        sim.service("CryptSvc"),
        { start: 2, state: 4 },
        "started again after the failures",
      );
      const calls = sim.calls();
      assert.ok(calls.indexOf('net stop "CryptSvc"') < calls.lastIndexOf('net start "CryptSvc"'));
    }),
);

scenario("method services: net stop fails -> the steps do not run, exit 2", () =>
  withSim((sim) => {
    broken(sim);
    sim.setService("CryptSvc", { start: 2, state: 4 });
    sim.failService("CryptSvc", "stop", 2);
    assertFailed(sim, runMethod(sim, "rename-catroot2"), ["rename-catroot2/stop-CryptSvc"]);
    assert.ok(existsSync(join(sim.windir, "System32", "catroot2")), "not renamed");
    assert.equal(sim.service("CryptSvc"), { start: 2, state: 4 });
  }),
);

scenario("register-dlls: regsvr32 fails -> exit 2, the DLL and its code in the log", () =>
  withSim((sim) => {
    broken(sim);
    sim.failTool("regsvr32", 5);
    assertFailed(sim, runMethod(sim, "register-crypto-dlls"), ["regsvr32-crypto-dlls"]);
    assert.match(resultLines(sim.logText(ID), "regsvr32-crypto-dlls")[0]!, "softpub.dll (exit 5)");
  }),
);

scenario("register-dlls: exit 4 (not self-registering) fails the committed step, named", () =>
  withSim((sim) => {
    broken(sim);
    sim.failTool("regsvr32", 4);
    assertFailed(sim, runMethod(sim, "register-crypto-dlls"), ["regsvr32-crypto-dlls"]);
    const line = resultLines(sim.logText(ID), "regsvr32-crypto-dlls")[0]!;
    assert.match(line, "softpub.dll (exit 4)");
    assert.match(line, "DLL bitness not read (batch cannot)");
  }),
);

/** KB822798 for Wine with method 3 allowing DLLs that are not self-registering, success 0 or 7. */
function allowingNotSelfRegistering(plan: Plan): void {
  kb822798ForWine(plan);
  for (const step of plan.methods.flatMap((m) => m.steps))
    if (step.kind === "register-dlls") {
      step.allowNotSelfRegistering = true;
      step.successCodes = [0, 7];
    }
}

scenario("register-dlls allowing it: exit 4 is reported as not self-registering, not failed", () =>
  withSim((sim) => {
    broken(sim);
    sim.failTool("regsvr32", 4);
    const run = sim.run(compile(sim, allowingNotSelfRegistering), [
      "method",
      "register-crypto-dlls",
    ]);
    const line = resultLines(sim.logText(ID), "regsvr32-crypto-dlls")[0]!;
    assert.match(line, "] changed");
    assert.match(line, "not self-registering (allowed): softpub.dll wintrust.dll");
    assert.not.match(recap(run.stdout), "StepFailed");
  }),
);

scenario("register-dlls allowing it: a success code from the playbook (7) counts", () =>
  withSim((sim) => {
    broken(sim);
    sim.failTool("regsvr32", 7);
    sim.run(compile(sim, allowingNotSelfRegistering), ["method", "register-crypto-dlls"]);
    assert.match(resultLines(sim.logText(ID), "regsvr32-crypto-dlls")[0]!, "] changed");
  }),
);

scenario("register-dlls allowing it: a load failure (exit 3) still fails", () =>
  withSim((sim) => {
    broken(sim);
    sim.failTool("regsvr32", 3);
    const run = sim.run(compile(sim, allowingNotSelfRegistering), [
      "method",
      "register-crypto-dlls",
    ]);
    assertFailed(sim, run, ["regsvr32-crypto-dlls"]);
  }),
);

scenario("attributes: attrib fails -> did not stick, exit 2", () =>
  withSim((sim) => {
    broken(sim);
    sim.attributes("Windows/System32/catroot2", "+s");
    sim.failTool("attrib", 1);
    assertFailed(sim, runMethod(sim, "clear-hidden-attribute"), ["attrib-catroot2"]);
    assert.match(resultLines(sim.logText(ID), "attrib-catroot2")[0]!, "did not stick");
  }),
);

scenario("registry-value: reg add fails -> exit 2, the old value kept", () =>
  withSim((sim) => {
    broken(sim);
    sim.setRegistryValue(POLICY_KEY, "Policy", "REG_BINARY", "01");
    sim.failTool("reg-add", 1);
    assertFailed(sim, runMethod(sim, "non-driver-signing-silently-succeed"), [
      "non-driver-signing-policy-00",
    ]);
    assert.is(sim.readRegistryValue(POLICY_KEY, "Policy"), "01");
  }),
);

scenario(
  "clear-folder: a SoftwareDistribution folder in use -> exit 2, wuauserv running again",
  () =>
    withSim(async (sim) => {
      broken(sim);
      const fix = compile(sim);
      // Wine lets a folder with an open file move (Windows does not): hold the folder itself.
      const held = [join(sim.windir, "SoftwareDistribution", "Download")];
      const run = await whileHeld(sim.root, held, () =>
        sim.run(fix, ["method", "clear-softwaredistribution"]),
      );
      assertFailed(sim, run, ["empty-softwaredistribution"]);
      assert.equal(sim.service("wuauserv"), { start: 2, state: 4 });
    }),
);

test.run();
