// A playbook that sets HKCU values in every user profile (a per-user step holding
// registry-value steps), and the profiles both simulated Windows get for it: a logged-on user
// (hive loaded as HKEY_USERS\<SID>), a user whose hive is only the file NTUSER.DAT, one whose
// NTUSER.DAT is in use (it cannot be loaded) and one without NTUSER.DAT.
import { compileFixture, fixturePlaybook } from "../../support/fixture-playbook.js";
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

/**
 * Compiles the playbook; returns the folder holding <id>/<id>.ps1 (and .fix.cmd). The Wine
 * tests keep to the first step: every reg call is a process start in Wine's cmd.
 */
export function compileHkcuPlaybook(targets = ["ps1"], steps: object[] = HKCU_STEPS): string {
  return compileFixture(
    fixturePlaybook({
      id: HKCU_ID,
      title: "HKCU values in every profile",
      summary: "Turns the proxy off and sets a policy value for every user.",
      targets,
      methodTitle: "Every profile",
      steps: [{ id: "hk", kind: "per-user", includeServiceProfiles: false, steps }],
    }),
  );
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
