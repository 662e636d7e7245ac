// What every PowerShell scenario needs: the committed scripts, the result file and log a run
// leaves on the simulated machine, and the checks that apply to every run (CMTrace lines, the
// JSON result agreeing with the recap line).
import * as assert from "uvu/assert";
import { join } from "node:path";
import { repoRoot } from "../../support/pwsh.js";
import { PsMachine, type ScriptRun } from "../../support/simulated-windows-ps.js";

export const remediation = (id: string): string => join(repoRoot, "out", id, `${id}.ps1`);
export const detection = (id: string): string => join(repoRoot, "out", id, `${id}.detect.ps1`);

export interface StepResult {
  id: string;
  method: string;
  status: "ok" | "changed" | "skipped" | "failed" | "not-applicable" | "manual";
  before: string;
  after: string;
  message: string;
  whatIf?: boolean;
}

export interface RunResult {
  outcome: string;
  exitCode: number;
  message: string;
  whatIf: boolean;
  results: StepResult[];
  evidenceBefore: { present: boolean };
  evidenceAfter: { present: boolean };
}

const LOG_FOLDER = "C:\\Windows\\Logs\\kbfix";

export function resultOf(machine: PsMachine, id: string, folder = LOG_FOLDER): RunResult {
  return JSON.parse(machine.read(`${folder}\\${id}.result.json`).replace(/^\uFEFF/, ""));
}

export function logOf(machine: PsMachine, id: string, folder = LOG_FOLDER): string {
  return machine.read(`${folder}\\${id}.log`).replace(/^\uFEFF/, "");
}

export const stepsWith = (result: RunResult, status: StepResult["status"]): string[] =>
  result.results.filter((r) => r.status === status).map((r) => r.id);

/** One CMTrace record per line: <![LOG[text]LOG]!><time="HH:mm:ss.fff+bias" date="MM-dd-yyyy" ...>. */
const CMTRACE =
  /^<!\[LOG\[[^\r\n]*\]LOG\]!><time="\d\d:\d\d:\d\d\.\d{3}[+-]\d{3}" date="\d\d-\d\d-\d{4}" component="kbfix" context="" type="[123]" thread="\d+" file="">$/;

export function assertCmtraceLog(text: string): void {
  const lines = text.split("\r\n");
  assert.is(lines.pop(), "", "the log ends with CRLF");
  for (const line of lines) assert.ok(CMTRACE.test(line), `not a CMTrace line: ${line}`);
}

/** The recap (last stdout line) and the JSON result tell the same story. */
export function assertRecapMatches(run: ScriptRun, result: RunResult, id: string): void {
  const counts = ["ok", "changed", "skipped", "failed", "not-applicable", "manual"]
    .map((status) => `${status}=${result.results.filter((r) => r.status === status).length}`)
    .join(" ");
  assert.ok(
    run.recap.startsWith(`kbfix ${id}: ${result.outcome} (exit ${result.exitCode}) ${counts}`),
    `recap '${run.recap}' vs result ${result.outcome}/${counts}`,
  );
  assert.is(run.code, result.exitCode);
}

/** Checks every run must pass, then returns its JSON result. */
export function checkedResult(machine: PsMachine, run: ScriptRun, id: string): RunResult {
  assert.equal(run.errors, [], "nothing written to the error stream");
  assertCmtraceLog(logOf(machine, id));
  const result = resultOf(machine, id);
  assertRecapMatches(run, result, id);
  return result;
}

/** A fresh machine per scenario, always removed afterwards. */
export async function onMachine<T>(
  build: () => PsMachine,
  body: (machine: PsMachine) => Promise<T>,
): Promise<T> {
  const machine = build();
  try {
    return await body(machine);
  } finally {
    machine.cleanup();
  }
}

/** The usual sequence: detection, remediation, detection again, on one machine. */
export async function detectFixDetect(
  machine: PsMachine,
  id: string,
  params: Record<string, unknown> = {},
): Promise<[ScriptRun, ScriptRun, ScriptRun]> {
  const runs = await machine.runAll([
    { script: detection(id), params },
    { script: remediation(id), params },
    { script: detection(id), params },
  ]);
  return [runs[0]!, runs[1]!, runs[2]!];
}

/** regsvr32 with a DLL to register, a tool in %ProgramData%\Tools, a certificate file to import. */
export function installTools(machine: PsMachine, certFile: string, subject: string): PsMachine {
  machine
    .file("C:\\Windows\\System32\\softpub.dll", 10)
    .file("C:\\Windows\\System32\\regsvr32.exe", "MZ");
  machine.program("regsvr32.exe", { exitCodes: [0] });
  machine.file("C:\\ProgramData\\Tools\\tool.exe", "MZ").program("tool.exe", { exitCodes: [0] });
  const certificate = { thumbprint: "AB".repeat(20), subject, notAfter: "2030-01-01" };
  return machine.file(certFile, JSON.stringify(certificate));
}
