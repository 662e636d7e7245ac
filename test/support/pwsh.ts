// Finds the project's PowerShell: the .NET tool pinned in .config/dotnet-tools.json
// (PowerShell 7.6.9). When dotnet is present but the tool is not restored yet, restores
// it once, so `npm test` works on a fresh machine with only Node.js and the .NET SDK.
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { homedir } from "node:os";
import { delimiter, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

// This file runs from dist/test/support/, so the repo root is three levels up.
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

export type PwshLocation =
  { ok: true; file: string; args: string[]; version: string } | { ok: false; why: string };

/** The version pinned in the tool manifest: the one the tests must run. */
export function pinnedVersion(): string {
  const manifest = JSON.parse(readFileSync(join(repoRoot, ".config/dotnet-tools.json"), "utf8"));
  return String(manifest.tools.powershell.version);
}

function packageRoots(): string[] {
  const roots = [process.env.NUGET_PACKAGES, join(homedir(), ".nuget", "packages")];
  return roots.filter((root): root is string => typeof root === "string" && root !== "");
}

/** pwsh.dll inside the restored tool package, run through `dotnet` (no exec bit needed). */
function findRestored(version: string): string | undefined {
  for (const root of packageRoots()) {
    const tools = join(root, "powershell", version, "tools");
    if (!existsSync(tools)) continue;
    for (const framework of readdirSync(tools).sort().reverse()) {
      const dll = join(tools, framework, "any", "unix", "pwsh.dll");
      if (existsSync(dll)) return dll;
    }
  }
  return undefined;
}

function restore(): SpawnSyncReturns<string> {
  return spawnSync("dotnet", ["tool", "restore"], {
    cwd: repoRoot,
    encoding: "utf8",
    timeout: 300_000,
  });
}

let cached: PwshLocation | undefined;

export function locatePwsh(): PwshLocation {
  return (cached ??= locate());
}

function locate(): PwshLocation {
  const version = pinnedVersion();
  let dll = findRestored(version);
  if (dll === undefined) {
    const dotnet = spawnSync("dotnet", ["--version"], { encoding: "utf8" });
    if (dotnet.error || dotnet.status !== 0) {
      return {
        ok: false,
        why: "the .NET SDK (dotnet) is not installed, so PowerShell cannot be restored",
      };
    }
    const restored = restore();
    dll = findRestored(version);
    if (dll === undefined) {
      const said = `${restored.stdout ?? ""}${restored.stderr ?? ""}`
        .trim()
        .split("\n")
        .slice(-3)
        .join(" ");
      return {
        ok: false,
        why: `dotnet tool restore did not provide PowerShell ${version}: ${said}`,
      };
    }
  }
  const stamp = probeStamp(dll);
  if (readProbeCache() !== stamp) {
    const probe = spawnSync(
      "dotnet",
      [dll, "-NoProfile", "-NonInteractive", "-Command", "$PSVersionTable.PSVersion.ToString()"],
      {
        encoding: "utf8",
        timeout: 60_000,
      },
    );
    const seen = (probe.stdout ?? "").trim();
    if (seen !== version) {
      const said = probe.error ? probe.error.message : (probe.stderr ?? "").trim();
      return {
        ok: false,
        why: `PowerShell at ${dll} reports '${seen}' (${said}), expected ${version}`,
      };
    }
    writeProbeCache(stamp);
  }
  return { ok: true, file: "dotnet", args: [dll], version };
}

// The version probe starts PowerShell (about a second); every test file locates it, so a
// successful probe is remembered (in dist/, which the build owns) until pwsh.dll changes.
const PROBE_CACHE = join(repoRoot, "dist", ".pwsh-probe");

function probeStamp(dll: string): string {
  const stat = statSync(dll);
  const dotnet = (process.env.PATH ?? "")
    .split(delimiter)
    .map((dir) => join(dir, "dotnet"))
    .find((path) => existsSync(path));
  return `${dotnet} ${dll} ${stat.size} ${stat.mtimeMs}`;
}

function readProbeCache(): string | undefined {
  try {
    return readFileSync(PROBE_CACHE, "utf8");
  } catch {
    return undefined;
  }
}

function writeProbeCache(stamp: string): void {
  try {
    mkdirSync(dirname(PROBE_CACHE), { recursive: true });
    const temporary = `${PROBE_CACHE}.${process.pid}`;
    writeFileSync(temporary, stamp);
    renameSync(temporary, PROBE_CACHE);
  } catch {
    // Only a cache: the next run probes again.
  }
}
