// Every step kind that starts a program carries successCodes, as data on the kind: the
// schema fragment, the lowered default, the PowerShell argument and the batch call. A
// kind whose runtime starts a process (Invoke-KbProcess) but is not marked runsProgram fails.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import { stepKinds } from "../../src/steps/index.js";
import type { CmdCall } from "../../src/model/cmd-call.js";
import { successCodesProperty } from "../../src/steps/success-codes.js";
import { allSteps } from "../../src/plan/walk.js";
import { analyzeText, withSteps } from "../support/fixture.js";

function lowered(yaml: string): Record<string, unknown> | undefined {
  const plan = analyzeText(withSteps(yaml)).plan;
  const visit = plan ? allSteps(plan).find((v) => v.step.id === "r1") : undefined;
  return visit?.step as unknown as Record<string, unknown> | undefined;
}

const kinds = Object.values(stepKinds) as {
  kind: string;
  runsProgram?: true;
  properties: Record<string, unknown>;
  ps1: { args: readonly { name: string; field: string }[] };
  cmd?: CmdCall;
}[];

function runtimeStartsProcess(kind: string): boolean {
  const text = readFileSync(`templates/ps1/runtime/steps/${kind}.ps1`, "utf8");
  return /\bInvoke-KbProcess\b/.test(text);
}

test("the kinds marked runsProgram are exactly those whose runtime starts a process", () => {
  const marked = kinds.filter((k) => k.runsProgram).map((k) => k.kind);
  const starting = kinds.filter((k) => runtimeStartsProcess(k.kind)).map((k) => k.kind);
  assert.equal(marked.sort(), starting.sort());
  assert.equal(marked.sort(), ["register-dlls", "run"]);
});

for (const kind of kinds.filter((k) => k.runsProgram)) {
  test(`${kind.kind}: successCodes in the schema, the PowerShell call and the batch call`, () => {
    assert.equal(kind.properties.successCodes, successCodesProperty);
    assert.ok(kind.ps1.args.some((a) => a.name === "SuccessCodes" && a.field === "successCodes"));
    assert.ok(
      kind.cmd?.ops.some((o) => "set" in o && o.set === "KB_SUCCESS" && o.field === "successCodes"),
    );
  });
}

test("register-dlls: successCodes defaults to [0] and keeps what the playbook says", () => {
  const step = (extra: string) =>
    lowered(
      `- id: r1\n  kind: register-dlls\n  dlls: ['%windir%\\System32\\softpub.dll']\n  guard: { evidence: detection }${extra}`,
    );
  assert.equal(step("")?.successCodes, [0]);
  assert.equal(step("\n  successCodes: [0, 3010]")?.successCodes, [0, 3010]);
  assert.is(step("")?.allowNotSelfRegistering, false);
  assert.is(step("\n  allowNotSelfRegistering: true")?.allowNotSelfRegistering, true);
});

test.run();
