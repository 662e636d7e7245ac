// File attributes (attrib -s -h): read, change the differing flags, read again.
import type { PathExpr } from "../model/path-expr.js";
import { arrayOf, described, ref, stringEnum } from "../model/json-schema.js";
import { cmdCall, cmdSet, withLifecycle } from "../model/cmd-call.js";
import { psCall } from "../model/ps-call.js";
import { defineStepKind, type PlanStepBase } from "./step-kind.js";

export const FILE_ATTRIBUTES = ["hidden", "system", "readonly", "archive"] as const;
export type FileAttribute = (typeof FILE_ATTRIBUTES)[number];

export interface AttributesStep extends PlanStepBase {
  kind: "attributes";
  path: PathExpr;
  set: FileAttribute[];
  clear: FileAttribute[];
}

const attributeList = arrayOf(stringEnum(FILE_ATTRIBUTES), { uniqueItems: true });

/** The names of System.IO.FileAttributes, which the PowerShell runtime compares with. */
const DOT_NET_NAMES: Record<FileAttribute, string> = {
  hidden: "Hidden",
  system: "System",
  readonly: "ReadOnly",
  archive: "Archive",
};

const dotNetNames = (names: FileAttribute[]) => names.map((n) => DOT_NET_NAMES[n]);

/** What the batch runtime does with one attribute: `set`, `clear`, or '' (leave it). */
const batchWord = (attribute: FileAttribute) => (_: unknown, step: AttributesStep) =>
  step.set.includes(attribute) ? "set" : step.clear.includes(attribute) ? "clear" : "";

export const attributes = defineStepKind<AttributesStep>()({
  kind: "attributes",
  title: "File attributes",
  readme: { covers: "hidden, system, readonly, archive" },
  description:
    "Sets and clears file or folder attributes (hidden, system, readonly, archive); idempotent by state.",
  idempotence: "state",
  targets: { cmd: true },
  properties: {
    path: ref("path"),
    set: described("Set", "Attributes the path must have.", attributeList),
    clear: described("Clear", "Attributes the path must not have.", attributeList),
  },
  required: ["path"],
  cmdFields: { path: "text" },
  perUser: true,
  ps1: psCall(
    "Invoke-KbAttributesStep",
    ["Path", "path", "path"],
    ["Set", "set", "strings", { from: dotNetNames }],
    ["Clear", "clear", "strings", { from: dotNetNames }],
  ),
  cmd: withLifecycle(
    "state",
    cmdCall(
      { shape: "path", field: "path" },
      cmdSet("KB_AT_R", "", "text", { from: batchWord("readonly") }),
      cmdSet("KB_AT_A", "", "text", { from: batchWord("archive") }),
      cmdSet("KB_AT_H", "", "text", { from: batchWord("hidden") }),
      cmdSet("KB_AT_S", "", "text", { from: batchWord("system") }),
      { call: "kb_step_attributes" },
    ),
  ),
  lower(raw, ctx) {
    const set = raw.set ?? [];
    const clear = raw.clear ?? [];
    const both = set.filter((a) => clear.includes(a));
    if (both.length)
      ctx.error(
        "set",
        "attribute-conflict",
        `'${both.join("', '")}' is both set and cleared`,
        "list each attribute once",
      );
    if (!set.length && !clear.length)
      ctx.error(
        "",
        "attributes-nothing-to-do",
        "attributes step sets and clears nothing",
        "add set: [...] or clear: [...]",
      );
    const path = ctx.path("path", raw.path);
    return path && { kind: "attributes", path, set, clear };
  },
  describe: (s) =>
    `attributes of ${s.path.text}: ${[...s.set.map((a) => `+${a}`), ...s.clear.map((a) => `-${a}`)].join(" ")}`,
});
