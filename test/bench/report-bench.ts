// `kbfix report` at fleet scale: 100,000 small result files rolled up, timed against a bare
// JSON.parse of the same files read the same way (readFileSync, one at a time) in the same run,
// and its peak memory measured in a child process of its own (the parent holds the generator).
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { rollUp } from "../../src/report/roll-up.js";
import { report, timeIt } from "./measure.js";
import { tempDir } from "../support/temp-dir.js";

const METHODS = ["service", "rename-catroot2", "register-dlls", "clear-cache", "manual-guidance"];
const OUTCOMES: [string, number][] = [
  ["Fixed", 0],
  ["Compliant", 0],
  ["FixedSoftReboot", 3010],
  ["StepFailed", 2],
  ["StillPresent", 1],
];

function smallResult(i: number): string {
  const [outcome, exitCode] = OUTCOMES[i % OUTCOMES.length]!;
  const reached = 1 + (i % METHODS.length);
  const results = METHODS.map((method, m) => ({
    id: `${method}-step`,
    method,
    status:
      m >= reached
        ? "skipped"
        : outcome === "StepFailed" && m === reached - 1
          ? "failed"
          : m === reached - 1
            ? "changed"
            : "ok",
    before: "",
    after: "",
    message: outcome === "StepFailed" && m === reached - 1 ? `error ${i % 7}` : "",
    whatIf: false,
    conditionalOn: "",
  }));
  return JSON.stringify({
    tool: "kbfix",
    resultSchemaVersion: 1,
    playbook: {
      id: `kb${100 + (i % 3)}`,
      title: "bench",
      kb: [100],
      toolVersion: "0.1.0",
      schemaVersion: 1,
      sourceSha256: "0".repeat(64),
    },
    outcome,
    exitCode,
    message: "",
    whatIf: false,
    computer: `PC-${i}`,
    account: "NT AUTHORITY\\SYSTEM",
    startedUtc: "2026-01-01T00:00:00.0000000Z",
    finishedUtc: `2026-01-01T00:${String(Math.floor(i / 60000) % 60).padStart(2, "0")}:00.0000000Z`,
    selectedMethods: [],
    evidenceBefore: { present: true, detail: "x" },
    evidenceAfter: { present: false, detail: "" },
    results,
    log: "C:\\Windows\\Logs\\kbfix\\kb100.log",
    logError: null,
  });
}

/** count files, 1,000 per sub-folder (as collected shares usually are). */
export function generateResults(count: number): { dir: string; files: string[] } {
  const dir = tempDir("kbfix-bench-results-");
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const folder = join(dir, `share${Math.floor(i / 1000)}`);
    if (i % 1000 === 0) mkdirSync(folder);
    const file = join(folder, `PC-${i}.result.json`);
    writeFileSync(file, smallResult(i));
    files.push(file);
  }
  return { dir, files };
}

function bareParse(files: readonly string[]): void {
  for (const file of files) JSON.parse(readFileSync(file, "utf8"));
}

/** Peak RSS of a fresh process that rolls the folder up. */
function childPeakMb(dir: string): number {
  const self = fileURLToPath(import.meta.url);
  const run = spawnSync(process.execPath, [self, "--roll-up", dir], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`roll-up child failed: ${run.stderr}`);
  return JSON.parse(run.stdout).maxRssKb / 1024;
}

export function benchReport(count = 100_000): boolean[] {
  const { dir, files } = generateResults(count);
  try {
    bareParse(files.slice(0, 2000)); // warm the JIT and the page cache
    const rolled = timeIt(3, () => rollUp([dir]));
    const parsed = timeIt(3, () => bareParse(files));
    const peak = childPeakMb(dir);
    console.log(
      `report ${count} result files: ${rolled.toFixed(0)} ms; bare read + JSON.parse: ${parsed.toFixed(0)} ms; peak RSS ${peak.toFixed(0)} MB`,
    );
    return [
      report(`kbfix report, ${count} result files, vs bare read + JSON.parse`, rolled / parsed, 2),
      reportMemory(`kbfix report, ${count} result files, peak RSS`, peak, 200),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function reportMemory(name: string, mb: number, limitMb: number): boolean {
  const ok = mb < limitMb;
  console.log(`${ok ? "ok  " : "BIG "} ${name}: ${mb.toFixed(0)} MB (target < ${limitMb} MB)`);
  return ok;
}

if (process.argv[2] === "--roll-up") {
  const r = rollUp([process.argv[3]!]);
  if (r.inputs.runs === 0) process.exit(1);
  process.stdout.write(JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS }) + "\n");
} else if (process.argv[2] === "--alone") {
  const ok = benchReport(Number(process.argv[3]) || 100_000);
  console.log(
    ok.every(Boolean) ? "report benchmark targets met" : "some report benchmark targets missed",
  );
}
