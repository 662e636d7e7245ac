// Intune's export of a remediation's device status (CSV) -> one run per device row. Columns
// are found by name, case and punctuation ignored, so both the portal's headers ("Device
// name", "Pre-remediation detection output") and Graph's property names
// ("preRemediationDetectionScriptOutput") work. The outcome comes from the kbfix lines in the
// output columns: the remediation's recap when Intune kept it, otherwise the detection lines
// before and after the remediation.
import { closeSync, openSync, readSync } from "node:fs";
import { CsvError, CsvReader } from "./csv-reader.js";
import type { InputProblems } from "./input-problems.js";
import { findDetection, findRecap, type DetectionLine } from "./kbfix-lines.js";
import { failingDetail, type MachineRun, type SourceName } from "./machine-run.js";
import { clip, intern } from "./short-text.js";
import { fsReason } from "./read-bounded.js";
import { finishedMsOf } from "./result-document.js";
import { NO_STEPS } from "./step-facts.js";

const COLUMNS = {
  device: ["devicename", "device", "computername", "computer", "devicedisplayname"],
  detectionStatus: ["detectionstatus", "detectionstate"],
  remediationStatus: ["remediationstatus", "remediationstate"],
  preOutput: ["preremediationdetectionoutput", "preremediationdetectionscriptoutput"],
  preError: ["preremediationdetectionerror", "preremediationdetectionscripterror"],
  remediationOutput: ["remediationoutput", "remediationscriptoutput"],
  remediationError: ["remediationerror", "remediationscripterror"],
  postOutput: ["postremediationdetectionoutput", "postremediationdetectionscriptoutput"],
  postError: ["postremediationdetectionerror", "postremediationdetectionscripterror"],
  lastRun: ["lastrun", "laststateupdatedatetime", "lastruntime", "lastmodified"],
} as const;

type Column = keyof typeof COLUMNS;
type ColumnIndex = Partial<Record<Column, number>>;
type Row = Partial<Record<Column, string>>;

const OUTPUT_COLUMNS: Column[] = [
  "remediationOutput",
  "remediationError",
  "preOutput",
  "postOutput",
];
const normalize = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, "");

export function columnIndex(headers: string[]): ColumnIndex {
  const normalized = headers.map(normalize);
  const index: ColumnIndex = {};
  for (const [column, names] of Object.entries(COLUMNS) as [Column, readonly string[]][]) {
    const at = normalized.findIndex((h) => names.includes(h));
    if (at >= 0) index[column] = at;
  }
  return index;
}

function headerProblem(index: ColumnIndex): string {
  if (index.device === undefined) return 'no device name column ("Device name")';
  if (!OUTPUT_COLUMNS.some((c) => index[c] !== undefined))
    return 'no output column ("Pre-remediation detection output", "Post-remediation detection output", "Remediation output")';
  return "";
}

/** Outcome, exit code and message from the detection lines alone (no recap kept). */
function fromDetections(
  pre: DetectionLine | undefined,
  post: DetectionLine | undefined,
  row: Row,
): { outcome: string; exitCode: number | null; message: string } {
  const status = row.remediationStatus ? ` (remediation status: ${row.remediationStatus})` : "";
  if (post?.state === "absent")
    return { outcome: "Fixed", exitCode: 0, message: `after: ${post.detail}` };
  if (post?.state === "present")
    return { outcome: "StillPresent", exitCode: 1, message: `after: ${post.detail}` };
  if (post?.state === "error" || pre?.state === "error")
    return { outcome: "DetectionError", exitCode: null, message: (post ?? pre)!.detail };
  if (pre?.state === "absent") return { outcome: "Compliant", exitCode: 0, message: "" };
  if (pre?.state === "not-applicable")
    return { outcome: "NotApplicable", exitCode: 3, message: pre.detail };
  return {
    outcome: "Detected",
    exitCode: null,
    message: `evidence present; the export has no remediation result${status}: ${pre?.detail ?? ""}`,
  };
}

/** A device row -> its run, or undefined when no kbfix line is in it. */
export function runFromRow(row: Row, source: SourceName): MachineRun | undefined {
  const recap = findRecap(row.remediationOutput ?? "") ?? findRecap(row.remediationError ?? "");
  const pre = findDetection(row.preOutput ?? "");
  const post = findDetection(row.postOutput ?? "");
  const playbookId = recap?.playbookId ?? pre?.playbookId ?? post?.playbookId;
  if (!playbookId) return undefined;
  const result = recap
    ? {
        outcome: recap.outcome,
        exitCode: recap.exitCode,
        message:
          recap.detail ||
          (recap.failed ? `${recap.failed} step(s) failed (names only in the device's log)` : ""),
      }
    : fromDetections(pre, post, row);
  const lastRun = row.lastRun ?? "";
  const outcome = intern(result.outcome);
  return {
    playbookId: intern(playbookId),
    toolVersion: "unknown",
    title: "",
    computer: clip(row.device ?? "", 100),
    finishedMs: finishedMsOf(lastRun),
    outcome,
    exitCode: result.exitCode,
    whatIf: false,
    steps: NO_STEPS,
    sourceFolder: source.folder,
    sourceName: source.name,
    superseded: 0,
    failing: failingDetail(outcome, lastRun, () => result.message),
  };
}

function rowOf(fields: string[], index: ColumnIndex): Row {
  const row: Row = {};
  for (const [column, at] of Object.entries(index) as [Column, number][]) row[column] = fields[at];
  return row;
}

/** Decodes UTF-8 or, after its byte-order mark, UTF-16 LE (what Excel's "Unicode text" saves). */
function decoderFor(first: Buffer): TextDecoder {
  const utf16 = first.length >= 2 && first[0] === 0xff && first[1] === 0xfe;
  return new TextDecoder(utf16 ? "utf-16le" : "utf-8");
}

function streamText(path: string, onText: (text: string) => void): void {
  const fd = openSync(path, "r");
  try {
    const buffer = Buffer.allocUnsafe(64 * 1024);
    let decoder: TextDecoder | undefined;
    for (;;) {
      const read = readSync(fd, buffer, 0, buffer.length, null);
      if (read === 0) break;
      const chunk = buffer.subarray(0, read);
      decoder ??= decoderFor(chunk);
      onText(decoder.decode(chunk, { stream: true }));
    }
    onText(decoder?.decode() ?? "");
  } finally {
    closeSync(fd);
  }
}

export interface CsvCounts {
  rows: number;
}

/** Reads one export, handing each device's run to onRun; rows and file problems are counted. */
export function readIntuneCsv(
  path: string,
  onRun: (run: MachineRun) => void,
  problems: InputProblems,
  counts: CsvCounts,
): void {
  let index: ColumnIndex | undefined;
  let refused = false;
  // A row's source is "<file>:<line>": the file part is one string shared by all its rows.
  const rowPrefix = `${path}:`;
  const reader = new CsvReader((fields, line) => {
    if (refused) return;
    if (!index) {
      index = columnIndex(fields.map((f, i) => (i === 0 ? f.replace(/^\uFEFF/, "") : f)));
      const problem = headerProblem(index);
      if (problem) {
        problems.add("invalid-csv", path, `not an Intune device status export: ${problem}`);
        refused = true;
      }
      return;
    }
    counts.rows++;
    const run = runFromRow(rowOf(fields, index), { folder: rowPrefix, name: String(line) });
    if (!run || run.computer === "")
      problems.add(
        "csv-row-without-kbfix",
        `${path}:${line}`,
        run
          ? "no device name"
          : `no kbfix line in the output columns (device ${clip(rowOf(fields, index).device ?? "", 100)})`,
      );
    else onRun(run);
  });
  try {
    streamText(path, (text) => {
      if (!refused) reader.push(text);
    });
    if (!refused) reader.end();
    if (!index && !refused) problems.add("invalid-csv", path, "empty file: no header row");
  } catch (error) {
    if (error instanceof CsvError) problems.add("invalid-csv", path, error.message);
    else problems.add("unreadable", path, `cannot read: ${fsReason(error)}`);
  }
}
