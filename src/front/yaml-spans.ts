// Offsets js-yaml's events leave implicit: the quotes around a quoted scalar,
// the `|`/`>` header of a block scalar, the closing bracket of a flow
// collection, and where a second document begins.
import { SCALAR_STYLE, type Event, type ScalarEvent } from "js-yaml";

/** [start, end) of a scalar as written, or undefined for an empty (null) scalar. */
export function scalarRange(
  text: string,
  event: ScalarEvent,
  cursor: number,
): [number, number] | undefined {
  const { valueStart: start, valueEnd: end, style } = event;
  if (start < 0) return undefined;
  switch (style) {
    case SCALAR_STYLE.SINGLE_QUOTED:
    case SCALAR_STYLE.DOUBLE_QUOTED:
      return [start - 1, end + 1];
    case SCALAR_STYLE.LITERAL_BLOCK:
    case SCALAR_STYLE.FOLDED_BLOCK: {
      // Anchor and tag names may contain `|` and `>`: search after them.
      const from = Math.max(cursor, event.anchorEnd, event.tagEnd);
      return [blockHeaderStart(text, from, start), trimLineBreaks(text, start, end)];
    }
    default:
      return [start, end];
  }
}

/** The `|` or `>` between the previous token (`cursor`) and the block's content. */
function blockHeaderStart(text: string, cursor: number, contentStart: number): number {
  for (let i = cursor; i < contentStart; i++) {
    const ch = text[i];
    if (ch === "|" || ch === ">") return i;
    if (ch === "#") i = lineEnd(text, i);
  }
  return contentStart;
}

/** Block scalar content ends with its line breaks; a span should end on the last text line. */
function trimLineBreaks(text: string, start: number, end: number): number {
  while (end > start && (text[end - 1] === "\n" || text[end - 1] === "\r")) end--;
  return end;
}

/** End (exclusive) of the `]`/`}` closing a flow collection whose last token ended at `cursor`. */
export function closingBracketEnd(text: string, cursor: number): number {
  for (let i = cursor; i < text.length; i++) {
    const ch = text[i];
    if (ch === "]" || ch === "}") return i + 1;
    if (ch === "#") i = lineEnd(text, i);
  }
  return cursor;
}

/** Index of the line break ending the line at `from` (skips a comment). */
function lineEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && text[i] !== "\n" && text[i] !== "\r") i++;
  return i;
}

/** Offset of the first character of `event` in the source, if it has one. */
export function eventStart(event: Event | undefined): number | undefined {
  if (!event) return undefined;
  if ("start" in event) return event.start;
  if ("valueStart" in event && event.valueStart >= 0) return event.valueStart;
  if ("anchorStart" in event && event.anchorStart >= 0) return event.anchorStart - 1;
  return undefined;
}

/** Offsets of every `---` document marker (at the start of a line). */
export function documentMarkers(text: string): number[] {
  const markers: number[] = [];
  const pattern = /(^|\r\n|\r|\n)---(?=[ \t\r\n]|$)/g;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    markers.push(m.index + (m[1] ?? "").length);
  }
  return markers;
}
