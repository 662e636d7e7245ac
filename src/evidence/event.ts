// Event log entries by log, provider, event ID and level: never by message text,
// which is localized. Only events newer than the last successful run count, so
// detection turns clean after a fix.
import { arrayOf, described, stringEnum } from "../model/json-schema.js";
import { CMD_SEARCHING as SEARCHING, cmdCall, cmdSet } from "../model/cmd-call.js";
import { psCall } from "../model/ps-call.js";
import { defineEvidenceKind, type PlanProbeBase } from "./evidence-kind.js";

export const EVENT_LEVELS = ["critical", "error", "warning", "information"] as const;

/** The Windows Update client's own log on NT 10.0 and later (docs/kb-facts.md#windows-update-log). */
export const WINDOWS_UPDATE_CLIENT_LOG = "Microsoft-Windows-WindowsUpdateClient/Operational";

const DATA_TOKEN = { type: "string", pattern: "^[A-Za-z0-9._:/-]{1,200}$" } as const;

export interface EventProbe extends PlanProbeBase {
  kind: "event";
  log: string;
  provider: string;
  ids: number[];
  level: (typeof EVENT_LEVELS)[number];
  withinDays: number;
  /** Language-neutral tokens looked for in an event's data; none: any matching event counts. */
  dataTokens: string[];
  /** any: one of the tokens is in the event's data; all: every one is, in the same event. */
  dataMatch: "any" | "all";
}

/** dataMatch all with several tokens: the events are narrowed token by token. */
const ALL = { KB_EV_ALL: "1" };

/** The numbers an event level has in the log (information is 0 or 4: Event Viewer shows both). */
const LEVEL_NUMBERS: Record<EventProbe["level"], number[]> = {
  critical: [1],
  error: [2],
  warning: [3],
  information: [0, 4],
};

const levelNumbers = (level: EventProbe["level"]) => LEVEL_NUMBERS[level];

const DAY_MS = 86_400_000;

/** Whether an event must carry every data token (dataMatch all, with more than one token). */
const matchesAll = (_: unknown, p: EventProbe) => p.dataMatch === "all" && p.dataTokens.length > 1;

export const event = defineEvidenceKind<EventProbe>()({
  kind: "event",
  title: "Event log entries",
  readme: { covers: "log, provider, IDs, level, time window, data tokens: any or all" },
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
      "Data tokens",
      "A language-neutral token (e.g. authrootstl.cab or an HRESULT such as 0x800B0109) that must appear in the event data, not the message; or a list of them, matched as dataMatch says.",
      // One schema for both forms, so a bad token is the same bad-value as before lists.
      {
        type: ["string", "array"],
        pattern: DATA_TOKEN.pattern,
        items: DATA_TOKEN,
        minItems: 1,
        maxItems: 20,
        uniqueItems: true,
      },
    ),
    dataMatch: described(
      "Data token match",
      "With several data tokens: any (one of them is in the event's data, the default) or all (every one is, in the same event).",
      stringEnum(["any", "all"]),
    ),
  },
  required: ["log", "provider", "ids", "level"],
  cmdFields: { log: "slashed", provider: "text", dataContains: "slashed" },
  planFields: { dataContains: "dataTokens" },
  ps1: psCall(
    "Test-KbEventProbe",
    ["Log", "log", "string"],
    ["Provider", "provider", "string"],
    ["Ids", "ids", "ints"],
    ["Levels", "level", "ints", { from: levelNumbers }],
    ["WithinDays", "withinDays", "int"],
    ["DataContains", "dataTokens", "strings"],
    ["DataMatch", "dataMatch", "string"],
  ),
  // Each data token's case variants, then the next token: kb_probe_event_token searches for any
  // token, or with KB_EV_ALL=1 the kb_probe_all_* routines keep the events that carry every one.
  cmd: {
    ...cmdCall(
      cmdSet("KB_EV_LOG", "log", "slashed"),
      cmdSet("KB_EV_PROVIDER", "provider", "text"),
      cmdSet("KB_EV_IDS", "ids", "ints"),
      cmdSet("KB_EV_LEVELS", "level", "ints", { from: levelNumbers }),
      cmdSet("KB_EV_MS", "withinDays", "int", { from: (days: number) => days * DAY_MS }),
      cmdSet("KB_EV_TOKENS", "dataTokens", "count"),
      cmdSet("KB_EV_ALL", "", "flag", { from: matchesAll }),
      { call: "kb_probe_event_begin" },
      { call: "kb_probe_all_begin", onlyWhen: ALL },
      {
        each: "dataTokens",
        body: [
          {
            each: "",
            caseVariants: true,
            body: [
              cmdSet("KB_TOK", "", "slashed"),
              { call: "kb_probe_event_token", onlyWhen: SEARCHING },
            ],
          },
          { call: "kb_probe_all_next", onlyWhen: ALL },
        ],
      },
      { call: "kb_probe_all_end", onlyWhen: ALL },
      { call: "kb_probe_event_end" },
    ),
    history: {
      load: { KB_EV_BASE: "BASE", KB_EV_START: "START", KB_EV_CUR: "CUR" },
      keep: { START: "KB_EV_START", CUR: "KB_EV_CUR" },
    },
  },
  lower: ({ dataContains, dataMatch, withinDays, ...raw }) => ({
    ...raw,
    kind: "event",
    withinDays: withinDays ?? 30,
    dataTokens: dataContains === undefined ? [] : [dataContains].flat(),
    dataMatch: dataMatch ?? "any",
  }),
  describe: (p) =>
    `${p.log} log has ${p.level} event ${p.ids.join(" or ")} from ${p.provider}${mentioning(p)} in the last ${p.withinDays} days, newer than the last successful run`,
});

function mentioning(p: EventProbe): string {
  if (p.dataTokens.length === 0) return "";
  return ` mentioning ${p.dataTokens.join(p.dataMatch === "all" ? " and " : " or ")}`;
}
