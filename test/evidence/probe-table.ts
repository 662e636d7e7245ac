// Like the step tables, for evidence: the probe snippet replaces the fixture's
// detection, spliced in at a known line.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { analyzeText, codes, withSteps } from "../support/fixture.js";

export interface ProbeCase {
  name: string;
  yaml: string;
  targets?: string;
  expect: [string, number, number][];
}

const STEP = "- id: s1\n  kind: service\n  name: CryptSvc\n  state: running";
const PROBE_INDENT = 4;
const IGNORED = new Set(["unused-parameter"]);

function withProbe(probeYaml: string, targets?: string): { text: string; line: number } {
  const base = withSteps(STEP, targets);
  const lines = base.split("\n");
  const start = lines.findIndex((l) => l === "  any:") + 1;
  const end = lines.findIndex((l) => l.startsWith("strategy:"));
  const probe = probeYaml.split("\n").map((l) => " ".repeat(PROBE_INDENT) + l);
  return {
    text: [...lines.slice(0, start), ...probe, ...lines.slice(end)].join("\n"),
    line: start + 1,
  };
}

export function runProbeTable(cases: ProbeCase[]): void {
  for (const c of cases) {
    test(c.name, () => {
      const { text, line } = withProbe(c.yaml, c.targets);
      const analysis = analyzeText(text);
      const got = codes(analysis).filter((code) => !IGNORED.has(code.split("@")[0]!));
      const want = c.expect.map(([code, l, col]) => `${code}@${line + l}:${col + PROBE_INDENT}`);
      assert.equal(
        got,
        want,
        analysis.diagnostics.map((d) => `${d.code} ${d.line}:${d.column} ${d.message}`).join("\n"),
      );
    });
  }
  test.run();
}
