// Where each field of a plan node was written: its own keys, and the items of
// lists and maps one level down (args/0, applies/windows). Later stages report
// against a field of the plan, never by re-reading the document.
import type { Span } from "../diagnostic.js";
import type { SourceMap } from "../front/source-map.js";

export type FieldSpans = Record<string, Span>;

/** Nested steps and evidence items keep their own spans; they are not listed here. */
const NESTED = new Set(["steps", "any", "all"]);

export function fieldSpans(
  map: SourceMap,
  pointer: string,
  raw: Record<string, unknown>,
): FieldSpans {
  const spans: FieldSpans = {};
  for (const [key, value] of Object.entries(raw)) {
    spans[key] = map.value(`${pointer}/${key}`);
    if (NESTED.has(key) || value === null || typeof value !== "object") continue;
    for (const inner of Object.keys(value))
      spans[`${key}/${inner}`] = map.value(`${pointer}/${key}/${inner}`);
  }
  return spans;
}

/** The span of a field, or of the node itself when the field was not written (a default). */
export function spanOf(node: { span: Span; fieldSpans?: FieldSpans }, field: string): Span {
  return node.fieldSpans?.[field] ?? node.span;
}
