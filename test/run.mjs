// Builds (tsc, then the esbuild bundle the kbfix command runs), runs every uvu suite under
// dist/test, and closes with the one line CI reads: "N passed, N failed". uvu's own summary is
// kept in the output above it.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const run = (args) => spawnSync(process.execPath, args, { cwd: root, stdio: "inherit" });
const tsc = run([join(root, "node_modules/typescript/bin/tsc"), "-p", "."]);
const build = tsc.status === 0 ? run([join(root, "dist/src/build/bundle.js")]) : tsc;
if (build.status !== 0) {
  console.log("build failed");
  console.log("0 passed, 1 failed");
  process.exit(1);
}

function suites(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return suites(path);
      return name.endsWith(".test.js") ? [path] : [];
    });
}

const filter = process.argv[2];
let passed = 0;
let failed = 0;
for (const file of suites(join(root, "dist", "test"))) {
  const rel = relative(root, file);
  if (filter && !rel.includes(filter)) continue;
  const run = spawnSync(process.execPath, [file], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  const out = (run.stdout ?? "") + (run.stderr ?? "");
  const total = Number(/Total:\s+(\d+)/.exec(out)?.[1] ?? 0);
  const ok = Number(/Passed:\s+(\d+)/.exec(out)?.[1] ?? 0);
  const crashed = run.status !== 0 && total === 0;
  passed += ok;
  failed += crashed ? 1 : total - ok;
  const mark = run.status === 0 ? "ok  " : "FAIL";
  console.log(`${mark} ${rel} (${ok}/${total})`);
  // A tier that skipped itself (no Wine, no osslsigncode) says so, even when the suite passed.
  for (const line of out.split("\n")) if (/^SKIPPING\b/.test(line)) console.log(`     ${line}`);
  if (run.status !== 0) console.log(out);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
