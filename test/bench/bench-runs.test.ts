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
  // CPU time is counted in clock ticks: on a tiny input a baseline can measure 0 (Infinity).
  for (const line of targets.filter((l) => !l.includes("peak RSS")))
    assert.match(line, /: (\d+\.\d\d|Infinity|NaN)x \(target <= \d+x\)$/);
  assert.match(run.stdout, /compile 3 playbooks vs raw parse \+ write of the bytes compile writes/);
  assert.match(run.stdout, /^(all benchmark targets met|some benchmark targets missed)$/m);
});

test.run();
