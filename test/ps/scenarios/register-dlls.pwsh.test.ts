// register-dlls on the simulated Windows: each DLL goes to the regsvr32 of its own bitness
// (read from its PE header), a DLL the OS cannot load is refused without starting regsvr32,
// success codes come from the playbook, and exit code 4 (not self-registering) is reported
// instead of failing only when the step allows it. KB822798's method 3, compiled as committed
// and as a variant that allows DLLs that are not self-registering.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { join } from "node:path";
import { compileTo } from "../../cmd/compile-fixture.js";
import type { MachineOptions, PsMachine } from "../../support/simulated-windows-ps.js";
import { pwshTest as run } from "../pwsh-gate.js";
import { appendTrustError, healthy, ID, nextSecond } from "./kb822798-machine.js";
import { checkedResult, onMachine, type StepResult } from "./scenario.js";
import { tempDir } from "../../support/temp-dir.js";

const STEP = "regsvr32-crypto-dlls";
const METHOD = { Method: "register-crypto-dlls" };
const SYS32 = "C:\\Windows\\System32";

const committed = join(tempDir("kbfix-dlls-"), "out");
const allowing = join(tempDir("kbfix-dlls-allow-"), "out");
compileTo(committed, ID);
compileTo(allowing, ID, (plan) => {
  for (const step of plan.methods.flatMap((m) => m.steps))
    if (step.kind === "register-dlls") {
      step.allowNotSelfRegistering = true;
      step.successCodes = [0, 7];
    }
});
const script = (dir: string) => join(dir, ID, `${ID}.ps1`);

function withTrustError(options: MachineOptions = {}): () => PsMachine {
  return () => {
    const machine = healthy(options);
    appendTrustError(machine);
    machine.file("C:\\Windows\\SysWOW64\\regsvr32.exe", "MZ");
    return machine;
  };
}

async function registerStep(machine: PsMachine, dir: string): Promise<StepResult> {
  const fix = await machine.run(script(dir), METHOD);
  const result = checkedResult(machine, fix, ID);
  return result.results.find((r) => r.id === STEP)!;
}

const calls = (machine: PsMachine) => machine.calls().map((c) => `${c.program} ${c.arguments}`);

run(
  "64-bit Windows: an x86 DLL goes to SysWOW64's regsvr32 (through Sysnative), x64 to System32's",
  () =>
    onMachine(withTrustError(), async (machine) => {
      machine.dll(`${SYS32}\\softpub.dll`, "x86").dll(`${SYS32}\\wintrust.dll`, "x64");
      const step = await registerStep(machine, committed);
      assert.is(step.status, "changed", step.message);
      const made = calls(machine);
      assert.equal(made.slice(0, 2), [
        "C:\\Windows\\SysWOW64\\regsvr32.exe /s C:\\Windows\\Sysnative\\softpub.dll",
        "C:\\Windows\\System32\\regsvr32.exe /s C:\\Windows\\System32\\wintrust.dll",
      ]);
      assert.is(
        made[2],
        "C:\\Windows\\System32\\regsvr32.exe /s C:\\Windows\\System32\\initpki.dll",
      );
    }),
);

run(
  "32-bit Windows: an x64 DLL is refused without starting regsvr32; the step fails naming it",
  () =>
    onMachine(withTrustError({ architecture: "X86" }), async (machine) => {
      machine.dll(`${SYS32}\\softpub.dll`, "x64").dll(`${SYS32}\\wintrust.dll`, "x86");
      const step = await registerStep(machine, committed);
      assert.is(step.status, "failed");
      assert.match(step.message, "softpub.dll (x64): a x64 DLL cannot be loaded on 32-bit Windows");
      assert.not.ok(calls(machine).some((c) => c.includes("softpub.dll")));
      assert.ok(calls(machine).includes(`${SYS32}\\regsvr32.exe /s ${SYS32}\\wintrust.dll`));
    }),
);

run("x64 Windows: an arm64 DLL is refused", () =>
  onMachine(withTrustError(), async (machine) => {
    machine.dll(`${SYS32}\\softpub.dll`, "arm64");
    const step = await registerStep(machine, committed);
    assert.is(step.status, "failed");
    assert.match(step.message, "an arm64 DLL cannot be loaded on x64 Windows");
  }),
);

run("exit code 4 fails the committed step and names what it means", () =>
  onMachine(withTrustError(), async (machine) => {
    machine.program("regsvr32.exe", { exitCodes: [0, 4, 0] });
    const step = await registerStep(machine, committed);
    assert.is(step.status, "failed");
    assert.match(
      step.message,
      "wintrust.dll (bitness unknown): exit code 4 (no DllRegisterServer: not self-registering)",
    );
  }),
);

run(
  "allowNotSelfRegistering: exit code 4 is reported, not failed; a load failure (3) still fails",
  () =>
    onMachine(withTrustError(), async (machine) => {
      machine.program("regsvr32.exe", { exitCodes: [0, 4, 0] });
      const allowed = await registerStep(machine, allowing);
      assert.is(allowed.status, "changed", allowed.message);
      assert.match(allowed.message, "not self-registering (allowed): wintrust.dll");
      machine.program("regsvr32.exe", { exitCodes: [3] });
      await nextSecond(); // event times have whole seconds: newer than the run that just succeeded
      appendTrustError(machine, 0);
      const loadFailure = await registerStep(machine, allowing);
      assert.is(loadFailure.status, "failed");
      assert.match(loadFailure.message, "exit code 3 (the DLL failed to load)");
    }),
);

run("successCodes from the playbook: 7 counts as registered", () =>
  onMachine(withTrustError(), async (machine) => {
    machine.program("regsvr32.exe", { exitCodes: [7] });
    const step = await registerStep(machine, allowing);
    assert.is(step.status, "changed", step.message);
    await nextSecond(); // event times have whole seconds: newer than the run that just succeeded
    appendTrustError(machine, 0);
    const committedStep = await registerStep(machine, committed);
    assert.is(committedStep.status, "failed", "the committed playbook accepts 0 only");
  }),
);

test.run();
