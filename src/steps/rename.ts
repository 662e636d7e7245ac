// Rename a file or folder (catroot2 -> oldcatroot2). A second run must not fail
// when the new name is taken: the runtime then picks newName.1, newName.2, ...
import type { PathExpr } from "../model/path-expr.js";
import { described, ref } from "../model/json-schema.js";
import { cmdCall, cmdSet, withLifecycle } from "../model/cmd-call.js";
import { psCall } from "../model/ps-call.js";
import { defineStepKind, type PlanStepBase } from "./step-kind.js";

export interface RenameStep extends PlanStepBase {
  kind: "rename";
  path: PathExpr;
  newName: string;
}

export const rename = defineStepKind<RenameStep>()({
  kind: "rename",
  title: "Rename",
  readme: { covers: "collision-free: `name.1`, `name.2` when taken" },
  description:
    "Renames a file or folder in place; when the new name is taken, a free numbered name is used so a second run never fails. A missing source is 'ok'.",
  idempotence: "one-shot",
  targets: { cmd: true },
  properties: {
    path: ref("path"),
    newName: described("New name", "The new leaf name (no folders), e.g. oldcatroot2.", {
      type: "string",
      minLength: 1,
      maxLength: 200,
      pattern: '^[^\\\\/:*?"<>|]+$',
    }),
  },
  required: ["path", "newName"],
  cmdFields: { path: "text", newName: "text" },
  perUser: true,
  destructive: { field: "path", wholeFolder: true },
  ps1: psCall("Invoke-KbRenameStep", ["Path", "path", "path"], ["NewName", "newName", "string"]),
  cmd: withLifecycle(
    "one-shot",
    cmdCall({ shape: "pathBelow", field: "path" }, cmdSet("KB_NEWNAME", "newName", "text"), {
      call: "kb_step_rename",
    }),
  ),
  lower(raw, ctx) {
    const path = ctx.path("path", raw.path);
    if (raw.newName === "." || raw.newName === "..") {
      ctx.error(
        "newName",
        "bad-new-name",
        `'${raw.newName}' is not a name`,
        "give a plain leaf name such as oldcatroot2",
      );
      return undefined;
    }
    return path && { kind: "rename", path, newName: raw.newName };
  },
  describe: (s) => `rename ${s.path.text} to ${s.newName} (a free numbered name if taken)`,
});
