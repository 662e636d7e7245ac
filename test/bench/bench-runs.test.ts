// `npm run bench` is not a test (its targets are ratios on a shared machine), but the script
// itself must keep running: here on a tiny library, every section but cold start (which only
// starts processes), checking that each target prints as a ratio and a verdict, never a time.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";

test("the bench runs on a tiny input and prints every target as a ratio with its verdict", () => {
  const run = spawnSync(
    process.execPath,
    ["dist/test/bench/bench.js", "validate", "compile", "report", "--count", "3"],
    { encoding: "utf8" },
  );
  assert.is(run.status, 0, run.stderr);
  const targets = run.stdout.split("\n").filter((l) => /^(ok  |SLOW|BIG ) /.test(l));
  assert.is(targets.length, 6, run.stdout);
  // Every ratio is a finite positive number (timeIt samples at least a few clock ticks, so a
  // tiny input still measures more than 0 ms); a zero or unparsable time fails here.
  for (const line of targets.filter((l) => !l.includes("peak RSS"))) {
    const ratio = /: (\d+\.\d\d)x \(target <= \d+x\)$/.exec(line)?.[1];
    assert.ok(ratio !== undefined, `not a ratio: ${line}`);
    assert.ok(Number.isFinite(Number(ratio)) && Number(ratio) > 0, `not a positive ratio: ${line}`);
  }
  assert.match(run.stdout, /compile 3 playbooks vs raw parse \+ write of the bytes compile writes/);
  const summary = run.stdout.trimEnd().split("\n").at(-1);
  const missed = targets.some((l) => !l.startsWith("ok  "));
  assert.is(summary, missed ? "some benchmark targets missed" : "all benchmark targets met");
});

test.run();
