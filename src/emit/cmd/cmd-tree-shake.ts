// Only the batch runtime a script reaches, as the PowerShell runtime is shaken: starting from
// the script's own text (everything that is not a cmd/runtime partial), keep every runtime
// subroutine it names, then every subroutine those name, until nothing new appears. A name is
// any kb_ word on a line that is not a rem line, so a label reached through a variable
// (set "KB_ST_READ=kb_clear_read", then call :%KB_ST_READ%) is kept too: the runtime never
// builds a label name from parts. cmd runs on from a label into the next one unless the code
// before it ends in exit or goto, so a kept subroutine that falls through keeps the next one.
import { EmitError, encodeStaticBlock, type StaticBlock } from "../bytes.js";

/** One subroutine: its label line up to the next label line. */
interface Subroutine {
  label: string;
  text: string;
  names: readonly string[];
  fallsThrough: boolean;
}

/** A runtime partial cut at its labels; `head` is the heading comment above the first one. */
interface RuntimeFile {
  head: string;
  subroutines: readonly Subroutine[];
  /** The file's text for each set of kept subroutines seen so far, by their indexes. */
  shaken: Map<string, StaticBlock>;
}

const RUNTIME_PARTIAL = /^cmd\/runtime\//;
const LABEL_LINE = /^:([A-Za-z0-9_]+)[ \t]*$/gm;
const NAME = /\bkb_[a-z0-9_]+\b/gi;
const REM_LINE = /^[ \t]*(?:rem\b|::).*$/gim;
const ENDS_RUN = /^[ \t]*(?:exit|goto)\b/i;

const files = new WeakMap<StaticBlock, RuntimeFile>();

export function isRuntimeBlock(piece: string | StaticBlock): piece is StaticBlock {
  return typeof piece !== "string" && RUNTIME_PARTIAL.test(piece.name);
}

/** The pieces of a rendered .fix.cmd with the runtime subroutines it never reaches left out. */
export function shakeCmdRuntime(
  pieces: readonly (string | StaticBlock)[],
): (string | StaticBlock)[] {
  const runtime = pieces.filter(isRuntimeBlock).map((block) => [block, fileOf(block)] as const);
  const kept = reachable(
    runtime.map(([, file]) => file),
    pieces.filter((p) => !isRuntimeBlock(p)),
  );
  const shaken = new Map(runtime.map(([block, file]) => [block, shakenBlock(block, file, kept)]));
  const out: (string | StaticBlock)[] = [];
  for (const piece of pieces) {
    const kept = isRuntimeBlock(piece) ? shaken.get(piece) : piece;
    if (kept) out.push(kept);
  }
  return out;
}

function namesIn(text: string): string[] {
  return (text.replace(REM_LINE, "").match(NAME) ?? []).map((n) => n.toLowerCase());
}

function reachable(
  runtime: readonly RuntimeFile[],
  body: readonly (string | StaticBlock)[],
): Set<Subroutine> {
  const byLabel = new Map<string, Subroutine>();
  const next = new Map<Subroutine, Subroutine>();
  for (const { subroutines } of runtime)
    subroutines.forEach((s, i) => {
      byLabel.set(s.label, s);
      if (s.fallsThrough && subroutines[i + 1]) next.set(s, subroutines[i + 1]!);
    });
  const kept = new Set<Subroutine>();
  const visit = (s: Subroutine | undefined): void => {
    if (!s || kept.has(s)) return;
    kept.add(s);
    for (const name of s.names) visit(byLabel.get(name));
    visit(next.get(s));
  };
  for (const piece of body)
    for (const name of namesIn(typeof piece === "string" ? piece : piece.text))
      visit(byLabel.get(name));
  return kept;
}

/** The block as it is, its kept subroutines under its heading, or nothing. */
function shakenBlock(
  block: StaticBlock,
  file: RuntimeFile,
  kept: Set<Subroutine>,
): StaticBlock | undefined {
  const keep = file.subroutines.map((s) => kept.has(s));
  if (keep.every(Boolean)) return block;
  if (!keep.some(Boolean)) return undefined;
  const key = keep.map(Number).join("");
  let shaken = file.shaken.get(key);
  if (!shaken) {
    const texts = file.subroutines.filter((s) => kept.has(s)).map((s) => s.text);
    const core = [file.head, ...texts].join("").replace(/\n+$/, "");
    shaken = encodeStaticBlock(core + block.text.slice(block.text.trimEnd().length), block.name);
    file.shaken.set(key, shaken);
  }
  return shaken;
}

/** The block cut at its labels, once per block (the partials are the same in every script). */
function fileOf(block: StaticBlock): RuntimeFile {
  let file = files.get(block);
  if (file) return file;
  const starts = [...block.text.matchAll(LABEL_LINE)].map((m) => m.index!);
  const head = block.text.slice(0, starts[0] ?? block.text.length);
  if (namesIn(head).length || head.replace(REM_LINE, "").trim())
    throw new EmitError(`${block.name}: only comments may come before its first label`);
  const subroutines = starts.map((start, i) => subroutineAt(block.text, start, starts[i + 1]));
  const last = subroutines[subroutines.length - 1];
  if (last?.fallsThrough)
    throw new EmitError(
      `${block.name}: :${last.label} runs on past the end of the file: end it with exit /b or goto`,
    );
  file = { head, subroutines, shaken: new Map() };
  files.set(block, file);
  return file;
}

function subroutineAt(text: string, start: number, end: number | undefined): Subroutine {
  const body = text.slice(start, end);
  const label = body.slice(1, body.search(/[ \t]*\n|$/)).toLowerCase();
  const code = body.replace(REM_LINE, "").split("\n").slice(1);
  const last = code.filter((line) => line.trim() !== "").pop() ?? "";
  return {
    label,
    text: end === undefined ? body.replace(/\n*$/, "\n") : body,
    names: namesIn(code.join("\n")),
    fallsThrough: !ENDS_RUN.test(last),
  };
}
