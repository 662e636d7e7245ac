// The only way a value enters a deployment descriptor (JSON): JSON.stringify with every
// non-ASCII character escaped, so descriptors are 7-bit ASCII like the scripts they carry.
import { toTextBytes } from "../emit/bytes.js";

export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

export function jsonBytes(value: unknown): Buffer {
  return toTextBytes(jsonText(value));
}
