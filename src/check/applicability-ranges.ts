// Windows ranges must be ordered and name builds their NT version has, and a method, a step
// or a probe must overlap the range around it or it can never run. Ranges compare with
// builds: a bound without one covers every build of its NT version.
import { buildMismatch, windowsBoundKey, windowsName } from "../model/nt-version.js";
import type { PlanEvidence, PlanProbeBase } from "../evidence/evidence-kind.js";
import type { Applicability } from "../plan/plan.js";
import type { PlanStepBase } from "../steps/step-kind.js";
import type { Check, CheckInput } from "./check-input.js";

type Windows = NonNullable<Applicability["windows"]>;

export const applicabilityRanges: Check = ({ plan, atPointer }) => {
  const outer = plan.applies.windows;
  checkRange(plan.applies.windows, "/applies/windows", atPointer);
  plan.methods.forEach((m, i) => {
    const at = `/methods/${i}/applies/windows`;
    checkRange(m.applies.windows, at, atPointer);
    const method = intersect(outer, m.applies.windows);
    if (disjoint(outer, m.applies.windows))
      atPointer(
        at,
        "warning",
        "never-applies",
        `method '${m.id}' applies to Windows versions the playbook excludes`,
        "widen the playbook's applies.windows or fix the method's range",
      );
    checkSteps(m.steps, `/methods/${i}`, method, `its method '${m.id}'`, atPointer);
  });
  checkProbes(plan.detection, "/detection", outer, atPointer);
};

/** Each step against the range around it; the steps of a per-user step against its own. */
function checkSteps(
  steps: readonly PlanStepBase[],
  pointer: string,
  around: Windows | undefined,
  owner: string,
  atPointer: CheckInput["atPointer"],
): void {
  steps.forEach((s, j) => {
    const at = `${pointer}/steps/${j}`;
    const windows = s.applies ? s.applies.windows : undefined;
    checkRange(windows, `${at}/applies/windows`, atPointer);
    if (disjoint(around, windows))
      atPointer(
        `${at}/applies/windows`,
        "warning",
        "never-applies",
        `step '${s.id}' applies to Windows versions ${owner} or the playbook excludes`,
        "widen the applies.windows around it or fix the step's range",
      );
    const nested = (s as { steps?: PlanStepBase[] }).steps;
    if (nested) checkSteps(nested, at, intersect(around, windows), `its step '${s.id}'`, atPointer);
  });
}

function checkProbes(
  e: PlanEvidence,
  pointer: string,
  outer: Windows | undefined,
  atPointer: CheckInput["atPointer"],
): void {
  if (e.kind === "any" || e.kind === "all") {
    (e.items as PlanEvidence[]).forEach((item, i) =>
      checkProbes(item, `${pointer}/${e.kind}/${i}`, outer, atPointer),
    );
    return;
  }
  const probe = e as PlanProbeBase;
  const windows = probe.applies?.windows;
  const at = `${pointer}/applies/windows`;
  checkRange(windows, at, atPointer);
  if (disjoint(outer, windows))
    atPointer(
      at,
      "warning",
      "never-applies",
      `probe '${probe.id}' applies to Windows versions the playbook excludes`,
      "widen the playbook's applies.windows or fix the probe's range",
    );
}

function checkRange(
  w: Windows | undefined,
  pointer: string,
  atPointer: CheckInput["atPointer"],
): void {
  for (const side of ["min", "max"] as const) {
    const bound = w?.[side];
    const mismatch = bound ? buildMismatch(bound) : undefined;
    if (mismatch)
      atPointer(
        `${pointer}/${side}`,
        "warning",
        "unknown-build",
        mismatch,
        "write the build that NT version shipped with, or only major.minor for all its builds",
      );
  }
  if (w?.min && w.max && windowsBoundKey(w.min, "min") > windowsBoundKey(w.max, "max")) {
    atPointer(
      pointer,
      "error",
      "bad-range",
      `min ${w.min} (${windowsName(w.min)}) is above max ${w.max} (${windowsName(w.max)})`,
      "swap min and max",
    );
  }
}

/** No Windows version lies in both ranges (an absent range is every version). */
function disjoint(a: Windows | undefined, b: Windows | undefined): boolean {
  if (!a || !b) return false;
  const min = Math.max(lowKey(a), lowKey(b));
  const max = Math.min(highKey(a), highKey(b));
  return min > max;
}

function intersect(a: Windows | undefined, b: Windows | undefined): Windows | undefined {
  if (!a) return b;
  if (!b) return a;
  const min = !a.min ? b.min : !b.min ? a.min : lowKey(a) >= lowKey(b) ? a.min : b.min;
  const max = !a.max ? b.max : !b.max ? a.max : highKey(a) <= highKey(b) ? a.max : b.max;
  return { ...(min ? { min } : {}), ...(max ? { max } : {}) };
}

const lowKey = (w: Windows): number => (w.min ? windowsBoundKey(w.min, "min") : 0);
const highKey = (w: Windows): number =>
  w.max ? windowsBoundKey(w.max, "max") : Number.MAX_SAFE_INTEGER;
