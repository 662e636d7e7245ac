// The Wine tier's switch: its tests run where Wine is installed, are skipped (and
// say so) where it is not, and fail under CI, where Wine must be present.
// wineScenarios runs a suite's scenarios side by side, each worker on its own prefix.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { availableParallelism } from "node:os";
import { Worker, workerData } from "node:worker_threads";
import { claimPrefixSlot, wineAvailable } from "../support/wine.js";

const wine = wineAvailable();

export const wineTest: typeof test = wine.ok ? test : (test.skip as typeof test);

if (!wine.ok && process.env.CI === "true") {
  test("wine is available in CI", () => assert.unreachable(wine.why));
} else if (!wine.ok) {
  console.log(`SKIPPING the batch (Wine) tests: ${wine.why}`);
}

type Body = () => void | Promise<void>;

/** Set in the worker threads of wineScenarios (test/cmd/scenario-worker.ts). */
const inWorker = (workerData as { kbfixScenarios?: boolean } | null)?.kbfixScenarios === true;

/** A worker's scenarios, in the order its copy of the suite registered them. */
export const workerScenarios: Body[] = [];

/**
 * `wineTest` for scenarios that may run at the same time as the suite's others:
 * `const scenario = wineScenarios(import.meta.url)`, then `scenario(name, body)`.
 * A script run is mostly cmd.exe reading the script again for every call and goto, on one
 * core: the scenarios run in worker threads (KBFIX_WINE_JOBS, default: the cores, at most 4),
 * each worker on a prefix slot of its own (its own registry and wineserver), and uvu reports
 * them in the order they were registered. A body is sync or async, as for wineTest.
 */
export function wineScenarios(moduleUrl: string): (name: string, body: Body) => void {
  if (inWorker) return (_name, body) => void workerScenarios.push(body);
  if (!wine.ok) return (name, body) => wineTest(name, body);
  const pool = new ScenarioPool(moduleUrl);
  return (name) => {
    const done = pool.add();
    wineTest(name, () => done);
  };
}

interface Task {
  index: number;
  resolve: () => void;
  reject: (e: unknown) => void;
}

interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  details?: string;
  operator?: string;
  generated?: boolean;
  code?: string;
}

class ScenarioPool {
  private readonly tasks: Task[] = [];
  private started = false;
  private alive = 0;

  constructor(private readonly moduleUrl: string) {}

  /** Queues the next scenario; the workers start once the suite has registered them all. */
  add(): Promise<void> {
    const index = this.tasks.length;
    const done = new Promise<void>((resolve, reject) =>
      this.tasks.push({ index, resolve, reject }),
    );
    done.catch(() => {}); // uvu awaits it later; until then a failure is not "unhandled"
    if (!this.started) {
      this.started = true;
      setImmediate(() => this.start());
    }
    return done;
  }

  private start(): void {
    const queue = [...this.tasks];
    const jobs = Number(process.env.KBFIX_WINE_JOBS) || Math.min(availableParallelism(), 4);
    for (let i = 0; i < Math.min(jobs, queue.length); i++) {
      try {
        this.worker(queue);
      } catch (e) {
        if (this.alive === 0) queue.splice(0).forEach((t) => t.reject(e));
        return;
      }
    }
  }

  private worker(queue: Task[]): void {
    const worker = new Worker(new URL("./scenario-worker.js", import.meta.url), {
      workerData: { kbfixScenarios: true, module: this.moduleUrl },
      env: { ...process.env, KBFIX_WINEPREFIX: claimPrefixSlot() },
      stdout: true, // the worker's own uvu run (no tests) prints a summary: not ours to print
      stderr: true,
    });
    this.alive++;
    worker.stdout.resume();
    worker.stderr.pipe(process.stderr);
    let current: Task | undefined;
    const next = () => {
      current = queue.shift();
      if (current) worker.postMessage(current.index);
      else {
        // The worker cleans up and ends by itself; one that does not is ended after a while.
        worker.postMessage("done");
        setTimeout(() => void worker.terminate(), 10_000).unref();
      }
    };
    worker.on("message", (m: "ready" | { index: number; error?: SerializedError }) => {
      if (m !== "ready" && current?.index === m.index) {
        if (m.error) current.reject(revive(m.error));
        else current.resolve();
      }
      next();
    });
    worker.on("error", (e) => current?.reject(e));
    worker.on("exit", (code) => {
      const why = new Error(`the scenario worker stopped (exit ${code})`);
      current?.reject(why);
      // The last worker gone: nothing else would run what is still queued.
      if (--this.alive === 0) queue.splice(0).forEach((t) => t.reject(why));
    });
  }
}

/** An error from a worker as uvu prints it: message, assertion details, stack. */
function revive(e: SerializedError): Error {
  return Object.assign(new Error(e.message), e);
}
