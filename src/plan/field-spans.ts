// Where each field of a plan node was written: its own keys, and every item of the lists
// and maps below them (args/0, applies/windows/min). Later stages report against a field
// of the plan, never by re-reading the document.
import type { Span } from "../diagnostic.js";
import type { SourceMap } from "../front/source-map.js";

export type FieldSpans = Record<string, Span>;

/** Lists of nodes that keep their own spans (methods, steps, evidence): only the list is listed. */
const NESTED = new Set(["methods", "parameters", "detection", "steps", "any", "all"]);

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
  for (const [key, value] of Object.entries(raw))
    addSpans(spans, map, pointer, key, NESTED.has(key) ? undefined : value);
  return spans;
}

/** A field's span, and those of everything written below it, keyed by their path from the node. */
function addSpans(
  spans: FieldSpans,
  map: SourceMap,
  pointer: string,
  path: string,
  value: unknown,
) {
  spans[path] = map.value(`${pointer}/${path}`);
  if (value === null || typeof value !== "object") return;
  for (const [inner, below] of Object.entries(value))
    addSpans(spans, map, pointer, `${path}/${inner}`, below);
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
