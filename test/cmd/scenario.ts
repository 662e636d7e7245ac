// Shared pieces of the Wine scenarios: a simulated Windows per test, the calls that
// change something, the recap line, and the launcher's pass-through check.
import * as assert from "uvu/assert";
import { join } from "node:path";
import { SimulatedWindows } from "../support/simulated-windows-cmd.js";
import { readFakeCalls, runCmdScript, toWinPath, writeFakeTool } from "../support/wine.js";

/**
 * Tool calls that change the machine; a second run or check mode makes none. The one
 * exception is kbfix's own state folder (ProgramData\kbfix), made private on first use.
 */
const MUTATING =
  /^(sc config|net (start|stop)|reg (add|delete|import)|regsvr32|ccmcertfix|attrib|icacls)\b/i;

export function mutatingCalls(calls: string[]): string[] {
  return calls.filter((c) => MUTATING.test(c) && !/^icacls "[^"]*\\ProgramData\\kbfix" /.test(c));
}

export async function withSim(body: (sim: SimulatedWindows) => void | Promise<void>) {
  const sim = new SimulatedWindows();
  try {
    await body(sim);
  } finally {
    sim.cleanup();
  }
}

/** The recap: the last line the script prints. */
export function recap(stdout: string): string {
  return stdout.trimEnd().split("\r\n").at(-1) ?? "";
}

/** Lines of the log with a step's result, e.g. "[id] changed". */
export function resultLines(log: string, id: string): string[] {
  return log.split("\r\n").filter((l) => l.includes(`[${id}] `));
}

export function assertCode(run: { code: number; stdout: string }, code: number, log: string) {
  assert.is(run.code, code, `exit ${run.code}, wanted ${code}\n${run.stdout}\n${log}`);
}

/** Where WMF 3.0 and later record the Windows PowerShell engine's version (the launcher reads it). */
export const PS_ENGINE_KEY = "HKLM\\SOFTWARE\\Microsoft\\PowerShell\\3\\PowerShellEngine";

/** Windows PowerShell `version` as installed, in Wine's registry until cleanup. */
export function installPowerShell(sim: SimulatedWindows, version: string): void {
  sim.setRegistryValue(PS_ENGINE_KEY, "PowerShellVersion", "REG_SZ", version);
}

/**
 * The .cmd launcher of the PowerShell script passes its exit code through: with Windows
 * PowerShell 5.1 installed, a fake powershell.exe at the path the launcher uses (under the
 * simulated windir) exits 3010.
 */
export function assertLauncherPassesExitCode(sim: SimulatedWindows, launcher: string, id: string) {
  installPowerShell(sim, "5.1.17763.1");
  const psDir = join(sim.windir, "System32", "WindowsPowerShell", "v1.0");
  const calls = join(sim.root, "powershell-calls.log");
  writeFakeTool(psDir, "powershell", { exitCode: 3010, recordTo: calls });
  const run = runCmdScript(launcher, ["-WhatIf"], { env: sim.env() });
  assert.is(run.code, 3010, "the launcher passes the exit code through");
  const dir = toWinPath(join(launcher, ".."));
  assert.equal(readFakeCalls(calls), [
    `powershell -NoProfile -NonInteractive -ExecutionPolicy Bypass -File "${dir}\\${id}.ps1" -WhatIf`,
  ]);
}
