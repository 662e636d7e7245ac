// Only the batch runtime a script reaches, as the PowerShell runtime is shaken: starting from
// the script's own text (its body), keep every runtime subroutine it names, then every
// subroutine those name, until nothing new appears; a kept subroutine that falls through keeps
// the next one (cmd-subroutines.ts says what a name is). The runtime never builds a label name
// from parts, so the result can only err on the side of keeping.
import { subroutineNamesIn, type CmdRuntimeFile, type Subroutine } from "./cmd-subroutines.js";

interface LibraryIndex {
  byLabel: Map<string, Subroutine>;
  next: Map<Subroutine, Subroutine>;
}

const indexes = new WeakMap<readonly CmdRuntimeFile[], LibraryIndex>();

function indexOf(library: readonly CmdRuntimeFile[]): LibraryIndex {
  let index = indexes.get(library);
  if (index) return index;
  index = { byLabel: new Map(), next: new Map() };
  for (const { subroutines } of library)
    subroutines.forEach((s, i) => {
      index!.byLabel.set(s.label, s);
      if (s.fallsThrough && subroutines[i + 1]) index!.next.set(s, subroutines[i + 1]!);
    });
  indexes.set(library, index);
  return index;
}

/** The subroutines of `library` that `body` reaches. */
export function shakeCmdRuntime(library: readonly CmdRuntimeFile[], body: string): Set<Subroutine> {
  const { byLabel, next } = indexOf(library);
  const kept = new Set<Subroutine>();
  const visit = (s: Subroutine | undefined): void => {
    if (!s || kept.has(s)) return;
    kept.add(s);
    for (const name of s.names) visit(byLabel.get(name));
    visit(next.get(s));
  };
  for (const name of new Set(subroutineNamesIn(body))) visit(byLabel.get(name));
  return kept;
}
