// windows-update-log-etw: a file-contains probe on %windir%\WindowsUpdate.log warns, at its
// path, only where the playbook can run on NT 10.0 or later (docs/kb-facts.md#windows-update-log).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { analyzeText, withSteps } from "../support/fixture.js";

const SERVICE_STEP = "- id: s1\n  kind: service\n  name: CryptSvc\n  startType: automatic";

function playbook(path: string, applies = ""): string {
  const probe = `    - id: f1\n      kind: file-contains\n      path: '${path}'\n      tokens: ['0x800B0109']\n`;
  const text = withSteps(SERVICE_STEP).replace(
    /( {4}- id: probe-a\n(?: {6}.*\n)+)/,
    (own) => own + probe,
  );
  return applies ? text.replace("detection:\n", `applies: ${applies}\ndetection:\n`) : text;
}

const warnings = (text: string) =>
  analyzeText(text)
    .diagnostics.filter((d) => d.code === "windows-update-log-etw")
    .map((d) => `${d.line}:${d.column}`);

test("no upper bound: warns at the probe's path", () => {
  assert.equal(warnings(playbook("%windir%\\WindowsUpdate.log")), ["25:13"]);
});

test("%SystemRoot% and any case count as the same file", () => {
  assert.equal(warnings(playbook("%SystemRoot%\\windowsupdate.LOG")).length, 1);
});

test("a playbook up to NT 6.3 is left alone; up to 10.0 is not", () => {
  const upTo = (max: string) =>
    playbook("%windir%\\WindowsUpdate.log", `{ windows: { min: "5.1", max: "${max}" } }`);
  assert.equal(warnings(upTo("6.3")), []);
  assert.equal(warnings(upTo("10.0")).length, 1);
});

test("other files and the new log's folder are not this warning", () => {
  assert.equal(warnings(playbook("%windir%\\svcpack.log")), []);
  assert.equal(warnings(playbook("%windir%\\Logs\\WindowsUpdate\\WindowsUpdate.log")), []);
});

test("a probe whose own range ends before NT 10.0 is left alone", () => {
  const text = playbook("%windir%\\WindowsUpdate.log").replace(
    "      tokens: ['0x800B0109']\n",
    "      tokens: ['0x800B0109']\n      applies: { windows: { max: \"6.3\" } }\n",
  );
  assert.ok(text.includes('max: "6.3"'));
  assert.equal(warnings(text), []);
});

test("the committed KB822798 playbook does not: its log probe stops at NT 6.3, events take over", async () => {
  const { analyzePlaybook } = await import("../../src/pipeline.js");
  const analysis = analyzePlaybook("playbooks/kb822798.yaml");
  assert.equal(
    analysis.diagnostics.filter((d) => d.code === "windows-update-log-etw"),
    [],
  );
});

test.run();
