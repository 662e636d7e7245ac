// Plans with a feature no committed playbook has, for the tests of the feature cuts
// (src/emit/ps1/feature-cuts.ts): the runtime behind such a cut is reachable only here.
import type { Plan } from "../../src/plan/plan.js";

/**
 * Beside each HKLM registry-value step, the same value under HKCU inside a per-user step: the
 * code that loads and unloads every profile's hive (Invoke-KbProfileRegistryValueStep).
 */
export function withUserHiveValue(plan: Plan): Plan {
  const withProfileCopy = (step: any): any[] =>
    step.kind === "registry-value"
      ? [
          step,
          {
            ...step,
            id: `${step.id}-per-user`,
            kind: "per-user",
            includeServiceProfiles: false,
            steps: [{ ...step, id: `${step.id}-hkcu`, hive: "user", key: `HKCU\\${step.key}` }],
          },
        ]
      : [step];
  return {
    ...plan,
    methods: plan.methods.map((m) => ({ ...m, steps: m.steps.flatMap(withProfileCopy) })),
  };
}
