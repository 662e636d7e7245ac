// A kind's batch call is rendered from its declaration: the declared order, shapes through the
// shared partials, `each` per item or case variant, calls only where declared, and a value the
// whitelist rejects is an error at the field that holds it, never a line of the script.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { cmdProbeCall, cmdStepCall } from "../../src/emit/cmd/cmd-call-text.js";
import { EmitError } from "../../src/emit/bytes.js";
import { parsePathExpr } from "../../src/model/path-expr.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { compileViewPlaybook, VIEW_ID, VIEW_KEY } from "../ps/scenarios/registry-view-playbook.js";

const span = { line: 3, column: 5, endLine: 3, endColumn: 20 };
/** Stands in for a shared partial: its name and nothing else, so the test sees where it goes. */
const partial = (name: string) => `<${name}>\n`;

function path(text: string) {
  const parsed = parsePathExpr(text, new Set());
  if (!("path" in parsed)) throw new Error(`not a path: ${text}`);
  return parsed.path;
}

test("a rename step: its path partial, its new name, then its subroutine", () => {
  const step = {
    kind: "rename",
    id: "r1",
    label: "kb_m1_s1",
    path: path("%windir%\\System32\\catroot2"),
    newName: "oldcatroot2",
    span,
  };
  assert.is(
    cmdStepCall(step, partial),
    '<path>\nset "KB_NEWNAME=oldcatroot2"\ncall :kb_step_rename',
  );
});

test("a file-contains probe: id, history baseline, a search per case variant, kept history, result", () => {
  const probe = {
    kind: "file-contains",
    id: "log",
    slot: "E2",
    var: "KB_E2",
    tokens: ["Ab"],
    withinDays: 30,
    span,
  };
  const lines = cmdProbeCall({ ...probe, path: path("%windir%\\x.log") }, partial).split("\n");
  assert.equal(lines, [
    'set "KB_E_ID=log"',
    'set "KB_FC_BASE=%KB_BASE_E2%"',
    'set "KB_FC_START=%KB_START_E2%"',
    'set "KB_FC_MEMO=%KB_MEMO_E2%"',
    "<path>",
    'set "KB_FC_DAYS=30"',
    "call :kb_probe_fc_begin",
    'set "KB_TOK=Ab"',
    'if "%KB_SEARCH%"=="1" if not defined KB_FOUND call :kb_probe_token',
    'set "KB_TOK=AB"',
    'if "%KB_SEARCH%"=="1" if not defined KB_FOUND call :kb_probe_token',
    'set "KB_TOK=ab"',
    'if "%KB_SEARCH%"=="1" if not defined KB_FOUND call :kb_probe_token',
    "call :kb_probe_fc_end",
    'set "KB_START_E2=%KB_FC_START%"',
    'set "KB_CUR_E2=%KB_FC_CUR%"',
    'set "KB_MEMO_E2=%KB_FC_MEMO%"',
    'set "KB_E2=%KB_PR%"',
  ]);
});

test("a registry probe's own key reaches the script: the probe's slot is not named key", () => {
  const dir = compileViewPlaybook(["ps1", "cmd"]);
  const script = readFileSync(join(dir, VIEW_ID, `${VIEW_ID}.fix.cmd`), "latin1");
  const probe = script.slice(script.indexOf('set "KB_E_ID=mode-32"'));
  assert.match(probe.split("\r\n")[1]!, `set "KB_RKEY=HKLM\\${VIEW_KEY}"`);
});

test("a value the batch whitelist rejects is an error at its field, not a line", () => {
  for (const newName of ["a%b", "a&b", 'a"b', "a\r\nb", "!x!"]) {
    const step = {
      kind: "rename",
      id: "r1",
      label: "kb_m1_s1",
      path: path("%windir%\\x"),
      newName,
      span,
    };
    assert.throws(
      () => cmdStepCall(step, partial),
      (e: unknown) => e instanceof EmitError && e.message.startsWith("newName:") && e.span === span,
    );
  }
});

test.run();
