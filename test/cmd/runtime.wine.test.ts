// The batch runtime's edges under Wine: arguments, the administrator check, the run
// lock, the log folder argument, the 64-bit relaunch and the result file.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readFakeCalls, toWinPath, writeFakeTool } from "../support/wine.js";
import { compileTo } from "./compile-fixture.js";
import { whileHeld } from "./file-holder.js";
import { assertCode, mutatingCalls, recap, withSim } from "./scenario.js";
import { wineScenarios } from "./wine-gate.js";

const scenario = wineScenarios(import.meta.url);

const ID = "kb2328240";

scenario("bad arguments: exit 6 before anything runs; /? lists the methods", () =>
  withSim((sim) => {
    const { fix } = compileTo(join(sim.root, "out"), ID);
    for (const args of [["bogus"], ["log"], ["method", "nosuch"], ["log", "relative\\logs"]]) {
      const run = sim.run(fix, args);
      assert.is(run.code, 6, `${args.join(" ")}: ${run.stdout}`);
      assert.match(recap(run.stdout), `kbfix ${ID}: BadArguments (exit 6)`);
    }
    assert.equal(sim.calls(), [], "no tool ran");
    const help = sim.run(fix, ["/?"]);
    assert.is(help.code, 0);
    assert.match(help.stdout, "method clear-cryptnet-url-cache");
  }),
);

scenario("not an administrator: exit 5, nothing changed", () =>
  withSim((sim) => {
    const { fix } = compileTo(join(sim.root, "out"), ID);
    sim.notAdmin();
    sim.failTool("reg-query", 1); // HKU\S-1-5-19 is the second opinion
    const run = sim.run(fix);
    assert.is(run.code, 5);
    assert.match(recap(run.stdout), "NotElevated (exit 5)");
    assert.not.ok(existsSync(join(sim.programData, "kbfix")));
  }),
);

scenario("another run holds the lock: exit 1618 (Busy), nothing changed", () =>
  withSim(async (sim) => {
    const { fix } = compileTo(join(sim.root, "out"), ID);
    const lock = join(sim.programData, "kbfix", ID, "fix.cmd.lock");
    mkdirSync(join(lock, ".."), { recursive: true });
    writeFileSync(lock, "");
    const run = await whileHeld(sim.root, [lock], () => sim.run(fix));
    assert.is(run.code, 1618, run.stdout);
    assert.match(recap(run.stdout), "Busy (exit 1618)");
    assert.equal(mutatingCalls(sim.calls()), []);
  }),
);

scenario("log FOLDER: the log and the result file go there, one record per step", () =>
  withSim((sim) => {
    const { fix } = compileTo(join(sim.root, "out"), ID);
    sim.addEvent(4107, 7, "authrootstl.cab");
    const logs = join(sim.root, "my logs");
    const run = sim.run(fix, ["log", toWinPath(logs)]);
    const log = readFileSync(join(logs, `${ID}.fix.log`), "utf8");
    assertCode(run, 0, log);
    const result = readFileSync(join(logs, `${ID}.fix.result.txt`), "utf8").split("\r\n");
    assert.ok(
      result.includes(
        "step=clear-cryptnet-content@LocalSystem method=clear-cryptnet-url-cache status=changed check=0",
      ),
      result.join("\n"),
    );
    assert.ok(
      result.includes(
        "step=clear-cache-in-every-profile method=clear-cryptnet-url-cache status=ok check=0",
      ),
    );
    assert.not.ok(existsSync(join(logs, `${ID}.fix.out.tmp`)), "temporary files removed");
  }),
);

scenario(
  "a 32-bit cmd on 64-bit Windows runs the script again in Sysnative\\cmd.exe and passes its exit code",
  () =>
    withSim((sim) => {
      const { fix } = compileTo(join(sim.root, "out"), ID);
      const calls = join(sim.root, "sysnative.log");
      writeFakeTool(join(sim.windir, "Sysnative"), "cmd", { exitCode: 3010, recordTo: calls });
      // Wine sets PROCESSOR_ARCHITEW6432 itself in every new process: a wrapper sets it and
      // chains into the script (no call), which keeps both the variable and the exit code.
      const wrapper = join(sim.root, "wow64.cmd");
      const lines = [
        "@echo off",
        'set "PROCESSOR_ARCHITEW6432=AMD64"',
        `"${toWinPath(fix)}" check`,
      ];
      writeFileSync(wrapper, lines.join("\r\n") + "\r\n");
      const run = sim.run(wrapper);
      assert.is(run.code, 3010, run.stdout);
      assert.equal(readFakeCalls(calls), [`cmd /d /c ""${toWinPath(fix)}" check"`]);
      assert.equal(sim.calls(), [], "nothing ran in the 32-bit host");
    }),
);

/** One subroutine of an emitted script, from its label to the blank line after it. */
function subroutine(script: string, label: string): string {
  const start = script.indexOf(`\r\n:${label}\r\n`) + 2;
  return script.slice(start, script.indexOf("\r\n\r\n", start));
}

scenario(
  "the NT version and build as ver prints them on Windows 11, 10, XP and 2000, and on Wine",
  () =>
    withSim((sim) => {
      const { fix } = compileTo(join(sim.root, "out"), ID);
      const script = readFileSync(fix, "latin1");
      // The routine reads ver's output from KB_TMP: the test writes it there instead.
      const routine = subroutine(script, "kb_windows_version").replace(
        'ver >"%KB_TMP%" 2>nul',
        "rem",
      );
      // KB_NT, KB_NTTEXT, then KB_NTB ((major*100+minor)*100000+build) and KB_NTFULL.
      const samples: [string, string][] = [
        ["Microsoft Windows [Version 10.0.19045.3803]", "1000 10.0 100019045 10.0.19045"],
        ["Microsoft Windows [Version 10.0.22631.4460]", "1000 10.0 100022631 10.0.22631"],
        ["Microsoft Windows XP [Version 5.1.2600]", "501 5.1 50102600 5.1.2600"],
        ["Microsoft Windows 2000 [Version 5.00.2195]", "500 5.0 50002195 5.0.2195"],
        ["Microsoft Windows [versione 6.1.7601]", "601 6.1 60107601 6.1.7601"],
        ["Microsoft Windows 10.0.18362", "1000 10.0 100018362 10.0.18362"],
        ["Microsoft Windows [Version 6.3]", "603 6.3 60300000 6.3.0"],
      ];
      for (const [ver, want] of samples) {
        const out = join(sim.root, "ver.txt");
        writeFileSync(out, `\r\n${ver}\r\n`);
        const test = join(sim.root, "ver.cmd");
        const lines = [
          "@echo off",
          "setlocal EnableExtensions DisableDelayedExpansion",
          `set "KB_TMP=${toWinPath(out)}"`,
          "call :kb_windows_version",
          "echo %KB_NT% %KB_NTTEXT% %KB_NTB% %KB_NTFULL%",
          "exit /b 0",
          routine,
          subroutine(script, "kb_digits"),
        ];
        writeFileSync(test, lines.join("\r\n") + "\r\n");
        assert.is(sim.run(test).stdout.trim(), want, ver);
      }
    }),
);

scenario("kb_digits takes 1 to 16 digits and nothing else, a leading ; included", () =>
  withSim((sim) => {
    const { fix } = compileTo(join(sim.root, "out"), ID);
    const script = readFileSync(fix, "latin1");
    const samples: [string, string][] = [
      ["0", "ok"],
      ["1234567890123456", "ok"],
      ["12345678901234567", "bad"],
      ["12a", "bad"],
      [" 12", "bad"],
      [";123", "bad"],
      [";", "bad"],
      [";&echo injected", "bad"],
      ["-1", "bad"],
    ];
    const test = join(sim.root, "digits.cmd");
    const lines = ["@echo off", "setlocal EnableExtensions DisableDelayedExpansion"];
    for (const [value] of samples) {
      lines.push(
        `set "KB_V=${value}"`,
        "call :kb_digits",
        "if errorlevel 1 (echo bad) else echo ok",
      );
    }
    lines.push("exit /b 0", subroutine(script, "kb_digits"));
    writeFileSync(test, lines.join("\r\n") + "\r\n");
    const got = sim.run(test).stdout.trim().split(/\r?\n/);
    assert.equal(
      got,
      samples.map(([, want]) => want),
    );
  }),
);

scenario("NAME=VALUE: cmd splits at =, so a parameter can be given either way", () =>
  withSim((sim) => {
    const { fix } = compileTo(join(sim.root, "out"), "kb977203");
    sim.ownKey("HKLM\\SOFTWARE\\Microsoft\\SMS");
    sim.setRegistryValue(
      "HKLM\\SOFTWARE\\Microsoft\\SMS\\Mobile Client",
      "ProductVersion",
      "REG_SZ",
      "4.00.6487.2111",
    );
    sim.write("Windows/System32/CCM/Logs/CcmExec.log", "(0x80092024)\r\n");
    const run = sim.run(fix, [`CcmCertFixFolder=${toWinPath(sim.tools)}`]);
    // CCMCertFix ran from the folder given; the certificate probe is PowerShell's, so the
    // evidence is then undecided for batch (exit 4), not bad arguments (6).
    assertCode(run, 4, sim.logText("kb977203"));
    assert.equal(sim.calls().filter((c) => c.startsWith("CCMCertFix")).length, 1);
  }),
);

test.run();
