// A service in a bad start type or state (CryptSvc disabled or stopped).
import { arrayOf, described, ref, stringEnum } from "../model/json-schema.js";
import { SERVICE_STATES, START_TYPES } from "../steps/service.js";
import { cmdCall, cmdSet } from "../model/cmd-call.js";
import { psCall } from "../model/ps-call.js";
import { defineEvidenceKind, type PlanProbeBase } from "./evidence-kind.js";

export interface ServiceStateProbe extends PlanProbeBase {
  kind: "service-state";
  name: string;
  startTypes: string[];
  states: string[];
}

export const serviceState = defineEvidenceKind<ServiceStateProbe>()({
  kind: "service-state",
  title: "Service in a bad state",
  readme: { covers: "start types, states" },
  description:
    "Present when the service has one of the listed start types or is in one of the listed states.",
  targets: { cmd: true },
  history: false,
  properties: {
    name: ref("serviceName"),
    startTypes: described(
      "Bad start types",
      "Start types that are evidence.",
      arrayOf(stringEnum(START_TYPES), { minItems: 1, uniqueItems: true }),
    ),
    states: described(
      "Bad states",
      "States that are evidence.",
      arrayOf(stringEnum(SERVICE_STATES), { minItems: 1, uniqueItems: true }),
    ),
  },
  required: ["name"],
  cmdFields: { name: "text" },
  ps1: psCall(
    "Test-KbServiceStateProbe",
    ["Name", "name", "string"],
    ["StartTypes", "startTypes", "strings"],
    ["States", "states", "strings"],
  ),
  cmd: cmdCall(
    cmdSet("KB_SVC", "name", "text"),
    cmdSet("KB_BAD2", "startTypes", "member", "automatic"),
    cmdSet("KB_BAD3", "startTypes", "member", "manual"),
    cmdSet("KB_BAD4", "startTypes", "member", "disabled"),
    cmdSet("KB_BADSTOPPED", "states", "member", "stopped"),
    cmdSet("KB_BADRUNNING", "states", "member", "running"),
    { call: "kb_probe_service_state" },
  ),
  lower(raw, ctx) {
    if (!raw.startTypes && !raw.states) {
      ctx.error(
        "",
        "probe-nothing-to-test",
        "service-state needs startTypes or states",
        "e.g. startTypes: [disabled]",
      );
      return undefined;
    }
    return {
      kind: "service-state",
      name: raw.name,
      startTypes: raw.startTypes ?? [],
      states: raw.states ?? [],
    };
  },
  describe: (p) => `service ${p.name} is ${[...p.startTypes, ...p.states].join(" or ")}`,
});
