// The broken KB822798 machine the Wine scenarios start from, and the compile of the
// Wine variant (test/cmd/variants.ts).
import { join } from "node:path";
import type { SimulatedWindows } from "../support/simulated-windows-cmd.js";
import { compileTo } from "./compile-fixture.js";
import { kb822798ForWine } from "./variants.js";

export const POLICY_KEY = "HKLM\\Software\\Microsoft\\Non-Driver Signing";

/**
 * CryptSvc disabled and stopped, a trust HRESULT in a Windows Update client failure event (Wine
 * reports NT 10.0, where WindowsUpdate.log is no longer text: the log probe does not apply),
 * edb.log above 20 MB.
 */
export function broken(sim: SimulatedWindows): void {
  sim.setService("CryptSvc", { start: 4, state: 1 });
  sim.setService("wuauserv", { start: 2, state: 4 });
  // A stale text log is not evidence on NT 10.0, whatever it says.
  sim.write(
    "Windows/WindowsUpdate.log",
    "2012-12-28 10:00:00 FATAL: Validating signature: 0x800B0109\r\n",
  );
  sim.addEvent(31, 120, "0x800b0109");
  sim.writeLarge("Windows/System32/catroot2/edb.log", 21 * 1024 * 1024);
  sim.ownValue(POLICY_KEY, "Policy");
}

export function compile(sim: SimulatedWindows, variant = kb822798ForWine) {
  return compileTo(join(sim.root, "out"), "kb822798", variant).fix;
}
