// Bad input never crashes the roll-up and is never dropped silently: each class is counted
// under its kind and named with the file and the reason, and the good files still count.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { rollUp } from "../../src/report/roll-up.js";
import { fixture, folderWith, tempFolder, variant } from "./temp-inputs.js";

const GOOD = "WS-0001.run1.kb822798.result.json";
const goodText = JSON.stringify(fixture(GOOD), null, 2);

function problemsOf(dir: string, maxFileBytes = 5 * 1024 * 1024) {
  const r = rollUp([dir], { maxFileBytes, top: 10 });
  return {
    report: r,
    named: r.problems.map((p) => [p.kind, p.path.slice(dir.length + 1), p.message]),
  };
}

test("truncated and empty JSON: invalid-json, named, the good file still counts", () => {
  const dir = folderWith({
    "good.result.json": goodText,
    "cut.result.json": goodText.slice(0, 300),
    "empty.result.json": "",
  });
  const { report, named } = problemsOf(dir);
  assert.is(report.inputs.machines, 1);
  assert.is(report.problemCounts["invalid-json"], 2);
  assert.equal(
    named.map(([kind, path]) => [kind, path]),
    [
      ["invalid-json", "cut.result.json"],
      ["invalid-json", "empty.result.json"],
    ],
  );
  assert.match(named[0]![2]!, /^not valid JSON/);
});

test("foreign JSON: valid JSON that is not a kbfix result", () => {
  const dir = folderWith({
    "array.result.json": [1, 2],
    "other.result.json": { tool: "something-else", computer: "X" },
    "null.result.json": "null",
  });
  const { report } = problemsOf(dir);
  assert.is(report.problemCounts["foreign-json"], 3);
  assert.is(report.inputs.runs, 0);
});

test("schema versions: missing = version 0 (read, counted as legacy); newer = unsupported; odd = invalid", () => {
  const legacy = fixture(GOOD);
  delete legacy.resultSchemaVersion;
  const dir = folderWith({
    "legacy.result.json": { ...legacy, computer: "OLD-1" },
    "future.result.json": variant(GOOD, { resultSchemaVersion: 2, computer: "NEW-1" }),
    "odd.result.json": variant(GOOD, { resultSchemaVersion: "1", computer: "ODD-1" }),
  });
  const { report, named } = problemsOf(dir);
  assert.is(report.inputs.legacyRuns, 1);
  assert.is(report.inputs.machines, 1);
  assert.equal(
    named.map(([kind, path]) => `${kind} ${path}`),
    ["unsupported-version future.result.json", "invalid-result odd.result.json"],
  );
  assert.match(named[0]![2]!, "resultSchemaVersion 2");
});

test("a kbfix result without what the roll-up needs is invalid-result, saying what is missing", () => {
  const dir = folderWith({
    "no-computer.result.json": variant(GOOD, { computer: "" }),
    "no-results.result.json": variant(GOOD, { results: "none" }),
    "bad-exit.result.json": variant(GOOD, { exitCode: "0" }),
    "no-id.result.json": variant(GOOD, { playbook: {} }),
  });
  const { named } = problemsOf(dir);
  assert.equal(
    named.map(([kind, path, message]) => `${kind} ${path}: ${message}`),
    [
      "invalid-result bad-exit.result.json: exitCode is not an integer",
      "invalid-result no-computer.result.json: computer is missing",
      "invalid-result no-id.result.json: playbook.id is missing",
      "invalid-result no-results.result.json: results is not a list",
    ],
  );
});

test("a file over the size cap is skipped and named with its size", () => {
  const dir = folderWith({
    "big.result.json": goodText + " ".repeat(5000),
    "good.result.json": goodText,
  });
  const cap = Buffer.byteLength(goodText) + 100;
  const { report, named } = problemsOf(dir, cap);
  assert.equal(
    named.map(([kind, path]) => `${kind} ${path}`),
    ["too-large big.result.json"],
  );
  assert.match(named[0]![2]!, /bytes, over the limit of \d+ bytes/);
  assert.is(report.inputs.machines, 1);
});

test("files larger than the reader's reused buffer are read whole, or named when over the cap", () => {
  // Small files are read into one reused 64 KiB buffer; these take the other path.
  const padded = goodText + " ".repeat(200_000);
  const dir = folderWith({ "big.result.json": padded, "huge.result.json": padded + " " });
  const cap = Buffer.byteLength(padded);
  const { report, named } = problemsOf(dir, cap);
  assert.is(report.inputs.machines, 1);
  assert.equal(
    named.map(([kind, path, message]) => `${kind} ${path} ${message}`),
    [
      `too-large huge.result.json ${cap + 1} bytes, over the limit of ${cap} bytes (see --max-file-mb)`,
    ],
  );
});

test("an unreadable file and an unreadable folder are named", () => {
  if (process.getuid?.() === 0) {
    // root reads everything: simulate with a name that is a folder where a file is expected.
    const dir = folderWith({ "good.result.json": goodText });
    mkdirSync(join(dir, "dir.result.json"));
    writeFileSync(join(dir, "dir.result.json", "x.txt"), "");
    const r = rollUp([join(dir, "dir.result.json", "missing.result.json"), dir]);
    assert.is(r.problemCounts["not-found"], 1);
    assert.is(r.inputs.machines, 1);
    return;
  }
  const dir = folderWith({ "locked.result.json": goodText, "sub/locked2.result.json": goodText });
  chmodSync(join(dir, "locked.result.json"), 0);
  chmodSync(join(dir, "sub"), 0);
  const r = rollUp([dir]);
  assert.is(r.problemCounts.unreadable, 2);
});

test("duplicates are reported as superseded, not as problems", () => {
  const dir = folderWith({
    "a.result.json": variant(GOOD, { finishedUtc: "2020-01-01T00:00:00Z" }),
    "b.result.json": goodText,
  });
  const { report } = problemsOf(dir);
  assert.is(report.inputs.superseded, 1);
  assert.is(report.inputs.problems, 0);
});

test("symbolic links: out of the tree skipped and named, inside read once, folders not followed", () => {
  const outside = folderWith({ "x.result.json": variant(GOOD, { computer: "OUTSIDE" }) });
  const dir = folderWith({ "real/a.result.json": goodText });
  symlinkSync(join(outside, "x.result.json"), join(dir, "out.result.json"));
  symlinkSync(join(dir, "real", "a.result.json"), join(dir, "same.result.json"));
  symlinkSync(join(dir, "real"), join(dir, "loop"));
  symlinkSync(join(dir, "nowhere"), join(dir, "dangling.result.json"));
  const { report, named } = problemsOf(dir);
  assert.is(report.inputs.machines, 1);
  assert.is(report.inputs.superseded, 0, "the same file through two names is read once");
  assert.equal(
    named.map(([kind, path]) => `${kind} ${path}`),
    [
      "symlink-skipped dangling.result.json",
      "symlink-skipped loop",
      "symlink-skipped out.result.json",
    ],
  );
});

test("missing inputs and named files of another type are problems; logs in folders are counted", () => {
  const dir = folderWith({ "kb822798.log": "log", "good.result.json": goodText, "notes.txt": "x" });
  const r = rollUp([join(dir, "nope"), join(dir, "notes.txt"), dir]);
  assert.equal(
    r.problems.map((p) => p.kind),
    ["not-found", "not-a-result-file"],
  );
  assert.is(r.inputs.ignoredFiles, 2);
  assert.is(r.inputs.machines, 1);
});

test("named problems stop at a limit per kind; the count stays complete", () => {
  const dir = tempFolder();
  for (let i = 0; i < 250; i++) writeFileSync(join(dir, `bad${i}.result.json`), "{");
  const r = rollUp([dir]);
  assert.is(r.problemCounts["invalid-json"], 250);
  assert.is(r.inputs.problems, 250);
  assert.is(r.problems.length, 200);
});

test.run();
