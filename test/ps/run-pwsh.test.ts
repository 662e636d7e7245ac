// The runner keeps what Linux would cut: exit codes above 255 (3010 is a soft reboot).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { join } from "node:path";
import { repoRoot } from "../support/pwsh.js";
import { runPwshFile } from "../support/run-pwsh.js";
import { pwshTest } from "./pwsh-gate.js";

const SCRIPT = join(repoRoot, "test/ps/fixtures/exit-code.ps1");

pwshTest("a script's full exit code and its arguments, read as pwsh -File reads them", () => {
  const text = "it's a ‘quoted’ $(value) `n";
  const run = runPwshFile(SCRIPT, ["-Text", text, "-Flag", "-Code", "3010"]);
  assert.is(run.code, 3010, run.stderr);
  assert.equal(run.stdout.trim().split(/\r?\n/), [`text=${text}`, "flag=True"]);
  assert.not.match(run.stderr, /KBFIX-PWSH-EXIT-CODE/);
});

pwshTest("a terminating error is exit code 1, with the error on stderr", () => {
  const run = runPwshFile(SCRIPT, ["-Throw"]);
  assert.is(run.code, 1);
  assert.match(run.stderr, /broken on purpose/);
});

test.run();
