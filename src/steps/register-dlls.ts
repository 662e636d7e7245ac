// regsvr32 /s for each DLL, skipping files that do not exist on this Windows
// (gpkcsp, sccbase and slbcsp are gone after XP/2003). Registering is safe to
// repeat but not testable by state, so it runs behind a guard. The regsvr32 that
// runs matches the DLL's own bitness (its PE header), as docs/kb-facts.md#regsvr32 says.
import type { PathExpr } from "../model/path-expr.js";
import { arrayOf, described, ref } from "../model/json-schema.js";
import { cmdCall, cmdSet, withLifecycle } from "../model/cmd-call.js";
import { psCall } from "../model/ps-call.js";
import { defineStepKind, type PlanStepBase } from "./step-kind.js";
import { lowerSuccessCodes, successCodesProperty } from "./success-codes.js";
import { REGISTER_WAIT_SECONDS } from "../model/runtime-waits.js";

/** regsvr32's exit code when the DLL has no DllRegisterServer (GetProcAddress failed). */
export const REGSVR32_NO_ENTRY_POINT = 4;

export interface RegisterDllsStep extends PlanStepBase {
  kind: "register-dlls";
  dlls: PathExpr[];
  successCodes: number[];
  /** A DLL that is not self-registering (exit code 4) counts as done, and is named. */
  allowNotSelfRegistering: boolean;
}

export const registerDlls = defineStepKind<RegisterDllsStep>()({
  kind: "register-dlls",
  title: "Register DLLs",
  readme: {
    covers:
      "`regsvr32 /s` of the DLL's bitness, success codes, missing files skipped, not-self-registering allowed on request",
    batch: "(the native regsvr32: cmd cannot read a DLL's bitness)",
  },
  description:
    "Registers each DLL with regsvr32 /s (never /u), with the 32- or 64-bit regsvr32 that matches the DLL's PE header; a DLL whose file is missing is skipped and reported. Exit codes outside the success codes fail the step; with allowNotSelfRegistering, a DLL without DllRegisterServer (exit code 4) is reported, not failed.",
  idempotence: "one-shot",
  targets: { cmd: true },
  runsProgram: true,
  properties: {
    dlls: described(
      "DLLs",
      "Full paths of the DLLs to register, in order.",
      arrayOf(ref("path"), { minItems: 1 }),
    ),
    successCodes: successCodesProperty,
    allowNotSelfRegistering: described(
      "Allow DLLs that are not self-registering",
      "When the article says some DLLs may not register themselves: regsvr32's 'entry point DllRegisterServer was not found' (exit code 4) is reported and does not fail the step. A DLL that fails to load (exit code 3) still fails it. Default false.",
      { type: "boolean" },
    ),
  },
  required: ["dlls"],
  cmdFields: { dlls: "text" },
  perUser: false,
  waits: (s) => [
    { what: `regsvr32 x${s.dlls.length}`, seconds: s.dlls.length * REGISTER_WAIT_SECONDS },
  ],
  ps1: psCall(
    "Invoke-KbRegisterDllsStep",
    ["Dlls", "dlls", "paths"],
    ["SuccessCodes", "successCodes", "ints"],
    ["AllowNotSelfRegistering", "allowNotSelfRegistering", "bool"],
  ),
  cmd: withLifecycle(
    "one-shot",
    cmdCall(
      cmdSet("KB_SUCCESS", "successCodes", "ints"),
      cmdSet("KB_DLL_ALLOW4", "allowNotSelfRegistering", "flag"),
      { call: "kb_step_dlls_begin" },
      { each: "dlls", body: [{ shape: "path", field: "" }, { call: "kb_step_dll" }] },
      { call: "kb_step_dlls_end" },
    ),
  ),
  lower(raw, ctx) {
    const dlls = raw.dlls.map((d, i) => ctx.path(`dlls/${i}`, d));
    if (!dlls.every((d) => d)) return undefined;
    return {
      kind: "register-dlls",
      dlls: dlls as PathExpr[],
      successCodes: lowerSuccessCodes(raw.successCodes),
      allowNotSelfRegistering: raw.allowNotSelfRegistering ?? false,
    };
  },
  describe: (s) =>
    `register ${s.dlls.length} DLL(s) with regsvr32 /s (32- or 64-bit by each DLL's header): ${s.dlls.map((d) => d.segments.at(-1)).join(", ")} (success: ${s.successCodes.join(", ")}${s.allowNotSelfRegistering ? "; not self-registering is reported, not failed" : ""})`,
});
