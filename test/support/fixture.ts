// Playbook text for tests: a valid skeleton with the step (or probe) under test
// spliced in at a known line, so expected positions are plain numbers.
import { analyzeBytes, type Analysis } from "../../src/pipeline.js";

const HEAD = `schemaVersion: 1
id: kb100000
title: Test playbook
kb: [100000]
source:
  url: https://support.microsoft.com/kb/100000
  revision: "1.0"
summary: For tests.
targets: TARGETS
parameters:
  - name: CertFile
    type: path
    description: A certificate file.
  - name: ToolFolder
    type: path
    description: Where a tool lives.
detection:
  any:
    - id: probe-a
      kind: service-state
      name: CryptSvc
      states: [stopped]
strategy: escalate
methods:
  - id: m1
    kbMethod: 1
    title: Method one
    risk: low
    reboot: none
    steps:
`;

/** Line (1-based) of the first line of the spliced step text. */
export const STEP_LINE = HEAD.split("\n").length;

/** Columns the snippet is indented by when spliced in. */
export const SNIPPET_INDENT = 6;

export function withSteps(stepsYaml: string, targets = "[ps1]"): string {
  const indented = stepsYaml
    .replace(/^\n/, "")
    .replace(/\n$/, "")
    .split("\n")
    .map((l) => `      ${l}`)
    .join("\n");
  return HEAD.replace("TARGETS", targets) + indented + "\n";
}

export function analyzeText(text: string, file = "kb100000.yaml"): Analysis {
  return analyzeBytes(file, Buffer.from(text, "utf8"));
}

/** "code@line:column" for each diagnostic, the compact form the tables assert. */
export function codes(analysis: Analysis): string[] {
  return analysis.diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`);
}
