import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readFakeCalls, runCmdScript, toWinPath, wineAvailable, writeFakeTool } from "./wine.js";
import { tempDir } from "./temp-dir.js";

const wine = wineAvailable();
const wineTest = wine.ok ? test : test.skip;
if (!wine.ok && process.env.CI === "true") {
  // CI must have Wine (.ci/install-wine.sh): a silent skip there would hide the whole suite.
  test("wine is available in CI", () => assert.unreachable(wine.why));
} else if (!wine.ok) {
  console.log(`SKIPPING wine tests: ${wine.why}`);
}

/** Writes a batch file the way the compiler emits them: CRLF line ends. */
function script(dir: string, name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, lines.join("\r\n") + "\r\n");
  return path;
}

const made: string[] = [];
function tmp(): string {
  const dir = tempDir("kbfix-wine-test-");
  made.push(dir);
  return dir;
}
test.after(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

wineTest("full exit codes come back, with exit /b and with exit", () => {
  const dir = tmp();
  const s = script(dir, "exit.cmd", ["@echo off", 'if "%2"=="hard" exit %1', "exit /b %1"]);
  for (const code of [0, 1, 3010, 1641]) {
    assert.is(runCmdScript(s, [String(code)]).code, code, `exit /b ${code}`);
    assert.is(runCmdScript(s, [String(code), "hard"]).code, code, `exit ${code}`);
  }
});

wineTest("env vars pass, including ones Wine resets and ones holding metacharacters", () => {
  const dir = tmp();
  const s = script(dir, "env.cmd", [
    "@echo off",
    "setlocal EnableDelayedExpansion",
    "echo.windir=!windir!",
    "echo.TEMP=!TEMP!",
    "echo.ODD=!ODD!",
  ]);
  const r = runCmdScript(s, [], {
    env: { windir: "Z:\\tmp\\fake windows", TEMP: "Z:\\tmp", ODD: "a & b | c > d" },
  });
  assert.is(r.code, 0);
  assert.equal(r.stdout.split("\r\n").slice(0, 3), [
    "windir=Z:\\tmp\\fake windows",
    "TEMP=Z:\\tmp",
    "ODD=a & b | c > d",
  ]);
});

wineTest("a fake tool shadows a missing and a stubbed tool, records and returns", () => {
  const dir = tmp();
  const fakes = join(dir, "fakes");
  const log = join(dir, "calls.log");
  writeFakeTool(fakes, "takeown", { exitCode: 0, recordTo: log }); // absent from Wine
  writeFakeTool(fakes, "certutil", { exitCode: 3010, stdout: "HASH\nabc123\n", recordTo: log });
  const s = script(dir, "fake.cmd", [
    "@echo off",
    'takeown /f "C:\\Windows\\a b.dll" /a',
    "echo takeown=%errorlevel%",
    "certutil -hashfile x^|y SHA256",
    "echo certutil=%errorlevel%",
    "exit /b 0",
  ]);
  const r = runCmdScript(s, [], { fakeToolsDir: fakes });
  assert.is(r.code, 0);
  assert.equal(r.stdout.split("\r\n"), ["takeown=0", "HASH", "abc123", "certutil=3010", ""]);
  assert.equal(readFakeCalls(log), [
    'takeown /f "C:\\Windows\\a b.dll" /a',
    "certutil -hashfile x|y SHA256",
  ]);
});

wineTest("a CRLF script in a folder with a space runs there, with quoted arguments", () => {
  const dir = join(tmp(), "has space");
  mkdirSync(dir);
  const real = script(dir, "crlf.cmd", ["@echo off", "echo dp0=%~dp0", "echo 1=%1", "echo 2=%2"]);
  const r = runCmdScript(real, ["a b", "c&d"]);
  assert.is(r.code, 0);
  assert.equal(r.stdout.split("\r\n").slice(0, 3), [
    `dp0=${toWinPath(dir)}\\`,
    '1="a b"',
    '2="c&d"',
  ]);
});

wineTest("a fake in a simulated %windir% answers calls by full path", () => {
  const dir = tmp();
  const system32 = join(dir, "Windows", "System32");
  const log = join(dir, "calls.log");
  writeFakeTool(system32, "wevtutil", { exitCode: 0, recordTo: log });
  const s = script(dir, "full.cmd", ["@echo off", '"%windir%\\System32\\wevtutil.exe" cl System']);
  const r = runCmdScript(s, [], { env: { windir: toWinPath(join(dir, "Windows")) } });
  assert.is(r.code, 0);
  assert.equal(readFakeCalls(log), ["wevtutil cl System"]);
});

test("without wine on PATH the harness says why instead of throwing", () => {
  const probe = `import("${new URL("./wine.js", import.meta.url).href}")
    .then((m) => console.log(JSON.stringify(m.wineAvailable())))`;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", probe], {
    env: { PATH: "/nonexistent" },
    encoding: "utf8",
  });
  const result = JSON.parse(r.stdout) as { ok: boolean; why?: string };
  assert.is(result.ok, false);
  assert.match(result.why ?? "", /wine not found: run \.ci\/install-wine\.sh/);
});

test.run();
