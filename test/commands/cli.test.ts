// The command line as people use it: exit codes 0 / 1 / 2, compiler-style
// diagnostics, JSON for machines, no colour off a TTY, and no stack traces.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "../support/temp-dir.js";

function kbfix(...args: string[]): { code: number; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ["dist/bundle/cli.js", ...args], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

const version = JSON.parse(readFileSync("package.json", "utf8")).version;

test("validate: the committed playbooks pass", () => {
  const r = kbfix("validate");
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stderr, /4 playbooks checked: 0 errors/);
});

test("validate: a bad playbook gives file:line:col: error CODE: message and exit 1", () => {
  const dir = tempDir("kbfix-cli-");
  writeFileSync(join(dir, "kb1.yaml"), "schemaVersion: 1\nid: kb1\nfoo: [\n");
  const r = kbfix("validate", join(dir, "kb1.yaml"));
  assert.is(r.code, 1);
  assert.match(
    r.stderr,
    new RegExp(
      `^${dir.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/kb1\\.yaml:\\d+:\\d+: error yaml-syntax: `,
      "m",
    ),
  );
  assert.not.match(r.stderr, /\n\s+at /, "no stack trace");
  assert.not.match(r.stderr, /\x1b\[/, "no colour off a TTY");
});

test("validate --format json is machine-readable", () => {
  const dir = tempDir("kbfix-cli-");
  writeFileSync(join(dir, "kb2.yaml"), "- a list\n");
  const r = kbfix("validate", dir, "--format", "json");
  assert.is(r.code, 1);
  const diagnostics = JSON.parse(r.stdout);
  assert.is(diagnostics[0].code, "not-a-mapping");
  assert.is(diagnostics[0].line, 1);
});

test("a missing path is a diagnostic, not a crash", () => {
  const r = kbfix("validate", "no/such/dir");
  assert.is(r.code, 1);
  assert.match(r.stderr, /no-such-path/);
});

test("usage errors exit 2; --version and --help exit 0", () => {
  assert.is(kbfix("frobnicate").code, 2);
  assert.is(kbfix("explain").code, 2);
  const v = kbfix("--version");
  assert.is(v.code, 0);
  assert.is(v.stdout.trim(), version);
  const h = kbfix("--help");
  assert.is(h.code, 0);
  for (const command of ["validate", "list", "explain", "new", "compile", "sign", "report"])
    assert.match(h.stdout, command);
  assert.is(kbfix("validate", "--help").code, 0);
});

test("list: a table row per playbook", () => {
  const r = kbfix("list");
  assert.is(r.code, 0);
  assert.match(r.stdout, /^PLAYBOOK\s+KB\s+METHODS\s+RISK\s+REBOOT\s+TARGETS/m);
  assert.match(r.stdout, /^kb822798\s+822798\s+11\s+high\s+soft\s+ps1\+cmd/m);
});

test("explain: the plan in words, per method, in order", () => {
  const r = kbfix("explain", "kb822798");
  assert.is(r.code, 0, r.stderr);
  const methods = [...r.stdout.matchAll(/^Method (\d+):/gm)].map((m) => Number(m[1]));
  assert.equal(methods, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  assert.match(r.stdout, /Strategy: escalate/);
  assert.match(r.stdout, /only while detection finds the problem/);
  assert.match(
    r.stdout,
    /manual: .*\[[a-z0-9-]+; reported, changes nothing\]/,
    "manual guidance is not a state step",
  );
  assert.match(r.stdout, /register 10 DLL\(s\).*one-shot; only while detection finds the problem/);
});

test("explain: an unknown id suggests the closest", () => {
  const r = kbfix("explain", "kb82279");
  assert.is(r.code, 1);
  assert.match(r.stderr, /did you mean 'kb822798'/);
});

test("new: a scaffold that validates, never overwriting", () => {
  const dir = tempDir("kbfix-new-");
  assert.is(kbfix("new", "kb123456", "--dir", dir).code, 0);
  assert.ok(
    readFileSync(join(dir, "kb123456.yaml"), "utf8").startsWith("# yaml-language-server: $schema="),
  );
  assert.is(kbfix("validate", dir).code, 0);
  assert.is(kbfix("new", "kb123456", "--dir", dir).code, 1);
  assert.is(kbfix("new", "Bad Id", "--dir", dir).code, 2);
});

test("--site: validate checks the site file's values; compile wants an --out of its own", () => {
  const dir = tempDir("kbfix-cli-site-");
  const site = join(dir, "site.yaml");
  writeFileSync(site, "kb977203:\n  CcmCertFixFolder: 'Tools'\n");
  const validate = kbfix("validate", "--site", site);
  assert.is(validate.code, 1, validate.stderr);
  assert.match(validate.stderr, `${site}:2:21: error site-bad-value: `);
  const noOut = kbfix("compile", "--site", site);
  assert.is(noOut.code, 2, noOut.stderr);
  assert.match(noOut.stderr, "give it an --out folder of its own");
  assert.is(kbfix("validate", "--site=").code, 2);
  const twice = kbfix("validate", "--site", site, "--site", site);
  assert.is(twice.code, 2, twice.stderr);
  assert.match(twice.stderr, "give --site once");
  writeFileSync(site, "kb977203:\n  CcmCertFixFolder: 'D:\\Tools\\KB977203'\n");
  const built = kbfix("compile", "--site", site, "--out", join(dir, "out"));
  assert.is(built.code, 0, built.stderr);
  const script = readFileSync(join(dir, "out", "kb977203", "kb977203.ps1"), "latin1");
  assert.match(script, "[string]$CcmCertFixFolder = 'D:\\Tools\\KB977203'");
});

test("a control character a message quotes is shown escaped, never printed raw", () => {
  const dir = tempDir("kbfix-cli-escape-");
  const site = join(dir, "site.yaml");
  writeFileSync(site, 'kb977203:\n  "Cc\\e[31m\\nfake.yaml:1:1: error x": 1\n');
  const r = kbfix("validate", "--site", site);
  assert.is(r.code, 1);
  assert.not.match(r.stderr, /\x1b/);
  assert.not.match(r.stderr, /^fake\.yaml/m);
  assert.match(r.stderr, "\\u001b[31m\\u000afake.yaml");
});

test.run();
