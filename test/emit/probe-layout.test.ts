// Probe calls in the committed scripts: the remediation splats a call over 120 characters, one
// field per line, as it does a step's; the detection scripts keep every probe call on one line
// (the ConfigMgr 32 KB limit, test/deploy/route-sizes.test.ts).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import { INLINE_CALL_MAX } from "../../src/emit/ps1/ps-call-text.js";
import { COMMITTED_IDS } from "../support/runtime-sources.js";

/** The lines of a script's Invoke-KbDetection, indentation removed. */
function detectionLines(path: string): string[] {
  const lines = readFileSync(path, "latin1").split("\r\n");
  const start = lines.indexOf("function Invoke-KbDetection {");
  const end = lines.indexOf("}", start);
  assert.ok(start >= 0 && end > start, `${path}: no Invoke-KbDetection`);
  return lines.slice(start + 1, end).map((l) => l.trim());
}

const probeCall = (line: string) => /^Test-Kb\w+Probe -Id /.test(line.replace(/^.*-Probe \{ /, ""));

for (const id of COMMITTED_IDS) {
  test(`${id}.ps1: no probe call over ${INLINE_CALL_MAX} characters; the long ones are splatted`, () => {
    const lines = detectionLines(`out/${id}/${id}.ps1`);
    assert.equal(
      lines.filter((l) => probeCall(l) && l.length > INLINE_CALL_MAX),
      [],
    );
    assert.ok(
      lines.some((l) => /^Test-Kb\w+Probe @kbProbe$/.test(l)),
      "no splatted probe",
    );
  });

  for (const script of [`${id}.detect.ps1`, `deploy/${id}.appdetect.ps1`])
    test(`${script}: every probe call on one line`, () => {
      const lines = detectionLines(`out/${id}/${script}`);
      assert.not.ok(
        lines.some((l) => l.includes("@kbProbe")),
        "a splatted probe",
      );
      assert.ok(lines.some(probeCall));
    });
}

test.run();
