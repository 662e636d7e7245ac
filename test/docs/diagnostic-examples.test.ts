// The examples in docs/diagnostics.md that name a file of this repository are what kbfix prints
// for that file today: the test compiles those files and finds each example's line in the
// output (an example ending in "..." is a prefix). Examples about made-up files are not run.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "../support/temp-dir.js";

const EXAMPLE = /^([\w./-]+\.yaml):\d+:\d+: (?:error|warning) [a-z-]+: .*$/gm;

const examples = [...readFileSync("docs/diagnostics.md", "utf8").matchAll(EXAMPLE)]
  .filter((m) => existsSync(m[1]!))
  .map((m) => ({ file: m[1]!, line: m[0].replace(/\.\.\.$/, "") }));

test("docs/diagnostics.md has examples on real files (so this test runs something)", () => {
  assert.ok(examples.length >= 2, JSON.stringify(examples));
});

test("each example on a real file is what compile prints for it", () => {
  const out = tempDir("kbfix-doc-examples-");
  try {
    const files = [...new Set(examples.map((e) => e.file))];
    const run = spawnSync(
      process.execPath,
      ["dist/bundle/cli.js", "compile", "--out", out, ...files],
      {
        encoding: "utf8",
      },
    );
    const printed = (run.stdout + run.stderr).split("\n");
    for (const { line } of examples)
      assert.ok(
        printed.some((p) => p.startsWith(line)),
        `docs/diagnostics.md shows\n  ${line}\nbut compile prints\n  ${printed.filter((p) => p.includes(line.split(": ")[1]!.split(" ")[1]!)).join("\n  ")}`,
      );
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test.run();
