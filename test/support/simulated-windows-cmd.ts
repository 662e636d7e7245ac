// A simulated Windows for the batch scripts: a temp tree laid out like C:\Windows
// (catroot2, CatRoot, SoftwareDistribution, inf, service and user profiles with
// CryptnetUrlCache, WindowsUpdate.log, CCM\Logs), reached through windir /
// SystemRoot / ProgramData overrides, with fake sc, net, regsvr32, wevtutil, icacls
// backed by files, a built forfiles, and recording forwarders to the real reg and attrib. The registry
// is Wine's own: keys written here are deleted again by cleanup().
import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, relative } from "node:path";
import {
  forwardingFake,
  netFake,
  regFake,
  scFake,
  simpleFake,
  sequenceFake,
  wevtutilFake,
} from "../cmd/fake-tools.js";
import { installFakeForfiles } from "../cmd/fake-forfiles.js";
import {
  readFakeCalls,
  runCmdScript,
  toWinPath,
  winePrefix,
  writeFakeTool,
  type WineRun,
} from "./wine.js";
import { tempDir } from "./temp-dir.js";

export interface Service {
  /** 2 automatic, 3 manual, 4 disabled (as sc qc prints START_TYPE). */
  start: 2 | 3 | 4;
  /** 1 stopped, 4 running (as sc query prints STATE). */
  state: 1 | 4;
}

/** Files every simulated Windows has, relative to its root (content: size in bytes or text). */
const TREE: Record<string, string | number> = {
  "Windows/System32/catroot2/edb.log": 4096,
  "Windows/System32/catroot2/catdb": 1024,
  "Windows/System32/CatRoot/{F750E6C3-38EE-11D1-85E5-00C04FC295EE}/tmp1.cat": 10,
  "Windows/System32/CatRoot/{F750E6C3-38EE-11D1-85E5-00C04FC295EE}/nt5.cat": 10,
  "Windows/System32/CatRoot/{127D0A1D-4EF2-11D1-8608-00C04FC295EE}/tmp9.cat": 10,
  "Windows/System32/CatRoot/{127D0A1D-4EF2-11D1-8608-00C04FC295EE}/oem3.cat": 10,
  "Windows/SoftwareDistribution/Download/update.cab": 100,
  "Windows/SoftwareDistribution/DataStore/DataStore.edb": 100,
  "Windows/inf/oem1.inf": "[Version]\r\n",
  "Windows/inf/oem1.PNF": 10,
  "Windows/inf/machine.inf": "[Version]\r\n",
  "Windows/WindowsUpdate.log": "2024-01-01 WARNING: Download failed, error 0x80070005\r\n",
  "Windows/System32/CCM/Logs/CcmExec.log": "client started\r\n",
  "ProgramData/placeholder.txt": "",
};

/** Keys no Wine prefix has that the tests may create and delete again. */
const OWNED_KEYS =
  /^(HKLM\\SOFTWARE\\(Microsoft\\SMS|Microsoft\\Windows NT\\CurrentVersion\\ProfileList\\S-1-5-21-4242-\d+-\d+-\d+|X|KbfixSim|WOW6432Node\\KbfixSim)|HKU\\S-1-5-21-4242-\d+-\d+-\d+|HKU\\S-1-5-21-[\d-]+\\Software\\KbfixSim)$/i;
/** Where hive files park their keys while not loaded (reg load copies them to HKU). */
const HIVE_PARKING = "HKLM\\SOFTWARE\\X\\KbSimHives";

const DLLS = ["softpub", "wintrust", "initpki", "dssenh", "rsaenh", "mssip32", "cryptdlg"];
const CACHE = "AppData/LocalLow/Microsoft/CryptnetUrlCache";
export const SERVICE_PROFILES = [
  "Windows/System32/config/systemprofile",
  "Windows/ServiceProfiles/LocalService",
  "Windows/ServiceProfiles/NetworkService",
];

export class SimulatedWindows {
  readonly root = tempDir("kbfix-simwin-");
  readonly windir = join(this.root, "Windows");
  readonly system32 = join(this.windir, "System32");
  readonly programData = join(this.root, "ProgramData");
  readonly db = join(this.root, "sim-db");
  readonly callsLog = join(this.root, "calls.log");
  readonly tools = join(this.root, "Tools");
  private readonly registryKeys: string[] = [];
  private readonly registryValues: [string, string][] = [];

  constructor() {
    for (const [path, content] of Object.entries(TREE)) this.write(path, content);
    for (const dll of DLLS) this.write(`Windows/System32/${dll}.dll`, 64);
    for (const p of SERVICE_PROFILES) this.fillCache(p);
    mkdirSync(join(this.db, "services"), { recursive: true });
    mkdirSync(join(this.db, "events"), { recursive: true });
    mkdirSync(join(this.db, "hives"), { recursive: true });
    this.installFakes();
    this.setNewestEvent(100);
  }

  write(path: string, content: string | number): void {
    const full = join(this.root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, typeof content === "number" ? Buffer.alloc(content, 0x41) : content);
  }

  /** A sparse file of `bytes` (edb.log above 20 MB costs no disk). */
  writeLarge(path: string, bytes: number): void {
    this.write(path, "");
    truncateSync(join(this.root, path), bytes);
  }

  /** Runs the real attrib on a path of the tree (e.g. "+s"); returns its attribute letters. */
  attributes(path: string, change = ""): string {
    const script = join(this.root, "attrib.cmd");
    const win = toWinPath(join(this.root, path));
    const lines = ["@echo off"];
    if (change) lines.push(`C:\\windows\\system32\\attrib.exe ${change} "${win}"`);
    lines.push(`for %%A in ("${win}") do echo %%~aA`);
    writeFileSync(script, lines.join("\r\n") + "\r\n");
    return runCmdScript(script, []).stdout.trim();
  }

  /** Two cached URL entries in Content and MetaData under a profile folder. */
  fillCache(profile: string): void {
    for (const sub of ["Content", "MetaData"])
      for (const name of ["7396C420A8E1BC1DA97F1AF0D10BAD21", "E2AB4B1DA6E0A7F0C5F6A1B2C3D4E5F6"])
        this.write(`${profile}/${CACHE}/${sub}/${name}`, 32);
  }

  cacheEntries(profile: string): string[] {
    return ["Content", "MetaData"].flatMap((sub) => {
      const dir = join(this.root, profile, CACHE, sub);
      return existsSync(dir) ? readdirSync(dir).map((n) => `${sub}/${n}`) : [];
    });
  }

  private installFakes(): void {
    const fake = (dir: string, name: string, body: string) => {
      writeFakeTool(dir, name, { exitCode: 0, recordTo: this.callsLog });
      writeFileSync(join(dir, `${name}.fake.cmd`), body + "\r\n");
    };
    fake(this.system32, "sc", scFake(this.callsLog, this.db));
    fake(this.system32, "net", netFake(this.callsLog, this.db));
    fake(this.system32, "wevtutil", wevtutilFake(this.callsLog, this.db));
    for (const name of ["regsvr32", "icacls", "ping"])
      fake(this.system32, name, simpleFake(this.callsLog, this.db, name));
    fake(this.system32, "reg", regFake(this.callsLog, this.db, HIVE_PARKING));
    fake(this.system32, "attrib", forwardingFake(this.callsLog, this.db, "attrib"));
    fake(this.tools, "CCMCertFix", simpleFake(this.callsLog, this.db, "CCMCertFix"));
    fake(join(this.system32, "wbem"), "winmgmt", sequenceFake(this.callsLog, this.db, "winmgmt"));
    const realFind = join(winePrefix, "drive_c", "windows", "system32", "find.exe");
    copyFileSync(realFind, join(this.system32, "find.exe"));
    // Wine has no forfiles (the batch ladder's clock): a built one, documented in its module.
    installFakeForfiles(this.system32);
  }

  /** The overrides that point the script at this tree. */
  env(extra: Record<string, string> = {}): Record<string, string> {
    return {
      windir: toWinPath(this.windir),
      SystemRoot: toWinPath(this.windir),
      ProgramData: toWinPath(this.programData),
      ...extra,
    };
  }

  run(script: string, args: string[] = [], extra: Record<string, string> = {}): WineRun {
    return runCmdScript(script, args, { env: this.env(extra), timeoutMs: 240_000 });
  }

  calls(): string[] {
    return readFakeCalls(this.callsLog);
  }

  clearCalls(): void {
    rmSync(this.callsLog, { force: true });
  }

  setService(name: string, s: Service): void {
    writeFileSync(join(this.db, "services", `${name}.start`), `${s.start}\r\n`);
    writeFileSync(join(this.db, "services", `${name}.state`), `${s.state}\r\n`);
  }

  service(name: string): Service {
    const read = (ext: string) =>
      Number(readFileSync(join(this.db, "services", `${name}.${ext}`), "utf8").trim());
    return { start: read("start") as Service["start"], state: read("state") as Service["state"] };
  }

  /** Automatic (Delayed Start) when the start type is 2; sc config start= auto clears it. */
  setDelayed(name: string, delayed: boolean): void {
    const file = join(this.db, "services", `${name}.delayed`);
    if (delayed) writeFileSync(file, "1\r\n");
    else rmSync(file, { force: true });
  }

  delayed(name: string): boolean {
    return existsSync(join(this.db, "services", `${name}.delayed`));
  }

  /** The services that depend on this one, in the order sc enumdepend lists them. */
  setDependents(name: string, dependents: string[]): void {
    writeFileSync(join(this.db, "services", `${name}.deps`), `${dependents.join(" ")}\r\n`);
  }

  /** A pending state (2 starting, 3 stopping) that settles to `settles` after `queries` sc queries. */
  setPending(name: string, state: 2 | 3, settles: 1 | 4, queries: number): void {
    writeFileSync(join(this.db, "services", `${name}.state`), `${state}\r\n`);
    writeFileSync(join(this.db, "services", `${name}.settles`), `${settles}\r\n`);
    writeFileSync(join(this.db, "services", `${name}.pending`), `${queries}\r\n`);
  }

  /** Something starts the service again right after each of its next `times` stops. */
  setComeBack(name: string, times: number): void {
    writeFileSync(join(this.db, "services", `${name}.comeback`), `${times}\r\n`);
  }

  /** How many times the service was started again behind the script's back. */
  cameBack(name: string): number {
    const file = join(this.db, "services", `${name}.cameback`);
    return existsSync(file) ? Number(readFileSync(file, "utf8").trim()) : 0;
  }

  /** Makes `sc config`, `net start` or `net stop` of a service exit with `code`. */
  failService(name: string, verb: "config" | "start" | "stop", code: number): void {
    writeFileSync(join(this.db, "services", `${name}.fail-${verb}`), `${code}\r\n`);
  }

  /** Makes a fake exit with `code`: regsvr32, CCMCertFix, attrib, or reg-add (reg add only). */
  failTool(name: string, code: number): void {
    writeFileSync(join(this.db, `${name}.fail`), `${code}\r\n`);
  }

  notAdmin(): void {
    writeFileSync(join(this.db, "not-admin"), "");
  }

  setNewestEvent(recordId: number): void {
    const xml = `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><EventRecordID>${recordId}</EventRecordID></System></Event>`;
    writeFileSync(join(this.db, "events", "newest.xml"), xml + "\r\n");
  }

  /** One event the fake wevtutil returns to a query for its ID and a lower record bound. */
  addEvent(eventId: number, recordId: number, data: string): void {
    const e = join(this.db, "events");
    writeFileSync(join(e, "event.id"), `${eventId}\r\n`);
    writeFileSync(join(e, "event.rid"), `${recordId}\r\n`);
    const xml = `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-CAPI2'/><EventID>${eventId}</EventID><Level>2</Level><EventRecordID>${recordId}</EventRecordID></System><EventData><Data Name='url'>${data}</Data></EventData></Event>`;
    writeFileSync(join(e, "event.xml"), xml + "\r\n");
    this.setNewestEvent(recordId);
  }

  /** Runs reg commands in Wine's registry (the real reg.exe); keys added are removed by cleanup(). */
  registry(commands: string[]): WineRun {
    const script = join(this.root, "registry.cmd");
    const lines = ["@echo off", ...commands.map((c) => `C:\\windows\\system32\\reg.exe ${c}`)];
    writeFileSync(script, lines.join("\r\n") + "\r\nexit /b 0\r\n");
    return runCmdScript(script, []);
  }

  /** A value this simulation (or the script it runs) writes: deleted at cleanup. */
  ownValue(key: string, name: string): void {
    this.registryValues.push([key, name]);
  }

  /**
   * A key the tests create in Wine's registry, deleted with everything under it at cleanup.
   * Only these keys: a wrong one would take part of the shared prefix with it.
   */
  ownKey(key: string): void {
    if (!OWNED_KEYS.test(key)) throw new Error(`refusing to own the registry key ${key}`);
    if (!this.registryKeys.includes(key)) this.registryKeys.push(key);
  }

  /** Sets a value, owned as by ownValue. */
  setRegistryValue(key: string, name: string, type: string, data: string): void {
    this.ownValue(key, name);
    this.registry([`add "${key}" /v "${name}" /t ${type} /d "${data}" /f >nul`]);
  }

  readRegistryValue(key: string, name: string): string | undefined {
    const r = this.registry([`query "${key}" /v "${name}"`]);
    const line = r.stdout.split("\r\n").find((l) => l.trim().startsWith(`${name} `));
    return line?.trim().split(/\s{4}/)[2] ?? (line ? "" : undefined);
  }

  /** A user profile folder under Users with a filled cache, listed in Wine's ProfileList. */
  addUserProfile(sid: string, user: string): string {
    const folder = `Users/${user}`;
    this.fillCache(folder);
    const key = `HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\ProfileList\\${sid}`;
    this.ownKey(key);
    this.setRegistryValue(
      key,
      "ProfileImagePath",
      "REG_EXPAND_SZ",
      toWinPath(join(this.root, folder)),
    );
    return folder;
  }

  /** A hive Windows has loaded as HKU\<sid> (a logged-on user): values [key, name, type, data]. */
  loadedHive(sid: string, values: [string, string, string, string][]): void {
    this.ownKey(`HKU\\${sid}`);
    this.registry(
      values.map(([k, n, t, d]) => `add "HKU\\${sid}\\${k}" /v "${n}" /t ${t} /d "${d}" /f >nul`),
    );
  }

  /**
   * A hive file <folder>\NTUSER.DAT whose keys wait under a parking key until reg load copies
   * them to HKU; "in-use" as the name makes every load fail.
   */
  hiveFile(folder: string, name: string, values: [string, string, string, string][]): void {
    this.write(`${folder}/NTUSER.DAT`, `${name}\r\n`);
    if (name === "in-use") return;
    this.ownKey("HKLM\\SOFTWARE\\X");
    const park = `${HIVE_PARKING}\\${name}`;
    this.registry([
      `add "${park}" /f >nul`,
      ...values.map(([k, n, t, d]) => `add "${park}\\${k}" /v "${n}" /t ${t} /d "${d}" /f >nul`),
    ]);
  }

  /** The value in a hive file's keys (parked: it is not loaded). */
  hiveFileValue(name: string, key: string, value: string): string | undefined {
    return this.readRegistryValue(`${HIVE_PARKING}\\${name}\\${key}`, value);
  }

  /** Hives the fake reg has loaded and not unloaded. */
  loadedByReg(): string[] {
    return readdirSync(join(this.db, "hives")).sort();
  }

  /** Makes reg unload refuse every hive ("Access is denied"), as when another process holds it. */
  stuckHives(): void {
    writeFileSync(join(this.db, "hive-stuck"), "");
  }

  logText(id: string): string {
    const log = join(this.windir, "Logs", "kbfix", `${id}.fix.log`);
    return existsSync(log) ? readFileSync(log, "utf8") : "";
  }

  /**
   * Every file and folder (content hash), leaving out the Logs folder, compiled output and the
   * fakes and their database; and kbfix's state folder, unless `withState` (check mode creates
   * nothing, not even that folder).
   */
  snapshot({ withState = false } = {}): Record<string, string> {
    const out: Record<string, string> = {};
    const skip = (rel: string) =>
      /^(sim-db|calls\.log|registry\.cmd|attrib\.cmd|Tools|out|.*\.flag)($|\/)/.test(rel) ||
      /^Windows\/Logs($|\/)/.test(rel) ||
      (!withState && /^ProgramData\/kbfix($|\/)/.test(rel)) ||
      /^Windows\/System32\/[^/]+\.(exe|fake\.cmd|fake\.out)$/.test(rel);
    const walk = (dir: string) => {
      for (const name of readdirSync(dir).sort()) {
        const full = join(dir, name);
        const rel = relative(this.root, full).replace(/\\/g, "/");
        if (skip(rel)) continue;
        if (statSync(full).isDirectory()) {
          out[rel] = "dir";
          walk(full);
        } else {
          out[rel] = createHash("sha1").update(readFileSync(full)).digest("hex");
        }
      }
    };
    walk(this.root);
    return out;
  }

  cleanup(): void {
    const values = this.registryValues.map(([k, n]) => `delete "${k}" /v "${n}" /f`);
    const keys = this.registryKeys.map((k) => `delete "${k}" /f`);
    if (values.length || keys.length) this.registry([...values, ...keys]);
    rmSync(this.root, { recursive: true, force: true });
  }
}
