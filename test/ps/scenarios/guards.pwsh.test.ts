// Guards for every step kind in the .ps1: a guard that is false skips the step (and says
// which guard), a guard that is true lets it run.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { PsMachine } from "../../support/simulated-windows-ps.js";
import { pwshTest as run } from "../pwsh-gate.js";
import {
  compileGuardPlaybook,
  flagFile,
  GUARD_ID,
  GUARDED_STEPS,
  missingKinds,
} from "./guard-playbook.js";
import { checkedResult, installTools, onMachine } from "./scenario.js";

const CERT_FILE = "C:\\Tools\\root.cer";

function machine(flags: boolean): PsMachine {
  const machine = new PsMachine();
  machine.file("C:\\Windows\\marker.bin", 100);
  machine.service("CryptSvc", { status: "Stopped", start: 4 });
  machine.file("C:\\Windows\\System32\\catroot2\\edb.log", 10);
  machine.file("C:\\Windows\\SoftwareDistribution\\Download\\a.cab", 10);
  machine.file("C:\\Windows\\Temp\\tmp1.cat", 10);
  machine.folder("C:\\Windows\\inf").attributes("C:\\Windows\\inf", 2);
  installTools(machine, CERT_FILE, "Test Root");
  machine.user("alice", 1001);
  machine.file("C:\\Users\\alice\\AppData\\LocalLow\\Microsoft\\CryptnetUrlCache\\Content\\x", 10);
  if (flags) for (const step of GUARDED_STEPS) machine.file(flagFile(step.kind), "");
  return machine;
}

const out = compileGuardPlaybook();
const script = join(out, GUARD_ID, `${GUARD_ID}.ps1`);
const statusOf = (results: { id: string; status: string; message: string }[], id: string) =>
  results.find((r) => r.id === id) ?? results.find((r) => r.id.startsWith(`${id}@`));

run("the guard playbook has a step of every kind", () => {
  assert.equal(missingKinds(), []);
});

run("every kind: a true guard lets the step run", () =>
  onMachine(
    () => machine(false),
    async (m) => {
      const result = checkedResult(m, await m.run(script, { CertFile: CERT_FILE }), GUARD_ID);
      for (const step of GUARDED_STEPS) {
        // A per-user step reports a summary; its inner step is what changes.
        const id = step.kind === "per-user" ? "g-per-user-cache" : (step.id as string);
        const record = statusOf(result.results, id);
        const expected = step.kind === "manual" ? "manual" : "changed";
        assert.is(record?.status, expected, `${step.id}: ${JSON.stringify(record)}`);
      }
    },
  ),
);

run("every kind: a false guard skips the step and names the guard", () =>
  onMachine(
    () => machine(true),
    async (m) => {
      const before = m.snapshot();
      const result = checkedResult(m, await m.run(script, { CertFile: CERT_FILE }), GUARD_ID);
      for (const step of GUARDED_STEPS) {
        const record = statusOf(result.results, step.id as string);
        assert.is(record?.status, "skipped", `${step.id}: ${JSON.stringify(record)}`);
        assert.match(record!.message, `guard: ${flagFile(step.kind)} already exists`);
      }
      assert.equal(m.calls(), []);
      assert.equal(m.snapshot(), before);
    },
  ),
);

test.after(() => rmSync(out, { recursive: true, force: true }));
test.run();
