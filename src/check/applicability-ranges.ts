// Windows ranges must be ordered, and a method must overlap its playbook's range
// or it can never run.
import { compareVersions, windowsName } from "../model/nt-version.js";
import type { Applicability } from "../plan/plan.js";
import type { Check } from "./check-input.js";

export const applicabilityRanges: Check = ({ plan, atPointer }) => {
  checkRange(plan.applies, "/applies/windows", atPointer);
  plan.methods.forEach((m, i) => {
    checkRange(m.applies, `/methods/${i}/applies/windows`, atPointer);
    const outer = plan.applies.windows;
    const inner = m.applies.windows;
    if (!outer || !inner) return;
    const disjoint =
      (inner.min && outer.max && compareVersions(inner.min, outer.max) > 0) ||
      (inner.max && outer.min && compareVersions(inner.max, outer.min) < 0);
    if (disjoint)
      atPointer(
        `/methods/${i}/applies/windows`,
        "warning",
        "never-applies",
        `method '${m.id}' applies to Windows versions the playbook excludes`,
        "widen the playbook's applies.windows or fix the method's range",
      );
  });
};

function checkRange(
  applies: Applicability,
  pointer: string,
  atPointer: Parameters<typeof applicabilityRanges>[0]["atPointer"],
): void {
  const w = applies.windows;
  if (w?.min && w.max && compareVersions(w.min, w.max) > 0) {
    atPointer(
      pointer,
      "error",
      "bad-range",
      `min ${w.min} (${windowsName(w.min)}) is above max ${w.max} (${windowsName(w.max)})`,
      "swap min and max",
    );
  }
}
