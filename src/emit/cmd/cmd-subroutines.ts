// A batch runtime file cut at its labels. cmd runs on from a label into the next one unless
// the code before it ends in exit or goto, so each subroutine records whether it falls
// through, and the names of the subroutines it reaches: every kb_ word outside rem lines
// (a label reached through a variable, set "KB_ST_READ=kb_clear_read", is named whole too).
import { EmitError } from "../bytes.js";

/** One subroutine: its label line up to the next label line. */
export interface Subroutine {
  /** Lower case, as every reference to it is written (cmd would match any case). */
  label: string;
  text: string;
  names: readonly string[];
  fallsThrough: boolean;
}

export interface CmdRuntimeFile {
  /** Path under templates/cmd/runtime without .cmd (log, steps/rename). */
  name: string;
  /** The heading comment above the first label. */
  head: string;
  subroutines: readonly Subroutine[];
}

const LABEL_LINE = /^:([A-Za-z0-9_]+)[ \t]*$/gm;
/**
 * Lower case only: the runtime's labels, and every reference to them, are written in lower
 * case (a test holds every emitted script to it), so the many KB_ variables never match.
 */
const NAME = /\bkb_[a-z0-9_]+\b/g;
const REM_LINE = /^[ \t]*(?:rem\b|::).*$/gim;
const REM_START = /^[ \t]*(?:rem\b|::)/i;
/** A plain exit or goto: one with a parenthesis may end a block (if ... ( goto :x)), not the run. */
const ENDS_RUN = /^[ \t]*(?:exit|goto)\b[^()]*$/i;
/** A label cmd would find that LABEL_LINE does not cut at: indented, or with text after it. */
const UNCUT_LABEL = /^(?:[ \t]+:[A-Za-z0-9_]+.*|:[A-Za-z0-9_]+[ \t]+\S.*)$/m;

/** The subroutine names a text holds outside its rem lines. */
export function subroutineNamesIn(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(NAME)) {
    const lineStart = text.lastIndexOf("\n", match.index) + 1;
    if (!REM_START.test(text.slice(lineStart, match.index))) names.push(match[0]);
  }
  return names;
}

/** A runtime file (LF line ends) cut at its labels; what the shaker could not cut is refused. */
export function cmdRuntimeFile(name: string, text: string): CmdRuntimeFile {
  const uncut = UNCUT_LABEL.exec(text.replace(REM_LINE, ""));
  if (uncut)
    throw new EmitError(
      `cmd runtime ${name}: '${uncut[0].trim()}': write a label alone at the start of its line`,
    );
  const starts = [...text.matchAll(LABEL_LINE)].map((m) => m.index!);
  const head = text.slice(0, starts[0] ?? text.length);
  if (head.replace(REM_LINE, "").trim())
    throw new EmitError(`cmd runtime ${name}: only comments may come before its first label`);
  const subroutines = starts.map((start, i) => subroutineAt(text, start, starts[i + 1]));
  const last = subroutines[subroutines.length - 1];
  if (last?.fallsThrough)
    throw new EmitError(
      `cmd runtime ${name}: :${last.label} runs on past the end of the file: end it with exit /b or goto`,
    );
  return { name, head, subroutines };
}

function subroutineAt(text: string, start: number, end: number | undefined): Subroutine {
  const body = text.slice(start, end);
  const label = body.slice(1, body.search(/[ \t]*\n|$/));
  if (label !== label.toLowerCase())
    throw new EmitError(`cmd runtime: write the label :${label} in lower case, as its callers do`);
  const code = body.replace(REM_LINE, "").split("\n").slice(1);
  const last = code.filter((line) => line.trim() !== "").pop() ?? "";
  return {
    label,
    text: body,
    names: subroutineNamesIn(code.join("\n")),
    fallsThrough: !ENDS_RUN.test(last),
  };
}
