// When a batch method or step runs: its applicability (NT numbers, architectures,
// product version keys) and its guard, as the templates set them before the call.
import type { Applicability } from "../../plan/plan.js";
import type { PlanGuard } from "../../steps/step-kind.js";
import { QuoteError } from "../quote-ps.js";
import {
  ntNumber,
  pathView,
  productView,
  versionKey,
  type CmdPathView,
  type CmdProductView,
} from "./cmd-values.js";

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
