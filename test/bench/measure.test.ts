// report() gives a verdict only on a ratio that means something: a time that measured 0 ms
// (Infinity, NaN) or a ratio of 0 is a missed target with the reason, never "ok".
import { test } from "uvu";
import * as assert from "uvu/assert";
import { report, timeInAlternation, timeIt } from "./measure.js";

function printed(fn: () => boolean): [boolean, string] {
  const lines: string[] = [];
  const log = console.log;
  console.log = (line: string) => void lines.push(line);
  try {
    return [fn(), lines.join("\n")];
  } finally {
    console.log = log;
  }
}

test("a finite ratio is compared with its target", () => {
  assert.equal(
    printed(() => report("t", 1.5, 2)),
    [true, "ok   t: 1.50x (target <= 2x)"],
  );
  assert.equal(
    printed(() => report("t", 2.5, 2)),
    [false, "SLOW t: 2.50x (target <= 2x)"],
  );
});

for (const ratio of [Infinity, -Infinity, NaN, 0, -1])
  test(`a ratio of ${ratio} is missed, and says it was not measured`, () => {
    const [ok, line] = printed(() => report("t", ratio, 2));
    assert.is(ok, false);
    assert.is(
      line,
      `SLOW t: not measured, the ratio is ${ratio} (a time measured 0 ms or not a number; target <= 2x)`,
    );
  });

test("a call far shorter than a clock tick still measures more than 0 ms", () => {
  const ms = timeIt(1, () => {});
  assert.ok(Number.isFinite(ms) && ms > 0, String(ms));
});

test("timeInAlternation times the two sides one run after the other, never all of one first", () => {
  const calls: string[] = [];
  const spin = (side: string) => () => {
    if (calls.at(-1) !== side) calls.push(side);
    const end = Date.now() + 2;
    while (Date.now() < end);
  };
  const { ms, baselineMs, ratio } = timeInAlternation(3, spin("fn"), spin("baseline"));
  assert.equal(calls, ["fn", "baseline", "fn", "baseline", "fn", "baseline"]);
  for (const n of [ms, baselineMs, ratio]) assert.ok(Number.isFinite(n) && n > 0, String(n));
});

test.run();
