// The cold `kbfix validate` path: the build leaves a one-file validator and V8 code for it, the
// code is taken under the flags the CLI runs validation with, and a bundle that changed since is
// never paired with the old code.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const LOADER = resolve("dist/src/commands/cached-script.js");
const BUNDLE = resolve("dist/bundle/validate.cjs");

/** A folder inside the package, so the bundle's copy still resolves ajv's runtime helpers. */
const scratch = () => mkdtempSync(resolve("dist/cache-test-"));

/** Loads `bundle` in a fresh node with the CLI's validation flags; what became of the cache. */
function cacheOutcome(bundle: string, env: Record<string, string> = {}): string {
  const script =
    `import(${JSON.stringify(LOADER)}).then((m) => {` +
    ` const loaded = m.requireWithCodeCache(${JSON.stringify(bundle)});` +
    ` if (loaded === undefined) return console.log("none");` +
    ` if (typeof loaded.exports.validateCommand !== "function") throw new Error("no validateCommand");` +
    ` console.log(loaded.cache); })`;
  const run = spawnSync(process.execPath, ["--no-turbofan", "-e", script], {
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  assert.is(run.status, 0, run.stderr);
  return run.stdout.trim();
}

test("the build's code cache for the validator is taken under the CLI's flags", () => {
  assert.ok(readdirSync("dist/bundle").some((f) => f.endsWith(".v8cache")));
  assert.is(cacheOutcome(BUNDLE), "used");
});

test("no bundle: nothing is loaded, so the CLI takes the compiled modules", () => {
  assert.is(cacheOutcome(resolve("dist/bundle/no-such-bundle.cjs")), "none");
});

test("a bundle changed after the build finds no cache, and runs all the same", () => {
  const dir = scratch();
  const copy = join(dir, "validate.cjs");
  copyFileSync(BUNDLE, copy);
  assert.is(cacheOutcome(copy), "missing");
  // The warm-up's way of writing it, then a touch: the new modification time misses it.
  assert.is(cacheOutcome(copy, { KBFIX_WRITE_CODE_CACHE: "1" }), "missing");
  assert.is(cacheOutcome(copy), "used");
  utimesSync(copy, new Date(), new Date(Date.now() + 5000));
  assert.is(cacheOutcome(copy), "missing");
  rmSync(dir, { recursive: true });
});

test("a cache V8 cannot use is rejected, not trusted", () => {
  const dir = scratch();
  const copy = join(dir, "validate.cjs");
  copyFileSync(BUNDLE, copy);
  cacheOutcome(copy, { KBFIX_WRITE_CODE_CACHE: "1" });
  const cache = readdirSync(dir).find((f) => f.endsWith(".v8cache"))!;
  writeFileSync(join(dir, cache), "not V8 code");
  assert.is(cacheOutcome(copy), "rejected");
  rmSync(dir, { recursive: true });
});

test("the CLI validates through the bundle with the same verdict as the compiled modules", () => {
  const bundled = spawnSync(process.execPath, ["dist/bundle/cli.js", "validate", "playbooks"], {
    encoding: "utf8",
  });
  const plain = spawnSync(process.execPath, ["dist/src/cli.js", "validate", "playbooks"], {
    encoding: "utf8",
  });
  assert.is(bundled.status, plain.status);
  assert.is(bundled.stderr, plain.stderr);
});

test.run();
