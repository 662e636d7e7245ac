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

/** Every registry-value step in the 64-bit view: the code that opens a named view. */
export function withRegistryView(plan: Plan): Plan {
  return mapSteps(plan, (s) =>
    s.kind === "registry-value" && s.hive !== "user" ? { ...s, view: 64 } : s,
  );
}

/**
 * Every service step with startType not-disabled and a table row for NT 10.0: the code that
 * looks up the start type Windows ships (Get-KbServiceDefaultStartType).
 */
export function withServiceDefaults(plan: Plan): Plan {
  return mapSteps(plan, (s) =>
    s.kind === "service" ? { ...s, startType: "not-disabled", defaults: ["10.0=manual"] } : s,
  );
}

/** Every feature above at once: the plan whose scripts carry every cut function. */
export function withEveryFeature(plan: Plan): Plan {
  return withServiceDefaults(withRegistryView(withUserHiveValue(plan)));
}

function mapSteps(plan: Plan, change: (step: any) => any): Plan {
  const visit = (step: any): any =>
    step.kind === "per-user" ? { ...step, steps: step.steps.map(visit) } : change(step);
  return { ...plan, methods: plan.methods.map((m) => ({ ...m, steps: m.steps.map(visit) })) };
}
