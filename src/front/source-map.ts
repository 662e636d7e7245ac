// Where each part of a loaded YAML document stands in its file, addressed by
// JSON pointer (RFC 6901), so later stages can report positions without
// re-reading YAML.
import type { Span } from "../diagnostic.js";

export interface SourceMap {
  /** Span of the value at `pointer` ("" is the root); the nearest ancestor's when unknown. */
  value(pointer: string): Span;
  /** Span of the mapping key at `pointer` (for unknown keys); the value's when there is no key. */
  key(pointer: string): Span;
}

export function pointerOf(path: readonly (string | number)[]): string {
  return path.map((p) => "/" + String(p).replace(/~/g, "~0").replace(/\//g, "~1")).join("");
}

export function parentPointer(pointer: string): string {
  const i = pointer.lastIndexOf("/");
  return i <= 0 ? "" : pointer.slice(0, i);
}
