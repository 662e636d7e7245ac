// The every-kind fixture (test/fixtures/kb100001.yaml) on a simulated Windows XP: every state
// step, the certificate import, a high-risk method behind -AllowHighRisk with regsvr32 and a
// tool, guards that depend on earlier steps, and a soft restart (3010).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { analyzeBytes } from "../../../src/pipeline.js";
import { compilePlan } from "../../../src/pipeline.js";
import { diffSnapshots, PsMachine } from "../../support/simulated-windows-ps.js";
import { pwshTest as run } from "../pwsh-gate.js";
import { checkedResult, installTools, onMachine, resultOf, stepsWith } from "./scenario.js";
import { tempDir } from "../../support/temp-dir.js";

const ID = "kb100001";
const CERT_FILE = "C:\\Tools\\root.cer";
const PARAMS = { CertFile: CERT_FILE, AllowHighRisk: true };
const EDB = "C:\\Windows\\System32\\catroot2\\edb.log";

const out = tempDir("kbfix-every-kind-");
const plan = analyzeBytes("kb100001.yaml", readFileSync("test/fixtures/kb100001.yaml")).plan!;
for (const file of compilePlan(plan)) {
  mkdirSync(join(out, file.path, ".."), { recursive: true });
  writeFileSync(join(out, file.path), file.bytes);
}
const fix = join(out, ID, `${ID}.ps1`);
const detect = join(out, ID, `${ID}.detect.ps1`);

function broken(): PsMachine {
  const machine = new PsMachine({ version: "5.1.2600", architecture: "X86" });
  machine.service("CryptSvc", { status: "Stopped", start: 4 });
  machine.file(EDB, "");
  truncateSync(machine.hostPath(EDB), 21 * 1024 * 1024);
  machine.attributes("C:\\Windows\\System32\\catroot2", 6);
  machine.file("C:\\Windows\\WindowsUpdate.log", "2026-11-28 Download failed 0x800B0109\r\n");
  machine.file("C:\\Windows\\SoftwareDistribution\\Download\\a.cab", 10);
  machine.file("C:\\Windows\\Temp\\tmp1.cat", 10).file("C:\\Windows\\Temp\\keep.txt", 10);
  installTools(machine, CERT_FILE, "Microsoft Root Authority");
  return machine;
}

const M1 = ["s-attr", "s-cert", "s-clear", "s-delete", "s-multi", "s-reg", "s-service"];
const M2 = ["s-dlls", "s-rename", "s-run"];

run("broken XP machine: both methods run, exit 3010, then nothing left to change", () =>
  onMachine(broken, async (machine) => {
    const [before, first] = await machine.runAll([
      { script: detect },
      { script: fix, params: PARAMS },
    ]);
    assert.is(before!.code, 1, before!.recap);
    const result = checkedResult(machine, first!, ID);
    assert.is(first!.code, 3010, first!.recap);
    assert.equal(stepsWith(result, "changed").sort(), [...M1, ...M2].sort());
    assert.match(
      result.results.find((r) => r.id === "s-users")!.message,
      "guard:",
      "per-user waits for catroot2, renamed just before",
    );
    assert.equal(machine.list("C:\\Windows\\Temp"), ["keep.txt"]);
    assert.equal(
      machine.calls().map((c) => `${c.program} ${c.arguments}`),
      [
        "C:\\Windows\\System32\\regsvr32.exe /s C:\\Windows\\System32\\softpub.dll",
        "C:\\ProgramData\\Tools\\tool.exe log.txt abc",
      ],
    );
    assert.equal(machine.registryValue("Software\\X", "Multi"), {
      kind: "MultiString",
      data: ["one", "two"],
    });

    const snapshot = machine.snapshot();
    const again = await machine.run(fix, PARAMS);
    assert.equal(stepsWith(checkedResult(machine, again, ID), "changed"), []);
    assert.equal(diffSnapshots(snapshot, machine.snapshot()), []);
    assert.is(machine.calls().length, 2, "no tool ran again");
  }),
);

run(
  "-WhatIf: no change; certain changes are method 1's, method 2's are conditional on it",
  async () => {
    const preview = await onMachine(broken, async (machine) => {
      const snapshot = machine.snapshot();
      const whatIf = await machine.run(fix, { ...PARAMS, WhatIf: true });
      checkedResult(machine, whatIf, ID);
      assert.equal(diffSnapshots(snapshot, machine.snapshot()), []);
      assert.equal(machine.calls(), []);
      return resultOf(machine, ID).results.filter((r) => r.status === "changed");
    });
    const certain = preview
      .filter((r) => !(r as { conditionalOn?: string }).conditionalOn)
      .map((r) => r.id)
      .sort();
    const conditional = preview
      .filter((r) => (r as { conditionalOn?: string }).conditionalOn === "m1")
      .map((r) => r.id);
    assert.equal(certain, M1);
    for (const id of M2) assert.ok(conditional.includes(id), `${id} is previewed as conditional`);
  },
);

test.after(() => rmSync(out, { recursive: true, force: true }));
test.run();
