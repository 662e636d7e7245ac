// Delete files matching a pattern in one folder (tmp*.cat): desired state
// "no file matches", so a second run finds nothing and reports ok.
import { backupCut } from "../model/runtime-cut.js";
import type { PathExpr } from "../model/path-expr.js";
import { described, ref } from "../model/json-schema.js";
import { cmdCall, cmdSet, withLifecycle } from "../model/cmd-call.js";
import { psCall } from "../model/ps-call.js";
import { defineStepKind, type PlanStepBase } from "./step-kind.js";

export interface DeleteFilesStep extends PlanStepBase {
  kind: "delete-files";
  folder: PathExpr;
  pattern: string;
  backup: boolean;
}

export const deleteFiles = defineStepKind<DeleteFilesStep>()({
  kind: "delete-files",
  title: "Delete files by pattern",
  readme: { covers: "by pattern, optional backup", idempotence: "(nothing matches)" },
  description:
    "Deletes the files (not folders) in one folder whose names match a pattern; with backup, renames each to <name>.kbfix-bak instead.",
  idempotence: "state",
  targets: { cmd: true },
  properties: {
    folder: ref("path"),
    pattern: ref("glob"),
    backup: described(
      "Backup",
      "Rename matching files to <name>.kbfix-bak instead of deleting them.",
      {
        type: "boolean",
      },
    ),
  },
  required: ["folder", "pattern"],
  cmdFields: { folder: "text", pattern: "glob" },
  perUser: true,
  destructive: { field: "folder", wholeFolder: false },
  runtimeCuts: [backupCut("delete-files", "Rename-KbFilesToBackup")],
  ps1: psCall(
    "Invoke-KbDeleteFilesStep",
    ["Folder", "folder", "path"],
    ["Pattern", "pattern", "string"],
    ["Backup", "backup", "bool"],
  ),
  cmd: withLifecycle(
    "state",
    cmdCall(
      { shape: "pathBelow", field: "folder" },
      cmdSet("KB_PATTERN", "pattern", "glob"),
      cmdSet("KB_BACKUP", "backup", "flag"),
      { call: "kb_step_delete_files" },
    ),
  ),
  lower(raw, ctx) {
    const folder = ctx.path("folder", raw.folder);
    if (raw.pattern.trim() === "*" || raw.pattern.trim() === "*.*") {
      ctx.warning(
        "pattern",
        "broad-pattern",
        `pattern '${raw.pattern}' matches every file`,
        "use clear-folder to empty a folder, or narrow the pattern",
      );
    }
    return (
      folder && { kind: "delete-files", folder, pattern: raw.pattern, backup: raw.backup ?? false }
    );
  },
  describe: (s) =>
    `${s.backup ? "rename to *.kbfix-bak" : "delete"} files matching ${s.pattern} in ${s.folder.text}`,
});
