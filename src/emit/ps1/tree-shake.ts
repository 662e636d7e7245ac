// Only the runtime a script reaches: starting from the script's own text (the
// body), keep every function it names, then every function and script variable
// those name, until nothing new appears. Names are matched as words in the code
// (strings included, whole-line comments not), so the result can only err on the
// side of keeping; the runtime never builds a function name at run time. The two
// exceptions: an entry cut (ENTRY_CUTS), a call the script's entry makes dead, and a
// feature cut (feature-cuts.ts), a call the playbook's data makes dead.
import { EmitError } from "../bytes.js";
import { isGuardedLine, type FeatureCut } from "./feature-cuts.js";
import type { RuntimeUnit } from "./runtime-units.js";

export interface EntryCut {
  /** The entry function whose script this applies to (its body names it). */
  entry: string;
  /** Functions the shaker does not follow in that script. */
  cut: readonly string[];
  /** The condition every call of a cut function sits behind, on the call's own line. */
  guard: string;
  /** The only function that makes the guard true; a script of the entry reaching it is an error. */
  unless: string;
}

/**
 * The ConfigMgr application detection (entry Start-KbAppDetect) never opens the log: only
 * Initialize-KbLog sets $script:KbLogFile, so every call behind `$null -ne $script:KbLogFile` is
 * dead there. Its script leaves out the CMTrace writer Write-KbLog would call (with the
 * formatting and rollover) and the evidence log; that keeps it inside ConfigMgr's 32 KB
 * (docs/runtime.md). test/emit/runtime-shake.test.ts checks every call of a cut function has
 * the guard.
 */
export const ENTRY_CUTS: readonly EntryCut[] = [
  {
    entry: "Start-KbAppDetect",
    cut: ["Add-KbLogLine", "Write-KbEvidenceLog"],
    guard: "if ($null -ne $script:KbLogFile) { ",
    unless: "Initialize-KbLog",
  },
];

const NAMES = /\b(?:[A-Z][A-Za-z]+-)?Kb[A-Za-z0-9]+\b/g;

const COMMENT_LINE = /^[ \t]*#.*$/gm;

function namesIn(text: string): Set<string> {
  return new Set(text.replace(COMMENT_LINE, "").match(NAMES) ?? []);
}

interface LibraryIndex {
  byName: Map<string, RuntimeUnit[]>;
  namesOf: Map<RuntimeUnit, Set<string>>;
  /** For a section comment: the first unit below it that is not a comment. */
  unitBelow: Map<RuntimeUnit, RuntimeUnit | undefined>;
  /** The units reached from a body, by the sorted names the body contains. */
  reached: Map<string, RuntimeUnit[]>;
}

/** The library is the same for every script of a run: index it, and scan each unit, once. */
const indexes = new WeakMap<readonly RuntimeUnit[], LibraryIndex>();

function indexOf(library: readonly RuntimeUnit[]): LibraryIndex {
  let index = indexes.get(library);
  if (index) return index;
  index = { byName: new Map(), namesOf: new Map(), unitBelow: new Map(), reached: new Map() };
  let below: RuntimeUnit | undefined;
  for (let i = library.length - 1; i >= 0; i--) {
    const unit = library[i]!;
    if (unit.kind === "comment") index.unitBelow.set(unit, below);
    else below = unit;
  }
  for (const unit of library) {
    index.namesOf.set(unit, namesIn(unit.text));
    for (const name of unit.defines)
      index.byName.set(name, [...(index.byName.get(name) ?? []), unit]);
  }
  indexes.set(library, index);
  return index;
}

/**
 * The units reachable from `body`, in library order; a file's heading comes with its first unit.
 * `absent`: the feature cuts of the features the script's playbook lacks (absentFeatures).
 */
export function treeShake(
  library: readonly RuntimeUnit[],
  body: string,
  absent: readonly FeatureCut[] = [],
): RuntimeUnit[] {
  const index = indexOf(library);
  // Scripts of one shape name the same runtime functions: walk the library once per set of
  // names (the same array comes back, so runtimeSection finds its section at once too).
  const names = [...namesIn(body)].sort();
  const key = [...names, "|", ...absent.map((c) => c.feature)].join(" ");
  let units = index.reached.get(key);
  if (!units) {
    assertGuarded("the script's body", body, absent);
    units = reachable(library, index, names, absent);
    if (index.reached.size < 1000) index.reached.set(key, units);
  }
  return units;
}

function reachable(
  library: readonly RuntimeUnit[],
  { byName, namesOf, unitBelow }: LibraryIndex,
  names: string[],
  absent: readonly FeatureCut[],
): RuntimeUnit[] {
  const kept = new Set<RuntimeUnit>();
  const pending = [...names];
  const cuts = ENTRY_CUTS.filter((c) => names.includes(c.entry));
  const seen = new Set([
    ...pending,
    ...cuts.flatMap((c) => c.cut),
    ...absent.flatMap((c) => c.cut),
  ]);
  while (pending.length) {
    for (const unit of byName.get(pending.pop()!) ?? []) {
      if (kept.has(unit)) continue;
      kept.add(unit);
      for (const name of namesOf.get(unit)!)
        if (!seen.has(name)) (seen.add(name), pending.push(name));
    }
  }
  for (const { entry, cut, unless } of cuts)
    if ([...kept].some((u) => u.defines.includes(unless)))
      throw new EmitError(
        `the runtime of ${entry} reaches ${unless}, so it needs ${cut.join(", ")}: ` +
          `drop the cut from ENTRY_CUTS or the call to ${unless}`,
      );
  for (const unit of kept) assertGuarded(unit.defines.join(", "), unit.text, absent);
  return withComments(library, kept, unitBelow);
}

/** A cut function named in kept code outside its guard would be called: a compile error. */
function assertGuarded(where: string, text: string, absent: readonly FeatureCut[]): void {
  for (const { feature, cut, guard } of absent)
    for (const name of cut) {
      if (!text.includes(name)) continue;
      const named = new RegExp(`(?<![\\w-])${name}(?![\\w-])`);
      for (const line of text.replace(COMMENT_LINE, "").split("\n"))
        if (named.test(line) && !isGuardedLine(line, guard))
          throw new EmitError(
            `${where} calls ${name} outside its guard '${guard.trim()}', but the playbook lacks ` +
              `the feature (${feature}), so the script leaves ${name} out: put the call behind ` +
              `the guard (a one-line if) or drop the cut (FEATURE_CUTS, or the kind's runtimeCuts)`,
          );
    }
}

/** A file's heading comes with any unit of the file; a section comment with the unit below it. */
function withComments(
  library: readonly RuntimeUnit[],
  kept: Set<RuntimeUnit>,
  unitBelow: Map<RuntimeUnit, RuntimeUnit | undefined>,
): RuntimeUnit[] {
  const files = new Set([...kept].map((u) => u.file));
  const keep = (u: RuntimeUnit): boolean => {
    if (u.kind === "heading") return files.has(u.file);
    if (u.kind !== "comment") return kept.has(u);
    const next = unitBelow.get(u);
    return next !== undefined && next.file === u.file && kept.has(next);
  };
  return library.filter(keep);
}
