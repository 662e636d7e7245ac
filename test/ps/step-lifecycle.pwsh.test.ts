// The step lifecycle engine (templates/ps1/runtime/step-lifecycle.ps1) on its own: stub kinds
// whose "machine" is a hashtable (test/ps/fixtures/step-lifecycle-cases.ps1), one case per step id.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { join } from "node:path";
import { repoRoot } from "../support/pwsh.js";
import { runPwshFile } from "../support/run-pwsh.js";
import { pwshTest } from "./pwsh-gate.js";

interface CaseRecord {
  id: string;
  status: string;
  before: string;
  after: string;
  beforeValue: unknown;
  afterValue: unknown;
  message: string;
  whatIf: boolean;
}

interface CaseRun {
  results: CaseRecord[];
  machines: Record<string, { Sets: number; Value?: number }>;
}

let cached: CaseRun | undefined;
function cases(): CaseRun {
  if (cached) return cached;
  const script = join(repoRoot, "test/ps/fixtures/step-lifecycle-cases.ps1");
  const run = runPwshFile(script, ["-Runtime", join(repoRoot, "templates/ps1/runtime")]);
  assert.is(run.code, 0, run.stderr);
  assert.is(run.stderr.trim(), "");
  // -WhatIf prints its "What if:" lines first; the JSON document follows.
  cached = JSON.parse(run.stdout.slice(run.stdout.indexOf("{"))) as CaseRun;
  return cached;
}

function record(id: string): CaseRecord {
  const found = cases().results.filter((r) => r.id === id);
  assert.is(found.length, 1, `one record for ${id}`);
  return found[0]!;
}

const sets = (id: string): number => cases().machines[id]!.Sets;

pwshTest("state step: the desired state already there is ok, nothing set", () => {
  const r = record("equal");
  assert.equal([r.status, r.before, r.after, r.whatIf], ["ok", "value 1", "value 1", false]);
  assert.equal([r.beforeValue, r.afterValue], [{ value: 1 }, { value: 1 }]);
  assert.is(sets("equal"), 0);
});

pwshTest("state step: a different state is set, read back and reported changed", () => {
  const r = record("changed");
  assert.equal([r.status, r.before, r.after], ["changed", "value 0", "value 1"]);
  assert.equal([r.beforeValue, r.afterValue], [{ value: 0 }, { value: 1 }]);
  assert.is(sets("changed"), 1);
});

pwshTest(
  "state step: a set that does not take is failed, did not stick, with what it reads",
  () => {
    const r = record("did-not-stick");
    assert.is(r.status, "failed");
    assert.is(r.message, "did not stick on stub: wanted value 1, reads back value 0");
    assert.equal([r.before, r.after, r.afterValue], ["value 0", "value 0", { value: 0 }]);
  },
);

pwshTest("state step: -WhatIf records the predicted change and sets nothing", () => {
  const r = record("what-if");
  assert.equal(
    [r.status, r.whatIf, r.after, r.afterValue],
    ["changed", true, "value 1", { value: 1 }],
  );
  assert.is(r.message, "stub: would set to 1");
  assert.is(sets("what-if"), 0);
  assert.is(cases().machines["what-if"]!.Value, 0);
});

pwshTest("state step: a set that throws is failed with the error and the state before", () => {
  const r = record("set-throws");
  assert.equal([r.status, r.message], ["failed", "stub: the set broke"]);
  assert.equal([r.before, r.beforeValue, r.after], ["value 0", { value: 0 }, ""]);
});

pwshTest("state step: a plan that stops (manual) records its status and changes nothing", () => {
  const r = record("stop");
  assert.equal(
    [r.status, r.message, r.before, r.after],
    ["manual", "do it by hand", "value 0", "value 0"],
  );
  assert.is(sets("stop"), 0);
});

pwshTest("state step: a false guard skips, naming the guard; a true one lets it run", () => {
  const r = record("guard-false");
  assert.equal(
    [r.status, r.message],
    ["skipped", "guard: evidence 'detection' is not present now"],
  );
  assert.is(sets("guard-false"), 0);
  assert.is(record("guard-true").status, "changed");
});

pwshTest("one-shot step: acts, records what the act reports", () => {
  const r = record("shot");
  assert.equal(
    [r.status, r.before, r.after, r.message],
    ["changed", "not run", "ran", "ran the tool"],
  );
  assert.equal(r.afterValue, { exitCode: 0 });
  assert.is(sets("shot"), 1);
});

pwshTest("one-shot step: -WhatIf predicts, with the plan's note, and does not act", () => {
  const r = record("shot-what-if");
  assert.equal(
    [r.status, r.whatIf, r.message],
    ["changed", true, "tool: would run it; one skipped"],
  );
  assert.is(sets("shot-what-if"), 0);
});

pwshTest(
  "one-shot step: a throwing act is failed with the message; a stop or false guard does not act",
  () => {
    assert.equal(
      [record("shot-throws").status, record("shot-throws").message],
      ["failed", "stub shot: the tool broke"],
    );
    assert.equal(
      [record("shot-stop").status, record("shot-stop").message],
      ["ok", "nothing to do"],
    );
    assert.is(record("shot-guard-false").status, "skipped");
    assert.equal([sets("shot-stop"), sets("shot-guard-false")], [0, 0]);
  },
);

test.run();
