// "In use" for the failure tests: a small Windows program holds files and folders open
// without sharing while a script runs, so Wine refuses to rename, move or delete them,
// as Windows does with a file in use. Works without root (chmod) or chattr.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { threadId } from "node:worker_threads";
import { toWinPath, wineCommand, wineEnv, winePrefix } from "../support/wine.js";

const HOLD_C = String.raw`#include <windows.h>
/* hold.exe <release-flag> <held-flag> <path>...: opens each path with no sharing (folders
   with backup semantics), writes held-flag, waits until release-flag exists (max 5 min). */
int wmain(int argc, wchar_t **argv) {
  if (argc < 4) return 2;
  for (int i = 3; i < argc; i++) {
    HANDLE h = CreateFileW(argv[i], GENERIC_READ, 0, NULL, OPEN_EXISTING,
                           FILE_FLAG_BACKUP_SEMANTICS, NULL);
    if (h == INVALID_HANDLE_VALUE) return 3;
  }
  HANDLE f = CreateFileW(argv[2], GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
  if (f == INVALID_HANDLE_VALUE) return 4;
  CloseHandle(f);
  for (int n = 0; n < 6000 && GetFileAttributesW(argv[1]) == INVALID_FILE_ATTRIBUTES; n++)
    Sleep(50);
  return 0;
}
`;

const holdExe = join(winePrefix, "kbfix", "hold.exe");

function buildHolder(): void {
  if (existsSync(holdExe)) return;
  mkdirSync(join(winePrefix, "kbfix"), { recursive: true });
  const self = `${process.pid}.${threadId}`; // worker threads of one process build at once too
  const src = `${holdExe}.${self}.c`;
  writeFileSync(src, HOLD_C);
  const out = `${holdExe}.${self}.tmp`;
  const r = spawnSync("x86_64-w64-mingw32-gcc", ["-municode", "-Os", "-s", "-o", out, src]);
  rmSync(src, { force: true });
  if (r.status !== 0) throw new Error(`building hold.exe failed: ${r.stderr}`);
  renameSync(out, holdExe); // atomic: a parallel build never leaves half a file
}

function sleepMs(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Runs body while `paths` are held open in Wine; returns what body returned. */
export async function whileHeld<T>(flagDir: string, paths: string[], body: () => T): Promise<T> {
  buildHolder();
  const [release, held] = [join(flagDir, "release.flag"), join(flagDir, "held.flag")];
  rmSync(release, { force: true });
  rmSync(held, { force: true });
  const [wine, args] = wineCommand([
    holdExe,
    toWinPath(release),
    toWinPath(held),
    ...paths.map(toWinPath),
  ]);
  const child = spawn(wine, args, { env: wineEnv(), stdio: "ignore" });
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  for (let i = 0; i < 300 && !existsSync(held); i++) sleepMs(100);
  if (!existsSync(held)) throw new Error(`hold.exe did not open ${paths.join(", ")}`);
  try {
    return body();
  } finally {
    writeFileSync(release, "");
    await exited;
  }
}
