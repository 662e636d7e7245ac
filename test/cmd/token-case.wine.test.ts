// An HRESULT written 0x8007f0da in the playbook and logged by Windows as 0x8007F0DA (lower-case
// prefix, upper-case digits): find.exe matches case-sensitively, so the .fix.cmd must search that
// form too, or it says Compliant where the .ps1 (OrdinalIgnoreCase) finds the evidence. Both
// searches that take the variants from cmd-values.ts: event data and the file-contains probe.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { compileFixture, fixturePlaybook } from "../support/fixture-playbook.js";
import { UPDATE_LOG, UPDATE_PROVIDER } from "../support/event-tokens-playbook.js";
import type { SimulatedWindows } from "../support/simulated-windows-cmd.js";
import { recap, withSim } from "./scenario.js";
import { wineScenarios } from "./wine-gate.js";

const scenario = wineScenarios(import.meta.url);
const compliant = (stdout: string) => /Compliant \(exit 0\)/.test(recap(stdout));
const TOKEN = "0x8007f0da";

const EVENT = {
  id: "wu-event",
  kind: "event",
  log: UPDATE_LOG,
  provider: UPDATE_PROVIDER,
  ids: [20],
  level: "error",
  dataContains: [TOKEN],
};
const FILE = {
  id: "wu-log",
  kind: "file-contains",
  path: "%windir%\\kbfix-case.log",
  tokens: [TOKEN],
};

/** Compiles a playbook with the one probe, runs its .fix.cmd, removes the compiled folder. */
function runFix(sim: SimulatedWindows, id: string, probe: Record<string, unknown>) {
  const playbook = fixturePlaybook({
    id,
    title: "A catalog failure",
    summary: "For tests.",
    applies: null,
    sourceNotes: false,
    evidence: [probe],
    methodTitle: "Look",
    steps: [{ id: "look", kind: "manual", text: "Look at the log." }],
  });
  const out = compileFixture(playbook, true);
  try {
    return sim.run(join(out, id, `${id}.fix.cmd`));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

scenario("event data 0x8007F0DA, token written 0x8007f0da: detected", () =>
  withSim((sim) => {
    sim.addEvent(20, 130, "0x8007F0DA");
    const run = runFix(sim, "kb100031", EVENT);
    assert.not.ok(compliant(run.stdout), run.stdout);
    assert.match(sim.logText("kb100031"), "with 0x8007F0DA");
  }),
);

scenario("a log line with 0x8007F0DA, token written 0x8007f0da: detected", () =>
  withSim((sim) => {
    sim.write("Windows/kbfix-case.log", "2026-01-02 10:00:00 Error 0x8007F0DA\r\n");
    const run = runFix(sim, "kb100032", FILE);
    assert.not.ok(compliant(run.stdout), run.stdout);
    assert.match(sim.logText("kb100032"), "has 0x8007F0DA");
  }),
);

scenario("a log line with 0X8007f0da (upper-case prefix): detected", () =>
  withSim((sim) => {
    sim.write("Windows/kbfix-case.log", "2026-01-02 10:00:00 Error 0X8007f0da\r\n");
    const run = runFix(sim, "kb100033", FILE);
    assert.not.ok(compliant(run.stdout), run.stdout);
    assert.match(sim.logText("kb100033"), "has 0X8007f0da");
  }),
);

test.run();
