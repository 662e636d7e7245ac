// The roll-up of genuine result files: machines, the superseded run, outcomes by exit code,
// the ladder's figures per method, the failing steps and the machines still failing.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { rollUp } from "../../src/report/roll-up.js";
import { FIXTURES, fixture, folderWith, variant } from "./temp-inputs.js";

const report = rollUp([FIXTURES]);
const kb822798 = report.playbooks.find((p) => p.playbookId === "kb822798")!;
const kb977203 = report.playbooks.find((p) => p.playbookId === "kb977203")!;

test("inputs: every file read, one machine ran twice and its older run is superseded", () => {
  assert.equal(report.inputs, {
    resultFiles: 12,
    csvFiles: 0,
    csvRows: 0,
    runs: 12,
    legacyRuns: 0,
    superseded: 1,
    machines: 11,
    ignoredFiles: 0,
    problems: 0,
  });
  assert.is(kb822798.machines, 7);
  assert.is(kb822798.superseded, 1);
  assert.is(kb822798.whatIfRuns, 1);
});

test("outcomes by exit code, with the outcome names; the later run of WS-0004 counts", () => {
  assert.equal(kb822798.outcomes, [
    { exitCode: 0, machines: 3, outcomes: { Compliant: 1, Fixed: 2 } },
    { exitCode: 1, machines: 1, outcomes: { StillPresent: 1 } },
    { exitCode: 2, machines: 1, outcomes: { StepFailed: 1 } },
    { exitCode: 5, machines: 1, outcomes: { NotElevated: 1 } },
    { exitCode: 3010, machines: 1, outcomes: { FixedSoftReboot: 1 } },
  ]);
});

test("the ladder in the playbook's order: reached, changed, fixed, failed per method", () => {
  const methods = kb822798.methods.map((m) => m.method);
  assert.is(methods[0], "cryptsvc-automatic");
  assert.is(methods.length, 11);
  const first = kb822798.methods[0]!;
  assert.equal(first, {
    method: "cryptsvc-automatic",
    reached: 4,
    changed: 2,
    fixed: 2,
    failed: 1,
  });
  const dlls = kb822798.methods.find((m) => m.method === "register-crypto-dlls")!;
  assert.equal(dlls, {
    method: "register-crypto-dlls",
    reached: 2,
    changed: 1,
    fixed: 1,
    failed: 0,
  });
  // -WhatIf previews change nothing: WS-0006's predicted changes are not counted.
  assert.is(
    kb822798.methods.reduce((sum, m) => sum + m.changed, 0),
    3,
  );
});

test("failing steps with their messages, most machines first; machines still failing and why", () => {
  assert.equal(
    kb977203.failingSteps.map((s) => [s.step, s.machines]),
    [
      ["ccmcertfix", 1],
      ["ccmcertfix", 1],
    ],
  );
  assert.equal(
    kb822798.failingMachines.map((m) => [m.computer, m.exitCode, m.outcome, m.step]),
    [
      ["WS-0005", 2, "StepFailed", "cryptsvc-automatic-running"],
      ["WS-0006", 1, "StillPresent", ""],
      ["WS-0007", 5, "NotElevated", ""],
    ],
  );
  assert.match(kb822798.failingMachines[0]!.message, "Access is denied");
  assert.match(
    kb822798.failingMachines[1]!.message,
    /^-WhatIf, nothing changed; evidence remains:/,
  );
  assert.match(kb977203.failingMachines[0]!.message, /^manual: client-patch-sp2:/);
});

test("the same step failing with the same message on many machines is one line with its count", () => {
  const failed = fixture("WS-0005.run1.kb822798.result.json");
  const dir = folderWith(
    Object.fromEntries(
      ["A", "B", "C"].map((name) => [`${name}.result.json`, { ...failed, computer: name }]),
    ),
  );
  const p = rollUp([dir]).playbooks[0]!;
  assert.equal(
    p.failingSteps.map((s) => [s.step, s.machines]),
    [["cryptsvc-automatic-running", 3]],
  );
  assert.equal(rollUp([dir], { maxFileBytes: 1e6, top: 0 }).playbooks[0]!.failingSteps, []);
});

test("duplicates: the latest finishedUtc wins, whatever the file names; tool versions split", () => {
  const base = "WS-0001.run1.kb822798.result.json";
  const older = variant(base, {
    finishedUtc: "2026-01-01T00:00:00.0000000Z",
    outcome: "StepFailed",
    exitCode: 2,
  });
  const newer = variant(base, { finishedUtc: "2026-02-01T00:00:00.0000000Z" });
  const other = variant(base, {
    computer: "WS-9999",
    playbook: { ...fixture(base).playbook, toolVersion: "0.2.0" },
  });
  for (const [a, b] of [
    ["a.result.json", "b.result.json"],
    ["b.result.json", "a.result.json"],
  ]) {
    const r = rollUp([folderWith({ [a!]: older, [b!]: newer, "c.result.json": other })]);
    assert.is(r.inputs.superseded, 1);
    assert.equal(
      r.playbooks.map((p) => [p.toolVersion, p.machines, Object.keys(p.outcomes[0]!.outcomes)]),
      [
        ["0.1.0", 1, ["Fixed"]],
        ["0.2.0", 1, ["Fixed"]],
      ],
    );
  }
});

test("a machine name differing only in case is the same machine", () => {
  const base = "WS-0001.run1.kb822798.result.json";
  const r = rollUp([
    folderWith({
      "a.result.json": variant(base, { computer: "ws-0001", finishedUtc: "2026-01-01T00:00:00Z" }),
      "b.result.json": fixture(base),
    }),
  ]);
  assert.is(r.inputs.machines, 1);
  assert.is(r.playbooks[0]!.failingMachines.length, 0);
});

test.run();
