// Service start type and state, like win_service: read, change what differs, read again.
import { described, stringEnum, ref } from "../model/json-schema.js";
import { cmdCall, cmdSet, withLifecycle } from "../model/cmd-call.js";
import { psCall } from "../model/ps-call.js";
import { serviceDefaults, knownDefaultServices } from "../model/service-defaults.js";
import type { ServiceDefault } from "../model/service-defaults.js";
import { defineStepKind, type PlanStepBase } from "./step-kind.js";
import { SERVICE_CHANGE_SECONDS } from "../model/runtime-waits.js";

/**
 * automatic-delayed: Start=2 plus DelayedAutostart=1. not-disabled: a disabled service gets the
 * start type Windows ships for it on this NT version (model/service-defaults.ts); any other
 * start type is left as it is.
 */
export const START_TYPES = [
  "automatic",
  "automatic-delayed",
  "manual",
  "disabled",
  "not-disabled",
] as const;
export const SERVICE_STATES = ["running", "stopped"] as const;

/** The batch runtime's start type codes: sc's numbers, and 5 for a delayed automatic start. */
const BATCH_START_NUMBERS: Record<string, number> = {
  automatic: 2,
  manual: 3,
  disabled: 4,
  "automatic-delayed": 5,
};

const batchStartNumber = (startType: string | undefined) =>
  (startType && BATCH_START_NUMBERS[startType]) || 0;

/** "10.0=manual" -> { nt: 1000, start: 3 }: KB_NT's form of the version, and the code. */
const batchDefaults = (rows: string[]) =>
  rows.map((row) => {
    const [nt, startType] = row.split("=") as [string, string];
    const [major, minor] = nt.split(".").map(Number) as [number, number];
    return { nt: major * 100 + minor, start: batchStartNumber(startType) };
  });

export interface ServiceStep extends PlanStepBase {
  kind: "service";
  name: string;
  startType?: (typeof START_TYPES)[number];
  state?: (typeof SERVICE_STATES)[number];
  /** For not-disabled: Windows' own start type per NT version, e.g. "10.0=manual". */
  defaults: string[];
}

export const service = defineStepKind<ServiceStep>()({
  kind: "service",
  title: "Service state",
  readme: { covers: "start type incl. `automatic-delayed`, `not-disabled`; state" },
  description: "Sets a service's start type and/or state (running, stopped); idempotent by state.",
  idempotence: "state",
  targets: { cmd: true },
  properties: {
    name: ref("serviceName"),
    startType: described(
      "Start type",
      "The start type the service must have; automatic-delayed is Automatic (Delayed Start); not-disabled gives a disabled service back the start type Windows ships for it on that Windows version.",
      stringEnum(START_TYPES),
    ),
    state: described(
      "State",
      "Whether the service must be running or stopped.",
      stringEnum(SERVICE_STATES),
    ),
  },
  required: ["name"],
  cmdFields: { name: "text" },
  perUser: false,
  waits: () => [{ what: "service change", seconds: SERVICE_CHANGE_SECONDS }],
  runtimeCuts: [
    {
      // A service step's StartType is the playbook's word, or $null when it sets none.
      feature: "a service step with startType not-disabled",
      has: (s) => s.startType === "not-disabled",
      cut: ["Get-KbServiceDefaultStartType"],
      guard: "if ($Step['StartType'] -eq 'not-disabled') { ",
    },
  ],
  ps1: psCall(
    "Invoke-KbServiceStep",
    ["Name", "name", "string"],
    ["StartType", "startType", "stringOrNull"],
    ["State", "state", "stringOrNull"],
    ["Defaults", "defaults", "strings"],
  ),
  cmd: withLifecycle(
    "state",
    cmdCall(
      cmdSet("KB_SVC", "name", "text"),
      cmdSet("KB_WANT_START", "startType", "int", { from: batchStartNumber }),
      cmdSet("KB_SVC_NOTDISABLED", "startType", "equals", "not-disabled"),
      { shape: "serviceDefaults", field: "defaults", from: batchDefaults },
      cmdSet("KB_WANT_STATE", "state", "text"),
      { call: "kb_step_service" },
    ),
  ),
  lower(raw, ctx) {
    if (!raw.startType && !raw.state) {
      ctx.error(
        "",
        "service-nothing-to-do",
        `service step for '${raw.name}' sets neither startType nor state`,
        "add startType: automatic and/or state: running",
      );
      return undefined;
    }
    const defaults = raw.startType === "not-disabled" ? serviceDefaults(raw.name) : [];
    if (!defaults) {
      ctx.error(
        "startType",
        "service-default-unknown",
        `kbfix does not know the start type Windows ships for service '${raw.name}', so not-disabled cannot restore it`,
        `give the start type (automatic, automatic-delayed or manual); not-disabled knows ${knownDefaultServices().join(", ")}`,
      );
      return undefined;
    }
    return {
      kind: "service",
      name: raw.name,
      startType: raw.startType,
      state: raw.state,
      defaults: defaults.map(defaultText),
    };
  },
  describe: (s) =>
    `service ${s.name}: ${[s.startType && `start type ${s.startType}`, s.state].filter(Boolean).join(", ")}`,
});

function defaultText(d: ServiceDefault): string {
  return `${d.nt}=${d.startType}`;
}
