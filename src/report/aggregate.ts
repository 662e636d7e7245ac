// The latest runs -> one section per playbook and tool version: outcomes by exit code, the
// ladder's figures per method, the steps that fail most, the machines still failing.
import { compareText } from "./compare-text.js";
import type {
  FailingMachine,
  FailingStep,
  MethodFigures,
  OutcomeBucket,
  PlaybookReport,
} from "./fleet-report.js";
import type { LadderOrder } from "./ladder-order.js";
import { isFixedOutcome, sourceOf, type MachineRun } from "./machine-run.js";

interface Group {
  playbookId: string;
  toolVersion: string;
  title: string;
  runs: MachineRun[];
}

function groupRuns(runs: Iterable<MachineRun>): Group[] {
  const groups = new Map<string, Group>();
  for (const run of runs) {
    const key = `${run.playbookId}\u0000${run.toolVersion}`;
    let group = groups.get(key);
    if (!group) {
      group = { playbookId: run.playbookId, toolVersion: run.toolVersion, title: "", runs: [] };
      groups.set(key, group);
    }
    if (run.title && (!group.title || compareText(run.title, group.title) < 0))
      group.title = run.title;
    group.runs.push(run);
  }
  return [...groups.values()].sort(
    (a, b) => compareText(a.playbookId, b.playbookId) || compareText(a.toolVersion, b.toolVersion),
  );
}

function outcomeBuckets(runs: readonly MachineRun[]): OutcomeBucket[] {
  const buckets = new Map<number | null, Map<string, number>>();
  for (const run of runs) {
    const names = buckets.get(run.exitCode) ?? new Map<string, number>();
    names.set(run.outcome, (names.get(run.outcome) ?? 0) + 1);
    buckets.set(run.exitCode, names);
  }
  const rank = (code: number | null) => (code === null ? Infinity : code);
  return [...buckets.entries()]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([exitCode, names]) => {
      const sorted = [...names.entries()].sort(([a], [b]) => compareText(a, b));
      return {
        exitCode,
        machines: sorted.reduce((sum, [, n]) => sum + n, 0),
        outcomes: Object.fromEntries(sorted),
      };
    });
}

function methodFigures(runs: readonly MachineRun[], ladder: readonly string[]): MethodFigures[] {
  const figures = new Map<string, MethodFigures>();
  const figure = (method: string) => {
    let f = figures.get(method);
    if (!f) figures.set(method, (f = { method, reached: 0, changed: 0, fixed: 0, failed: 0 }));
    return f;
  };
  for (const method of ladder) figure(method);
  for (const run of runs) {
    const steps = run.steps;
    for (const method of steps.reached) figure(method).reached++;
    for (const method of steps.changed) figure(method).changed++;
    for (const method of steps.failed) figure(method).failed++;
    const last = steps.lastChanged;
    if (last !== undefined && isFixedOutcome(run.outcome)) figure(last).fixed++;
  }
  const position = (method: string) => {
    const at = ladder.indexOf(method);
    return at < 0 ? Infinity : at;
  };
  return [...figures.values()].sort(
    (a, b) => position(a.method) - position(b.method) || compareText(a.method, b.method),
  );
}

function failingSteps(runs: readonly MachineRun[], top: number): FailingStep[] {
  const steps = new Map<string, FailingStep>();
  for (const run of runs) {
    for (const s of run.steps.distinctFailedSteps) {
      const known = steps.get(s.key);
      if (known) known.machines++;
      else steps.set(s.key, { step: s.step, method: s.method, message: s.message, machines: 1 });
    }
  }
  return [...steps.values()]
    .sort(
      (a, b) =>
        b.machines - a.machines ||
        compareText(a.step, b.step) ||
        compareText(a.method, b.method) ||
        compareText(a.message, b.message),
    )
    .slice(0, top);
}

function failingMachines(runs: readonly MachineRun[]): FailingMachine[] {
  const failing: FailingMachine[] = [];
  for (const run of runs) {
    if (!run.failing) continue;
    const firstFailed = run.steps.failedSteps[0];
    failing.push({
      computer: run.computer,
      outcome: run.outcome,
      exitCode: run.exitCode,
      step: firstFailed?.step ?? "",
      message: firstFailed?.message || run.failing.message,
      finishedUtc: run.failing.finishedUtc,
      source: sourceOf(run),
    });
  }
  return failing.sort(
    (a, b) => compareText(a.computer, b.computer) || compareText(a.source, b.source),
  );
}

export function aggregate(
  runs: Iterable<MachineRun>,
  ladders: LadderOrder,
  top: number,
): PlaybookReport[] {
  return groupRuns(runs).map((group) => ({
    playbookId: group.playbookId,
    toolVersion: group.toolVersion,
    title: group.title,
    machines: group.runs.length,
    superseded: group.runs.reduce((sum, run) => sum + run.superseded, 0),
    whatIfRuns: group.runs.filter((run) => run.whatIf).length,
    outcomes: outcomeBuckets(group.runs),
    methods: methodFigures(group.runs, ladders.of(group.playbookId)),
    failingSteps: failingSteps(group.runs, top),
    failingMachines: failingMachines(group.runs),
  }));
}
