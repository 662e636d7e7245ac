// `npm run bench` (not a test): every number is a ratio against a baseline
// measured in the same run, because machines here are noisy.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { load } from "js-yaml";
import { analyzePlaybook } from "../../src/pipeline.js";
import { compilePlan } from "../../src/pipeline.js";
import { generateLibrary } from "./library.js";
import { report, timeIt, timeProcess } from "./measure.js";
import { benchReport } from "./report-bench.js";

function validateAll(files: string[]): void {
  for (const f of files) if (!analyzePlaybook(f).plan) throw new Error(`${f} did not validate`);
}

function parseAll(files: string[]): void {
  for (const f of files) load(readFileSync(f, "utf8"));
}

function compileAll(files: string[], outDir: string): void {
  for (const f of files)
    for (const file of compilePlan(analyzePlaybook(f).plan!))
      writeFileSync(join(outDir, file.path.replace(/\//g, "_")), file.bytes);
}

function parseAndWriteAll(files: string[], outDir: string): void {
  for (const f of files) {
    const bytes = readFileSync(f);
    load(bytes.toString("utf8"));
    writeFileSync(join(outDir, f.replace(/[\\/]/g, "_")), bytes);
  }
}

const results: boolean[] = [];
const cold = timeProcess(7, ["dist/bundle/cli.js", "validate", "playbooks"]);
const node = timeProcess(7, ["-e", "0"]);
console.log(`cold validate playbooks/: ${cold.toFixed(0)} ms; node -e 0: ${node.toFixed(0)} ms`);
results.push(report("cold `kbfix validate playbooks/` vs `node -e 0`", cold / node, 2));

const small = generateLibrary(1000);
const large = generateLibrary(10000);
validateAll(small.files.slice(0, 30)); // warm the JIT and the caches once
const validate1k = timeIt(3, () => validateAll(small.files));
const parse1k = timeIt(3, () => parseAll(small.files));
console.log(
  `validate 1,000: ${validate1k.toFixed(0)} ms; raw js-yaml parse: ${parse1k.toFixed(0)} ms`,
);
results.push(
  report(
    "validate 1,000 playbooks vs raw js-yaml parse of the same bytes",
    validate1k / parse1k,
    3,
  ),
);
const validate10k = timeIt(1, () => validateAll(large.files));
results.push(
  report("validate 10x input (10,000 vs 1,000) time ratio", validate10k / validate1k, 11),
);

const out = mkdtempSync(join(tmpdir(), "kbfix-bench-out-"));
const compile1k = timeIt(3, () => compileAll(small.files, out));
const write1k = timeIt(3, () => parseAndWriteAll(small.files, out));
console.log(
  `compile 1,000: ${compile1k.toFixed(0)} ms; raw parse + write: ${write1k.toFixed(0)} ms`,
);
results.push(
  report("compile 1,000 playbooks vs raw parse + write of the same bytes", compile1k / write1k, 3),
);
const compile10k = timeIt(1, () => compileAll(large.files, out));
results.push(report("compile 10x input (10,000 vs 1,000) time ratio", compile10k / compile1k, 11));

for (const dir of [small.dir, large.dir, out]) rmSync(dir, { recursive: true, force: true });
results.push(...benchReport());
console.log(results.every(Boolean) ? "all benchmark targets met" : "some benchmark targets missed");
