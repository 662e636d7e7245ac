// A playbook that sets HKCU values in every user profile (a per-user step holding
// registry-value steps), and the profiles both simulated Windows get for it: a logged-on user
// (hive loaded as HKEY_USERS\<SID>), a user whose hive is only the file NTUSER.DAT, one whose
// NTUSER.DAT is in use (it cannot be loaded) and one without NTUSER.DAT.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dump } from "js-yaml";
import { analyzeBytes, compilePlan } from "../../../src/pipeline.js";
import type { SimulatedWindows } from "../../support/simulated-windows-cmd.js";
import { PsMachine, type HiveKeys } from "../../support/simulated-windows-ps.js";

export const HKCU_ID = "kb100004";
// Keys no Windows or Wine prefix has: the Wine tests may delete them again from Wine's own user.
export const PROXY_KEY = "Software\\KbfixSim\\Internet Settings";
export const POLICY_KEY = "Software\\KbfixSim\\Policies";

export const HKCU_STEPS = [
  {
    id: "hk-proxy",
    kind: "registry-value",
    key: `HKCU\\${PROXY_KEY}`,
    name: "ProxyEnable",
    type: "dword",
    data: 0,
  },
  {
    id: "hk-policy",
    kind: "registry-value",
    key: `HKCU\\${POLICY_KEY}`,
    name: "Mode",
    type: "string",
    data: "safe",
  },
];

function playbook(targets: string[], steps: object[]): Record<string, unknown> {
  return {
    schemaVersion: 1,
    id: HKCU_ID,
    title: "HKCU values in every profile",
    kb: [100004],
    source: {
      url: "https://support.microsoft.com/kb/100004",
      revision: "1.0",
      language: "en-US",
      notes: ["Test fixture."],
    },
    summary: "Turns the proxy off and sets a policy value for every user.",
    targets,
    applies: { windows: { min: "5.1" }, context: "system" },
    detection: {
      any: [{ id: "marker", kind: "file-size", path: "%windir%\\marker.bin", aboveBytes: 10 }],
    },
    strategy: "all",
    methods: [
      {
        id: "m1",
        kbMethod: 1,
        title: "Every profile",
        risk: "low",
        reboot: "none",
        steps: [{ id: "hk", kind: "per-user", includeServiceProfiles: false, steps }],
      },
    ],
  };
}

/**
 * Compiles the playbook; returns the folder holding <id>/<id>.ps1 (and .fix.cmd). The Wine
 * tests keep to the first step: every reg call is a process start in Wine's cmd.
 */
export function compileHkcuPlaybook(targets = ["ps1"], steps: object[] = HKCU_STEPS): string {
  const yaml = dump(playbook(targets, steps));
  const analysis = analyzeBytes(`${HKCU_ID}.yaml`, Buffer.from(yaml, "utf8"));
  if (!analysis.plan) throw new Error(JSON.stringify(analysis.diagnostics, null, 2));
  const dir = mkdtempSync(join(tmpdir(), "kbfix-hkcu-"));
  for (const file of compilePlan(analysis.plan)) {
    mkdirSync(join(dir, file.path, ".."), { recursive: true });
    writeFileSync(join(dir, file.path), file.bytes);
  }
  return dir;
}

/** SIDs both simulated Windows accept (the Wine one owns ProfileList keys of this form). */
const sid = (rid: number) => `S-1-5-21-4242-${process.pid}-7-${rid}`;
export const [ALICE, BOB, CAROL, DAVE] = [sid(1001), sid(1002), sid(1003), sid(1004)];
/** Every Wine prefix's own user: in its ProfileList, its hive loaded. */
export const WINE_USER = "S-1-5-21-0-0-0-1000";
export const BOB_HIVE = "C:\\Users\\bob\\NTUSER.DAT";
export const CAROL_HIVE = "C:\\Users\\carol\\NTUSER.DAT";
export const proxyOn = (): HiveKeys => ({
  [PROXY_KEY]: {
    ProxyEnable: { kind: "DWord", data: 1 },
    ProxyServer: { kind: "String", data: "p:80" },
  },
});

function profile(m: PsMachine, sid: string, name: string): void {
  m.profileList(sid, `%SystemDrive%\\Users\\${name}`).folder(`C:\\Users\\${name}`);
}

/**
 * alice logged on, bob's hive a file, carol's file in use, dave without a hive file; with
 * `wineUser`, also the profile Wine has (for the parity test).
 */
export function hkcuMachine(wineUser = false): PsMachine {
  const m = new PsMachine();
  m.file("C:\\Windows\\marker.bin", 100);
  profile(m, ALICE, "alice");
  m.loadedHive(ALICE, proxyOn());
  m.hiveFile("C:\\Users\\alice\\NTUSER.DAT", proxyOn());
  profile(m, BOB, "bob");
  m.hiveFile(BOB_HIVE, proxyOn());
  profile(m, CAROL, "carol");
  m.hiveFile(CAROL_HIVE, proxyOn());
  m.fault("lockedExclusive", CAROL_HIVE);
  profile(m, DAVE, "dave");
  if (wineUser) {
    m.profileList(WINE_USER, "C:\\users\\root").folder("C:\\users\\root");
    m.loadedHive(WINE_USER);
  }
  return m;
}

/** The same profiles in Wine: bob's keys parked under the name bobHive until reg load. */
export function prepareHkcuWine(sim: SimulatedWindows): void {
  const proxy: [string, string, string, string][] = [[PROXY_KEY, "ProxyEnable", "REG_DWORD", "1"]];
  sim.write("Windows/marker.bin", 100);
  // The script also visits Wine's own user: what it writes there goes again at cleanup.
  sim.ownKey(`HKU\\${WINE_USER}\\Software\\KbfixSim`);
  sim.addUserProfile(ALICE, "alice");
  sim.loadedHive(ALICE, proxy);
  sim.addUserProfile(BOB, "bob");
  sim.hiveFile("Users/bob", bobHive, proxy);
  sim.addUserProfile(CAROL, "carol");
  sim.hiveFile("Users/carol", "in-use", []);
  sim.addUserProfile(DAVE, "dave");
}

export const bobHive = `bob-${process.pid}`;
