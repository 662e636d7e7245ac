// Bytes to text for a playbook: UTF-8 (BOM optional) or UTF-16 with a BOM
// (what Windows PowerShell 5's `>` and Out-File write). Anything else is
// reported with the line/column of the first offending character.
import { LineIndex } from "./line-index.js";

export interface DecodeProblem {
  code: "binary-file" | "invalid-utf8" | "invalid-utf16";
  message: string;
  hint: string;
  line: number;
  column: number;
}

export type EncodingLabel = "utf-8" | "utf-16le" | "utf-16be";

/** `text` is the BOM-less decoded text (lossy when there is a problem, for display). */
export interface Decoded {
  text: string;
  encoding: EncodingLabel;
  problem?: DecodeProblem;
}

interface Encoding {
  label: EncodingLabel;
  bom: readonly number[];
  /** U+FFFD as this encoding spells it, to tell a real one from a decoding error. */
  replacement: readonly number[];
  byteLength(text: string): number;
}

const UTF8: Encoding = {
  label: "utf-8",
  bom: [0xef, 0xbb, 0xbf],
  replacement: [0xef, 0xbf, 0xbd],
  byteLength: (text) => Buffer.byteLength(text, "utf8"),
};
const UTF16LE: Encoding = {
  label: "utf-16le",
  bom: [0xff, 0xfe],
  replacement: [0xfd, 0xff],
  byteLength: (text) => text.length * 2,
};
const UTF16BE: Encoding = {
  ...UTF16LE,
  label: "utf-16be",
  bom: [0xfe, 0xff],
  replacement: [0xff, 0xfd],
};

const RESAVE_HINT = "re-save the file as UTF-8";

export function decodePlaybook(bytes: Uint8Array): Decoded {
  const encoding = [UTF16LE, UTF16BE].find((e) => startsWith(bytes, e.bom, 0)) ?? UTF8;
  // One lenient decode; strictness is checked below only if U+FFFD shows up.
  const text = new TextDecoder(encoding.label).decode(bytes);
  const nul = text.indexOf("\0");
  if (nul !== -1) {
    const message = "file contains a NUL character: this looks like a binary file, not YAML";
    const hint = "playbooks are text (UTF-8, or UTF-16 with a byte-order mark); " + RESAVE_HINT;
    return problem(text, encoding, nul, "binary-file", message, hint);
  }
  const bad = firstDecodingError(text, bytes, encoding);
  if (bad === -1) return { text, encoding: encoding.label };
  if (encoding === UTF8) {
    const message = "file is not valid UTF-8 (first invalid byte here)";
    return problem(text, encoding, bad, "invalid-utf8", message, RESAVE_HINT);
  }
  const message =
    "file has a UTF-16 byte-order mark but is not valid UTF-16 (first invalid unit here)";
  return problem(text, encoding, bad, "invalid-utf16", message, RESAVE_HINT);
}

function problem(
  text: string,
  encoding: Encoding,
  offset: number,
  code: DecodeProblem["code"],
  message: string,
  hint: string,
): Decoded {
  const { line, column } = new LineIndex(text).position(offset);
  return { text, encoding: encoding.label, problem: { code, message, hint, line, column } };
}

/** Index in `text` of the first U+FFFD the decoder invented, or -1 if every one is in the bytes. */
function firstDecodingError(text: string, bytes: Uint8Array, encoding: Encoding): number {
  let byteOffset = startsWith(bytes, encoding.bom, 0) ? encoding.bom.length : 0;
  let from = 0;
  for (let i = text.indexOf("\uFFFD"); i !== -1; i = text.indexOf("\uFFFD", i + 1)) {
    // Everything before `i` decoded cleanly, so its byte length is exact.
    byteOffset += encoding.byteLength(text.slice(from, i));
    if (!startsWith(bytes, encoding.replacement, byteOffset)) return i;
    byteOffset += encoding.replacement.length;
    from = i + 1;
  }
  return -1;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[], at: number): boolean {
  return prefix.every((b, i) => bytes[at + i] === b);
}
