// Only the batch runtime a script reaches, as the PowerShell runtime is shaken: starting from
// the script's own text (its body), keep every runtime subroutine it names, then every
// subroutine those name, until nothing new appears; a kept subroutine that falls through keeps
// the next one (cmd-subroutines.ts says what a name is). The runtime never builds a label name
// from parts, so the result can only err on the side of keeping.
import { subroutineNamesIn, type CmdRuntimeFile, type Subroutine } from "./cmd-subroutines.js";

interface LibraryIndex {
  byLabel: Map<string, Subroutine>;
  next: Map<Subroutine, Subroutine>;
  /** The subroutines reached from a body, by the sorted runtime labels the body names. */
  reached: Map<string, ReadonlySet<Subroutine>>;
}

const indexes = new WeakMap<readonly CmdRuntimeFile[], LibraryIndex>();

function indexOf(library: readonly CmdRuntimeFile[]): LibraryIndex {
  let index = indexes.get(library);
  if (index) return index;
  index = { byLabel: new Map(), next: new Map(), reached: new Map() };
  for (const { subroutines } of library)
    subroutines.forEach((s, i) => {
      index!.byLabel.set(s.label, s);
      if (s.fallsThrough && subroutines[i + 1]) index!.next.set(s, subroutines[i + 1]!);
    });
  indexes.set(library, index);
  return index;
}

/**
 * The subroutines of `library` that `body` reaches. Scripts of one shape name the same labels:
 * the same set comes back for them, so the section built from it is found at once too.
 */
export function shakeCmdRuntime(
  library: readonly CmdRuntimeFile[],
  body: string,
): ReadonlySet<Subroutine> {
  const index = indexOf(library);
  const labels = [...new Set(subroutineNamesIn(body))].filter((n) => index.byLabel.has(n)).sort();
  const key = labels.join(" ");
  let kept = index.reached.get(key);
  if (!kept) {
    kept = reachable(index, labels);
    if (index.reached.size < 1000) index.reached.set(key, kept);
  }
  return kept;
}

function reachable({ byLabel, next }: LibraryIndex, labels: readonly string[]): Set<Subroutine> {
  const kept = new Set<Subroutine>();
  const visit = (s: Subroutine | undefined): void => {
    if (!s || kept.has(s)) return;
    kept.add(s);
    for (const name of s.names) visit(byLabel.get(name));
    visit(next.get(s));
  };
  for (const label of labels) visit(byLabel.get(label));
  return kept;
}
