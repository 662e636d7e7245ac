// PowerShell expressions for typed plan data (paths, guards, applicability,
// registry data, run arguments), built only from the quoting functions.
import type { ArgumentExpr } from "../../model/argument-expr.js";
import type { PathExpr } from "../../model/path-expr.js";
import type { LiteralArgument } from "../../steps/literal-argument.js";
import type { Applicability } from "../../plan/plan.js";
import type { RunArgument } from "../../steps/run.js";
import type { RegistryData } from "../../steps/registry-value.js";
import type { PlanGuard } from "../../steps/step-kind.js";
import {
  psBool,
  psHashtable,
  psInteger,
  psString,
  psStringArray,
  QuoteError,
} from "../quote-ps.js";

/**
 * Data-named functions (docs/runtime.md): a base that is not an environment variable names the
 * function that works it out, so a script carries only the bases its paths use.
 */
const PATH_RESOLVERS: Record<string, string> = {
  CommonAppData: "Get-KbCommonAppDataBase",
  profile: "Get-KbProfileBase",
  param: "Get-KbParameterBase",
};

export function psPath(path: PathExpr): string {
  return psHashtable(pathEntries(path));
}

function pathEntries(path: PathExpr): Record<string, string> {
  const base = path.base.kind === "env" ? path.base.name : path.base.kind;
  const resolver = PATH_RESOLVERS[base];
  return {
    Base: psString(base),
    ...(path.base.kind === "param" ? { Name: psString(path.base.name) } : {}),
    Segments: psStringArray(path.segments),
    ...(resolver ? { Resolver: psString(resolver) } : {}),
  };
}

export function psGuard(guard: PlanGuard | undefined): string {
  if (!guard) return "$null";
  if (guard.kind === "evidence")
    return psHashtable({ Kind: psString("evidence"), Id: psString(guard.id) });
  return psHashtable({ Kind: psString(guard.kind), Path: psPath(guard.path) });
}

/**
 * Data-named functions (docs/runtime.md): Test-KbApplicable runs the checks an Applies hashtable
 * names, in this order, so the tree-shaker keeps only the checks some data of the script uses.
 */
const APPLICABILITY_CHECKS: readonly (readonly [string, string])[] = [
  ["WindowsMin", "Get-KbWindowsMismatch"],
  ["WindowsMax", "Get-KbWindowsMismatch"],
  ["Architecture", "Get-KbArchitectureMismatch"],
  ["ProductId", "Get-KbProductMismatch"],
  ["Context", "Get-KbContextMismatch"],
];

export function psApplies(a: Applicability): string {
  const entries: Record<string, string> = {};
  if (a.windows?.min) entries.WindowsMin = psString(a.windows.min);
  if (a.windows?.max) entries.WindowsMax = psString(a.windows.max);
  if (a.architecture) entries.Architecture = psStringArray(a.architecture);
  if (a.product) {
    entries.ProductId = psString(a.product.id);
    if (a.product.minVersion) entries.ProductMin = psString(a.product.minVersion);
    if (a.product.belowVersion) entries.ProductBelow = psString(a.product.belowVersion);
  }
  if (a.context) entries.Context = psString(a.context);
  const checks = new Set(APPLICABILITY_CHECKS.filter(([key]) => key in entries).map(([, c]) => c));
  if (checks.size) entries.Checks = psStringArray([...checks]);
  return psHashtable(entries);
}

const REGISTRY_TYPE_NAMES: Record<RegistryData["type"], string> = {
  string: "String",
  "expand-string": "ExpandString",
  "multi-string": "MultiString",
  dword: "DWord",
  qword: "QWord",
  binary: "Binary",
};

export function psRegistryType(data: RegistryData): string {
  return psString(REGISTRY_TYPE_NAMES[data.type]);
}

export function psRegistryData(data: RegistryData): string {
  switch (data.type) {
    case "multi-string":
      return psStringArray(data.value);
    case "dword":
      // In parentheses: a call argument in command mode would read [int64]1 as text.
      return `([int64]${psInteger(data.value)})`;
    default:
      return psString(String(data.value));
  }
}

export function psRunArguments(args: readonly RunArgument[]): string {
  return `@(${args
    .map((a) =>
      "literal" in a
        ? psHashtable({ Literal: psString(a.literal) })
        : "parameter" in a
          ? psHashtable({ Parameter: psString(a.parameter) })
          : psArgumentExpr(a),
    )
    .join(", ")})`;
}

/** A command probe's arguments: each as written, or in parts when it names a base. */
export function psLiteralArguments(args: readonly LiteralArgument[]): string {
  return `@(${args.map((a) => (typeof a === "string" ? psString(a) : psArgumentExpr(a))).join(", ")})`;
}

/**
 * @{ Written = '/log:%windir%\x.log'; Parts = @('/log:', @{ Base = 'windir' }, '\x.log') }: the
 * runtime resolves each base as a path's base and joins the parts (Resolve-KbArgumentText).
 */
export function psArgumentExpr(a: ArgumentExpr): string {
  const parts = a.parts.map((p) =>
    "text" in p ? psString(p.text) : psHashtable({ Base: psString(p.base) }),
  );
  return psHashtable({ Written: psString(a.written), Parts: `@(${parts.join(", ")})` });
}

/**
 * A list of files, grouped by folder: each run of paths with the same base and folder becomes
 * one `@{ Base = 'windir'; Segments = @('System32'); Leaves = @('atl.dll', 'urlmon.dll') }`
 * (the folder's spec, plus the file names in order), which the runtime turns back into one
 * path spec per file (Expand-KbPathGroups). Thirty-six DLLs of System32 are one line, not
 * thirty-six repetitions of the same base and folder.
 */
export function psPaths(paths: readonly PathExpr[]): string {
  // Each folder's entries are quoted once: they are both the grouping key and the output.
  const groups: { folder: Record<string, string>; key: string; leaves: string[] }[] = [];
  for (const path of paths) {
    if (path.segments.length === 0) throw new QuoteError("a file path needs a file name");
    const folder = pathEntries({ ...path, segments: path.segments.slice(0, -1) });
    const key = JSON.stringify(folder);
    const leaf = path.segments[path.segments.length - 1]!;
    const last = groups[groups.length - 1];
    if (last?.key === key) last.leaves.push(leaf);
    else groups.push({ folder, key, leaves: [leaf] });
  }
  const group = (g: (typeof groups)[number]) =>
    psHashtable({ ...g.folder, Leaves: psStringArray(g.leaves) });
  return `@(${groups.map(group).join(", ")})`;
}

/**
 * HKLM\Software\X -> 'Software\X' (the runtime opens it under LocalMachine); HKCU\Software\X
 * -> 'Software\X' too, opened in the hive of the profile passed as -ProfileSid.
 */
export function psRegistryKey(key: string): string {
  if (!/^HK(LM|CU)\\/i.test(key))
    throw new QuoteError(`registry key '${key}' is not under HKLM or HKCU`);
  return psString(key.slice(5));
}

const PARAMETER_TYPES: Record<string, string> = {
  string: "[string]",
  path: "[string]",
  int: "[int]",
  enum: "[string]",
  switch: "[switch]",
};

export function psParameterType(type: string): string {
  const t = PARAMETER_TYPES[type];
  if (!t) throw new QuoteError(`unknown parameter type '${type}'`);
  return t;
}

export function psParameterDefault(p: {
  type: string;
  default?: string | number | boolean;
}): string {
  if (p.type === "switch") return psBool(Boolean(p.default));
  if (p.type === "int") return psInteger(Number(p.default));
  return psString(String(p.default));
}
