// The inputs -> the files to read, one at a time, in a fixed order (sorted names, depth first).
// Folders are walked to any depth. A symbolic link inside a folder is read only when it
// resolves to a file inside that same input folder; links to folders are not followed (no
// loops, no file read twice through two names) and links out of the tree are skipped.
// Every skip is named in the input problems.
import { readdirSync, realpathSync, statSync, type Dirent } from "node:fs";
import { join, resolve, sep } from "node:path";
import { compareText } from "./compare-text.js";
import type { InputProblems } from "./input-problems.js";
import { fsReason } from "./read-bounded.js";
import { SeenFiles } from "./seen-files.js";

export type InputFileKind = "result" | "csv";

export interface InputFile {
  path: string;
  kind: InputFileKind;
  /** path as its folder (one string shared by the folder's files) and its name. */
  folder: string;
  name: string;
}

export interface WalkCounts {
  /** Files in the folders that are neither result files nor CSV (logs, for instance). */
  ignoredFiles: number;
}

/** Inside folders only these names count; a file named on the command line may be any .json. */
function kindInFolder(name: string): InputFileKind | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith(".result.json")) return "result";
  if (lower.endsWith(".csv")) return "csv";
  return undefined;
}

function kindOfNamedFile(name: string): InputFileKind | undefined {
  return kindInFolder(name) ?? (name.toLowerCase().endsWith(".json") ? "result" : undefined);
}

const isInside = (path: string, root: string) =>
  path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);

function sortedEntries(dir: string, problems: InputProblems): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).sort((a, b) => compareText(a.name, b.name));
  } catch (error) {
    problems.add("unreadable", dir, `cannot list the folder: ${fsReason(error)}`);
    return [];
  }
}

/** Where a link inside the tree may be read from, or why not. */
function linkTarget(
  path: string,
  realRoot: string,
): { ok: true; real: string } | { ok: false; why: string } {
  let real: string;
  try {
    real = realpathSync(path);
  } catch (error) {
    return { ok: false, why: `link cannot be resolved: ${fsReason(error)}` };
  }
  if (!isInside(real, realRoot)) return { ok: false, why: "link points outside the input folder" };
  try {
    if (statSync(real).isDirectory()) return { ok: false, why: "link to a folder: not followed" };
  } catch (error) {
    return { ok: false, why: `link target cannot be read: ${fsReason(error)}` };
  }
  return { ok: true, real };
}

/** The walk's state: every file is read once, however many names lead to it. */
interface Walk {
  problems: InputProblems;
  counts: WalkCounts;
  seen: SeenFiles;
}

/** What join(dir, name) puts before a name: built once per folder, not once per file. */
const folderPrefix = (dir: string) => join(dir, "_").slice(0, -1);

function* walkFolder(
  dir: string,
  realDir: string,
  realRoot: string,
  walk: Walk,
): Generator<InputFile> {
  const folder = folderPrefix(dir);
  for (const entry of sortedEntries(dir, walk.problems)) {
    const path = folder + entry.name;
    if (entry.isDirectory()) {
      yield* walkFolder(path, join(realDir, entry.name), realRoot, walk);
      continue;
    }
    const kind = kindInFolder(entry.name);
    if (entry.isSymbolicLink()) {
      const target = linkTarget(path, realRoot);
      if (!target.ok) walk.problems.add("symlink-skipped", path, target.why);
      else if (!kind) walk.counts.ignoredFiles++;
      else if (walk.seen.firstVisitOfPath(target.real))
        yield { path, kind, folder, name: entry.name };
    } else if (!kind || !entry.isFile()) walk.counts.ignoredFiles++;
    else if (walk.seen.firstVisit(realDir, entry.name))
      yield { path, kind, folder, name: entry.name };
  }
}

export function* inputFiles(
  inputs: readonly string[],
  problems: InputProblems,
  counts: WalkCounts,
): Generator<InputFile> {
  const walk: Walk = { problems, counts, seen: new SeenFiles() };
  for (const input of inputs) {
    const absolute = resolve(input);
    let isFolder: boolean;
    try {
      isFolder = statSync(absolute).isDirectory();
    } catch (error) {
      const kind = fsReason(error) === "no such file or folder" ? "not-found" : "unreadable";
      problems.add(kind, input, fsReason(error));
      continue;
    }
    if (isFolder) {
      const realRoot = realpathSync(absolute);
      yield* walkFolder(input, realRoot, realRoot, walk);
      continue;
    }
    const kind = kindOfNamedFile(input);
    if (kind) {
      if (walk.seen.firstVisitOfPath(realpathSync(absolute)))
        yield { path: input, kind, folder: "", name: input };
    } else problems.add("not-a-result-file", input, "not a .json result file or a .csv export");
  }
}
