// Delete a folder's contents but keep the folder (CryptnetUrlCache\Content,
// SoftwareDistribution): desired state "nothing matches", so it is repeatable.
import { backupCut } from "../model/runtime-cut.js";
import type { PathExpr } from "../model/path-expr.js";
import { described, ref } from "../model/json-schema.js";
import { cmdCall, cmdSet, withLifecycle } from "../model/cmd-call.js";
import { psCall } from "../model/ps-call.js";
import { defineStepKind, type PlanStepBase } from "./step-kind.js";

export interface ClearFolderStep extends PlanStepBase {
  kind: "clear-folder";
  path: PathExpr;
  include: string;
  backup: boolean;
}

export const clearFolder = defineStepKind<ClearFolderStep>()({
  kind: "clear-folder",
  title: "Clear a folder's contents",
  readme: { covers: "contents only, optional backup", idempotence: "(nothing matches)" },
  description:
    "Removes the entries of a folder that match a pattern (all by default) and keeps the folder; with backup, moves them into a new sibling backup folder instead.",
  idempotence: "state",
  targets: { cmd: true },
  properties: {
    path: ref("path"),
    include: described(
      "Include",
      "Which entries to remove (wildcards); default * (everything).",
      ref("glob"),
    ),
    backup: described(
      "Backup",
      "Move the entries into <folder>.kbfix-backup-N instead of deleting them.",
      {
        type: "boolean",
      },
    ),
  },
  required: ["path"],
  cmdFields: { path: "text", include: "glob" },
  perUser: true,
  // Empties the folder; backup or not, what was in it is gone from there.
  destructive: { field: "path", wholeFolder: true },
  runtimeCuts: [backupCut("clear-folder", "Move-KbEntriesToBackup")],
  ps1: psCall(
    "Invoke-KbClearFolderStep",
    ["Path", "path", "path"],
    ["Include", "include", "string"],
    ["Backup", "backup", "bool"],
  ),
  cmd: withLifecycle(
    "state",
    cmdCall(
      { shape: "pathBelow", field: "path" },
      cmdSet("KB_PATTERN", "include", "glob"),
      cmdSet("KB_BACKUP", "backup", "flag"),
      { call: "kb_step_clear_folder" },
    ),
  ),
  lower(raw, ctx) {
    const path = ctx.path("path", raw.path);
    return (
      path && {
        kind: "clear-folder",
        path,
        include: raw.include ?? "*",
        backup: raw.backup ?? false,
      }
    );
  },
  describe: (s) =>
    `${s.backup ? "move" : "delete"} the contents of ${s.path.text}${s.include === "*" ? "" : ` matching ${s.include}`} (keep the folder)`,
});
