// KB971058 under Wine: a Windows Update scan failure (event 25 in the client's Operational log)
// -> the reset without step 4 (services stopped and started at the end, qmgr*.dat deleted, the
// DLLs registered, netsh winsock reset), exit 3010 as the .ps1; a second run and check mode
// change nothing; netsh failing names its step. The reset with step 4 waits for the argument
// highrisk, then renames the folders and runs sc sdset, read back with sc sdshow.
// The escalation across runs, as the .ps1 scenario (test/ps/scenarios/kb971058.pwsh.test.ts):
// after a clean first reset, new failures make the next run skip rung 1 ("the evidence came
// back") and go on with rung 2; live evidence, a memory 30 or more days old, a ladder file that
// names no method, or no forfiles (XP) restart at rung 1. One case selects rung 2 with the
// argument "method reset-with-step-4". Wine has no forfiles: the simulated Windows has a built
// one (test/cmd/fake-forfiles.ts) that keeps Windows' date rule.
// The fakes have no netsh (installed here like the other simple fakes) and no sc sdset: this
// suite's sc answers sdset with 0 and changes nothing, so what sdshow shows (the service's
// .sddl file) decides whether the descriptor "stuck". Windows 2000 cannot be simulated (Wine is
// NT 10.0): the not-applicable case uses the XP-only variant, as kb2328240's does.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Plan } from "../../src/plan/plan.js";
import type { SimulatedWindows } from "../support/simulated-windows-cmd.js";
import { writeFakeTool } from "../support/wine.js";
import { compileTo } from "./compile-fixture.js";
import { scFake, simpleFake } from "./fake-tools.js";
import { assertCode, mutatingCalls, recap, resultLines, withSim } from "./scenario.js";
import { onlyWindowsXp } from "./variants.js";
import { wineScenarios } from "./wine-gate.js";

const scenario = wineScenarios(import.meta.url);

const ID = "kb971058";
const DOWNLOADER = "ProgramData/Microsoft/Network/Downloader";
const SERVICES = ["BITS", "wuauserv", "CryptSvc"];
/** Besides the DLLs every simulated Windows has (softpub, wintrust, dssenh, ...). */
const EXTRA_DLLS = ["atl", "wuapi", "qmgr"];
const BITS_SDDL =
  "D:(A;CI;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;SY)(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;BA)(A;;CCLCSWLOCRRC;;;IU)(A;;CCLCSWLOCRRC;;;SU)";
const WUAUSERV_SDDL =
  "D:(A;;CCLCSWRPLORC;;;AU)(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;BA)(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;SY)";
const STEP4_FOLDERS = [
  "Windows/SoftwareDistribution/DataStore",
  "Windows/SoftwareDistribution/Download",
  "Windows/System32/catroot2",
];

/** The running services, the BITS queue files, netsh, and a scan failure (record 120). */
function broken(sim: SimulatedWindows): void {
  for (const name of SERVICES) sim.setService(name, { start: 3, state: 4 });
  sim.write(`${DOWNLOADER}/qmgr0.dat`, 100);
  sim.write(`${DOWNLOADER}/qmgr1.dat`, 100);
  for (const dll of EXTRA_DLLS) sim.write(`Windows/System32/${dll}.dll`, 64);
  for (const folder of STEP4_FOLDERS.slice(0, 2)) sim.write(`${folder}/edb.log`, 64);
  writeFakeTool(sim.system32, "netsh", { exitCode: 0, recordTo: sim.callsLog });
  writeFileSync(
    join(sim.system32, "netsh.fake.cmd"),
    simpleFake(sim.callsLog, sim.db, "netsh") + "\r\n",
  );
  sim.addEvent(25, 120, "0x80244022");
}

/** sc as the simulated Windows has it, plus sdset (exit 0, no effect); sdshow types <name>.sddl. */
function scWithSdset(sim: SimulatedWindows, bits: string, wuauserv: string): void {
  const body = scFake(sim.callsLog, sim.db).replace(
    'if /i "%VERB%"=="qc" goto qc',
    'if /i "%VERB%"=="sdset" exit /b 0\r\nif /i "%VERB%"=="qc" goto qc',
  );
  writeFileSync(join(sim.system32, "sc.fake.cmd"), body + "\r\n");
  writeFileSync(join(sim.db, "services", "BITS.sddl"), `${bits}\r\n`);
  writeFileSync(join(sim.db, "services", "wuauserv.sddl"), `${wuauserv}\r\n`);
}

const qmgrFiles = (sim: SimulatedWindows) =>
  ["qmgr0.dat", "qmgr1.dat"].filter((n) => existsSync(join(sim.root, DOWNLOADER, n)));
const toolCalls = (sim: SimulatedWindows, tool: string) =>
  sim.calls().filter((c) => c.toLowerCase().startsWith(`${tool} `));

const RUNG2 = ["method", "reset-with-step-4"];
const ladderFile = (sim: SimulatedWindows) => join(sim.programData, "kbfix", ID, "fix.cmd.ladder");

/** The log of the last run only (the log file keeps every run). */
function lastRunLog(sim: SimulatedWindows): string {
  const log = sim.logText(ID);
  return log.slice(log.lastIndexOf(`playbook ${ID} (source`));
}

/** The first rung on `fix` (exit 3010, rung 1 remembered), then a new scan failure (record 121). */
function firstRungThenNewFailure(sim: SimulatedWindows, fix: string): void {
  const run = sim.run(fix);
  assertCode(run, 3010, sim.logText(ID));
  assert.is(readFileSync(ladderFile(sim), "utf8"), "reset-without-step-4\r\n");
  sim.addEvent(25, 121, "0x80244022");
  sim.clearCalls();
}

/**
 * The state a clean first reset leaves (as the first scenario's first run shows): both event
 * probes at record 120 and rung 1 remembered, then a new scan failure (record 121). Written
 * directly, so the restart scenarios each spend one run, not two.
 */
function rungOneRemembered(sim: SimulatedWindows): void {
  const state = join(sim.programData, "kbfix", ID);
  mkdirSync(state, { recursive: true });
  for (const probe of ["wu-install-failure-event", "wu-scan-or-download-failure-event"])
    writeFileSync(join(state, `${probe}.cmd-state`), "120\r\n");
  writeFileSync(ladderFile(sim), "reset-without-step-4\r\n");
  sim.addEvent(25, 121, "0x80244022");
}

/** The second run went back to rung 1: it ran again, fixed the problem, rung 2 was not needed. */
function assertRestartedAtRungOne(sim: SimulatedWindows, run: { code: number; stdout: string }) {
  const log = lastRunLog(sim);
  assertCode(run, 3010, log);
  assert.match(resultLines(log, "first-winsock-reset")[0]!, "changed");
  assert.match(resultLines(log, "reset-with-step-4")[0]!, "the evidence was gone");
  assert.equal(toolCalls(sim, "netsh"), ['netsh  "winsock" "reset"']);
}

/** kb971058 with a live probe as well: the BITS queue file qmgr0.dat over 50 bytes. */
function withQueueFileProbe(plan: Plan): void {
  const detection = plan.detection as unknown as { items: Record<string, unknown>[] };
  const folder = (plan.methods[0]!.steps[0] as unknown as { folder: Record<string, unknown> })
    .folder;
  detection.items.push({
    id: "qmgr-queue-file",
    kind: "file-size",
    span: detection.items[0]!.span,
    fieldSpans: {},
    path: {
      base: folder.base,
      segments: [...(folder.segments as string[]), "qmgr0.dat"],
      text: `${folder.text as string}\\qmgr0.dat`,
    },
    aboveBytes: 50,
  });
}

scenario(
  "broken -> reset without step 4, exit 3010 as the .ps1; a second run changes nothing",
  () =>
    withSim((sim) => {
      const { fix } = compileTo(join(sim.root, "out"), ID);
      broken(sim);
      const run = sim.run(fix);
      const log = sim.logText(ID);
      assertCode(run, 3010, log);
      assert.match(recap(run.stdout), `kbfix ${ID}: FixedSoftReboot (exit 3010)`);
      assert.equal(qmgrFiles(sim), []);
      for (const name of SERVICES) assert.is(sim.service(name).state, 4, `${name} runs`);
      for (const name of SERVICES)
        assert.match(log, `started service ${name} at the end of the method`);
      const registered = toolCalls(sim, "regsvr32").map((c) => c.replace(/^.*\\/, ""));
      assert.equal(registered, [
        'atl.dll"',
        'softpub.dll"',
        'wintrust.dll"',
        'dssenh.dll"',
        'rsaenh.dll"',
        'cryptdlg.dll"',
        'initpki.dll"',
        'wuapi.dll"',
        'qmgr.dll"',
      ]);
      assert.equal(toolCalls(sim, "netsh"), ['netsh  "winsock" "reset"']);
      assert.match(resultLines(log, "first-proxycfg-reset")[0]!, "not-applicable");
      assert.match(resultLines(log, "reset-with-step-4")[0]!, "skipped");
      for (const folder of STEP4_FOLDERS.slice(0, 2))
        assert.ok(existsSync(join(sim.root, folder)), `${folder} untouched`);

      const before = sim.snapshot();
      sim.clearCalls();
      const again = sim.run(fix);
      assertCode(again, 0, sim.logText(ID));
      assert.match(recap(again.stdout), `kbfix ${ID}: Compliant (exit 0)`);
      assert.equal(sim.snapshot(), before);
      assert.equal(mutatingCalls(sim.calls()), []);
      assert.equal(toolCalls(sim, "netsh"), []);
    }),
);

scenario("check mode: would reset, changes nothing, runs nothing, exit 1", () =>
  withSim((sim) => {
    const { fix } = compileTo(join(sim.root, "out"), ID);
    broken(sim);
    const before = sim.snapshot();
    const run = sim.run(fix, ["check"]);
    const log = sim.logText(ID);
    assertCode(run, 1, log);
    assert.match(recap(run.stdout), "check mode: nothing was changed");
    for (const step of ["first-delete-qmgr-dat", "first-register-dlls", "first-winsock-reset"])
      assert.match(resultLines(log, step)[0]!, "changed (check mode: would change");
    assert.equal(sim.snapshot(), before);
    assert.equal(mutatingCalls(sim.calls()), []);
    assert.equal(toolCalls(sim, "netsh"), []);
    for (const name of SERVICES) assert.is(sim.service(name).state, 4);
    assert.not.ok(existsSync(ladderFile(sim)), "check mode remembers no method");
  }),
);

scenario("netsh winsock reset exits 1 -> exit 2, the step named, services run again", () =>
  withSim((sim) => {
    const { fix } = compileTo(join(sim.root, "out"), ID);
    broken(sim);
    sim.failTool("netsh", 1);
    const run = sim.run(fix);
    const log = sim.logText(ID);
    assertCode(run, 2, log);
    assert.match(recap(run.stdout), "StepFailed (exit 2)");
    assert.match(recap(run.stdout), "failed: first-winsock-reset");
    for (const name of SERVICES) assert.is(sim.service(name).state, 4, `${name} runs`);
  }),
);

scenario("not applicable (a variant limited to Windows XP): exit 3, nothing changed", () =>
  withSim((sim) => {
    const { fix } = compileTo(join(sim.root, "out"), ID, onlyWindowsXp);
    broken(sim);
    const before = sim.snapshot();
    const run = sim.run(fix);
    assertCode(run, 3, sim.logText(ID));
    assert.match(recap(run.stdout), "NotApplicable (exit 3)");
    assert.equal(sim.snapshot(), before);
    assert.equal(mutatingCalls(sim.calls()), []);
  }),
);

scenario(
  "new failures after the first reset: rung 1 skipped, the reset with step 4 waits for highrisk, then sdset and sdshow verifies",
  () =>
    withSim((sim) => {
      const { fix } = compileTo(join(sim.root, "out"), ID);
      broken(sim);
      scWithSdset(sim, BITS_SDDL, WUAUSERV_SDDL);
      firstRungThenNewFailure(sim, fix);
      const held = sim.run(fix);
      const heldLog = lastRunLog(sim);
      assertCode(held, 1, heldLog);
      assert.match(recap(held.stdout), "StillPresent (exit 1)");
      assert.match(
        resultLines(heldLog, "reset-without-step-4")[0]!,
        "skipped; tried up to method reset-without-step-4 in an earlier run (within the last 30 days); the evidence came back, so the article's next method runs",
      );
      assert.match(
        resultLines(heldLog, "reset-with-step-4")[0]!,
        "high risk: runs only with the argument highrisk",
      );
      assert.equal(mutatingCalls(sim.calls()), []);
      assert.equal(toolCalls(sim, "netsh"), []);

      const run = sim.run(fix, ["highrisk"]);
      const log = lastRunLog(sim);
      assertCode(run, 3010, log);
      assert.match(resultLines(log, "reset-without-step-4")[0]!, "the evidence came back");
      assert.match(resultLines(log, "again-sdset-bits")[0]!, "changed");
      assert.match(resultLines(log, "again-sdset-wuauserv")[0]!, "changed");
      assert.equal(
        // Unquoted: the run step quotes every argument, the fake records the line as given.
        toolCalls(sim, "sc")
          .map((c) => c.replace(/"/g, "").replace(/ +/g, " "))
          .filter((c) => /^sc sd(set|show) /.test(c)),
        [
          `sc sdset bits ${BITS_SDDL}`,
          "sc sdshow bits",
          `sc sdset wuauserv ${WUAUSERV_SDDL}`,
          "sc sdshow wuauserv",
        ],
      );
      // Not checked here: the renames. The batch script's %SystemRoot% is Wine's own
      // (C:\windows), not the simulated tree, so it finds no folder to rename ("ok; ... does not
      // exist"); kb822798 compiles a windirPaths variant for that. The .ps1 suite checks them.
      for (const name of SERVICES) assert.is(sim.service(name).state, 4, `${name} runs`);
      assert.is(readFileSync(ladderFile(sim), "utf8"), "reset-with-step-4\r\n");
    }),
);

scenario("new failures and a live probe's evidence: the ladder restarts at rung 1", () =>
  withSim((sim) => {
    const { fix } = compileTo(join(sim.root, "out"), ID, withQueueFileProbe);
    broken(sim);
    rungOneRemembered(sim);
    const run = sim.run(fix, ["highrisk"]);
    assert.match(lastRunLog(sim), "live evidence (not only events or log lines)");
    assertRestartedAtRungOne(sim, run);
    assert.equal(qmgrFiles(sim), []);
  }),
);

scenario("new failures 31 days after the first reset: the ladder restarts at rung 1", () =>
  withSim((sim) => {
    const { fix } = compileTo(join(sim.root, "out"), ID);
    broken(sim);
    rungOneRemembered(sim);
    const monthAgo = Date.now() / 1000 - 31 * 86400;
    utimesSync(ladderFile(sim), monthAgo, monthAgo);
    const run = sim.run(fix, ["highrisk"]);
    assert.match(lastRunLog(sim), "was tried 30 or more days ago");
    assertRestartedAtRungOne(sim, run);
  }),
);

scenario("a ladder file that names no method is ignored with a warning: rung 1 again", () =>
  withSim((sim) => {
    const { fix } = compileTo(join(sim.root, "out"), ID);
    broken(sim);
    rungOneRemembered(sim);
    writeFileSync(
      ladderFile(sim),
      '"reset-with-step-4" & echo planted>"%TEMP%\\kbfix-planted"\r\n',
    );
    const run = sim.run(fix, ["highrisk"]);
    assert.match(
      lastRunLog(sim),
      /WARNING: ignoring .*fix\.cmd\.ladder: it does not name a method/,
    );
    assertRestartedAtRungOne(sim, run);
    assert.is(readFileSync(ladderFile(sim), "utf8"), "reset-without-step-4\r\n");
  }),
);

scenario(
  "no forfiles (Windows XP): the memory's age is unknown, the ladder restarts at rung 1",
  () =>
    withSim((sim) => {
      const { fix } = compileTo(join(sim.root, "out"), ID);
      broken(sim);
      rungOneRemembered(sim);
      rmSync(join(sim.system32, "forfiles.exe"));
      const run = sim.run(fix, ["highrisk"]);
      assert.match(lastRunLog(sim), "no forfiles.exe (Windows XP)");
      assertRestartedAtRungOne(sim, run);
    }),
);

scenario("highrisk, but sdshow shows another descriptor: the sdset steps fail, exit 2", () =>
  withSim((sim) => {
    const { fix } = compileTo(join(sim.root, "out"), ID);
    broken(sim);
    scWithSdset(sim, "D:(A;;CCLCSWRPWPDTLOCRRC;;;SY)", "D:(A;;CCLCSWRPWPDTLOCRRC;;;SY)");
    const run = sim.run(fix, ["highrisk", ...RUNG2]);
    const log = sim.logText(ID);
    assertCode(run, 2, log);
    assert.match(recap(run.stdout), "failed: again-sdset-bits");
    assert.match(resultLines(log, "again-sdset-wuauserv")[0]!, "failed");
  }),
);

test.run();
