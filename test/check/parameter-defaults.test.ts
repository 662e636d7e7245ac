import { test } from "uvu";
import * as assert from "uvu/assert";
import { analyzeText, withSteps } from "../support/fixture.js";

const STEP = "- id: s1\n  kind: service\n  name: CryptSvc\n  state: running";

function withParameter(yaml: string, targets = "[ps1]"): string[] {
  const block = yaml
    .split("\n")
    .map((l) => "  " + l)
    .join("\n");
  const text = withSteps(STEP, targets).replace("parameters:\n", () => `parameters:\n${block}\n`);
  return analyzeText(text)
    .diagnostics.filter((d) => d.code !== "unused-parameter")
    .map((d) => `${d.code}@${d.line}`);
}

const cases: [string, string, string[]][] = [
  [
    "a switch defaulting to true",
    "- { name: Force, type: switch, description: x, default: true }",
    ["bad-default@11"],
  ],
  [
    "an enum default outside its values",
    "- { name: Mode, type: enum, description: x, values: [a, b], default: c }",
    ["bad-default@11"],
  ],
  [
    "an int default out of range",
    "- { name: Count, type: int, description: x, minimum: 1, maximum: 5, default: 9 }",
    ["bad-default@11"],
  ],
  [
    "a default that misses the pattern",
    "- { name: Label, type: string, description: x, pattern: '^[a-z]+$', default: ABC }",
    ["bad-default@11"],
  ],
  [
    "an invalid pattern",
    "- { name: Label, type: string, description: x, pattern: '([' }",
    ["bad-pattern@11"],
  ],
  [
    "an enum without values",
    "- { name: Mode, type: enum, description: x }",
    ["enum-without-values@11"],
  ],
  [
    "required with a default",
    "- { name: Label, type: string, description: x, required: true, default: abc }",
    ["required-with-default@11"],
  ],
  [
    "valid defaults",
    "- { name: Mode, type: enum, description: x, values: [a, b], default: b }",
    [],
  ],
];

for (const [name, yaml, expected] of cases) {
  test(`parameter defaults: ${name}`, () => assert.equal(withParameter(yaml), expected));
}

// An int default both scripts take: PowerShell's [int], and with a batch script 0..999999999
// (the batch argument check refuses a sign and ten digits; compiling would fail only at emit).
const intCases: [string, string, string, string[]][] = [
  ["negative, PowerShell only", "[ps1]", "-5", []],
  ["negative, with batch", "[ps1, cmd]", "-5", ["bad-default@11"]],
  ["ten digits, with batch", "[ps1, cmd]", "1234567890", ["bad-default@11"]],
  ["above [int]", "[ps1]", "2147483648", ["bad-default@11"]],
];
for (const [name, targets, value, expected] of intCases)
  test(`parameter defaults: an int ${name}`, () =>
    assert.equal(
      withParameter(`- { name: Count, type: int, description: x, default: ${value} }`, targets),
      expected,
    ));

test.run();
