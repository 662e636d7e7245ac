// duplicate-id for probes written under a step's verify: they share the namespace of the
// detection probes and must not reuse a step id either (their result is reported under that id).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { analyzeText, STEP_LINE, withSteps } from "../support/fixture.js";

const runStep = (id: string, verifyId: string) =>
  [
    `- id: ${id}`,
    "  kind: run",
    "  program: '%windir%\\System32\\sc.exe'",
    "  args: [start, CryptSvc]",
    "  guard: { evidence: detection }",
    "  verify:",
    `    id: ${verifyId}`,
    "    kind: service-state",
    "    name: CryptSvc",
    "    states: [stopped]",
  ].join("\n");

const duplicates = (steps: string) =>
  analyzeText(withSteps(steps))
    .diagnostics.filter((d) => d.code === "duplicate-id")
    .map((d) => `${d.line}:${d.column} ${d.message}`);

// The verify probe's id is on the snippet's line 7, indented 4 within the snippet (+6 spliced).
const VERIFY_ID_LINE = STEP_LINE + 6;

test("an inline verify probe reusing a detection probe id is refused at the verify probe", () => {
  assert.equal(duplicates(runStep("r1", "probe-a")), [
    `${VERIFY_ID_LINE}:11 evidence id 'probe-a' is already used at line 19`,
  ]);
});

test("an inline verify probe reusing a step id is refused at the verify probe", () => {
  assert.equal(duplicates(runStep("r1", "r1")), [
    `${VERIFY_ID_LINE}:11 verify probe id 'r1' is already used at line ${STEP_LINE}`,
  ]);
});

test("two inline verify probes with one id: the later is refused", () => {
  const second = runStep("r2", "again");
  const lines = duplicates(`${runStep("r1", "again")}\n${second}`);
  assert.equal(lines, [
    `${VERIFY_ID_LINE + 10}:11 evidence id 'again' is already used at line ${VERIFY_ID_LINE}`,
  ]);
});

test("a fresh inline id and verify: { evidence: X } (a reuse by design) are fine", () => {
  assert.equal(duplicates(runStep("r1", "r1-again")), []);
  const byRef = runStep("r1", "x").replace(
    / {2}verify:\n(?: {4}.*\n?)+/,
    "  verify: { evidence: probe-a }",
  );
  assert.equal(duplicates(byRef), []);
});

test.run();
