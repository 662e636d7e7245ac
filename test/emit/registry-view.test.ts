// The registry view reaches both scripts: -View 32 in the PowerShell calls (and no -View at all
// when the playbook names none, so those scripts stay as they were), KB_RVIEW in the batch one.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { compileViewPlaybook, SET_32, VIEW_ID } from "../ps/scenarios/registry-view-playbook.js";

const NATIVE = { ...SET_32, id: "set-native", view: undefined };

test("view 32 is passed as -View 32 to the step and the probe; no view, no -View", () => {
  const out = compileViewPlaybook(["ps1", "cmd"], [SET_32, NATIVE]);
  try {
    const ps1 = readFileSync(join(out, VIEW_ID, `${VIEW_ID}.ps1`), "utf8");
    // A long call is a splatted hashtable (one field a line) ending in the call itself, a
    // short one a line of its own.
    const calls = [
      ...ps1.matchAll(/\$kbStep = @\{\r\n([\s\S]*?)\}\r\n\s*Invoke-KbRegistryValueStep/g),
    ].map((m) => m[1]!);
    const inline = ps1.split("\r\n").filter((l) => /^\s*Invoke-KbRegistryValueStep -Id /.test(l));
    const call = (id: string) =>
      calls.find((b) => b.includes(`Id = '${id}'`)) ??
      inline.find((l) => l.includes(`-Id '${id}' `));
    assert.match(call("set-32") ?? "(no call)", /\r\n\s+View = 32\r\n/);
    assert.not.match(call("set-native") ?? "View = (no call)", /View /);
    const detect = readFileSync(join(out, VIEW_ID, `${VIEW_ID}.detect.ps1`), "utf8");
    const probe = detect.split("\r\n").find((l) => l.includes("Test-KbRegistryValueProbe -Id"));
    assert.ok(probe?.endsWith(" -View 32"), probe);
    const cmd = readFileSync(join(out, VIEW_ID, `${VIEW_ID}.fix.cmd`), "latin1");
    assert.is((cmd.match(/\r\nset "KB_RVIEW=32"\r\n/g) ?? []).length, 2, "the step and the probe");
    assert.is((cmd.match(/\r\nset "KB_RVIEW=0"\r\n/g) ?? []).length, 1, "the native step");
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test.run();
