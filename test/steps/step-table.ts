// Runs a table of step snippets: valid ones must give no diagnostics (other than
// the unused-parameter warnings of the fixture), invalid ones exactly the listed
// "code@line:column" entries, with lines relative to the step's first line.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { analyzeText, codes, SNIPPET_INDENT, STEP_LINE, withSteps } from "../support/fixture.js";

export interface StepCase {
  name: string;
  yaml: string;
  targets?: string;
  /** Expected diagnostics as [code, line offset from the first line, column within the snippet]. */
  expect: [string, number, number][];
}

const IGNORED = new Set(["unused-parameter"]);

export function runStepTable(cases: StepCase[]): void {
  for (const c of cases) {
    test(c.name, () => {
      const analysis = analyzeText(withSteps(c.yaml, c.targets));
      const got = codes(analysis).filter((code) => !IGNORED.has(code.split("@")[0]!));
      const want = c.expect.map(
        ([code, line, col]) => `${code}@${STEP_LINE + line}:${col + SNIPPET_INDENT}`,
      );
      assert.equal(
        got,
        want,
        analysis.diagnostics.map((d) => `${d.code} ${d.line}:${d.column} ${d.message}`).join("\n"),
      );
    });
  }
  test.run();
}
