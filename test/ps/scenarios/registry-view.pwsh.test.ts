// A registry value in a named view on the simulated Windows: on 64-bit Windows view 32 writes
// WOW6432Node (what a 32-bit program reads) and never the 64-bit key; a second run and -WhatIf
// change nothing; the probe reads the view it names. On 32-bit Windows view 32 is the one
// view there is, and view 64 fails its step without writing anywhere.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { PsMachine, type RegistryValue } from "../../support/simulated-windows-ps.js";
import { pwshTest as run } from "../pwsh-gate.js";
import {
  compileViewPlaybook,
  SET_32,
  SET_64,
  VIEW_ID,
  VIEW_KEY,
  VIEW_KEY_32,
} from "./registry-view-playbook.js";
import { checkedResult, logOf, onMachine, type RunResult } from "./scenario.js";

const dword = (data: number): RegistryValue => ({ kind: "DWord", data });
/** Both views broken: 0 in the 32-bit one, 7 in the 64-bit one. */
const machine = (architecture: "AMD64" | "X86" = "AMD64") => {
  const m = new PsMachine({ architecture }).registry(VIEW_KEY, "Mode", dword(7));
  return architecture === "AMD64" ? m.registry(VIEW_KEY_32, "Mode", dword(0)) : m;
};

const out32 = compileViewPlaybook();
const out64 = compileViewPlaybook(["ps1"], [SET_32, SET_64]);
const script = join(out32, VIEW_ID, `${VIEW_ID}.ps1`);
const script64 = join(out64, VIEW_ID, `${VIEW_ID}.ps1`);
const record = (result: RunResult, id: string) => {
  const found = result.results.find((r) => r.id === id);
  assert.ok(found, `no record ${id} in ${result.results.map((r) => r.id).join(", ")}`);
  return found!;
};

run("view 32 on 64-bit Windows writes WOW6432Node and leaves the 64-bit key alone", () =>
  onMachine(machine, async (m) => {
    const result = checkedResult(m, await m.run(script), VIEW_ID);
    assert.is(result.evidenceBefore.present, true);
    assert.is(record(result, "set-32").status, "changed");
    assert.equal(m.registryValue(VIEW_KEY_32, "Mode"), dword(1));
    assert.equal(m.registryValue(VIEW_KEY, "Mode"), dword(7));
    assert.is(result.evidenceAfter.present, false);
    assert.match(logOf(m, VIEW_ID), `HKLM\\${VIEW_KEY}\\Mode (32-bit view)`);
  }),
);

run("a second run changes nothing", () =>
  onMachine(machine, async (m) => {
    await m.run(script);
    const before = m.snapshot();
    const result = checkedResult(m, await m.run(script), VIEW_ID);
    assert.is(result.evidenceBefore.present, false);
    assert.equal(m.snapshot(), before);
  }),
);

run("-WhatIf predicts the change in the 32-bit view and changes nothing", () =>
  onMachine(machine, async (m) => {
    const before = m.snapshot();
    const result = checkedResult(m, await m.run(script, { WhatIf: true }), VIEW_ID);
    const step = record(result, "set-32");
    assert.is(step.status, "changed");
    assert.is(step.whatIf, true);
    assert.match(step.message, `HKLM\\${VIEW_KEY}\\Mode (32-bit view): would set to DWord 1`);
    assert.equal(m.snapshot(), before);
  }),
);

run("the probe reads the 32-bit view: healthy there, it finds nothing to fix", () =>
  onMachine(
    () => machine().registry(VIEW_KEY_32, "Mode", dword(1)),
    async (m) => {
      const before = m.snapshot();
      const result = checkedResult(m, await m.run(script), VIEW_ID);
      assert.is(result.evidenceBefore.present, false);
      assert.equal(m.snapshot(), before);
    },
  ),
);

run("on 32-bit Windows view 32 is the native key, and view 64 fails without writing", () =>
  onMachine(
    () => machine("X86"),
    async (m) => {
      const result = checkedResult(m, await m.run(script64), VIEW_ID);
      assert.is(record(result, "set-32").status, "changed");
      assert.equal(m.registryValue(VIEW_KEY, "Mode"), dword(1));
      assert.is(m.registryValue(VIEW_KEY_32, "Mode"), undefined);
      const step = record(result, "set-64");
      assert.is(step.status, "failed");
      assert.match(step.message, "this Windows is 32-bit: it has no 64-bit registry view");
      assert.is(result.outcome, "StepFailed");
    },
  ),
);

test.after(() => {
  rmSync(out32, { recursive: true, force: true });
  rmSync(out64, { recursive: true, force: true });
});
test.run();
