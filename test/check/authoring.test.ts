// Authoring: a fresh scaffold says where its TODOs are, and a procedure without a KB
// number is a playbook like any other (its source URL identifies it).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { scaffold } from "../../src/commands/new.js";
import { compilePlan } from "../../src/pipeline.js";
import { analyzeText } from "../support/fixture.js";

test("each TODO of a new scaffold is a warning at its place, and nothing else is", () => {
  const { plan, diagnostics } = analyzeText(scaffold("kb123456"), "kb123456.yaml");
  assert.ok(plan, "a scaffold still compiles");
  const lines = scaffold("kb123456").split("\n");
  const todoLines = lines.flatMap((l, i) => (l.includes("TODO") ? [i + 1] : []));
  assert.equal(
    diagnostics.map((d) => [d.code, d.severity, d.line]),
    todoLines.map((line) => ["todo-placeholder", "warning", line]),
  );
});

test("kb is optional: a procedure without a KB number validates and compiles", () => {
  const text = scaffold("wu-reset")
    .replace(/^kb: .*\n/m, "")
    .replace(/TODO /g, "");
  const { plan, diagnostics } = analyzeText(text, "wu-reset.yaml");
  assert.equal(diagnostics, []);
  assert.equal(plan!.kb, []);
  const ps1 = compilePlan(plan!).find((f) => f.path === "wu-reset/wu-reset.ps1")!;
  assert.match(ps1.bytes.toString("latin1"), /Kb = @\(\)/);
});

test.run();
