// The SourceMap of a loaded playbook: offsets recorded by the event walk,
// turned into line/column spans only when someone asks.
import type { Span } from "../diagnostic.js";
import type { LineIndex } from "./line-index.js";
import { parentPointer, type SourceMap } from "./source-map.js";
import type { NodeRange } from "./yaml-walk.js";

const FILE_START: Span = { line: 1, column: 1, endLine: 1, endColumn: 1 };

export class OffsetSourceMap implements SourceMap {
  constructor(
    private readonly ranges: ReadonlyMap<string, NodeRange>,
    private readonly lines: LineIndex,
  ) {}

  value(pointer: string): Span {
    const range = this.nearest(pointer);
    return range ? this.lines.span(range.start, range.end) : { ...FILE_START };
  }

  key(pointer: string): Span {
    const range = this.ranges.get(pointer);
    if (range && range.keyStart >= 0) return this.lines.span(range.keyStart, range.keyEnd);
    return this.value(pointer);
  }

  /** The range at `pointer`, else at its closest recorded ancestor. */
  private nearest(pointer: string): NodeRange | undefined {
    for (let p = pointer; ; p = parentPointer(p)) {
      const range = this.ranges.get(p);
      if (range || p === "") return range;
    }
  }
}

/** For results without a document: everything is at the start of the file. */
export const emptySourceMap: SourceMap = {
  value: () => ({ ...FILE_START }),
  key: () => ({ ...FILE_START }),
};
