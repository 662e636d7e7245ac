// What the back end reports when it cannot emit: a value that cannot be quoted is the author's
// (emit-value, at the field), anything else is kbfix's own failure (internal-error, at the
// playbook's id), and neither escapes as an exception.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import { analyzeBytes, emitPlaybook } from "../../src/pipeline.js";

/** A fresh plan of a seed playbook each time, free to be broken. */
function seedPlan() {
  return analyzeBytes("kb2328240.yaml", readFileSync("playbooks/kb2328240.yaml")).plan!;
}

test("a bug while emitting is internal-error at the id, with no files and no exception", () => {
  const plan = seedPlan();
  Object.defineProperty(plan.methods[0], "title", {
    get: () => {
      throw new TypeError("simulated bug");
    },
  });
  const { files, diagnostics } = emitPlaybook(plan);
  assert.equal(files, []);
  assert.equal(
    diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`),
    [`${plan.fieldSpans.id!.line}:${plan.fieldSpans.id!.column} internal-error`],
  );
  assert.match(diagnostics[0]!.message, "kbfix failed while emitting this playbook: simulated bug");
  assert.match(diagnostics[0]!.hint ?? "", "report");
});

test.run();
