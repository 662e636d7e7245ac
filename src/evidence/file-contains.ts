// A log file containing language-neutral tokens (HRESULTs). Only text appended
// since the last successful run counts: the old lines never go away by themselves.
import type { PathExpr } from "../model/path-expr.js";
import { arrayOf, described, ref } from "../model/json-schema.js";
import { CMD_SEARCHING as SEARCHING, cmdCall, cmdSet } from "../model/cmd-call.js";
import { psCall } from "../model/ps-call.js";
import { defineEvidenceKind, type PlanProbeBase } from "./evidence-kind.js";

export interface FileContainsProbe extends PlanProbeBase {
  kind: "file-contains";
  path: PathExpr;
  tokens: string[];
  withinDays: number;
}

export const fileContains = defineEvidenceKind<FileContainsProbe>()({
  kind: "file-contains",
  title: "Log file contains a token",
  readme: { covers: "HRESULT tokens in text appended since the last run" },
  description:
    "Present when text appended since the last run that applied a fix contains any of the tokens (case-insensitive); on a first run, only a file written within the time window counts.",
  targets: { cmd: true },
  history: true,
  properties: {
    path: ref("path"),
    tokens: described(
      "Tokens",
      "Language-neutral tokens such as 0x800B0109.",
      arrayOf({ type: "string", minLength: 1, maxLength: 200 }, { minItems: 1, uniqueItems: true }),
    ),
    withinDays: described(
      "Time window",
      "On a first run, the file counts only if written in the last N days; default 30.",
      { type: "integer", minimum: 1, maximum: 3650 },
    ),
  },
  required: ["path", "tokens"],
  cmdFields: { path: "text", tokens: "text" },
  textTokenFields: ["tokens"],
  ps1: psCall(
    "Test-KbFileContainsProbe",
    ["Path", "path", "path"],
    ["Tokens", "tokens", "strings"],
    ["WithinDays", "withinDays", "int"],
  ),
  cmd: {
    ...cmdCall(
      { shape: "path", field: "path" },
      cmdSet("KB_FC_DAYS", "withinDays", "int"),
      { call: "kb_probe_fc_begin" },
      {
        each: "tokens",
        caseVariants: true,
        body: [cmdSet("KB_TOK", "", "text"), { call: "kb_probe_token", onlyWhen: SEARCHING }],
      },
      { call: "kb_probe_fc_end" },
    ),
    history: {
      load: { KB_FC_BASE: "BASE", KB_FC_START: "START", KB_FC_MEMO: "MEMO" },
      keep: { START: "KB_FC_START", CUR: "KB_FC_CUR", MEMO: "KB_FC_MEMO" },
    },
  },
  lower(raw, ctx) {
    const path = ctx.path("path", raw.path);
    return (
      path && { kind: "file-contains", path, tokens: raw.tokens, withinDays: raw.withinDays ?? 30 }
    );
  },
  describe: (p) => `${p.path.text} has new lines containing ${p.tokens.join(", ")}`,
});
