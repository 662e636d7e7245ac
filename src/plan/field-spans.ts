// Where each field of a plan node was written: its own keys, and the items of
// lists and maps one level down (args/0, applies/windows). Later stages report
// against a field of the plan, never by re-reading the document.
import type { Span } from "../diagnostic.js";
import type { SourceMap } from "../front/source-map.js";

export type FieldSpans = Record<string, Span>;

/** Nested steps and evidence items keep their own spans; they are not listed here. */
const NESTED = new Set(["steps", "any", "all"]);

/**
 * The spans of a node's fields, worked out when first read. A playbook that compiles reads
 * almost none of them (they place diagnostics); turning every field's offsets into lines and
 * columns was about 100 of the 230 us that lowering a seed playbook took. The record is
 * complete on first use of any kind (a read, `in`, a key listing), so it behaves as the eager
 * one did; `raw` is the schema-valid document, which no stage changes.
 */
export function fieldSpans(
  map: SourceMap,
  pointer: string,
  raw: Record<string, unknown>,
): FieldSpans {
  return lazyRecord(() => spansOf(map, pointer, raw));
}

function spansOf(map: SourceMap, pointer: string, raw: Record<string, unknown>): FieldSpans {
  const spans: FieldSpans = {};
  for (const [key, value] of Object.entries(raw)) {
    spans[key] = map.value(`${pointer}/${key}`);
    if (NESTED.has(key) || value === null || typeof value !== "object") continue;
    for (const inner of Object.keys(value))
      spans[`${key}/${inner}`] = map.value(`${pointer}/${key}/${inner}`);
  }
  return spans;
}

/**
 * A record filled by `build` on its first use. The proxy's target is the record itself, filled
 * in place, so every operation answers from a plain object and the proxy invariants hold.
 */
function lazyRecord<T>(build: () => Record<string, T>): Record<string, T> {
  const target: Record<string, T> = {};
  let pending: (() => Record<string, T>) | undefined = build;
  const filled = (): Record<string, T> => {
    if (pending) {
      const make = pending;
      pending = undefined;
      Object.assign(target, make());
    }
    return target;
  };
  return new Proxy(target, {
    get: (_, key) => Reflect.get(filled(), key),
    has: (_, key) => Reflect.has(filled(), key),
    ownKeys: () => Reflect.ownKeys(filled()),
    getOwnPropertyDescriptor: (_, key) => Reflect.getOwnPropertyDescriptor(filled(), key),
    set: (_, key, value) => Reflect.set(filled(), key, value),
    defineProperty: (_, key, descriptor) => Reflect.defineProperty(filled(), key, descriptor),
    deleteProperty: (_, key) => Reflect.deleteProperty(filled(), key),
  });
}

/** The span of a field, or of the node itself when the field was not written (a default). */
export function spanOf(node: { span: Span; fieldSpans?: FieldSpans }, field: string): Span {
  return node.fieldSpans?.[field] ?? node.span;
}
