// Shared pieces of the Wine scenarios: a simulated Windows per test, the calls that
// change something, the recap line and the Windows PowerShell version the launcher reads.
import * as assert from "uvu/assert";
import { SimulatedWindows } from "../support/simulated-windows-cmd.js";

/**
 * Tool calls that change the machine; a second run or check mode makes none. The one
 * exception is kbfix's own state folder (ProgramData\kbfix), made private on first use.
 */
const MUTATING =
  /^(sc config|net (start|stop)|reg (add|delete|import)|regsvr32|ccmcertfix|attrib|icacls)\b/i;

export function mutatingCalls(calls: string[]): string[] {
  return calls.filter((c) => MUTATING.test(c) && !/^icacls "[^"]*\\ProgramData\\kbfix" /.test(c));
}

/** Check mode makes no such call at all: not even the ACL of kbfix's own folder. */
export function checkModeCalls(calls: string[]): string[] {
  return calls.filter((c) => MUTATING.test(c));
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
