// A result file's text -> the machine's run summary, or why it cannot be used. Version 1 has
// resultSchemaVersion = 1; files from before that field existed are version 0 and read the same
// way. A newer version is refused rather than guessed at.
import type { ProblemKind } from "./input-problems.js";
import { failingDetail, type MachineRun, type SourceName } from "./machine-run.js";
import { clip, intern } from "./short-text.js";
import type { StepFacts, StepFactsTable } from "./step-facts.js";

export const RESULT_SCHEMA_VERSION = 1;

export type ParsedResult =
  | { ok: true; run: MachineRun; schemaVersion: number }
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
  return "";
}

function schemaVersionOf(doc: Json): number | string {
  const version = doc.resultSchemaVersion;
  if (version === undefined) return 0;
  if (!Number.isInteger(version) || (version as number) < 0)
    return `resultSchemaVersion ${JSON.stringify(version)} is not a whole number`;
  return version as number;
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

export function parseResultDocument(
  body: string,
  source: SourceName,
  stepTable: StepFactsTable,
): ParsedResult {
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
  const playbookId = intern(playbook.id as string);
  const steps = stepTable.read(playbookId, doc.results as unknown[]);
  if (!steps) return refuse("invalid-result", "a results entry has no status");
  return { ok: true, run: runOf(doc, playbook, playbookId, steps, source), schemaVersion: version };
}

function runOf(
  doc: Json,
  playbook: Json,
  playbookId: string,
  steps: StepFacts,
  source: SourceName,
): MachineRun {
  const finishedUtc = text(doc.finishedUtc);
  const outcome = intern(clip(doc.outcome as string, 60));
  return {
    playbookId,
    toolVersion: intern(text(playbook.toolVersion) || "unknown"),
    title: intern(clip(text(playbook.title), 200)),
    computer: clip(doc.computer as string, 100),
    finishedMs: finishedMsOf(finishedUtc),
    outcome,
    exitCode: doc.exitCode as number,
    whatIf: doc.whatIf === true,
    steps,
    sourceFolder: source.folder,
    sourceName: source.name,
    superseded: 0,
    failing: failingDetail(
      outcome,
      finishedUtc,
      () => (doc.whatIf === true ? "-WhatIf, nothing changed; " : "") + reasonOf(doc),
    ),
  };
}
