// Where a playbook, method or step applies: Windows versions, architectures, a
// product, the account. A leaf type: kinds, the plan and the emitters share it.
import type { ProductId } from "./products.js";

export interface Applicability {
  windows?: { min?: string; max?: string };
  architecture?: ("x86" | "x64" | "arm64")[];
  product?: { id: ProductId; minVersion?: string; belowVersion?: string };
  context?: "system" | "user";
}
