// Stage 5: semantic checks beyond the schema. Each check is one file; this is
// the registry that runs them all (no early exit).
import { diagnostic, type Diagnostic } from "../diagnostic.js";
import type { Check, CheckInput } from "./check-input.js";
import type { Plan } from "../plan/plan.js";
import { applicabilityRanges } from "./applicability-ranges.js";
import { cmdValues } from "./cmd-values.js";
import { destructivePaths } from "./destructive-paths.js";
import { evidenceGap } from "./evidence-gap.js";
import { guardReferences } from "./guard-references.js";
import { oneShotGuards } from "./one-shot-guards.js";
import { parameterDefaults } from "./parameter-defaults.js";
import { languageNeutralTokens } from "./language-neutral-tokens.js";
import { uniqueIds } from "./unique-ids.js";
import { unusedParameters } from "./unused-parameters.js";
import { windowsUpdateLog } from "./windows-update-log.js";

export const checks: readonly Check[] = [
  uniqueIds,
  guardReferences,
  oneShotGuards,
  destructivePaths,
  cmdValues,
  unusedParameters,
  parameterDefaults,
  applicabilityRanges,
  evidenceGap,
  languageNeutralTokens,
  windowsUpdateLog,
];

export function runChecks(plan: Plan): Diagnostic[] {
  const out: Diagnostic[] = [];
  const input: CheckInput = {
    plan,
    at: (span, severity, code, message, hint) =>
      out.push(diagnostic(plan.file, span, severity, code, message, hint)),
  };
  for (const check of checks) check(input);
  return out;
}
