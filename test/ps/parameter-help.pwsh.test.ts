// Playbook parameter descriptions become the scripts' comment-based help: Get-Help in real
// PowerShell shows each one, and a hostile description can neither close the help block nor
// pose as a help keyword.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { analyzeBytes, compilePlan } from "../../src/pipeline.js";
import { psHelpLines } from "../../src/emit/quote-ps.js";
import { runPwshCommand } from "../support/run-pwsh.js";
import { pwshTest } from "./pwsh-gate.js";
import { tempDir } from "../support/temp-dir.js";

const HOSTILE = "Where #> Remove-Item C:\\ <# .LINK http://x \u00e9t\u00e9 $(whoami) 'q'";

test("help text is one harmless paragraph", () => {
  const lines = psHelpLines(`.LINK ${"word ".repeat(40)}#> \u2018x\u2019\r\n.EXAMPLE`);
  assert.ok(lines.every((l) => l.length <= 92 && /^[\x20-\x7e]*$/.test(l)));
  assert.ok(lines.every((l) => !l.startsWith(".")));
  assert.not.ok(lines.join(" ").includes("#>"));
  assert.match(lines.join(" "), /\?x\? \.EXAMPLE$/);
});

pwshTest("Get-Help shows each playbook parameter's description, hostile text included", () => {
  // One probe reads -ToolFolder, so the detection scripts declare it in full; the others they
  // accept and ignore.
  const fixture = readFileSync("test/fixtures/kb100001.yaml", "utf8")
    .replace("description: A certificate file.", `description: ${JSON.stringify(HOSTILE)}`)
    .replace("path: '%windir%\\WindowsUpdate.log'", "path: '%ToolFolder%\\WindowsUpdate.log'");
  assert.match(fixture, "%ToolFolder%\\WindowsUpdate.log");
  const analysis = analyzeBytes("kb100001.yaml", Buffer.from(fixture, "utf8"));
  assert.ok(analysis.plan, JSON.stringify(analysis.diagnostics));
  const dir = tempDir("kbfix-help-");
  const scripts = compilePlan(analysis.plan!).filter((f) =>
    /kb100001(\.[a-z]+)?\.ps1$/.test(f.path),
  );
  assert.ok(scripts.length >= 2);
  for (const file of scripts) {
    const path = join(dir, file.path.split("/").pop()!);
    writeFileSync(path, file.bytes);
    const run = runPwshCommand(
      `(Get-Help -Full -Name '${path}').parameters.parameter | ForEach-Object { $_.name + '=' + (($_.description | ForEach-Object { $_.Text }) -join ' ') }`,
    );
    assert.is(run.code, 0, run.stderr);
    const help = new Map(
      run.stdout
        .trim()
        .split(/\r?\n/)
        .map((l) => l.split("=", 2) as [string, string]),
    );
    // The application detection takes no parameters (ConfigMgr passes none).
    if (path.endsWith(".appdetect.ps1")) {
      assert.equal(
        [...help.keys()].filter((k) => k.length > 0),
        [],
        path,
      );
      continue;
    }
    // Detection scripts (detect, discovery) point at the remediation's help for a parameter they
    // read, and declare the others without a description (their .NOTES says they are ignored).
    const detect = !path.endsWith("/kb100001.ps1");
    const pointer = (name: string) => `As -${name} of kb100001.ps1, whose help describes it.`;
    assert.is(help.get("ToolFolder"), detect ? pointer("ToolFolder") : "A tool folder.", path);
    assert.is(help.get("CertFile"), detect ? "" : psHelpLines(HOSTILE).join(" "), path);
    assert.is(help.get("Retries"), detect ? "" : "How often.", path);
    assert.is(help.get("LogPath")?.startsWith("Folder for the CMTrace log"), true, path);
  }
});

test.run();
