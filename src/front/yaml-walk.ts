// One pass over js-yaml's parser events, before anything is constructed:
// records where every key and value sits (by JSON pointer) and enforces what
// js-yaml's constructor does not: nesting depth, alias count and expansion,
// recursive aliases, tags, scalar keys, and duplicate keys with both lines.
import { EVENT_ID, SCALAR_STYLE, getScalarValue, type Event, type ScalarEvent, type Schema } from "js-yaml";
import { pointerOf } from "./source-map.js";
import type { LineIndex } from "./line-index.js";
import { closingBracketEnd, documentMarkers, eventStart, scalarRange } from "./yaml-spans.js";

export const MAX_DEPTH = 64;
export const MAX_ALIASES = 100;
/** Nodes that aliases may add by repetition; a billion-laughs file hits it within ~6 levels. */
export const MAX_ALIAS_EXPANSION = 100_000;

/** Offsets [start, end); keyStart/keyEnd are -1 for a node that is not a mapping value. */
export interface NodeRange {
  start: number;
  end: number;
  keyStart: number;
  keyEnd: number;
}

export interface WalkProblem {
  code: string;
  message: string;
  hint?: string;
  start: number;
  end: number;
}

export type RootKind = "none" | "empty" | "mapping" | "sequence" | "scalar";

export interface WalkResult {
  ranges: Map<string, NodeRange>;
  rootKind: RootKind;
  problem?: WalkProblem;
}

type NodeEvent = Exclude<Event, { type: typeof EVENT_ID.DOCUMENT | typeof EVENT_ID.POP }>;
type Key = { pointer: string; start: number; end: number };

interface Frame {
  kind: "document" | "mapping" | "sequence";
  pointer: string;
  range: NodeRange | undefined;
  /** Written as `[...]`/`{...}`, so it ends at its closing bracket. */
  bracketed: boolean;
  depth: number;
  index: number;
  key: Key | undefined;
  anchor: string | undefined;
  /** Node count with aliases expanded, for alias-bomb accounting. */
  size: number;
}

const ALLOWED_TAGS = new Set(["!", "!!str", "!!int", "!!float", "!!bool", "!!null", "!!seq", "!!map"]);
const KEY_TAGS = new Set(["!", "!!str"]);
const OPEN = -1;

class Stop {
  constructor(readonly problem: WalkProblem) {}
}

function stop(code: string, message: string, hint: string, start: number, end = start + 1): never {
  throw new Stop({ code, message, hint, start, end });
}

export function walkEvents(
  text: string,
  events: readonly Event[],
  lines: LineIndex,
  schema: Schema,
): WalkResult {
  const walker = new Walker(text, lines, schema);
  try {
    events.forEach((event, i) => walker.step(event, events[i + 1]));
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    return { ranges: walker.ranges, rootKind: walker.rootKind, problem: error.problem };
  }
  return { ranges: walker.ranges, rootKind: walker.rootKind };
}

class Walker {
  readonly ranges = new Map<string, NodeRange>();
  rootKind: RootKind = "none";
  private readonly frames: Frame[] = [];
  /** End of the last token seen: where a block header or closing bracket search starts. */
  private cursor = 0;
  private documents = 0;
  private firstDocumentExplicit = false;
  private aliases = 0;
  private expansion = 0;
  private readonly anchors = new Map<string, number>();

  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
    private readonly schema: Schema,
  ) {}

  step(event: Event, next: Event | undefined): void {
    if (event.type === EVENT_ID.DOCUMENT) this.document(event.explicitStart, next);
    else if (event.type === EVENT_ID.POP) this.pop();
    else this.node(event);
  }

  private document(explicitStart: boolean, next: Event | undefined): void {
    if (++this.documents === 1) {
      this.firstDocumentExplicit = explicitStart;
      this.frames.push(frame("document", "", undefined, false, 0));
      return;
    }
    const marker = documentMarkers(this.text)[this.firstDocumentExplicit ? 1 : 0];
    const start = marker ?? eventStart(next) ?? this.cursor;
    const message = "a second YAML document starts here; a playbook file holds exactly one";
    const hint = "put each playbook in its own file, or remove the extra '---'";
    stop("multiple-documents", message, hint, start, marker === undefined ? start : start + 3);
  }

  private node(event: NodeEvent): void {
    this.checkTag(event);
    const parent = this.top();
    if (parent.kind === "mapping" && !parent.key) return this.key(parent, event);
    const key = parent.key;
    parent.key = undefined;
    const pointer = key ? key.pointer : parent.kind === "sequence" ? `${parent.pointer}/${parent.index++}` : "";
    if (event.type === EVENT_ID.SCALAR) this.scalar(event, parent, pointer, key);
    else if (event.type === EVENT_ID.ALIAS) this.alias(event.anchorStart, event.anchorEnd, parent, pointer, key);
    else this.open(event, parent, pointer, key);
  }

  private key(parent: Frame, event: NodeEvent): void {
    if (event.type !== EVENT_ID.SCALAR) {
      const start = eventStart(event) ?? this.cursor;
      const hint = "write the key as plain text, e.g. `name: value`";
      stop("yaml-complex-key", "mapping keys must be text, not a list, mapping or alias", hint, start);
    }
    const [start, end] = scalarRange(this.text, event, this.cursor) ?? [this.cursor, this.cursor];
    if (event.tagStart >= 0 && !KEY_TAGS.has(this.tagOf(event))) {
      stop("yaml-tag", "a mapping key can only be tagged !!str", "remove the tag", event.tagStart, event.tagEnd);
    }
    const name = this.keyName(event);
    const pointer = parent.pointer + (/[~/]/.test(name) ? pointerOf([name]) : `/${name}`);
    const first = this.ranges.get(pointer);
    if (first) {
      const line = this.lines.position(first.keyStart).line;
      const message = `duplicate key "${name}" (first defined on line ${line})`;
      stop("yaml-duplicate-key", message, "remove or rename one of the two keys", start, end);
    }
    parent.key = { pointer, start, end };
    parent.size++;
    if (event.anchorStart >= 0) this.anchors.set(this.anchorName(event), 1);
    this.cursor = end;
  }

  /** The string js-yaml's object map uses: quoted keys as written, plain ones resolved (`1:` is "1"). */
  private keyName(event: ScalarEvent): string {
    const raw = getScalarValue(this.text, event);
    if (event.style !== SCALAR_STYLE.PLAIN || event.tagStart >= 0) return raw;
    return String(this.schema.resolveImplicitScalarTag(raw).value);
  }

  private scalar(event: ScalarEvent, parent: Frame, pointer: string, key: Key | undefined): void {
    const range = scalarRange(this.text, event, this.cursor);
    if (parent.kind === "document") this.rootKind = range ? "scalar" : "empty";
    // An empty value points at its key; an empty list item at its list.
    if (range) this.register(pointer, range[0], range[1], key);
    else if (key) this.register(pointer, key.start, key.end, key);
    if (event.anchorStart >= 0) this.anchors.set(this.anchorName(event), 1);
    parent.size++;
    if (range) this.cursor = range[1];
  }

  private alias(anchorStart: number, anchorEnd: number, parent: Frame, pointer: string, key: Key | undefined): void {
    const start = anchorStart - 1; // the `*`
    const name = this.text.slice(anchorStart, anchorEnd);
    const hint = "repeat the content instead of using so many aliases";
    if (++this.aliases > MAX_ALIASES) {
      stop("yaml-alias-limit", `more than ${MAX_ALIASES} aliases in one file`, hint, start, anchorEnd);
    }
    const size = this.anchors.get(name);
    if (size === undefined) {
      const message = `alias *${name} has no anchor &${name} before it`;
      stop("yaml-unknown-alias", message, "define the anchor before using it", start, anchorEnd);
    }
    if (size === OPEN) {
      const message = `alias *${name} refers to a collection that contains it`;
      stop("yaml-recursive-alias", message, "a playbook cannot contain itself; remove the alias", start, anchorEnd);
    }
    this.expansion += size;
    if (this.expansion > MAX_ALIAS_EXPANSION) {
      const message = `aliases expand to more than ${MAX_ALIAS_EXPANSION} nodes (an "alias bomb")`;
      stop("yaml-alias-limit", message, hint, start, anchorEnd);
    }
    this.register(pointer, start, anchorEnd, key);
    parent.size += size;
    this.cursor = anchorEnd;
  }

  private open(event: NodeEvent & { start: number }, parent: Frame, pointer: string, key: Key | undefined): void {
    const depth = parent.depth + 1;
    if (depth > MAX_DEPTH) {
      const hint = "flatten the structure";
      stop("yaml-too-deep", `nesting is deeper than ${MAX_DEPTH} levels`, hint, event.start, event.start + 1);
    }
    const kind = event.type === EVENT_ID.MAPPING ? "mapping" : "sequence";
    if (parent.kind === "document") this.rootKind = kind;
    const range = this.register(pointer, event.start, event.start, key);
    const opener = this.text[event.start];
    const child = frame(kind, pointer, range, opener === "[" || opener === "{", depth);
    if (event.anchorStart >= 0) {
      child.anchor = this.anchorName(event);
      this.anchors.set(child.anchor, OPEN);
    }
    this.frames.push(child);
    this.cursor = child.bracketed ? event.start + 1 : event.start;
  }

  private pop(): void {
    const done = this.frames.pop();
    if (!done?.range) return; // a document
    const end = done.bracketed ? closingBracketEnd(this.text, this.cursor) : this.cursor;
    done.range.end = end;
    this.cursor = end;
    if (done.anchor !== undefined) this.anchors.set(done.anchor, done.size);
    this.top().size += done.size;
  }

  private checkTag(event: NodeEvent): void {
    if (event.type === EVENT_ID.ALIAS || event.tagStart < 0) return;
    const tag = this.tagOf(event);
    if (ALLOWED_TAGS.has(tag)) return;
    const hint = "remove the tag: playbooks hold plain text, numbers, booleans, lists and mappings";
    stop("yaml-tag", `tag ${tag} is not allowed`, hint, event.tagStart, event.tagEnd);
  }

  private tagOf(event: { tagStart: number; tagEnd: number }): string {
    return this.text.slice(event.tagStart, event.tagEnd);
  }

  private anchorName(event: { anchorStart: number; anchorEnd: number }): string {
    return this.text.slice(event.anchorStart, event.anchorEnd);
  }

  private register(pointer: string, start: number, end: number, key: Key | undefined): NodeRange {
    const range = { start, end, keyStart: key ? key.start : -1, keyEnd: key ? key.end : -1 };
    this.ranges.set(pointer, range);
    return range;
  }

  private top(): Frame {
    const top = this.frames[this.frames.length - 1];
    if (!top) throw new Error("js-yaml event stream is unbalanced");
    return top;
  }
}

function frame(
  kind: Frame["kind"],
  pointer: string,
  range: NodeRange | undefined,
  bracketed: boolean,
  depth: number,
): Frame {
  return { kind, pointer, range, bracketed, depth, index: 0, key: undefined, anchor: undefined, size: 1 };
}
