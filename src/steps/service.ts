// Service start type and state, like win_service: read, change what differs, read again.
import { described, stringEnum, ref } from "../model/json-schema.js";
import { psCall } from "../model/ps-call.js";
import { defineStepKind, type PlanStepBase } from "./step-kind.js";

export const START_TYPES = ["automatic", "manual", "disabled"] as const;
export const SERVICE_STATES = ["running", "stopped"] as const;

export interface ServiceStep extends PlanStepBase {
  kind: "service";
  name: string;
  startType?: (typeof START_TYPES)[number];
  state?: (typeof SERVICE_STATES)[number];
}

export const service = defineStepKind<ServiceStep>()({
  kind: "service",
  title: "Service state",
  description: "Sets a service's start type and/or state (running, stopped); idempotent by state.",
  idempotence: "state",
  targets: { cmd: true },
  properties: {
    name: ref("serviceName"),
    startType: described(
      "Start type",
      "The start type the service must have.",
      stringEnum(START_TYPES),
    ),
    state: described(
      "State",
      "Whether the service must be running or stopped.",
      stringEnum(SERVICE_STATES),
    ),
  },
  required: ["name"],
  cmdFields: ["name"],
  perUser: false,
  ps1: psCall(
    "Invoke-KbServiceStep",
    ["Name", "name", "string"],
    ["StartType", "startType", "stringOrNull"],
    ["State", "state", "stringOrNull"],
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
    return { kind: "service", name: raw.name, startType: raw.startType, state: raw.state };
  },
  describe: (s) =>
    `service ${s.name}: ${[s.startType && `start type ${s.startType}`, s.state].filter(Boolean).join(", ")}`,
});
