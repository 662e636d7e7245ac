// One pass over js-yaml's parser events, before anything is constructed:
// records where every key and value sits (by JSON pointer), and enforces what
// js-yaml's constructor does not (see yaml-limits.ts).
import { EVENT_ID, SCALAR_STYLE, getScalarValue, type Event, type Schema } from "js-yaml";
import type { AliasEvent, ScalarEvent } from "js-yaml";
import type { LineIndex } from "./line-index.js";
import { pointerOf } from "./source-map.js";
import {
  AliasLedger,
  Stop,
  checkDepth,
  checkTag,
  complexKey,
  duplicateKey,
} from "./yaml-limits.js";
import { multipleDocuments, type WalkProblem } from "./yaml-limits.js";
import { closingBracketEnd, documentMarkers, eventStart, scalarRange } from "./yaml-spans.js";

/** Offsets [start, end); keyStart/keyEnd are -1 for a node that is not a mapping value. */
export interface NodeRange {
  start: number;
  end: number;
  keyStart: number;
  keyEnd: number;
}

export type RootKind = "none" | "empty" | "mapping" | "sequence" | "scalar";

export interface WalkResult {
  ranges: Map<string, NodeRange>;
  rootKind: RootKind;
  problem?: WalkProblem;
}

type NodeEvent = Exclude<Event, { type: typeof EVENT_ID.DOCUMENT | typeof EVENT_ID.POP }>;
type CollectionEvent = Extract<NodeEvent, { start: number }>;
type Key = { pointer: string; start: number; end: number };

interface Frame {
  kind: "document" | "mapping" | "sequence";
  pointer: string;
  range: NodeRange | undefined;
  /** Written as `[...]`/`{...}`, so it ends at its closing bracket. */
  bracketed: boolean;
  depth: number;
  index: number;
  /** A mapping's key still waiting for its value. */
  key: Key | undefined;
  anchor: string | undefined;
  /** Node count with aliases expanded, for the alias ledger. */
  size: number;
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
  private readonly aliases = new AliasLedger();
  /** End of the last token seen: where block headers and closing brackets are searched from. */
  private cursor = 0;
  private documents = 0;
  private firstDocumentExplicit = false;

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
    if (marker !== undefined) multipleDocuments(marker, marker + 3);
    const start = eventStart(next) ?? this.cursor; // after `...`, without `---`
    multipleDocuments(start, start + 1);
  }

  private node(event: NodeEvent): void {
    const parent = this.top();
    const isKey = parent.kind === "mapping" && !parent.key;
    if (event.type !== EVENT_ID.ALIAS && event.tagStart >= 0) {
      checkTag(this.slice(event.tagStart, event.tagEnd), isKey, event.tagStart, event.tagEnd);
    }
    if (isKey) return this.key(parent, event);
    const key = parent.key;
    parent.key = undefined;
    const pointer =
      key?.pointer ?? (parent.kind === "sequence" ? `${parent.pointer}/${parent.index++}` : "");
    if (event.type === EVENT_ID.SCALAR) this.scalar(event, parent, pointer, key);
    else if (event.type === EVENT_ID.ALIAS) this.alias(event, parent, pointer, key);
    else this.open(event, parent, pointer, key);
  }

  private key(parent: Frame, event: NodeEvent): void {
    if (event.type !== EVENT_ID.SCALAR) complexKey(eventStart(event) ?? this.cursor);
    const [start, end] = scalarRange(this.text, event, this.cursor) ?? [this.cursor, this.cursor];
    const written = getScalarValue(this.text, event);
    const name = this.keyName(event, written);
    const pointer = parent.pointer + (/[~/]/.test(name) ? pointerOf([name]) : `/${name}`);
    const first = this.ranges.get(pointer);
    if (first) duplicateKey(name, written, this.lines.position(first.keyStart).line, start, end);
    parent.key = { pointer, start, end };
    parent.size++;
    if (event.anchorStart >= 0)
      this.aliases.define(this.slice(event.anchorStart, event.anchorEnd), 1);
    this.cursor = end;
  }

  /** The name js-yaml's object map gives the key: quoted as written, plain resolved (`1:` is "1"). */
  private keyName(event: ScalarEvent, raw: string): string {
    if (event.style !== SCALAR_STYLE.PLAIN || event.tagStart >= 0) return raw;
    return String(this.schema.resolveImplicitScalarTag(raw).value);
  }

  private scalar(event: ScalarEvent, parent: Frame, pointer: string, key: Key | undefined): void {
    const range = scalarRange(this.text, event, this.cursor);
    if (parent.kind === "document") this.rootKind = range ? "scalar" : "empty";
    // An empty value points at its key; an empty list item falls back to its list.
    if (range) this.register(pointer, range[0], range[1], key);
    else if (key) this.register(pointer, key.start, key.end, key);
    if (event.anchorStart >= 0)
      this.aliases.define(this.slice(event.anchorStart, event.anchorEnd), 1);
    parent.size++;
    if (range) this.cursor = range[1];
  }

  private alias(event: AliasEvent, parent: Frame, pointer: string, key: Key | undefined): void {
    const { anchorStart, anchorEnd } = event;
    const size = this.aliases.use(this.slice(anchorStart, anchorEnd), anchorStart - 1, anchorEnd);
    this.register(pointer, anchorStart - 1, anchorEnd, key);
    parent.size += size;
    this.cursor = anchorEnd;
  }

  private open(event: CollectionEvent, parent: Frame, pointer: string, key: Key | undefined): void {
    const depth = parent.depth + 1;
    checkDepth(depth, event.start);
    const kind = event.type === EVENT_ID.MAPPING ? "mapping" : "sequence";
    if (parent.kind === "document") this.rootKind = kind;
    const range = this.register(pointer, event.start, event.start, key);
    const opener = this.text[event.start];
    const child = frame(kind, pointer, range, opener === "[" || opener === "{", depth);
    if (event.anchorStart >= 0) {
      child.anchor = this.slice(event.anchorStart, event.anchorEnd);
      this.aliases.open(child.anchor);
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
    if (done.anchor !== undefined) this.aliases.define(done.anchor, done.size);
    this.top().size += done.size;
  }

  private slice(start: number, end: number): string {
    return this.text.slice(start, end);
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
  return {
    kind,
    pointer,
    range,
    bracketed,
    depth,
    index: 0,
    key: undefined,
    anchor: undefined,
    size: 1,
  };
}
