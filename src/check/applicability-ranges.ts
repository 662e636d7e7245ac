// Windows ranges must be ordered and name builds their NT version has, and a method, a step
// or a probe must overlap the range around it or it can never run. Ranges compare with
// builds: a bound without one covers every build of its NT version.
import type { Span } from "../diagnostic.js";
import {
  buildMismatch,
  rangesMeet,
  windowsBoundKey,
  windowsName,
  windowsRangeKeys,
} from "../model/nt-version.js";
import type { PlanEvidence, PlanProbeBase } from "../evidence/evidence-kind.js";
import type { Applicability } from "../plan/plan.js";
import type { FieldSpans } from "../plan/field-spans.js";
import type { PlanStepBase } from "../steps/step-kind.js";
import type { Check, CheckInput } from "./check-input.js";

type Windows = NonNullable<Applicability["windows"]>;
type Report = CheckInput["at"];

/** A plan node whose `applies.windows` is checked, and where its fields were written. */
interface Ranged {
  span?: Span;
  fieldSpans?: FieldSpans;
}

/** A field of the node's range (`applies/windows`, `applies/windows/min`), or the node itself. */
function where(node: Ranged, field: string): Span {
  return node.fieldSpans?.[field] ?? node.span ?? { line: 1, column: 1 };
}

export const applicabilityRanges: Check = ({ plan, at }) => {
  const outer = plan.applies.windows;
  checkRange(plan, outer, at);
  for (const m of plan.methods) {
    checkRange(m, m.applies.windows, at);
    if (disjoint(outer, m.applies.windows))
      at(
        where(m, "applies/windows"),
        "warning",
        "never-applies",
        `method '${m.id}' applies to Windows versions the playbook excludes`,
        "widen the playbook's applies.windows or fix the method's range",
      );
    const method = intersect(outer, m.applies.windows);
    checkSteps(m.steps, method, `its method '${m.id}'`, at);
  }
  checkProbes(plan.detection, outer, at);
};

/** Each step against the range around it; the steps of a per-user step against its own. */
function checkSteps(
  steps: readonly PlanStepBase[],
  around: Windows | undefined,
  owner: string,
  at: Report,
): void {
  for (const s of steps) {
    const windows = s.applies ? s.applies.windows : undefined;
    checkRange(s, windows, at);
    if (disjoint(around, windows))
      at(
        where(s, "applies/windows"),
        "warning",
        "never-applies",
        `step '${s.id}' applies to Windows versions ${owner} or the playbook excludes`,
        "widen the applies.windows around it or fix the step's range",
      );
    const nested = (s as { steps?: PlanStepBase[] }).steps;
    if (nested) checkSteps(nested, intersect(around, windows), `its step '${s.id}'`, at);
  }
}

function checkProbes(e: PlanEvidence, outer: Windows | undefined, at: Report): void {
  if (e.kind === "any" || e.kind === "all") {
    for (const item of e.items as PlanEvidence[]) checkProbes(item, outer, at);
    return;
  }
  const probe = e as PlanProbeBase;
  const windows = probe.applies?.windows;
  checkRange(probe, windows, at);
  if (disjoint(outer, windows))
    at(
      where(probe, "applies/windows"),
      "warning",
      "never-applies",
      `probe '${probe.id}' applies to Windows versions the playbook excludes`,
      "widen the playbook's applies.windows or fix the probe's range",
    );
}

function checkRange(node: Ranged, w: Windows | undefined, at: Report): void {
  for (const side of ["min", "max"] as const) {
    const bound = w?.[side];
    const mismatch = bound ? buildMismatch(bound) : undefined;
    if (mismatch)
      at(
        where(node, `applies/windows/${side}`),
        "warning",
        "unknown-build",
        mismatch,
        "write the build that NT version shipped with, or only major.minor for all its builds",
      );
  }
  if (w?.min && w.max && windowsBoundKey(w.min, "min") > windowsBoundKey(w.max, "max")) {
    at(
      where(node, "applies/windows"),
      "error",
      "bad-range",
      `min ${w.min} (${windowsName(w.min)}) is above max ${w.max} (${windowsName(w.max)})`,
      "swap min and max",
    );
  }
}

/** No Windows version lies in both ranges (an absent range is every version). */
function disjoint(a: Windows | undefined, b: Windows | undefined): boolean {
  return !!a && !!b && !rangesMeet(windowsRangeKeys(a), windowsRangeKeys(b));
}

function intersect(a: Windows | undefined, b: Windows | undefined): Windows | undefined {
  if (!a) return b;
  if (!b) return a;
  const min = !a.min ? b.min : !b.min ? a.min : lowKey(a) >= lowKey(b) ? a.min : b.min;
  const max = !a.max ? b.max : !b.max ? a.max : highKey(a) <= highKey(b) ? a.max : b.max;
  return { ...(min ? { min } : {}), ...(max ? { max } : {}) };
}

const lowKey = (w: Windows): number => windowsRangeKeys(w)[0];
const highKey = (w: Windows): number => windowsRangeKeys(w)[1];
