// Site values (kbfix compile --site): each is checked against its parameter as a default is, and
// against what both scripts carry, with the site file's positions; one that passes becomes the
// default every script and route has, and the playbook's own output is untouched without it.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dump } from "js-yaml";
import { compilePlaybooks } from "../../src/pipeline/compile-all.js";
import { fixturePlaybook } from "../support/fixture-playbook.js";

const FIXTURE = "test/fixtures/kb100001.yaml";

/** Compiles the every-kind fixture (or `playbooks`) with a site file of `text`. */
function withSite(text: string, playbooks = [FIXTURE]) {
  const dir = mkdtempSync(join(tmpdir(), "kbfix-site-"));
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

const cases: [string, string, string[]][] = [
  ["an int outside its range", "kb100001:\n  Retries: 9\n", ["site-bad-value@2:12"]],
  ["an int as text", "kb100001:\n  Retries: '3'\n", ["site-bad-value@2:12"]],
  ["an enum value not listed", "kb100001:\n  Mode: slow\n", ["site-bad-value@2:9"]],
  ["text against the pattern", "kb100001:\n  Label: ABC\n", ["site-bad-value@2:10"]],
  ["a switch on", "kb100001:\n  Force: true\n", ["site-bad-value@2:10"]],
  ["a relative path", "kb100001:\n  CertFile: 'certs\\root.cer'\n", ["site-bad-value@2:13"]],
  ["a lone surrogate", 'kb100001:\n  CertFile: "C:\\\\\\uD800"\n', ["site-bad-value@2:13"]],
  ["a parameter not declared", "kb100001:\n  Retry: 3\n", ["site-unknown-parameter@2:3"]],
  ["a list for a playbook", "kb100001: [Retries]\n", ["site-shape@1:11"]],
  ["a mapping for a value", "kb100001:\n  Retries: { a: 1 }\n", ["site-shape@2:12"]],
  ["a playbook not compiled", "kb100009:\n  Retries: 3\n", ["site-unknown-playbook@1:1"]],
  [
    "a value batch cannot carry",
    "kb100001:\n  CertFile: 'C:\\a&b.cer'\n",
    ["cmd-unsafe-value@2:13"],
  ],
  ["valid values, any case of the name", "kb100001:\n  retries: 3\n  CertFile: 'C:\\c.cer'\n", []],
];

for (const [name, text, want] of cases)
  test(`site file: ${name}`, () => {
    const { codes, compiled } = withSite(text);
    assert.equal(codes, want, compiled.diagnostics.map((d) => d.message).join("\n"));
  });

test("an error in the site file writes nothing; a warning does not stop the build", () => {
  assert.equal(withSite("kb100001:\n  Retries: 9\n").compiled.files, []);
  const unsafe = withSite("kb100001:\n  CertFile: 'C:\\a&b.cer'\n");
  assert.ok(unsafe.compiled.files.length > 0);
  assert.match(unsafe.file(".ps1"), "[string]$CertFile = 'C:\\a&b.cer'");
  assert.not.match(unsafe.file(".fix.cmd"), "a&b");
});

test("a site value is the default of both scripts, in the README and the manifest", () => {
  const { compiled, file } = withSite("kb977203:\n  CcmCertFixFolder: '\\\\sccm01\\KB977203'\n", [
    "playbooks/kb977203.yaml",
  ]);
  assert.match(file("kb977203.ps1"), "[string]$CcmCertFixFolder = '\\\\sccm01\\KB977203'");
  assert.match(file(".fix.cmd"), 'set "KB_PARAM_CcmCertFixFolder=\\\\sccm01\\KB977203"');
  assert.match(file("README.md"), "This build's site value: ` \\\\sccm01\\KB977203 `.");
  const manifest = JSON.parse(file("manifest.json"));
  assert.equal(manifest.parameters[0].site, true);
  // Every route now has the value: the warning that some pass no arguments is gone.
  assert.not.ok(compiled.diagnostics.some((d) => d.code === "deploy-parameter-unset"));
  const plain = compilePlaybooks(["playbooks/kb977203.yaml"]);
  assert.ok(plain.diagnostics.some((d) => d.code === "deploy-parameter-unset"));
});

test("a required parameter given a site value is no longer required", () => {
  const dir = mkdtempSync(join(tmpdir(), "kbfix-site-required-"));
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
