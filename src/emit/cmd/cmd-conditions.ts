// When a batch method or step runs: its applicability (NT numbers, architectures,
// product version keys) and its guard, as the templates set them before the call.
import type { Applicability } from "../../plan/plan.js";
import type { PlanGuard } from "../../steps/step-kind.js";
import { QuoteError } from "../quote-ps.js";
import { parseWindowsVersion, windowsBoundKey } from "../../model/nt-version.js";
import {
  pathView,
  productView,
  versionKey,
  type CmdPathView,
  type CmdProductView,
} from "./cmd-values.js";

export interface CmdAppliesView {
  /** Range ends as the runtime's KB_NTB: (major*100+minor)*100000+build. */
  ntMin: number;
  ntMax: number;
  /** 1: the range end names a build, so the reason shows the machine's build too. */
  ntMinBuild: number;
  ntMaxBuild: number;
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

/** No upper end: the largest number cmd's set /a and if compare. */
const NO_MAX = 2147483647;

export function appliesView(a: Applicability): CmdAppliesView {
  const arch = a.architecture ?? [];
  return {
    ntMin: a.windows?.min ? windowsBoundKey(a.windows.min, "min") : 0,
    ntMax: a.windows?.max ? windowsBoundKey(a.windows.max, "max") : NO_MAX,
    ntMinBuild: a.windows?.min && parseWindowsVersion(a.windows.min).build !== undefined ? 1 : 0,
    ntMaxBuild: a.windows?.max && parseWindowsVersion(a.windows.max).build !== undefined ? 1 : 0,
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
