// Command probes and verify: on a simulated Windows, detection runs the read-only tools and
// decides by exit code and output tokens; a one-shot step whose verify probe still finds the
// problem fails ("did not stick"); -WhatIf names the verify probe and runs nothing.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { PsMachine, type ProgramHandler } from "../../support/simulated-windows-ps.js";
import { pwshTest as run } from "../pwsh-gate.js";
import { BITS_SDDL, COMMAND_ID, compileCommandPlaybook, SC, WINMGMT } from "./command-playbook.js";
import { checkedResult, onMachine } from "./scenario.js";

const out = compileCommandPlaybook(["ps1"]);
const fix = join(out, COMMAND_ID, `${COMMAND_ID}.ps1`);
const detect = join(out, COMMAND_ID, `${COMMAND_ID}.detect.ps1`);

function machine(winmgmt: ProgramHandler, sc: ProgramHandler): PsMachine {
  const m = new PsMachine();
  m.file(WINMGMT, "MZ").file(SC, "MZ");
  m.program(WINMGMT, winmgmt).program(SC, sc);
  return m;
}

const SDDL_OUT = `\r\n${BITS_SDDL}(A;;CCLCSWLOCRRC;;;AU)\r\n`;

run("detection: winmgmt /verifyrepository's exit code decides, with the exact command line", () =>
  onMachine(
    () => machine({ exitCodes: [-2147217406] }, { exitCodes: [0], stdout: SDDL_OUT }),
    async (m) => {
      const found = await m.run(detect);
      assert.is(found.code, 1, found.recap);
      assert.match(
        found.recap,
        "wmi-repo: C:\\Windows\\System32\\wbem\\winmgmt.exe /verifyrepository: exit code -2147217406",
      );
      assert.equal(
        m.calls().map((c) => `${c.program} ${c.arguments}`),
        [`${WINMGMT} /verifyrepository`],
      );
    },
  ),
);

run("detection: a clean exit code is no evidence", () =>
  onMachine(
    () => machine({ exitCodes: [0] }, { exitCodes: [0], stdout: SDDL_OUT }),
    async (m) => {
      const clean = await m.run(detect);
      assert.is(clean.code, 0, clean.recap);
    },
  ),
);

run("verify: a step that changed something but whose probe still finds the problem failed", () =>
  onMachine(
    // verifyrepository: inconsistent, salvage exits 0, verify still inconsistent.
    () => machine({ exitCodes: [1, 0, 1] }, { exitCodes: [0], stdout: "D:(A;;CC;;;WD)\r\n" }),
    async (m) => {
      const result = checkedResult(m, await m.run(fix), COMMAND_ID);
      const salvage = result.results.find((r) => r.id === "salvage")!;
      assert.is(salvage.status, "failed", JSON.stringify(salvage));
      assert.match(salvage.message, "did not stick: wmi-repo still finds the problem");
      const after = (salvage as unknown as { afterValue: Record<string, any> }).afterValue;
      assert.equal([after.exitCode, after.verify.id, after.verify.present], [0, "wmi-repo", true]);
      const sd = result.results.find((r) => r.id === "bits-sd")!;
      assert.is(sd.status, "failed", JSON.stringify(sd));
      assert.match(sd.message, `did not stick: bits-sd-check still finds the problem`);
      assert.match(sd.message, `output lacks ${BITS_SDDL}`);
    },
  ),
);

run("verify: a probe that finds no problem confirms the step", () =>
  onMachine(
    () => machine({ exitCodes: [1, 0, 0] }, { exitCodes: [0], stdout: SDDL_OUT }),
    async (m) => {
      const result = checkedResult(m, await m.run(fix), COMMAND_ID);
      for (const id of ["salvage", "bits-sd"]) {
        const record = result.results.find((r) => r.id === id)!;
        assert.is(record.status, "changed", JSON.stringify(record));
        assert.match(record.message, "verified:");
      }
      assert.equal(
        m.calls().map((c) => c.arguments),
        [
          "/verifyrepository",
          "/salvagerepository",
          "/verifyrepository",
          "config bits start= delayed-auto",
          "sdshow bits",
          "/verifyrepository",
        ],
      );
    },
  ),
);

run("verify under -WhatIf: named in the message, not run", () =>
  onMachine(
    () => machine({ exitCodes: [1] }, { exitCodes: [0], stdout: SDDL_OUT }),
    async (m) => {
      const result = checkedResult(m, await m.run(fix, { WhatIf: true }), COMMAND_ID);
      const salvage = result.results.find((r) => r.id === "salvage")!;
      assert.is(salvage.whatIf, true);
      assert.match(salvage.message, "then verify that the probe finds no problem");
      assert.ok(
        m.calls().every((c) => c.arguments === "/verifyrepository"),
        JSON.stringify(m.calls()),
      );
    },
  ),
);

run("a hung tool is ended: the probe could not look, which is no evidence", () =>
  onMachine(
    () => machine({ exitCodes: [0], hang: true }, { exitCodes: [0], stdout: SDDL_OUT }),
    async (m) => {
      const hung = await m.run(detect);
      assert.is(hung.code, 0, hung.recap);
      assert.match(hung.recap, "could not check: wmi-repo: error:");
      assert.match(hung.recap, "still ran after 60 s and was ended");
    },
  ),
);

test.after(() => rmSync(out, { recursive: true, force: true }));
test.run();
