// A simulated Windows for the emitted PowerShell scripts. The machine is a temporary folder
// (C:\ is <root>/fs/C) plus a world file (registry, services, event log, certificates,
// programs, identity, OS, faults) that the PowerShell side (simulated-windows/*.ps1) loads
// before it runs a script unchanged. Tests build a machine, run scripts, and diff snapshots.
import { peImage, type PeMachine } from "./pe-image.js";
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { locatePwsh } from "./pwsh.js";
import { simulationRunner, simulationServer } from "./simulated-windows-server.js";
import { tempDir } from "./temp-dir.js";

export type RegistryKind = "String" | "ExpandString" | "MultiString" | "DWord" | "QWord" | "Binary";
export interface RegistryValue {
  kind: RegistryKind;
  data: string | number | string[];
}
/** Keys below a hive's root and their values, as the world holds HKLM. */
export type HiveKeys = Record<string, Record<string, RegistryValue>>;

export interface ServiceRecord {
  displayName?: string;
  status: "Running" | "Stopped" | "StartPending" | "StopPending";
  /** Written to SYSTEM\CurrentControlSet\Services\<name>\Start: 2 automatic, 3 manual, 4 disabled. */
  start: 2 | 3 | 4;
  dependents?: string[];
  fail?: ("stop" | "start" | "config")[];
  /** Automatic (Delayed Start): DelayedAutostart=1 next to Start (only meaningful with start 2). */
  delayed?: boolean;
  /**
   * How many times something restarts the service right after it stopped (UsoSvc restarting
   * wuauserv); `restartedBehind` counts the times it did.
   */
  restartsBehind?: number;
}
export interface EventRecord {
  log: string;
  provider: string;
  id: number;
  level: number;
  /** ISO time; default: one hour ago. */
  time?: string;
  data?: string[];
}
export interface ProgramHandler {
  /** Used in turn; the last repeats. */
  exitCodes: number[];
  stdout?: string;
  hang?: boolean;
  effects?: Record<string, unknown>[];
}
export interface Call {
  program: string;
  arguments: string;
}

export interface ScriptRun {
  /** The exit code as PowerShell saw it ($LASTEXITCODE), not cut to 8 bits. */
  code: number;
  stdout: string[];
  errors: string[];
  /** The last stdout line: what Intune reads. */
  recap: string;
}

export interface MachineOptions {
  /** NT version and build, e.g. "10.0.19045". */
  version?: string;
  architecture?: "AMD64" | "X86";
  /** A 32-bit PowerShell on 64-bit Windows. */
  wow64?: boolean;
  account?: "system" | "admin" | "user";
}

const ACCOUNTS = {
  system: { name: "NT AUTHORITY\\SYSTEM", sid: "S-1-5-18", elevated: true },
  admin: { name: "CONTOSO\\admin", sid: "S-1-5-21-100-200-300-500", elevated: true },
  user: { name: "CONTOSO\\alice", sid: "S-1-5-21-100-200-300-1001", elevated: false },
};

/** The folders kbfix itself writes (log, result, state): excluded from mutation diffs. */
const OWN_OUTPUT = [
  /^c:\\windows\\logs\\kbfix(\\|$)/,
  /^c:\\programdata\\kbfix(\\|$)/,
  /^c:\\windows\\temp\\kbfix(\\|$)/,
  /^c:\\windows\\ccm\\logs\\kb\d+\./,
];

let machines = 0;

export class PsMachine {
  readonly root = tempDir("kbfix-psmachine-");
  readonly fs = join(this.root, "fs");
  readonly worldPath = join(this.root, "world.json");
  world: Record<string, any>;
  private runs = 0;

  constructor(options: MachineOptions = {}) {
    const architecture = options.architecture ?? "AMD64";
    const wow64 = options.wow64 === true;
    this.world = {
      root: this.fs,
      os: {
        version: options.version ?? "10.0.19045",
        architecture,
        is64BitProcess: architecture === "AMD64" && !wow64,
        machineName: "PC01",
        // Named mutexes are shared by every process of the user: each machine gets its own.
        mutexPrefix: `kbsim-${process.pid}-${++machines}-`,
      },
      env: baseEnvironment(architecture, wow64),
      identity: ACCOUNTS[options.account ?? "system"],
      registry: {},
      services: {},
      eventlog: { records: [] },
      certificates: {},
      programs: {},
      faults: {},
      attributes: {},
      owners: {},
      acls: {},
      fileVersions: {},
      calls: [],
    };
    for (const folder of [
      "Windows\\System32",
      "Windows\\Temp",
      "Windows\\Logs",
      "ProgramData",
      "Program Files",
      "Users",
    ])
      this.folder(`C:\\${folder}`);
    this.file("C:\\Windows\\Sysnative\\WindowsPowerShell\\v1.0\\powershell.exe", "MZ");
    // reg.exe loads and unloads hives in the simulated registry (simulated-windows/hives.ps1).
    this.file("C:\\Windows\\System32\\reg.exe", "MZ");
    this.profileList("S-1-5-18", "%systemroot%\\system32\\config\\systemprofile");
    this.profileList("S-1-5-19", "%systemroot%\\ServiceProfiles\\LocalService");
    this.profileList("S-1-5-20", "%systemroot%\\ServiceProfiles\\NetworkService");
  }

  /** The Linux path behind a Windows path: existing names match without regard to case, as on NTFS. */
  hostPath(winPath: string): string {
    const parts = winPath.replace(/\\+$/, "").split("\\");
    let host = join(this.fs, parts[0]!.slice(0, 1).toUpperCase());
    for (const part of parts.slice(1)) {
      const existing = existsSync(host)
        ? readdirSync(host).find((n) => n.toLowerCase() === part.toLowerCase())
        : undefined;
      host = join(host, existing ?? part);
    }
    return host;
  }

  file(winPath: string, content: string | Buffer | number, ageDays = 0): this {
    const host = this.hostPath(winPath);
    mkdirSync(dirname(host), { recursive: true });
    writeFileSync(host, typeof content === "number" ? Buffer.alloc(content, 0x41) : content);
    if (ageDays > 0) {
      const when = new Date(Date.now() - ageDays * 86_400_000);
      utimesSync(host, when, when);
    }
    return this;
  }

  /** A DLL whose PE header says which processor it is built for (what register-dlls reads). */
  dll(winPath: string, machine: PeMachine | number): this {
    return this.file(winPath, peImage(machine));
  }

  folder(winPath: string): this {
    mkdirSync(this.hostPath(winPath), { recursive: true });
    return this;
  }

  exists(winPath: string): boolean {
    return existsSync(this.hostPath(winPath));
  }

  list(winPath: string): string[] {
    const host = this.hostPath(winPath);
    return existsSync(host) ? readdirSync(host).sort() : [];
  }

  read(winPath: string): string {
    return readFileSync(this.hostPath(winPath), "utf8");
  }

  /** Attributes as Windows numbers (1 read-only, 2 hidden, 4 system, 32 archive). */
  attributes(winPath: string, value: number): this {
    this.world.attributes[winPath.toLowerCase()] = value;
    return this;
  }

  registry(key: string, name: string, value: RegistryValue): this {
    (this.world.registry[key] ??= {})[name] = value;
    return this;
  }

  registryKey(key: string): this {
    this.world.registry[key] ??= {};
    return this;
  }

  profileList(sid: string, path: string): this {
    return this.registry(
      `SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\ProfileList\\${sid}`,
      "ProfileImagePath",
      {
        kind: "ExpandString",
        data: path,
      },
    );
  }

  /** A user profile listed in ProfileList, with its folder. */
  user(name: string, rid: number): string {
    this.profileList(`S-1-5-21-100-200-300-${rid}`, `%SystemDrive%\\Users\\${name}`);
    this.folder(`C:\\Users\\${name}`);
    return `C:\\Users\\${name}`;
  }

  /** A hive Windows has loaded under HKEY_USERS (a logged-on user, a service profile). */
  loadedHive(name: string, keys: HiveKeys = {}): this {
    (this.world.users ??= {})[name] = { keys };
    return this;
  }

  /** A hive file (NTUSER.DAT) in the tree: its keys, as reg load reads them. */
  hiveFile(winPath: string, keys: HiveKeys = {}): this {
    return this.file(winPath, JSON.stringify(keys, null, 2));
  }

  hiveFileKeys(winPath: string): HiveKeys {
    return JSON.parse(this.read(winPath));
  }

  /** The names loaded under HKEY_USERS now. */
  loadedHives(): string[] {
    return Object.keys(this.world.users ?? {}).sort();
  }

  loadedHiveKeys(name: string): HiveKeys | undefined {
    return this.world.users?.[name]?.keys;
  }

  service(name: string, record: ServiceRecord): this {
    const { start, delayed, ...rest } = record;
    this.world.services[name] = { displayName: name, dependents: [], fail: [], ...rest };
    if (delayed !== undefined)
      this.registry(`SYSTEM\\CurrentControlSet\\Services\\${name}`, "DelayedAutostart", {
        kind: "DWord",
        data: delayed ? 1 : 0,
      });
    return this.registry(`SYSTEM\\CurrentControlSet\\Services\\${name}`, "Start", {
      kind: "DWord",
      data: start,
    });
  }

  event(record: EventRecord): this {
    const time = record.time ?? new Date(Date.now() - 3_600_000).toISOString();
    this.world.eventlog.records.push({ data: [], ...record, time });
    return this;
  }

  program(nameOrPath: string, handler: ProgramHandler): this {
    this.world.programs[nameOrPath] = handler;
    return this;
  }

  fault(
    kind: "locked" | "lockedExclusive" | "registryDeny" | "certificateStoreDeny" | "hiveStuck",
    value: string,
  ): this {
    (this.world.faults[kind] ??= []).push(value);
    return this;
  }

  /** Reloads the world the last run saved. */
  private reload(): void {
    this.world = JSON.parse(readFileSync(this.worldPath, "utf8"));
  }

  calls(): Call[] {
    return (this.world.calls ?? []) as Call[];
  }

  registryValue(key: string, name: string): RegistryValue | undefined {
    const found = Object.keys(this.world.registry).find(
      (k) => k.toLowerCase() === key.toLowerCase(),
    );
    if (found === undefined) return undefined;
    const values = this.world.registry[found];
    const valueName = Object.keys(values).find((n) => n.toLowerCase() === name.toLowerCase());
    return valueName === undefined ? undefined : values[valueName];
  }

  /** Runs scripts one after another on this machine, in the test file's PowerShell process. */
  async runAll(jobs: { script: string; params?: Record<string, unknown> }[]): Promise<ScriptRun[]> {
    const pwsh = locatePwsh();
    if (!pwsh.ok) throw new Error(pwsh.why);
    this.world.host = { pwsh: [pwsh.file, ...pwsh.args], runner: simulationRunner };
    writeFileSync(this.worldPath, JSON.stringify(this.world, null, 2));
    const batch = ++this.runs;
    const reports = jobs.map((_, i) => join(this.root, `run-${batch}-${i + 1}.json`));
    const jobsPath = join(this.root, `jobs-${batch}.json`);
    const list = jobs.map((job, i) => ({
      world: this.worldPath,
      script: job.script,
      parameters: job.params ?? {},
      report: reports[i],
    }));
    writeFileSync(jobsPath, JSON.stringify(list));
    await simulationServer.run(jobsPath);
    this.reload();
    return reports.map((report, i) => {
      if (!existsSync(report))
        throw new Error(`simulated Windows: job ${i + 1} of ${jobsPath} left no report`);
      const run = JSON.parse(readFileSync(report, "utf8"));
      const stdout: string[] = run.stdout ?? [];
      return {
        code: run.exitCode ?? -1,
        stdout,
        errors: run.errors ?? [],
        recap: stdout[stdout.length - 1] ?? "",
      };
    });
  }

  async run(script: string, params: Record<string, unknown> = {}): Promise<ScriptRun> {
    return (await this.runAll([{ script, params }]))[0]!;
  }

  /** Files (size + hash + attributes) and the world's mutable state, for diffing. */
  snapshot(): Snapshot {
    const files: Record<string, string> = {};
    const walk = (host: string, win: string): void => {
      for (const name of readdirSync(host).sort()) {
        const childHost = join(host, name);
        const childWin = `${win}\\${name}`;
        const key = childWin.toLowerCase();
        if (OWN_OUTPUT.some((re) => re.test(key))) continue;
        const attrs = this.world.attributes[key] ?? "";
        if (statSync(childHost).isDirectory()) {
          files[key] = `dir ${attrs}`;
          walk(childHost, childWin);
        } else {
          const hash = createHash("sha256")
            .update(readFileSync(childHost))
            .digest("hex")
            .slice(0, 12);
          files[key] = `file ${hash} ${attrs}`;
        }
      }
    };
    walk(join(this.fs, "C"), "C:");
    const services: Record<string, string> = {};
    for (const [name, record] of Object.entries<any>(this.world.services))
      services[name] = String(record.status);
    return {
      files,
      registry: JSON.parse(JSON.stringify(this.world.registry)),
      users: JSON.parse(JSON.stringify(this.world.users ?? {})),
      services,
      certificates: JSON.parse(JSON.stringify(this.world.certificates)),
    };
  }

  cleanup(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

export interface Snapshot {
  files: Record<string, string>;
  registry: Record<string, Record<string, RegistryValue>>;
  /** Loaded hives under HKEY_USERS (hive files are files). */
  users: Record<string, unknown>;
  services: Record<string, string>;
  certificates: Record<string, unknown>;
}

/** What changed between two snapshots, one line per change, sorted. */
export function diffSnapshots(before: Snapshot, after: Snapshot): string[] {
  const changes: string[] = [];
  const keys = (a: object, b: object) =>
    [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  for (const path of keys(before.files, after.files)) {
    const [was, now] = [before.files[path], after.files[path]];
    if (was === now) continue;
    changes.push(
      was === undefined
        ? `created ${path}`
        : now === undefined
          ? `removed ${path}`
          : `changed ${path}`,
    );
  }
  for (const key of keys(before.registry, after.registry)) {
    const [was, now] = [before.registry[key] ?? {}, after.registry[key] ?? {}];
    for (const name of keys(was, now)) {
      if (JSON.stringify(was[name]) !== JSON.stringify(now[name]))
        changes.push(`registry ${key}\\${name}`);
    }
    if (before.registry[key] === undefined && Object.keys(now).length === 0)
      changes.push(`registry key ${key}`);
  }
  for (const name of keys(before.services, after.services)) {
    if (before.services[name] !== after.services[name])
      changes.push(`service ${name} ${before.services[name]} -> ${after.services[name]}`);
  }
  for (const name of keys(before.users ?? {}, after.users ?? {})) {
    const [was, now] = [before.users?.[name], after.users?.[name]];
    if (JSON.stringify(was) === JSON.stringify(now)) continue;
    changes.push(
      was === undefined
        ? `hive loaded ${name}`
        : now === undefined
          ? `hive unloaded ${name}`
          : `hive ${name}`,
    );
  }
  if (JSON.stringify(before.certificates) !== JSON.stringify(after.certificates))
    changes.push("certificates");
  return changes;
}

function baseEnvironment(architecture: string, wow64: boolean): Record<string, string> {
  const env: Record<string, string> = {
    windir: "C:\\Windows",
    SystemRoot: "C:\\Windows",
    SystemDrive: "C:",
    ProgramData: "C:\\ProgramData",
    ALLUSERSPROFILE: "C:\\ProgramData",
    ProgramFiles: "C:\\Program Files",
    TEMP: "C:\\Windows\\Temp",
    TMP: "C:\\Windows\\Temp",
    COMPUTERNAME: "PC01",
    PROCESSOR_ARCHITECTURE: wow64 ? "x86" : architecture,
  };
  if (architecture === "AMD64") env["ProgramFiles(x86)"] = "C:\\Program Files (x86)";
  if (wow64) env.PROCESSOR_ARCHITEW6432 = "AMD64";
  return env;
}
