// Windows versions by NT version number: the article era is NT 5.x, and
// destructive legacy methods must never run on NT 6.0 or later.

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

export function windowsName(nt: string): string {
  return WINDOWS_NAMES[nt] ?? `NT ${nt}`;
}
