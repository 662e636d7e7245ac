// The batch state folder on Windows XP and Server 2003 (NT 5.x), which define no %ProgramData%:
// kb822798's .fix.cmd on a simulated XP keeps its state and run lock in kbfix\<id> under the All
// Users profile (%ALLUSERSPROFILE%) and runs the broken -> fixed cycle as on a newer Windows. The
// simulated XP: ProgramData undefined in the environment the script runs with, ver's line as XP
// prints it (Wine's ver says 10.0: the test writes XP's line where the script reads it), no
// forfiles.exe and no icacls.exe in System32. On Wine's NT 10.0 the folder is still
// ProgramData\kbfix\<id>, even with ALLUSERSPROFILE pointing elsewhere.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { SimulatedWindows } from "../support/simulated-windows-cmd.js";
import { toWinPath } from "../support/wine.js";
import { broken, compile } from "./kb822798-scenario.js";
import { kb822798ForWine, windirPaths } from "./variants.js";
import { wineScenarios } from "./wine-gate.js";
import { assertCode, mutatingCalls, recap, withSim } from "./scenario.js";

const scenario = wineScenarios(import.meta.url);

const ID = "kb822798";
const ALL_USERS = "Documents and Settings/All Users";
const VER_LINE = 'ver >"%KB_TMP%" 2>nul';

/** The emitted script with ver's output replaced by XP's line (the one command Wine cannot fake). */
function asOnXp(fix: string): string {
  const script = readFileSync(fix, "latin1");
  assert.is(script.split(VER_LINE).length, 2, "the script reads ver exactly once");
  const xp = join(fix, "..", `${ID}.xp.fix.cmd`);
  const echo = '>"%KB_TMP%" echo.Microsoft Windows XP [Version 5.1.2600]';
  writeFileSync(xp, script.replace(VER_LINE, echo), "latin1");
  return xp;
}

/** XP's System32 has neither forfiles.exe (Resource Kit only) nor icacls.exe (Vista on). */
function removeVistaTools(sim: SimulatedWindows): void {
  for (const tool of ["forfiles", "icacls"])
    for (const file of [`${tool}.exe`, `${tool}.fake.cmd`])
      rmSync(join(sim.system32, file), { force: true });
  assert.not.ok(existsSync(join(sim.system32, "icacls.exe")));
}

function xpEnv(sim: SimulatedWindows): Record<string, string> {
  return { ProgramData: "", ALLUSERSPROFILE: toWinPath(join(sim.root, ALL_USERS)) };
}

scenario(
  "XP (NT 5.1): state and lock under ALLUSERSPROFILE\\kbfix\\<id>, broken -> fixed (exit 0), then compliant",
  () =>
    withSim((sim) => {
      sim.write(`${ALL_USERS}/placeholder.txt`, "");
      removeVistaTools(sim);
      const fix = asOnXp(compile(sim, windirPaths));
      broken(sim);
      const run = sim.run(fix, [], xpEnv(sim));
      const log = sim.logText(ID);
      assertCode(run, 0, log);
      assert.match(recap(run.stdout), `kbfix ${ID}: Fixed (exit 0)`);
      assert.match(log, "Windows NT 5.1.2600 (from ver)");
      assert.equal(sim.service("CryptSvc"), { start: 2, state: 4 });

      const stateDir = join(sim.root, ALL_USERS, "kbfix", ID);
      const winStateDir = toWinPath(stateDir);
      assert.match(
        log,
        `State and run lock in ${winStateDir} (this Windows defines no ProgramData`,
      );
      assert.match(
        log,
        "WARNING: " +
          `${toWinPath(join(stateDir, ".."))} was created without a private ACL (no usable icacls.exe)`,
      );
      const saved = readdirSync(stateDir).sort();
      assert.ok(saved.includes("fix.cmd.lock"), saved.join(", "));
      assert.ok(
        saved.some((f) => f.endsWith(".cmd-state")),
        `the history state is saved there: ${saved.join(", ")}`,
      );
      assert.not.ok(existsSync(join(sim.programData, "kbfix")), "nothing under ProgramData");
      assert.equal(
        sim.calls().filter((c) => c.startsWith("icacls")),
        [],
      );

      sim.clearCalls();
      const again = sim.run(fix, [], xpEnv(sim));
      const second = sim.logText(ID);
      assertCode(again, 0, second);
      assert.match(recap(again.stdout), `kbfix ${ID}: Compliant (exit 0)`);
      assert.equal(mutatingCalls(sim.calls()), []);
      // The folder exists now: no second warning about its ACL.
      assert.is(second.split("was created without a private ACL").length, 2);
    }),
);

scenario("NT 10.0 (Wine): the state folder is still ProgramData\\kbfix\\<id>", () =>
  withSim((sim) => {
    sim.write(`${ALL_USERS}/placeholder.txt`, "");
    const fix = compile(sim, kb822798ForWine);
    broken(sim);
    const env = { ALLUSERSPROFILE: toWinPath(join(sim.root, ALL_USERS)) };
    // Check mode creates no state folder anywhere, and no ACL: the real run below does.
    const check = sim.run(fix, ["check"], env);
    assertCode(check, 1, sim.logText(ID));
    assert.not.ok(existsSync(join(sim.programData, "kbfix")), "check mode: no ProgramData\\kbfix");
    assert.equal(
      sim.calls().filter((c) => c.startsWith("icacls")),
      [],
    );
    sim.run(fix, [], env);
    const log = sim.logText(ID);
    assert.ok(existsSync(join(sim.programData, "kbfix", ID, "fix.cmd.lock")));
    assert.not.ok(existsSync(join(sim.root, ALL_USERS, "kbfix")), "nothing under ALLUSERSPROFILE");
    assert.not.match(log, "State and run lock in");
    assert.not.match(log, "without a private ACL");
    assert.ok(
      sim.calls().some((c) => c.startsWith(`icacls "${toWinPath(sim.programData)}\\kbfix" `)),
      "icacls made ProgramData\\kbfix private",
    );
  }),
);

test.run();
