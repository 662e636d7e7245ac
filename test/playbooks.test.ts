// The committed playbooks: valid, with the editor schema line, and faithful to
// the corrections recorded in docs/kb-facts.md that are easy to get wrong.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import { analyzePlaybook } from "../src/pipeline.js";
import { allSteps } from "../src/plan/walk.js";
import { compareVersions } from "../src/model/nt-version.js";

const IDS = ["kb2328240", "kb822798", "kb971058", "kb977203"];
const plans = Object.fromEntries(IDS.map((id) => [id, analyzePlaybook(`playbooks/${id}.yaml`)]));

for (const id of IDS) {
  test(`${id}: no errors, schema line first`, () => {
    const a = plans[id]!;
    assert.equal(
      a.diagnostics.filter((d) => d.severity === "error"),
      [],
    );
    assert.ok(
      readFileSync(`playbooks/${id}.yaml`, "utf8").startsWith(
        "# yaml-language-server: $schema=./playbook.schema.json\n",
      ),
    );
  });
}

test("kb822798: all 11 methods in the article's order, 11 as manual guidance", () => {
  const plan = plans.kb822798!.plan!;
  assert.equal(
    plan.methods.map((m) => m.kbMethod),
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
  );
  assert.equal(
    plan.methods[10]!.steps.map((s) => s.kind),
    ["manual"],
  );
  assert.is(plan.strategy, "escalate");
});

test("kb822798: method 3 registers the crypto DLLs, without the WGA line", () => {
  const m3 = plans.kb822798!.plan!.methods[2]!;
  const dlls = m3.steps.flatMap((s) =>
    s.kind === "register-dlls" ? s.dlls.map((d) => d.segments.at(-1)!.toLowerCase()) : [],
  );
  for (const dll of [
    "softpub.dll",
    "wintrust.dll",
    "initpki.dll",
    "dssenh.dll",
    "rsaenh.dll",
    "gpkcsp.dll",
    "sccbase.dll",
    "slbcsp.dll",
    "mssip32.dll",
    "cryptdlg.dll",
  ])
    assert.ok(dlls.includes(dll), dll);
  assert.not.ok(dlls.some((d) => d.includes("legitcheck")));
});

test("kb822798: oem*.* deletion is high risk and never on NT 6.0 or later", () => {
  const plan = plans.kb822798!.plan!;
  const visits = allSteps(plan).filter(
    (v) => v.step.kind === "delete-files" && /oem/i.test(v.step.pattern),
  );
  assert.ok(visits.length > 0);
  for (const { method } of visits) {
    assert.is(method.risk, "high");
    assert.ok(
      method.applies.windows?.max && compareVersions(method.applies.windows.max, "6.0") < 0,
    );
  }
});

test("kb822798: catroot is never renamed, only catroot2", () => {
  const renames = allSteps(plans.kb822798!.plan!)
    .filter((v) => v.step.kind === "rename")
    .map((v) => (v.step.kind === "rename" ? v.step.path.segments.at(-1)!.toLowerCase() : ""));
  assert.ok(renames.includes("catroot2"));
  assert.not.ok(renames.includes("catroot"));
});

test("kb2328240: per-user cache clearing covers the service profiles", () => {
  const perUser = allSteps(plans.kb2328240!.plan!).filter((v) => v.step.kind === "per-user");
  assert.ok(perUser.some((v) => v.step.kind === "per-user" && v.step.includeServiceProfiles));
});

test("kb977203: applies only where a ConfigMgr client is installed", () => {
  assert.is(plans.kb977203!.plan!.applies.product?.id, "configmgr-client");
});

test.run();
