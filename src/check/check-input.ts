// What every semantic check receives: the plan, the document and its source map,
// and where to report. Its own module, so the checks and the registry that runs
// them do not import each other.
import type { Severity, Span } from "../diagnostic.js";
import type { SourceMap } from "../front/source-map.js";
import type { Plan } from "../plan/plan.js";
import type { DiagnosticCode } from "../diagnostic-codes.js";

export interface CheckInput {
  plan: Plan;
  doc: Record<string, any>;
  map: SourceMap;
  at(span: Span, severity: Severity, code: DiagnosticCode, message: string, hint?: string): void;
  atPointer(
    pointer: string,
    severity: Severity,
    code: DiagnosticCode,
    message: string,
    hint?: string,
  ): void;
}

export type Check = (input: CheckInput) => void;
