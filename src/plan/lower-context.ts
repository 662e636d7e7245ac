// The LowerContext handed to step and evidence kinds: positions come from the
// source map, so kinds report by field name and never see YAML.
import { diagnostic, type Diagnostic } from "../diagnostic.js";
import type { SourceMap } from "../front/source-map.js";
import { parsePathExpr, type PathExpr } from "../model/path-expr.js";
import type { LowerContext, PlanStepBase } from "../steps/step-kind.js";
import type { DiagnosticCode } from "../diagnostic-codes.js";

export interface LowerScope {
  file: string;
  map: SourceMap;
  diagnostics: Diagnostic[];
  parameterTypes: ReadonlyMap<string, string>;
  lowerSteps(pointer: string, raw: unknown[], inPerUser: boolean): PlanStepBase[];
}

export function lowerContext(scope: LowerScope, pointer: string, inPerUser: boolean): LowerContext {
  const at = (field: string) => (field ? `${pointer}/${field}` : pointer);
  const report =
    (severity: "error" | "warning") =>
    (field: string, code: DiagnosticCode, message: string, hint?: string) =>
      scope.diagnostics.push(
        diagnostic(scope.file, scope.map.value(at(field)), severity, code, message, hint),
      );
  const pathParameters = new Set(
    [...scope.parameterTypes].filter(([, t]) => t === "path").map(([n]) => n),
  );
  const error = report("error");
  return {
    inPerUser,
    error,
    warning: report("warning"),
    parameterType: (name) => scope.parameterTypes.get(name),
    lowerSteps: (field, raw) => scope.lowerSteps(at(field), raw, true),
    path(field, value): PathExpr | undefined {
      const parsed = parsePathExpr(value, pathParameters);
      if (!parsed.ok) {
        error(field, "bad-path", parsed.reason, parsed.hint);
        return undefined;
      }
      if (parsed.path.base.kind === "profile" && !inPerUser) {
        error(
          field,
          "profile-outside-per-user",
          `%profile% is only defined inside a per-user step`,
          "wrap the step in kind: per-user",
        );
        return undefined;
      }
      return parsed.path;
    },
  };
}
