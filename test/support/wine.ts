// Runs emitted .cmd scripts under Wine's cmd.exe for the tests. Facts behind the
// choices below (exit codes, quoting, fakes) are in docs/wine-notes.md.
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { createHash } from "node:crypto";
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { machine } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { tempDir } from "./temp-dir.js";

export interface WineRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string>;
  cwd?: string;
  fakeToolsDir?: string;
  timeoutMs?: number;
}

export interface FakeBehaviour {
  exitCode: number;
  stdout?: string;
  recordTo: string;
}

// This file runs from dist/test/support/, so the repo root is three levels up.
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
/** The one prefix shared by every test run; .wine/ is git-ignored. */
export const winePrefix = process.env.KBFIX_WINEPREFIX ?? join(repoRoot, ".wine", "prefix");
const shimExe = join(winePrefix, "kbfix", "fake-shim.exe");
const readyFile = join(winePrefix, "kbfix", "ready");

// A fake tool must be an .exe: cmd never returns from a .cmd it finds on PATH
// (without CALL), and Wine's CALL of a batch file squashes its exit code to 0/1.
// This shim runs <its own name>.fake.cmd, passing the raw arguments in
// KBFIX_FAKE_CALL (an env var, so & | < > % in them are never re-parsed).
const SHIM_C = String.raw`#include <windows.h>
#include <stdio.h>
static const wchar_t *tail(const wchar_t *p) {
  if (*p == L'"') { for (p++; *p && *p != L'"'; p++) {} return *p ? p + 1 : p; }
  while (*p && *p != L' ' && *p != L'\t') p++;
  return p;
}
int main(void) {
  static wchar_t self[MAX_PATH], sys[MAX_PATH], call[32768], line[1024];
  DWORD n = GetModuleFileNameW(NULL, self, MAX_PATH), code = 9009;
  if (n < 5) return 9009;
  self[n - 4] = 0;
  wchar_t *name = wcsrchr(self, L'\\') ? wcsrchr(self, L'\\') + 1 : self;
  _snwprintf(call, 32767, L"%ls%ls", name, tail(GetCommandLineW()));
  SetEnvironmentVariableW(L"KBFIX_FAKE_CALL", call);
  GetSystemDirectoryW(sys, MAX_PATH);
  _snwprintf(line, 1023, L"\"%ls\\cmd.exe\" /d /c \"%ls.fake.cmd\"", sys, self);
  STARTUPINFOW si = {sizeof si};
  PROCESS_INFORMATION pi;
  if (!CreateProcessW(NULL, line, NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi)) return 9009;
  WaitForSingleObject(pi.hProcess, INFINITE);
  GetExitCodeProcess(pi.hProcess, &code);
  return (int)code;
}
`;
// Bump the version when createPrefix changes: a prefix with another stamp is rebuilt.
const PREFIX_STAMP = `kbfix-wine-1 ${createHash("sha256").update(SHIM_C).digest("hex")}`;

/** Z: maps to the Unix root in every Wine prefix. */
export function toWinPath(unixPath: string): string {
  return "Z:" + resolve(unixPath).replace(/\//g, "\\");
}

/** The environment every Wine process of the tests gets (the prefix, no debug output). */
export function wineEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    WINEPREFIX: winePrefix,
    WINEARCH: "win64",
    WINEDEBUG: "-all", // also hides Debian's "wine32 is missing" hint
    // No Mono/Gecko install prompts, no .desktop files written into $HOME.
    WINEDLLOVERRIDES: "mscoree,mshtml=;winemenubuilder.exe=d",
    ...extra,
  };
  delete env.DISPLAY; // nothing here needs X; a display would let dialogs appear
  return env;
}

/**
 * Wine with address-space randomization off (`setarch -R`), for itself and every process it
 * starts. Debian's Wine 8 has no wine64-preloader, and wine64 is a non-PIE binary at 0x7d000000:
 * Linux 6.x puts its brk heap anywhere in the 1 GiB above it. About once in a few thousand
 * process starts that heap covers 0x7ffe0000, Wine cannot map the shared user data there, and
 * the new process dies before it runs ("failed to map the shared user data: c0000018"). cmd
 * then reports the program as not recognized (9009), and a fake shim exits 9009. Without
 * randomization the heap starts right after wine64, far below. Where setarch -R is refused
 * (some container seccomp profiles), Wine runs as it is and the rare failure remains.
 */
export function wineCommand(args: string[]): [string, string[]] {
  noAslr ??= spawnSync("setarch", [machine(), "-R", "true"], { stdio: "ignore" }).status === 0;
  return noAslr ? ["setarch", [machine(), "-R", "wine", ...args]] : ["wine", args];
}
let noAslr: boolean | undefined;

function run(cmd: string, args: string[], env = wineEnv(), timeoutMs = 300_000) {
  return spawnSync(cmd, args, { env, encoding: "utf8", timeout: timeoutMs, maxBuffer: 1 << 26 });
}

let availability: { ok: boolean; why?: string } | undefined;

/** Whether scripts can run here; on first call also builds the shared prefix. */
export function wineAvailable(): { ok: boolean; why?: string } {
  availability ??= checkAvailability();
  return availability;
}

function checkAvailability(): { ok: boolean; why?: string } {
  const wine = run("wine", ["--version"]);
  if (wine.error || wine.status !== 0)
    return { ok: false, why: "wine not found: run .ci/install-wine.sh" };
  const gcc = run("x86_64-w64-mingw32-gcc", ["--version"]);
  if (gcc.error || gcc.status !== 0)
    return { ok: false, why: "x86_64-w64-mingw32-gcc not found: run .ci/install-wine.sh" };
  try {
    ensurePrefix();
    return { ok: true };
  } catch (e) {
    return { ok: false, why: `wine prefix setup failed: ${(e as Error).message}` };
  }
}

function ensurePrefix(): void {
  if (isReady()) return;
  withLock(`${winePrefix}.lock`, () => {
    if (!isReady()) createPrefix();
  });
}

function isReady(): boolean {
  return existsSync(readyFile) && readFileSync(readyFile, "utf8") === PREFIX_STAMP;
}

function createPrefix(): void {
  rmSync(winePrefix, { recursive: true, force: true }); // a half-made one is useless
  mkdirSync(dirname(winePrefix), { recursive: true });
  check(run(...wineCommand(["wineboot", "-u"])), "wineboot -u");
  // Emitted scripts target Windows 10; Wine's default is Windows 7 (ver, CurrentBuild).
  check(run(...wineCommand(["winecfg", "-v", "win10"])), "winecfg -v win10");
  mkdirSync(dirname(shimExe), { recursive: true });
  const src = join(dirname(shimExe), "fake-shim.c");
  writeFileSync(src, SHIM_C);
  check(run("x86_64-w64-mingw32-gcc", ["-Os", "-s", "-o", shimExe, src]), "building fake shim");
  // The registry reaches disk only when wineserver exits: wait so the prefix is complete.
  check(run("wineserver", ["-w"]), "wineserver -w");
  writeFileSync(`${readyFile}.tmp`, PREFIX_STAMP);
  renameSync(`${readyFile}.tmp`, readyFile); // whole or absent: other processes poll it
}

/**
 * A prefix of its own for one worker of a suite that runs its scenarios side by side
 * (wineScenarios in test/cmd/wine-gate.ts): its own registry and wineserver, so scenarios that
 * write the same keys never meet, and drive_c and the shim shared with the main prefix (by
 * symlinks; the tests write only under their own temporary folders). A slot belongs to one
 * process until it exits: two test runs at once never share one. Slots are kept between runs,
 * so their wineservers stay warm from one suite to the next.
 */
export function claimPrefixSlot(): string {
  ensurePrefix();
  for (let n = 1; ; n++) {
    const slot = `${winePrefix}-slot${n}`;
    if (!claim(`${slot}.owner`)) continue;
    const stamp = join(slot, "kbfix-slot");
    if (!existsSync(stamp) || readFileSync(stamp, "utf8") !== PREFIX_STAMP) {
      // A wineserver left on an older slot would write its registry over the new copy.
      spawnSync("wineserver", ["-k"], { env: wineEnv({ WINEPREFIX: slot }), stdio: "ignore" });
      rmSync(slot, { recursive: true, force: true });
      mkdirSync(join(slot, "dosdevices"), { recursive: true });
      for (const file of ["system.reg", "user.reg", "userdef.reg", ".update-timestamp"])
        copyFileSync(join(winePrefix, file), join(slot, file));
      symlinkSync(join(winePrefix, "drive_c"), join(slot, "drive_c"));
      symlinkSync(join(winePrefix, "kbfix"), join(slot, "kbfix"));
      symlinkSync("../drive_c", join(slot, "dosdevices", "c:"));
      symlinkSync("/", join(slot, "dosdevices", "z:"));
      writeFileSync(stamp, PREFIX_STAMP);
    }
    return slot;
  }
}

/** Takes `owner` (a folder holding the owner's pid) for this process, or says it is taken. */
function claim(owner: string): boolean {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      mkdirSync(owner);
      writeFileSync(join(owner, "pid"), String(process.pid));
      process.once("exit", () => rmSync(owner, { recursive: true, force: true }));
      return true;
    } catch {
      if (!ownerGone(owner)) return false;
      rmSync(owner, { recursive: true, force: true }); // left by a run that was killed
    }
  }
  return false;
}

function ownerGone(owner: string): boolean {
  let pid = 0;
  try {
    pid = Number(readFileSync(join(owner, "pid"), "utf8"));
  } catch {
    // not written yet, or the folder is gone again
  }
  try {
    if (!pid) return Date.now() - statSync(owner).mtimeMs > 60_000;
    process.kill(pid, 0); // throws ESRCH when no such process exists
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "ESRCH";
  }
}

function check(r: SpawnSyncReturns<string>, what: string): void {
  if (r.error || r.status !== 0)
    throw new Error(`${what} failed (${r.error?.message ?? r.status}): ${r.stderr}`);
}

// mkdir is atomic, so it guards the first use when several test processes start at once.
function withLock(lock: string, body: () => void): void {
  mkdirSync(dirname(lock), { recursive: true });
  for (const deadline = Date.now() + 600_000; ;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock}`);
      if (isStale(lock)) rmSync(lock, { recursive: true, force: true });
      else sleepMs(250);
    }
  }
  try {
    body();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function isStale(lock: string): boolean {
  try {
    return Date.now() - statSync(lock).mtimeMs > 300_000; // creation takes ~10 s
  } catch {
    return false;
  }
}

function sleepMs(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Runs `scriptPath` as `cmd /c script args` would on Windows and returns the full
 * exit code (Wine's Unix exit status keeps only the low 8 bits).
 */
export function runCmdScript(
  scriptPath: string,
  args: string[],
  options: RunOptions = {},
): WineRun {
  ensurePrefix();
  ensureServer();
  const work = tempDir("kbfix-wine-");
  try {
    const codeFile = join(work, "code");
    const entries = Object.entries(options.env ?? {});
    writeFileSync(join(work, "run.cmd"), runnerScript(entries.length));
    const env = wineEnv({
      KBFIX_LINE: commandLine(scriptPath, args),
      KBFIX_CODE: toWinPath(codeFile),
      // Never empty: Wine stops finding any command once PATH starts with ";".
      ...(options.fakeToolsDir ? { KBFIX_FAKES: toWinPath(options.fakeToolsDir) } : {}),
      ...Object.fromEntries(entries.map(([k, v], i) => [`KBFIX_ENV_${i}`, `${k}=${v}`])),
    });
    const r = runRunner(work, env, options);
    // The code file, not the Unix status, says the script finished: a script's own
    // exit code can equal timeout(1)'s 124 modulo 256.
    const code = existsSync(codeFile) ? Number(readFileSync(codeFile, "utf8").trim()) : NaN;
    if (!Number.isNaN(code)) return { code, stdout: r.stdout, stderr: r.stderr };
    const why = r.status === 124 || r.status === 137 ? "timed out" : `died (status ${r.status})`;
    throw new Error(`${scriptPath} ${why}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Debian's wineserver wrapper passes -p0, so the server and services.exe & co.
 * would stop after every run and boot again (~1.5 s) on the next. Keep one alive
 * for 60 s of idleness, and boot its services with no stdio of ours attached.
 */
function ensureServer(): void {
  const started = spawnSync("wineserver", ["-p60"], { env: wineEnv(), stdio: "ignore" });
  if (started.status !== 0) return; // 2: already running
  const [wine, args] = wineCommand(["cmd", "/c", "exit"]);
  spawnSync(wine, args, { env: wineEnv(), stdio: "ignore", timeout: 120_000 });
}

/**
 * stdout and stderr go to files, not pipes: Wine processes that outlive the run
 * (services booted by it) would keep a pipe open and spawnSync would wait for them.
 */
function runRunner(work: string, env: NodeJS.ProcessEnv, options: RunOptions) {
  const secs = Math.ceil((options.timeoutMs ?? 60_000) / 1000);
  const [out, err] = [join(work, "stdout"), join(work, "stderr")];
  const fds = [openSync(out, "w"), openSync(err, "w")] as const;
  // timeout(1) signals its whole process group, so cmd's children (reg, sc, ...) die too.
  const runner = toWinPath(join(work, "run.cmd"));
  const args = ["-k", "5", String(secs), ...wineCommand(["cmd", "/d", "/c", runner]).flat()];
  const r = spawnSync("timeout", args, {
    env,
    cwd: options.cwd ?? process.cwd(),
    stdio: ["ignore", fds[0], fds[1]],
  });
  fds.forEach((fd) => closeSync(fd));
  return { status: r.status, stdout: readFileSync(out, "utf8"), stderr: readFileSync(err, "utf8") };
}

/**
 * The outer batch file. Wine resets windir, TEMP, ProgramData, PATH ... for every
 * process, so test variables travel as KBFIX_ENV_n="NAME=value" and are set here;
 * delayed expansion keeps & | < > in them literal. The script runs in a child
 * cmd so `exit N` without /b cannot skip writing the exit code.
 */
function runnerScript(envCount: number): string {
  const lines = ["@echo off", "setlocal EnableDelayedExpansion"];
  for (let i = 0; i < envCount; i++) lines.push(`set "!KBFIX_ENV_${i}!"`, `set "KBFIX_ENV_${i}="`);
  lines.push(
    'if defined KBFIX_FAKES set "PATH=!KBFIX_FAKES!;!PATH!"',
    'set "KBFIX_FAKES="',
    "cmd /d /c !KBFIX_LINE!",
    '>"%KBFIX_CODE%" echo !errorlevel!',
  );
  return lines.join("\r\n") + "\r\n";
}

/**
 * `""C:\path\script.cmd" arg "arg 2""`: cmd /c strips the outer quote pair, which
 * keeps a quoted script path working next to quoted arguments. Arguments with
 * spaces or cmd metacharacters are quoted; an argument holding `"` is passed as is.
 */
function commandLine(scriptPath: string, args: string[]): string {
  const quoted = args.map((a) =>
    (a === "" || /[\s&|<>^(),;=]/.test(a)) && !a.includes('"') ? `"${a}"` : a,
  );
  return `""${toWinPath(scriptPath)}"${quoted.map((a) => " " + a).join("")}"`;
}

/**
 * Puts `<name>.exe` in `dir`: when `dir` is run's fakeToolsDir it comes first on
 * PATH, before the real (or stubbed) tool in system32. Each call appends one line,
 * `<name> <raw arguments>`, to `recordTo`, prints `stdout`, exits with `exitCode`.
 */
export function writeFakeTool(dir: string, name: string, behaviour: FakeBehaviour): void {
  ensurePrefix();
  mkdirSync(dir, { recursive: true });
  mkdirSync(dirname(resolve(behaviour.recordTo)), { recursive: true });
  copyFileSync(shimExe, join(dir, `${name}.exe`));
  const out = join(dir, `${name}.fake.out`);
  const lines = [
    "@echo off",
    "setlocal EnableDelayedExpansion",
    `>>"${toWinPath(behaviour.recordTo)}" echo.!KBFIX_FAKE_CALL!`,
  ];
  if (behaviour.stdout !== undefined) {
    writeFileSync(out, behaviour.stdout.replace(/\r?\n/g, "\r\n"));
    lines.push(`type "${toWinPath(out)}"`);
  } else rmSync(out, { force: true });
  lines.push(`exit /b ${behaviour.exitCode}`);
  writeFileSync(join(dir, `${name}.fake.cmd`), lines.join("\r\n") + "\r\n");
}

/** The calls a fake recorded, one `<name> <raw arguments>` string each. */
export function readFakeCalls(recordTo: string): string[] {
  if (!existsSync(recordTo)) return [];
  return readFileSync(recordTo, "utf8")
    .split("\r\n")
    .filter((l) => l !== "")
    .map((l) => l.trimEnd());
}
