// Loads a CommonJS bundle through V8's code cache, so a cold `kbfix validate` neither parses nor
// compiles the validator again: the build runs validation once and stores the compiled code
// beside the bundle (docs/performance.md). A cache V8 rejects (another Node version, other V8
// flags) or a missing one only costs the ordinary compile; the cache is never written at run
// time, so an installed kbfix does not write into its own folder.
import { createRequire } from "node:module";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { Script } from "node:vm";

/** Set by the build's warm-up run: write the compiled code when the process exits. */
export const WRITE_CODE_CACHE_ENV = "KBFIX_WRITE_CODE_CACHE";

/**
 * The cache file's name carries the bundle's size and modification time: V8 itself checks only
 * the source's length, so a rebuilt bundle of the same length must not meet an old cache.
 */
function cachePath(bundle: string): string | undefined {
  const stat = statSync(bundle, { throwIfNoEntry: false });
  return stat && `${bundle}.${stat.size}-${Math.trunc(stat.mtimeMs)}.v8cache`;
}

function readCache(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

export interface CachedModule {
  exports: Record<string, unknown>;
  /** What became of the stored code: the tests check that the build's cache is taken. */
  cache: "used" | "rejected" | "missing";
}

/** Runs `bundle` (CommonJS) as `require` would; undefined when there is no such file. */
export function requireWithCodeCache(bundle: string): CachedModule | undefined {
  const cache = cachePath(bundle);
  if (cache === undefined) return undefined;
  const cachedData = readCache(cache);
  const wrapper = `(function (exports, require, module, __filename, __dirname) {${readFileSync(bundle, "utf8")}\n})`;
  const script = new Script(wrapper, { filename: bundle, cachedData });
  const module = { exports: {} as Record<string, unknown> };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  if (process.env[WRITE_CODE_CACHE_ENV] === "1")
    // At exit, so the cache holds every function the run compiled, not only the top level.
    process.on("exit", () => writeFileSync(cache, script.createCachedData()));
  const used = script.cachedDataRejected ? "rejected" : "used";
  return { exports: module.exports, cache: cachedData ? used : "missing" };
}
