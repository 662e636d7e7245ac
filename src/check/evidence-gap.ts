// Where the playbook applies but no detection probe does, detection is not applicable: it finds
// nothing, the run ends Compliant and no method runs there. Both runtimes leave a probe that does
// not apply out of its group, in `any` and `all` alike, and a group is not applicable only when
// none of its items is (probes/join.ps1, cmd probes/group.hbs): so a Windows version is covered
// when any probe applies there, whatever the grouping. Verify probes do not count: they run only
// after a step, which detection never lets run. Only Windows ranges are compared.
import type { Span } from "../diagnostic.js";
import type { PlanEvidence } from "../evidence/evidence-kind.js";
import {
  NT_BUILD_SPANS,
  rangesMeet,
  windowsBoundKey,
  windowsName,
  windowsRangeKeys as keysOf,
} from "../model/nt-version.js";
import type { Applicability, Plan } from "../plan/plan.js";
import type { Check } from "./check-input.js";

/** Both ends inclusive, as windowsBoundKey numbers. */
type Keys = readonly [number, number];

const STEP = 100000; // windowsBoundKey's factor per NT version (MAX_BUILD + 1)

/** The builds each NT version shipped with, in order: a gap is only ever a real Windows. */
const SHIPPED: readonly { nt: string; keys: Keys }[] = Object.entries(NT_BUILD_SPANS)
  .map(([nt, [lo, hi]]) => ({ nt, keys: [key(`${nt}.${lo}`), key(`${nt}.${hi}`)] as const }))
  .sort((a, b) => a.keys[0] - b.keys[0]);

export const evidenceGap: Check = ({ plan, at }) => {
  const covered = leafRanges(plan.detection);
  for (const gap of gaps(keysOf(plan.applies.windows), covered)) {
    const methods = plan.methods
      .filter((m) => rangesMeet(gap, keysOf(m.applies.windows)))
      .map((m) => `'${m.id}'`);
    const lost =
      methods.length === 0
        ? "no method runs there"
        : methods.length === 1
          ? `method ${methods[0]} never runs there`
          : `methods ${methods.join(", ")} never run there`;
    at(
      position(plan),
      "warning",
      "evidence-gap",
      `no detection probe applies on ${describe(gap)}: detection is not applicable there, so the run ends Compliant and ${lost}`,
      "add a probe whose applies.windows covers those versions, or narrow the playbook's applies.windows (and say why in source.notes)",
    );
  }
};

/** The playbook's range, else its applies, else its detection (no range: every Windows). */
function position(plan: Plan): Span {
  const f = plan.fieldSpans;
  return f["applies/windows"] ?? f["applies"] ?? f["detection"] ?? { line: 1, column: 1 };
}

/** Every probe's range, groups flattened; a probe that failed to lower still counts (no noise). */
function leafRanges(e: PlanEvidence): Keys[] {
  if (e.kind === "any" || e.kind === "all") return (e.items as PlanEvidence[]).flatMap(leafRanges);
  const applies = (e as { applies?: Applicability }).applies;
  return [keysOf(applies?.windows)];
}

/** The shipped builds inside `outer` that no covered range holds, joined across NT versions. */
function gaps(outer: Keys, covered: readonly Keys[]): Keys[] {
  const out: Keys[] = [];
  for (const { keys } of SHIPPED) {
    const [lo, hi] = [Math.max(keys[0], outer[0]), Math.min(keys[1], outer[1])];
    for (const piece of uncovered(lo, hi, covered)) {
      const last = out[out.length - 1];
      // Whole-version gaps that meet (5.1 then 5.2) read as one: "XP to Server 2003".
      if (last && piece[0] === keys[0] && endsVersion(last[1]) && next(last[1]) === keys[0])
        out[out.length - 1] = [last[0], piece[1]];
      else out.push(piece);
    }
  }
  return out;
}

/** [lo, hi] minus every covered range, in order. */
function uncovered(lo: number, hi: number, covered: readonly Keys[]): Keys[] {
  const pieces: Keys[] = [];
  const sorted = [...covered].filter(([a, b]) => a <= b).sort((x, y) => x[0] - y[0]);
  let from = lo;
  for (const [a, b] of sorted) {
    if (b < from) continue;
    if (a > hi) break;
    if (a > from) pieces.push([from, a - 1]);
    from = Math.max(from, b + 1);
    if (from > hi) return pieces;
  }
  if (from <= hi) pieces.push([from, hi]);
  return pieces;
}

function key(text: string): number {
  return windowsBoundKey(text, "min");
}

const shippedOf = (k: number) => SHIPPED.find((s) => k >= s.keys[0] && k <= s.keys[1])!;
const endsVersion = (k: number) => shippedOf(k).keys[1] === k;
const next = (k: number) => SHIPPED[SHIPPED.indexOf(shippedOf(k)) + 1]?.keys[0];

/** "Windows XP to Windows XP x64 / Server 2003 (5.1 to 5.2)", builds only when the gap has them. */
function describe([lo, hi]: Keys): string {
  const whole = shippedOf(lo).keys[0] === lo && endsVersion(hi);
  const text = (k: number) => {
    const nt = shippedOf(k).nt;
    return whole ? nt : `${nt}.${k % STEP}`;
  };
  const [a, b] = [text(lo), text(hi)];
  return a === b
    ? `${windowsName(a)} (${a})`
    : `${windowsName(a)} to ${windowsName(b)} (${a} to ${b})`;
}
