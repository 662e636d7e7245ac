// Bases inside program arguments in the .fix.cmd under Wine: argv-echo.exe (a real Windows
// program) prints the arguments its C runtime received, so the test sees /log:<windir>\Logs\x.log
// as the program does. A base that is not a full path fails its step, which then runs nothing.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import {
  ARGUMENT_BASES_ID,
  compileArgumentBasesPlaybook,
} from "../support/argument-bases-playbook.js";
import { buildArgvEcho, echoedArgv } from "../support/argv/argv-echo.js";
import type { SimulatedWindows } from "../support/simulated-windows-cmd.js";
import { toWinPath } from "../support/wine.js";
import { resultLines, withSim } from "./scenario.js";
import { wineTest } from "./wine-gate.js";

/** The compiled .fix.cmd, argv-echo as the run steps' tool and as the probe's Windows tool. */
function prepare(sim: SimulatedWindows) {
  const out = compileArgumentBasesPlaybook();
  const exe = buildArgvEcho(sim.root);
  mkdirSync(sim.tools, { recursive: true });
  copyFileSync(exe, join(sim.tools, "argv-echo.exe"));
  copyFileSync(exe, join(sim.system32, "argv-echo.exe"));
  sim.write("Windows/argb-flag.bin", 10);
  const users = join(sim.root, "All Users");
  mkdirSync(users, { recursive: true });
  return {
    out,
    fix: join(out, ARGUMENT_BASES_ID, `${ARGUMENT_BASES_ID}.fix.cmd`),
    params: ["ToolFolder", toWinPath(sim.tools)],
    users: toWinPath(users),
  };
}

wineTest("each base in an argument reaches the program expanded", () =>
  withSim((sim) => {
    const { out, fix, params, users } = prepare(sim);
    try {
      sim.run(fix, params, { ALLUSERSPROFILE: users });
      const log = sim.logText(ARGUMENT_BASES_ID);
      const windir = toWinPath(sim.windir);
      const probe = [`/q:${windir}\\Logs`];
      const echoed = echoedArgv(log);
      assert.equal(
        echoed.filter((a) => a[0] !== probe[0]),
        [[`/log:${windir}\\Logs\\x.log`, "x=C:"], [`${users}\\`]],
        log,
      );
      assert.ok(
        echoed.some((a) => a.join(" ") === probe.join(" ")),
        `the command probe's argument: ${log}`,
      );
      assert.match(resultLines(log, "s-log")[0] ?? "", "changed", log);
      assert.match(resultLines(log, "s-users")[0] ?? "", "changed", log);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }),
);

wineTest("a base that is not a full path fails its step, and that program never starts", () =>
  withSim((sim) => {
    const { out, fix, params } = prepare(sim);
    try {
      sim.run(fix, params, { ALLUSERSPROFILE: "Relative" });
      const log = sim.logText(ARGUMENT_BASES_ID);
      const users = resultLines(log, "s-users")[0] ?? "";
      assert.match(users, "failed", log);
      assert.match(users, "ALLUSERSPROFILE is not a full path", log);
      assert.match(resultLines(log, "s-log")[0] ?? "", "changed", log);
      assert.not.ok(
        echoedArgv(log).some((a) => a.some((arg) => arg.includes("Relative"))),
        log,
      );
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }),
);

test.run();
