// Command probes and verify in the .fix.cmd (the .ps1 half is test/ps/scenarios/command): the
// detection runs winmgmt /verifyrepository and decides by its exit code; a one-shot step whose
// verify probe still finds the problem fails ("did not stick"); sc sdshow's output is compared
// with an SDDL string (parentheses and semicolons carried into the batch script).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { BITS_SDDL, COMMAND_ID, compileCommandPlaybook } from "../ps/scenarios/command-playbook.js";
import type { SimulatedWindows } from "../support/simulated-windows-cmd.js";
import { resultLines, withSim } from "./scenario.js";
import { wineTest } from "./wine-gate.js";

const out = compileCommandPlaybook(["ps1", "cmd"]);
const fix = join(out, COMMAND_ID, `${COMMAND_ID}.fix.cmd`);

/** winmgmt's exit codes in turn (the last repeats) and the SDDL sc sdshow prints for BITS. */
function prepare(sim: SimulatedWindows, codes: number[], sddl: string): void {
  codes.forEach((code, i) => writeFileSync(join(sim.db, `winmgmt.rc${i + 1}`), `${code}\r\n`));
  sim.setService("bits", { start: 3, state: 1 });
  writeFileSync(join(sim.db, "services", "bits.sddl"), `${sddl}\r\n`);
}

/** The tools' calls, without the script's own (net session, icacls) and the argument padding. */
const toolCalls = (sim: SimulatedWindows) =>
  sim
    .calls()
    .filter((c) => /^(winmgmt|sc) /.test(c))
    .map((c) => c.replace(/ +/g, " "));

const line = (log: string, id: string) =>
  resultLines(log, id)[0] ?? `(no result for ${id})\n${log}`;

wineTest("a clean exit code is no evidence: nothing runs but the probe", () =>
  withSim((sim) => {
    prepare(sim, [0], BITS_SDDL);
    const run = sim.run(fix);
    assert.is(run.code, 0, run.stdout);
    assert.equal(toolCalls(sim), ['winmgmt "/verifyrepository"']);
  }),
);

wineTest("verify: the step changed something but the probe still finds the problem: failed", () =>
  withSim((sim) => {
    prepare(sim, [1, 0, 1], "D:(A;;CC;;;WD)");
    sim.run(fix);
    const log = sim.logText(COMMAND_ID);
    assert.match(line(log, "salvage"), "[salvage] failed");
    assert.match(line(log, "salvage"), "did not stick: wmi-repo still finds the problem");
    assert.match(line(log, "bits-sd"), "[bits-sd] failed");
    assert.match(line(log, "bits-sd"), `output lacks ${BITS_SDDL}`);
  }),
);

wineTest("verify: a probe that finds no problem confirms the step", () =>
  withSim((sim) => {
    prepare(sim, [1, 0, 0], `${BITS_SDDL}(A;;CCLCSWLOCRRC;;;AU)`);
    sim.run(fix);
    const log = sim.logText(COMMAND_ID);
    for (const id of ["salvage", "bits-sd"]) {
      assert.match(line(log, id), `[${id}] changed`);
      assert.match(line(log, id), "verified:");
    }
    assert.equal(toolCalls(sim).slice(0, 5), [
      'winmgmt "/verifyrepository"',
      'winmgmt "/salvagerepository"',
      'winmgmt "/verifyrepository"',
      'sc "config" "bits" "start=" "delayed-auto"',
      'sc "sdshow" "bits"',
    ]);
  }),
);

test.after(() => rmSync(out, { recursive: true, force: true }));
test.run();
