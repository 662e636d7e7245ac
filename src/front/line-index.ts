// Turns 0-based offsets into 1-based line/column spans. Line breaks are LF,
// CRLF and lone CR, as in YAML (and js-yaml's own error marks). Columns count
// UTF-16 code units, like js-yaml offsets and most editors.
import type { Span } from "../diagnostic.js";

export interface Position {
  line: number;
  column: number;
}

export class LineIndex {
  private starts: number[] | undefined;

  constructor(private readonly text: string) {}

  /** Built on first use: a clean load never pays for it. */
  private lineStarts(): number[] {
    if (this.starts) return this.starts;
    // A native regex scan: a hand-written char loop costs ~10 ms in a cold CLI process.
    const starts = [0];
    const breaks = /\r\n?|\n/g;
    for (let m = breaks.exec(this.text); m; m = breaks.exec(this.text))
      starts.push(m.index + m[0].length);
    this.starts = starts;
    return starts;
  }

  position(offset: number): Position {
    const starts = this.lineStarts();
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
  }

  /** Offset where 1-based `line` starts (the text's end past the last line). */
  lineStart(line: number): number {
    return this.lineStarts()[line - 1] ?? this.text.length;
  }

  /** `end` is exclusive, so endColumn is the column just past the last character. */
  span(start: number, end: number): Span {
    const from = this.position(start);
    const to = this.position(Math.max(start, end));
    return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
  }
}
