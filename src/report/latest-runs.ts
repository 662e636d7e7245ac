// The latest run of each machine for each playbook. A later finishedUtc replaces an earlier
// run (which is counted as superseded); at equal times the source name decides, so the result
// does not depend on the order the files were read in.
import { compareText } from "./compare-text.js";
import type { MachineRun } from "./machine-run.js";

const isNewer = (a: MachineRun, b: MachineRun) =>
  a.finishedMs > b.finishedMs ||
  (a.finishedMs === b.finishedMs && compareText(a.source, b.source) > 0);

export class LatestRuns {
  private readonly runs = new Map<string, MachineRun>();
  superseded = 0;

  add(run: MachineRun): void {
    const key = `${run.playbookId}\u0000${run.computer.toUpperCase()}`;
    const known = this.runs.get(key);
    if (!known) {
      this.runs.set(key, run);
      return;
    }
    this.superseded++;
    const [winner, loser] = isNewer(run, known) ? [run, known] : [known, run];
    winner.superseded += loser.superseded + 1;
    this.runs.set(key, winner);
  }

  get size(): number {
    return this.runs.size;
  }

  values(): IterableIterator<MachineRun> {
    return this.runs.values();
  }
}
