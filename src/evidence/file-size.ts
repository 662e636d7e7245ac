// A file larger than a limit (catroot2\edb.log over ~20 MB).
import type { PathExpr } from "../model/path-expr.js";
import { described, ref } from "../model/json-schema.js";
import { cmdCall, cmdSet } from "../model/cmd-call.js";
import { psCall } from "../model/ps-call.js";
import { defineEvidenceKind, type PlanProbeBase } from "./evidence-kind.js";

export interface FileSizeProbe extends PlanProbeBase {
  kind: "file-size";
  path: PathExpr;
  aboveBytes: number;
}

export const fileSize = defineEvidenceKind<FileSizeProbe>()({
  kind: "file-size",
  title: "File larger than a limit",
  readme: { covers: "larger than a limit" },
  description: "Present when the file exists and is larger than the limit.",
  targets: { cmd: true },
  history: false,
  properties: {
    path: ref("path"),
    aboveBytes: described("Limit", "Size in bytes the file must exceed.", {
      type: "integer",
      minimum: 0,
      maximum: 1e15,
    }),
  },
  required: ["path", "aboveBytes"],
  cmdFields: { path: "text" },
  ps1: psCall(
    "Test-KbFileSizeProbe",
    ["Path", "path", "path"],
    ["AboveBytes", "aboveBytes", "int"],
  ),
  cmd: cmdCall({ shape: "path", field: "path" }, cmdSet("KB_E_ABOVE", "aboveBytes", "sizeKey"), {
    call: "kb_probe_file_size",
  }),
  lower(raw, ctx) {
    const path = ctx.path("path", raw.path);
    return path && { kind: "file-size", path, aboveBytes: raw.aboveBytes };
  },
  describe: (p) => `${p.path.text} is larger than ${p.aboveBytes} bytes`,
});
