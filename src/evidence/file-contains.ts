// A log file containing language-neutral tokens (HRESULTs). Only text appended
// since the last successful run counts: the old lines never go away by themselves.
import type { PathExpr } from "../model/path-expr.js";
import { arrayOf, described, ref } from "../schema/json-schema.js";
import { defineEvidenceKind, type PlanProbeBase } from "./evidence-kind.js";

export interface FileContainsProbe extends PlanProbeBase {
  kind: "file-contains";
  path: PathExpr;
  tokens: string[];
}

export const fileContains = defineEvidenceKind<
  { path: string; tokens: string[] },
  FileContainsProbe
>({
  kind: "file-contains",
  title: "Log file contains a token",
  description:
    "Present when text appended to the file since the last successful run contains any of the tokens (case-insensitive).",
  targets: { cmd: true },
  properties: {
    path: ref("path"),
    tokens: described(
      "Tokens",
      "Language-neutral tokens such as 0x800B0109.",
      arrayOf({ type: "string", minLength: 1, maxLength: 200 }, { minItems: 1, uniqueItems: true }),
    ),
  },
  required: ["path", "tokens"],
  cmdFields: ["path", "tokens"],
  lower(raw, ctx) {
    const path = ctx.path("path", raw.path, "read");
    return path && { kind: "file-contains", path, tokens: raw.tokens };
  },
  describe: (p) => `${p.path.text} has new lines containing ${p.tokens.join(", ")}`,
});
