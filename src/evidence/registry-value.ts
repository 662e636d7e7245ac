// A registry value that is missing or differs from what the fix sets.
import { described, ref, stringEnum } from "../model/json-schema.js";
import { normalizeData, REGISTRY_TYPES, type RegistryData } from "../steps/registry-value.js";
import {
  lowerRegistryView,
  REGISTRY_VIEW_CUT,
  registryViewProperty,
  viewText,
  type RegistryView,
} from "../steps/registry-view.js";
import { cmdCall } from "../model/cmd-call.js";
import { psCall } from "../model/ps-call.js";
import { defineEvidenceKind, type PlanProbeBase } from "./evidence-kind.js";

export interface RegistryValueProbe extends PlanProbeBase {
  kind: "registry-value";
  key: string;
  name: string;
  expected: RegistryData;
  /** Absent: the native view. */
  view?: RegistryView;
}

export const registryValueProbe = defineEvidenceKind<RegistryValueProbe>()({
  kind: "registry-value",
  title: "Registry value differs",
  readme: { covers: "missing or different typed data; HKLM `view: 32`/`64`" },
  description:
    "Present when the value is missing or differs from the expected typed data (DWORDs compared unsigned).",
  targets: { cmd: true },
  history: false,
  runtimeCuts: [REGISTRY_VIEW_CUT],
  properties: {
    key: ref("registryKey"),
    name: described("Value name", "The value's name.", { type: "string", maxLength: 255 }),
    type: described("Type", "The registry type.", stringEnum(REGISTRY_TYPES)),
    expected: described("Expected data", "The healthy data, typed as in the registry-value step.", {
      type: ["string", "integer", "array"],
      items: { type: "string" },
    }),
    view: registryViewProperty,
  },
  required: ["key", "name", "type", "expected"],
  cmdFields: { key: "text", name: "text", expected: "text" },
  // The expected data is typed: its type travels with it.
  planFields: { type: "expected" },
  ps1: psCall(
    "Test-KbRegistryValueProbe",
    ["Key", "key", "registryKey"],
    ["Name", "name", "string"],
    ["Type", "expected", "registryType"],
    ["Expected", "expected", "registryData"],
    ["View", "view", "int", "optional"],
  ),
  cmd: cmdCall({ shape: "registry", field: "" }, { call: "kb_probe_registry" }),
  lower(raw, ctx) {
    const expected = normalizeData(raw.type, raw.expected);
    if (typeof expected === "string") {
      ctx.error("expected", "registry-data", expected, `give data that fits type ${raw.type}`);
      return undefined;
    }
    const view = lowerRegistryView(raw.key, raw.view, ctx);
    if (!view) return undefined;
    return { kind: "registry-value", key: raw.key, name: raw.name, expected, ...view };
  },
  describe: (p) =>
    `${p.key}\\${p.name}${viewText(p.view)} is missing or not ${JSON.stringify(p.expected.value)}`,
});
