// The folder holding kbfix's package.json, found by walking up from this module:
// the same answer from dist/src/... (tsc output) and from dist/bundle/ (esbuild).
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).name === "kbfix")
      return dir;
    if (dirname(dir) === dir) throw new Error(`kbfix: cannot find its package.json above ${start}`);
  }
}

export const PACKAGE_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));
