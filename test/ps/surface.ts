// What the emitted PowerShell uses, as read by test/ps/ast-surface.ps1 with PowerShell's own
// parser: every out/*/*.ps1, the all-kinds fixture compiled in memory (so every step and probe
// kind's runtime is covered whatever the playbooks in out/ use, feature-cut code included),
// and the 7-only syntax sample.
// The scan takes a few seconds, so its result is kept in dist/ by a hash of everything it read.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { analyzePlaybook } from "../../src/pipeline.js";
import { compilePlan } from "../../src/pipeline.js";
import { repoRoot } from "../support/pwsh.js";
import { runPwshFile } from "../support/run-pwsh.js";
import { withEveryFeature } from "../support/feature-variants.js";
import { emittedScripts } from "./ps-files.js";

export interface ScriptSurface {
  path: string;
  parseErrors: { line: number; column: number; id: string; message: string }[];
  /** Functions the script defines (its own Verb-Kb* runtime and body). */
  functions: string[];
  commands: Record<
    string,
    {
      line: number;
      parameters: string[];
      splatted: boolean;
      /** Keys of hashtable literals passed to a parameter (e.g. -FilterHashtable). */
      hashtableKeys: Record<string, string[]>;
    }
  >;
  /** `& $variable`: what runs is only known at run time. */
  dynamicCommands: Record<string, { line: number }>;
  /** Type names as written; resolved is what PowerShell 7 makes of them (informational). */
  types: Record<string, { line: number; resolved: string | null; kinds: string[] }>;
  /** New-Object types and their constructor argument counts. */
  newObject: Record<string, { line: number; arities: number[] }>;
  /** "Type::Member"; arities of the calls (none: a property or field). */
  staticMembers: Record<string, { line: number; type: string; member: string; arities: number[] }>;
  /** Instance method calls by name and argument count (the object's type is not known). */
  methods: Record<string, { line: number; arities: number[] }>;
  syntax7: { construct: string; line: number; column: number; text: string }[];
}

/** Playbooks compiled in memory as well as out/: the fixture uses every kind once. */
const COMPILED = ["test/fixtures/kb100001.yaml"];
/** A sample with one 7-only construct a line (the check must find each). */
export const SYNTAX7_SAMPLE = "test/ps/fixtures/ps7-only.ps1";
const SCANNER = ["test/ps/ast-surface.ps1", "test/ps/syntax7.ps1"];

function compiled(): { name: string; text: string }[] {
  return COMPILED.flatMap((source) => {
    const analysis = analyzePlaybook(join(repoRoot, source));
    if (!analysis.plan) throw new Error(`${source} does not compile`);
    // The client scripts; deploy/ adds contract variants of detection and admin-side scripts.
    // With the features no playbook has (an HKCU value, a registry view, a not-disabled
    // service), whose code a script without them leaves out (the feature cuts).
    return compilePlan(withEveryFeature(analysis.plan))
      .filter((file) => /^[^/]+\/[^/]+\.ps1$/.test(file.path))
      .map((file) => ({ name: `${source} -> ${file.path}`, text: file.bytes.toString("latin1") }));
  });
}

function scan(files: string[], sources: { name: string; text: string }[]): ScriptSurface[] {
  const run = runPwshFile(join(repoRoot, SCANNER[0]!), ["-Stdin", ...files], {
    cwd: repoRoot,
    input: JSON.stringify(sources),
  });
  if (run.code !== 0) throw new Error(`ast-surface.ps1 failed (${run.code}): ${run.stderr}`);
  return JSON.parse(run.stdout) as ScriptSurface[];
}

let cached: ScriptSurface[] | undefined;

/** The surface of every emitted script, the compiled fixture and the 7-only sample. */
export function scanSurfaces(): ScriptSurface[] {
  if (cached) return cached;
  const files = [...emittedScripts(), SYNTAX7_SAMPLE];
  const sources = compiled();
  const hash = createHash("sha256");
  for (const path of [...SCANNER, ...files])
    hash.update(path).update(readFileSync(join(repoRoot, path)));
  for (const source of sources) hash.update(source.name).update(source.text);
  const cacheFile = join(
    repoRoot,
    "dist",
    "test",
    "ps",
    `.surface-${hash.digest("hex").slice(0, 16)}.json`,
  );
  try {
    cached = JSON.parse(readFileSync(cacheFile, "utf8")) as ScriptSurface[];
    return cached;
  } catch {
    // Not scanned yet.
  }
  cached = scan(files, sources);
  mkdirSync(dirname(cacheFile), { recursive: true });
  writeFileSync(`${cacheFile}.${process.pid}`, JSON.stringify(cached));
  renameSync(`${cacheFile}.${process.pid}`, cacheFile);
  // Older scans (of older scripts) are of no use any more.
  for (const name of readdirSync(dirname(cacheFile)))
    if (/^\.surface-[0-9a-f]+\.json$/.test(name) && name !== basename(cacheFile))
      rmSync(join(dirname(cacheFile), name), { force: true });
  return cached;
}

/** The emitted scripts and compiled playbooks only (not the 7-only sample). */
export function scriptSurfaces(): ScriptSurface[] {
  return scanSurfaces().filter((s) => s.path !== SYNTAX7_SAMPLE);
}
