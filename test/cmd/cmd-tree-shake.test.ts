// The batch runtime shaker and its section on small made-up runtime files: what it keeps
// (named, named through a variable, fallen into), what it drops (unnamed, named only in a rem
// line), the files it refuses, and the marker's hash. The emitted scripts' own labels and
// sections are checked in emit-cmd.test.ts and cmd-runtime-section.test.ts.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { EmitError } from "../../src/emit/bytes.js";
import { cmdRuntimeSection } from "../../src/emit/cmd/cmd-runtime-section.js";
import { cmdRuntimeFile } from "../../src/emit/cmd/cmd-subroutines.js";
import { shakeCmdRuntime } from "../../src/emit/cmd/cmd-tree-shake.js";
import { findRuntimeSection } from "../../src/emit/runtime-marker.js";

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
  "",
].join("\n");

const OTHER = "rem ---- other: a second file ----\n:kb_other\nexit /b 0\n";

const library = [cmdRuntimeFile("demo", DEMO), cmdRuntimeFile("other", OTHER)];

function shaken(body: string): string {
  return cmdRuntimeSection(library, shakeCmdRuntime(library, body), "9.9.9").text;
}

const labelsOf = (text: string): string[] =>
  text
    .split("\n")
    .filter((l) => l.startsWith(":"))
    .map((l) => l.slice(1));

test("keeps what the body names, what that names, through a variable and by falling through", () => {
  const text = shaken('call :kb_named\nset "KB_ST_READ=kb_by_variable"\n');
  assert.equal(labelsOf(text), ["kb_named", "kb_helper", "kb_by_variable", "kb_fallen_into"]);
  assert.ok(text.includes("\nrem ---- demo: a heading ----\n:kb_named\n"));
  assert.not.ok(text.includes("other"), "a file nothing reaches goes, heading and all");
  assert.not.match(text, /\n\n\n/);
});

test("a name in a rem line keeps nothing, in the body or in the runtime", () => {
  assert.equal(labelsOf(shaken("rem see :kb_unnamed\ncall :kb_helper\n")), ["kb_helper"]);
});

test("labels and the names that reach them are lower case (cmd-runtime-section checks the scripts)", () => {
  assert.equal(labelsOf(shaken("CALL :kb_unnamed\nset KB_UNNAMED=1\n")), ["kb_unnamed"]);
  assert.equal(labelsOf(shaken("set KB_NAMED=1\n")), []);
  assert.throws(
    () => cmdRuntimeFile("bad", ":KB_Upper\nexit /b 0\n"),
    (e: unknown) => e instanceof EmitError && /in lower case/.test(e.message),
  );
});

test("the section is framed by markers whose hash is that of the lines between them", () => {
  const text = shaken("call :kb_other\ncall :kb_named\n");
  const lines = text.split("\n");
  assert.match(lines[0]!, /^rem ==== kbfix runtime 9\.9\.9, sha256 [0-9a-f]{64} ====$/);
  assert.is(lines.at(-1), "rem ==== end of kbfix runtime ====");
  const found = findRuntimeSection(text)!;
  assert.is(found.claimed, found.actual);
  assert.equal(labelsOf(text), ["kb_named", "kb_helper", "kb_other"]);
  assert.ok(text.includes("exit /b 0\n\nrem ---- other"), "one blank line between files");
});

test("the same reached set gives the same section object (encoded once per run)", () => {
  const kept = shakeCmdRuntime(library, "call :kb_helper\n");
  assert.is(cmdRuntimeSection(library, kept, "1"), cmdRuntimeSection(library, kept, "1"));
  assert.is.not(cmdRuntimeSection(library, kept, "1"), cmdRuntimeSection(library, kept, "2"));
});

test("refuses a runtime file whose last subroutine runs on into whatever follows", () => {
  assert.throws(
    () => cmdRuntimeFile("bad", ":kb_a\nset x=1\n"),
    (e: unknown) => e instanceof EmitError && /:kb_a runs on past the end/.test(e.message),
  );
});

test("refuses a label the shaker would not cut at: indented, or with text after it", () => {
  for (const text of [
    ":kb_a\n  :kb_b\nexit /b 0\n",
    ":kb_a\nexit /b 0\n:kb_b the target\nexit /b 0\n",
  ])
    assert.throws(
      () => cmdRuntimeFile("bad", text),
      (e: unknown) => e instanceof EmitError && /a label alone at the start/.test(e.message),
    );
});

test("a goto that closes a block does not end the run: the next subroutine is kept", () => {
  const file = cmdRuntimeFile("blocky", ":kb_a\nif x==y (\n  goto :kb_c)\n:kb_b\nexit /b 0\n");
  assert.equal(
    [...shakeCmdRuntime([file], "call :kb_a\n")].map((s) => s.label),
    ["kb_a", "kb_b"],
  );
});

test("refuses code above a runtime file's first label (nothing could reach or drop it)", () => {
  assert.throws(
    () => cmdRuntimeFile("bad", "set x=1\n:kb_a\nexit /b 0\n"),
    (e: unknown) => e instanceof EmitError && /only comments may come before/.test(e.message),
  );
});

test.run();
