// KB2328240 on the simulated Windows: CAPI2 events 4107/11 for authrootstl.cab, fixed by
// emptying every CryptnetUrlCache (each user profile, the service profiles, and the 32-bit
// system profile on 64-bit Windows).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { diffSnapshots } from "../../support/simulated-windows-ps.js";
import { AUTHROOT, broken, CACHE, cacheEntries, ID, PROFILES } from "./kb2328240-machine.js";
import { nextSecond } from "./kb822798-machine.js";
import { pwshTest } from "../pwsh-gate.js";
import {
  checkedResult,
  detectFixDetect,
  detection,
  onMachine,
  remediation,
  stepsWith,
} from "./scenario.js";

const run = pwshTest;

run(
  "broken machine: detected, fixed in every profile, then clean; a second run changes nothing",
  () =>
    onMachine(broken, async (machine) => {
      const [before, fix, after] = await detectFixDetect(machine, ID);
      assert.is(before!.code, 1, before!.recap);
      assert.is(fix!.code, 0, fix!.recap);
      const result = checkedResult(machine, fix!, ID);
      assert.is(result.outcome, "Fixed");
      assert.equal(cacheEntries(machine), []);
      for (const profile of PROFILES)
        assert.ok(machine.exists(`${profile}\\${CACHE}\\Content`), `${profile} keeps its folder`);
      assert.is(after!.code, 0, after!.recap);

      const snapshot = machine.snapshot();
      const again = await machine.run(remediation(ID));
      assert.is(again.code, 0, again.recap);
      assert.equal(diffSnapshots(snapshot, machine.snapshot()), []);
      assert.equal(stepsWith(checkedResult(machine, again, ID), "changed"), []);
    }),
);

run(
  "escalate with one method: when new events follow the run that tried it, the run says no method is left, changes nothing, exit 1",
  () =>
    onMachine(broken, async (machine) => {
      const first = await machine.run(remediation(ID));
      assert.is(first.code, 0, first.recap);

      await nextSecond();
      machine.event({
        log: "Application",
        provider: "Microsoft-Windows-CAPI2",
        id: 4107,
        level: 2,
        time: new Date().toISOString(),
        data: [AUTHROOT, "0x800b0101"],
      });
      const snapshot = machine.snapshot();
      const again = await machine.run(remediation(ID));
      assert.is(again.code, 1, again.recap);
      const result = checkedResult(machine, again, ID);
      const skip = result.results.find((r) => r.id === "clear-cryptnet-url-cache")!;
      assert.is(skip.status, "skipped");
      assert.match(
        skip.message,
        "the article's last; the evidence came back and no method is left",
      );
      assert.equal(stepsWith(result, "changed"), []);
      assert.equal(
        diffSnapshots(snapshot, machine.snapshot()).filter((d) => !d.includes("ProgramData")),
        [],
      );
    }),
);

run("-WhatIf changes nothing and previews exactly what the real run changes", async () => {
  const preview = await onMachine(broken, async (machine) => {
    const snapshot = machine.snapshot();
    const whatIf = await machine.run(remediation(ID), { WhatIf: true });
    assert.equal(diffSnapshots(snapshot, machine.snapshot()), []);
    assert.is(machine.exists("C:\\ProgramData\\kbfix"), false, "no state written under -WhatIf");
    const result = checkedResult(machine, whatIf, ID);
    assert.ok(result.whatIf);
    return stepsWith(result, "changed").sort();
  });
  const real = await onMachine(broken, async (machine) =>
    stepsWith(checkedResult(machine, await machine.run(remediation(ID)), ID), "changed").sort(),
  );
  assert.equal(preview, real);
  assert.ok(real.length >= PROFILES.length * 2);
});

run("a locked cache file: the step fails, exit 2 names it, other files are still cleared", () =>
  onMachine(broken, async (machine) => {
    const locked = `C:\\Users\\bob\\${CACHE}\\Content\\7396C420A8E1BC1DA97F1AF0D10BAD21`;
    machine.fault("locked", locked);
    const fix = await machine.run(remediation(ID));
    const result = checkedResult(machine, fix, ID);
    assert.is(fix.code, 2, fix.recap);
    assert.equal(stepsWith(result, "failed"), ["clear-cryptnet-content@S-1-5-21-100-200-300-1002"]);
    assert.match(
      result.results.find((r) => r.status === "failed")!.message,
      "7396C420A8E1BC1DA97F1AF0D10BAD21",
    );
    assert.equal(cacheEntries(machine), [
      `C:\\Users\\bob\\Content\\7396C420A8E1BC1DA97F1AF0D10BAD21`,
    ]);
  }),
);

run("not applicable on Windows XP (NT 5.1): exit 3, nothing changed", () =>
  onMachine(
    () => broken({ version: "5.1.2600" }),
    async (machine) => {
      const snapshot = machine.snapshot();
      const fix = await machine.run(remediation(ID));
      assert.is(fix.code, 3, fix.recap);
      assert.is(checkedResult(machine, fix, ID).outcome, "NotApplicable");
      assert.equal(diffSnapshots(snapshot, machine.snapshot()), []);
    },
  ),
);

run(
  "32-bit PowerShell on 64-bit Windows relaunches in the 64-bit host, exit code passed through",
  () =>
    onMachine(
      () => broken({ wow64: true }),
      async (machine) => {
        const [detect, fix] = await machine.runAll([
          { script: detection(ID) },
          { script: remediation(ID), params: { Method: "clear-cryptnet-url-cache" } },
        ]);
        const hosts = machine.calls().filter((c) => c.program.includes("64-bit host"));
        assert.is(hosts.length, 2, "both scripts relaunched");
        assert.match(
          hosts[1]!.arguments,
          /-File \S+kb2328240\.ps1 -Method clear-cryptnet-url-cache$/,
        );
        assert.is(detect!.code, 1, detect!.recap);
        assert.is(fix!.code, 0, fix!.recap);
        assert.equal(cacheEntries(machine), [], "the 64-bit run cleared the SysWOW64 profile too");
      },
    ),
);

test.run();
