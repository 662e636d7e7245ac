// Only the runtime a script reaches: starting from the script's own text (the
// body), keep every function it names, then every function and script variable
// those name, until nothing new appears. Names are matched as words in the code
// (strings included, whole-line comments not), so the result can only err on the
// side of keeping; the runtime never builds a function name at run time.
import type { RuntimeUnit } from "./runtime-units.js";

const NAMES = /\b(?:[A-Z][A-Za-z]+-)?Kb[A-Za-z0-9]+\b/g;

const COMMENT_LINE = /^[ \t]*#.*$/gm;

function namesIn(text: string): Set<string> {
  return new Set(text.replace(COMMENT_LINE, "").match(NAMES) ?? []);
}

/** The units reachable from `body`, in library order; a file's heading comes with its first unit. */
export function treeShake(library: readonly RuntimeUnit[], body: string): RuntimeUnit[] {
  const byName = new Map<string, RuntimeUnit[]>();
  for (const unit of library)
    for (const name of unit.defines) byName.set(name, [...(byName.get(name) ?? []), unit]);
  const kept = new Set<RuntimeUnit>();
  const pending = [...namesIn(body)];
  const seen = new Set(pending);
  while (pending.length) {
    for (const unit of byName.get(pending.pop()!) ?? []) {
      if (kept.has(unit)) continue;
      kept.add(unit);
      for (const name of namesIn(unit.text))
        if (!seen.has(name)) (seen.add(name), pending.push(name));
    }
  }
  return withComments(library, kept);
}

/** A file's heading comes with any unit of the file; a section comment with the unit below it. */
function withComments(library: readonly RuntimeUnit[], kept: Set<RuntimeUnit>): RuntimeUnit[] {
  const files = new Set([...kept].map((u) => u.file));
  const keep = (u: RuntimeUnit, i: number): boolean => {
    if (u.kind === "heading") return files.has(u.file);
    if (u.kind !== "comment") return kept.has(u);
    const next = library.slice(i + 1).find((n) => n.kind !== "comment");
    return next !== undefined && next.file === u.file && kept.has(next);
  };
  return library.filter(keep);
}
