// A runtime file cut into the pieces the tree-shaker keeps or drops: the file's
// heading comment, blocks of script-level variables, and functions (each with
// the comment lines directly above it). The runtime files follow one layout
// (docs/runtime.md): `function Name {` and its closing `}` at column 0.

export interface RuntimeUnit {
  /** Runtime file name, e.g. "paths" or "steps/rename". */
  file: string;
  /** heading: the file's opening comment; comment: a section title above the next unit. */
  kind: "heading" | "comment" | "variables" | "function";
  /** The function's name, or the $script: variables the block assigns. */
  defines: string[];
  /** The block as written in templates/ps1/runtime, comments included. */
  text: string;
  /**
   * The block as an emitted script carries it (shippedText): the code without its whole-line
   * comments, two spaces per level; a file heading keeps its first line, a section comment nothing.
   */
  shipped: string;
}

const FUNCTION_START = /^function ([A-Za-z]+-Kb[A-Za-z0-9]+) \{$/;
const VARIABLE_ASSIGNED = /^\$script:(Kb[A-Za-z0-9]+)\s*=/;

export function runtimeUnits(file: string, source: string): RuntimeUnit[] {
  const lines = source.replace(/\r\n?/g, "\n").replace(/\n+$/, "").split("\n");
  const units: RuntimeUnit[] = [];
  let i = 0;
  while (i < lines.length) {
    if (lines[i] === "") {
      i++;
      continue;
    }
    const end = blockEnd(lines, i, file);
    units.push(unitOf(file, lines.slice(i, end), units.length === 0));
    i = end;
  }
  return units;
}

/** A block runs to the next blank line, or to the closing brace of a function it contains. */
function blockEnd(lines: string[], start: number, file: string): number {
  let i = start;
  while (i < lines.length && lines[i]!.startsWith("#")) i++;
  if (i < lines.length && FUNCTION_START.test(lines[i]!)) {
    const close = lines.indexOf("}", i);
    if (close < 0) throw new Error(`runtime ${file}: '${lines[i]}' has no closing '}' line`);
    return close + 1;
  }
  while (i < lines.length && lines[i] !== "") {
    if (FUNCTION_START.test(lines[i]!))
      throw new Error(`runtime ${file}: '${lines[i]}' must follow a blank line`);
    i++;
  }
  return i;
}

function unitOf(file: string, block: string[], first: boolean): RuntimeUnit {
  const text = block.join("\n");
  const unit = (kind: RuntimeUnit["kind"], defines: string[]): RuntimeUnit => ({
    file,
    kind,
    defines,
    text,
    shipped: shippedText(file, kind, block),
  });
  const fn = block.map((l) => FUNCTION_START.exec(l)).find((m) => m);
  if (fn) return unit("function", [fn[1]!]);
  const variables = block.flatMap((l) => VARIABLE_ASSIGNED.exec(l)?.[1] ?? []);
  if (variables.length) return unit("variables", variables);
  if (block.every((l) => l.startsWith("#"))) return unit(first ? "heading" : "comment", []);
  throw new Error(`runtime ${file}: a block that is neither a function nor variables: ${block[0]}`);
}

/** A line that is only a comment (the runtime has no here-strings, so no string starts with '#'). */
const COMMENT_ONLY = /^[ \t]*#/;

/**
 * What an emitted script carries of a block: code, not explanations. The comments stay in
 * templates/ps1/runtime, the reviewed source; the hash on the marker line covers the shipped
 * lines, and the test that re-derives every script's runtime from templates/ strips them the
 * same way (docs/runtime.md). A file heading becomes the file's name: where to read them.
 */
function shippedText(file: string, kind: RuntimeUnit["kind"], block: string[]): string {
  if (kind === "heading") return `# ---- ${file}.ps1 ----`;
  if (kind === "comment") return "";
  return block
    .filter((l) => !COMMENT_ONLY.test(l))
    .map((l) => shippedIndent(file, l))
    .join("\n");
}

/** Four spaces per level in templates/, as written. */
const TEMPLATE_LEVEL = /^(?: {4})*/;

/**
 * Two spaces per level in the script: the runtime is checked by its hash rather than re-read, and
 * the bytes count against the deployment routes' size limits. Safe because no token of the
 * runtime spans lines (no here-string, multi-line string or block comment: test/ps/ps-parse),
 * so a line's leading spaces are never inside a string.
 */
function shippedIndent(file: string, line: string): string {
  const indent = TEMPLATE_LEVEL.exec(line)![0].length;
  if (line[indent] === " " || line[indent] === "\t")
    throw new Error(`runtime ${file}: indent by four spaces per level: '${line.trim()}'`);
  return line.slice(indent / 2);
}
