// Windows versions by NT version number and, where it matters, build: the article era is
// NT 5.x, destructive legacy methods must never run on NT 6.0 or later, and Windows 11 is
// NT 10.0 from build 22000 on (docs/windows-versions.md).

export const WINDOWS_NAMES: Readonly<Record<string, string>> = {
  "5.0": "Windows 2000",
  "5.1": "Windows XP",
  "5.2": "Windows XP x64 / Server 2003",
  "6.0": "Windows Vista / Server 2008",
  "6.1": "Windows 7 / Server 2008 R2",
  "6.2": "Windows 8 / Server 2012",
  "6.3": "Windows 8.1 / Server 2012 R2",
  "10.0": "Windows 10 / 11 / Server 2016+",
};

/**
 * The one table of build names, for messages and explain (a playbook always writes numbers:
 * one number can be a client and a server release, and a name would hide that).
 */
export const WINDOWS_BUILDS: Readonly<Record<string, string>> = {
  "5.1.2600": "Windows XP",
  "5.2.3790": "Windows XP x64 / Server 2003",
  "6.0.6000": "Windows Vista RTM",
  "6.0.6001": "Windows Vista SP1 / Server 2008",
  "6.0.6002": "Windows Vista SP2 / Server 2008 SP2",
  "6.1.7600": "Windows 7 / Server 2008 R2 RTM",
  "6.1.7601": "Windows 7 SP1 / Server 2008 R2 SP1",
  "6.2.9200": "Windows 8 / Server 2012",
  "6.3.9600": "Windows 8.1 / Server 2012 R2",
  "10.0.10240": "Windows 10 1507",
  "10.0.10586": "Windows 10 1511",
  "10.0.14393": "Windows 10 1607 / Server 2016",
  "10.0.15063": "Windows 10 1703",
  "10.0.16299": "Windows 10 1709",
  "10.0.17134": "Windows 10 1803",
  "10.0.17763": "Windows 10 1809 / Server 2019",
  "10.0.18362": "Windows 10 1903",
  "10.0.18363": "Windows 10 1909",
  "10.0.19041": "Windows 10 2004",
  "10.0.19042": "Windows 10 20H2",
  "10.0.19043": "Windows 10 21H1",
  "10.0.19044": "Windows 10 21H2",
  "10.0.19045": "Windows 10 22H2",
  "10.0.20348": "Windows Server 2022",
  "10.0.22000": "Windows 11 21H2",
  "10.0.22621": "Windows 11 22H2",
  "10.0.22631": "Windows 11 23H2",
  "10.0.26100": "Windows 11 24H2 / Server 2025",
};

/** The builds each NT version shipped with: a build outside its span is a typo. */
export const NT_BUILD_SPANS: Readonly<Record<string, readonly [number, number]>> = {
  "5.0": [2195, 2195],
  "5.1": [2600, 2600],
  "5.2": [3790, 3790],
  "6.0": [6000, 6003],
  "6.1": [7600, 7601],
  "6.2": [9200, 9200],
  "6.3": [9600, 9600],
  "10.0": [10240, 99999],
};

/** The largest build a playbook may name: the batch runtime keeps NT and build in one number. */
export const MAX_BUILD = 99999;

export interface WindowsVersion {
  /** major.minor, e.g. "10.0". */
  nt: string;
  major: number;
  minor: number;
  /** Absent when the playbook names the NT version only (then every build of it). */
  build?: number;
}

export function parseWindowsVersion(text: string): WindowsVersion {
  const [major = 0, minor = 0, build] = text.split(".").map(Number);
  return { nt: `${major}.${minor}`, major, minor, ...(build === undefined ? {} : { build }) };
}

/**
 * One number per range end, ordered as Windows versions are: (major*100+minor)*100000+build.
 * A bound without a build covers every build of its NT version: min from build 0, max up to
 * MAX_BUILD. The batch runtime computes the same number from `ver` (src/emit/cmd/cmd-values.ts).
 */
export function windowsBoundKey(text: string, side: "min" | "max"): number {
  const v = parseWindowsVersion(text);
  const build = v.build ?? (side === "min" ? 0 : MAX_BUILD);
  return (v.major * 100 + v.minor) * (MAX_BUILD + 1) + build;
}

/** A Windows range as windowsBoundKey numbers, both ends inclusive; an absent bound is open. */
export function windowsRangeKeys(w?: { min?: string; max?: string }): readonly [number, number] {
  return [
    w?.min ? windowsBoundKey(w.min, "min") : 0,
    w?.max ? windowsBoundKey(w.max, "max") : Number.MAX_SAFE_INTEGER,
  ];
}

/** Some Windows version lies in both ranges of keys. */
export function rangesMeet(a: readonly [number, number], b: readonly [number, number]): boolean {
  return Math.max(a[0], b[0]) <= Math.min(a[1], b[1]);
}

/** Compares dotted versions numerically (never as strings): -1, 0 or 1. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/** "Windows XP", "Windows 11 21H2" (10.0.22000), "Windows 10 / 11 / Server 2016+ build 12345". */
export function windowsName(text: string): string {
  const known = WINDOWS_BUILDS[text];
  if (known) return known;
  const v = parseWindowsVersion(text);
  const nt = WINDOWS_NAMES[v.nt] ?? `NT ${v.nt}`;
  return v.build === undefined ? nt : `${nt} build ${v.build}`;
}

/** Why a build cannot belong to its NT version, or undefined when it can. */
export function buildMismatch(text: string): string | undefined {
  const v = parseWindowsVersion(text);
  const span = NT_BUILD_SPANS[v.nt];
  if (v.build === undefined || !span) return undefined;
  if (v.build >= span[0] && v.build <= span[1]) return undefined;
  const shipped = span[0] === span[1] ? `build ${span[0]}` : `builds ${span[0]} to ${span[1]}`;
  return `NT ${v.nt} (${WINDOWS_NAMES[v.nt]}) has ${shipped}, not ${v.build}`;
}
