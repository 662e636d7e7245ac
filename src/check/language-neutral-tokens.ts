// Detection must not depend on the display language: log tokens should be codes
// (HRESULTs, file names, URLs), not localized message text.
import { allProbes } from "../plan/walk.js";
import { evidenceKinds, type PlanProbe } from "../evidence/index.js";
import type { EvidenceKind } from "../evidence/evidence-kind.js";
import type { Check } from "./check-input.js";

const LOOKS_LOCALIZED = /[^\x20-\x7e]|\s\S+\s\S+\s/;

export const languageNeutralTokens: Check = ({ plan, at }) => {
  for (const probe of allProbes(plan.detection)) {
    for (const token of probeTokens(probe as unknown as PlanProbe)) {
      if (LOOKS_LOCALIZED.test(token)) {
        at(
          probe.span,
          "warning",
          "localized-token",
          `token '${token}' looks like message text, which Windows localizes`,
          "match a language-neutral code such as an HRESULT (0x800B0109) instead",
        );
      }
    }
  }
};

/** The tokens a probe looks for in text. */
function probeTokens(probe: PlanProbe): string[] {
  const fields = (evidenceKinds[probe.kind] as EvidenceKind).textTokenFields ?? [];
  return fields.flatMap((f) => (probe as unknown as Record<string, string[]>)[f] ?? []);
}
