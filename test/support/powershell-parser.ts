// An independent PowerShell parser for the test suite: tree-sitter-powershell
// (wasm) for syntax, plus PowerShell's own tokenizer rules for verbatim strings,
// so tests never check the emitter with the emitter's own quoting code.
//
// What tree-sitter-powershell 0.26.4 does NOT check (measured; error-tolerant
// grammar, so absence of errors is not proof of validity):
// - It knows only ASCII ' as a single quote. PowerShell also ends and escapes
//   '...' with U+2018..U+201B; we add an error for literals it would split
//   differently (see stringDivergence). Curly double quotes (U+201C..U+201E) in
//   "..." and @"..."@ are not checked at all.
// - Semantic parse errors: try without catch/finally, duplicate hashtable keys,
//   duplicate parameters, `1 = 2`, `$a,$b += 1`, `1|1`, control leaving finally,
//   bare begin/process/end, `[ref][ref]$x`, bad "`u{...}" escapes.
// - PowerShell 7 only syntax (`a && b`) is accepted; `?:` and `??` are flagged.
// False errors it reports on valid code: an empty script, one of only comments
// or only a param block, an empty here-string, a NUL inside a string, switch clauses on
// one line without `;`, and strings opened by a curly quote.
import { createRequire } from "node:module";
import { Language, Parser, type Node, type Tree } from "web-tree-sitter";

export interface PsSyntaxError {
  line: number;
  column: number;
  text: string;
}

export interface PsStringLiteral {
  kind: "verbatim" | "expandable" | "here-verbatim" | "here-expandable";
  raw: string;
  /** Decoded for verbatim kinds; for expandable kinds the text between the delimiters, unexpanded. */
  value: string;
  line: number;
  column: number;
}

export interface PsParseResult {
  errors: PsSyntaxError[];
  strings: PsStringLiteral[];
  /** A web-tree-sitter Tree; freed by its finalizer, or call tree.delete(). */
  tree: unknown;
}

/** U+0027 and the four curly quotes PowerShell's tokenizer treats alike. */
const QUOTES = "'\u2018\u2019\u201A\u201B";
const isQuote = (c: string | undefined): boolean =>
  c !== undefined && c.length === 1 && QUOTES.includes(c);

const KINDS: Record<string, PsStringLiteral["kind"]> = {
  verbatim_string_characters: "verbatim",
  expandable_string_literal: "expandable",
  verbatim_here_string_characters: "here-verbatim",
  expandable_here_string_literal: "here-expandable",
};

let parser: Promise<Parser> | undefined;

/** One Parser for the whole process: loading the wasm costs far more than a parse. */
function getParser(): Promise<Parser> {
  return (parser ??= loadParser());
}

async function loadParser(): Promise<Parser> {
  await Parser.init();
  const require = createRequire(import.meta.url);
  const wasm = require.resolve("tree-sitter-powershell/tree-sitter-powershell.wasm");
  const p = new Parser();
  p.setLanguage(await Language.load(wasm));
  return p;
}

async function parseTree(source: string): Promise<Tree> {
  const tree = (await getParser()).parse(source);
  if (!tree) throw new Error("tree-sitter returned no tree");
  return tree;
}

/** Preorder over ERROR and MISSING nodes, entering only subtrees that hold one. */
function* errorNodes(node: Node): Generator<Node> {
  if (node.isError || node.isMissing) yield node;
  // An ERROR leaf reports hasError false, so test it directly.
  for (const child of node.children) {
    if (child.hasError || child.isError || child.isMissing) yield* errorNodes(child);
  }
}

// descendantsOfType runs inside the wasm: walking every node from JS made a
// 1,500-line parse (tree + strings) over twice as slow.
export async function parsePowerShell(source: string): Promise<PsParseResult> {
  const tree = await parseTree(source);
  const errors = tree.rootNode.hasError ? [...errorNodes(tree.rootNode)].map(syntaxError) : [];
  const strings: PsStringLiteral[] = [];
  for (const node of tree.rootNode.descendantsOfType(Object.keys(KINDS))) {
    const kind = KINDS[node.type]!;
    const reason = stringDivergence(node, kind, source);
    if (reason) errors.push({ ...position(node), text: reason });
    else
      strings.push({
        kind,
        raw: node.text,
        value: stringValue(kind, node.text),
        ...position(node),
      });
  }
  return { errors, strings, tree };
}

function position(node: Node): { line: number; column: number } {
  return { line: node.startPosition.row + 1, column: node.startPosition.column + 1 };
}

function syntaxError(node: Node): PsSyntaxError {
  const text = node.isMissing ? `missing ${node.type}` : node.text;
  return { ...position(node), text: text.length > 60 ? `${text.slice(0, 57)}...` : text };
}

/** Why PowerShell would tokenize this literal differently from tree-sitter, if it would. */
function stringDivergence(
  node: Node,
  kind: PsStringLiteral["kind"],
  source: string,
): string | undefined {
  if (kind === "verbatim") {
    if (isQuote(source[node.endIndex]))
      return "PowerShell reads the quote after this string as an escaped quote";
    try {
      decodeVerbatimString(node.text);
    } catch (e) {
      return (e as Error).message;
    }
  }
  if (kind === "here-verbatim" && /(^|[\r\n])[\u2018-\u201B]@/.test(hereBody(node.text))) {
    return "PowerShell ends this here-string at a curly-quote footer";
  }
  return undefined;
}

function stringValue(kind: PsStringLiteral["kind"], raw: string): string {
  if (kind === "verbatim") return decodeVerbatimString(raw);
  if (kind === "expandable") return raw.slice(1, -1);
  return hereBody(raw);
}

/** Here-string text between the header line and the newline before the footer, newlines kept as written. */
function hereBody(raw: string): string {
  return raw.replace(/^@.[^\S\r\n]*(\r\n|\r|\n)/, "").replace(/(\r\n|\r|\n).@$/, "");
}

/**
 * Decodes a '...' literal as PowerShell's tokenizer does: any of the five
 * single-quote characters opens and closes it, and inside, two in a row stand
 * for the second one. Throws where PowerShell would end the string early.
 */
export function decodeVerbatimString(raw: string): string {
  if (raw.length < 2 || !isQuote(raw[0]) || !isQuote(raw[raw.length - 1])) {
    throw new Error(`not a verbatim string literal: ${raw.slice(0, 40)}`);
  }
  const last = raw.length - 1;
  let out = "";
  for (let i = 1; i < last; i++) {
    if (!isQuote(raw[i])) {
      out += raw[i];
    } else if (i + 1 < last && isQuote(raw[i + 1])) {
      out += raw[++i];
    } else {
      throw new Error(`PowerShell ends this string at the lone quote at offset ${i}`);
    }
  }
  return out;
}

const BASE64_CALL =
  /^\[(system\.)?text\.encoding\]::utf8\.getstring\(\[(system\.)?convert\]::frombase64string\(\uE000\)\)$/;

/**
 * Variable name (without `$`) -> value for `$name = '<literal>'` and
 * `$name = ([System.Text.Encoding]::UTF8.GetString([System.Convert]::FromBase64String('<base64>')))`.
 * Later assignments win; anything else (casts, +=, expressions) is skipped.
 */
export async function extractAssignedLiterals(source: string): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const node of (await parseTree(source)).rootNode.descendantsOfType(
    "assignment_expression",
  )) {
    if (node.hasError) continue;
    const [left, op, right] = node.children;
    const variable = left && unwrap(left);
    if (variable?.type !== "variable" || op?.text !== "=" || !right) continue;
    const value = assignedValue(right);
    if (value !== undefined) found.set(variable.text.replace(/^\$\{?|\}$/g, ""), value);
  }
  return found;
}

/** Descends through the grammar's single-child precedence wrappers (stopping at `variable`, which wraps `${...}`). */
function unwrap(node: Node): Node {
  while (node.type !== "variable" && node.childCount === 1 && node.firstChild)
    node = node.firstChild;
  return node;
}

function assignedValue(right: Node): string | undefined {
  const inner = unwrap(right);
  if (inner.type === "verbatim_string_characters") return decodeVerbatimString(inner.text);
  const literals = right.descendantsOfType("verbatim_string_characters");
  const literal = literals.length === 1 ? literals[0] : undefined;
  if (!literal) return undefined;
  const start = literal.startIndex - right.startIndex;
  const shape =
    right.text.slice(0, start) + "\uE000" + right.text.slice(start + literal.text.length);
  const call = shape
    .replace(/\s+/g, "")
    .toLowerCase()
    .replace(/^\((.*)\)$/, "$1");
  return BASE64_CALL.test(call) ? decodeBase64Utf8(decodeVerbatimString(literal.text)) : undefined;
}

/** Strict like [Convert]::FromBase64String (bar whitespace); invalid UTF-8 becomes U+FFFD, BOM kept, as in .NET. */
function decodeBase64Utf8(b64: string): string {
  const compact = b64.replace(/\s+/g, "");
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) {
    throw new Error(`invalid base64 literal: ${b64.slice(0, 40)}`);
  }
  return Buffer.from(compact, "base64").toString("utf8");
}
