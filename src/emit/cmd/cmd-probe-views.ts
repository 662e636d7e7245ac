// The batch fields of each evidence kind: what its template under
// templates/cmd/probes/ needs. Kinds batch cannot express never get here:
// cmd-view.ts reports them as unknown at run time.
import type { PlanProbe } from "../../evidence/index.js";
import { QuoteError } from "../quote-ps.js";
import { literalArgumentView } from "./cmd-arguments.js";
import { registryView } from "./cmd-registry.js";
import { caseVariants, pathView, productView, sizeKey, versionKey } from "./cmd-values.js";

type Fields = Record<string, unknown>;

/** Windows event levels by name (information is 0 or 4, as Event Viewer shows both). */
const LEVELS: Record<string, number[]> = {
  critical: [1],
  error: [2],
  warning: [3],
  information: [0, 4],
};

const DAY_MS = 86_400_000;

export function probeFields(probe: PlanProbe): Fields {
  switch (probe.kind) {
    case "event":
      return {
        levels: LEVELS[probe.level] ?? [],
        windowMs: probe.withinDays * DAY_MS,
        variants: caseVariants(probe.dataTokens),
        // all: each token's case variants in turn narrow the events (one per line) still matching.
        tokenGroups: probe.dataTokens.map((t) => caseVariants([t])),
        matchAll: probe.dataMatch === "all" && probe.dataTokens.length > 1,
        tokenCount: probe.dataTokens.length,
        history: true,
      };
    case "file-contains":
      return {
        pathView: pathView(probe.path),
        variants: caseVariants(probe.tokens),
        history: true,
      };
    case "file-size":
      return { pathView: pathView(probe.path), aboveKey: sizeKey(probe.aboveBytes) };
    case "service-state":
      return {
        bad2: probe.startTypes.includes("automatic") ? 1 : 0,
        bad3: probe.startTypes.includes("manual") ? 1 : 0,
        bad4: probe.startTypes.includes("disabled") ? 1 : 0,
        badStopped: probe.states.includes("stopped") ? 1 : 0,
        badRunning: probe.states.includes("running") ? 1 : 0,
      };
    case "registry-value":
      return { registry: registryView(probe.key, probe.name, probe.expected, probe.view) };
    case "product-version":
      return {
        product: productView(probe.product),
        atLeastKey: versionKey(probe.atLeast),
        belowKey: versionKey(probe.below),
      };
    case "command":
      return {
        pathView: pathView(probe.program),
        argViews: probe.args.map(literalArgumentView),
        allFlag: probe.match === "all" ? 1 : 0,
        problemTokenViews: tokenViews(probe.problemTokens),
        cleanTokenViews: tokenViews(probe.cleanTokens),
      };
    default:
      throw new QuoteError(`evidence kind '${probe.kind}' has no batch template`);
  }
}

/** Each token with the case variants batch searches for (find has no portable /i). */
function tokenViews(tokens: readonly string[]): { token: string; variants: string[] }[] {
  return tokens.map((token) => ({ token, variants: caseVariants([token]) }));
}
