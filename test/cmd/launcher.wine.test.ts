// <id>.launch.cmd under Wine: it reads the Windows PowerShell engine's version from the registry
// (PS_ENGINE_KEY, value PowerShellVersion, written by WMF 3.0 and later). With 5.1 it starts the
// .ps1 with -File and the arguments as given; without it (no value: PowerShell 2.0, which writes
// only ...\PowerShell\1; or 3.0, 4.0, 5.0) it says why and runs <id>.fix.cmd beside it instead,
// with no arguments, and passes that exit code through. A 32-bit host on 64-bit Windows reads the
// value with the 64-bit reg.exe (Sysnative). powershell.exe is a fake that records its calls.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { SimulatedWindows } from "../support/simulated-windows-cmd.js";
import { readFakeCalls, runCmdScript, toWinPath, writeFakeTool } from "../support/wine.js";
import { COMMITTED_IDS } from "../support/runtime-sources.js";
import { compileTo } from "./compile-fixture.js";
import { installPowerShell, mutatingCalls, PS_ENGINE_KEY, recap, withSim } from "./scenario.js";
import { onlyWindowsXp } from "./variants.js";
import { wineScenarios } from "./wine-gate.js";

const scenario = wineScenarios(import.meta.url);

const ID = "kb971058";
const FALLBACK = `kbfix ${ID}: Windows PowerShell 5.1 is not installed (${PS_ENGINE_KEY} PowerShellVersion is missing or older): running ${ID}.fix.cmd instead`;

/** A fake powershell.exe in `folder` (System32 or Sysnative) exiting 3010; returns its calls log. */
function fakePowerShell(sim: SimulatedWindows, folder = "System32"): string {
  const calls = join(sim.root, "powershell-calls.log");
  writeFakeTool(join(sim.windir, folder, "WindowsPowerShell", "v1.0"), "powershell", {
    exitCode: 3010,
    recordTo: calls,
  });
  return calls;
}

function launch(sim: SimulatedWindows, launcher: string, args: string[] = []) {
  return runCmdScript(launcher, args, { env: sim.env(), timeoutMs: 240_000 });
}

const psCall = (launcher: string, args: string) =>
  `powershell -NoProfile -NonInteractive -ExecutionPolicy Bypass -File "${toWinPath(join(launcher, ".."))}\\${ID}.ps1"${args}`;

scenario(
  "PowerShell 5.1: the .ps1 runs with -File and the arguments, its exit code passed through",
  () =>
    withSim((sim) => {
      const { launch: launcher } = compileTo(join(sim.root, "out"), ID, onlyWindowsXp);
      installPowerShell(sim, "5.1.19041.1");
      const calls = fakePowerShell(sim);
      const run = launch(sim, launcher, ["-WhatIf", "-Method", "reset-with-step-4"]);
      assert.is(run.code, 3010, run.stdout);
      assert.equal(readFakeCalls(calls), [psCall(launcher, " -WhatIf -Method reset-with-step-4")]);
      assert.not.match(run.stdout, "not installed");
      assert.is(sim.logText(ID), "", "the batch remediation did not run");
      assert.ok(
        sim.calls().some((c) => /^reg .*PowerShellEngine.* .?\/v.? .?PowerShellVersion/i.test(c)),
        sim.calls().join("\n"),
      );
    }),
);

// Every committed playbook's launcher, not only the one above: each is generated for its own id.
for (const id of COMMITTED_IDS)
  scenario(
    `${id}: with PowerShell 5.1 the launcher starts ${id}.ps1 and passes its exit code`,
    () =>
      withSim((sim) => {
        const { launch: launcher } = compileTo(join(sim.root, "out"), id);
        installPowerShell(sim, "5.1.17763.1");
        const calls = fakePowerShell(sim);
        const run = launch(sim, launcher, ["-WhatIf"]);
        assert.is(run.code, 3010, run.stdout);
        const dir = toWinPath(join(launcher, ".."));
        assert.equal(readFakeCalls(calls), [
          `powershell -NoProfile -NonInteractive -ExecutionPolicy Bypass -File "${dir}\\${id}.ps1" -WhatIf`,
        ]);
      }),
  );

for (const [why, version] of [
  ["no PowerShellVersion (Windows PowerShell 2.0)", undefined],
  ["PowerShell 4.0", "4.0"],
  ["PowerShell 5.0", "5.0.10586.117"],
] as const)
  scenario(`${why}: the .fix.cmd runs instead, says why, and its exit code is passed through`, () =>
    withSim((sim) => {
      const { launch: launcher } = compileTo(join(sim.root, "out"), ID, onlyWindowsXp);
      if (version) installPowerShell(sim, version);
      const calls = fakePowerShell(sim);
      const run = launch(sim, launcher);
      assert.is(run.code, 3, run.stdout);
      assert.ok(run.stdout.includes(FALLBACK), run.stdout);
      assert.match(recap(run.stdout), `kbfix ${ID}: NotApplicable (exit 3)`);
      assert.match(sim.logText(ID), "NotApplicable");
      assert.equal(readFakeCalls(calls), [], "PowerShell was not started");
    }),
  );

scenario("no PowerShell 5.1 and arguments for the .ps1: refused with exit 6, nothing runs", () =>
  withSim((sim) => {
    const { launch: launcher } = compileTo(join(sim.root, "out"), ID);
    const calls = fakePowerShell(sim);
    const run = launch(sim, launcher, ["-WhatIf"]);
    assert.is(run.code, 6, run.stdout);
    assert.match(recap(run.stdout), `kbfix ${ID}: BadArguments (exit 6): Windows PowerShell 5.1`);
    assert.match(recap(run.stdout), "nothing was changed");
    assert.is(sim.logText(ID), "", "the batch remediation did not run");
    assert.equal(readFakeCalls(calls), []);
    assert.equal(mutatingCalls(sim.calls()), []);
  }),
);

scenario("no PowerShell 5.1 and no .fix.cmd beside the launcher: exit 2, nothing runs", () =>
  withSim((sim) => {
    const { launch: launcher, fix } = compileTo(join(sim.root, "out"), ID);
    rmSync(fix);
    const run = launch(sim, launcher);
    assert.is(run.code, 2, run.stdout);
    assert.match(recap(run.stdout), `${ID}.fix.cmd is not beside this file to run instead`);
  }),
);

scenario("a playbook without a batch target: no PowerShell 5.1 is exit 2, nothing runs", () =>
  withSim((sim) => {
    const { launch: launcher } = compileTo(join(sim.root, "out"), ID, (plan) => {
      plan.targets = ["ps1"];
    });
    const run = launch(sim, launcher);
    assert.is(run.code, 2, run.stdout);
    assert.match(recap(run.stdout), "this playbook has no batch remediation");
  }),
);

scenario("a 32-bit host on 64-bit Windows: the 64-bit reg.exe reads the version (Sysnative)", () =>
  withSim((sim) => {
    const { launch: launcher } = compileTo(join(sim.root, "out"), ID, onlyWindowsXp);
    const regCalls = join(sim.root, "sysnative-reg-calls.log");
    writeFakeTool(join(sim.windir, "Sysnative"), "reg", {
      exitCode: 0,
      recordTo: regCalls,
      stdout: `\n${PS_ENGINE_KEY.replace("HKLM", "HKEY_LOCAL_MACHINE")}\n    PowerShellVersion    REG_SZ    5.1.14393.0\n\n`,
    });
    const calls = fakePowerShell(sim, "Sysnative");
    // Wine sets PROCESSOR_ARCHITEW6432 itself in every new process: a wrapper sets it and chains
    // into the launcher (no call), which keeps both the variable and the exit code.
    const wrapper = join(sim.root, "wow64.cmd");
    const lines = ["@echo off", 'set "PROCESSOR_ARCHITEW6432=AMD64"', `"${toWinPath(launcher)}"`];
    writeFileSync(wrapper, lines.join("\r\n") + "\r\n");
    const run = launch(sim, wrapper);
    assert.is(run.code, 3010, run.stdout);
    assert.equal(readFakeCalls(regCalls), [`reg query "${PS_ENGINE_KEY}" /v PowerShellVersion`]);
    assert.equal(readFakeCalls(calls), [psCall(launcher, "")]);
    assert.not.ok(
      sim.calls().some((c) => /PowerShellEngine/i.test(c)),
      "not the 32-bit reg",
    );
  }),
);

test.run();
