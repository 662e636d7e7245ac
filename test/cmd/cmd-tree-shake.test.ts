// The batch runtime shaker on small made-up scripts: what it keeps (named, named through a
// variable, fallen into), what it drops (unnamed, named only in a rem line), and the runtime
// files it refuses. The emitted scripts' own labels are checked in emit-cmd.test.ts.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { EmitError, encodeStaticBlock, type StaticBlock } from "../../src/emit/bytes.js";
import { shakeCmdRuntime } from "../../src/emit/cmd/cmd-tree-shake.js";

const runtime = (text: string, name = "cmd/runtime/demo"): StaticBlock =>
  encodeStaticBlock(text + "\n\n", name);

const DEMO = [
  "rem ---- demo: a heading ----",
  ":kb_named",
  "call :kb_helper",
  "exit /b 0",
  "",
  ":kb_helper",
  "rem names :kb_only_in_rem in a comment only",
  "exit /b 0",
  "",
  ":kb_only_in_rem",
  "exit /b 0",
  "",
  ":kb_by_variable",
  "if x==y set /a n+=1",
  ":kb_fallen_into",
  "exit /b 0",
  "",
  ":kb_unnamed",
  "exit /b 0",
].join("\n");

function shakenText(body: string, ...blocks: StaticBlock[]): string {
  return shakeCmdRuntime([body, ...blocks])
    .map((p) => (typeof p === "string" ? p : p.text))
    .join("");
}

const labelsOf = (text: string): string[] =>
  text
    .split("\n")
    .filter((l) => l.startsWith(":"))
    .map((l) => l.slice(1));

test("keeps what the body names, what that names, through a variable and by falling through", () => {
  const text = shakenText('call :kb_named\nset "KB_ST_READ=kb_by_variable"\n', runtime(DEMO));
  assert.equal(labelsOf(text), ["kb_named", "kb_helper", "kb_by_variable", "kb_fallen_into"]);
  assert.ok(
    text.startsWith("call :kb_named\n") && text.includes("rem ---- demo: a heading ----\n"),
  );
  assert.not.match(text, /\n\n\n/);
});

test("a name in a rem line keeps nothing, in the body or in the runtime", () => {
  const text = shakenText("rem see :kb_unnamed\ncall :kb_helper\n", runtime(DEMO));
  assert.equal(labelsOf(text), ["kb_helper"]);
});

test("labels are matched as cmd matches them: ignoring case", () => {
  assert.equal(labelsOf(shakenText("CALL :KB_Unnamed\n", runtime(DEMO))), ["kb_unnamed"]);
});

test("a file nothing reaches is left out whole, heading and all; one fully reached is the same block", () => {
  const used = runtime(":kb_used\nexit /b 0", "cmd/runtime/used");
  const pieces = shakeCmdRuntime(["call :kb_used\n", runtime(DEMO), used, "\nexit /b 0\n"]);
  assert.is(pieces.length, 3);
  assert.is(pieces[1], used);
});

test("the body's own blocks (not cmd/runtime) are never cut", () => {
  const partial = encodeStaticBlock(":kb_partial_label\nexit /b 0\n\n", "cmd/partials/x");
  assert.equal(shakeCmdRuntime(["exit /b 0\n", partial]), ["exit /b 0\n", partial]);
});

test("the same reached set gives the same block object (encoded once per run)", () => {
  const block = runtime(DEMO);
  const first = shakeCmdRuntime(["call :kb_helper\n", block])[1];
  const second = shakeCmdRuntime(["call :kb_helper\n", block])[1];
  assert.ok(first !== block);
  assert.is(first, second);
});

test("refuses a runtime file whose last subroutine runs on into whatever follows", () => {
  assert.throws(
    () => shakeCmdRuntime(["call :kb_a\n", runtime(":kb_a\nset x=1")]),
    (e: unknown) => e instanceof EmitError && /:kb_a runs on past the end/.test(e.message),
  );
});

test("refuses code above a runtime file's first label (nothing could reach or drop it)", () => {
  assert.throws(
    () => shakeCmdRuntime(["", runtime("set x=1\n:kb_a\nexit /b 0")]),
    (e: unknown) => e instanceof EmitError && /only comments may come before/.test(e.message),
  );
});

test.run();
