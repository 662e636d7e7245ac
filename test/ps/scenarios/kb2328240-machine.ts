// A machine with KB2328240's problem: a CAPI2 4107 event about authrootstl.cab, and cached
// URL entries in every CryptnetUrlCache (two users, the service profiles, the 32-bit system
// profile), plus events that must not count.
import { PsMachine, type MachineOptions } from "../../support/simulated-windows-ps.js";

export const ID = "kb2328240";
export const CACHE = "AppData\\LocalLow\\Microsoft\\CryptnetUrlCache";
export const PROFILES = [
  "C:\\Users\\alice",
  "C:\\Users\\bob",
  "C:\\Windows\\System32\\config\\systemprofile",
  "C:\\Windows\\ServiceProfiles\\LocalService",
  "C:\\Windows\\ServiceProfiles\\NetworkService",
  "C:\\Windows\\SysWOW64\\config\\systemprofile",
];
export const AUTHROOT =
  "http://www.download.windowsupdate.com/msdownload/update/v3/static/trustedr/en/authrootstl.cab";

export function broken(options: MachineOptions = {}): PsMachine {
  const machine = new PsMachine(options);
  machine.user("alice", 1001);
  machine.user("bob", 1002);
  for (const profile of PROFILES) {
    for (const folder of ["Content", "MetaData"]) {
      machine.file(`${profile}\\${CACHE}\\${folder}\\7396C420A8E1BC1DA97F1AF0D10BAD21`, 64);
      machine.file(`${profile}\\${CACHE}\\${folder}\\E2AB4B1DA6E0A7F0C5F6A1B2C3D4E5F6`, 64);
    }
  }
  machine.event({
    log: "Application",
    provider: "Microsoft-Windows-CAPI2",
    id: 4107,
    level: 2,
    data: [AUTHROOT, "0x800b0101"],
  });
  // Not evidence: another provider, and a 4107 about another file.
  machine.event({ log: "Application", provider: "Other", id: 4107, level: 2, data: [AUTHROOT] });
  machine.event({
    log: "Application",
    provider: "Microsoft-Windows-CAPI2",
    id: 4107,
    level: 2,
    data: ["http://example.test/disallowedcert.stl"],
  });
  return machine;
}

export const cacheEntries = (machine: PsMachine): string[] =>
  PROFILES.flatMap((p) =>
    ["Content", "MetaData"].flatMap((f) =>
      machine.list(`${p}\\${CACHE}\\${f}`).map((n) => `${p}\\${f}\\${n}`),
    ),
  );
