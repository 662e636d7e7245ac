// forfiles.exe for the simulated Windows: Wine 8 has none (its system32 lacks it), and the batch
// ladder asks it for the age of its memory file. A small C program built once with mingw (like
// the fake shim in test/support/wine.ts), doing the part of forfiles the scripts use, the way
// Windows documents it: /p folder, /m mask, /d -N selects files whose last-write date (local
// time, the date only) is on or before today's date minus N days; each match is printed as
// "name" (the default command echoes @file) and the exit code is 0; no match prints the error
// to stderr and exits 1. Anything else it does not know exits 1, so a test never passes on a
// switch the fake ignored.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { threadId } from "node:worker_threads";
import { winePrefix } from "../support/wine.js";

const FORFILES_C = String.raw`#include <windows.h>
#include <stdio.h>
#include <wchar.h>
static ULONGLONG day_of(FILETIME local) {
  SYSTEMTIME st;
  FILETIME ft;
  FileTimeToSystemTime(&local, &st);
  st.wHour = st.wMinute = st.wSecond = st.wMilliseconds = 0;
  SystemTimeToFileTime(&st, &ft);
  return ((ULONGLONG)ft.dwHighDateTime << 32) | ft.dwLowDateTime;
}
static int usage(void) { fwprintf(stderr, L"ERROR: the fake forfiles knows /p /m /d -N only.\n"); return 1; }
int wmain(int argc, wchar_t **argv) {
  const wchar_t *path = L".", *mask = L"*";
  long days = -1;
  for (int i = 1; i < argc; i++) {
    if (i + 1 >= argc) return usage();
    if (!_wcsicmp(argv[i], L"/p")) path = argv[++i];
    else if (!_wcsicmp(argv[i], L"/m")) mask = argv[++i];
    else if (!_wcsicmp(argv[i], L"/d") && argv[i + 1][0] == L'-') days = wcstol(argv[++i] + 1, NULL, 10);
    else return usage();
  }
  SYSTEMTIME now;
  FILETIME nowFt;
  GetLocalTime(&now);
  SystemTimeToFileTime(&now, &nowFt);
  ULONGLONG limit = day_of(nowFt) - (ULONGLONG)(days < 0 ? 0 : days) * 864000000000ULL;
  wchar_t pattern[MAX_PATH * 2];
  _snwprintf(pattern, MAX_PATH * 2 - 1, L"%ls\\%ls", path, mask);
  WIN32_FIND_DATAW fd;
  HANDLE h = FindFirstFileW(pattern, &fd);
  int found = 0;
  if (h != INVALID_HANDLE_VALUE) {
    do {
      if (!wcscmp(fd.cFileName, L".") || !wcscmp(fd.cFileName, L"..")) continue;
      FILETIME local;
      FileTimeToLocalFileTime(&fd.ftLastWriteTime, &local);
      if (days >= 0 && day_of(local) > limit) continue;
      wprintf(L"\"%ls\"\n", fd.cFileName);
      found++;
    } while (FindNextFileW(h, &fd));
    FindClose(h);
  }
  if (found) return 0;
  fwprintf(stderr, L"ERROR: No files found with the specified search criteria.\n");
  return 1;
}
`;

const hash = createHash("sha256").update(FORFILES_C).digest("hex").slice(0, 16);

/** Copies the fake forfiles.exe into `system32`, building it once per prefix. */
export function installFakeForfiles(system32: string): void {
  const built = join(winePrefix, "kbfix", `forfiles-${hash}.exe`);
  if (!existsSync(built)) build(built);
  copyFileSync(built, join(system32, "forfiles.exe"));
}

function build(target: string): void {
  mkdirSync(join(winePrefix, "kbfix"), { recursive: true });
  const self = `${process.pid}.${threadId}`; // worker threads of one process build at once too
  const src = `${target}.${self}.c`;
  const exe = `${target}.${self}.tmp`;
  writeFileSync(src, FORFILES_C);
  const r = spawnSync("x86_64-w64-mingw32-gcc", ["-Os", "-s", "-municode", "-o", exe, src], {
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`building the fake forfiles failed: ${r.stderr}`);
  renameSync(exe, target); // whole or absent: other test processes may build it at once
}
