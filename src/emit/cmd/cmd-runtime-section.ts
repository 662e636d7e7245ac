// The batch runtime as a reviewed artifact, as the PowerShell one: at the end of the .fix.cmd,
// after a marker line naming the kbfix version and the SHA-256 of the section, the runtime
// subroutines the script reaches, each file's heading kept while any of its subroutines is,
// then a closing marker. A reviewer reads the script above it and checks the hash.
import { markedSection, type MarkedSection } from "../runtime-marker.js";
import type { CmdRuntimeFile, Subroutine } from "./cmd-subroutines.js";

export interface CmdRuntimeSection extends MarkedSection {
  /** The labels it defines, in order. */
  labels: string[];
}

/**
 * Scripts of one shape keep the same subroutines, and the shaker hands back the same set for
 * them: each distinct section is built once.
 */
const built = new WeakMap<
  ReadonlySet<Subroutine>,
  { version: string; section: CmdRuntimeSection }
>();

export function cmdRuntimeSection(
  library: readonly CmdRuntimeFile[],
  kept: ReadonlySet<Subroutine>,
  version: string,
): CmdRuntimeSection {
  const known = built.get(kept);
  if (known?.version === version) return known.section;
  const section = buildSection(library, kept, version);
  built.set(kept, { version, section });
  return section;
}

function buildSection(
  library: readonly CmdRuntimeFile[],
  kept: ReadonlySet<Subroutine>,
  version: string,
): CmdRuntimeSection {
  const files = library
    .map((file) => ({ file, subroutines: file.subroutines.filter((s) => kept.has(s)) }))
    .filter(({ subroutines }) => subroutines.length > 0);
  // A subroutine's text runs to the next label, blank lines and all: the file's own layout.
  const body = files
    .map(({ file, subroutines }) =>
      (file.head + subroutines.map((s) => s.text).join("")).replace(/\n+$/, ""),
    )
    .join("\n\n")
    .replace(/\n{3,}/g, "\n\n");
  return {
    ...markedSection("cmd", version, body),
    labels: files.flatMap(({ subroutines }) => subroutines.map((s) => s.label)),
  };
}
