// Batch degrades per step, never per playbook: a registry value batch cannot carry
// ('100%') makes its step manual and its probe not checked in the .fix.cmd, while the
// other steps run. The script says what to do by hand and, with the evidence still
// there, ends with ManualActionNeeded (4); check mode ends StillPresent (1).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { analyzeBytes } from "../../src/pipeline.js";
import { emitCmd } from "../../src/emit/cmd/emit-cmd.js";
import type { SimulatedWindows } from "../support/simulated-windows-cmd.js";
import { assertCode, recap, resultLines, withSim } from "./scenario.js";
import { wineTest } from "./wine-gate.js";

const ID = "kb100002";
const KEY = "HKLM\\Software\\X";
const PLAYBOOK = `schemaVersion: 1
id: ${ID}
title: A value batch cannot carry
kb: [100002]
source: { url: https://support.microsoft.com/kb/100002, revision: "1.0", language: en-US, notes: [A note.] }
summary: One step and one probe hold a value the batch script cannot carry.
targets: [ps1, cmd]
applies: { windows: { min: "5.1" }, context: system }
detection:
  any:
    - { id: level, kind: registry-value, key: '${KEY}', name: Level, type: string, expected: "100%" }
    - { id: mode, kind: registry-value, key: '${KEY}', name: Mode, type: string, expected: safe }
strategy: all
methods:
  - id: m1
    kbMethod: 1
    title: Set the values
    risk: low
    reboot: none
    steps:
      - { id: s-level, kind: registry-value, key: '${KEY}', name: Level, type: string, data: "100%" }
      - { id: s-other, kind: registry-value, key: '${KEY}', name: Other, type: string, data: done }
`;

function compile(sim: SimulatedWindows): string {
  const analysis = analyzeBytes(`${ID}.yaml`, Buffer.from(PLAYBOOK, "utf8"));
  assert.ok(analysis.plan, JSON.stringify(analysis.diagnostics));
  const warnings = analysis.diagnostics.filter((d) => d.code === "cmd-unsafe-value");
  assert.equal(
    warnings.map((d) => d.line),
    [11, 21],
    "a warning at the probe's and the step's value",
  );
  const path = join(sim.root, "out", `${ID}.fix.cmd`);
  mkdirSync(join(sim.root, "out"), { recursive: true });
  writeFileSync(path, emitCmd(analysis.plan!)[0]!.bytes);
  return path;
}

function prepare(sim: SimulatedWindows): void {
  sim.ownKey(KEY);
  sim.setRegistryValue(KEY, "Mode", "REG_SZ", "fast");
  for (const name of ["Level", "Other"]) sim.ownValue(KEY, name);
}

wineTest("the step batch cannot carry is manual, says what to do by hand, and the run ends 4", () =>
  withSim((sim) => {
    const fix = compile(sim);
    prepare(sim);
    const run = sim.run(fix);
    const log = sim.logText(ID);
    assertCode(run, 4, log);
    assert.match(recap(run.stdout), "ManualActionNeeded (exit 4)");
    assert.match(recap(run.stdout), "manual 1");
    const manual = resultLines(log, "s-level")[0] ?? "(no result for s-level)";
    assert.match(manual, "[s-level] manual; step s-level, registry-value:");
    assert.match(manual, "Do it by hand as README.md describes step s-level");
    assert.match(resultLines(log, "s-other")[0] ?? "", "[s-other] changed");
    assert.is(sim.readRegistryValue(KEY, "Other"), "done");
    assert.is(sim.readRegistryValue(KEY, "Level"), undefined);
    assert.match(log, "evidence level: not checked; a value the batch script");
  }),
);

wineTest("check mode: the manual step is reported, nothing changes, the run ends 1", () =>
  withSim((sim) => {
    const fix = compile(sim);
    prepare(sim);
    const run = sim.run(fix, ["check"]);
    const log = sim.logText(ID);
    assertCode(run, 1, log);
    assert.match(resultLines(log, "s-level")[0] ?? "", "[s-level] manual;");
    assert.is(sim.readRegistryValue(KEY, "Other"), undefined);
  }),
);

test.run();
