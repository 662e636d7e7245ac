// Evidence batch cannot decide: an `all` group whose log line batch finds but whose file-version
// probe only the PowerShell script checks. Each run ends ManualActionNeeded (4) and changes
// nothing, and the log line stays evidence: no run takes it for history and then says Compliant.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { compileFixture, fixturePlaybook } from "../support/fixture-playbook.js";
import { mutatingCalls, recap, withSim } from "./scenario.js";
import { wineScenarios } from "./wine-gate.js";

const scenario = wineScenarios(import.meta.url);
const ID = "kb100041";

const DETECTION = {
  all: [
    {
      id: "wu-log",
      kind: "file-contains",
      path: "%windir%\\kbfix-undecided.log",
      tokens: ["0x800B0109"],
    },
    {
      id: "crypt32-old",
      kind: "file-version",
      path: "%windir%\\System32\\crypt32.dll",
      below: "5.131.2600.5512",
    },
  ],
};

scenario(
  "undecided evidence: exit 4 on every run, nothing changed, the log line still counts",
  () =>
    withSim((sim) => {
      const out = compileFixture(
        fixturePlaybook({
          id: ID,
          title: "Undecided evidence",
          summary: "For tests.",
          detection: DETECTION,
          steps: [{ id: "look", kind: "manual", text: "Look at the log." }],
        }),
        true,
      );
      try {
        sim.write("Windows/kbfix-undecided.log", "2026-01-02 10:00:00 Error 0x800B0109\r\n");
        const fix = join(out, ID, `${ID}.fix.cmd`);
        for (const run of [sim.run(fix), sim.run(fix)]) {
          assert.match(recap(run.stdout), "ManualActionNeeded (exit 4)");
          assert.equal(mutatingCalls(sim.calls()), []);
        }
        const log = sim.logText(ID);
        assert.match(log, "evidence wu-log: PRESENT");
        assert.match(log, "evidence crypt32-old: not checked");
        assert.match(
          log,
          "evidence: undecided; a probe only the PowerShell script checks decides it",
        );
        assert.not.match(log, "no new text since the last fix");
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    }),
);

test.run();
