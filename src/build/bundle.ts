// `npm run build`, second half: bundles the compiled CLI with esbuild so a cold
// `kbfix validate` loads one file instead of a hundred modules (start-up is a
// feature: see the benchmark). compile and sign stay lazy chunks.
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { PACKAGE_ROOT } from "../package-root.js";
import { WRITE_CODE_CACHE_ENV } from "../commands/cached-script.js";

// CommonJS dependencies (handlebars, ajv's runtime) call require(); ESM output needs one.
const banner =
  'import { createRequire as __kbfixCreateRequire } from "node:module";\nconst require = __kbfixCreateRequire(import.meta.url);';

// Chunk names carry content hashes: clear the folder so old chunks do not pile up.
rmSync(join(PACKAGE_ROOT, "dist", "bundle"), { recursive: true, force: true });

await build({
  entryPoints: [join(PACKAGE_ROOT, "dist", "src", "cli.js")],
  outdir: join(PACKAGE_ROOT, "dist", "bundle"),
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  banner: { js: banner },
  minify: true,
  sourcemap: false,
  logLevel: "warning",
});

// The validator again, as one CommonJS file: src/cli.ts runs a plain `validate` from it through
// V8's code cache (commands/cached-script.ts), which Node 20 offers only for classic scripts.
await build({
  entryPoints: [join(PACKAGE_ROOT, "dist", "src", "commands", "validate.js")],
  outfile: join(PACKAGE_ROOT, "dist", "bundle", "validate.cjs"),
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  banner: { js: 'var __kbfixModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
  define: { "import.meta.url": "__kbfixModuleUrl" },
  minify: true,
  sourcemap: false,
  logLevel: "warning",
});

// Warm-up: validate the committed playbooks once and keep the compiled code. Exit 0 or 1 (the
// playbooks' own verdict) are both a finished run; anything else is a broken bundle.
const warmUp = spawnSync(
  process.execPath,
  [join(PACKAGE_ROOT, "dist", "bundle", "cli.js"), "validate", join(PACKAGE_ROOT, "playbooks")],
  { encoding: "utf8", env: { ...process.env, [WRITE_CODE_CACHE_ENV]: "1" } },
);
if (warmUp.status !== 0 && warmUp.status !== 1)
  throw new Error(`kbfix: the bundled validator failed its warm-up run:\n${warmUp.stderr}`);
