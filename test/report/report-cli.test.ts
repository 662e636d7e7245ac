// kbfix report on the command line: exit 0 when every input was read, 1 with input problems
// or no runs, 2 for usage errors; messages, never a stack trace; --html writes the page.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { FIXTURES, folderWith, tempFolder } from "./temp-inputs.js";

function kbfix(...args: string[]): { code: number; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ["dist/bundle/cli.js", ...args], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

const noStack = (text: string) => assert.not.match(text, /\n\s+at /, "no stack trace");

test("every input read: exit 0, the text report on stdout", () => {
  const r = kbfix("report", FIXTURES);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /^kbfix report: 12 result files/);
  assert.match(r.stdout, /^kb822798 \(tool 0\.1\.0\)/m);
  assert.is(r.stderr, "");
});

test("--format json is the documented JSON; --html writes one page", () => {
  const html = join(tempFolder(), "fleet.html");
  const r = kbfix("report", FIXTURES, "--format", "json", "--html", html);
  assert.is(r.code, 0, r.stderr);
  assert.is(JSON.parse(r.stdout).inputs.machines, 11);
  assert.ok(existsSync(html));
  assert.match(readFileSync(html, "utf8"), /^<!DOCTYPE html>/);
  assert.match(r.stderr, `wrote ${html}`);
});

test("input problems: exit 1, the report still printed, a one-line note on stderr", () => {
  const dir = folderWith({ "cut.result.json": '{"tool":', "x.csv": "a,b\n" });
  const r = kbfix("report", FIXTURES, dir);
  assert.is(r.code, 1);
  assert.match(r.stdout, /^Input problems \(2\)$/m);
  assert.match(r.stdout, /invalid-json .*cut\.result\.json/);
  assert.match(r.stderr, "2 input problem(s)");
  noStack(r.stderr);
});

test("no runs at all: exit 1 and says so; a missing path is an input problem", () => {
  const empty = kbfix("report", folderWith({}));
  assert.is(empty.code, 1);
  assert.match(empty.stderr, "no runs found");
  const missing = kbfix("report", "no/such/folder");
  assert.is(missing.code, 1);
  assert.match(missing.stdout, /not-found +no\/such\/folder/);
});

test("usage errors exit 2 with a message: no inputs, bad numbers, bad format", () => {
  for (const args of [
    ["report"],
    ["report", FIXTURES, "--top", "-1"],
    ["report", FIXTURES, "--max-file-mb", "0"],
    ["report", FIXTURES, "--max-machines", "x"],
    ["report", FIXTURES, "--format", "xml"],
  ]) {
    const r = kbfix(...args);
    assert.is(r.code, 2, args.join(" "));
    assert.match(r.stderr, /^kbfix/);
    noStack(r.stderr);
  }
});

test("an --html file that cannot be written: exit 1 and the reason", () => {
  const r = kbfix("report", FIXTURES, "--html", join(tempFolder(), "no", "such", "dir", "x.html"));
  assert.is(r.code, 1);
  assert.match(r.stderr, "cannot write");
  noStack(r.stderr);
});

test("report is in the help", () => {
  const r = kbfix("--help");
  assert.match(r.stdout, "report <inputs..>");
  assert.is(kbfix("report", "--help").code, 0);
});

test.run();
