// Windows ranges on steps inside a per-user step are checked like any other: a range whose min
// is above its max is an error at that step, and one outside the per-user step's own range can
// never apply. Each warning sits at the range or bound it is about, however deep its node.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { analyzeText, SNIPPET_INDENT, STEP_LINE, withSteps } from "../support/fixture.js";

const perUser = (outer: string, inner: string) =>
  [
    "- id: each-user",
    "  kind: per-user",
    `  applies: { windows: ${outer} }`,
    "  steps:",
    "    - id: clear-cache",
    "      kind: clear-folder",
    "      path: '%profile%\\AppData\\Local\\Temp'",
    `      applies: { windows: ${inner} }`,
  ].join("\n");

// The inner step's `applies: { windows: ... }` is the snippet's eighth line.
const INNER_LINE = STEP_LINE + 7;
const INNER_WINDOWS = SNIPPET_INDENT + "      applies: { windows: ".length + 1;

const ranges = (steps: string) =>
  analyzeText(withSteps(steps))
    .diagnostics.filter((d) => d.code === "bad-range" || d.code === "never-applies")
    .map((d) => `${d.line}:${d.column} ${d.severity} ${d.code}: ${d.message}`);

test("a nested step's min above its max is an error at that step", () => {
  assert.equal(ranges(perUser('{ min: "5.1" }', '{ min: "10.0", max: "6.1" }')), [
    `${INNER_LINE}:${INNER_WINDOWS} error bad-range: min 10.0 (Windows 10 / 11 / Server 2016+) is above max 6.1 (Windows 7 / Server 2008 R2)`,
    `${INNER_LINE}:${INNER_WINDOWS} warning never-applies: step 'clear-cache' applies to Windows versions its step 'each-user' or the playbook excludes`,
  ]);
});

test("a nested step outside its per-user step's range never applies", () => {
  assert.equal(ranges(perUser('{ min: "10.0" }', '{ max: "6.1" }')), [
    `${INNER_LINE}:${INNER_WINDOWS} warning never-applies: step 'clear-cache' applies to Windows versions its step 'each-user' or the playbook excludes`,
  ]);
});

test("a nested step inside its per-user step's range is fine", () => {
  assert.equal(ranges(perUser('{ min: "6.1" }', '{ min: "10.0" }')), []);
});

test("a nested step's bound with a build its NT version lacks is a warning at that bound", () => {
  const found = analyzeText(withSteps(perUser('{ min: "6.1" }', '{ min: "10.0.9600" }')))
    .diagnostics.filter((d) => d.code === "unknown-build")
    .map((d) => `${d.line}:${d.column}`);
  const minColumn = INNER_WINDOWS + "{ min: ".length;
  assert.equal(found, [`${INNER_LINE}:${minColumn}`]);
});

test("a probe inside a group that the playbook's range excludes is a warning at its range", () => {
  const text = withSteps(perUser('{ min: "6.1" }', '{ min: "6.1" }'))
    .replace("targets: [ps1]", 'targets: [ps1]\napplies: { windows: { min: "10.0" } }')
    .replace(
      "      states: [stopped]",
      '      states: [stopped]\n      applies: { windows: { max: "6.1" } }',
    );
  const lines = text.split("\n");
  const line = lines.findIndex((l) => l.includes('max: "6.1"')) + 1;
  const found = analyzeText(text)
    .diagnostics.filter((d) => d.code === "never-applies")
    .map((d) => `${d.line}:${d.column} ${d.message}`);
  assert.equal(found, [
    `${line}:${"      applies: { windows: ".length + 1} probe 'probe-a' applies to Windows versions the playbook excludes`,
  ]);
});

test.run();
