// What every semantic check receives: the plan, and where to report (at a span the plan
// keeps for each node and field). Its own module, so the checks and the registry that runs
// them do not import each other.
import type { Severity, Span } from "../diagnostic.js";
import type { Plan } from "../plan/plan.js";
import type { DiagnosticCode } from "../diagnostic-codes.js";

export interface CheckInput {
  plan: Plan;
  at(span: Span, severity: Severity, code: DiagnosticCode, message: string, hint?: string): void;
}

export type Check = (input: CheckInput) => void;
