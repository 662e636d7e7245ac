// `kbfix compile`: writes out/<id>/ atomically (a bad playbook changes nothing),
// --check fails on a stale out/, and stale playbook folders are removed.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "../support/temp-dir.js";

function kbfix(cwd: string, ...args: string[]): { code: number; stderr: string } {
  const cli = join(process.cwd(), "dist/bundle/cli.js");
  const run = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { code: run.status ?? -1, stderr: run.stderr };
}

function workspace(): string {
  const dir = tempDir("kbfix-compile-");
  cpSync("playbooks", join(dir, "playbooks"), { recursive: true });
  return dir;
}

function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string, prefix: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (
        existsSync(path) &&
        readdirSync(d, { withFileTypes: true })
          .find((e) => e.name === name)!
          .isDirectory()
      )
        walk(path, `${prefix}${name}/`);
      else files.set(`${prefix}${name}`, readFileSync(path, "latin1"));
    }
  };
  if (existsSync(dir)) walk(dir, "");
  return files;
}

test("compile writes every playbook's files, and --check then passes", () => {
  const dir = workspace();
  const r = kbfix(dir, "compile");
  assert.is(r.code, 0, r.stderr);
  for (const id of ["kb2328240", "kb822798", "kb977203"]) {
    for (const file of [
      `${id}.ps1`,
      `${id}.detect.ps1`,
      `${id}.launch.cmd`,
      "README.md",
      "manifest.json",
    ])
      assert.ok(existsSync(join(dir, "out", id, file)), `${id}/${file}`);
  }
  assert.is(kbfix(dir, "compile", "--check").code, 0);
});

test("a bad playbook among good ones: exit 1 and out/ unchanged", () => {
  const dir = workspace();
  assert.is(kbfix(dir, "compile").code, 0);
  const before = snapshot(join(dir, "out"));
  writeFileSync(
    join(dir, "playbooks", "kb822798.yaml"),
    readFileSync(join(dir, "playbooks", "kb822798.yaml"), "utf8").replace("title: ", "titel: "),
  );
  writeFileSync(
    join(dir, "playbooks", "kb2328240.yaml"),
    readFileSync(join(dir, "playbooks", "kb2328240.yaml"), "utf8").replace(
      "summary: >-",
      "summary: >- changed",
    ),
  );
  const r = kbfix(dir, "compile");
  assert.is(r.code, 1);
  assert.match(r.stderr, /unknown-key/);
  assert.match(r.stderr, /nothing written/);
  assert.equal(snapshot(join(dir, "out")), before);
});

test("--check reports a stale file, a missing one and a stale folder", () => {
  const dir = workspace();
  assert.is(kbfix(dir, "compile").code, 0);
  const script = join(dir, "out", "kb977203", "kb977203.ps1");
  writeFileSync(
    script,
    readFileSync(script, "latin1").replace("Set-StrictMode", "Set-Strictmode"),
    "latin1",
  );
  mkdirSync(join(dir, "out", "kb000000"));
  writeFileSync(join(dir, "out", "kb000000", "old.ps1"), "x");
  const r = kbfix(dir, "compile", "--check");
  assert.is(r.code, 1);
  assert.match(r.stderr, /out\/kb977203\/kb977203\.ps1: changed/);
  assert.match(r.stderr, /out\/kb000000\/old\.ps1: removed/);
  assert.is(kbfix(dir, "compile").code, 0);
  assert.not.ok(
    existsSync(join(dir, "out", "kb000000")),
    "a folder no playbook produces is removed",
  );
  assert.is(kbfix(dir, "compile", "--check").code, 0);
});

test("a value the emitter cannot carry is a positioned diagnostic, and nothing is written", () => {
  const dir = workspace();
  const fixture = readFileSync("test/fixtures/kb100001.yaml", "utf8");
  const line = fixture.split("\n").findIndex((l) => l.includes("text: Do this by hand.")) + 1;
  writeFileSync(
    join(dir, "playbooks", "kb100001.yaml"),
    fixture.replace("text: Do this by hand.", 'text: "Do \\uD800 by hand."'),
  );
  const before = snapshot(dir);
  const run = kbfix(dir, "compile", "playbooks/kb100001.yaml");
  assert.is(run.code, 1);
  assert.match(
    run.stderr,
    new RegExp(`kb100001\\.yaml:${line}:\\d+: error emit-value: .*text: .*lone surrogate`),
  );
  assert.match(run.stderr, /nothing written/);
  assert.not.match(run.stderr, /\n\s+at /, "no stack trace");
  assert.equal(snapshot(dir), before);
});

test.run();
