// The PowerShell files the checks read, as paths relative to the repository root.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../support/pwsh.js";

function walk(dir: string): string[] {
  return readdirSync(join(repoRoot, dir))
    .sort()
    .flatMap((name) => {
      const path = `${dir}/${name}`;
      return statSync(join(repoRoot, path)).isDirectory() ? walk(path) : [path];
    });
}

/** Every emitted script: out/<id>/*.ps1. */
export function emittedScripts(): string[] {
  return walk("out").filter((path) => /^out\/[^/]+\/[^/]+\.ps1$/.test(path));
}

/** The static runtime (templates/ps1/runtime/**\/*.ps1): plain PowerShell, no Handlebars. */
export function runtimeFiles(): string[] {
  return walk("templates/ps1/runtime").filter((path) => path.endsWith(".ps1"));
}
