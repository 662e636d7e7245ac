// Temporary folders for tests: each is removed when the test process (or worker thread) exits,
// so a suite that fails half-way, or keeps a folder for a later test, leaves nothing in /tmp.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const made: string[] = [];

/** Removes every folder made so far (a worker thread that is ended from outside calls it first). */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A fresh folder under the system's temporary folder, named `<prefix>XXXXXX`. */
export function tempDir(prefix: string): string {
  if (made.length === 0) process.once("exit", removeTempDirs);
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
