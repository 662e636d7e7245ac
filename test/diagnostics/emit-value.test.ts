// A value the back end cannot carry is an ordinary positioned diagnostic (emit-value) at the
// field that holds it, never a stack trace. The checks refuse such values before the back end
// runs, so the test hands the back end a plan changed after its checks passed.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { emitPlaybook } from "../../src/pipeline.js";
import { analyzeText, SNIPPET_INDENT, STEP_LINE, withSteps } from "../support/fixture.js";

const RENAME = [
  "- id: r1",
  "  kind: rename",
  "  path: '%windir%\\System32\\catroot2'",
  "  guard: { evidence: detection }",
  "  newName: oldcatroot2",
].join("\n");

test("a batch value changed after the checks: emit-value at its field", () => {
  const plan = analyzeText(withSteps(RENAME, "[ps1, cmd]")).plan!;
  assert.ok(plan, "the fixture is valid");
  (plan.methods[0]!.steps[0] as unknown as { newName: string }).newName = "a%b";
  const { files, diagnostics } = emitPlaybook(plan);
  assert.equal(files, []);
  assert.equal(
    diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code}`),
    [`${STEP_LINE + 4}:${SNIPPET_INDENT + "  newName: ".length + 1} error emit-value`],
  );
  assert.match(diagnostics[0]!.message, /^cannot emit this playbook: newName: /);
});

test.run();
