// The rules the event walk (yaml-walk.ts) enforces, each with its diagnostic
// code and wording. A broken rule throws Stop: the walk ends at the first one,
// like js-yaml itself, so later reports never stem from an earlier mistake.
import type { DiagnosticCode } from "../diagnostic-codes.js";
export const MAX_DEPTH = 64;
export const MAX_ALIASES = 100;
/** Nodes that aliases may add by repetition; a billion-laughs file hits it within ~6 levels. */
export const MAX_ALIAS_EXPANSION = 100_000;

export interface WalkProblem {
  code: DiagnosticCode;
  message: string;
  hint?: string;
  start: number;
  end: number;
}

export class Stop {
  constructor(readonly problem: WalkProblem) {}
}

function stop(
  code: DiagnosticCode,
  message: string,
  hint: string,
  start: number,
  end: number,
): never {
  throw new Stop({ code, message, hint, start, end });
}

const VALUE_TAGS = new Set([
  "!",
  "!!str",
  "!!int",
  "!!float",
  "!!bool",
  "!!null",
  "!!seq",
  "!!map",
]);
const KEY_TAGS = new Set(["!", "!!str"]);

/** Core-schema tags only: nothing custom, nothing that constructs objects or code. */
export function checkTag(tag: string, isKey: boolean, start: number, end: number): void {
  if ((isKey ? KEY_TAGS : VALUE_TAGS).has(tag)) return;
  const message = isKey ? `a mapping key cannot be tagged ${tag}` : `tag ${tag} is not allowed`;
  const hint = "remove the tag: playbooks hold plain text, numbers, booleans, lists and mappings";
  stop("yaml-tag", message, hint, start, end);
}

export function checkDepth(depth: number, start: number): void {
  if (depth <= MAX_DEPTH) return;
  const message = `nesting is deeper than ${MAX_DEPTH} levels`;
  stop("yaml-too-deep", message, "flatten the structure", start, start + 1);
}

export function complexKey(start: number): never {
  const message = "a mapping key must be text, not a list, mapping or alias";
  stop("yaml-complex-key", message, "write the key as plain text: `name: value`", start, start + 1);
}

/** `written` is the key as spelled; `name` what it means (`1.0:` is the key "1"). */
export function duplicateKey(
  name: string,
  written: string,
  firstLine: number,
  start: number,
  end: number,
): never {
  const alias = written === name ? "" : `, read as "${name}"`;
  const message = `duplicate key "${written}"${alias} (first defined on line ${firstLine})`;
  stop("yaml-duplicate-key", message, "remove or rename one of the two keys", start, end);
}

export function multipleDocuments(start: number, end: number): never {
  const message = "a second YAML document starts here; a playbook file holds exactly one";
  const hint = "put each playbook in its own file, or remove the extra '---'";
  stop("multiple-documents", message, hint, start, end);
}

const OPEN = -1;

/** Anchors and what aliasing them costs, so a tiny file cannot expand into a huge tree. */
export class AliasLedger {
  private readonly sizes = new Map<string, number>();
  private count = 0;
  private expansion = 0;

  /** A collection anchor is open until its end: an alias to it would make a cycle. */
  open(name: string): void {
    this.sizes.set(name, OPEN);
  }

  /** `size` counts nodes with aliases expanded. */
  define(name: string, size: number): void {
    this.sizes.set(name, size);
  }

  /** The expanded size of the anchor `name`; `*` is at `start`. */
  use(name: string, start: number, end: number): number {
    const hint = "repeat the content instead of aliasing it so much";
    if (++this.count > MAX_ALIASES) {
      stop("yaml-alias-limit", `more than ${MAX_ALIASES} aliases in one file`, hint, start, end);
    }
    const size = this.sizes.get(name);
    if (size === undefined) {
      const message = `alias *${name} has no anchor &${name} before it`;
      stop("yaml-unknown-alias", message, "define the anchor before using it", start, end);
    }
    if (size === OPEN) {
      const message = `alias *${name} is inside the collection it refers to`;
      stop("yaml-recursive-alias", message, "a value cannot contain itself", start, end);
    }
    this.expansion += size;
    if (this.expansion > MAX_ALIAS_EXPANSION) {
      const message = `aliases expand to more than ${MAX_ALIAS_EXPANSION} nodes (an "alias bomb")`;
      stop("yaml-alias-limit", message, hint, start, end);
    }
    return size;
  }
}
