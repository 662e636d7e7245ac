// Every emitted script and every static runtime file parses with zero errors in PowerShell's
// own parser ([System.Management.Automation.Language.Parser]::ParseFile), all in one process.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { join } from "node:path";
import { repoRoot } from "../support/pwsh.js";
import { runPwshFile } from "../support/run-pwsh.js";
import { emittedScripts, runtimeFiles } from "./ps-files.js";
import { pwshTest } from "./pwsh-gate.js";

interface Parsed {
  path: string;
  errors: { line: number; column: number; message: string }[];
  spanning: { line: number; kind: string }[];
}

const scripts = emittedScripts();
const runtime = runtimeFiles();
// Parsed in the same process: proves an error would be reported, with its position.
const BROKEN = "test/ps/fixtures/syntax-error.ps1";
// A here-string and a block comment: tokens that run over a line end, found in the same process.
const SPANNING = "test/ps/fixtures/spanning-tokens.ps1";

function parse(files: string[]): Map<string, Parsed> {
  const run = runPwshFile(join(repoRoot, "test/ps/parse-files.ps1"), files, { cwd: repoRoot });
  assert.is(run.code, 0, run.stderr);
  const parsed = JSON.parse(run.stdout) as Parsed[];
  return new Map(parsed.map((p) => [p.path, p]));
}

let results: Map<string, Parsed> | undefined;
const parsedAll = () => (results ??= parse([...scripts, ...runtime, BROKEN, SPANNING]));

function errorsIn(files: string[]): string[] {
  const all = parsedAll();
  return files.flatMap((file) => {
    const parsed = all.get(file);
    if (!parsed) return [`${file}: not parsed`];
    return parsed.errors.map((e) => `${file}:${e.line}:${e.column}: ${e.message}`);
  });
}

pwshTest("there are emitted scripts and runtime files to parse", () => {
  assert.ok(scripts.length >= 6, `only ${scripts.length} scripts under out/`);
  assert.ok(runtime.length >= 30, `only ${runtime.length} runtime files`);
});

pwshTest("every emitted script (out/*/*.ps1) parses with zero errors", () => {
  const errors = errorsIn(scripts);
  assert.equal(errors, [], errors.join("\n"));
});

pwshTest("every static runtime file (templates/ps1/runtime) parses with zero errors", () => {
  const errors = errorsIn(runtime);
  assert.equal(errors, [], errors.join("\n"));
});

pwshTest("a syntax error is reported with its position", () => {
  const errors = errorsIn([BROKEN]);
  assert.ok(errors.length > 0, "the broken fixture parsed cleanly");
  assert.match(errors[0]!, /^test\/ps\/fixtures\/syntax-error\.ps1:3:\d+: /);
});

// Emitted scripts carry the runtime at two spaces per level, not the templates' four
// (src/emit/ps1/runtime-units.ts). That changes no code only while no token spans lines.
pwshTest("no token of the runtime spans lines, so re-indenting it changes no string", () => {
  const all = parsedAll();
  const spanning = runtime.flatMap((file) =>
    (all.get(file)?.spanning ?? []).map((t) => `${file}:${t.line}: ${t.kind}`),
  );
  assert.equal(spanning, [], spanning.join("\n"));
  const kinds = (all.get(SPANNING)?.spanning ?? []).map((t) => t.kind);
  assert.equal(kinds, ["HereStringLiteral", "Comment"]);
});

test.run();
