// argv-echo.exe (argv-echo.c beside this file), built with MinGW for the Wine tests, and its
// output read back: "<count>:<hex>,<hex>" -> the arguments.
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { repoRoot } from "../pwsh.js";

export function buildArgvEcho(dir: string): string {
  const exe = join(dir, "argv-echo.exe");
  const src = join(repoRoot, "test/support/argv/argv-echo.c");
  const gcc = spawnSync(
    "x86_64-w64-mingw32-gcc",
    ["-municode", "-Os", "-s", "-o", exe, src, "-lshell32"],
    { encoding: "utf8" },
  );
  assert.is(gcc.status, 0, gcc.stderr);
  return exe;
}

export function decodeArgv(printed: string): string[] {
  const [count, hexList] = printed.split(":") as [string, string];
  if (Number(count) === 0) return [];
  return hexList.split(",").map((h) => Buffer.from(h, "hex").toString("utf8"));
}

/** The argument lists argv-echo -child printed into a log, in order. */
export function echoedArgv(log: string): string[][] {
  return log
    .split(/\r?\n/)
    .filter((l) => /^\d+:[0-9a-f,]*$/.test(l))
    .map(decodeArgv);
}
