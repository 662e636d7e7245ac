// A Windows 10 machine with KB822798's problem: Cryptographic Services disabled and stopped
// (live evidence) and a trust error from the Windows Update client (history evidence: an
// event in its Operational log on NT 10.0, a line in WindowsUpdate.log on NT 5.x-6.3), with
// the folders and tools the article's methods touch.
import { PsMachine, type MachineOptions } from "../../support/simulated-windows-ps.js";

export const ID = "kb822798";
export const CATROOT2 = "C:\\Windows\\System32\\catroot2";
export const WU_LOG = "C:\\Windows\\WindowsUpdate.log";
export const OPERATIONAL = "Microsoft-Windows-WindowsUpdateClient/Operational";
export const PROVIDER = "Microsoft-Windows-WindowsUpdateClient";
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
  if (isNt10(machine)) {
    // Not evidence on NT 10.0: a text log left from before an upgrade, whatever it says (the
    // log probe stops at NT 6.3), a download failure with an unrelated HRESULT, and an
    // information event.
    machine.file(WU_LOG, "2015-07-01 10:00:00 WARNING: Download failed, error 0x800B0109\r\n");
    machine.event({ log: OPERATIONAL, provider: PROVIDER, id: 31, level: 2, data: ["0x80244022"] });
    machine.event({ log: OPERATIONAL, provider: PROVIDER, id: 20, level: 4, data: ["0x800B0109"] });
  } else {
    machine.file(WU_LOG, "2026-01-01 10:00:00 Agent started\r\n");
  }
  for (const dll of DLLS) machine.file(`C:\\Windows\\System32\\${dll}.dll`, 64);
  machine.file("C:\\Windows\\System32\\regsvr32.exe", "MZ");
  machine.program("regsvr32.exe", { exitCodes: [0] });
  return machine;
}

/** CryptSvc disabled and stopped, and a trust error from the Windows Update client. */
export function broken(options: MachineOptions = {}): PsMachine {
  const machine = healthy(options);
  machine.service("CryptSvc", { status: "Stopped", start: 4 });
  appendTrustError(machine);
  return machine;
}

const isNt10 = (machine: PsMachine) => Number(machine.world.os.version.split(".")[0]) >= 10;

/**
 * A new failed download with 0x800B0109, `minutesAgo` old: on NT 10.0 an error event 31 in the
 * client's Operational log, before it one more line in WindowsUpdate.log.
 */
export function appendTrustError(machine: PsMachine, minutesAgo = 60): void {
  if (isNt10(machine)) {
    machine.event({
      log: OPERATIONAL,
      provider: PROVIDER,
      id: 31,
      level: 2,
      time: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
      data: ["0x800b0109"],
    });
    return;
  }
  const before = machine.exists(WU_LOG) ? machine.read(WU_LOG) : "";
  machine.file(
    WU_LOG,
    `${before}2026-11-28 10:00:00 WARNING: Download failed, error 0x800B0109\r\n`,
  );
}

/** The simulated event log keeps whole seconds: wait for the next one before a new event. */
export const nextSecond = () => new Promise((resolve) => setTimeout(resolve, 1100));
