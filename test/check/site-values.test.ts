// Site values (kbfix compile --site): each is checked against its parameter as a default is, and
// against what both scripts carry, with the site file's positions; one that passes becomes the
// default every script and route has, and the playbook's own output is untouched without it.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { dump } from "js-yaml";
import { compilePlaybooks } from "../../src/pipeline/compile-all.js";
import { fixturePlaybook } from "../support/fixture-playbook.js";
import { tempDir } from "../support/temp-dir.js";

const FIXTURE = "test/fixtures/kb100001.yaml";

/** A playbook with a parameter of each type, for `targets` (written once, for every case). */
const BOTH = tempDir("kbfix-site-both-");
function typesPlaybook(id: string, targets: string[]): string {
  const file = join(BOTH, `${id}.yaml`);
  const playbook = fixturePlaybook({
    id,
    title: "Every parameter type",
    summary: "Reads a folder parameter; the others are declared.",
    targets,
    parameters: [
      { name: "Folder", type: "path", description: "A folder." },
      { name: "Count", type: "int", description: "A count." },
      { name: "Name", type: "string", description: "A name." },
      { name: "Force", type: "switch", description: "Force it." },
    ],
    evidence: [{ id: "mark", kind: "file-size", path: "%Folder%\\mark.bin", aboveBytes: 10 }],
    steps: [{ id: "look", kind: "manual", text: "Look at the folder." }],
  });
  writeFileSync(file, dump(playbook));
  return file;
}
/** kb100092 for both targets, kb100093 for PowerShell alone. */
const BOTH_FILE = typesPlaybook("kb100092", ["ps1", "cmd"]);
const PS1_FILE = typesPlaybook("kb100093", ["ps1"]);
test.after(() => rmSync(BOTH, { recursive: true, force: true }));

/** Compiles the every-kind fixture (or `playbooks`) with a site file of `text`. */
function withSite(text: string, playbooks = [FIXTURE]) {
  const dir = tempDir("kbfix-site-");
  try {
    writeFileSync(join(dir, "site.yaml"), text);
    const compiled = compilePlaybooks(playbooks, join(dir, "site.yaml"));
    const codes = compiled.diagnostics
      .filter((d) => d.file.endsWith("site.yaml"))
      .map((d) => `${d.code}@${d.line}:${d.column}`);
    const file = (suffix: string) =>
      compiled.files.find((f) => f.path.endsWith(suffix))?.bytes.toString("latin1") ?? "";
    return { compiled, codes, file };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** [name, site file, the site file's diagnostics]; kb100092 is for both targets. */
const cases: [string, string, string[]][] = [
  ["an int outside its range", "kb100001:\n  Retries: 9\n", ["site-bad-value@2:12"]],
  ["an int as text", "kb100001:\n  Retries: '3'\n", ["site-bad-value@2:12"]],
  ["an int not a number", "kb100001:\n  Retries: .nan\n", ["site-bad-value@2:12"]],
  ["an enum value not listed", "kb100001:\n  Mode: slow\n", ["site-bad-value@2:9"]],
  ["text against the pattern", "kb100001:\n  Label: ABC\n", ["site-bad-value@2:10"]],
  ["a switch on", "kb100001:\n  Force: true\n", ["site-bad-value@2:10"]],
  ["a switch as text", "kb100092:\n  Force: 'false'\n", ["site-bad-value@2:10"]],
  ["a switch off", "kb100092:\n  Force: false\n", []],
  ["a negative int batch cannot take", "kb100092:\n  Count: -5\n", ["site-bad-value@2:10"]],
  ["an int of ten digits", "kb100092:\n  Count: 1234567890\n", ["site-bad-value@2:10"]],
  ["an int of nine digits", "kb100092:\n  Count: 999999999\n", []],
  ["text with a line break", 'kb100092:\n  Name: "a\\nb"\n', ["site-bad-value@2:9"]],
  ["a relative path", "kb100001:\n  CertFile: 'certs\\root.cer'\n", ["site-bad-value@2:13"]],
  ["a drive root", "kb100092:\n  Folder: 'C:\\'\n", ["site-bad-value@2:11"]],
  ["a share root", "kb100092:\n  Folder: '\\\\sccm01\\KB977203$'\n", ["site-bad-value@2:11"]],
  ["a folder on a share", "kb100092:\n  Folder: '\\\\sccm01\\Sources$\\KB977203'\n", []],
  ["a device path", "kb100092:\n  Folder: '\\\\?\\C:\\Tools'\n", ["site-bad-value@2:11"]],
  ["a dot-dot segment", "kb100092:\n  Folder: 'C:\\Windows\\..\\Tools'\n", ["site-bad-value@2:11"]],
  ["an unknown base", "kb100092:\n  Folder: '%Nope%\\Tools'\n", ["site-bad-value@2:11"]],
  ["a machine base", "kb100001:\n  CertFile: '%ProgramData%\\c.cer'\n", ["site-bad-value@2:13"]],
  ["a name starting ..", "kb100092:\n  Folder: 'C:\\Tools\\..x'\n", ["site-bad-value@2:11"]],
  ["a share named ..", "kb100092:\n  Folder: '\\\\srv\\..\\Tools'\n", ["site-bad-value@2:11"]],
  ["a trailing dot", "kb100092:\n  Folder: 'C:\\Tools.'\n", ["site-bad-value@2:11"]],
  ["a dotted name", "kb100092:\n  Folder: '\\\\srv.corp\\tools\\.config'\n", []],
  ["an int outside [int]", "kb100093:\n  Count: 2147483648\n", ["site-bad-value@2:10"]],
  ["a negative int, PowerShell only", "kb100093:\n  Count: -5\n", []],
  ["a direction override", 'kb100093:\n  Name: "a\\u202Eb"\n', ["site-bad-value@2:9"]],
  ["a lone surrogate", 'kb100001:\n  CertFile: "C:\\\\\\uD800"\n', ["site-bad-value@2:13"]],
  ["a parameter not declared", "kb100001:\n  Retry: 3\n", ["site-unknown-parameter@2:3"]],
  ["a name given twice", "kb100001:\n  Retries: 3\n  retries: 4\n", ["site-shape@3:3"]],
  ["a list for a playbook", "kb100001: [Retries]\n", ["site-shape@1:11"]],
  ["a mapping for a value", "kb100001:\n  Retries: { a: 1 }\n", ["site-shape@2:12"]],
  ["a playbook not compiled", "kb100009:\n  Retries: 3\n", ["site-unknown-playbook@1:1"]],
  ["a value batch cannot carry", "kb100092:\n  Folder: 'C:\\a&b'\n", ["cmd-unsafe-value@2:11"]],
  ["valid values, any case of the name", "kb100001:\n  retries: 3\n  CertFile: 'C:\\c.cer'\n", []],
];

for (const [name, text, want] of cases)
  test(`site file: ${name}`, () => {
    const { codes, compiled } = withSite(text, [FIXTURE, BOTH_FILE, PS1_FILE]);
    assert.equal(codes, want, compiled.diagnostics.map((d) => d.message).join("\n"));
  });

test("an error in the site file writes nothing; a warning does not stop the build", () => {
  assert.equal(withSite("kb100001:\n  Retries: 9\n").compiled.files, []);
  const unsafe = withSite("kb100092:\n  Folder: 'C:\\a&b'\n", [BOTH_FILE]);
  assert.ok(unsafe.compiled.files.length > 0);
  assert.match(unsafe.file("kb100092.ps1"), "[string]$Folder = 'C:\\a&b'");
  assert.ok(unsafe.file(".fix.cmd").length > 0);
  assert.not.match(unsafe.file(".fix.cmd"), "a&b");
});

test("messages say what the author wrote: NaN as NaN, a switch only false", () => {
  const messages = (text: string) =>
    withSite(text, [FIXTURE, BOTH_FILE])
      .compiled.diagnostics.map((d) => d.message)
      .join("\n");
  assert.match(messages("kb100001:\n  Retries: .nan\n"), "site value NaN is not an integer");
  assert.match(
    messages("kb100092:\n  Force: 'false'\n"),
    'site value "false": a switch can only be false',
  );
});

test("the site file's diagnostics come in the order of its lines", () => {
  const { codes } = withSite("kb100009:\n  Retries: 3\nkb100001:\n  Retries: 9\n");
  assert.equal(codes, ["site-unknown-playbook@1:1", "site-bad-value@4:12"]);
});

test("a | in a site value stays inside its README cell", () => {
  const { file } = withSite("kb100092:\n  Name: 'a|b'\n", [BOTH_FILE]);
  assert.match(file("README.md"), "This build's site value: ` a\\|b `. |");
});

test("with a broken playbook, the site file is still read and its own errors reported", () => {
  const broken = join(BOTH, "broken");
  mkdirSync(broken, { recursive: true });
  writeFileSync(join(broken, "kb100094.yaml"), "schemaVersion: 1\nid: kb100094\n");
  const { codes } = withSite("kb100001: [x]\nkb100094:\n  A: 1\n", [FIXTURE, broken]);
  // The shape error is reported; kb100094 has no plan, so it is not called unknown.
  assert.equal(codes, ["site-shape@1:11"]);
});

test("a playbook id in another case: the warning names the id to write", () => {
  const { compiled } = withSite("KB100001:\n  Retries: 3\n");
  assert.match(compiled.diagnostics.map((d) => d.hint).join("\n"), "write 'kb100001'");
});

test("the loader's messages name the site file", () => {
  const { compiled } = withSite("# nothing\n");
  assert.match(compiled.diagnostics[0]!.message, "the site file is empty");
});

test("a site value is the default of both scripts, in the README and the manifest", () => {
  const { compiled, file } = withSite(
    "kb977203:\n  CcmCertFixFolder: '\\\\sccm01\\Sources$\\KB977203'\n",
    ["playbooks/kb977203.yaml"],
  );
  assert.match(
    file("kb977203.ps1"),
    "[string]$CcmCertFixFolder = '\\\\sccm01\\Sources$\\KB977203'",
  );
  assert.match(file(".fix.cmd"), 'set "KB_PARAM_CcmCertFixFolder=\\\\sccm01\\Sources$\\KB977203"');
  assert.match(file("README.md"), "This build's site value: ` \\\\sccm01\\Sources$\\KB977203 `.");
  const manifest = JSON.parse(file("manifest.json"));
  assert.equal(manifest.parameters[0].site, true);
  // Every route now has the value: the warning that some pass no arguments is gone.
  assert.not.ok(compiled.diagnostics.some((d) => d.code === "deploy-parameter-unset"));
  const plain = compilePlaybooks(["playbooks/kb977203.yaml"]);
  assert.ok(plain.diagnostics.some((d) => d.code === "deploy-parameter-unset"));
});

test("a required parameter given a site value is no longer required", () => {
  const dir = tempDir("kbfix-site-required-");
  try {
    const playbook = fixturePlaybook({
      id: "kb100091",
      title: "A required folder",
      summary: "Reads a required folder.",
      parameters: [{ name: "Folder", type: "path", description: "A folder.", required: true }],
      evidence: [{ id: "mark", kind: "file-size", path: "%Folder%\\mark.bin", aboveBytes: 10 }],
      steps: [{ id: "look", kind: "manual", text: "Look at the folder." }],
    });
    writeFileSync(join(dir, "kb100091.yaml"), dump(playbook));
    const { file } = withSite("kb100091:\n  Folder: 'D:\\Data'\n", [join(dir, "kb100091.yaml")]);
    const manifest = JSON.parse(file("manifest.json"));
    assert.equal(
      [manifest.parameters[0].required, manifest.parameters[0].default],
      [false, "D:\\Data"],
    );
    assert.match(file(".ps1"), "[string]$Folder = 'D:\\Data'");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
