// What a run's step records say, reduced to what the roll-up counts: which ladder methods ran,
// changed and failed, the method that changed last, and the failed steps. A fleet has only a few
// distinct combinations, so each is built once per playbook and every machine with it shares
// the one object: a machine costs a pointer, not arrays of its own.
import type { LadderOrder } from "./ladder-order.js";
import { clip, intern } from "./short-text.js";

export interface FailedStep {
  step: string;
  method: string;
  message: string;
}

export interface StepFacts {
  /** Ladder methods that ran (did more than skip), in ladder order. */
  reached: readonly string[];
  /** Methods with a real (not -WhatIf) change. */
  changed: readonly string[];
  /** Methods with a failed step. */
  failed: readonly string[];
  /** The method whose first real change came last: the one that fixed, if the run is Fixed*. */
  lastChanged: string | undefined;
  /** The first failed steps, as the run listed them. */
  failedSteps: readonly FailedStep[];
  /** failedSteps without repeats, each with its counting key: a run counts a step once. */
  distinctFailedSteps: readonly (FailedStep & { key: string })[];
}

export const NO_STEPS: StepFacts = {
  reached: [],
  changed: [],
  failed: [],
  lastChanged: undefined,
  failedSteps: [],
  distinctFailedSteps: [],
};

const MAX_FAILED_STEPS = 5;
const SEEN = 1;
const REACHED = 2;
const CHANGED = 4;
const FAILED = 8;
/** One letter per flag combination: a method's entry in the key is its index, then a letter. */
const FLAG_LETTERS = "ABCDEFGHIJKLMNOP";

type Json = Record<string, unknown>;
const text = (value: unknown): string => (typeof value === "string" ? value : "");
const isRecord = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** One playbook's methods, numbered in the order first seen, and its step-fact combinations. */
class PlaybookSteps {
  readonly methods: string[] = [];
  readonly indexOf = new Map<string, number>();
  readonly combinations = new Map<string, StepFacts>();

  methodIndex(method: string): number {
    let index = this.indexOf.get(method);
    if (index === undefined) {
      index = this.methods.length;
      this.methods.push(method);
      this.indexOf.set(method, index);
    }
    return index;
  }
}

function distinct(steps: readonly FailedStep[]): (FailedStep & { key: string })[] {
  const byKey = new Map<string, FailedStep & { key: string }>();
  for (const s of steps) {
    const key = `${s.step}\u0000${s.method}\u0000${s.message}`;
    if (!byKey.has(key)) byKey.set(key, { ...s, key });
  }
  return [...byKey.values()];
}

/** Every playbook's step facts. Scratch space is reused across documents: reading a file
 * allocates one key string, plus the failed steps when it has some. */
export class StepFactsTable {
  private readonly playbooks = new Map<string, PlaybookSteps>();
  private flags = new Uint8Array(64);
  private readonly order: number[] = [];

  constructor(private readonly ladders: LadderOrder) {}

  /** The facts of one document's step records, or undefined when a record has no status. */
  read(playbookId: string, results: readonly unknown[]): StepFacts | undefined {
    const playbook = this.playbook(playbookId);
    const failedSteps: FailedStep[] = [];
    let lastChanged = -1;
    for (const record of results) {
      if (!isRecord(record) || typeof record.status !== "string") return this.reset(undefined);
      const status = record.status;
      const method = text(record.method);
      if (status === "failed" && failedSteps.length < MAX_FAILED_STEPS)
        failedSteps.push({ step: text(record.id), method, message: clip(text(record.message)) });
      if (method === "") continue;
      const index = this.mark(playbook.methodIndex(method), SEEN);
      if (status === "skipped" || status === "not-applicable") continue;
      this.mark(index, REACHED);
      if (status === "changed" && record.whatIf !== true && !(this.flags[index]! & CHANGED))
        lastChanged = this.mark(index, CHANGED);
      if (status === "failed") this.mark(index, FAILED);
    }
    let key = lastChanged < 0 ? "" : `${lastChanged}`;
    for (const index of this.order) key += FLAG_LETTERS[this.flags[index]!]! + index;
    if (failedSteps.length)
      key += JSON.stringify(failedSteps.map((s) => [s.step, s.method, s.message]));
    const known = playbook.combinations.get(key);
    return this.reset(known ?? this.remember(playbookId, playbook, key, lastChanged, failedSteps));
  }

  private playbook(playbookId: string): PlaybookSteps {
    let playbook = this.playbooks.get(playbookId);
    if (!playbook) this.playbooks.set(playbookId, (playbook = new PlaybookSteps()));
    return playbook;
  }

  private mark(index: number, flag: number): number {
    if (index >= this.flags.length) {
      const grown = new Uint8Array(index * 2);
      grown.set(this.flags);
      this.flags = grown;
    }
    if (this.flags[index] === 0) this.order.push(index);
    this.flags[index]! |= flag;
    return index;
  }

  private reset<T>(value: T): T {
    for (const index of this.order) this.flags[index] = 0;
    this.order.length = 0;
    return value;
  }

  /** A combination seen for the first time: built once, and its ladder learned. */
  private remember(
    playbookId: string,
    playbook: PlaybookSteps,
    key: string,
    lastChanged: number,
    failedSteps: FailedStep[],
  ): StepFacts {
    const methodsWith = (flag: number) =>
      this.order.filter((i) => this.flags[i]! & flag).map((i) => playbook.methods[i]!);
    const steps = failedSteps.map((s) => ({
      step: intern(s.step),
      method: intern(s.method),
      message: s.message,
    }));
    const facts: StepFacts = {
      reached: methodsWith(REACHED),
      changed: methodsWith(CHANGED),
      failed: methodsWith(FAILED),
      lastChanged: lastChanged < 0 ? undefined : playbook.methods[lastChanged],
      failedSteps: steps,
      distinctFailedSteps: distinct(steps),
    };
    this.ladders.learn(playbookId, methodsWith(SEEN));
    playbook.combinations.set(key, facts);
    return facts;
  }
}
