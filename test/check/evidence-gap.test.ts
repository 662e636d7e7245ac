// evidence-gap: the Windows inside the playbook's range where no detection probe applies, named
// in words at the playbook's range. Any and all groups alike cover the union of their probes
// (the runtimes leave a probe that does not apply out of either); verify probes do not count.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readdirSync } from "node:fs";
import { analyzePlaybook } from "../../src/pipeline.js";
import { analyzeText, withSteps } from "../support/fixture.js";

const SERVICE_STEP = "- id: s1\n  kind: service\n  name: CryptSvc\n  state: running";

/** A service-state probe applying on `windows` (a YAML flow mapping, or none). */
const probe = (id: string, windows?: string) =>
  [
    `- id: ${id}`,
    "  kind: service-state",
    "  name: CryptSvc",
    "  states: [stopped]",
    ...(windows ? [`  applies: { windows: ${windows} }`] : []),
  ].join("\n");

const indent = (text: string, by: number) => text.replace(/^/gm, " ".repeat(by));

/** The fixture with the playbook's applies and the detection given (a group of items). */
function playbook(
  applies: string | undefined,
  mode: string,
  items: string[],
  steps = SERVICE_STEP,
) {
  const detection = `detection:\n  ${mode}:\n${items.map((i) => indent(i, 4)).join("\n")}\n`;
  return withSteps(steps).replace(
    /detection:\n(?: {2,}.*\n)+/,
    () => (applies ? `applies: { windows: ${applies} }\n` : "") + detection,
  );
}

const gaps = (text: string) =>
  analyzeText(text)
    .diagnostics.filter((d) => d.code === "evidence-gap")
    .map((d) => `${d.line}:${d.column} ${d.severity} ${d.message.split(":")[0]}`);

// The playbook's `applies: { windows: ` is line 17; its value starts at column 21.
const AT = "17:21 warning";

test("a gap at the low end: XP and Server 2003 below a probe from Vista on", () => {
  assert.equal(gaps(playbook('{ min: "5.1" }', "any", [probe("a", '{ min: "6.0" }')])), [
    `${AT} no detection probe applies on Windows XP to Windows XP x64 / Server 2003 (5.1 to 5.2)`,
  ]);
});

test("a gap in the middle: Vista between an XP-era probe and one from Windows 7", () => {
  const items = [probe("a", '{ max: "5.2" }'), probe("b", '{ min: "6.1" }')];
  assert.equal(gaps(playbook('{ min: "5.1" }', "any", items)), [
    `${AT} no detection probe applies on Windows Vista / Server 2008 (6.0)`,
  ]);
});

test("a gap at the high end, and two gaps are two warnings", () => {
  const items = [probe("a", '{ min: "6.1", max: "6.1" }')];
  assert.equal(gaps(playbook('{ min: "6.0" }', "any", items)), [
    `${AT} no detection probe applies on Windows 8 / Server 2012 to Windows 10 / 11 / Server 2016+ (6.2 to 10.0)`,
    `${AT} no detection probe applies on Windows Vista / Server 2008 (6.0)`,
  ]);
});

test("a gap of builds is named by its builds (Server 2022 lies between Windows 10 and 11)", () => {
  const items = [probe("a", '{ max: "10.0.19045" }'), probe("b", '{ min: "10.0.22000" }')];
  assert.equal(gaps(playbook('{ min: "6.1" }', "any", items)), [
    `${AT} no detection probe applies on Windows 10 / 11 / Server 2016+ build 19046 to Windows 10 / 11 / Server 2016+ build 21999 (10.0.19046 to 10.0.21999)`,
  ]);
});

test("all covered: ranges that meet, or leave only NT versions that never shipped, are fine", () => {
  const meet = [probe("a", '{ max: "6.0" }'), probe("b", '{ min: "6.1" }')];
  assert.equal(gaps(playbook('{ min: "5.1" }', "any", meet)), []);
  const unshipped = [probe("a", '{ max: "5.2" }'), probe("b", '{ min: "6.0" }')];
  assert.equal(gaps(playbook('{ min: "5.1" }', "any", unshipped)), []);
  const builds = [probe("a", '{ max: "10.0.19045" }'), probe("b", '{ min: "10.0.19046" }')];
  assert.equal(gaps(playbook(undefined, "any", builds)), []);
  assert.equal(gaps(playbook('{ min: "5.1" }', "any", [probe("a")])), []);
});

test("all groups cover the union of their probes, as the runtimes leave inapplicable ones out", () => {
  const items = [probe("a", '{ max: "5.2" }'), probe("b", '{ min: "6.0" }')];
  assert.equal(gaps(playbook('{ min: "5.1" }', "all", items)), []);
  const nested = [
    probe("a", '{ min: "10.0" }'),
    `- all:\n${indent(probe("b", '{ max: "6.1" }'), 4)}`,
  ];
  assert.equal(gaps(playbook('{ min: "5.1" }', "any", nested)), [
    `${AT} no detection probe applies on Windows 8 / Server 2012 to Windows 8.1 / Server 2012 R2 (6.2 to 6.3)`,
  ]);
});

test("a step's verify probe does not cover anything", () => {
  const step = [
    "- id: s1",
    "  kind: run",
    "  program: '%windir%\\System32\\sc.exe'",
    "  args: [start, CryptSvc]",
    "  guard: { evidence: detection }",
    "  verify: { id: v1, kind: service-state, name: CryptSvc, states: [running] }",
  ].join("\n");
  const text = playbook('{ min: "5.1" }', "any", [probe("a", '{ min: "6.0" }')], step);
  const found = analyzeText(text).diagnostics;
  assert.equal(
    found.filter((d) => d.severity === "error"),
    [],
    "the step is valid",
  );
  assert.equal(gaps(text), [
    `${AT} no detection probe applies on Windows XP to Windows XP x64 / Server 2003 (5.1 to 5.2)`,
  ]);
});

test("the message names the methods the gap stops; no range on the playbook: at its detection", () => {
  const text = playbook(undefined, "any", [probe("a", '{ min: "5.1" }')]);
  const found = analyzeText(text).diagnostics.filter((d) => d.code === "evidence-gap");
  assert.equal(
    found.map((d) => `${d.line}:${d.column} ${d.message}`),
    [
      "18:3 no detection probe applies on Windows 2000 (5.0): detection is not applicable there, so the run ends Compliant and method 'm1' never runs there",
    ],
  );
  const later = text.replace(
    "    reboot: none\n",
    '    reboot: none\n    applies: { windows: { min: "6.0" } }\n',
  );
  const message = analyzeText(later).diagnostics.find((d) => d.code === "evidence-gap")?.message;
  assert.ok(message?.endsWith("so the run ends Compliant and no method runs there"), message);
});

test("the seed playbooks have detection wherever they apply (kb971058 lacked it on XP/2003)", () => {
  for (const name of readdirSync("playbooks").filter((f) => f.endsWith(".yaml"))) {
    const found = analyzePlaybook(`playbooks/${name}`).diagnostics.filter(
      (d) => d.code === "evidence-gap",
    );
    assert.equal(found, [], name);
  }
});

test.run();
