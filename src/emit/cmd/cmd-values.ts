// Plan data reshaped for the batch templates: raw values only (the templates
// still admit each one through a CMD helper), worked out here so the batch code
// never has to parse playbook data at run time.
import type { PathExpr } from "../../model/path-expr.js";
import { PRODUCTS, type ProductId } from "../../model/products.js";
import type { Applicability } from "../../plan/plan.js";
import type { RegistryData } from "../../steps/registry-value.js";
import type { PlanGuard } from "../../steps/step-kind.js";
import { QuoteError } from "../quote-ps.js";

export interface CmdPathView {
  /** The batch variable holding the base, e.g. KB_ENV_windir, KB_PROFILE, KB_PARAM_Folder. */
  baseVar: string;
  /** The base's name for messages (an identifier). */
  baseLabel: string;
  /** Segments below the base, joined with backslashes; '' for the base itself. */
  rel: string;
  /** 1: the path must be strictly below its base (rename, delete, clear). */
  below: number;
}

const ENV_VARS: Record<string, string> = {
  windir: "KB_ENV_windir",
  SystemRoot: "KB_ENV_SystemRoot",
  ProgramData: "KB_ENV_ProgramData",
  ProgramFiles: "KB_ENV_ProgramFiles",
  "ProgramFiles(x86)": "KB_ENV_ProgramFilesX86",
};

export function pathView(path: PathExpr, below = false): CmdPathView {
  const b = path.base;
  const [baseVar, baseLabel] =
    b.kind === "env"
      ? [ENV_VARS[b.name]!, ENV_VARS[b.name]!.slice("KB_ENV_".length)]
      : b.kind === "profile"
        ? ["KB_PROFILE", "profile"]
        : [`KB_PARAM_${b.name}`, b.name];
  return { baseVar, baseLabel, rel: path.segments.join("\\"), below: below ? 1 : 0 };
}

/** NT major.minor as one number (5.1 -> 501, 10.0 -> 1000), as the runtime computes from ver. */
export function ntNumber(version: string): number {
  const [major, minor] = version.split(".").map(Number);
  return major! * 100 + (minor ?? 0);
}

/** 4.00.6221 -> 000000004.000000000.000006221.000000000: versions compare as text. */
export function versionKey(version: string | undefined): string {
  if (version === undefined) return "";
  const parts = version.split(".");
  if (parts.length > 4 || parts.some((p) => !/^[0-9]{1,9}$/.test(p)))
    throw new QuoteError(`'${version}' is not a version of up to four numbers`);
  while (parts.length < 4) parts.push("0");
  return parts.map((p) => p.padStart(9, "0")).join(".");
}

/** Sizes compare as 16-digit text: cmd's numeric comparisons stop at 2^31. */
export function sizeKey(bytes: number): string {
  if (!Number.isSafeInteger(bytes) || bytes < 0 || bytes >= 1e16)
    throw new QuoteError(`${bytes} is not a size kbfix can compare in batch`);
  return String(bytes).padStart(16, "0");
}

/** find has no portable /i: each token as written, upper and lower case. */
export function caseVariants(tokens: readonly string[]): string[] {
  return [...new Set(tokens.flatMap((t) => [t, t.toUpperCase(), t.toLowerCase()]))];
}

export interface CmdProductView {
  id: string;
  keys: string[];
  valueName: string;
}

export function productView(id: ProductId): CmdProductView {
  const p = PRODUCTS[id];
  return { id, keys: p.keys, valueName: p.valueName };
}

export interface CmdAppliesView {
  ntMin: number;
  ntMax: number;
  ntMinText: string;
  ntMaxText: string;
  anyArch: number;
  x86: number;
  x64: number;
  arm64: number;
  context: string;
  product: CmdProductView | false;
  productMin: string;
  productBelow: string;
}

export function appliesView(a: Applicability): CmdAppliesView {
  const arch = a.architecture ?? [];
  return {
    ntMin: a.windows?.min ? ntNumber(a.windows.min) : 0,
    ntMax: a.windows?.max ? ntNumber(a.windows.max) : 9999,
    ntMinText: a.windows?.min ?? "",
    ntMaxText: a.windows?.max ?? "",
    anyArch: arch.length === 0 ? 1 : 0,
    x86: arch.includes("x86") ? 1 : 0,
    x64: arch.includes("x64") ? 1 : 0,
    arm64: arch.includes("arm64") ? 1 : 0,
    context: a.context ?? "",
    product: a.product ? productView(a.product.id) : false,
    productMin: versionKey(a.product?.minVersion),
    productBelow: versionKey(a.product?.belowVersion),
  };
}

export interface CmdGuardView {
  kind: string;
  isNone: boolean;
  isEvidence: boolean;
  isPath: boolean;
  id: string;
  var: string;
  path: CmdPathView | false;
}

export function guardView(guard: PlanGuard | undefined, evidenceVars: Map<string, string>) {
  const none = { id: "", var: "", path: false as const, isEvidence: false, isPath: false };
  if (!guard) return { ...none, kind: "none", isNone: true };
  if (guard.kind === "evidence") {
    const v = evidenceVars.get(guard.id);
    if (!v) throw new QuoteError(`guard names unknown evidence '${guard.id}'`);
    return { ...none, kind: "evidence", isNone: false, isEvidence: true, id: guard.id, var: v };
  }
  return { ...none, kind: guard.kind, isNone: false, isPath: true, path: pathView(guard.path) };
}

export interface CmdRegistryView {
  key: string;
  name: string;
  isDefault: number;
  regType: string;
  /** The data as `reg add /d` takes it. */
  addData: string;
  /** The data as `reg query` prints it. */
  want: string;
  /** 1: hex output (dword, qword, binary), compared without case. */
  hex: number;
}

const REG_TYPES: Record<RegistryData["type"], string> = {
  string: "REG_SZ",
  "expand-string": "REG_EXPAND_SZ",
  "multi-string": "REG_MULTI_SZ",
  dword: "REG_DWORD",
  qword: "REG_QWORD",
  binary: "REG_BINARY",
};

export function registryView(key: string, name: string, data: RegistryData): CmdRegistryView {
  const [addData, want, hex] = registryData(data);
  return {
    key,
    name,
    isDefault: name === "" ? 1 : 0,
    regType: REG_TYPES[data.type],
    addData,
    want,
    hex,
  };
}

function registryData(data: RegistryData): [string, string, number] {
  switch (data.type) {
    case "dword":
      return [String(data.value), `0x${data.value.toString(16)}`, 1];
    case "qword": {
      const hex = `0x${BigInt(data.value).toString(16)}`;
      return [hex, hex, 1];
    }
    case "binary":
      return [data.value, data.value, 1];
    case "multi-string": {
      const joined = data.value.join("\\0");
      return [trailingBackslashes(joined), joined, 0];
    }
    default:
      return [trailingBackslashes(data.value), data.value, 0];
  }
}

/** reg.exe reads `\"` as an escaped quote: a value ending in backslashes needs them doubled. */
function trailingBackslashes(value: string): string {
  return value.replace(/(\\+)$/, "$1$1");
}
