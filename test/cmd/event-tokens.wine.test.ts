// The batch event probe with several data tokens (any / all) on the Windows Update client's
// log, whose name holds a / (Microsoft-Windows-WindowsUpdateClient/Operational), under Wine
// with the fake wevtutil: all needs every token in one event's line of XML.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { analyzeBytes, compilePlan } from "../../src/pipeline.js";
import type { SimulatedWindows } from "../support/simulated-windows-cmd.js";
import { recap, withSim } from "./scenario.js";
import { wineScenarios } from "./wine-gate.js";

const scenario = wineScenarios(import.meta.url);

function compile(sim: SimulatedWindows, id: string, match: "any" | "all"): string {
  const yaml = `schemaVersion: 1
id: ${id}
title: Windows Update trust failures
kb: [${id.slice(2)}]
source:
  url: https://support.microsoft.com/kb/${id.slice(2)}
  revision: "1.0"
summary: For tests.
targets: [ps1, cmd]
detection:
  any:
    - id: wu-install-failed
      kind: event
      log: Microsoft-Windows-WindowsUpdateClient/Operational
      provider: Microsoft-Windows-WindowsUpdateClient
      ids: [20]
      level: error
      dataContains: ['0x800B0109', 'KB5034441']
      dataMatch: ${match}
strategy: escalate
methods:
  - id: m1
    kbMethod: 1
    title: Look
    risk: low
    reboot: none
    steps:
      - { id: look, kind: manual, text: Look at the update history. }
`;
  const analysis = analyzeBytes(`${id}.yaml`, Buffer.from(yaml, "utf8"));
  if (!analysis.plan) throw new Error(JSON.stringify(analysis.diagnostics));
  for (const file of compilePlan(analysis.plan)) {
    mkdirSync(join(sim.root, "out", file.path, ".."), { recursive: true });
    writeFileSync(join(sim.root, "out", file.path), file.bytes);
  }
  return join(sim.root, "out", id, `${id}.fix.cmd`);
}

const detected = (stdout: string) => !/Compliant \(exit 0\)/.test(recap(stdout));

scenario("one token in the event: any detects it, all does not", () =>
  withSim((sim) => {
    sim.addEvent(20, 120, "0x800B0109");
    const any = sim.run(compile(sim, "kb100021", "any"));
    const all = sim.run(compile(sim, "kb100022", "all"));
    assert.ok(detected(any.stdout), any.stdout);
    assert.not.ok(detected(all.stdout), all.stdout);
  }),
);

scenario("both tokens in the event, in another case: all detects it", () =>
  withSim((sim) => {
    sim.addEvent(20, 121, "0x800b0109 in kb5034441");
    const all = sim.run(compile(sim, "kb100022", "all"));
    assert.ok(detected(all.stdout), all.stdout);
  }),
);

scenario("neither token: neither detects", () =>
  withSim((sim) => {
    sim.addEvent(20, 122, "0x80070005");
    const any = sim.run(compile(sim, "kb100021", "any"));
    assert.not.ok(detected(any.stdout), any.stdout);
  }),
);
test.run();
