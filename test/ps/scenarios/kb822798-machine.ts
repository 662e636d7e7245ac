// A Windows 10 machine with KB822798's problem: Cryptographic Services disabled and stopped
// (live evidence) and trust errors in WindowsUpdate.log (history evidence), with the folders
// and tools the article's methods touch.
import { PsMachine, type MachineOptions } from "../../support/simulated-windows-ps.js";

export const ID = "kb822798";
export const CATROOT2 = "C:\\Windows\\System32\\catroot2";
export const WU_LOG = "C:\\Windows\\WindowsUpdate.log";
export const DLLS = ["softpub", "wintrust", "initpki", "dssenh", "rsaenh", "mssip32", "cryptdlg"];
const F750 = "C:\\Windows\\System32\\CatRoot\\{F750E6C3-38EE-11D1-85E5-00C04FC295EE}";

export function healthy(options: MachineOptions = {}): PsMachine {
  const machine = new PsMachine(options);
  machine.service("CryptSvc", { status: "Running", start: 2 });
  machine.service("wuauserv", { status: "Running", start: 3 });
  machine.file(`${CATROOT2}\\edb.log`, 4096).file(`${CATROOT2}\\catdb`, 1024);
  machine.file(`${F750}\\nt5.cat`, 10);
  machine.file("C:\\Windows\\SoftwareDistribution\\Download\\update.cab", 100);
  machine.file("C:\\Windows\\SoftwareDistribution\\DataStore\\DataStore.edb", 100);
  machine.file("C:\\Windows\\inf\\oem1.inf", "[Version]\r\n");
  machine.file(WU_LOG, "2026-01-01 10:00:00 Agent started\r\n");
  for (const dll of DLLS) machine.file(`C:\\Windows\\System32\\${dll}.dll`, 64);
  machine.file("C:\\Windows\\System32\\regsvr32.exe", "MZ");
  machine.program("regsvr32.exe", { exitCodes: [0] });
  return machine;
}

/** CryptSvc disabled and stopped, and a trust error in the Windows Update log. */
export function broken(options: MachineOptions = {}): PsMachine {
  const machine = healthy(options);
  machine.service("CryptSvc", { status: "Stopped", start: 4 });
  appendTrustError(machine);
  return machine;
}

/** A new failed install: one more 0x800B0109 line in WindowsUpdate.log. */
export function appendTrustError(machine: PsMachine): void {
  const before = machine.exists(WU_LOG) ? machine.read(WU_LOG) : "";
  machine.file(
    WU_LOG,
    `${before}2026-11-28 10:00:00 WARNING: Download failed, error 0x800B0109\r\n`,
  );
}
