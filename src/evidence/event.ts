// Event log entries by log, provider, event ID and level: never by message text,
// which is localized. Only events newer than the last successful run count, so
// detection turns clean after a fix.
import { arrayOf, described, stringEnum } from "../model/json-schema.js";
import { psCall } from "../model/ps-call.js";
import { defineEvidenceKind, type PlanProbeBase } from "./evidence-kind.js";

export const EVENT_LEVELS = ["critical", "error", "warning", "information"] as const;

export interface EventProbe extends PlanProbeBase {
  kind: "event";
  log: string;
  provider: string;
  ids: number[];
  level: (typeof EVENT_LEVELS)[number];
  withinDays: number;
  dataContains?: string;
}

export const event = defineEvidenceKind<EventProbe>()({
  kind: "event",
  title: "Event log entries",
  description:
    "Present when the log has an entry from the provider with one of the IDs at the level, newer than both the time window and the last successful run.",
  targets: { cmd: true },
  history: true,
  properties: {
    log: described("Log", "The event log name, e.g. Application.", {
      type: "string",
      pattern: "^[A-Za-z][A-Za-z0-9 /-]{0,99}$",
    }),
    provider: described("Provider", "The provider (source) name, e.g. Microsoft-Windows-CAPI2.", {
      type: "string",
      pattern: "^[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}$",
    }),
    ids: described(
      "Event IDs",
      "Event IDs that are evidence.",
      arrayOf({ type: "integer", minimum: 0, maximum: 65535 }, { minItems: 1, uniqueItems: true }),
    ),
    level: described(
      "Level",
      "The event level as Event Viewer shows it.",
      stringEnum(EVENT_LEVELS),
    ),
    withinDays: described("Time window", "Only events from the last N days count; default 30.", {
      type: "integer",
      minimum: 1,
      maximum: 3650,
    }),
    dataContains: described(
      "Data token",
      "A language-neutral token (e.g. authrootstl.cab) that must appear in the event data, not the message.",
      { type: "string", pattern: "^[A-Za-z0-9._:/-]{1,200}$" },
    ),
  },
  required: ["log", "provider", "ids", "level"],
  cmdFields: ["log", "provider", "dataContains"],
  ps1: psCall(
    "Test-KbEventProbe",
    ["Log", "log", "string"],
    ["Provider", "provider", "string"],
    ["Ids", "ids", "ints"],
    ["Levels", "level", "eventLevels"],
    ["WithinDays", "withinDays", "int"],
    ["DataContains", "dataContains", "stringOrNull"],
  ),
  lower: (raw) => ({
    ...raw,
    kind: "event",
    withinDays: raw.withinDays ?? 30,
    dataContains: raw.dataContains,
  }),
  describe: (p) =>
    `${p.log} log has ${p.level} event ${p.ids.join(" or ")} from ${p.provider}${p.dataContains ? ` mentioning ${p.dataContains}` : ""} in the last ${p.withinDays} days, newer than the last successful run`,
});
