// The latest run of each machine for each playbook. A later finishedUtc replaces an earlier
// run (which is counted as superseded); at equal times the source name decides, so the result
// does not depend on the order the files were read in.
import { compareText } from "./compare-text.js";
import { sourceOf, type MachineRun } from "./machine-run.js";

const isNewer = (a: MachineRun, b: MachineRun) =>
  a.finishedMs > b.finishedMs ||
  (a.finishedMs === b.finishedMs && compareText(sourceOf(a), sourceOf(b)) > 0);

export class LatestRuns {
  /** Playbook -> machine name in upper case -> run: no key string is built per machine (a
   * name already in upper case is its own key). */
  private readonly byPlaybook = new Map<string, Map<string, MachineRun>>();
  private count = 0;
  superseded = 0;

  add(run: MachineRun): void {
    let runs = this.byPlaybook.get(run.playbookId);
    if (!runs) this.byPlaybook.set(run.playbookId, (runs = new Map()));
    const key = run.computer.toUpperCase();
    const known = runs.get(key);
    if (!known) {
      runs.set(key, run);
      this.count++;
      return;
    }
    this.superseded++;
    const [winner, loser] = isNewer(run, known) ? [run, known] : [known, run];
    winner.superseded += loser.superseded + 1;
    runs.set(key, winner);
  }

  get size(): number {
    return this.count;
  }

  *values(): IterableIterator<MachineRun> {
    for (const runs of this.byPlaybook.values()) yield* runs.values();
  }
}
