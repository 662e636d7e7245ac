// Bases inside literal program arguments: how an argument is parsed and lowered, what the
// reviewer reads (describe), and what each target gets (the PowerShell parts through the quoting
// function, the batch parts as set lines around :kb_arg_base).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parseArgument } from "../../src/model/argument-expr.js";
import {
  psArgumentExpr,
  psLiteralArguments,
  psRunArguments,
} from "../../src/emit/ps1/ps-values.js";
import { emitCmd } from "../../src/emit/cmd/emit-cmd.js";
import { emitPs1 } from "../../src/emit/ps1/emit-ps1.js";
import { command } from "../../src/evidence/command.js";
import { describeStep } from "../../src/plan/describe.js";
import { allSteps } from "../../src/plan/walk.js";
import type { RunStep } from "../../src/steps/run.js";
import { analyzeText, withSteps } from "../support/fixture.js";

const parts = (text: string) => {
  const parsed = parseArgument(text);
  assert.ok(parsed.ok, text);
  return parsed.ok ? parsed.expr.parts : [];
};

test("an argument is split into text and bases, wherever a base stands; %% is one %", () => {
  assert.equal(parts("/log:%windir%\\Logs\\x.log"), [
    { text: "/log:" },
    { base: "windir" },
    { text: "\\Logs\\x.log" },
  ]);
  assert.equal(parts("%SYSTEMDRIVE%"), [{ base: "SystemDrive" }]);
  assert.equal(parts("%ProgramFiles(x86)%%CommonAppData%"), [
    { base: "ProgramFiles(x86)" },
    { base: "CommonAppData" },
  ]);
  assert.equal(parts("100%%"), [{ text: "100%" }]);
  assert.equal(parts("%%windir%%"), [{ text: "%windir%" }]);
});

test("an unknown %NAME%, a lone % and %profile% are refused, with the name", () => {
  for (const [text, name] of [
    ["%TEMP%\\x", "TEMP"],
    ["a%b", ""],
    ["%profile%\\x", "profile"],
    ["%%windir%", ""],
    ["%ToolFolder%", "ToolFolder"],
  ] as const) {
    const parsed = parseArgument(text);
    assert.not.ok(parsed.ok, text);
    if (!parsed.ok) assert.is(parsed.name, name, text);
  }
});

const RUN = (args: string) =>
  withSteps(
    `- id: x1\n  kind: run\n  program: '%ToolFolder%\\tool.exe'\n  args: ${args}\n  guard: { evidence: probe-a }`,
    "[ps1, cmd]",
  );

function runStep(args: string): RunStep {
  const analysis = analyzeText(RUN(args));
  assert.ok(analysis.plan, JSON.stringify(analysis.diagnostics));
  return allSteps(analysis.plan!)[0]!.step as RunStep;
}

test("lowering: a literal without % stays a literal; with bases it keeps what was written", () => {
  const step = runStep("[/q, '/log:%windir%\\Logs\\x.log', { parameter: CertFile }, '50%%']");
  assert.equal(step.args, [
    { literal: "/q" },
    {
      written: "/log:%windir%\\Logs\\x.log",
      parts: [{ text: "/log:" }, { base: "windir" }, { text: "\\Logs\\x.log" }],
    },
    { parameter: "CertFile" },
    { written: "50%%", parts: [{ text: "50%" }] },
  ]);
  assert.match(describeStep(step), "tool.exe /q /log:%windir%\\Logs\\x.log <CertFile> 50%%");
});

test("the unknown-argument-variable hint lists the bases and says how to write a %", () => {
  const analysis = analyzeText(RUN("['/log:%TEMP%\\x.log']"));
  const d = analysis.diagnostics.find((x) => x.code === "unknown-argument-variable")!;
  assert.match(d.message, "%TEMP%, which is not a base kbfix knows");
  assert.match(d.hint ?? "", "%windir%");
  assert.match(d.hint ?? "", "%%");
  const param = analyzeText(RUN("['/in:%CertFile%']"));
  assert.match(
    param.diagnostics.find((x) => x.code === "unknown-argument-variable")!.hint ?? "",
    "{ parameter: CertFile }",
  );
});

test("PowerShell: each part through the quoting function, bases by name, the text as written", () => {
  const expr = {
    written: "/log:%windir%\\x's",
    parts: [{ text: "/log:" }, { base: "windir" as const }, { text: "\\x's" }],
  };
  assert.is(
    psArgumentExpr(expr),
    "@{ Written = '/log:%windir%\\x''s'; Parts = @('/log:', @{ Base = 'windir' }, '\\x''s') }",
  );
  assert.is(psLiteralArguments(["sdshow", expr]).startsWith("@('sdshow', @{ Written = "), true);
  assert.match(psRunArguments([{ literal: "a" }, expr]), "@(@{ Literal = 'a' }, @{ Written = ");
  const ps1 = emitPs1(analyzeText(RUN("['x=%SystemDrive%']")).plan!)[0]!.bytes.toString();
  assert.match(ps1, "@{ Written = 'x=%SystemDrive%'; Parts = @('x=', @{ Base = 'SystemDrive' }) }");
  assert.match(ps1, "function Resolve-KbArgumentText");
});

test("batch: the argument is built in KB_A before the program's path; a drive base is flagged", () => {
  const fix = emitCmd(analyzeText(RUN("['/log:%windir%\\Logs', 'x=%SystemDrive%']")).plan!)[0]!
    .bytes.toString("latin1")
    .split("\r\n");
  const at = fix.indexOf('set "KB_ARG_BAD="');
  assert.ok(at > 0);
  assert.equal(fix.slice(at + 1, at + 13), [
    'set "KB_A="',
    'set "KB_A=%KB_A%/log:"',
    'set "KB_B=%KB_ENV_windir%" & set "KB_BN=windir" & set "KB_DRIVE=0"',
    "call :kb_arg_base",
    'set "KB_A=%KB_A%\\Logs"',
    "call :kb_arg_quote",
    'set "KB_A="',
    'set "KB_A=%KB_A%x="',
    'set "KB_B=%KB_ENV_SystemDrive%" & set "KB_BN=SystemDrive" & set "KB_DRIVE=1"',
    "call :kb_arg_base",
    "call :kb_arg_quote",
    'set "KB_B=%KB_PARAM_ToolFolder%" & set "KB_BN=ToolFolder" & set "KB_BELOW=0" & set "KB_DRIVE=0"',
  ]);
});

test("command probes: a base in an argument, described as written, in a verify probe too", () => {
  const analysis = analyzeText(
    withSteps(
      "- id: x1\n  kind: run\n  program: '%windir%\\System32\\sc.exe'\n  args: [sdset, bits, 'D:(A;;CC;;;SY)']\n  guard: { evidence: probe-a }\n  verify:\n    id: v1\n    kind: command\n    program: '%windir%\\System32\\sc.exe'\n    args: [sdshow, bits, '/x:%windir%\\Logs']\n    cleanTokens: ['D:(A;;CC;;;SY)']",
      "[ps1, cmd]",
    ),
  );
  assert.ok(analysis.plan, JSON.stringify(analysis.diagnostics));
  const step = allSteps(analysis.plan!)[0]!.step;
  const probe = step.verify!.probe!;
  assert.equal((probe as unknown as { args: unknown[] }).args[2], {
    written: "/x:%windir%\\Logs",
    parts: [{ text: "/x:" }, { base: "windir" }, { text: "\\Logs" }],
  });
  assert.match(command.describe(probe as never), "sc.exe sdshow bits /x:%windir%\\Logs");
  const fix = emitCmd(analysis.plan!)[0]!.bytes.toString("latin1");
  assert.match(
    fix,
    'set "KB_A=%KB_A%/x:"\r\nset "KB_B=%KB_ENV_windir%" & set "KB_BN=windir" & set "KB_DRIVE=0"\r\ncall :kb_arg_base',
  );
});

test.run();
