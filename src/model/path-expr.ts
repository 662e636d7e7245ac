// Paths in playbooks always start at a named base (%windir%, %ProgramData%, a
// profile, or a path parameter), never at a drive root or the current folder:
// this is where docs/emitted-script-rules.md#safe-destructive-paths starts.

export const ENVIRONMENT_BASES = [
  "windir",
  "SystemRoot",
  "ProgramData",
  "ProgramFiles",
  "ProgramFiles(x86)",
] as const;
export type EnvironmentBase = (typeof ENVIRONMENT_BASES)[number];

/** The folder of each profile inside a per-user step. */
export const PROFILE_BASE = "profile";

export type PathBase =
  { kind: "env"; name: EnvironmentBase } | { kind: "profile" } | { kind: "param"; name: string };

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
      hint: `start it with %windir%, %SystemRoot%, %ProgramData%, %ProgramFiles%, %profile% (in per-user steps) or a path parameter, e.g. %windir%\\System32`,
    };
  }
  const name = match[1] ?? "";
  const base = resolveBase(name, pathParameters);
  if (!base) {
    return {
      ok: false,
      reason: `unknown path base '%${name}%'`,
      hint: `use one of ${[...ENVIRONMENT_BASES, PROFILE_BASE].map((b) => `%${b}%`).join(", ")} or declare a parameter of type path named '${name}'`,
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
  return { ok: true, path: { base, segments, text } };
}

function resolveBase(name: string, pathParameters: ReadonlySet<string>): PathBase | undefined {
  const env = ENVIRONMENT_BASES.find((b) => b.toLowerCase() === name.toLowerCase());
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
