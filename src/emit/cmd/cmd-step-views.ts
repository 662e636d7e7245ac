// The batch fields of each step kind: what its template under templates/cmd/steps/
// needs besides the plan's own fields. Kinds batch cannot express never get
// here: cmd-view.ts reports them as manual (src/check/cmd-values.ts warned).
import { cmdSafeReason } from "../../model/cmd-safe.js";
import type { PlanStep } from "../../steps/index.js";
import { QuoteError } from "../quote-ps.js";
import { runArgumentView } from "./cmd-arguments.js";
import { registryView } from "./cmd-registry.js";
import { pathView } from "./cmd-values.js";

type Fields = Record<string, unknown>;

/** The batch runtime's start type codes: sc's numbers, and 5 for a delayed automatic start. */
const START_NUMBERS: Record<string, number> = {
  automatic: 2,
  manual: 3,
  disabled: 4,
  "automatic-delayed": 5,
};

/** "10.0=manual" -> the runtime's KB_NT (1000) and start code (3). */
function defaultView(row: string) {
  const [nt, startType] = row.split("=") as [string, string];
  const [major, minor] = nt.split(".").map(Number) as [number, number];
  return { nt: major * 100 + minor, startNumber: START_NUMBERS[startType] ?? 0 };
}

/** Free text enters a .cmd only when it passes the whitelist; otherwise the README has it. */
export function safeText(text: string, fallback: string): string {
  return cmdSafeReason(text) === undefined ? text : fallback;
}

function attributeWords(set: string[], clear: string[]): Fields {
  const word = (a: string) => (set.includes(a) ? "set" : clear.includes(a) ? "clear" : "");
  return {
    attrR: word("readonly"),
    attrA: word("archive"),
    attrH: word("hidden"),
    attrS: word("system"),
  };
}

export function stepFields(step: PlanStep): Fields {
  switch (step.kind) {
    case "service": {
      return {
        startNumber: START_NUMBERS[step.startType ?? ""] ?? 0,
        notDisabledFlag: step.startType === "not-disabled" ? 1 : 0,
        defaultViews: step.defaults.map(defaultView),
        wantState: step.state ?? "",
      };
    }
    case "rename":
      return { pathView: pathView(step.path, true) };
    case "clear-folder":
      return { pathView: pathView(step.path, true), backupFlag: step.backup ? 1 : 0 };
    case "delete-files":
      return { pathView: pathView(step.folder, true), backupFlag: step.backup ? 1 : 0 };
    case "attributes":
      return { pathView: pathView(step.path), ...attributeWords(step.set, step.clear) };
    case "registry-value":
      // A profile's hive is found at run time: the view holds the key below HKCU.
      return step.hive === "user"
        ? { userHive: true, registry: registryView(step.key.slice(5), step.name, step.data) }
        : { userHive: false, registry: registryView(step.key, step.name, step.data, step.view) };
    case "register-dlls":
      return {
        dllViews: step.dlls.map((d) => pathView(d)),
        allowNotSelfFlag: step.allowNotSelfRegistering ? 1 : 0,
      };
    case "run":
      return {
        pathView: pathView(step.program),
        argViews: step.args.map(runArgumentView),
      };
    case "per-user":
      return { serviceFlag: step.includeServiceProfiles ? 1 : 0 };
    case "manual":
      return { manualText: safeText(step.text, `see README.md, step ${step.id}`) };
    default:
      throw new QuoteError(`step kind '${(step as { kind: string }).kind}' has no batch template`);
  }
}
