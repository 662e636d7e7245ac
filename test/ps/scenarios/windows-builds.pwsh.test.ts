// Windows builds in applicability, and probes with their own applies, in the .ps1: Windows 10
// 22H2 and Windows 11 are both NT 10.0 and told apart by build; the probe of the other Windows
// is not applicable, so it neither finds the problem nor hides it.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { PsMachine } from "../../support/simulated-windows-ps.js";
import { BUILDS_ID, compileBuildsPlaybook } from "../../support/builds-playbook.js";
import { pwshTest as run } from "../pwsh-gate.js";
import { checkedResult, logOf, onMachine, type StepResult } from "./scenario.js";

const anyOut = compileBuildsPlaybook("any");
const allOut = compileBuildsPlaybook("all");
const script = (out: string, suffix = "") => join(out, BUILDS_ID, `${BUILDS_ID}${suffix}.ps1`);
const KEY = "Software\\X";
const record = (results: StepResult[], id: string) => results.find((r) => r.id === id);

run(
  "Windows 10 22H2 (10.0.19045): the Windows 10 step runs, the Windows 11 one does not apply",
  () =>
    onMachine(
      () => new PsMachine({ version: "10.0.19045" }),
      async (m) => {
        const result = checkedResult(m, await m.run(script(anyOut)), BUILDS_ID);
        assert.is(record(result.results, "s-win10")?.status, "changed");
        const win11 = record(result.results, "s-win11")!;
        assert.equal(
          [win11.status, win11.message],
          ["not-applicable", "Windows NT 10.0.19045 is older than NT 10.0.22000"],
        );
        assert.equal(m.registryValue(KEY, "Win10"), { kind: "DWord", data: 1 });
        assert.is(m.registryValue(KEY, "Win11"), undefined);
        // Clean afterwards although Win11 is still missing: its probe does not apply here.
        assert.is(result.evidenceAfter.present, false);
        assert.match(
          logOf(m, BUILDS_ID),
          "[win11-flag] not applicable: not applicable: Windows NT",
        );
      },
    ),
);

run(
  "Windows 11 23H2 (10.0.22631): the Windows 11 step runs, the Windows 10 one does not apply",
  () =>
    onMachine(
      () => new PsMachine({ version: "10.0.22631" }),
      async (m) => {
        const result = checkedResult(m, await m.run(script(anyOut)), BUILDS_ID);
        assert.is(record(result.results, "s-win11")?.status, "changed");
        assert.match(
          record(result.results, "s-win10")!.message,
          "Windows NT 10.0.22631 is newer than NT 10.0.19045",
        );
        assert.equal(m.registryValue(KEY, "Win11"), { kind: "DWord", data: 1 });
        assert.is(m.registryValue(KEY, "Win10"), undefined);
      },
    ),
);

run("Windows 10 1803 (10.0.17134) is below the playbook's 10.0.17763: not applicable", () =>
  onMachine(
    () => new PsMachine({ version: "10.0.17134" }),
    async (m) => {
      const result = checkedResult(m, await m.run(script(anyOut)), BUILDS_ID);
      assert.is(result.outcome, "NotApplicable");
      assert.match(result.message, "Windows NT 10.0.17134 is older than NT 10.0.17763");
      assert.equal(m.calls(), []);
    },
  ),
);

run("detection: a probe that does not apply is neither evidence nor a check", () =>
  onMachine(
    () =>
      new PsMachine({ version: "10.0.22631" }).registry(KEY, "Win11", { kind: "DWord", data: 1 }),
    async (m) => {
      const [anyRun, allRun] = await m.runAll([
        { script: script(anyOut, ".detect") },
        { script: script(allOut, ".detect") },
      ]);
      // Win10 is missing, but this is Windows 11: no evidence, one check counted.
      assert.equal(
        [anyRun!.code, anyRun!.recap],
        [0, `kbfix ${BUILDS_ID}: no current evidence (1 checks)`],
      );
      assert.equal(
        [allRun!.code, allRun!.recap],
        [0, `kbfix ${BUILDS_ID}: no current evidence (1 checks)`],
      );
    },
  ),
);

run("detection, all: the applicable probe alone decides (Windows 11 flag missing)", () =>
  onMachine(
    () => new PsMachine({ version: "10.0.22000" }),
    async (m) => {
      const detect = await m.run(script(allOut, ".detect"));
      assert.is(detect.code, 1);
      assert.match(detect.recap, "evidence present: win11-flag: ");
    },
  ),
);

test.after(() => {
  rmSync(anyOut, { recursive: true, force: true });
  rmSync(allOut, { recursive: true, force: true });
});
test.run();
