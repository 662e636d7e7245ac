// Writing out/ atomically: every file is built in memory first; then each
// playbook folder is staged beside its final place and swapped in by rename, so
// a failed compile leaves out/ as it was.
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import type { EmittedFile } from "../emit/emitted-file.js";

export interface OutDifference {
  path: string;
  change: "added" | "changed" | "removed";
}

function byFolder(files: readonly EmittedFile[]): Map<string, EmittedFile[]> {
  const folders = new Map<string, EmittedFile[]>();
  for (const f of files) {
    const folder = f.path.split("/")[0]!;
    folders.set(folder, [...(folders.get(folder) ?? []), f]);
  }
  return folders;
}

/** Every file below `dir`, as sorted paths relative to it with forward slashes. */
export function listFiles(dir: string, prefix = ""): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) =>
      statSync(join(dir, name)).isDirectory()
        ? listFiles(join(dir, name), `${prefix}${name}/`)
        : [`${prefix}${name}`],
    );
}

/** What writing `files` would change in `outDir`; `owned` folders not emitted count as removed. */
export function diffOut(
  outDir: string,
  files: readonly EmittedFile[],
  ownsWholeOut: boolean,
): OutDifference[] {
  const wanted = new Map(files.map((f) => [f.path, f.bytes]));
  const folders = new Set(byFolder(files).keys());
  const existing = listFiles(outDir).filter(
    (p) => !p.startsWith(".") && (ownsWholeOut || folders.has(p.split("/")[0]!)),
  );
  const out: OutDifference[] = [];
  for (const path of existing) {
    const bytes = wanted.get(path);
    if (!bytes) out.push({ path, change: "removed" });
    else if (!readFileSync(join(outDir, path)).equals(bytes)) out.push({ path, change: "changed" });
  }
  for (const path of wanted.keys())
    if (!existing.includes(path)) out.push({ path, change: "added" });
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}

export function writeOut(
  outDir: string,
  files: readonly EmittedFile[],
  ownsWholeOut: boolean,
): void {
  mkdirSync(outDir, { recursive: true });
  const folders = byFolder(files);
  const staging = join(outDir, `.kbfix-staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  try {
    for (const f of files) {
      const target = join(staging, f.path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, f.bytes);
    }
    for (const folder of folders.keys()) swapIn(outDir, staging, folder);
    if (ownsWholeOut) removeStaleFolders(outDir, folders);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

function swapIn(outDir: string, staging: string, folder: string): void {
  const final = join(outDir, folder);
  const old = join(staging, `.old-${folder}`);
  if (existsSync(final)) renameSync(final, old);
  try {
    renameSync(join(staging, folder), final);
  } catch (error) {
    if (existsSync(old)) renameSync(old, final);
    throw error;
  }
}

function removeStaleFolders(outDir: string, folders: Map<string, EmittedFile[]>): void {
  for (const name of readdirSync(outDir)) {
    if (!name.startsWith(".") && !folders.has(name) && statSync(join(outDir, name)).isDirectory()) {
      rmSync(join(outDir, name), { recursive: true, force: true });
    }
  }
}
