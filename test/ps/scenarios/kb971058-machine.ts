// A Windows 10 machine with KB971058's problem: a recent Windows Update scan failure (event 25
// in Microsoft-Windows-WindowsUpdateClient/Operational), BITS, Windows Update and Cryptographic
// Services running, the BITS queue files qmgr0.dat and qmgr1.dat, the SoftwareDistribution and
// catroot2 folders, some of the article's DLLs (the rest are missing, as on current Windows) and
// handlers for regsvr32, netsh and sc.
import { PsMachine, type MachineOptions } from "../../support/simulated-windows-ps.js";

export const ID = "kb971058";
export const SYS32 = "C:\\Windows\\System32";
export const DOWNLOADER = "C:\\ProgramData\\Microsoft\\Network\\Downloader";
export const QMGR = [`${DOWNLOADER}\\qmgr0.dat`, `${DOWNLOADER}\\qmgr1.dat`];
export const SERVICES = ["BITS", "wuauserv", "CryptSvc"];
export const NETSH = `${SYS32}\\netsh.exe`;
export const SC = `${SYS32}\\sc.exe`;
export const OPERATIONAL = "Microsoft-Windows-WindowsUpdateClient/Operational";
export const PROVIDER = "Microsoft-Windows-WindowsUpdateClient";
export const BITS_SDDL =
  "D:(A;CI;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;SY)(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;BA)(A;;CCLCSWLOCRRC;;;IU)(A;;CCLCSWLOCRRC;;;SU)";
export const WUAUSERV_SDDL =
  "D:(A;;CCLCSWRPLORC;;;AU)(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;BA)(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;SY)";
/** Present on the simulated machine; the other 30 of the article's 36 are missing. */
export const PRESENT_DLLS = [
  "atl.dll",
  "urlmon.dll",
  "wintrust.dll",
  "wuapi.dll",
  "wups.dll",
  "qmgr.dll",
];
/** Step 4's folders, renamed to *.bak by rung 2. */
export const STEP4_FOLDERS = [
  "C:\\Windows\\SoftwareDistribution\\DataStore",
  "C:\\Windows\\SoftwareDistribution\\Download",
  `${SYS32}\\catroot2`,
];

/** A Windows Update failure event in the Operational log, `minutesAgo` old. */
export function scanFailure(machine: PsMachine, minutesAgo = 60): PsMachine {
  return machine.event({
    log: OPERATIONAL,
    provider: PROVIDER,
    id: 25,
    level: 2,
    time: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
    data: ["0x80244022"],
  });
}

export function healthy(options: MachineOptions = {}): PsMachine {
  const machine = new PsMachine(options);
  for (const name of SERVICES) machine.service(name, { status: "Running", start: 3 });
  for (const file of QMGR) machine.file(file, 1024);
  for (const folder of STEP4_FOLDERS) machine.file(`${folder}\\edb.log`, 64);
  for (const dll of PRESENT_DLLS) machine.file(`${SYS32}\\${dll}`, 10);
  machine.file(`${SYS32}\\regsvr32.exe`, "MZ").program("regsvr32.exe", { exitCodes: [0] });
  machine.file(NETSH, "MZ").program(NETSH, { exitCodes: [0] });
  machine.file(SC, "MZ").program(SC, { exitCodes: [0] });
  // Not evidence: an information event with the same ID, another provider.
  machine.event({ log: OPERATIONAL, provider: PROVIDER, id: 25, level: 4 });
  machine.event({ log: OPERATIONAL, provider: "Other", id: 25, level: 2 });
  return machine;
}

export function broken(options: MachineOptions = {}): PsMachine {
  return scanFailure(healthy(options));
}

export const qmgrFiles = (machine: PsMachine): string[] =>
  QMGR.filter((file) => machine.exists(file));
