// A typed registry value under HKLM, or under HKCU inside a per-user step (each
// profile's own hive, loaded for the change when the user is not logged on).
// DWORDs are compared as unsigned numbers and binaries byte by byte, so a correct
// value never reports "changed" again.
import { described, stringEnum } from "../model/json-schema.js";
import { cmdCall, cmdSet, withLifecycle } from "../model/cmd-call.js";
import { psCall } from "../model/ps-call.js";
import {
  lowerRegistryView,
  REGISTRY_VIEW_CUT,
  registryViewProperty,
  viewText,
  type RegistryView,
} from "./registry-view.js";
import { defineStepKind, type LowerContext, type PlanStepBase } from "./step-kind.js";

export const REGISTRY_TYPES = [
  "string",
  "expand-string",
  "multi-string",
  "dword",
  "qword",
  "binary",
] as const;
export type RegistryType = (typeof REGISTRY_TYPES)[number];

export type RegistryData =
  | { type: "string" | "expand-string"; value: string }
  | { type: "multi-string"; value: string[] }
  | { type: "dword"; value: number }
  | { type: "qword"; value: string }
  | { type: "binary"; value: string /* lowercase hex, no separators */ };

/** machine: HKLM; user: HKCU, that is each profile's hive (only inside per-user). */
export type RegistryHive = "machine" | "user";

/** HKLM\X or HKCU\X (the hive is the first four letters, as KB articles write it). */
export const STEP_REGISTRY_KEY_PATTERN = "^HK(LM|CU)\\\\[^\\\\].*[^\\\\]$";

export interface RegistryValueStep extends PlanStepBase {
  kind: "registry-value";
  hive: RegistryHive;
  /** As written: HKLM\... or HKCU\... */
  key: string;
  name: string;
  data: RegistryData;
  /** Absent: the native view. */
  view?: RegistryView;
}

export const registryValue = defineStepKind<RegistryValueStep>()({
  kind: "registry-value",
  title: "Registry value",
  readme: {
    covers: "typed; DWORD unsigned; REG_BINARY; HKLM, or HKCU in `per-user`; HKLM `view: 32`/`64`",
    idempotence: "(re-read after writing)",
    batch: "(view: NT 6.1+)",
  },
  description:
    "Sets a typed value under HKLM, or under HKCU inside a per-user step (every profile's hive, loaded from NTUSER.DAT and unloaded again when the user is not logged on); reads it back after writing and fails when it did not stick (e.g. restored by Setup).",
  idempotence: "state",
  targets: { cmd: true },
  properties: {
    key: described(
      "Registry key",
      "A key under HKLM, e.g. HKLM\\Software\\Microsoft\\Non-Driver Signing; inside a per-user step a key under HKCU, e.g. HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings (changed in every profile's hive).",
      { type: "string", pattern: STEP_REGISTRY_KEY_PATTERN },
    ),
    name: described("Value name", "The value's name; '' for the key's default value.", {
      type: "string",
      maxLength: 255,
    }),
    type: described(
      "Type",
      "The registry type: dword and qword are unsigned; binary is hex bytes.",
      stringEnum(REGISTRY_TYPES),
    ),
    data: described(
      "Data",
      "dword: 0..4294967295; qword: decimal string; binary: hex bytes like '00' or '0a ff'; multi-string: a list.",
      {
        type: ["string", "integer", "array"],
        items: { type: "string" },
      },
    ),
    view: registryViewProperty,
  },
  required: ["key", "name", "type", "data"],
  cmdFields: { key: "text", name: "text", data: "text" },
  // The data is typed: its type travels with it.
  planFields: { type: "data" },
  perUser: true,
  profileSid: true,
  runtimeCuts: [
    REGISTRY_VIEW_CUT,
    {
      // A registry-value call passes -ProfileSid only inside per-user, where its key is HKCU.
      feature: "a registry-value step under HKCU (every profile's hive)",
      has: (s) => s.hive === "user",
      cut: ["Invoke-KbProfileRegistryValueStep"],
      guard: "if ($ProfileSid.Length -gt 0) { ",
    },
  ],
  ps1: psCall(
    "Invoke-KbRegistryValueStep",
    ["Key", "key", "registryKey"],
    ["Name", "name", "string"],
    ["Type", "data", "registryType"],
    ["Data", "data", "registryData"],
    ["View", "view", "int", "optional"],
  ),
  // Under HKCU (inside per-user) the runtime changes the profile's hive (kb_step_user_registry).
  cmd: withLifecycle(
    "state",
    cmdCall({ shape: "stepRegistry", field: "" }, cmdSet("KB_RUSER", "hive", "equals", "user"), {
      call: "kb_step_registry",
    }),
  ),
  lower(raw, ctx) {
    const data = normalizeData(raw.type, raw.data);
    if (typeof data === "string") {
      ctx.error("data", "registry-data", data, `give data that fits type ${raw.type}`);
      return undefined;
    }
    const hive = registryHive(raw.key, ctx);
    if (!hive) return undefined;
    const view = lowerRegistryView(raw.key, raw.view, ctx);
    if (!view) return undefined;
    return { kind: "registry-value", hive, key: raw.key, name: raw.name, data, ...view };
  },
  describe: (s) =>
    `registry ${s.hive === "user" ? "in every profile's hive, " : ""}${s.key}\\${s.name || "(default)"}${viewText(s.view)} = ${formatData(s.data)} (${s.data.type})`,
});

/** HKCU only inside per-user (a profile's hive), HKLM only outside (it is one value for all). */
function registryHive(key: string, ctx: LowerContext): RegistryHive | undefined {
  const hive: RegistryHive = /^HKCU\\/i.test(key) ? "user" : "machine";
  if (hive === "user" && !ctx.inPerUser) {
    ctx.error(
      "key",
      "hkcu-outside-per-user",
      "an HKCU key names a user's hive, which is only defined inside a per-user step",
      "wrap the step in kind: per-user (it then changes every profile's hive), or use an HKLM key",
    );
    return undefined;
  }
  if (hive === "machine" && ctx.inPerUser) {
    ctx.error(
      "key",
      "not-per-user",
      "an HKLM value is one value for the whole machine: it cannot run per user",
      "move the step out of the per-user step, or write HKCU\\... for each profile's own value",
    );
    return undefined;
  }
  return hive;
}

/** Returns the normalized data, or a message saying why it does not fit the type. */
export function normalizeData(type: RegistryType, data: unknown): RegistryData | string {
  switch (type) {
    case "dword":
      return Number.isInteger(data) && (data as number) >= 0 && (data as number) <= 0xffffffff
        ? { type, value: data as number }
        : `dword data must be an integer from 0 to 4294967295, not ${JSON.stringify(data)}`;
    case "qword": {
      const text = String(data);
      return /^[0-9]{1,20}$/.test(text) && BigInt(text) <= 0xffffffffffffffffn
        ? { type, value: BigInt(text).toString() }
        : `qword data must be a decimal number from 0 to 18446744073709551615, not ${JSON.stringify(data)}`;
    }
    case "binary": {
      // Whole bytes, in groups split by spaces or commas: "a b" is two half bytes, not 0xab.
      const groups =
        typeof data === "string"
          ? data
              .trim()
              .split(/[\s,]+/)
              .filter(Boolean)
          : [];
      return typeof data === "string" && groups.every((g) => /^([0-9a-f]{2})+$/i.test(g))
        ? { type, value: groups.join("").toLowerCase() }
        : `binary data must be hex bytes such as '00' or '0a ff', not ${JSON.stringify(data)}`;
    }
    case "multi-string":
      return Array.isArray(data)
        ? { type, value: data.map(String) }
        : "multi-string data must be a list of strings";
    default:
      return typeof data === "string"
        ? { type, value: data }
        : `${type} data must be a string, not ${JSON.stringify(data)}`;
  }
}

export function formatData(data: RegistryData): string {
  if (data.type === "multi-string") return JSON.stringify(data.value);
  if (data.type === "binary") return `hex:${data.value.match(/../g)?.join(" ") ?? ""}`;
  return String(data.value);
}
