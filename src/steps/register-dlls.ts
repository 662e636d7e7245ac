// regsvr32 /s for each DLL, skipping files that do not exist on this Windows
// (gpkcsp, sccbase and slbcsp are gone after XP/2003). Registering is safe to
// repeat but not testable by state, so it runs behind a guard.
import type { PathExpr } from "../model/path-expr.js";
import { arrayOf, described, ref } from "../model/json-schema.js";
import { psCall } from "../model/ps-call.js";
import { defineStepKind, type PlanStepBase } from "./step-kind.js";

export interface RegisterDllsStep extends PlanStepBase {
  kind: "register-dlls";
  dlls: PathExpr[];
}

export const registerDlls = defineStepKind<RegisterDllsStep>()({
  kind: "register-dlls",
  title: "Register DLLs",
  description:
    "Registers each DLL with regsvr32 /s (never /u); a DLL whose file is missing is skipped and reported. Exit codes other than 0 fail the step.",
  idempotence: "one-shot",
  targets: { cmd: true },
  properties: {
    dlls: described(
      "DLLs",
      "Full paths of the DLLs to register, in order.",
      arrayOf(ref("path"), { minItems: 1 }),
    ),
  },
  required: ["dlls"],
  cmdFields: ["dlls"],
  perUser: false,
  ps1: psCall("Invoke-KbRegisterDllsStep", ["Dlls", "dlls", "paths"]),
  lower(raw, ctx) {
    const dlls = raw.dlls.map((d, i) => ctx.path(`dlls/${i}`, d));
    return dlls.every((d) => d) ? { kind: "register-dlls", dlls: dlls as PathExpr[] } : undefined;
  },
  describe: (s) =>
    `register ${s.dlls.length} DLL(s) with regsvr32 /s: ${s.dlls.map((d) => d.segments.at(-1)).join(", ")}`,
});
