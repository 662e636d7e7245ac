// Apply path steps in every user profile (from ProfileList, loaded or not) plus
// the LocalService, NetworkService and LocalSystem profiles: what a script
// running as SYSTEM must do instead of "every user logs on and runs certutil".
import { arrayOf, described } from "../model/json-schema.js";
import { cmdCall, cmdSet } from "../model/cmd-call.js";
import { psCall } from "../model/ps-call.js";
import { defineStepKind, type PlanStepBase } from "./step-kind.js";

export interface PerUserStep extends PlanStepBase {
  kind: "per-user";
  includeServiceProfiles: boolean;
  steps: PlanStepBase[];
}

export const perUser = defineStepKind<PerUserStep>()({
  kind: "per-user",
  title: "In every profile",
  readme: { covers: "path steps and HKCU values in every profile + service profiles" },
  description:
    "Runs its path steps once per user profile listed in ProfileList (loaded or not) and, by default, in the LocalService, NetworkService and LocalSystem profiles; paths start at %profile%.",
  idempotence: "composite",
  targets: { cmd: true },
  properties: {
    includeServiceProfiles: described(
      "Service profiles",
      "Also the LocalService, NetworkService and LocalSystem profiles; default true.",
      { type: "boolean" },
    ),
    steps: described(
      "Steps",
      "Path steps to run in each profile (clear-folder, delete-files, attributes, rename).",
      arrayOf({ $ref: "#/$defs/step" }, { minItems: 1 }),
    ),
  },
  required: ["steps"],
  cmdFields: {},
  perUser: false,
  ps1: {
    ...psCall("Invoke-KbPerUserStep", ["IncludeServiceProfiles", "includeServiceProfiles", "bool"]),
    block: { name: "Steps", field: "steps" },
  },
  // The nested steps are the body the runtime calls once per profile (KB_PU_BODY names it).
  cmd: {
    ...cmdCall(cmdSet("KB_PU_SERVICE", "includeServiceProfiles", "flag"), {
      call: "kb_step_per_user",
    }),
    block: { set: "KB_PU_BODY", field: "steps" },
  },
  lower(raw, ctx) {
    if (ctx.inPerUser) {
      ctx.error(
        "",
        "nested-per-user",
        "per-user steps cannot be nested",
        "move the inner steps up",
      );
      return undefined;
    }
    return {
      kind: "per-user",
      includeServiceProfiles: raw.includeServiceProfiles ?? true,
      steps: ctx.lowerSteps("steps", raw.steps),
    };
  },
  describe: (s) =>
    `in every user profile${s.includeServiceProfiles ? " and the LocalService, NetworkService and LocalSystem profiles" : ""}: ${s.steps.length} step(s)`,
});
