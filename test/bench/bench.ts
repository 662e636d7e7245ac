// `npm run bench` (not a test): every number is a ratio against a baseline
// measured in the same run, because machines here are noisy (times are CPU time: measure.ts).
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { load } from "js-yaml";
import { analyzePlaybook } from "../../src/pipeline.js";
import { compilePlan } from "../../src/pipeline.js";
import { generateLibrary, SEED_COUNT } from "./library.js";
import { report, timeInAlternation, timeIt, timeProcessPair } from "./measure.js";
import { benchReport } from "./report-bench.js";
import { tempDir } from "../support/temp-dir.js";

function validateAll(files: string[]): void {
  for (const f of files) if (!analyzePlaybook(f).plan) throw new Error(`${f} did not validate`);
}

function parseAll(files: string[]): void {
  for (const f of files) load(readFileSync(f, "utf8"));
}

/**
 * A folder per playbook, as `kbfix compile` writes out/<id>/ (the deploy/ files flattened into
 * it): one folder of 160,000 files for the 10x library made the kernel's share of the writes
 * grow faster than the work (10x input measured 8.9-17.2x while compile without writes is linear).
 */
function playbookFolder(outDir: string, file: string): string {
  const dir = join(outDir, basename(file, ".yaml"));
  mkdirSync(dir, { recursive: true });
  return dir;
}

function compileAll(files: string[], outDir: string): void {
  for (const f of files) {
    const dir = playbookFolder(outDir, f);
    for (const file of compilePlan(analyzePlaybook(f).plan!))
      writeFileSync(join(dir, file.path.replace(/\//g, "_")), file.bytes);
  }
}

/** The input-only baseline of earlier sessions: parse each playbook, write its own bytes. */
function parseAndWriteInput(files: string[], outDir: string): void {
  for (const f of files) {
    const bytes = readFileSync(f);
    load(bytes.toString("utf8"));
    writeFileSync(join(outDir, f.replace(/[\\/]/g, "_")), bytes);
  }
}

/**
 * The compile baseline: parse each playbook and write as many files, of the same sizes, as
 * compile writes for it (the files compiled from its seed playbook, ready in memory). Compile
 * writes about 20 times the bytes it reads (deploy/ copies, the Intune body in base64), so a
 * baseline writing only the input would charge that unavoidable I/O to compile.
 */
function parseAndWriteOutput(files: string[], outputs: Buffer[][], outDir: string): void {
  files.forEach((f, i) => {
    load(readFileSync(f, "utf8"));
    const dir = playbookFolder(outDir, f);
    outputs[i % outputs.length]!.forEach((bytes, k) => writeFileSync(join(dir, `${k}`), bytes));
  });
}

/** What compile writes for each seed of the library (the first playbook of each). */
function seedOutputs(files: string[]): Buffer[][] {
  return files
    .slice(0, SEED_COUNT)
    .map((f) => compilePlan(analyzePlaybook(f).plan!).map((file) => file.bytes));
}

const bytesOf = (list: Buffer[]) => list.reduce((n, b) => n + b.length, 0);

/** Cold start: one process validating the committed playbooks, against starting node alone. */
function coldValidate(): boolean[] {
  const { ms, baselineMs, ratio } = timeProcessPair(
    RUNS === 1 ? 1 : 11,
    ["dist/bundle/cli.js", "validate", "playbooks"],
    ["-e", "0"],
  );
  console.log(
    `cold validate playbooks/: ${ms.toFixed(0)} ms; node -e 0: ${baselineMs.toFixed(0)} ms`,
  );
  return [report("cold `kbfix validate playbooks/` vs `node -e 0`", ratio, 2)];
}

// `--count N` shrinks the libraries (N and 10 N playbooks, N result files for report) and the
// repeats: the test that the bench runs uses it; the targets are for the default sizes.
const countAt = process.argv.indexOf("--count");
const COUNT = countAt >= 0 ? Number(process.argv[countAt + 1]) : 1000;
const RUNS = countAt >= 0 ? 1 : 3;
// Compile against its baseline in alternation: more pairs than RUNS, as one pair is noisy.
const COMPILE_PAIRS = countAt >= 0 ? 1 : 5;
const N = COUNT.toLocaleString("en-US");
const N10 = (10 * COUNT).toLocaleString("en-US");

function validateLibrary(): boolean[] {
  const small = generateLibrary(COUNT);
  const large = generateLibrary(10 * COUNT);
  validateAll(small.files.slice(0, 30)); // warm the JIT and the caches once
  const validate1k = timeIt(RUNS, () => validateAll(small.files));
  const parse1k = timeIt(RUNS, () => parseAll(small.files));
  console.log(
    `validate ${N}: ${validate1k.toFixed(0)} ms; raw js-yaml parse: ${parse1k.toFixed(0)} ms`,
  );
  const validate10k = timeIt(1, () => validateAll(large.files));
  for (const dir of [small.dir, large.dir]) rmSync(dir, { recursive: true, force: true });
  return [
    report(
      `validate ${N} playbooks vs raw js-yaml parse of the same bytes`,
      validate1k / parse1k,
      3,
    ),
    report(`validate 10x input (${N10} vs ${N}) time ratio`, validate10k / validate1k, 11),
  ];
}

function compileLibrary(): boolean[] {
  const small = generateLibrary(COUNT);
  const large = generateLibrary(10 * COUNT);
  const out = tempDir("kbfix-bench-out-");
  const outputs = seedOutputs(small.files);
  const inputBytes = small.files.slice(0, SEED_COUNT).reduce((n, f) => n + statSync(f).size, 0);
  console.log(
    `compile writes ${(outputs.reduce((n, o) => n + bytesOf(o), 0) / inputBytes).toFixed(1)}x ` +
      `the bytes it reads, in ${outputs[0]!.length} files per playbook`,
  );
  const paired = timeInAlternation(
    COMPILE_PAIRS,
    () => compileAll(small.files, out),
    () => parseAndWriteOutput(small.files, outputs, out),
  );
  const [compile1k, write1k] = [paired.ms, paired.baselineMs];
  const writeInput1k = timeIt(RUNS, () => parseAndWriteInput(small.files, out));
  console.log(
    `compile ${N}: ${compile1k.toFixed(0)} ms; raw parse + write of the same output: ` +
      `${write1k.toFixed(0)} ms; raw parse + write of the input only: ` +
      `${writeInput1k.toFixed(0)} ms (compile is ${(compile1k / writeInput1k).toFixed(1)}x that)`,
  );
  const ok = report(
    `compile ${N} playbooks vs raw parse + write of the bytes compile writes`,
    paired.ratio,
    3,
  );
  const compile10k = timeIt(1, () => compileAll(large.files, out));
  for (const dir of [small.dir, large.dir, out]) rmSync(dir, { recursive: true, force: true });
  return [ok, report(`compile 10x input (${N10} vs ${N}) time ratio`, compile10k / compile1k, 11)];
}

const SECTIONS: [string, () => boolean[]][] = [
  ["cold", coldValidate],
  ["validate", validateLibrary],
  ["compile", compileLibrary],
  ["report", () => benchReport(COUNT === 1000 ? 100_000 : COUNT)],
];

// `npm run bench -- compile cold` runs only the sections named; no names runs them all.
const wanted = process.argv
  .slice(2)
  .filter((a, i, all) => a !== "--count" && all[i - 1] !== "--count");
const results = SECTIONS.filter(([name]) => wanted.length === 0 || wanted.includes(name)).flatMap(
  ([, run]) => run(),
);
console.log(results.every(Boolean) ? "all benchmark targets met" : "some benchmark targets missed");
