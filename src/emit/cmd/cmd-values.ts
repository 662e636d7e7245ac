// Plan data reshaped for the batch templates: raw values only (the templates
// still admit each one through a CMD helper), worked out here so the batch code
// never has to parse playbook data at run time.
import { DRIVE_BASE, type PathExpr } from "../../model/path-expr.js";
import { PRODUCTS, type ProductId } from "../../model/products.js";
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
  /** 1: the base is a drive (C:), so the path needs a folder below its root. */
  drive: number;
}

const ENV_VARS: Record<string, string> = {
  windir: "KB_ENV_windir",
  SystemRoot: "KB_ENV_SystemRoot",
  SystemDrive: "KB_ENV_SystemDrive",
  ProgramData: "KB_ENV_ProgramData",
  ALLUSERSPROFILE: "KB_ENV_ALLUSERSPROFILE",
  CommonAppData: "KB_ENV_CommonAppData",
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
  return {
    baseVar,
    baseLabel,
    rel: path.segments.join("\\"),
    below: below ? 1 : 0,
    drive: b.kind === "env" && b.name === DRIVE_BASE ? 1 : 0,
  };
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

/** A whole token that is a hex number with its prefix (an HRESULT such as 0x8007f0da). */
const HEX_TOKEN = /^0x([0-9a-f]+)$/i;

/**
 * The forms find searches, once each: find has no portable /i (Wine's find refuses it and its
 * findstr is a stub). A token as written, upper and lower case; a 0x token in every pairing of
 * prefix and digit case, since Windows logs 0x8007F0DA as well as 0x8007f0da (upper or lower
 * case alone never gives a lower-case prefix with upper-case digits).
 */
export function caseVariants(tokens: readonly string[]): string[] {
  return [
    ...new Set(
      tokens.flatMap((t) => {
        const digits = HEX_TOKEN.exec(t)?.[1];
        if (digits === undefined) return [t, t.toUpperCase(), t.toLowerCase()];
        const forms = [digits.toUpperCase(), digits.toLowerCase()];
        return [t, ...forms.map((d) => `0x${d}`), ...forms.map((d) => `0X${d}`)];
      }),
    ),
  ];
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
