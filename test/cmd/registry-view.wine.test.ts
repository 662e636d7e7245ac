// A registry value in a named view in the .fix.cmd (the .ps1 half is
// test/ps/scenarios/registry-view): on 64-bit Windows view 32 is reached with reg's /reg:32
// (Wine's reg redirects it to WOW6432Node as Windows does) and the 64-bit key is left alone; a
// second run and check mode change nothing; on 32-bit Windows view 32 is the native key and
// view 64 fails its step without a reg add. kb_reg_view's rule for every Windows is checked on
// its own: the switch only where reg.exe is known to have it, otherwise a reason and no switch.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  compileViewPlaybook,
  SET_32,
  SET_64,
  VIEW_ID,
  VIEW_KEY,
} from "../ps/scenarios/registry-view-playbook.js";
import type { SimulatedWindows } from "../support/simulated-windows-cmd.js";
import { toWinPath } from "../support/wine.js";
import { resultLines, withSim } from "./scenario.js";
import { wineTest } from "./wine-gate.js";

const out = compileViewPlaybook(["ps1", "cmd"], [SET_32]);
const fix = join(out, VIEW_ID, `${VIEW_ID}.fix.cmd`);
const out64 = compileViewPlaybook(["ps1", "cmd"], [SET_32, SET_64]);
const fix64 = join(out64, VIEW_ID, `${VIEW_ID}.fix.cmd`);
const KEY = `HKLM\\${VIEW_KEY}`;

/** The value in one view, as reg prints it (0x1), read with Wine's own reg. */
function mode(sim: SimulatedWindows, view: 32 | 64): string | undefined {
  const r = sim.registry([`query "${KEY}" /v Mode /reg:${view}`]);
  const line = r.stdout.split("\r\n").find((l) => l.trim().startsWith("Mode "));
  return line?.trim().split(/\s{4}/)[2];
}

/** 0 in the 32-bit view, 7 in the 64-bit one: both broken, and told apart. */
function prepare(sim: SimulatedWindows): void {
  sim.ownKey("HKLM\\SOFTWARE\\KbfixSim");
  sim.ownKey("HKLM\\SOFTWARE\\WOW6432Node\\KbfixSim");
  sim.registry([
    `add "${KEY}" /v Mode /t REG_DWORD /d 0 /f /reg:32 >nul`,
    `add "${KEY}" /v Mode /t REG_DWORD /d 7 /f /reg:64 >nul`,
  ]);
}

const status = (log: string, id: string): string => {
  const line = resultLines(log, id)[0] ?? "";
  return /\] ([a-z-]+)/.exec(line)?.[1] ?? `(no result for ${id})`;
};
const regChanges = (sim: SimulatedWindows) => sim.calls().filter((c) => /^reg add /i.test(c));

wineTest("view 32 on 64-bit Windows: reg /reg:32 writes WOW6432Node, not the 64-bit key", () =>
  withSim((sim) => {
    prepare(sim);
    sim.run(fix);
    const log = sim.logText(VIEW_ID);
    assert.is(status(log, "set-32"), "changed", log);
    assert.match(resultLines(log, "set-32")[0] ?? "", "in the 32-bit registry view");
    assert.is(mode(sim, 32), "0x1");
    assert.is(mode(sim, 64), "0x7");
    assert.is(sim.readRegistryValue(`HKLM\\SOFTWARE\\WOW6432Node\\KbfixSim\\View`, "Mode"), "0x1");
    assert.equal(regChanges(sim).length, 1);
    assert.match(regChanges(sim)[0]!, "/reg:32");
  }),
);

wineTest("check mode and a second run change nothing; the probe reads the 32-bit view", () =>
  withSim((sim) => {
    prepare(sim);
    sim.run(fix, ["check"]);
    assert.is(status(sim.logText(VIEW_ID), "set-32"), "changed");
    assert.equal(regChanges(sim), []);
    assert.is(mode(sim, 32), "0x0");
    sim.run(fix);
    sim.clearCalls();
    rmSync(join(sim.windir, "Logs", "kbfix", `${VIEW_ID}.fix.log`), { force: true });
    sim.run(fix);
    const log = sim.logText(VIEW_ID);
    assert.match(log, "evidence mode-32: absent", log);
    assert.equal(regChanges(sim), []);
    assert.is(mode(sim, 64), "0x7");
  }),
);

wineTest("32-bit Windows: view 32 is the native key, view 64 fails and writes nothing", () =>
  withSim((sim) => {
    prepare(sim);
    // Wine sets the architecture variables itself in every new process: a wrapper sets them
    // and chains into the script (no call), which keeps them.
    const wrapper = join(sim.root, "x86.cmd");
    const lines = [
      "@echo off",
      'set "PROCESSOR_ARCHITECTURE=x86"',
      'set "PROCESSOR_ARCHITEW6432="',
      `"${toWinPath(fix64)}"`,
    ];
    writeFileSync(wrapper, lines.join("\r\n") + "\r\n");
    sim.run(wrapper);
    const log = sim.logText(VIEW_ID);
    assert.is(status(log, "set-32"), "changed", log);
    assert.is(status(log, "set-64"), "failed", log);
    assert.match(resultLines(log, "set-64")[0] ?? "", "this Windows is 32-bit");
    // No switch on 32-bit Windows: the one key there is (here Wine's 64-bit key).
    assert.is(mode(sim, 64), "0x1");
    assert.is(mode(sim, 32), "0x0");
    assert.equal(regChanges(sim).length, 1);
    assert.not.match(regChanges(sim)[0]!, "/reg:");
  }),
);

/** One subroutine of an emitted script, from its label to the blank line after it. */
function subroutine(script: string, label: string): string {
  const start = script.indexOf(`\r\n:${label}\r\n`) + 2;
  return script.slice(start, script.indexOf("\r\n\r\n", start));
}

wineTest("kb_reg_view: /reg: only where reg.exe has it, else a reason and no switch", () =>
  withSim((sim) => {
    const routine = subroutine(readFileSync(fix, "latin1"), "kb_reg_view");
    // KB_ARCH KB_NT KB_RVIEW -> KB_RSW | start of KB_RVIEWBAD
    const cases: [string, string, string, string][] = [
      ["x64", "1000", "0", "|"],
      ["x64", "1000", "32", "/reg:32|"],
      ["arm64", "1000", "64", "/reg:64|"],
      ["x64", "601", "64", "/reg:64|"],
      ["x64", "600", "32", "|reg.exe of Windows NT 6.0 may not know /reg:32"],
      ["x64", "502", "32", "|reg.exe of Windows NT 5.2 may not know /reg:32"],
      ["x86", "501", "32", "|"],
      ["x86", "1000", "64", "|this Windows is 32-bit"],
      ["unknown", "1000", "32", "|the architecture could not be read"],
    ];
    for (const [arch, nt, view, want] of cases) {
      const test = join(sim.root, "view.cmd");
      const major = nt.length > 3 ? nt.slice(0, 2) : nt.slice(0, 1);
      const lines = [
        "@echo off",
        "setlocal EnableExtensions DisableDelayedExpansion",
        `set "KB_ARCH=${arch}"`,
        `set "KB_NT=${nt}"`,
        `set "KB_NTTEXT=${major}.${Number(nt.slice(-2))}"`,
        `set "KB_RVIEW=${view}"`,
        "call :kb_reg_view",
        "echo %KB_RSW%^|%KB_RVIEWBAD%",
        "exit /b 0",
        routine,
      ];
      writeFileSync(test, lines.join("\r\n") + "\r\n");
      const got = sim.run(test).stdout.trim();
      assert.ok(got.startsWith(want), `${arch} NT ${nt} view ${view}: ${got}`);
      if (want.endsWith("|")) assert.is(got, want, `${arch} NT ${nt} view ${view}`);
    }
  }),
);

test.after(() => {
  rmSync(out, { recursive: true, force: true });
  rmSync(out64, { recursive: true, force: true });
});
test.run();
