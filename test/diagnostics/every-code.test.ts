// One failing example per registered diagnostic code, as a table: the input, and
// the code, line and column it must be reported at (with the registry's severity).
// The last test reads the table itself, so a code added to src/diagnostic-codes.ts
// without an example here fails the suite.
import { readFileSync } from "node:fs";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { analyzeAll } from "../../src/pipeline/analyze-all.js";
import { compilePlaybooks } from "../../src/pipeline/compile-all.js";
import type { Diagnostic } from "../../src/diagnostic.js";
import { diagnosticCodes, type DiagnosticCode } from "../../src/diagnostic-codes.js";
import { analyzeBytes, analyzePlaybook } from "../../src/pipeline.js";
import { emitPlaybook } from "../../src/pipeline.js";
import { MAX_PLAYBOOK_BYTES } from "../../src/front/load.js";
import { scaffold } from "../../src/commands/new.js";
import { analyzeText, SNIPPET_INDENT, STEP_LINE, withSteps } from "../support/fixture.js";
import { tempDir } from "../support/temp-dir.js";

type Input =
  | { yaml: string; file?: string }
  | { bytes: Uint8Array }
  /** A path made inside a fresh temporary folder, analysed as one playbook file. */
  | { file: (dir: string) => string }
  /** Command-line paths made inside a fresh temporary folder, analysed like `kbfix validate`. */
  | { paths: (dir: string) => string[] }
  /** Analysed, then emitted: what `kbfix compile` reports after the checks pass. */
  | { emit: string }
  /** A site file's text, for `kbfix compile test/fixtures/kb100001.yaml --site`. */
  | { site: string };

interface Example {
  code: DiagnosticCode;
  input: Input;
  line: number;
  column: number;
}

const SERVICE_STEP = "- id: s1\n  kind: service\n  name: CryptSvc\n  state: running";
/** Line 11 of the fixture: its first parameter; parameter checks report there. */
const PARAMETER_LINE = 11;

/** The fixture with `stepsYaml` as the method's steps (first line at STEP_LINE). */
const steps = (stepsYaml: string, targets?: string) => ({ yaml: withSteps(stepsYaml, targets) });
/** Column within a step snippet, as it lands in the fixture. */
const col = (snippetColumn: number) => snippetColumn + SNIPPET_INDENT;

/** The fixture with `probeYaml` as its only detection probe, at line 19, column 7. */
function probe(probeYaml: string, targets?: string) {
  const indented = probeYaml.replace(/^/gm, "    ");
  const text = withSteps(SERVICE_STEP, targets);
  return { yaml: text.replace(/ {4}- id: probe-a\n(?: {6}.*\n)+/, () => indented + "\n") };
}

/** The fixture with one extra parameter before the others (line 11). */
function parameter(parameterYaml: string) {
  const text = withSteps(SERVICE_STEP);
  return { yaml: text.replace("parameters:\n", () => `parameters:\n  ${parameterYaml}\n`) };
}

/** The fixture with top-level text added before `detection:` (line 17). */
function topLevel(yaml: string, stepsYaml = SERVICE_STEP) {
  return { yaml: withSteps(stepsYaml).replace("detection:\n", () => `${yaml}\ndetection:\n`) };
}

/** Playbook and method applicability (the method's lands on line 31, from column 14). */
function methodApplies(playbook: string, method: string) {
  const { yaml } = topLevel(`applies: ${playbook}`);
  return {
    yaml: yaml.replace("    reboot: none\n", () => `    reboot: none\n    applies: ${method}\n`),
  };
}

/** The playbook's applicability (line 17, from column 10) and that of its only probe. */
function evidenceGap(playbook: string, probeApplies: string) {
  const { yaml } = probe(
    `- id: p1\n  kind: service-state\n  name: CryptSvc\n  states: [stopped]\n  applies: ${probeApplies}`,
  );
  return { yaml: yaml.replace("detection:\n", () => `applies: ${playbook}\ndetection:\n`) };
}

const text = (t: string) => ({ bytes: Buffer.from(t, "utf8") });
const bytes = (...parts: (string | number[])[]) => ({
  bytes: Buffer.concat(parts.map((p) => Buffer.from(p as string))),
});
/** Bytes whose length cannot be read: load() fails the way a kbfix bug would. */
const buggyBytes = new Proxy(new Uint8Array(1), {
  get(target, key) {
    if (key === "length") throw new Error("simulated bug");
    return Reflect.get(target, key);
  },
});

export const EVERY_KIND = readFileSync("test/fixtures/kb100001.yaml", "utf8");
const MANUAL_TEXT = "Do this by hand.";
/** Where the every-kind fixture writes its manual step's text (found, so new nodes may come). */
const MANUAL_TEXT_AT = (() => {
  const before = EVERY_KIND.slice(0, EVERY_KIND.indexOf(`text: ${MANUAL_TEXT}`));
  const line = before.split("\n").length;
  return { line, column: before.length - before.lastIndexOf("\n") + "text: ".length };
})();

const examples: Example[] = [
  // Reading the file
  { code: "file-not-found", input: { file: (d) => join(d, "kb1.yaml") }, line: 1, column: 1 },
  {
    code: "file-unreadable",
    input: { file: (d) => (mkdirSync(join(d, "kb1.yaml")), join(d, "kb1.yaml")) },
    line: 1,
    column: 1,
  },
  {
    code: "file-too-large",
    input: { bytes: new Uint8Array(MAX_PLAYBOOK_BYTES + 1) },
    line: 1,
    column: 1,
  },
  { code: "binary-file", input: bytes("a: 1\n", [0], "\n"), line: 2, column: 1 },
  { code: "invalid-utf8", input: bytes("a: ", [0xff], "\n"), line: 1, column: 4 },
  {
    code: "invalid-utf16",
    input: bytes([0xff, 0xfe], Buffer.from("a: 1\n", "utf16le").toString("latin1"), [0x41]),
    line: 2,
    column: 1,
  },
  // YAML
  { code: "yaml-syntax", input: text("a: b: c\n"), line: 1, column: 5 },
  { code: "yaml-tab", input: text("a:\n\tb: 1\n"), line: 2, column: 1 },
  { code: "yaml-duplicate-key", input: text("a: 1\nb: 2\na: 3\n"), line: 3, column: 1 },
  { code: "yaml-complex-key", input: text("[a]: 1\n"), line: 1, column: 1 },
  { code: "yaml-tag", input: text("a: !foo x\n"), line: 1, column: 4 },
  {
    code: "yaml-too-deep",
    input: text(`a: ${"[".repeat(65)}${"]".repeat(65)}\n`),
    line: 1,
    column: 67,
  },
  {
    code: "yaml-alias-limit",
    input: text(`a: &a x\nb: [${Array(101).fill("*a").join(", ")}]\n`),
    line: 2,
    column: 405,
  },
  { code: "yaml-unknown-alias", input: text("a: 1\nb: *missing\n"), line: 2, column: 4 },
  { code: "yaml-recursive-alias", input: text("a: &r {b: *r}\n"), line: 1, column: 11 },
  { code: "multiple-documents", input: text("a: 1\n---\nb: 2\n"), line: 2, column: 1 },
  { code: "empty-playbook", input: text("# nothing here\n"), line: 1, column: 1 },
  { code: "not-a-mapping", input: text("- a\n- b\n"), line: 1, column: 1 },
  // The schema
  {
    code: "unknown-key",
    input: steps(`${SERVICE_STEP}\n  colour: red`),
    line: STEP_LINE + 4,
    column: col(3),
  },
  {
    code: "missing-key",
    input: steps("- kind: service\n  name: CryptSvc\n  state: running"),
    line: STEP_LINE,
    column: col(3),
  },
  {
    code: "bad-value",
    input: steps("- id: s1\n  kind: service\n  name: CryptSvc\n  startType: automatc"),
    line: STEP_LINE + 3,
    column: col(14),
  },
  {
    code: "bad-shape",
    input: steps(
      "- id: r1\n  kind: rename\n  path: '%windir%\\x'\n  newName: y\n  guard: { evidence: detection, creates: '%windir%\\y' }",
    ),
    line: STEP_LINE + 4,
    column: col(10),
  },
  {
    code: "unknown-step-kind",
    input: steps("- id: s1\n  kind: servise\n  name: CryptSvc"),
    line: STEP_LINE + 1,
    column: col(9),
  },
  {
    code: "unknown-evidence-kind",
    input: probe("- id: e1\n  kind: evnt\n  log: Application"),
    line: 20,
    column: 13,
  },
  // Lowering
  {
    code: "bad-path",
    input: steps("- id: c1\n  kind: clear-folder\n  path: 'C:\\Windows\\Temp'"),
    line: STEP_LINE + 2,
    column: col(9),
  },
  {
    code: "profile-outside-per-user",
    input: steps("- id: c1\n  kind: clear-folder\n  path: '%profile%\\AppData'"),
    line: STEP_LINE + 2,
    column: col(9),
  },
  {
    code: "not-per-user",
    input: steps(
      "- id: p1\n  kind: per-user\n  steps:\n    - id: p1-svc\n      kind: service\n      name: CryptSvc\n      state: running",
    ),
    line: STEP_LINE + 4,
    column: col(13),
  },
  {
    code: "hkcu-outside-per-user",
    input: steps(
      "- id: r1\n  kind: registry-value\n  key: HKCU\\Software\\X\n  name: V\n  type: dword\n  data: 1",
    ),
    line: STEP_LINE + 2,
    column: col(8),
  },
  {
    code: "registry-view-not-hklm",
    input: steps(
      "- id: p1\n  kind: per-user\n  steps:\n    - id: r1\n      kind: registry-value\n      key: HKCU\\Software\\X\n      name: V\n      type: dword\n      data: 1\n      view: 32",
    ),
    line: STEP_LINE + 9,
    column: col(13),
  },
  {
    code: "registry-wow6432node",
    input: steps(
      "- id: r1\n  kind: registry-value\n  key: HKLM\\Software\\Wow6432Node\\X\n  name: V\n  type: dword\n  data: 1",
    ),
    line: STEP_LINE + 2,
    column: col(8),
  },
  {
    code: "nested-per-user",
    input: steps(
      "- id: p1\n  kind: per-user\n  steps:\n    - id: p2\n      kind: per-user\n      steps:\n        - id: p3\n          kind: clear-folder\n          path: '%profile%\\x'",
    ),
    line: STEP_LINE + 3,
    column: col(7),
  },
  {
    code: "attribute-conflict",
    input: steps(
      "- id: a1\n  kind: attributes\n  path: '%windir%'\n  set: [hidden]\n  clear: [hidden]",
    ),
    line: STEP_LINE + 3,
    column: col(8),
  },
  {
    code: "attributes-nothing-to-do",
    input: steps("- id: a1\n  kind: attributes\n  path: '%windir%'"),
    line: STEP_LINE,
    column: col(3),
  },
  {
    code: "service-nothing-to-do",
    input: steps("- id: s1\n  kind: service\n  name: CryptSvc"),
    line: STEP_LINE,
    column: col(3),
  },
  {
    code: "service-default-unknown",
    input: steps("- id: s1\n  kind: service\n  name: Spooler\n  startType: not-disabled"),
    line: STEP_LINE + 3,
    column: col(14),
  },
  {
    code: "probe-nothing-to-test",
    input: probe("- id: s1\n  kind: service-state\n  name: CryptSvc"),
    line: 19,
    column: 7,
  },
  {
    code: "bad-verify",
    input: steps(
      "- id: x1\n  kind: run\n  program: '%windir%\\System32\\tool.exe'\n  guard: { evidence: detection }\n  verify: { id: v1, kind: file-contains, path: '%windir%\\x.log', tokens: ['0x1'] }",
    ),
    line: STEP_LINE + 4,
    column: col(11),
  },
  {
    code: "command-not-system",
    input: probe(
      "- id: c1\n  kind: command\n  program: '%ProgramFiles%\\Tool\\check.exe'\n  cleanCodes: [0]",
    ),
    line: 21,
    column: 16,
  },
  {
    code: "command-changes-state",
    input: probe(
      "- id: c1\n  kind: command\n  program: '%windir%\\System32\\wbem\\winmgmt.exe'\n  args: [/salvagerepository]\n  cleanCodes: [0]",
    ),
    line: 22,
    column: 14,
  },
  {
    code: "command-not-known-read-only",
    input: probe(
      "- id: c1\n  kind: command\n  program: '%windir%\\System32\\netsh.exe'\n  args: [winhttp, show, proxy]\n  cleanCodes: [0]",
    ),
    line: 21,
    column: 16,
  },
  {
    code: "certificate-match",
    input: steps(
      "- id: c1\n  kind: certificate\n  store: Root\n  subject: X\n  thumbprint: A43489159A520F0D93D032CCAF37E7FE20A8B419",
    ),
    line: STEP_LINE,
    column: col(3),
  },
  {
    code: "registry-data",
    input: steps(
      "- id: g1\n  kind: registry-value\n  key: 'HKLM\\Software\\X'\n  name: A\n  type: dword\n  data: -1",
    ),
    line: STEP_LINE + 5,
    column: col(9),
  },
  {
    code: "bad-new-name",
    input: steps(
      "- id: r1\n  kind: rename\n  path: '%windir%\\x'\n  newName: '..'\n  guard: { evidence: detection }",
    ),
    line: STEP_LINE + 3,
    column: col(12),
  },
  {
    code: "unknown-parameter",
    input: steps("- id: c1\n  kind: certificate\n  store: Root\n  subject: X\n  importFrom: Nope"),
    line: STEP_LINE + 4,
    column: col(15),
  },
  {
    code: "unsafe-argument",
    input: steps(
      "- id: x1\n  kind: run\n  program: '%windir%\\System32\\tool.exe'\n  args: [\"a\\nb\"]\n  guard: { evidence: detection }",
    ),
    line: STEP_LINE + 3,
    column: col(10),
  },
  {
    code: "unknown-argument-variable",
    input: steps(
      "- id: x1\n  kind: run\n  program: '%windir%\\System32\\tool.exe'\n  args: ['/log:%TEMP%\\x.log']\n  guard: { evidence: detection }",
    ),
    line: STEP_LINE + 3,
    column: col(10),
  },
  {
    code: "broad-pattern",
    input: steps("- id: d1\n  kind: delete-files\n  folder: '%windir%\\inf'\n  pattern: '*.*'"),
    line: STEP_LINE + 3,
    column: col(12),
  },
  // Semantic checks
  {
    code: "duplicate-id",
    input: steps(`${SERVICE_STEP}\n${SERVICE_STEP}`),
    line: STEP_LINE + 4,
    column: col(3),
  },
  {
    code: "unknown-evidence",
    input: steps(
      "- id: r1\n  kind: rename\n  path: '%windir%\\x'\n  newName: y\n  guard: { evidence: probe-b }",
    ),
    line: STEP_LINE,
    column: col(3),
  },
  {
    code: "missing-guard",
    input: steps("- id: r1\n  kind: rename\n  path: '%windir%\\x'\n  newName: y"),
    line: STEP_LINE,
    column: col(3),
  },
  {
    code: "destructive-path-base",
    input: steps("- id: c1\n  kind: clear-folder\n  path: '%ToolFolder%\\x'"),
    line: STEP_LINE,
    column: col(3),
  },
  {
    code: "protected-path",
    input: steps("- id: c1\n  kind: clear-folder\n  path: '%SystemRoot%\\system32'"),
    line: STEP_LINE,
    column: col(3),
  },
  {
    code: "cmd-unsafe-value",
    input: steps("- id: c1\n  kind: clear-folder\n  path: '%windir%\\a&b'", "[ps1, cmd]"),
    line: STEP_LINE + 2,
    column: col(9),
  },
  {
    code: "cmd-unsupported",
    input: steps("- id: c1\n  kind: certificate\n  store: Root\n  subject: X", "[ps1, cmd]"),
    line: STEP_LINE,
    column: col(3),
  },
  { code: "unused-parameter", input: steps(SERVICE_STEP), line: PARAMETER_LINE, column: 5 },
  {
    code: "bad-default",
    input: parameter("- { name: Force, type: switch, description: x, default: true }"),
    line: PARAMETER_LINE,
    column: 5,
  },
  {
    code: "bad-pattern",
    input: parameter("- { name: Label, type: string, description: x, pattern: '([' }"),
    line: PARAMETER_LINE,
    column: 5,
  },
  {
    code: "enum-without-values",
    input: parameter("- { name: Mode, type: enum, description: x }"),
    line: PARAMETER_LINE,
    column: 5,
  },
  {
    code: "required-with-default",
    input: parameter("- { name: Label, type: string, description: x, required: true, default: a }"),
    line: PARAMETER_LINE,
    column: 5,
  },
  {
    code: "bad-range",
    input: topLevel('applies: { windows: { min: "6.1", max: "5.1" } }'),
    line: 17,
    column: 21,
  },
  {
    code: "never-applies",
    input: methodApplies('{ windows: { min: "6.0" } }', '{ windows: { max: "5.2" } }'),
    line: 31,
    column: 25,
  },
  {
    code: "unknown-build",
    input: topLevel('applies: { windows: { min: "6.1.9600" } }'),
    line: 17,
    column: 28,
  },
  {
    code: "evidence-gap",
    input: evidenceGap('{ windows: { min: "5.1" } }', '{ windows: { min: "6.0" } }'),
    line: 17,
    column: 21,
  },
  {
    code: "localized-token",
    input: probe(
      "- id: f1\n  kind: file-contains\n  path: '%windir%\\svcpack.log'\n  tokens: ['Kan catalogusbestanden niet installeren']",
    ),
    line: 19,
    column: 7,
  },
  {
    code: "windows-update-log-etw",
    input: probe(
      "- id: f1\n  kind: file-contains\n  path: '%windir%\\WindowsUpdate.log'\n  tokens: ['0x800B0109']",
    ),
    line: 21,
    column: 13,
  },
  // The whole run
  {
    code: "id-file-mismatch",
    input: { yaml: withSteps(SERVICE_STEP), file: "kb1.yaml" },
    line: 2,
    column: 5,
  },
  { code: "no-such-path", input: { paths: (d) => [join(d, "nope")] }, line: 1, column: 1 },
  { code: "no-playbooks", input: { paths: (d) => [d] }, line: 1, column: 1 },
  { code: "internal-error", input: { bytes: buggyBytes }, line: 1, column: 1 },
  {
    code: "todo-placeholder",
    input: { yaml: scaffold("kb123456"), file: "kb123456.yaml" },
    line: 4,
    column: 8,
  },
  { code: "emit-value", input: { emit: loneSurrogateFixture() }, ...MANUAL_TEXT_AT },
  {
    // The every-kind fixture's application detection is over ConfigMgr's 32,000 bytes.
    code: "deploy-route-size",
    input: { emit: readFileSync("test/fixtures/kb100001.yaml", "utf8") },
    line: 5,
    column: 5,
  },
  {
    code: "deploy-gpo-time-budget",
    input: { emit: readFileSync("playbooks/kb822798.yaml", "utf8") },
    line: 150,
    column: 3,
  },
  {
    code: "deploy-parameter-unset",
    input: { emit: readFileSync("playbooks/kb977203.yaml", "utf8") },
    line: 49,
    column: 5,
  },
  // The site file (kbfix compile --site)
  { code: "site-shape", input: { site: "kb100001: [CertFile]\n" }, line: 1, column: 11 },
  {
    code: "site-unknown-parameter",
    input: { site: "kb100001:\n  CertFiles: 'C:\\x.cer'\n" },
    line: 2,
    column: 3,
  },
  { code: "site-bad-value", input: { site: "kb100001:\n  Retries: 9\n" }, line: 2, column: 12 },
  {
    code: "site-unknown-playbook",
    input: { site: "kb100001:\n  Retries: 3\nkb100002:\n  Retries: 3\n" },
    line: 3,
    column: 1,
  },
];

/** The every-kind fixture with a manual step's text that no script can carry. */
function loneSurrogateFixture(): string {
  return EVERY_KIND.replace(`text: ${MANUAL_TEXT}`, 'text: "Do \\uD800 by hand."');
}

function diagnosticsOf(input: Input): Diagnostic[] {
  if ("emit" in input) {
    const analysis = analyzeBytes("kb100001.yaml", Buffer.from(input.emit, "utf8"));
    return [
      ...analysis.diagnostics,
      ...(analysis.plan ? emitPlaybook(analysis.plan).diagnostics : []),
    ];
  }
  if ("yaml" in input) return analyzeText(input.yaml, input.file).diagnostics;
  if ("site" in input) return siteDiagnostics(input.site);
  if ("bytes" in input) return analyzeBytes("kb100000.yaml", input.bytes).diagnostics;
  const dir = tempDir("kbfix-every-code-");
  try {
    if ("file" in input) return analyzePlaybook(input.file(dir)).diagnostics;
    return analyzeAll(input.paths(dir)).diagnostics;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function siteDiagnostics(text: string): Diagnostic[] {
  const dir = tempDir("kbfix-every-code-");
  try {
    writeFileSync(join(dir, "site.yaml"), text);
    return compilePlaybooks(["test/fixtures/kb100001.yaml"], join(dir, "site.yaml")).diagnostics;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const { code, input, line, column } of examples) {
  test(`${code} at ${line}:${column}`, () => {
    const found = diagnosticsOf(input);
    const listing = found.map((d) => `${d.code}@${d.line}:${d.column} ${d.message}`).join("\n");
    const hit = found.find((d) => d.code === code && d.line === line && d.column === column);
    assert.ok(hit, `want ${code}@${line}:${column}, got:\n${listing}`);
    assert.is(hit!.severity, diagnosticCodes[code].severity, "severity as registered");
  });
}

test("every registered code has an example above, and only registered codes do", () => {
  const covered = new Set(examples.map((e) => e.code));
  const missing = Object.keys(diagnosticCodes).filter((c) => !covered.has(c as DiagnosticCode));
  assert.equal(missing, [], "codes without an example in every-code.test.ts");
});

test.run();
