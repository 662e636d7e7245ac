// The detection entries (Start-KbDetect, Start-KbAppDetect, Complete-KbDetect) catch nothing
// themselves: the detection template's trap does, for everything thrown in the script and in the
// functions it calls (templates/ps1/runtime/detect.ps1). So every committed script that calls an
// entry sets that trap at its top level, before its data and before the entry runs.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const OUT = "out";
const TRAP = "trap { Exit-KbDetectError -ErrorRecord $_ }";

const detectionScripts = (): string[] =>
  readdirSync(OUT)
    .filter((name) => /^kb\d+$/.test(name))
    .flatMap((id) => [
      join(OUT, id, `${id}.detect.ps1`),
      join(OUT, id, "deploy", `${id}.discovery.ps1`),
      join(OUT, id, "deploy", `${id}.appdetect.ps1`),
    ])
    .filter(existsSync);

test("every script calling a detection entry sets the trap first, at its top level", () => {
  const paths = detectionScripts();
  assert.ok(paths.length >= 3, "committed detection scripts in out/");
  for (const path of paths) {
    const lines = readFileSync(path, "latin1").split("\r\n");
    const trap = lines.indexOf(TRAP);
    const data = lines.findIndex((l) => l.startsWith("$script:KbPlaybook = "));
    const entry = lines.findIndex((l) => /^Start-Kb(App)?Detect\b/.test(l));
    const complete = lines.indexOf("Complete-KbDetect");
    assert.ok(trap > 0, `${path}: no top-level '${TRAP}'`);
    assert.ok(lines.lastIndexOf(TRAP) === trap, `${path}: one trap`);
    assert.ok(data > trap && entry > data && complete > entry, `${path}: trap, data, entries`);
  }
});

test("the entries leave errors to that trap: no try of their own", () => {
  const runtime = readFileSync("templates/ps1/runtime/detect.ps1", "latin1");
  for (const name of ["Start-KbDetect", "Start-KbAppDetect", "Complete-KbDetect"]) {
    const body = new RegExp(`^function ${name} \\{\\n([\\s\\S]*?)^\\}`, "m").exec(runtime);
    assert.ok(body, `${name} is in detect.ps1`);
    assert.not.ok(/^\s*try\s*\{/m.test(body![1]!), `${name} has its own try`);
  }
});

test.run();
