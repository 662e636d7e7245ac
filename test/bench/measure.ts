// Timing helpers: the median of several runs, so one noisy run does not decide. Times are CPU
// time (user + system), not wall time: the machines here are shared, and a process waiting for
// a core would otherwise count its wait as its own cost, as much as the load of the moment.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "../support/temp-dir.js";

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

// CPU time advances in clock ticks: a call shorter than a tick can measure 0 ms, and a ratio
// over it would be Infinity or NaN. A sample repeats the call until it has used this much CPU
// time and counts the mean; the default sizes take far longer, so there it is one call.
const MIN_SAMPLE_MS = 20;

/** Median CPU milliseconds of `fn` in this process. */
export function timeIt(runs: number, fn: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = cpuMs();
    let calls = 0;
    do {
      fn();
      calls++;
    } while (cpuMs() - start < MIN_SAMPLE_MS);
    times.push((cpuMs() - start) / calls);
  }
  return median(times);
}

/**
 * Two in-process calls timed in alternation, `runs` times each (timeIt's samples): medians of
 * each and the median of the per-pair ratios. What timeProcessPair does for processes: a run
 * of one side and the run of the other beside it share the moment's load; timing every run of
 * one side before the other put them under loads that measured the same build 2.6x and 4.7x.
 */
export function timeInAlternation(
  runs: number,
  fn: () => void,
  baseline: () => void,
): { ms: number; baselineMs: number; ratio: number } {
  const times: number[] = [];
  const baselines: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < runs; i++) {
    times.push(timeIt(1, fn));
    baselines.push(timeIt(1, baseline));
    ratios.push(times[i]! / baselines[i]!);
  }
  return { ms: median(times), baselineMs: median(baselines), ratio: median(ratios) };
}

// Preloaded (CommonJS, so it starts no module loader of its own) into every timed child: at
// exit the child writes its own CPU time, from its start, to file descriptor 3.
const REPORTER = `process.on("exit", () => {
  const { user, system } = process.cpuUsage();
  require("node:fs").writeSync(3, String((user + system) / 1000));
});
`;
let reporter: string | undefined;

function reporterPath(): string {
  if (!reporter) {
    reporter = join(tempDir("kbfix-bench-cpu-"), "cpu-at-exit.cjs");
    writeFileSync(reporter, REPORTER);
  }
  return reporter;
}

/** CPU milliseconds of one node process running `args`. */
function processCpuMs(args: string[]): number {
  const r = spawnSync(process.execPath, ["--require", reporterPath(), ...args], {
    stdio: ["ignore", "ignore", "ignore", "pipe"],
  });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(" ")} exited ${r.status}`);
  return Number(r.output[3]!.toString());
}

/**
 * Two commands timed in alternation, `runs` times each: medians of each and the median of the
 * per-pair ratios. Alternating puts both sides of a ratio under the same moment's load, which
 * on a shared machine moves more than either command does.
 */
export function timeProcessPair(
  runs: number,
  args: string[],
  baselineArgs: string[],
): { ms: number; baselineMs: number; ratio: number } {
  const times: number[] = [];
  const baselines: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < runs; i++) {
    times.push(processCpuMs(args));
    baselines.push(processCpuMs(baselineArgs));
    ratios.push(times[i]! / baselines[i]!);
  }
  return { ms: median(times), baselineMs: median(baselines), ratio: median(ratios) };
}

/**
 * Prints one target's verdict. A ratio that is not a finite positive number (a time measured
 * 0 ms, or one that is not a number) says nothing about speed: it is reported as missed, with
 * why, never as met.
 */
export function report(name: string, ratio: number, target: number): boolean {
  if (!Number.isFinite(ratio) || ratio <= 0) {
    console.log(
      `SLOW ${name}: not measured, the ratio is ${ratio} (a time measured 0 ms or not a number; target <= ${target}x)`,
    );
    return false;
  }
  const ok = ratio <= target;
  console.log(`${ok ? "ok  " : "SLOW"} ${name}: ${ratio.toFixed(2)}x (target <= ${target}x)`);
  return ok;
}
