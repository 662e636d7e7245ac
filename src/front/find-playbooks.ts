// Expands the CLI's paths: files as given, folders to their *.yaml / *.yml files
// (sorted, so output order never depends on the file system).
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

export function findPlaybooks(paths: readonly string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  for (const path of paths) {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      missing.push(path);
      continue;
    }
    if (!stat.isDirectory()) files.push(path);
    else
      files.push(
        ...readdirSync(path)
          .filter((name) => /\.ya?ml$/i.test(name))
          .sort()
          .map((name) => join(path, name)),
      );
  }
  return { files, missing };
}
