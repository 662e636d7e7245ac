// The every-kind fixture (test/fixtures/kb100001.yaml) for the batch target under Wine:
// parameters, run arguments, creates/removes guards, string and multi-string registry
// values, a step-level not-applicable step, the unsupported kinds (whose probes leave the evidence
// undecided once the others are gone: exit 4, not the soft restart's 3010).
// Variant: targets [ps1, cmd], no parameter defaults, method ranges opened for NT 10.0.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { join } from "node:path";
import { dump, load } from "js-yaml";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { analyzeBytes } from "../../src/pipeline.js";
import { compilePlan } from "../../src/pipeline.js";
import type { SimulatedWindows } from "../support/simulated-windows-cmd.js";
import { toWinPath, writeFakeTool } from "../support/wine.js";
import { openWindowsRanges } from "./variants.js";
import { assertCode, recap, resultLines, withSim } from "./scenario.js";
import { wineScenarios } from "./wine-gate.js";

const scenario = wineScenarios(import.meta.url);

const ID = "kb100001";
const POLICY = "HKLM\\Software\\Microsoft\\Non-Driver Signing";
const MULTI = "HKLM\\Software\\X";

/** BITS installed with the security descriptor the fixture's command probe (sd) wants: clean. */
function cleanBits(sim: SimulatedWindows): void {
  sim.setService("bits", { start: 2, state: 4 });
  writeFileSync(join(sim.db, "services", "bits.sddl"), "D:(A;;CCLCSWRPWPDTLOCRRC;;;SY)\r\n");
}

function compile(sim: SimulatedWindows): string {
  cleanBits(sim);
  const doc = load(readFileSync("test/fixtures/kb100001.yaml", "utf8")) as Record<string, any>;
  doc.targets = ["ps1", "cmd"];
  for (const p of doc.parameters) delete p.default;
  const plan = analyzeBytes("kb100001.yaml", Buffer.from(dump(doc), "utf8")).plan!;
  openWindowsRanges(plan);
  const file = compilePlan(plan).find((f) => f.path.endsWith(".fix.cmd"))!;
  const path = join(sim.root, "out", "kb100001.fix.cmd");
  mkdirSync(join(sim.root, "out"), { recursive: true });
  writeFileSync(path, file.bytes);
  return path;
}

scenario("every kind for real: guards, parameters, registry types, not-applicable, exit 4", () =>
  withSim((sim) => {
    const fix = compile(sim);
    sim.setService("CryptSvc", { start: 4, state: 1 });
    sim.writeLarge("Windows/System32/catroot2/edb.log", 21 * 1024 * 1024);
    sim.write("Windows/Temp/tmp7.cat", 8);
    sim.setRegistryValue(POLICY, "Policy", "REG_BINARY", "01");
    sim.ownKey(MULTI);
    writeFakeTool(sim.tools, "tool", { exitCode: 0, recordTo: sim.callsLog });
    const args = [
      "highrisk",
      "ToolFolder",
      toWinPath(sim.tools),
      "Label",
      "abc",
      "Mode",
      "fast",
      "Retries",
      "3",
      "Force",
    ];
    const run = sim.run(fix, args);
    const log = sim.logText(ID);
    assertCode(run, 4, log);
    assert.match(recap(run.stdout), "ManualActionNeeded (exit 4)");
    assert.match(recap(run.stdout), "2 evidence probe(s) the batch script cannot check");
    assert.equal(sim.service("CryptSvc"), { start: 2, state: 4 });
    assert.is(sim.readRegistryValue(POLICY, "Policy"), "value");
    assert.is(sim.readRegistryValue(MULTI, "Multi"), "one\\0two");
    assert.equal(readdirSync(join(sim.windir, "SoftwareDistribution")), []);
    assert.ok(existsSync(join(sim.windir, "SoftwareDistribution.kbfix-backup-1", "Download")));
    assert.not.ok(existsSync(join(sim.windir, "Temp", "tmp7.cat")));
    assert.ok(existsSync(join(sim.windir, "System32", "oldcatroot2")));
    assert.ok(
      sim
        .calls()
        .includes(`regsvr32 /s "${toWinPath(join(sim.windir, "System32", "softpub.dll"))}"`),
    );
    assert.ok(sim.calls().includes('tool  "log.txt" "abc"'), sim.calls().join("\n"));
    assert.match(
      resultLines(log, "s-note")[0]!,
      "not-applicable; Windows NT 10.0 is newer than NT ",
    );
    assert.match(
      resultLines(log, "s-cert")[0]!,
      "a certificate step cannot be done by the batch script",
    );
    assert.match(resultLines(log, "s-users")[0]!, "skipped; guard:");
    assert.match(log, "evidence fv: not checked");
    // Only the probes batch cannot check may still be present: the ladder stops and says so.
    assert.match(log, "the evidence is no longer certain after method 2");
  }),
);

scenario("a missing wevtutil (XP, 2003): the event probe is unknown and says why", () =>
  withSim((sim) => {
    const fix = compile(sim);
    sim.setService("CryptSvc", { start: 2, state: 4 });
    for (const f of ["wevtutil.exe", "wevtutil.fake.cmd"]) writeFileSync(join(sim.system32, f), "");
    const run = sim.run(fix, ["ToolFolder", toWinPath(sim.tools), "Label", "abc"]);
    const log = sim.logText(ID);
    assert.match(log, "evidence ev: unknown, counted as absent");
    // Nothing batch can check is present, but the file-version and certificate probes are
    // PowerShell's: not Compliant (0) but ManualActionNeeded (4), saying why.
    assert.match(log, "evidence fv: not checked");
    assert.match(
      log,
      "the evidence is undecided: 2 probe(s) only the PowerShell script checks decide it",
    );
    assertCode(run, 4, log);
  }),
);

test.run();
