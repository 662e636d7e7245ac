// Paths in playbooks always start at a named base (%windir%, %ProgramData%, a
// profile, or a path parameter), never at a drive root or the current folder:
// this is where docs/emitted-script-rules.md#safe-destructive-paths starts.

/** Bases read from the machine's environment as they are. */
export const ENVIRONMENT_BASES = [
  "windir",
  "SystemRoot",
  "SystemDrive",
  "ProgramData",
  "ALLUSERSPROFILE",
  "ProgramFiles",
  "ProgramFiles(x86)",
] as const;
export type EnvironmentBase = (typeof ENVIRONMENT_BASES)[number];

/**
 * Bases the scripts work out: %CommonAppData% is %ProgramData% from Vista on and the
 * "Common AppData" shell folder on XP and 2003, where it is a translated folder name
 * (docs/windows-versions.md#common-application-data).
 */
export const COMPUTED_BASES = ["CommonAppData"] as const;

/** Every base a machine provides; the `env` kind of PathBase names one of these. */
export const MACHINE_BASES = [...ENVIRONMENT_BASES, ...COMPUTED_BASES] as const;
export type MachineBase = (typeof MACHINE_BASES)[number];

/** A drive (C:), not a folder: a path needs a folder below it, never the drive root. */
export const DRIVE_BASE = "SystemDrive";

/** The folder of each profile inside a per-user step. */
export const PROFILE_BASE = "profile";

export type PathBase =
  { kind: "env"; name: MachineBase } | { kind: "profile" } | { kind: "param"; name: string };

export interface PathExpr {
  base: PathBase;
  /** Backslash-separated segments below the base; empty for the base itself. */
  segments: string[];
  /** As written in the playbook, for messages. */
  text: string;
}

export type PathParseResult =
  { ok: true; path: PathExpr } | { ok: false; reason: string; hint: string };

const BASE_PATTERN = /^%([^%\\/]+)%(?:[\\/](.*))?$/s;

export function parsePathExpr(text: string, pathParameters: ReadonlySet<string>): PathParseResult {
  const match = BASE_PATTERN.exec(text);
  if (!match) {
    return {
      ok: false,
      reason: `path '${text}' does not start with a known base`,
      hint: `start it with ${MACHINE_BASES.map((b) => `%${b}%`).join(", ")}, %profile% (in per-user steps) or a path parameter, e.g. %windir%\\System32`,
    };
  }
  const name = match[1] ?? "";
  const base = resolveBase(name, pathParameters);
  if (!base) {
    return {
      ok: false,
      reason: `unknown path base '%${name}%'`,
      hint: `use one of ${[...MACHINE_BASES, PROFILE_BASE].map((b) => `%${b}%`).join(", ")} or declare a parameter of type path named '${name}'`,
    };
  }
  const segments = (match[2] ?? "").split(/[\\/]/).filter((s) => s !== "");
  const bad = segments.find((s) => s === "." || s === ".." || /[<>:"|?*\u0000-\u001f]/.test(s));
  if (bad !== undefined) {
    return {
      ok: false,
      reason: `path segment '${bad}' in '${text}' is not allowed`,
      hint: "segments may not be '.', '..', or contain < > : \" | ? * or control characters; put wildcards in the step's pattern field",
    };
  }
  if (base.kind === "env" && base.name === DRIVE_BASE && segments.length === 0) {
    return {
      ok: false,
      reason: `path '${text}' is the root of the system drive`,
      hint: "name a folder below it, e.g. %SystemDrive%\\Temp",
    };
  }
  return { ok: true, path: { base, segments, text } };
}

function resolveBase(name: string, pathParameters: ReadonlySet<string>): PathBase | undefined {
  const env = MACHINE_BASES.find((b) => b.toLowerCase() === name.toLowerCase());
  if (env) return { kind: "env", name: env };
  if (name.toLowerCase() === PROFILE_BASE) return { kind: "profile" };
  if (pathParameters.has(name)) return { kind: "param", name };
  return undefined;
}

export function pathToString(path: PathExpr): string {
  const base =
    path.base.kind === "env"
      ? path.base.name
      : path.base.kind === "profile"
        ? PROFILE_BASE
        : path.base.name;
  return [`%${base}%`, ...path.segments].join("\\");
}
