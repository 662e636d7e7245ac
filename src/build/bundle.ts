// `npm run build`, second half: bundles the compiled CLI with esbuild so a cold
// `kbfix validate` loads one file instead of a hundred modules (start-up is a
// feature: see the benchmark). compile and sign stay lazy chunks.
import { build } from "esbuild";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { PACKAGE_ROOT } from "../package-root.js";

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
