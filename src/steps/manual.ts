// Guidance a script cannot carry out (an in-place upgrade): reported in the log,
// the result and the recap as "manual", never dropped.
import { described } from "../model/json-schema.js";
import { cmdCall, cmdSet } from "../model/cmd-call.js";
import { psCall } from "../model/ps-call.js";
import { defineStepKind, type PlanStepBase } from "./step-kind.js";

export interface ManualStep extends PlanStepBase {
  kind: "manual";
  text: string;
}

export const manual = defineStepKind<ManualStep>()({
  kind: "manual",
  title: "Manual guidance",
  readme: { covers: "guidance, reported, never dropped" },
  description:
    "Text for the administrator: reported with status manual and never counted as fixed.",
  idempotence: "report",
  targets: { cmd: true },
  properties: {
    text: described("Text", "What the administrator must do, in plain words.", {
      type: "string",
      minLength: 1,
      maxLength: 4000,
    }),
  },
  required: ["text"],
  cmdFields: {},
  perUser: false,
  ps1: psCall("Invoke-KbManualStep", ["Text", "text", "string"]),
  cmd: cmdCall(cmdSet("KB_MANUAL_TEXT", "text", "manualText"), { call: "kb_step_manual" }),
  lower: (raw) => ({ kind: "manual", text: raw.text }),
  // Whole: the reviewers' README is where an administrator reads the guidance.
  describe: (s) => `manual: ${s.text}`,
});
