// Playbooks written for an earlier release keep validating: test/fixtures/schema-v1 holds
// copies of the playbooks as they were when schema version 1 shipped, never edited since.
// A change to the language that breaks one of them must either stay compatible or come with
// a schema version bump and a `kbfix migrate` that rewrites them (README, "Compatibility").
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readdirSync } from "node:fs";
import { analyzePlaybook } from "../../src/pipeline.js";

const FROZEN = "test/fixtures/schema-v1";

for (const name of readdirSync(FROZEN).sort()) {
  test(`schema v1 playbook ${name} still validates without errors`, () => {
    const { diagnostics } = analyzePlaybook(`${FROZEN}/${name}`);
    const errors = diagnostics
      .filter((d) => d.severity === "error")
      .map((d) => `${d.line}:${d.column} ${d.code}: ${d.message}`);
    assert.equal(errors, [], `${name} no longer validates: keep the change compatible or migrate`);
  });
}

test("the frozen set is not empty", () => {
  assert.ok(readdirSync(FROZEN).length >= 4);
});

test.run();
