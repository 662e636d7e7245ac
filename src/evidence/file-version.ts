// A file's version below a fixed version, compared as versions (never strings).
import type { PathExpr } from "../model/path-expr.js";
import { ref } from "../model/json-schema.js";
import { psCall } from "../model/ps-call.js";
import { defineEvidenceKind, type PlanProbeBase } from "./evidence-kind.js";

export interface FileVersionProbe extends PlanProbeBase {
  kind: "file-version";
  path: PathExpr;
  below: string;
}

export const fileVersion = defineEvidenceKind<FileVersionProbe>()({
  kind: "file-version",
  title: "File version below",
  readme: { covers: "lower than a version" },
  description: "Present when the file exists and its file version is lower than the given version.",
  targets: { cmd: false, why: "batch cannot read a file's version resource" },
  history: false,
  properties: { path: ref("path"), below: ref("version") },
  required: ["path", "below"],
  cmdFields: {},
  ps1: psCall("Test-KbFileVersionProbe", ["Path", "path", "path"], ["Below", "below", "string"]),
  lower(raw, ctx) {
    const path = ctx.path("path", raw.path);
    return path && { kind: "file-version", path, below: raw.below };
  },
  describe: (p) => `${p.path.text} has a file version below ${p.below}`,
});
