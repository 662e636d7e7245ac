// Builds (tsc, then the esbuild bundle the kbfix command runs), runs every uvu suite under
// dist/test (several at once; see below), and closes with the one line CI reads:
// "N passed, N failed". A suite's own output is printed when it fails.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
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

// `node test/run.mjs [--tier unit|pwsh|wine] [substring]`: a tier is the suites that run
// nothing emitted (unit), or that run the scripts in PowerShell (pwsh) or in Wine's cmd (wine).
const TIERS = {
  unit: (rel) => !/\.(pwsh|wine)\.test\.js$/.test(rel),
  pwsh: (rel) => rel.endsWith(".pwsh.test.js"),
  wine: (rel) => rel.endsWith(".wine.test.js"),
};
const args = process.argv.slice(2);
const tierAt = args.indexOf("--tier");
const tier = tierAt >= 0 ? args.splice(tierAt, 2)[1] : undefined;
if (tier !== undefined && !(tier in TIERS)) {
  console.log(`unknown tier '${tier}': use ${Object.keys(TIERS).join(", ")}`);
  console.log("0 passed, 1 failed");
  process.exit(2);
}
const filter = args[0];
// tsc never deletes: a suite whose source is gone is an earlier build's output, not a test.
const hasSource = (rel) =>
  existsSync(join(root, rel.replace(/^dist\//, "").replace(/\.js$/, ".ts")));
const files = suites(join(root, "dist", "test"))
  .map((file) => relative(root, file))
  .filter(hasSource)
  .filter((rel) => !filter || rel.includes(filter))
  .filter((rel) => !tier || TIERS[tier](rel));

// The tiers that run emitted scripts are slow: start them first. Suites run in parallel,
// but Wine suites one at a time (they share one Wine prefix and its registry).
const slow = (rel) => /\.(pwsh|wine)\.test\.js$/.test(rel);
const order = [...files.filter(slow), ...files.filter((rel) => !slow(rel))];
const laneOf = (rel) => (rel.includes(".wine.") ? "wine" : rel);
const width = Number(process.env.KBFIX_TEST_JOBS) || Math.max(2, availableParallelism() + 1);

// PowerShell is a local .NET tool: restore it once here, not in every suite at the same time.
if (existsSync(join(root, ".config", "dotnet-tools.json"))) {
  spawnSync("dotnet", ["tool", "restore"], { cwd: root, stdio: "ignore" });
}

function runSuite(rel) {
  return new Promise((resolve) => {
    const started = Date.now();
    // Liftoff only: the parser suites load tree-sitter's WebAssembly, and V8's optimizing tier
    // spent most of their time compiling it (83 s against 1.4 s on a busy 2-core machine).
    const child = spawn(process.execPath, ["--liftoff-only", join(root, rel)], { cwd: root });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.stderr.on("data", (chunk) => (out += chunk));
    child.on("close", (status) =>
      resolve({ rel, status, out, seconds: (Date.now() - started) / 1000 }),
    );
  });
}

function report({ rel, status, out, seconds }) {
  const total = Number(/Total:\s+(\d+)/.exec(out)?.[1] ?? 0);
  const ok = Number(/Passed:\s+(\d+)/.exec(out)?.[1] ?? 0);
  const crashed = status !== 0 && total === 0;
  const mark = status === 0 ? "ok  " : "FAIL";
  console.log(`${mark} ${rel} (${ok}/${total}) ${seconds.toFixed(1)}s`);
  // A tier that skipped itself (no Wine, no osslsigncode) says so, even when the suite passed.
  for (const line of out.split("\n")) if (/^SKIPPING\b/.test(line)) console.log(`     ${line}`);
  if (status !== 0) console.log(out);
  return { ok, bad: crashed ? 1 : total - ok };
}

let passed = 0;
let failed = 0;
const pending = [...order];
const running = new Set();
async function worker() {
  while (pending.length > 0) {
    const index = pending.findIndex((rel) => !running.has(laneOf(rel)));
    if (index < 0) {
      await new Promise((r) => setTimeout(r, 50));
      continue;
    }
    const [rel] = pending.splice(index, 1);
    running.add(laneOf(rel));
    const result = report(await runSuite(rel));
    running.delete(laneOf(rel));
    passed += result.ok;
    failed += result.bad;
  }
}
await Promise.all(Array.from({ length: width }, worker));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
