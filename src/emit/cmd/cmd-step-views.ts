// The batch fields of each step kind: what its template under templates/cmd/steps/
// needs besides the plan's own fields. Kinds batch cannot express never get
// here: cmd-view.ts reports them as manual (src/check/cmd-values.ts warned).
import { cmdSafeReason } from "../../model/cmd-safe.js";
import type { PlanStep } from "../../steps/index.js";
import { QuoteError } from "../quote-ps.js";
import { registryView } from "./cmd-registry.js";
import { pathView } from "./cmd-values.js";

type Fields = Record<string, unknown>;

const START_WORDS: Record<string, [string, number]> = {
  automatic: ["auto", 2],
  manual: ["demand", 3],
  disabled: ["disabled", 4],
};

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
      const [startWord, startNumber] = START_WORDS[step.startType ?? ""] ?? ["", 0];
      return { startWord, startNumber, wantState: step.state ?? "" };
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
        : { userHive: false, registry: registryView(step.key, step.name, step.data) };
    case "register-dlls":
      return {
        dllViews: step.dlls.map((d) => pathView(d)),
        allowNotSelfFlag: step.allowNotSelfRegistering ? 1 : 0,
      };
    case "run":
      return {
        pathView: pathView(step.program),
        argViews: step.args.map((a) =>
          "literal" in a
            ? { isLiteral: true, literal: a.literal, param: "" }
            : { isLiteral: false, literal: "", param: `KB_PARAM_${a.parameter}` },
        ),
      };
    case "per-user":
      return { serviceFlag: step.includeServiceProfiles ? 1 : 0 };
    case "manual":
      return { manualText: safeText(step.text, `see README.md, step ${step.id}`) };
    default:
      throw new QuoteError(`step kind '${(step as { kind: string }).kind}' has no batch template`);
  }
}
