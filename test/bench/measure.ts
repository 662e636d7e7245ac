// Timing helpers: the median of several runs, so one noisy run does not decide.
import { spawnSync } from "node:child_process";

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export function timeIt(runs: number, fn: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

export function timeProcess(runs: number, args: string[]): number {
  return timeIt(runs, () => {
    const r = spawnSync(process.execPath, args, { stdio: "ignore" });
    if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(" ")} exited ${r.status}`);
  });
}

export function report(name: string, ratio: number, target: number): boolean {
  const ok = ratio <= target;
  console.log(`${ok ? "ok  " : "SLOW"} ${name}: ${ratio.toFixed(2)}x (target <= ${target}x)`);
  return ok;
}
