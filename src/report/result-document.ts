// A result file's text -> the machine's run summary, or why it cannot be used. Version 1 has
// resultSchemaVersion = 1; files from before that field existed are version 0 and read the same
// way. A newer version is refused rather than guessed at.
import { clip, intern, type FailedStep, type MachineRun } from "./machine-run.js";
import type { ProblemKind } from "./input-problems.js";

export const RESULT_SCHEMA_VERSION = 1;
const MAX_FAILED_STEPS = 5;

export type ParsedResult =
  | { ok: true; run: MachineRun; schemaVersion: number; ladder: string[] }
  | { ok: false; kind: ProblemKind; message: string };

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const text = (value: unknown): string => (typeof value === "string" ? value : "");

function refuse(kind: ProblemKind, message: string): ParsedResult {
  return { ok: false, kind, message };
}

/** The problem with the document's shape, or "" when it has what the roll-up reads. */
function shapeProblem(doc: Json, playbook: Json): string {
  if (typeof playbook.id !== "string" || playbook.id === "") return "playbook.id is missing";
  if (typeof doc.computer !== "string" || doc.computer === "") return "computer is missing";
  if (typeof doc.outcome !== "string" || doc.outcome === "") return "outcome is missing";
  if (!Number.isInteger(doc.exitCode)) return "exitCode is not an integer";
  if (!Array.isArray(doc.results)) return "results is not a list";
  if (!doc.results.every((r) => isObject(r) && typeof r.status === "string"))
    return "a results entry has no status";
  return "";
}

function schemaVersionOf(doc: Json): number | string {
  const version = doc.resultSchemaVersion;
  if (version === undefined) return 0;
  if (!Number.isInteger(version) || (version as number) < 0)
    return `resultSchemaVersion ${JSON.stringify(version)} is not a whole number`;
  return version as number;
}

type LadderFacts = Pick<MachineRun, "reached" | "changed" | "failed" | "failedSteps"> & {
  ladder: string[];
};

/** From the step records: the methods in order; which ran, changed, failed; the failed steps. */
function ladderOf(results: Json[]): LadderFacts {
  const ladder: string[] = [];
  const reached: string[] = [];
  const changed: string[] = [];
  const failed: string[] = [];
  const failedSteps: FailedStep[] = [];
  const addOnce = (list: string[], method: string) => {
    if (!list.includes(method)) list.push(method);
  };
  for (const record of results) {
    const method = intern(text(record.method));
    const status = record.status;
    if (status === "failed" && failedSteps.length < MAX_FAILED_STEPS)
      failedSteps.push({
        step: intern(text(record.id)),
        method,
        message: clip(text(record.message)),
      });
    if (method === "") continue;
    addOnce(ladder, method);
    if (status === "skipped" || status === "not-applicable") continue;
    addOnce(reached, method);
    if (status === "changed" && record.whatIf !== true) addOnce(changed, method);
    if (status === "failed") addOnce(failed, method);
  }
  return { ladder, reached, changed, failed, failedSteps };
}

/** Why a run ended as it did, when its message is empty: the manual step that is left (for
 * ManualActionNeeded), otherwise the evidence that remains. */
function reasonOf(doc: Json): string {
  if (text(doc.message)) return text(doc.message);
  const manual = (doc.results as Json[]).find((r) => r.status === "manual");
  const after = isObject(doc.evidenceAfter) ? doc.evidenceAfter : undefined;
  const manualText = manual ? `manual: ${text(manual.id)}: ${text(manual.message)}` : "";
  if (doc.outcome === "ManualActionNeeded" && manualText) return manualText;
  if (after?.present === true) return `evidence remains: ${text(after.detail)}`;
  return manualText;
}

export function finishedMsOf(value: string): number {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? -Infinity : ms;
}

export function parseResultDocument(body: string, source: string): ParsedResult {
  let doc: unknown;
  try {
    doc = JSON.parse(body.charCodeAt(0) === 0xfeff ? body.slice(1) : body);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return refuse("invalid-json", `not valid JSON (truncated?): ${clip(reason, 200)}`);
  }
  if (!isObject(doc) || doc.tool !== "kbfix")
    return refuse("foreign-json", 'JSON, but not a kbfix result (no "tool": "kbfix")');
  const version = schemaVersionOf(doc);
  if (typeof version === "string") return refuse("invalid-result", version);
  if (version > RESULT_SCHEMA_VERSION)
    return refuse(
      "unsupported-version",
      `resultSchemaVersion ${version}: this kbfix reads up to version ${RESULT_SCHEMA_VERSION}`,
    );
  const playbook = isObject(doc.playbook) ? doc.playbook : {};
  const problem = shapeProblem(doc, playbook);
  if (problem) return refuse("invalid-result", problem);
  const finishedUtc = text(doc.finishedUtc);
  const { ladder, ...facts } = ladderOf(doc.results as Json[]);
  const run: MachineRun = {
    playbookId: intern(playbook.id as string),
    toolVersion: intern(text(playbook.toolVersion) || "unknown"),
    title: intern(clip(text(playbook.title), 200)),
    computer: clip(doc.computer as string, 100),
    finishedUtc,
    finishedMs: finishedMsOf(finishedUtc),
    outcome: intern(clip(doc.outcome as string, 60)),
    exitCode: doc.exitCode as number,
    message: clip((doc.whatIf === true ? "-WhatIf, nothing changed; " : "") + reasonOf(doc)),
    whatIf: doc.whatIf === true,
    ...facts,
    source,
    superseded: 0,
  };
  return { ok: true, run, schemaVersion: version, ladder };
}
