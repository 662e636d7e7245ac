// Evidence groups (templates/ps1/runtime/probes/join.ps1) on their own: a group carries only its
// verdict and items, and the JSON result's text for it is worked out when written
// (Format-KbEvidenceDetail). Cases: test/ps/fixtures/evidence-groups-cases.ps1.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { join } from "node:path";
import { repoRoot } from "../support/pwsh.js";
import { runPwshFile } from "../support/run-pwsh.js";
import { pwshTest } from "./pwsh-gate.js";

interface GroupCase {
  present: boolean;
  notApplicable: boolean;
  detail: string;
  record: string;
}

let cached: Record<string, GroupCase> | undefined;
function groups(): Record<string, GroupCase> {
  if (cached) return cached;
  const script = join(repoRoot, "test/ps/fixtures/evidence-groups-cases.ps1");
  const run = runPwshFile(script, ["-Runtime", join(repoRoot, "templates/ps1/runtime")]);
  assert.is(run.code, 0, run.stderr);
  cached = JSON.parse(run.stdout) as Record<string, GroupCase>;
  return cached;
}

const expected: Record<string, Omit<GroupCase, "record">> = {
  "any-one-present": { present: true, notApplicable: false, detail: "a: detail of a" },
  "any-none-present": { present: false, notApplicable: false, detail: "none of 1 found" },
  "all-some-missing": {
    present: false,
    notApplicable: false,
    detail: "not all present (missing: b)",
  },
  "all-present": {
    present: true,
    notApplicable: false,
    detail: "a: detail of a; c: detail of c",
  },
  "only-not-applicable": {
    present: false,
    notApplicable: true,
    detail: "not applicable: none of 1 applies here",
  },
  nested: { present: true, notApplicable: false, detail: "a: detail of a; c: detail of c" },
  probe: { present: true, notApplicable: false, detail: "detail of a" },
};

for (const [name, want] of Object.entries(expected))
  pwshTest(`evidence ${name}: verdict and the result's text`, () => {
    const got = groups()[name]!;
    assert.ok(got, `case ${name} ran`);
    assert.equal(
      { present: got.present, notApplicable: got.notApplicable, detail: got.detail },
      want,
    );
    assert.is(got.record, want.detail, "the JSON result reports the same text");
  });

test.run();
